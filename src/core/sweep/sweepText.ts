// The words of a sweep's outcome, shared by the notebook renderer, the CLI summary
// and the guidance: the chosen alpha with its spread, the alphas the data cannot tell
// apart, and the one test score of the refit model. Reads the statistics the sweep
// derived (grid.stats, grid.best); computes none of its own.

import type { GridResult } from '../run/result';

/** 3 significant digits, exponent form for small values: 0.01, 1e-4, 4.64e-5. */
export function formatAlpha(a: number): string {
  if (!Number.isFinite(a)) return String(a);
  return a >= 1e-3 && a < 1e4 ? String(Number(a.toPrecision(3))) : a.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/** `validation.loss` -> `validation loss`, `test.r2` -> `test R²`. */
export function selectLabel(select: string): string {
  return select.replace('.', ' ').replace(/\br2\b/, 'R²');
}

/** A figure of `select`'s kind: accuracy in percent, R² and losses to 3 significant digits. */
export function formatScore(select: string, v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (select.endsWith('accuracy')) return `${(100 * v).toFixed(1)}%`;
  return Math.abs(v) >= 1e-3 || v === 0 ? String(Number(v.toPrecision(3))) : v.toExponential(2);
}

/** `alphas` in words: "0.01", "1e-4 and 1e-3", "1e-4, 1e-3 and 0.01", "1e-6 to 0.01 (5 values)". */
function alphaList(alphas: number[]): string {
  const asc = [...alphas].sort((a, b) => a - b).map(formatAlpha);
  if (asc.length <= 1) return asc.join('');
  if (asc.length <= 3) return `${asc.slice(0, -1).join(', ')} and ${asc[asc.length - 1]}`;
  return `${asc[0]} to ${asc[asc.length - 1]} (${asc.length} values)`;
}

/** "1e-4 to 1e-2 are within one standard error of the best mean: the data cannot tell them apart" (null: one alpha stands out). */
export function withinWords(grid: GridResult): string | null {
  const within = grid.best?.within;
  if (!within || within.length < 2) return null;
  const all = within.length === (grid.stats?.length ?? -1);
  return `${all ? 'all alphas tried' : alphaList(within)}${all ? ` (${alphaList(within)})` : ''} are within one standard error of the best mean: the data cannot tell them apart`;
}

/** How the chosen alpha was chosen: "1se: the largest alpha within one standard error of the best (1e-3)". */
export function ruleWords(grid: GridResult): string | null {
  const best = grid.best;
  if (!best || best.rule !== '1se' || best.bestAlpha === undefined) return null;
  return best.bestAlpha === best.alpha
    ? 'the best mean, and no larger alpha within one standard error of it'
    : `the largest alpha within one standard error of the best mean (${formatScore(grid.select ?? '', best.bestMean ?? NaN)} at alpha ${formatAlpha(best.bestAlpha)})`;
}

/** "validation loss 0.206 ± 0.061 (SE, 10 models)"; old results without SE show the std. */
export function spreadWords(grid: GridResult): string {
  const best = grid.best!;
  const select = grid.select ?? 'test.accuracy';
  const se = best.se !== undefined && Number.isFinite(best.se);
  const spread = se ? best.se! : best.std;
  const n = best.n ?? grid.runs.filter((p) => p.alpha === best.alpha && (!p.status || p.status === 'completed')).length;
  const beside = grid.stats?.find((s) => s.alpha === best.alpha)?.beside;
  const besideText = beside && Number.isFinite(beside.mean) ? `, ${selectLabel(beside.key)} ${formatScore(beside.key, beside.mean)}` : '';
  return `${selectLabel(select)} ${formatScore(select, best.mean)} ± ${formatScore(select.replace('accuracy', 'loss'), spread * (select.endsWith('accuracy') ? 100 : 1))}${select.endsWith('accuracy') ? ' points' : ''} (${se ? 'standard error' : 'std'}, ${n} model${n === 1 ? '' : 's'})${besideText}`;
}

/** "test accuracy 87.1%, loss 0.34 (alpha 0.01 refit on all 30 training rows)", or null without a test score. */
export function testWords(grid: GridResult, metric: 'accuracy' | 'r2', nTrain?: number): string | null {
  const t = grid.test;
  if (!t) return null;
  const m = t[metric];
  const metricText = m === undefined ? '' : metric === 'accuracy' ? `test accuracy ${formatScore('accuracy', m)}, ` : `test R² ${formatScore('r2', m)}, `;
  const onValidation = grid.validate && grid.validate.kind !== 'none';
  const how = onValidation ? `alpha ${formatAlpha(t.alpha)} refit on all ${nTrain ?? ''}${nTrain ? ' ' : ''}training rows, scored once` : `alpha ${formatAlpha(t.alpha)}, chosen on these same test rows: optimistic`;
  return `${metricText}test loss ${formatScore('loss', t.loss)} (${how})`;
}

/** One line for summaries: "alpha 0.01 by 1se · validation loss 0.206 ± 0.061 (standard error, 10 models) · test accuracy 87.1%, ...". */
export function sweepBestLine(grid: GridResult, metric: 'accuracy' | 'r2', nTrain?: number): string | null {
  if (!grid.best || !Number.isFinite(grid.best.alpha)) return null;
  const rule = grid.best.rule ? ` by ${grid.best.rule}` : '';
  const test = testWords(grid, metric, nTrain);
  return [`alpha ${formatAlpha(grid.best.alpha)}${rule}`, spreadWords(grid), ...(test ? [test] : [])].join(' · ');
}
