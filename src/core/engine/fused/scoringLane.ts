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
  /** The trainee is done with `ring`. */
  release(ring: RingMemory): void;
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
