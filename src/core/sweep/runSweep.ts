// Trains a grid cell: every alpha (coarse, then refined inside the chosen decade) times
// every repeat times every validation fold, chooses alpha on the validation rows, then
// refits the chosen alpha on all training rows and scores it once on the test set. Points go in chunks of whole alphas, each chunk one train() call (one
// stacked network for dense models); chunks train one after another here, or several
// at once on the sweep threads of a pool. Results stream in chunk by chunk, and a
// cancel keeps the chunks that finished.

import type * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import type { CompletedSpec, ExperimentSpec, GridSpec, GridValidation } from '../experiment/experiment';
import type { GridPoint, GridResult, MetricName } from '../run/result';
import type { EpochRow, MemberOutcome } from '../engine/trainer';
import { stackKey } from '../engine/stackedNetwork';
import { chooseAlpha, coarseAlphas, layersWithAlpha, pointsFor, refineAlphas, summarize, type SweepPoint } from './plan';
import { planValidation } from './validation';
import { testSelectionWarning } from '../cell/grid';
import { finalOf } from '../engine/runResult';
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
  /**
   * The model that represents the cell: the chosen alpha trained on all training rows
   * (refit after a validated selection, or repeat 0 when points were scored on the
   * test set). Cancelled before that, a partly trained model (status cancelled) keeps
   * the epochs trained; null when nothing trained at all.
   */
  representative: MemberOutcome | null;
  cancelled: boolean;
}

export async function runSweep(spec: CompletedSpec, data: Dataset, opts: SweepOptions = {}): Promise<SweepOutcome> {
  const gridSpec = spec.grid!;
  const runner: ChunkRunner = opts.runner ?? { lanes: 1, trainChunk };
  const stackSize = opts.stackSize ?? DEFAULT_STACK_SIZE;
  const metric = spec.metric;
  const grid = emptyGrid(spec, data, runner.lanes, stackSize);
  const kept = new Map<number, MemberOutcome>();
  let cancelled = false;

  const trainAlphas = async (alphas: number[], refined: boolean) => {
    const chunks = chunksOf(spec, data, alphas, refined, runner.lanes, stackSize, grid.validate);
    const stopped = await trainChunks(spec, data, chunks, runner, opts, (chunk) => {
      for (const [alpha, o] of chunk.firsts) {
        // A partly trained model never replaces a finished one of the same alpha.
        if (o.status === 'cancelled' && kept.has(alpha)) o.network.model.dispose();
        else kept.set(alpha, o);
      }
      if (chunk.points.length === 0) return;
      // An alpha split over several chunks (repeats > stackSize) is listed once.
      for (const alpha of new Set(chunk.points.map((p) => p.alpha))) if (!grid.alpha.includes(alpha)) grid.alpha.push(alpha);
      grid.runs.push(...chunk.points);
      deriveChoice(gridSpec, grid, metric);
      opts.onPoints?.(chunk.points, grid);
    });
    if (stopped) cancelled = true;
  };

  const coarse = coarseAlphas(gridSpec.alpha);
  await trainAlphas(coarse, false);
  // Refinement is part of the selection: its points are scored on the same validation rows.
  if (!cancelled && gridSpec.refine > 0 && grid.best) {
    await trainAlphas(refineAlphas(grid.best.alpha, gridSpec.refine, coarse), true);
  }
  return finishSweep(spec, data, grid, kept, cancelled, runner, opts);
}

/**
 * A sweep's grid before any point: the validation the rows allow (checked before
 * anything trains: too few rows for the folds asked is an error or fewer folds) and the
 * warnings it gives. `grid.validate` is the validation every point uses.
 */
export function emptyGrid(spec: CompletedSpec, data: Dataset, threads: number, stackSize: number): GridResult & { validate: GridValidation } {
  const gridSpec = spec.grid!;
  const plan = planValidation(gridSpec.validate, data, spec.task);
  const warnings: string[] = [];
  if (plan.warning) warnings.push(plan.warning);
  if (gridSpec.select.startsWith('test.')) warnings.push(testSelectionWarning(gridSpec.select));
  else if (plan.validate.kind === 'none') warnings.push('validate: none: every point was scored on the test set');
  return {
    alpha: [],
    runs: [],
    best: null,
    select: gridSpec.select,
    stats: [],
    validate: plan.validate,
    rule: gridSpec.rule,
    threads,
    stackSize,
    ...(warnings.length ? { warnings } : {}),
  };
}

/** The per-alpha statistics and the chosen alpha of the points so far (derived once, read by every view); `metric` (the completed spec's) is read beside a loss. */
export function deriveChoice(gridSpec: GridSpec, grid: GridResult, metric: MetricName): void {
  grid.stats = summarize(gridSpec, grid.runs, metric);
  grid.best = chooseAlpha(grid.stats, gridSpec.select, gridSpec.rule);
}

/** The order of a finished sweep's points: coarse before refined, alpha largest first, then repeat and fold. */
export function byPlanOrder(a: GridPoint, b: GridPoint): number {
  return Number(a.refined) - Number(b.refined) || b.alpha - a.alpha || a.repeat - b.repeat || (a.fold ?? 0) - (b.fold ?? 0);
}

/**
 * Trains `chunks` on the runner's lanes, each finished chunk handed to `collect` as it
 * comes (in any order). Returns whether the sweep was cancelled (a chunk was, or the
 * signal fired): no chunk starts after that.
 */
export async function trainChunks(spec: CompletedSpec, data: Dataset, chunks: SweepPoint[][], runner: ChunkRunner, opts: Pick<SweepOptions, 'signal' | 'initialWeights' | 'onRows'>, collect: (chunk: TrainedChunk) => void): Promise<boolean> {
  const running = new Set<number>();
  let next = 0;
  let cancelled = false;
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
        const chunk = await runner.trainChunk(spec, data, points, {
          signal: opts.signal,
          initialWeights: opts.initialWeights,
          onRows: (rows, epochs) => index === Math.min(...running) && opts.onRows?.(points[0], rows, epochs),
        });
        if (chunk.cancelled) cancelled = true;
        collect(chunk);
      } finally {
        running.delete(index);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(runner.lanes, chunks.length) }, lane));
  return cancelled;
}

/**
 * The end of a sweep, once its points are in (trained here, or by the shards of a
 * cluster and merged): the points in plan order, the choice derived, and the model
 * that represents the cell. `kept` holds the repeat-0 models of alphas scored on the
 * test set (validate: none) that trained here; without the chosen one, the chosen alpha
 * is refit on all training rows with the cell's seed, the same model repeat 0 is.
 */
export async function finishSweep(
  spec: CompletedSpec,
  data: Dataset,
  grid: GridResult,
  kept: Map<number, MemberOutcome>,
  cancelled: boolean,
  runner: ChunkRunner,
  opts: SweepOptions,
): Promise<SweepOutcome> {
  // Chunks on several threads finish in any order: the result does not depend on it.
  grid.runs.sort(byPlanOrder);
  deriveChoice(spec.grid!, grid, spec.metric);
  const chosen = grid.best ? kept.get(grid.best.alpha) : undefined;
  let representative = chosen && chosen.status !== 'cancelled' ? chosen : null;
  // Cancelled before a point to stand for the cell finished: the largest alpha's partly
  // trained model does, so the epochs trained are kept (status cancelled).
  let partial = cancelled ? [...kept.entries()].sort((x, y) => y[0] - x[0]).find(([, o]) => o.rows.length > 0 && o !== representative)?.[1] : undefined;
  for (const o of kept.values()) if (o !== representative && o !== partial) o.network.model.dispose();
  if (grid.best && !representative && !cancelled && !opts.signal?.aborted) {
    representative = await refit(spec, data, grid.best.alpha, runner, opts);
    if (representative?.status === 'cancelled') cancelled = true;
  }
  if (!representative && partial) {
    representative = partial;
    partial = undefined;
  }
  partial?.network.model.dispose();
  if (grid.best && representative && representative.rows.length > 0) {
    const { test } = finalOf(spec.metric, representative.rows);
    grid.test = { alpha: grid.best.alpha, ...test };
  }
  return { grid: { ...grid, alpha: [...grid.alpha].sort((a, b) => b - a) }, representative, cancelled };
}

/** The chosen alpha trained once on all training rows with the cell's own seed (scored on the test set). */
async function refit(spec: CompletedSpec, data: Dataset, alpha: number, runner: ChunkRunner, opts: SweepOptions): Promise<MemberOutcome | null> {
  const point: SweepPoint = { alpha, repeat: 0, seed: spec.train.seed, refined: false };
  const chunk = await runner.trainChunk(spec, data, [point], {
    signal: opts.signal,
    initialWeights: opts.initialWeights,
    onRows: (rows, epochs) => opts.onRows?.(point, rows, epochs),
  });
  return chunk.firsts.get(alpha) ?? null;
}

/**
 * Whole alphas per chunk: at most as many as fit in `stackSize` models, spread so that
 * every lane gets work and the lanes get equal shares. Networks that cannot be stacked
 * train one alpha per chunk. An alpha with more repeats than `stackSize` is split: no chunk holds more than
 * `stackSize` models (memory grows with the stack).
 */
export function chunksOf(
  spec: ExperimentSpec,
  data: Dataset,
  alphas: number[],
  refined: boolean,
  lanes: number,
  stackSize: number,
  validate: GridValidation = spec.grid!.validate,
): SweepPoint[][] {
  return chunkPoints(spec, data, pointsFor(spec, alphas, refined, validate), lanes, stackSize);
}

/**
 * Chunks of `points` (in plan order: an alpha's points one after another) by the rule of
 * chunksOf, an alpha counted whole or by the part of it the points hold (a shard's slice
 * may begin or end inside an alpha).
 */
export function chunkPoints(spec: ExperimentSpec, data: Dataset, points: SweepPoint[], lanes: number, stackSize: number): SweepPoint[][] {
  const groups: SweepPoint[][] = [];
  for (const p of points) {
    const last = groups[groups.length - 1];
    if (last && last[0].alpha === p.alpha && last[0].refined === p.refined) last.push(p);
    else groups.push([p]);
  }
  if (groups.length === 0) return [];
  const perAlpha = Math.max(...groups.map((g) => g.length));
  const stackable = stackKey(layersWithAlpha(spec.model, groups[0][0].alpha), spec.train, data.inputShape) !== null;
  const maxAlphas = stackable ? Math.max(1, Math.floor(stackSize / perAlpha)) : 1;
  // As few rounds as the stack size allows, each with a chunk per lane, and the alphas
  // spread over the chunks so that their sizes differ by one alpha at most, the larger
  // first (lanes take chunks in order): the lanes finish together. Filling each chunk to
  // the stack size instead cut 6 alphas into 3 chunks of 2 on 2 lanes, and one lane idled
  // through the second round, a third of the tutorial's sweep.
  const count = Math.min(groups.length, Math.ceil(groups.length / (lanes * maxAlphas)) * lanes);
  const cap = stackable ? Math.max(1, stackSize) : perAlpha;
  const chunks: SweepPoint[][] = [];
  for (let c = 0, i = 0; c < count; c++) {
    const take = Math.floor(groups.length / count) + (c < groups.length % count ? 1 : 0);
    const together = groups.slice(i, i + take).flat();
    i += take;
    for (let j = 0; j < together.length; j += cap) chunks.push(together.slice(j, j + cap));
  }
  return chunks;
}
