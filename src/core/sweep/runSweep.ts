// Trains a grid cell: every alpha (coarse, then refined inside the best decade) times
// every repeat. Points go in chunks of whole alphas, each chunk one train() call (one
// stacked network for dense models); chunks train one after another here, or several
// at once on the sweep threads of a pool. Results stream in chunk by chunk, and a
// cancel keeps the chunks that finished.

import type * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import type { ExperimentSpec } from '../spec/experiment';
import type { GridPoint, GridResult } from '../run/result';
import type { EpochRow, MemberOutcome } from '../engine/trainer';
import { stackKey } from '../engine/stackedNetwork';
import { bestAlpha, coarseAlphas, layersWithAlpha, pointsFor, refineAlphas, type SweepPoint } from './plan';
import { trainChunk, type ChunkTrainer, type TrainedChunk } from './trainChunk';

/** Most models trained in one stack unless told otherwise. */
export const DEFAULT_STACK_SIZE = 32;

/** Where chunks train: `lanes` at once, each through `trainChunk`. */
export interface ChunkRunner {
  lanes: number;
  trainChunk: ChunkTrainer;
}

export interface SweepOptions {
  signal?: AbortSignal;
  initialWeights?: tf.Tensor[];
  /** Called when a chunk of points has finished. */
  onPoints?: (points: GridPoint[], grid: GridResult) => void;
  /** Live rows of one point currently training (the first of the earliest chunk still running). */
  onRows?: (point: SweepPoint, rows: EpochRow[], epochs: number) => void;
  /** Most models per chunk (default 32): larger trains faster, smaller streams results sooner. */
  stackSize?: number;
  /** Sweep threads; without, chunks train in this thread one after another. */
  runner?: ChunkRunner;
}

export interface SweepOutcome {
  grid: GridResult;
  /** The first repeat at the best alpha (or, cancelled before any point finished, a partly trained one): its history and model represent the cell. */
  representative: MemberOutcome | null;
  cancelled: boolean;
}

export async function runSweep(spec: ExperimentSpec, data: Dataset, opts: SweepOptions = {}): Promise<SweepOutcome> {
  const gridSpec = spec.grid!;
  const runner: ChunkRunner = opts.runner ?? { lanes: 1, trainChunk };
  const stackSize = opts.stackSize ?? DEFAULT_STACK_SIZE;
  const grid: GridResult = { alpha: [], runs: [], best: null, select: gridSpec.select, threads: runner.lanes, stackSize };
  const kept = new Map<number, MemberOutcome>();
  let cancelled = false;

  const trainAlphas = async (alphas: number[], refined: boolean) => {
    const chunks = chunksOf(spec, data, alphas, refined, runner.lanes, stackSize);
    const running = new Set<number>();
    let next = 0;
    const collect = (chunk: TrainedChunk) => {
      if (chunk.cancelled) cancelled = true;
      for (const [alpha, o] of chunk.firsts) kept.set(alpha, o);
      if (chunk.points.length === 0) return;
      // An alpha split over several chunks (repeats > stackSize) is listed once.
      for (const alpha of new Set(chunk.points.map((p) => p.alpha))) if (!grid.alpha.includes(alpha)) grid.alpha.push(alpha);
      grid.runs.push(...chunk.points);
      grid.best = bestAlpha(gridSpec, grid.runs);
      opts.onPoints?.(chunk.points, grid);
    };
    const lane = async () => {
      while (next < chunks.length && !cancelled) {
        if (opts.signal?.aborted) {
          cancelled = true;
          return;
        }
        const index = next++;
        const points = chunks[index];
        running.add(index);
        try {
          collect(
            await runner.trainChunk(spec, data, points, {
              signal: opts.signal,
              initialWeights: opts.initialWeights,
              onRows: (rows, epochs) => index === Math.min(...running) && opts.onRows?.(points[0], rows, epochs),
            }),
          );
        } finally {
          running.delete(index);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(runner.lanes, chunks.length) }, lane));
  };

  const coarse = coarseAlphas(gridSpec.alpha);
  await trainAlphas(coarse, false);
  const coarseBest = bestAlpha(gridSpec, grid.runs);
  if (!cancelled && gridSpec.refine > 0 && coarseBest) {
    await trainAlphas(refineAlphas(coarseBest.alpha, gridSpec.refine, coarse), true);
  }
  // Chunks on several threads finish in any order: the result does not depend on it.
  grid.runs.sort((a, b) => Number(a.refined) - Number(b.refined) || b.alpha - a.alpha || a.repeat - b.repeat);
  grid.best = bestAlpha(gridSpec, grid.runs);
  // No point finished (cancelled early): the largest alpha's partly trained model stands for the cell.
  const partial = [...kept.entries()].sort((a, b) => b[0] - a[0]).find(([, o]) => o.rows.length > 0)?.[1];
  const representative = grid.best ? (kept.get(grid.best.alpha) ?? null) : cancelled ? (partial ?? null) : null;
  for (const o of kept.values()) if (o !== representative) o.network.model.dispose();
  return { grid: { ...grid, alpha: [...grid.alpha].sort((a, b) => b - a) }, representative, cancelled };
}

/**
 * Whole alphas per chunk: as many as fit in `stackSize` models, but spread so that
 * every lane gets work. Networks that cannot be stacked train one alpha per chunk.
 * An alpha with more repeats than `stackSize` is split: no chunk holds more than
 * `stackSize` models (memory grows with the stack).
 */
export function chunksOf(spec: ExperimentSpec, data: Dataset, alphas: number[], refined: boolean, lanes: number, stackSize: number): SweepPoint[][] {
  const repeats = spec.grid!.repeats;
  const stackable = stackKey(layersWithAlpha(spec.model, alphas[0] ?? 1), spec.train, data.inputShape) !== null;
  const perChunk = stackable ? Math.max(1, Math.min(Math.floor(stackSize / repeats), Math.ceil(alphas.length / lanes))) : 1;
  const chunks: SweepPoint[][] = [];
  for (let i = 0; i < alphas.length; i += perChunk) {
    const points = pointsFor(spec, alphas.slice(i, i + perChunk), refined);
    const cap = stackable ? Math.max(1, stackSize) : repeats;
    for (let j = 0; j < points.length; j += cap) chunks.push(points.slice(j, j + cap));
  }
  return chunks;
}
