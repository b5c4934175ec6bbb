// Vega-Lite chart specs of a run result, shared by the notebook renderer (browser) and
// the CLI (Node): no Node modules here. Data is inline and downsampled for display.
// Names taken from results (layer and cell names) only ever appear as data values or
// plain text marks, never as field names or HTML.

import type { TopLevelSpec } from 'vega-lite/build/index';
import type { UnitSpec } from 'vega-lite/build/spec/index';
import type { Field } from 'vega-lite/build/channeldef';
import type { MetricName, RunResult, ScoredOn } from '../run/result';
import { scoredOnOf } from '../run/scoredOn';
import { downsampleHistory, MAX_HISTORY_POINTS } from '../run/historyThinning';
import { completeTheme, type ChartTheme } from './theme';
import type { AlphaStats, Spread } from '../run/result';
import { statsOf } from '../sweep/plan';
import { formatScore, selectLabel, withinWords } from '../sweep/sweepText';
import { DEFAULT_WIDTH, alphaAxis, bottomLegend, chartFrame, finite, formatAlpha, layerNamesOf, logScale, seriesColor, type ChartOptions, type NormKind } from './specKit';

export { SCHEMA, DEFAULT_WIDTH, DEFAULT_HEIGHT, type ChartOptions, type NormKind } from './specKit';

export type VegaLiteSpec = TopLevelSpec;
export const TEST_LOSS_LABEL = 'test loss (no penalty)';
export const VALIDATION_LOSS_LABEL = 'validation loss (no penalty)';
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

/** Label of the held-out loss series (the dashed line of the loss breakdown). */
export function heldOutLossLabel(scoredOn: ScoredOn | undefined): string {
  return scoredOnOf(scoredOn) === 'validation' ? VALIDATION_LOSS_LABEL : TEST_LOSS_LABEL;
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
  const layers = layerNamesOf(result).filter((l) => (h.penalty?.[l] ?? []).some((v) => finite(v) && v !== 0));
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

  const color = lossColor(theme, stackNames);
  const yTitle = log ? 'loss (log scale)' : 'loss';
  const x = epochAxis(opts);
  const tooltip = LOSS_TOOLTIP;

  return {
    ...chartFrame(result.name, opts, theme, 'Loss breakdown', log ? 'stacked: data loss + each layer’s penalty = training loss (log scale)' : 'stacked: data loss + each layer’s penalty = training loss'),
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

/** The loss breakdown's colors, final and live: the stacked parts in palette order (a layer's penalty in its slot k + 1), the held-out loss (`lineLabel`) in the foreground color. */
export function lossColor(theme: ChartTheme, stackNames: string[], lineLabel = TEST_LOSS_LABEL) {
  const domain = [...stackNames, lineLabel];
  const range = [...stackNames.map((_, k) => seriesColor(theme, k)), theme.foreground];
  return { field: 'series', type: 'nominal' as const, scale: { domain, range }, legend: bottomLegend(domain.length) };
}

export const LOSS_TOOLTIP = [{ field: 'epoch', type: 'quantitative' as const }, { field: 'series', type: 'nominal' as const }, { field: 'value', type: 'quantitative' as const, format: '.4~g' }];

/** One line per layer: the chosen norm of its penalized weights over the epochs. */
export function weightNormsSpec(result: RunResult, opts: ChartOptions = {}): VegaLiteSpec {
  const h = displayHistory(result, opts);
  const kind: NormKind = opts.normKind ?? 'l2';
  const log = logNorms(opts);
  const all = layerNamesOf(result);
  const layers = all.filter((l) => Array.isArray(h.norms?.[l]?.[kind]));
  const rows: Row[] = [];
  for (const layer of layers) {
    const s = h.norms[layer][kind];
    h.epoch.forEach((epoch, i) => {
      const v = s[i];
      if (finite(epoch) && finite(v) && (!log || v > 0)) rows.push({ epoch, series: layer, value: v });
    });
  }
  return normsChart({
    name: result.name,
    opts,
    layers,
    slots: layers.map((l) => all.indexOf(l) + 1),
    x: epochAxis(opts),
    logScale: logScale(rows.map((r) => r.value)),
    data: { values: rows },
  });
}

/** Whether a norms chart draws on a log scale: asked for, and not the sparsity (a fraction). */
export function logNorms(opts: ChartOptions): boolean {
  return opts.scale === 'log' && (opts.normKind ?? 'l2') !== 'sparsity';
}

/** What a norms chart's caller decides: its rows and how they arrive, its epoch axis, its log scale. */
export interface NormsChartParts {
  name: string | undefined;
  opts: ChartOptions;
  /** The layers drawn, in legend order. */
  layers: string[];
  /** Each drawn layer's palette slot (k + 1 for the k-th layer, as in the loss breakdown), so it keeps its color across charts. */
  slots: number[];
  x: object;
  /** The y scale when logNorms(opts). */
  logScale: object;
  data: { values: unknown[]; name?: string };
  /** Rows to keep, when the data holds more than this chart's norm (the live rows). */
  filter?: string;
  /** Words before the subtitle (`live`). */
  tag?: string;
}

/**
 * The weight-norms chart: title, mark, y axis, layer colors and tooltip, one definition for
 * the final chart (weightNormsSpec) and the live one (liveSpec.ts), which differ only in
 * their NormsChartParts.
 */
export function normsChart(parts: NormsChartParts): VegaLiteSpec {
  const { opts, layers } = parts;
  const theme = completeTheme(opts.theme);
  const kind: NormKind = opts.normKind ?? 'l2';
  const log = logNorms(opts);
  const scale = kind === 'sparsity' ? { type: 'linear' as const, domain: [0, 1] } : log ? parts.logScale : { type: 'linear' as const, zero: true };
  const subtitle = `${NORM_TITLES[kind].axis} of each layer’s penalized weights${log ? ' (log scale)' : ''}`;
  return {
    ...chartFrame(parts.name, opts, theme, `Weight norms: ${NORM_TITLES[kind].name}`, parts.tag ? `${parts.tag} · ${subtitle}` : subtitle),
    data: parts.data,
    ...(parts.filter ? { transform: [{ filter: parts.filter }] } : {}),
    mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
    encoding: {
      x: parts.x,
      y: { field: 'value', type: 'quantitative', title: NORM_TITLES[kind].axis, scale },
      color: {
        field: 'series',
        type: 'nominal',
        title: 'layer',
        scale: { domain: layers, range: parts.slots.map((slot) => seriesColor(theme, slot)) },
        legend: { ...bottomLegend(layers.length), title: 'layer' },
      },
      tooltip: [{ field: 'epoch', type: 'quantitative' }, { field: 'series', type: 'nominal', title: 'layer' }, { field: 'value', type: 'quantitative', format: '.4~g', title: NORM_TITLES[kind].name }],
    },
  } as VegaLiteSpec;
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
    ...chartFrame(result.name, opts, theme, `Train vs test ${label}`, 'shaded: the gap between train and test'),
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
  /** The scored rows' figure shown beside `select` (the loss beside accuracy, or the reverse), in words. */
  beside?: string;
}

/** "validation loss 0.54 ± 0.286 (SE), std 1.11": the figure beside `select` with its spread. */
function besideWords(b: NonNullable<AlphaStats['beside']>): string {
  const points = b.key.endsWith('accuracy') ? 100 : 1;
  const unit = points === 100 ? ' points' : '';
  const key = b.key.replace('accuracy', 'loss');
  return `${selectLabel(b.key)} ${formatScore(b.key, b.mean)} ± ${formatScore(key, b.se * points)}${unit} (SE), std ${formatScore(key, b.std * points)}${unit}`;
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
    out.push({ ...row(set, s), ...(s.beside && finite(s.beside.mean) ? { beside: besideWords(s.beside) } : {}) });
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
  const x = alphaAxis(points.map((p) => p.alpha));
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
          { field: 'beside', type: 'nominal', title: 'beside' },
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
    ...chartFrame(result.name, opts, theme, `Sweep over alpha: ${selectLabel(select)}`, `${set} ${label}, mean ± 1 standard error over ${models} model${models === 1 ? '' : 's'} per alpha${how}${within ? ` · ${within}` : ''}`),
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

function displayHistory(result: RunResult, opts: ChartOptions) {
  const h = result.history ?? ({} as RunResult['history']);
  const shown = Array.isArray(h.epoch) ? downsampleHistory(h, opts.maxPoints ?? MAX_HISTORY_POINTS) : h;
  return { ...shown, epoch: Array.isArray(shown.epoch) ? shown.epoch : [] };
}

function epochAxis(opts: ChartOptions) {
  const width = typeof opts.width === 'number' ? opts.width : DEFAULT_WIDTH;
  return { field: 'epoch', type: 'quantitative' as const, title: 'epoch', scale: { zero: false, nice: false }, axis: { format: 'd', tickMinStep: 1, tickCount: Math.max(2, Math.round(width / 80)) } };
}
