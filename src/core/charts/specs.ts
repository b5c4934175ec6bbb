// Vega-Lite chart specs of a run result, shared by the notebook renderer (browser) and
// the CLI (Node): no Node modules here. Data is inline and downsampled for display.
// Names taken from results (layer and cell names) only ever appear as data values or
// plain text marks, never as field names or HTML.

import type { TopLevelSpec } from 'vega-lite/build/index';
import type { UnitSpec } from 'vega-lite/build/spec/index';
import type { Field } from 'vega-lite/build/channeldef';
import type { MetricName, RunResult } from '../run/result';
import { downsampleHistory, MAX_HISTORY_POINTS } from '../run/historyThinning';
import { DEFAULT_THEME, completeTheme, paletteColor, themeConfig, type ChartTheme } from './theme';
import { decadeTicks } from './logTicks';
import type { Spread } from '../run/result';
import { statsOf } from '../sweep/plan';
import { formatScore, selectLabel, withinWords } from '../sweep/sweepText';

export type VegaLiteSpec = TopLevelSpec;
export type NormKind = 'l2' | 'l1' | 'max' | 'sparsity';

export interface ChartOptions {
  theme?: Partial<ChartTheme>;
  scale?: 'linear' | 'log';
  normKind?: NormKind;
  /** Pixels, or 'container' to follow the element's width (renderer). */
  width?: number | 'container';
  height?: number;
  /** Points per series shown (default 512). */
  maxPoints?: number;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const DEFAULT_WIDTH = 480;
export const DEFAULT_HEIGHT = 260;
export const TEST_LOSS_LABEL = 'test loss (no penalty)';
export const DATA_LOSS_LABEL = 'data loss';

export const NORM_TITLES: Record<NormKind, { name: string; axis: string }> = {
  l2: { name: 'L2 norm', axis: 'L2 norm √Σw²' },
  l1: { name: 'L1 norm', axis: 'L1 norm Σ|w|' },
  max: { name: 'max norm', axis: 'max |w|' },
  sparsity: { name: 'sparsity', axis: 'fraction of |w| < 1e-3' },
};

export function metricLabel(metric: MetricName | string): string {
  return metric === 'r2' ? 'R²' : metric;
}

/** Label of a layer's penalty series in the loss chart's legend. */
export function penaltyLabel(layer: string): string {
  return `${layer} penalty`;
}

// ---------------------------------------------------------------------------------------

/** Stacked areas of the data loss and each layer's penalty, with the test loss as a dashed line. */
export function lossBreakdownSpec(result: RunResult, opts: ChartOptions = {}): VegaLiteSpec {
  const theme = completeTheme(opts.theme);
  const h = displayHistory(result, opts);
  const log = opts.scale === 'log';
  const layers = layerNames(result).filter((l) => (h.penalty?.[l] ?? []).some((v) => finite(v) && v !== 0));
  const stackNames = [DATA_LOSS_LABEL, ...layers.map(penaltyLabel)];
  const stackSeries = [h.dataLoss, ...layers.map((l) => h.penalty[l])];

  // An epoch is stacked only when every part of it is known (a diverged last epoch is not).
  // The stack is computed here: vega-lite's own stack refuses log scales.
  const stacked: { epoch: number; parts: number[] }[] = [];
  h.epoch.forEach((epoch, i) => {
    const parts = stackSeries.map((s) => s?.[i]);
    if (finite(epoch) && parts.every(finite)) stacked.push({ epoch, parts: parts as number[] });
  });
  const line: Row[] = [];
  h.epoch.forEach((epoch, i) => {
    const v = h.testLoss?.[i];
    if (finite(epoch) && finite(v) && (!log || v > 0)) line.push({ epoch, series: TEST_LOSS_LABEL, value: v });
  });

  const tops = stacked.flatMap((r) => r.parts.map((_, k) => r.parts.slice(0, k + 1).reduce((a, b) => a + b, 0)));
  const logS = log ? logScale([...tops, ...line.map((r) => r.value)]) : undefined;
  const scale = logS ?? { type: 'linear' as const, zero: true };
  // On a log scale the stack starts at the bottom of the axis instead of 0.
  const base = logS ? logS.domain[0] : 0;
  const area: StackRow[] = [];
  for (const { epoch, parts } of stacked) {
    let lower = 0;
    parts.forEach((value, k) => {
      const upper = lower + value;
      area.push({ epoch, series: stackNames[k], value, lower: k === 0 ? base : lower, upper });
      lower = upper;
    });
  }

  const domain = [...stackNames, TEST_LOSS_LABEL];
  const range = [...stackNames.map((_, k) => seriesColor(theme, k)), theme.foreground];
  const color = { field: 'series', type: 'nominal' as const, scale: { domain, range }, legend: bottomLegend(domain.length) };
  const yTitle = log ? 'loss (log scale)' : 'loss';
  const x = epochAxis(opts);
  const tooltip = [{ field: 'epoch', type: 'quantitative' as const }, { field: 'series', type: 'nominal' as const }, { field: 'value', type: 'quantitative' as const, format: '.4~g' }];

  return {
    ...frame(result, opts, theme, 'Loss breakdown', log ? 'stacked: data loss + each layer’s penalty = training loss (log scale)' : 'stacked: data loss + each layer’s penalty = training loss'),
    layer: [
      {
        data: { values: area },
        mark: { type: 'area', opacity: 0.85, line: false, interpolate: 'linear' },
        encoding: { x, y: { field: 'upper', type: 'quantitative', title: yTitle, scale }, y2: { field: 'lower' }, color, tooltip },
      },
      {
        data: { values: line },
        mark: { type: 'line', strokeWidth: 2, strokeDash: [6, 3] },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: yTitle, scale }, color, tooltip },
      },
    ],
  };
}

/** One line per layer: the chosen norm of its penalized weights over the epochs. */
export function weightNormsSpec(result: RunResult, opts: ChartOptions = {}): VegaLiteSpec {
  const theme = completeTheme(opts.theme);
  const h = displayHistory(result, opts);
  const kind: NormKind = opts.normKind ?? 'l2';
  const log = opts.scale === 'log' && kind !== 'sparsity';
  const all = layerNames(result);
  const layers = all.filter((l) => Array.isArray(h.norms?.[l]?.[kind]));
  const rows: Row[] = [];
  for (const layer of layers) {
    const s = h.norms[layer][kind];
    h.epoch.forEach((epoch, i) => {
      const v = s[i];
      if (finite(epoch) && finite(v) && (!log || v > 0)) rows.push({ epoch, series: layer, value: v });
    });
  }
  const title = `Weight norms: ${NORM_TITLES[kind].name}`;
  const scale = kind === 'sparsity' ? { type: 'linear' as const, domain: [0, 1] } : log ? logScale(rows.map((r) => r.value)) : { type: 'linear' as const, zero: true };
  return {
    ...frame(result, opts, theme, title, `${NORM_TITLES[kind].axis} of each layer’s penalized weights${log ? ' (log scale)' : ''}`),
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
    encoding: {
      x: epochAxis(opts),
      y: { field: 'value', type: 'quantitative', title: NORM_TITLES[kind].axis, scale },
      color: {
        field: 'series',
        type: 'nominal',
        title: 'layer',
        // A layer keeps its color across charts: slot k + 1, as in the loss breakdown.
        scale: { domain: layers, range: layers.map((l) => seriesColor(theme, all.indexOf(l) + 1)) },
        legend: { ...bottomLegend(layers.length), title: 'layer' },
      },
      tooltip: [{ field: 'epoch', type: 'quantitative' }, { field: 'series', type: 'nominal', title: 'layer' }, { field: 'value', type: 'quantitative', format: '.4~g', title: NORM_TITLES[kind].name }],
    },
  };
}

/** Train and test metric over the epochs, the gap between them shaded. */
export function metricsSpec(result: RunResult, opts: ChartOptions = {}): VegaLiteSpec {
  const theme = completeTheme(opts.theme);
  const h = displayHistory(result, opts);
  const label = metricLabel(result.metric);
  const trainName = `train ${label}`;
  const testName = `test ${label}`;
  const band: { epoch: number; train: number; test: number }[] = [];
  const lines: Row[] = [];
  h.epoch.forEach((epoch, i) => {
    const tr = h.trainMetric?.[i];
    const te = h.testMetric?.[i];
    if (!finite(epoch)) return;
    if (finite(tr)) lines.push({ epoch, series: trainName, value: tr });
    if (finite(te)) lines.push({ epoch, series: testName, value: te });
    if (finite(tr) && finite(te)) band.push({ epoch, train: tr, test: te });
  });
  // R² can start far below 0 and flatten everything else: show it from -1 when it does.
  const values = lines.map((r) => r.value);
  const clipped = result.metric === 'r2' && values.some((v) => v < -1);
  const scale = clipped ? { type: 'linear' as const, domain: [-1, Math.max(1, ...values)], clamp: true } : { type: 'linear' as const, zero: false };
  const x = epochAxis(opts);
  return {
    ...frame(result, opts, theme, `Train vs test ${label}`, 'shaded: the gap between train and test'),
    layer: [
      {
        data: { values: band },
        mark: { type: 'area', opacity: 0.18, color: theme.foreground },
        encoding: { x, y: { field: 'train', type: 'quantitative', scale }, y2: { field: 'test' } },
      },
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: clipped ? `${label} (clipped at -1)` : label, scale },
          color: { field: 'series', type: 'nominal', scale: { domain: [trainName, testName], range: [seriesColor(theme, 0), seriesColor(theme, 1)] }, legend: bottomLegend(2) },
          tooltip: [{ field: 'epoch', type: 'quantitative' }, { field: 'series', type: 'nominal' }, { field: 'value', type: 'quantitative', format: '.4~g' }],
        },
      },
    ],
  };
}

export interface SweepPoint {
  alpha: number;
  /** Which rows the figure is on: the rows each point trained on, or the rows `select` scores. */
  set: 'train' | 'validation' | 'test';
  series: string;
  /** Whether the alpha came from the coarse log grid or from refining inside the chosen decade. */
  stage: 'coarse' | 'refined';
  mean: number;
  std: number;
  /** Standard error of the mean; the band is mean ± 1 SE. */
  se: number;
  lo: number;
  hi: number;
  n: number;
}

/** The `select` quantity per alpha (and the same on the training rows), from the statistics the sweep derived. */
export function sweepPoints(result: RunResult): SweepPoint[] {
  if (!result.grid) return [];
  const metric = result.metric === 'r2' ? 'r2' : 'accuracy';
  const select = result.grid.select ?? `test.${metric}`;
  const [set, what] = select.split('.') as ['train' | 'validation' | 'test', string];
  const label = what === 'loss' ? 'loss' : metricLabel(what as MetricName);
  const out: SweepPoint[] = [];
  for (const s of statsOf(result.grid, metric)) {
    if (!finite(s.alpha) || s.alpha <= 0) continue;
    const stage = s.refined ? ('refined' as const) : ('coarse' as const);
    const row = (on: SweepPoint['set'], v: Spread): SweepPoint => ({ alpha: s.alpha, set: on, series: `${on} ${label}`, stage, mean: v.mean, std: v.std, se: v.se, lo: v.mean - v.se, hi: v.mean + v.se, n: v.n });
    if (set !== 'train' && s.train) out.push(row('train', s.train));
    out.push(row(set, s));
  }
  return out;
}

/**
 * A sweep's `select` quantity against alpha (log x): the scored rows' mean ± 1 standard
 * error and the training rows' mean, the rule's choice, the threshold one SE from the
 * best mean, and the one test score of the chosen alpha refit on all training rows.
 */
export function sweepSpec(result: RunResult, opts: ChartOptions = {}): VegaLiteSpec {
  const theme = completeTheme(opts.theme);
  const points = sweepPoints(result);
  const grid = result.grid;
  const select = grid?.select ?? `test.${result.metric}`;
  const [set, what] = select.split('.');
  const label = what === 'loss' ? 'loss' : metricLabel(what as MetricName);
  const names = [...new Set(points.map((p) => p.series))];
  const color = { field: 'series', type: 'nominal' as const, scale: { domain: names, range: names.map((n) => seriesColor(theme, n.startsWith('train') ? 0 : 1)) }, legend: bottomLegend(names.length) };
  const decades = decadeTicks(points.map((p) => p.alpha));
  const x = { field: 'alpha', type: 'quantitative' as const, title: 'alpha (penalty strength, log scale)', scale: { type: 'log' as const }, axis: { format: '.0e', grid: true, ...(decades ? { values: decades } : {}) } };
  const yTitle = `${label} (mean ± 1 standard error)`;
  const y = { type: 'quantitative' as const, scale: { zero: false } };
  const models = Math.max(0, ...points.map((p) => p.n));
  const best = grid?.best && finite(grid.best.alpha) && grid.best.alpha > 0 ? grid.best : null;
  const scored = points.filter((p) => p.set === set);
  const chosenMean = best ? (scored.find((p) => p.alpha === best.alpha)?.mean ?? best.mean) : NaN;
  const rule = best?.rule ? ` (${best.rule})` : '';
  const bestRow = best ? [{ alpha: best.alpha, mean: chosenMean, label: `chosen α = ${formatAlpha(best.alpha)}${rule}` }] : [];
  const testValue = grid?.test && best ? (what === 'loss' ? grid.test.loss : grid.test[what as 'accuracy' | 'r2']) : undefined;
  const testRow = finite(testValue) ? [{ alpha: grid!.test!.alpha, mean: testValue, label: `test ${label} ${formatScore(select, testValue)} (refit on all training rows)` }] : [];
  const threshold = best && best.rule === '1se' && finite(best.bestMean) && finite(best.bestSe) && best.bestSe > 0 ? [{ mean: best.bestMean + (what === 'loss' ? 1 : -1) * best.bestSe }] : [];

  const layer: UnitSpec<Field>[] = [
    {
      data: { values: points },
      mark: { type: 'area', opacity: 0.2 },
      encoding: { x, y: { ...y, field: 'lo', title: yTitle }, y2: { field: 'hi' }, color },
    },
    { data: { values: points }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: { ...y, field: 'mean', title: yTitle }, color } },
    {
      // Coarse alphas as filled circles, the values refined inside the chosen decade as
      // open triangles: which points the search added after the first pass.
      data: { values: points },
      mark: { type: 'point', size: 60, strokeWidth: 2, filled: true },
      encoding: {
        x,
        y: { ...y, field: 'mean' },
        color,
        shape: { field: 'stage', type: 'nominal', title: 'alpha', scale: { domain: ['coarse', 'refined'], range: ['circle', 'triangle-up'] }, legend: bottomLegend(2) },
        fillOpacity: { field: 'stage', type: 'ordinal', sort: ['coarse', 'refined'], scale: { domain: ['coarse', 'refined'], range: [1, 0] }, legend: null },
        // The outline carries the series colour, so that an open triangle still shows.
        stroke: color,
        tooltip: [
          { field: 'alpha', type: 'quantitative', format: '.2e' },
          { field: 'series', type: 'nominal' },
          { field: 'stage', type: 'nominal', title: 'from' },
          { field: 'mean', type: 'quantitative', format: '.4~g' },
          { field: 'se', type: 'quantitative', title: 'standard error', format: '.2~g' },
          { field: 'std', type: 'quantitative', format: '.2~g' },
          { field: 'n', type: 'quantitative', title: 'models' },
        ],
      },
    },
  ];
  if (threshold.length) {
    // Every alpha whose mean is on the good side of this line is within one standard
    // error of the best: the 1se rule takes the largest of them.
    layer.push({ data: { values: threshold }, mark: { type: 'rule', strokeDash: [2, 3], color: theme.foreground, opacity: 0.5 }, encoding: { y: { ...y, field: 'mean' }, tooltip: [{ field: 'mean', type: 'quantitative', title: 'best mean ± 1 SE', format: '.4~g' }] } });
  }
  if (bestRow.length) {
    layer.push(
      { data: { values: bestRow }, mark: { type: 'rule', strokeDash: [4, 4], color: theme.foreground, opacity: 0.6 }, encoding: { x } },
      { data: { values: bestRow }, mark: { type: 'point', shape: 'diamond', size: 140, filled: true, color: theme.foreground }, encoding: { x, y: { ...y, field: 'mean' }, tooltip: [{ field: 'label', type: 'nominal' }] } },
      { data: { values: bestRow }, mark: { type: 'text', align: 'left', dx: 6, dy: -10, color: theme.foreground, font: theme.font }, encoding: { x, y: { ...y, field: 'mean' }, text: { field: 'label', type: 'nominal' } } },
    );
  }
  if (testRow.length) {
    layer.push(
      { data: { values: testRow }, mark: { type: 'point', shape: 'square', size: 110, filled: true, color: seriesColor(theme, 2) }, encoding: { x, y: { ...y, field: 'mean' }, tooltip: [{ field: 'label', type: 'nominal' }] } },
      { data: { values: testRow }, mark: { type: 'text', align: 'left', dx: 8, dy: 12, color: seriesColor(theme, 2), font: theme.font }, encoding: { x, y: { ...y, field: 'mean' }, text: { value: 'test (refit)' } } },
    );
  }
  const how = best?.rule ? ` · chosen by ${best.rule}` : '';
  const within = grid ? withinWords(grid) : null;
  return {
    ...frame(result, opts, theme, `Sweep over alpha: ${selectLabel(select)}`, `${set} ${label}, mean ± 1 standard error over ${models} model${models === 1 ? '' : 's'} per alpha${how}${within ? ` · ${within}` : ''}`),
    layer,
  };
}

// ---------------------------------------------------------------------------------------

interface Row {
  epoch: number;
  series: string;
  value: number;
}

interface StackRow extends Row {
  lower: number;
  upper: number;
}

function frame(result: RunResult, opts: ChartOptions, theme: ChartTheme, title: string, subtitle: string) {
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: result.name ? `${result.name} · ${subtitle}` : subtitle },
    width: opts.width ?? DEFAULT_WIDTH,
    height: opts.height ?? DEFAULT_HEIGHT,
    background: theme.background,
    config: themeConfig(theme),
  };
}

function displayHistory(result: RunResult, opts: ChartOptions) {
  const h = result.history ?? ({} as RunResult['history']);
  const shown = Array.isArray(h.epoch) ? downsampleHistory(h, opts.maxPoints ?? MAX_HISTORY_POINTS) : h;
  return { ...shown, epoch: Array.isArray(shown.epoch) ? shown.epoch : [] };
}

/** Layer names: the result's layers in order, then any others its history names. */
function layerNames(result: RunResult): string[] {
  const names = (result.layers ?? []).map((l) => l.name);
  for (const key of [...Object.keys(result.history?.penalty ?? {}), ...Object.keys(result.history?.norms ?? {})]) {
    if (!names.includes(key)) names.push(key);
  }
  return names;
}

/** A horizontal legend under the chart, without title, its symbols opaque even for areas. */
function bottomLegend(entries: number) {
  return { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, columns: Math.min(Math.max(entries, 1), 4), symbolOpacity: 1 };
}


function epochAxis(opts: ChartOptions) {
  const width = typeof opts.width === 'number' ? opts.width : DEFAULT_WIDTH;
  return { field: 'epoch', type: 'quantitative' as const, title: 'epoch', scale: { zero: false, nice: false }, axis: { format: 'd', tickMinStep: 1, tickCount: Math.max(2, Math.round(width / 80)) } };
}

function logScale(values: number[]) {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = positive.length ? Math.min(...positive) : 1e-3;
  const hi = positive.length ? Math.max(...positive) : 1;
  // The stack's baseline is 0: clamping draws it at the bottom edge instead of -infinity.
  return { type: 'log' as const, domain: [lo, hi > lo ? hi : lo * 10], clamp: true, nice: false };
}

function seriesColor(theme: ChartTheme, slot: number): string {
  return paletteColor(theme.palette.length ? theme : DEFAULT_THEME, slot);
}

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function formatAlpha(a: number): string {
  return a >= 0.01 && a < 1000 ? String(Number(a.toPrecision(3))) : a.toExponential(1).replace('.0e', 'e');
}
