// Trains a grid cell: every alpha (coarse, then refined inside the best decade) times
// every repeat. The repeats of one alpha train together in one pass; alphas finish one
// after the other, so results stream in and a cancel keeps the finished ones.

import type * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import type { ExperimentSpec } from '../spec/experiment';
import type { GridPoint, GridResult } from '../run/result';
import { train, type EpochRow, type MemberOutcome } from '../engine/trainer';
import { finalOf } from '../engine/runResult';
import { bestAlpha, coarseAlphas, layersWithAlpha, pointsFor, refineAlphas, type SweepPoint } from './plan';

export interface SweepOptions {
  signal?: AbortSignal;
  initialWeights?: tf.Tensor[];
  /** Called when the repeats of one alpha have finished. */
  onPoints?: (points: GridPoint[], grid: GridResult) => void;
  /** Live rows of the point currently training (first repeat), for progress. */
  onRows?: (point: SweepPoint, rows: EpochRow[], epochs: number) => void;
}

export interface SweepOutcome {
  grid: GridResult;
  /** The first repeat at the best alpha: its history and model represent the cell. */
  representative: MemberOutcome | null;
  cancelled: boolean;
}

export async function runSweep(spec: ExperimentSpec, data: Dataset, opts: SweepOptions = {}): Promise<SweepOutcome> {
  const gridSpec = spec.grid!;
  const grid: GridResult = { alpha: [], runs: [], best: null, select: gridSpec.select };
  const kept = new Map<number, MemberOutcome>();
  let cancelled = false;

  const trainAlphas = async (alphas: number[], refined: boolean) => {
    for (const alpha of alphas) {
      if (opts.signal?.aborted) {
        cancelled = true;
        return;
      }
      const points = pointsFor(spec, [alpha], refined);
      const outcomes = await train(
        data,
        points.map((p) => ({ layers: layersWithAlpha(spec.model, p.alpha), train: { ...spec.train, seed: p.seed }, initialWeights: opts.initialWeights })),
        { signal: opts.signal, onRows: (m, rows, epochs) => m === 0 && opts.onRows?.(points[0], rows, epochs) },
      );
      if (outcomes.some((o) => o.status === 'cancelled')) cancelled = true;
      const finished = outcomes.map((o, i) => ({ o, p: points[i] })).filter(({ o }) => o.status !== 'cancelled');
      if (finished.length === 0) {
        disposeAll(outcomes);
        return;
      }
      grid.alpha.push(alpha);
      const newPoints = finished.map(({ o, p }) => pointOf(p, o, data));
      grid.runs.push(...newPoints);
      // Keep the first repeat's model in case this alpha turns out best; drop the others.
      for (const { o, p } of finished) {
        if (p.repeat === 0) kept.set(alpha, o);
        else o.network.model.dispose();
      }
      for (const o of outcomes) if (o.status === 'cancelled') o.network.model.dispose();
      grid.best = bestAlpha(gridSpec, grid.runs);
      opts.onPoints?.(newPoints, grid);
      if (cancelled) return;
    }
  };

  const coarse = coarseAlphas(gridSpec.alpha);
  await trainAlphas(coarse, false);
  const coarseBest = bestAlpha(gridSpec, grid.runs);
  if (!cancelled && gridSpec.refine > 0 && coarseBest) {
    await trainAlphas(refineAlphas(coarseBest.alpha, gridSpec.refine, coarse), true);
  }
  grid.best = bestAlpha(gridSpec, grid.runs);
  const representative = grid.best ? (kept.get(grid.best.alpha) ?? null) : null;
  for (const o of kept.values()) if (o !== representative) o.network.model.dispose();
  return { grid: { ...grid, alpha: alphaOrder(grid.alpha) }, representative, cancelled };
}

function alphaOrder(alphas: number[]): number[] {
  return [...alphas].sort((a, b) => b - a);
}

function disposeAll(outcomes: MemberOutcome[]): void {
  for (const o of outcomes) o.network.model.dispose();
}

function pointOf(p: SweepPoint, o: MemberOutcome, data: Dataset): GridPoint {
  const final = finalOf(data, o.rows);
  const last = o.rows[o.rows.length - 1];
  const norms = Object.fromEntries(
    o.network.weighted.map((l, k) => [l.name, last ? { l1: last.norms[k][0], l2: last.norms[k][1], max: last.norms[k][2], sparsity: last.norms[k][3] } : { l1: NaN, l2: NaN, max: NaN, sparsity: NaN }]),
  );
  const total = last ? last.totalLoss : NaN;
  return {
    alpha: p.alpha,
    repeat: p.repeat,
    refined: p.refined,
    seed: p.seed,
    status: o.status,
    final,
    norms,
    penaltyShare: last && total > 0 ? final.penalty / total : 0,
  };
}
