// A sweep cut into N shards: every (alpha, repeat, fold) is one model, listed in plan
// order (pointsFor), and shard I of N trains the I-th of N contiguous slices of that list.
// Slices differ in size by at most one model and depend on nothing but (models, I, N),
// so every job of an array computes the same cut without talking to the others. A slice
// is contiguous, so an alpha's repeats and folds mostly stay in one shard and still
// train stacked there.
//
// With `refine`, a sweep has two stages: the coarse alphas, then (planned by the first
// merge, from the coarse points) the refined alphas around the chosen one, each stage
// cut into shards of its own.

import type { ExperimentSpec, GridValidation } from '../experiment/experiment';
import type { GridPoint } from '../run/result';
import { bestAlpha, coarseAlphas, pointsFor, refineAlphas, type SweepPoint } from './plan';

import type { Stage } from '../store/shardStore';
export type { Stage };

/** The models [first, end) of `models` that shard `index` of `count` trains. */
export function shardSlice(models: number, index: number, count: number): { first: number; end: number } {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`shard ${index} of ${count}: the index must be a whole number from 0 to ${count - 1}`);
  }
  return { first: Math.floor((index * models) / count), end: Math.floor(((index + 1) * models) / count) };
}

/** The points of one stage, in plan order: the coarse alphas (stage 1) or the refine plan's (stage 2). */
export function stagePoints(spec: ExperimentSpec, stage: Stage, alphas: number[], validate: GridValidation): SweepPoint[] {
  return pointsFor(spec, alphas, stage === 2, validate);
}

/** The alphas of the first stage. */
export function firstStageAlphas(spec: ExperimentSpec): number[] {
  return coarseAlphas(spec.grid!.alpha);
}

/**
 * The second stage's alphas, from the first stage's points: refined around the alpha
 * they choose, as an unsharded sweep refines after its coarse points (empty: no
 * second stage: no refine, no choice, or every value tried already).
 */
export function secondStageAlphas(spec: ExperimentSpec, firstPoints: readonly GridPoint[], metric: 'accuracy' | 'r2'): { around: number; alphas: number[] } | null {
  const grid = spec.grid!;
  if (grid.refine <= 0) return null;
  const best = bestAlpha(grid, firstPoints, metric);
  if (!best) return null;
  const alphas = refineAlphas(best.alpha, grid.refine, firstStageAlphas(spec));
  return alphas.length > 0 ? { around: best.alpha, alphas } : null;
}
