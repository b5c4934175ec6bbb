// What a trainee needs of a scoring thread (scoringRing.ts): to be served a ring, woken
// after each submission, and let go of the ring. The thread itself is the host's
// (src/worker/scoringThread.ts): the engine only knows this contract, and builds the
// thread's scorer with the same code that builds its own.

import type { LossSpec } from '../objective';
import { fusedMemory } from './fusedMemory';
import type { FusedLayout } from './layout';
import { RecordScorer, type ScoredRows } from './recordScorer';
import type { RingMemory, SlotScorer } from './scoringRing';

/** What a scoring thread builds its scorer from (structured-clone data: it is posted). */
export interface ScoringSetup {
  layout: FusedLayout;
  loss: LossSpec;
  rows: ScoredRows;
  oneBatch: boolean;
}

export interface ScoringLane {
  /**
   * The thread runs, its code loaded: a ring served now is scored from its first slots,
   * so a run hands its record over from its first epoch, however short (SCORING_AFTER_MS
   * is what waits for a thread's start).
   */
  readonly warm: boolean;
  /** Has the lane's thread score `ring` beside its trainee (set up as `setup`) until release(); starts the thread if need be. */
  serve(ring: RingMemory, setup: ScoringSetup): void;
  /** Wakes the thread if it sleeps: a slot was submitted. */
  wake(): void;
  /**
   * The trainee is done with `ring`. `keep`: every slot it submitted is scored, and the
   * lane may keep the ring served (one at a time) for reuse().
   */
  release(ring: RingMemory, keep?: boolean): void;
  /**
   * The ring kept last, handed back for a trainee set up as `setup` when its setup scores
   * the same (sameScoring) and `fits` takes its memory; null otherwise. Its thread scores
   * its slots as before, with the scorer it built for it: a run skips the ring's set-up
   * (~0.1 ms of the tutorial's: its memory and views, and the message to the thread)
   * and the thread's (its scorer). Optional: a lane without it serves every ring anew.
   */
  reuse?(setup: ScoringSetup, fits: (ring: RingMemory) => boolean): RingMemory | null;
}

/**
 * Whether a scorer set up as `a` scores every slot as one set up as `b` does: the same
 * loss, batches, rows (by value) and layout, but for what no score reads (the layers'
 * names and penalties: the scores are the data loss and the metric).
 */
export function sameScoring(a: ScoringSetup, b: ScoringSetup): boolean {
  if (a === b) return true;
  if (a.oneBatch !== b.oneBatch || a.rows.nTrain !== b.rows.nTrain || a.rows.nTest !== b.rows.nTest) return false;
  if (!sameFields(a.loss, b.loss) || !sameScoredLayout(a.layout, b.layout)) return false;
  return sameValues(a.rows.xTrain, b.rows.xTrain) && sameValues(a.rows.yTrain, b.rows.yTrain) && sameValues(a.rows.xTest, b.rows.xTest) && sameValues(a.rows.yTest, b.rows.yTest);
}

/** The fields of a layer no score reads (the others must match). */
export const UNSCORED_LAYER_FIELDS: ReadonlySet<string> = new Set(['name', 'kernelPenalty', 'biasPenalty', 'activityPenalty']);

function sameScoredLayout(a: FusedLayout, b: FusedLayout): boolean {
  return a.inputs === b.inputs && a.size === b.size && a.layers.length === b.layers.length && a.layers.every((l, k) => sameFields(l, b.layers[k], UNSCORED_LAYER_FIELDS));
}

/** The same keys, and the same values but under `skip` (compared with ===: fields of numbers and names). */
function sameFields<T extends object>(a: T, b: T, skip?: ReadonlySet<string>): boolean {
  const keys = Object.keys(a) as (keyof T & string)[];
  return keys.length === Object.keys(b).length && keys.every((k) => skip?.has(k) || a[k] === b[k]);
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * How long a train() call trains before its trainees hand their records to a lane that
 * is not warm yet (which starts its thread), in ms. A thread's start takes ~70-90 ms of a core (Node's worker bootstrap, its bundle,
 * its kernels), and on a machine of 2 cores the core it works on is the one V8's own
 * background threads (the training thread's compiler and collector) have while a process
 * warms up: a thread started with the run made the tutorial notebook's first cell (4000
 * epochs, ~0.17 s) take 255-370 ms instead of 165-185, and short cells after it gained
 * nothing measurable. A run that trains longer than this has warmed up, and its record is
 * worth a thread: ~25% of its epochs' time (bench/README.md, benchmark 1): the tutorial's
 * network over 40,000 epochs took 1.96-2.39 s with it and 2.27-2.90 s without.
 * A warm lane is used at once: the process that started it is warm too.
 */
export const SCORING_AFTER_MS = 500;

/**
 * The most input values (rows times inputs) a trainee sends its scoring thread: beyond
 * it the copy costs more than the record the thread saves (an epoch over that many rows
 * is long enough that its record is a small share of it).
 */
export const MAX_SCORED_VALUES = 1 << 20;

/** The input values a trainee set up as `setup` sends its scoring thread. */
export function scoredValues(layoutInputs: number, rows: ScoredRows, oneBatch: boolean): number {
  return (oneBatch ? rows.nTest : rows.nTrain + rows.nTest) * layoutInputs;
}

/**
 * A slot scorer over arrays of its own (in the kernels' memory): the weights are copied
 * there from the slot, where the kernels reach them. The scoring thread's, and the
 * trainee's for the slots it scores itself.
 */
export function slotScorerOf(scorer: RecordScorer, params: Float64Array): SlotScorer {
  return (slot, train) => {
    params.set(slot);
    return scorer.score(params, train);
  };
}

/**
 * The scoring thread's scorer for `setup`, on kernels and memory of its own, and how to
 * hand that memory on to the thread's next scorer once its ring is let go (fusedMemory.ts:
 * the kernels' wrappers then tier up once per thread, not in every run). It scores zero
 * weights once before it is returned: a slot the thread claims is one its trainee may be
 * waiting for, and the first call of a kernel compiles it (tens of ms for the largest:
 * compilationHints.ts), which must not happen then.
 */
export function threadScorer(setup: ScoringSetup, engine: 'auto' | 'js' = 'auto'): { score: SlotScorer; release: () => void } {
  const { layout, loss, rows, oneBatch } = setup;
  const { arrays, release } = fusedMemory((alloc, kernels) => ({ scorer: new RecordScorer(layout, loss, rows, oneBatch, alloc, kernels), params: alloc(layout.size) }), engine);
  const { scorer, params } = arrays;
  scorer.loadInputs();
  const outputs = new Float64Array(scorer.trainOutputLength);
  scorer.score(params, oneBatch ? { z: outputs, h: outputs } : null);
  return { score: slotScorerOf(scorer, params), release };
}
