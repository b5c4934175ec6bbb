// Trains one chunk of a sweep: a few alphas times their repeats, in one train() call
// (a stack, where the network allows). The same function runs here and in the sweep
// threads (src/worker/sweepWorker.ts).

import type * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import type { CompletedSpec } from '../experiment/experiment';
import type { GridPoint } from '../run/result';
import { train, type EpochRow, type MemberOutcome } from '../engine/trainer';
import { finalOf } from '../engine/runResult';
import { penaltyShare } from '../run/penaltyShare';
import { layersWithAlpha, pointScoredOn, type SweepPoint } from './plan';
import { foldAssignment, memberData } from './validation';

export interface ChunkOptions {
  signal?: AbortSignal;
  initialWeights?: tf.Tensor[];
  /** Live rows of the chunk's first point. */
  onRows?: (rows: EpochRow[], epochs: number) => void;
}

export interface TrainedChunk {
  /** The points that finished (a cancelled point is left out). */
  points: GridPoint[];
  /**
   * Repeat 0 of each finished alpha scored on the test set (validate: none), with its
   * model: it represents the cell if that alpha wins. A cancelled repeat 0 (of any fold)
   * that trained some epochs is here too (status `cancelled`): a sweep stopped before a
   * model to represent it finished still keeps what it trained.
   */
  firsts: Map<number, MemberOutcome>;
  cancelled: boolean;
}

export type ChunkTrainer = (spec: CompletedSpec, data: Dataset, points: SweepPoint[], opts: ChunkOptions) => Promise<TrainedChunk>;

export const trainChunk: ChunkTrainer = async (spec, data, points, opts) => {
  const rows = pointRows(spec, data, points);
  const outcomes = await train(
    spec,
    data,
    points.map((p, i) => ({ layers: layersWithAlpha(spec.model, p.alpha), train: { ...spec.train, seed: p.seed }, initialWeights: opts.initialWeights, data: rows[i], record: recordOf(p, i) })),
    { signal: opts.signal, onRows: (m, rows, epochs) => m === 0 && opts.onRows?.(rows, epochs) },
  );
  const chunk: TrainedChunk = { points: [], firsts: new Map(), cancelled: outcomes.some((o) => o.status === 'cancelled') };
  outcomes.forEach((o, i) => {
    const p = points[i];
    if (o.status === 'cancelled') {
      if (p.repeat === 0 && o.rows.length > 0 && !chunk.firsts.has(p.alpha)) chunk.firsts.set(p.alpha, o);
      else o.network.model.dispose();
      return;
    }
    chunk.points.push(pointOf(spec, p, o));
    // Points scored on validation rows never represent the cell: the chosen alpha is refit.
    if (p.repeat === 0 && !p.heldOut) chunk.firsts.set(p.alpha, o);
    else o.network.model.dispose();
  });
  return chunk;
};

/**
 * Which rows of a point's training are kept: a point is scored by its last row, so only
 * that one, but every row of repeat 0, which may stand for the cell (the chosen alpha's
 * model, or the partly trained one a cancel keeps), and of the chunk's first point (at
 * `index` 0), whose rows are the live ones. With validation folds, of repeat 0's first
 * fold only: a cancel keeps one model an alpha, the first in plan order, which is fold 0
 * (a chunk holds all of repeat 0's folds), and the record of the other folds' every epoch
 * cost the tutorial's sweep ~9% of its time (the record scores in the sweep's thread).
 */
export function recordOf(p: SweepPoint, index: number): 'every' | 'last' {
  return (p.repeat === 0 && (p.heldOut?.fold ?? 0) === 0) || index === 0 ? 'every' : 'last';
}

/** Each point's own rows (undefined: all training rows, scored on the test set); one fold assignment per repeat. */
function pointRows(spec: CompletedSpec, data: Dataset, points: SweepPoint[]): (Dataset | undefined)[] {
  const assignments = new Map<string, Int32Array>();
  return points.map((p) => {
    if (!p.heldOut) return undefined;
    const { fold: _fold, ...which } = p.heldOut;
    const key = JSON.stringify(which);
    let assignment = assignments.get(key);
    if (!assignment) assignments.set(key, (assignment = foldAssignment(data, which, spec.task)));
    return memberData(data, p.heldOut, assignment);
  });
}

function pointOf(spec: CompletedSpec, p: SweepPoint, o: MemberOutcome): GridPoint {
  const final = finalOf(spec.metric, o.rows);
  const last = o.rows[o.rows.length - 1];
  const norms = Object.fromEntries(
    o.network.weighted.map((l, k) => [l.name, last ? { l1: last.norms[k][0], l2: last.norms[k][1], max: last.norms[k][2], sparsity: last.norms[k][3] } : { l1: NaN, l2: NaN, max: NaN, sparsity: NaN }]),
  );
  return {
    alpha: p.alpha,
    repeat: p.repeat,
    refined: p.refined,
    seed: p.seed,
    status: o.status,
    final,
    norms,
    penaltyShare: penaltyShare(final) ?? undefined,
    scoredOn: pointScoredOn(p),
    ...(p.heldOut ? { fold: p.heldOut.fold } : {}),
  };
}
