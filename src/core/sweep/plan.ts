// Sweep bookkeeping: which alphas to try, which seeds for the repeats, the spec of
// each point, and how the best alpha is chosen. No training here.

import type { AlphaRange, ExperimentSpec, GridSpec, LayerSpec } from '../spec/experiment';
import { PENALTY_PARTS, withAlpha, type LayerPenalties } from '../spec/penalty';
import type { FinalScores, GridPoint } from '../run/result';

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
}

export function pointsFor(spec: ExperimentSpec, alphas: number[], refined: boolean): SweepPoint[] {
  const grid = spec.grid!;
  return alphas.flatMap((alpha) =>
    Array.from({ length: grid.repeats }, (_, repeat) => ({ alpha, repeat, seed: repeatSeed(spec.train.seed, repeat), refined })),
  );
}

/** The value `select` reads from a point's final scores, and whether higher is better. */
export function selectValue(select: string, final: FinalScores): { value: number; higherIsBetter: boolean } {
  const [set, metric] = select.split('.') as ['train' | 'test', 'loss' | 'accuracy' | 'r2'];
  const value = final[set][metric] ?? NaN;
  return { value, higherIsBetter: metric !== 'loss' };
}

export interface AlphaSummary {
  alpha: number;
  mean: number;
  std: number;
  n: number;
}

/** Mean and (sample) standard deviation of `select` per alpha, over finished repeats. */
export function summarize(grid: GridSpec, runs: readonly GridPoint[]): AlphaSummary[] {
  const byAlpha = new Map<number, number[]>();
  for (const r of runs) {
    if (r.status && r.status !== 'completed') continue;
    const { value } = selectValue(grid.select, r.final);
    if (!Number.isFinite(value)) continue;
    byAlpha.set(r.alpha, [...(byAlpha.get(r.alpha) ?? []), value]);
  }
  return [...byAlpha.entries()]
    .map(([alpha, v]) => {
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const std = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : 0;
      return { alpha, mean, std, n: v.length };
    })
    .sort((a, b) => b.alpha - a.alpha);
}

/** The best alpha by mean `select`; ties go to the larger alpha (the simpler model). */
export function bestAlpha(grid: GridSpec, runs: readonly GridPoint[]): AlphaSummary | null {
  const higher = !grid.select.endsWith('.loss');
  let best: AlphaSummary | null = null;
  for (const s of summarize(grid, runs)) {
    if (!best || (higher ? s.mean > best.mean : s.mean < best.mean)) best = s;
  }
  return best;
}

/** How many points a grid trains at most: coarse and refined alphas times the repeats. */
export function plannedPoints(grid: GridSpec): number {
  return (coarseCount(grid.alpha) + grid.refine) * grid.repeats;
}
