// Charts that overlay several runs (the Compare Runs command, compare outputs): one line
// per run of its test loss, total penalty, sum of layer L2 norms or test metric. Pure.

import type { History, RunResult } from '../run/result';
import { downsampleHistory } from '../run/historyThinning';
import { metricLabel, type VegaLiteSpec } from './specs';
import { bottomLegend, chartFrame, epochAxis, finite, logScale, seriesColor, themeOf, type ChartOptions } from './specKit';

export type CompareKind = 'testLoss' | 'penalty' | 'norms' | 'testMetric';

export const COMPARE_KINDS: Record<CompareKind, { title: string; axis: string; subtitle: string; log: boolean }> = {
  testLoss: { title: 'Test loss', axis: 'test loss (no penalty)', subtitle: 'data loss on the test set, per epoch', log: true },
  penalty: { title: 'Total penalty', axis: 'penalty (sum over layers)', subtitle: 'sum of every layer’s penalty, per epoch', log: true },
  norms: { title: 'Weight size', axis: 'Σ layers’ L2 norm', subtitle: 'sum of the layers’ L2 norms √Σw², per epoch', log: true },
  testMetric: { title: 'Test metric', axis: 'test metric', subtitle: 'test metric per epoch', log: false },
};

export const COMPARE_MAX_POINTS = 500;

/** A short form of a run id: its last dash-separated part when short, else its last 6 characters. */
export function shortRunId(runId: string): string {
  const id = typeof runId === 'string' ? runId : '';
  const tail = id.slice(id.lastIndexOf('-') + 1);
  return tail.length >= 3 && tail.length <= 8 ? tail : id.slice(-6);
}

/** The legend label of each run: its name and short id, made unique. */
export function runLabels(runs: RunResult[]): string[] {
  const labels: string[] = [];
  for (const r of runs) {
    const base = `${typeof r.name === 'string' ? r.name : 'run'} · ${shortRunId(r.runId)}`;
    let label = base;
    for (let k = 2; labels.includes(label); k++) label = `${base} (${k})`;
    labels.push(label);
  }
  return labels;
}

/** The series a comparison chart shows for one run's history, at its epochs. */
export function compareSeries(h: History, kind: CompareKind): number[] {
  const n = Array.isArray(h.epoch) ? h.epoch.length : 0;
  const sumOver = (parts: number[][]) => Array.from({ length: n }, (_, i) => (parts.length ? parts.reduce((a, s) => a + (s?.[i] ?? NaN), 0) : NaN));
  switch (kind) {
    case 'testLoss':
      return Array.isArray(h.testLoss) ? h.testLoss : [];
    case 'testMetric':
      return Array.isArray(h.testMetric) ? h.testMetric : [];
    case 'penalty':
      return sumOver(Object.values(h.penalty ?? {}).filter(Array.isArray));
    case 'norms':
      return sumOver(Object.values(h.norms ?? {}).map((s) => s?.l2).filter(Array.isArray));
  }
}

export interface CompareRow {
  epoch: number;
  series: string;
  value: number;
}

export function compareRows(runs: RunResult[], kind: CompareKind, maxPoints = COMPARE_MAX_POINTS, log = false): CompareRow[] {
  const labels = runLabels(runs);
  const rows: CompareRow[] = [];
  runs.forEach((r, k) => {
    if (!r?.history || !Array.isArray(r.history.epoch)) return;
    const h = downsampleHistory(r.history, maxPoints);
    const values = compareSeries(h, kind);
    h.epoch.forEach((epoch, i) => {
      const v = values[i];
      if (finite(epoch) && finite(v) && (!log || v > 0)) rows.push({ epoch, series: labels[k], value: v });
    });
  });
  return rows;
}

/** One line per run; legend = run name and short id. */
export function compareSpec(runs: RunResult[], kind: CompareKind, opts: ChartOptions = {}): VegaLiteSpec {
  const theme = themeOf(opts);
  const info = COMPARE_KINDS[kind];
  const log = opts.scale === 'log' && info.log;
  const labels = runLabels(runs);
  const rows = compareRows(runs, kind, opts.maxPoints ?? COMPARE_MAX_POINTS, log);
  const metrics = [...new Set(runs.map((r) => metricLabel(r.metric)))];
  const axis = kind === 'testMetric' && metrics.length === 1 ? `test ${metrics[0]}` : info.axis;
  const scale = log ? logScale(rows.map((r) => r.value)) : { type: 'linear' as const, zero: kind !== 'testMetric' };
  return {
    ...chartFrame(undefined, opts, theme, kind === 'testMetric' ? `Test ${metrics.length === 1 ? metrics[0] : 'metric'}` : info.title, `${runs.length} runs · ${info.subtitle}${log ? ' (log scale)' : ''}`),
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
    encoding: {
      x: epochAxis(),
      y: { field: 'value', type: 'quantitative', title: axis, scale },
      color: { field: 'series', type: 'nominal', title: 'run', scale: { domain: labels, range: labels.map((_, k) => seriesColor(theme, k)) }, legend: bottomLegend(labels.length) },
      tooltip: [{ field: 'series', type: 'nominal', title: 'run' }, { field: 'epoch', type: 'quantitative' }, { field: 'value', type: 'quantitative', title: axis, format: '.4~g' }],
    },
  } as VegaLiteSpec;
}
