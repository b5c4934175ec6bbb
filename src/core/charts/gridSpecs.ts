// More charts of a sweep over alpha (a `grid:` cell): the regularization path (each
// layer's final weight norm against alpha) and the penalty's share of the training loss
// against alpha. Means over the repeats of each alpha; completed runs only. Pure.

import type { GridPoint, RunResult } from '../run/result';
import type { NormKind, VegaLiteSpec } from './specs';
import { NORM_TITLES } from './specs';
import { alphaAxis, bottomLegend, chartFrame, finite, formatAlpha, layerNamesOf, logScale, seriesColor, themeOf, type ChartOptions } from './specKit';
import { spreadOf } from '../sweep/plan';

export interface AlphaStat {
  alpha: number;
  series: string;
  mean: number;
  std: number;
  lo: number;
  hi: number;
  n: number;
}

function completedRuns(result: RunResult): GridPoint[] {
  const runs = Array.isArray(result.grid?.runs) ? result.grid.runs : [];
  return runs.filter((r) => r && finite(r.alpha) && r.alpha > 0 && (!r.status || r.status === 'completed'));
}

function statsByAlpha(values: { alpha: number; value: number }[], series: string): AlphaStat[] {
  const byAlpha = new Map<number, number[]>();
  for (const { alpha, value } of values) {
    if (!finite(value)) continue;
    const list = byAlpha.get(alpha) ?? [];
    list.push(value);
    byAlpha.set(alpha, list);
  }
  return [...byAlpha.keys()]
    .sort((a, b) => a - b)
    .map((alpha) => {
      const xs = byAlpha.get(alpha)!;
      const { mean, std } = spreadOf(xs);
      return { alpha, series, mean, std, lo: mean - std, hi: mean + std, n: xs.length };
    });
}

/** Layers that have per-run norms in the grid, in layer order. */
export function pathLayers(result: RunResult): string[] {
  const runs = completedRuns(result);
  const names = layerNamesOf(result);
  for (const r of runs) for (const k of Object.keys(r.norms ?? {})) if (!names.includes(k)) names.push(k);
  return names.filter((l) => runs.some((r) => finite(r.norms?.[l]?.l2)));
}

/** Each layer's final norm (mean ± std over repeats) per alpha; series = layer name. */
export function regularizationPath(result: RunResult, kind: NormKind = 'l2'): AlphaStat[] {
  const runs = completedRuns(result);
  return pathLayers(result).flatMap((layer) =>
    statsByAlpha(
      runs.map((r) => ({ alpha: r.alpha, value: Object.prototype.hasOwnProperty.call(r.norms ?? {}, layer) ? r.norms[layer][kind] : NaN })),
      layer,
    ),
  );
}

/** Penalty / (train loss + penalty) at the end of training, per run (the sweep's own figure when it has one). */
export function runPenaltyShare(p: GridPoint): number {
  if (finite(p.penaltyShare)) return p.penaltyShare;
  const loss = p.final?.train?.loss;
  const penalty = p.final?.penalty;
  if (!finite(loss) || !finite(penalty) || loss + penalty <= 0) return NaN;
  return penalty / (loss + penalty);
}

export const PENALTY_SHARE_LABEL = 'penalty share of the training loss';

/** Mean ± std of the penalty's share of the final training loss, per alpha. */
export function penaltySharePoints(result: RunResult): AlphaStat[] {
  return statsByAlpha(completedRuns(result).map((r) => ({ alpha: r.alpha, value: runPenaltyShare(r) })), PENALTY_SHARE_LABEL);
}

export interface PathOptions extends ChartOptions {
  normKind?: NormKind;
}

/** Each layer's final norm against alpha (log x), mean over repeats with a ±1 std band; the chosen alpha marked. */
export function regularizationPathSpec(result: RunResult, opts: PathOptions = {}): VegaLiteSpec {
  const theme = themeOf(opts);
  const kind: NormKind = opts.normKind ?? 'l2';
  const log = opts.scale === 'log' && kind !== 'sparsity';
  const all = layerNamesOf(result);
  const layers = pathLayers(result);
  const rows = regularizationPath(result, kind).filter((r) => !log || r.mean > 0);
  const x = alphaAxis(rows.map((r) => r.alpha));
  const scale = kind === 'sparsity' ? { type: 'linear' as const, domain: [0, 1] } : log ? logScale(rows.flatMap((r) => [r.mean, r.lo, r.hi])) : { type: 'linear' as const, zero: true };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: 'layer',
    scale: { domain: layers, range: layers.map((l) => seriesColor(theme, all.indexOf(l) + 1)) },
    legend: bottomLegend(layers.length, 'layer'),
  };
  const title = NORM_TITLES[kind];
  const repeats = Math.max(0, ...rows.map((r) => r.n));
  return {
    ...chartFrame(result.name, opts, theme, `Regularization path: ${title.name}`, `final ${title.axis} of each layer against alpha, mean over ${repeats} run${repeats === 1 ? '' : 's'} per alpha${log ? ' (log scale)' : ''}`),
    layer: [
      {
        data: { values: rows.map((r) => ({ ...r, lo: log ? Math.max(r.lo, r.mean / 10) : r.lo })) },
        mark: { type: 'area', opacity: 0.15 },
        encoding: { x, y: { field: 'lo', type: 'quantitative', title: title.axis, scale }, y2: { field: 'hi' }, color },
      },
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2, point: true },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', title: title.axis, scale },
          color,
          tooltip: [
            { field: 'series', type: 'nominal', title: 'layer' },
            { field: 'alpha', type: 'quantitative', format: '.2e' },
            { field: 'mean', type: 'quantitative', title: title.name, format: '.4~g' },
            { field: 'std', type: 'quantitative', format: '.2~g' },
            { field: 'n', type: 'quantitative', title: 'runs' },
          ],
        },
      },
      ...bestRule(result, theme.foreground, x),
    ],
  } as VegaLiteSpec;
}

/** The penalty's share of the final training loss against alpha (log x), mean ± 1 std. */
export function penaltyShareSpec(result: RunResult, opts: ChartOptions = {}): VegaLiteSpec {
  const theme = themeOf(opts);
  const rows = penaltySharePoints(result);
  const x = alphaAxis(rows.map((r) => r.alpha));
  const top = Math.min(1, Math.max(0.05, ...rows.map((r) => r.hi)));
  const y = { type: 'quantitative' as const, title: 'penalty / (data loss + penalty)', scale: { domain: [0, top], clamp: true }, axis: { format: '.0%' } };
  const color = seriesColor(theme, 2);
  return {
    ...chartFrame(result.name, opts, theme, 'Penalty share vs alpha', 'share of the final training loss that is penalty, mean ± 1 std'),
    layer: [
      { data: { values: rows }, mark: { type: 'area', opacity: 0.2, color }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2, point: { color, filled: true }, color },
        encoding: {
          x,
          y: { ...y, field: 'mean' },
          tooltip: [
            { field: 'alpha', type: 'quantitative', format: '.2e' },
            { field: 'mean', type: 'quantitative', title: 'penalty share', format: '.1%' },
            { field: 'std', type: 'quantitative', format: '.1%' },
            { field: 'n', type: 'quantitative', title: 'runs' },
          ],
        },
      },
      ...bestRule(result, theme.foreground, x),
    ],
  } as VegaLiteSpec;
}

function bestRule(result: RunResult, color: string, x: ReturnType<typeof alphaAxis>) {
  const best = result.grid?.best;
  if (!best || !finite(best.alpha) || best.alpha <= 0) return [];
  return [
    {
      data: { values: [{ alpha: best.alpha, label: `chosen α = ${formatAlpha(best.alpha)}${best.rule ? ` (${best.rule})` : ''}` }] },
      mark: { type: 'rule' as const, strokeDash: [4, 4], color, opacity: 0.6 },
      encoding: { x, tooltip: [{ field: 'label', type: 'nominal' as const }] },
    },
  ];
}
