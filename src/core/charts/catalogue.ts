// The chart catalogue: every chart a run can have, in display order, with its title,
// when it applies, its controls and how its spec is built. The notebook renderer's
// panels, the live view of a running cell, the CLI's --charts and Export Run all read
// this one table, so they show the same charts under the same titles. Pure: browser and
// Node.

import type { RunResult } from '../run/result';
import { lossBreakdownSpec, metricLabel, metricsSpec, sweepPoints, sweepSpec, weightNormsSpec, type ChartOptions, type NormKind, type VegaLiteSpec } from './specs';
import { decisionBoundarySpec, hasBoundary } from './boundarySpec';
import { histogramLayers, weightHistogramSpec } from './histogramSpec';
import { pathLayers, penaltySharePoints, penaltyShareSpec, regularizationPathSpec } from './gridSpecs';
import { liveLossSpec, liveNormsSpec, type LivePoint, type LiveRun } from './liveSpec';

export type { LiveRun } from './liveSpec';

export type ChartId = 'loss' | 'norms' | 'metrics' | 'boundary' | 'weights' | 'sweep' | 'path' | 'share';

/** A row of segmented buttons above a chart (linear/log, which norm). */
export interface ChartControl {
  id: string;
  label?: string;
  options: { value: string; label: string; title?: string }[];
  /** The value a chart starts with, and the one files are written with. */
  value: string;
}

export interface BuildOptions extends Pick<ChartOptions, 'theme' | 'width' | 'height' | 'maxPoints'> {
  /** Control id -> chosen value; a control not named takes its starting value. */
  state?: Record<string, string>;
}

export interface ChartKind {
  id: ChartId;
  title(result: Pick<RunResult, 'metric'>): string;
  applies(result: RunResult): boolean;
  controls: ChartControl[];
  build(result: RunResult, opts?: BuildOptions): VegaLiteSpec;
  /** The same chart while the run trains, grown from live rows (the charts the product exists for). */
  live?: { controls: ChartControl[]; build(run: LiveRun, values: LivePoint[], opts?: BuildOptions): VegaLiteSpec };
}

export const SCALE_CONTROL: ChartControl = { id: 'scale', label: 'y', options: [{ value: 'linear', label: 'linear' }, { value: 'log', label: 'log' }], value: 'linear' };
export const COUNT_CONTROL: ChartControl = { id: 'count', label: 'count', options: [{ value: 'linear', label: 'linear' }, { value: 'log', label: 'log' }], value: 'linear' };
export const NORM_CONTROL: ChartControl = {
  id: 'norm',
  label: 'norm',
  options: [
    { value: 'l2', label: 'L2', title: 'L2 norm √Σw²' },
    { value: 'l1', label: 'L1', title: 'L1 norm Σ|w|' },
    { value: 'max', label: 'max |w|', title: 'largest |w|' },
    { value: 'sparsity', label: 'sparsity', title: 'fraction of |w| < 1e-3' },
  ],
  value: 'l2',
};

/** The value of control `c` in `opts.state`, or its starting value when unset or not one of its options. */
export function controlValue(c: ChartControl, opts: BuildOptions = {}): string {
  const v = opts.state?.[c.id];
  return v !== undefined && c.options.some((o) => o.value === v) ? v : c.value;
}

const scaleOf = (opts?: BuildOptions) => controlValue(SCALE_CONTROL, opts) as 'linear' | 'log';
const normOf = (opts?: BuildOptions) => controlValue(NORM_CONTROL, opts) as NormKind;
const hasHistory = (r: RunResult) => Array.isArray(r.history?.epoch) && r.history.epoch.length > 0;
const chartOptions = ({ theme, width, height, maxPoints }: BuildOptions = {}): ChartOptions => ({ theme, width, height, maxPoints });

export const CHART_CATALOGUE: readonly ChartKind[] = [
  {
    id: 'loss',
    title: () => 'Loss breakdown',
    applies: hasHistory,
    controls: [SCALE_CONTROL],
    build: (r, o) => lossBreakdownSpec(r, { ...chartOptions(o), scale: scaleOf(o) }),
    live: { controls: [], build: (run, values, o) => liveLossSpec(run, values, chartOptions(o)) },
  },
  {
    id: 'norms',
    title: () => 'Weight norms',
    applies: (r) => hasHistory(r) && Object.values(r.history?.norms ?? {}).some((n) => Array.isArray(n?.l2)),
    controls: [NORM_CONTROL, SCALE_CONTROL],
    build: (r, o) => weightNormsSpec(r, { ...chartOptions(o), normKind: normOf(o), scale: scaleOf(o) }),
    live: { controls: [NORM_CONTROL, SCALE_CONTROL], build: (run, values, o) => liveNormsSpec(run, values, { ...chartOptions(o), normKind: normOf(o), scale: scaleOf(o) }) },
  },
  {
    id: 'metrics',
    title: (r) => `Train vs test ${metricLabel(r.metric)}`,
    applies: hasHistory,
    controls: [],
    build: (r, o) => metricsSpec(r, chartOptions(o)),
  },
  {
    id: 'boundary',
    title: () => 'Decision boundary',
    applies: hasBoundary,
    controls: [],
    build: (r, o) => decisionBoundarySpec(r, chartOptions(o)),
  },
  {
    id: 'weights',
    title: () => 'Final weights',
    applies: (r) => histogramLayers(r).length > 0,
    controls: [COUNT_CONTROL],
    build: (r, o) => weightHistogramSpec(r, { ...chartOptions(o), countScale: controlValue(COUNT_CONTROL, o) as 'linear' | 'log' }),
  },
  {
    id: 'sweep',
    title: () => 'Sweep over alpha',
    applies: (r) => !!r.grid && sweepPoints(r).length > 0,
    controls: [],
    build: (r, o) => sweepSpec(r, chartOptions(o)),
  },
  {
    // The regularization path and the penalty share are built by gridSpecs.ts.
    id: 'path',
    title: () => 'Regularization path',
    applies: (r) => !!r.grid && pathLayers(r).length > 0,
    controls: [NORM_CONTROL, SCALE_CONTROL],
    build: (r, o) => regularizationPathSpec(r, { ...chartOptions(o), normKind: normOf(o), scale: scaleOf(o) }),
  },
  {
    id: 'share',
    title: () => 'Penalty share vs alpha',
    applies: (r) => !!r.grid && penaltySharePoints(r).length > 0,
    controls: [],
    build: (r, o) => penaltyShareSpec(r, chartOptions(o)),
  },
];

/** The charts `result` has, in display order. */
export function chartsFor(result: RunResult): ChartKind[] {
  return CHART_CATALOGUE.filter((k) => k.applies(result));
}

/** The charts a running cell shows (those with a live form), in display order. */
export function liveCharts(): ChartKind[] {
  return CHART_CATALOGUE.filter((k) => k.live);
}

export interface BuiltChart {
  id: ChartId;
  title: string;
  spec: VegaLiteSpec;
}

/** Every chart `result` has, built with each control at its starting value: what files and exports hold. */
export function buildCharts(result: RunResult, opts: BuildOptions = {}): BuiltChart[] {
  return chartsFor(result).map((k) => ({ id: k.id, title: k.title(result), spec: k.build(result, opts) }));
}
