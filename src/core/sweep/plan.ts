// Sweep bookkeeping: which alphas to try, which seeds for the repeats, the spec of
// each point, the per-alpha statistics and the chosen alpha (derived here once, read
// by the charts, the summaries and the guidance). No training here.

import type { AlphaRange, ExperimentSpec, GridSpec, GridValidation, LayerSpec, SelectionRule } from '../experiment/experiment';
import { PENALTY_PARTS, withAlpha, type LayerPenalties } from '../experiment/penalty';
import type { AlphaStats, GridBest, GridPoint, GridResult, ScoredOn, Spread } from '../run/result';
import { heldOutsOf, type HeldOut } from './validation';
import { scoredOnOf } from '../run/scoredOn';

/** The coarse alphas of a grid, largest first (the log-scale search of the tutorial). */
export function coarseAlphas(alpha: number[] | AlphaRange): number[] {
  if (Array.isArray(alpha)) return [...new Set(alpha)].sort((a, b) => b - a);
  const lo = Math.log10(alpha.from);
  const hi = Math.log10(alpha.to);
  const steps = coarseCount(alpha) - 1;
  return Array.from({ length: steps + 1 }, (_, i) => roundAlpha(10 ** (hi - (i * (hi - lo)) / steps)));
}

/** How many coarse alphas a grid has, without listing them (the limits check reads it for any perDecade). */
export function coarseCount(alpha: number[] | AlphaRange): number {
  if (Array.isArray(alpha)) return new Set(alpha).size;
  return Math.max(1, Math.round((Math.log10(alpha.to) - Math.log10(alpha.from)) * alpha.perDecade)) + 1;
}

/**
 * `n` values log-spaced strictly inside the decade around `best` (best/10 .. best*10),
 * none equal to a value already tried.
 */
export function refineAlphas(best: number, n: number, tried: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i <= n; i++) {
    const exponent = -1 + (2 * i) / (n + 1);
    const a = roundAlpha(best * 10 ** exponent);
    if (!tried.some((t) => Math.abs(t - a) <= 1e-9 * a)) out.push(a);
  }
  return out.sort((a, b) => b - a);
}

/** Keeps alphas readable (3 significant digits) and identical between runs. */
function roundAlpha(a: number): number {
  return Number(a.toPrecision(3));
}

/** Distinct, repeatable seeds for the repeats of one alpha (repeat 0 keeps the cell's seed). */
export function repeatSeed(baseSeed: number, repeat: number): number {
  return repeat === 0 ? baseSeed : (baseSeed + Math.imul(repeat, 0x9e3779b1)) >>> 0;
}

/** The cell with every penalty's coefficient replaced by alpha. */
export function layersWithAlpha(layers: LayerSpec[], alpha: number): LayerSpec[] {
  return layers.map((l) => {
    const penalties: LayerPenalties = {};
    for (const part of PENALTY_PARTS) {
      const p = l.penalties[part];
      if (p) penalties[part] = withAlpha(p, alpha);
    }
    return { ...l, penalties };
  });
}

export interface SweepPoint {
  alpha: number;
  repeat: number;
  seed: number;
  refined: boolean;
  /** The training rows this point holds out to be scored on (absent: validate none). */
  heldOut?: HeldOut;
}

/** What a point's held-out figures are scored on: its held-out training rows, or the test set. */
export function pointScoredOn(p: SweepPoint): ScoredOn {
  return p.heldOut ? 'validation' : 'test';
}

/** Every (alpha, repeat, fold) of `alphas`: one model each. `validate` is the one the rows allow (planValidation). */
export function pointsFor(spec: ExperimentSpec, alphas: number[], refined: boolean, validate: GridValidation = spec.grid!.validate): SweepPoint[] {
  const grid = spec.grid!;
  return alphas.flatMap((alpha) =>
    Array.from({ length: grid.repeats }, (_, repeat) => {
      const seed = repeatSeed(spec.train.seed, repeat);
      const held = heldOutsOf(validate, seed);
      return held.length ? held.map((heldOut) => ({ alpha, repeat, seed, refined, heldOut })) : [{ alpha, repeat, seed, refined }];
    }).flat(),
  );
}

/** The value `select` reads from a point, and whether higher is better (NaN: the point has no such figure). */
export function selectValue(select: string, point: Pick<GridPoint, 'final' | 'scoredOn'>): { value: number; higherIsBetter: boolean } {
  const [set, metric] = select.split('.') as ['train' | 'test' | 'validation', 'loss' | 'accuracy' | 'r2'];
  const scoredOn = scoredOnOf(point.scoredOn);
  const scores = set === 'train' ? point.final.train : set === scoredOn ? point.final.test : undefined;
  const value = scores?.[metric] ?? NaN;
  return { value, higherIsBetter: metric !== 'loss' };
}

/** Whether higher values of `select` are better (accuracy, R²) or lower (loss). */
export function higherIsBetter(select: string): boolean {
  return !select.endsWith('.loss');
}

/** Mean, sample std, standard error and count of the finite values (NaN mean when none). */
export function spreadOf(values: readonly number[]): Spread {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: NaN, std: NaN, se: NaN, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const std = n > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, std, se: std / Math.sqrt(n), n };
}

/** The figure shown beside `select`: the metric beside a loss, the loss beside a metric. */
function besideKey(select: string, metric: 'accuracy' | 'r2'): string {
  const [set, what] = select.split('.');
  return `${set}.${what === 'loss' ? metric : 'loss'}`;
}

/**
 * The statistics of `select` per alpha over its finished points (every repeat and
 * fold), ascending alpha, with the same quantity on the training rows and the figure
 * shown beside it. Alphas without a finite value are left out. Derived once per sweep:
 * every view reads these.
 */
export function summarize(grid: Pick<GridSpec, 'select'>, runs: readonly GridPoint[], metric: 'accuracy' | 'r2' = 'accuracy'): AlphaStats[] {
  const byAlpha = new Map<number, GridPoint[]>();
  for (const r of runs) {
    if (r.status && r.status !== 'completed') continue;
    byAlpha.set(r.alpha, [...(byAlpha.get(r.alpha) ?? []), r]);
  }
  const trainKey = `train.${grid.select.split('.')[1]}`;
  const beside = besideKey(grid.select, metric);
  const out: AlphaStats[] = [];
  for (const [alpha, points] of byAlpha) {
    const main = spreadOf(points.map((p) => selectValue(grid.select, p).value));
    if (main.n === 0) continue;
    const stats: AlphaStats = { alpha, refined: points.some((p) => p.refined === true), ...main };
    if (trainKey !== grid.select) {
      const train = spreadOf(points.map((p) => selectValue(trainKey, p).value));
      if (train.n > 0) stats.train = train;
    }
    const b = spreadOf(points.map((p) => selectValue(beside, p).value));
    if (b.n > 0) stats.beside = { key: beside, ...b };
    out.push(stats);
  }
  return out.sort((a, b) => a.alpha - b.alpha);
}

/**
 * The chosen alpha. `best`: the best mean (ties to the larger alpha, the simpler
 * model). `1se`: the largest alpha whose mean is within one standard error (of the
 * best alpha's mean) of the best mean, as glmnet's lambda.1se. Alphas the data cannot
 * tell from the best are listed in `within`.
 */
export function chooseAlpha(stats: readonly AlphaStats[], select: string, rule: SelectionRule): GridBest | null {
  const higher = higherIsBetter(select);
  let top: AlphaStats | null = null;
  for (const s of stats) {
    if (!Number.isFinite(s.mean)) continue;
    if (!top || (higher ? s.mean > top.mean : s.mean < top.mean) || (s.mean === top.mean && s.alpha > top.alpha)) top = s;
  }
  if (!top) return null;
  const se = Number.isFinite(top.se) ? top.se : 0;
  const threshold = higher ? top.mean - se : top.mean + se;
  const within = stats
    .filter((s) => Number.isFinite(s.mean) && (higher ? s.mean >= threshold : s.mean <= threshold))
    .map((s) => s.alpha)
    .sort((a, b) => b - a);
  const chosen = rule === '1se' ? stats.find((s) => s.alpha === within[0])! : top;
  return {
    alpha: chosen.alpha,
    mean: chosen.mean,
    std: chosen.std,
    se: chosen.se,
    n: chosen.n,
    rule,
    bestAlpha: top.alpha,
    bestMean: top.mean,
    bestSe: top.se,
    within,
  };
}

/** The chosen alpha of a grid's finished points (summarize, then chooseAlpha). */
export function bestAlpha(grid: Pick<GridSpec, 'select' | 'rule'>, runs: readonly GridPoint[], metric: 'accuracy' | 'r2' = 'accuracy'): GridBest | null {
  return chooseAlpha(summarize(grid, runs, metric), grid.select, grid.rule ?? '1se');
}

/** How many points a grid trains at most: coarse and refined alphas times the repeats times the folds. */
export function plannedPoints(grid: GridSpec): number {
  const folds = grid.validate?.kind === 'folds' ? grid.validate.folds : 1;
  return (coarseCount(grid.alpha) + grid.refine) * grid.repeats * folds;
}

/**
 * A stored sweep's per-alpha statistics: the ones it derived (grid.stats), or, for a
 * result stored before they were kept, the same derivation over its points.
 */
export function statsOf(grid: Pick<GridResult, 'stats' | 'select' | 'runs'>, metric: 'accuracy' | 'r2'): AlphaStats[] {
  if (Array.isArray(grid.stats)) return grid.stats;
  const runs = Array.isArray(grid.runs) ? grid.runs.filter((r) => r && Number.isFinite(r.alpha) && r.alpha > 0) : [];
  return summarize({ select: grid.select ?? `test.${metric}` }, runs, metric);
}
