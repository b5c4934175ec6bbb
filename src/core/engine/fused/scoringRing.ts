// The record's scores off the training thread. An epoch's scores (the test rows'
// inference pass, every row's loss and metric) cost the tutorial's trainee about a
// quarter of its steps' time (bench/README.md, benchmark 1), arithmetic no step needs;
// a second core can do it while the trainee trains the next epoch.
//
// A ring of slots in memory shared with a scoring thread: the trainee writes each
// epoch's weights (and, with one batch, its training rows' outputs) into the next slot
// and trains on; the thread scores the slots in order and writes their scores back. A
// slot is scored by whoever claims it first (a compare-and-swap on the claim count), so
// the trainee never waits on a thread that has not started yet, or is slow, or gone:
// with the ring full, it scores the oldest unclaimed slot itself. Both sides run the
// same RecordScorer on the same values, so a row's scores do not depend on who scored
// it (test/unit/engine/scoringRing.test.ts).
//
// Ordering: the slot's values are written before the submitted count is stored, and a
// slot's scores before its done mark (Atomics are sequentially consistent); a slot is
// written again only once its scores are read.
//
// A ring outlives its trainee when its lane keeps it (ScoringLane.reuse): the next
// trainee that scores the same takes it on, its sequence numbers going on from the
// count the last one left, so the ring and the thread's scorer are set up once.

import type { EpochRow } from '../../run/epochRow';
import type { Scores, TrainOutputs } from './recordScorer';

/** The ring's shared memory: what a scoring thread is sent. */
export interface RingMemory {
  /** Int32 [submitted, claimed]: epochs written into slots, and slots claimed by a scorer. */
  control: SharedArrayBuffer;
  /** Int32 per slot: 1 + the sequence number of the epoch whose scores the slot's results hold. */
  done: SharedArrayBuffer;
  /**
   * Per slot: the weights (weightWords float64 words), as float32 values when the
   * scorer rounds them to float32 anyway (its pass is the float32 plane pass: rounding
   * twice rounds as once, so the scores are the same), which halves what crosses
   * between the cores (in float64 the copy was ~3.2 us of a ~37 us tutorial epoch, most
   * of the record's cost on the training thread); else float64.
   */
  weights: SharedArrayBuffer;
  /** Where the slots' weights start in `weights`, in bytes (it may be the trainee's own memory). */
  weightsOffset: number;
  /** `weights` is the ring's own buffer (not the trainee's memory). */
  ownWeights: boolean;
  float32Weights: boolean;
  weightWords: number;
  /** Float64 per slot: the training rows' z then, when withActivations, h (trainOutputs values each). */
  outputs: SharedArrayBuffer;
  /** Whether the scorer reads h (else the slot's h is its z, never read). */
  withActivations: boolean;
  /** Float64 per slot: the four scores. */
  results: SharedArrayBuffer;
  slots: number;
  params: number;
  trainOutputs: number;
}

const SUBMITTED = 0;
const CLAIMED = 1;

/**
 * Slots a ring has: the epochs the trainee may run ahead of the thread, enough to ride
 * out a scheduler's time slice (the trainee scores the overflow meanwhile): 64 (512 KB
 * of float32 weights on the tutorial), fewer where the weights would pass RING_BYTES,
 * never fewer than 4.
 */
export const RING_SLOTS = 64;
const RING_BYTES = 8 << 20;

/** The fewest slots a ring has. */
const MIN_SLOTS = 4;

/** The slots of a ring whose slots hold weightWords words of weights each. */
export function slotsOf(weightWords: number): number {
  return Math.max(MIN_SLOTS, Math.min(RING_SLOTS, Math.floor(RING_BYTES / (8 * Math.max(1, weightWords)))));
}

/**
 * Whether a ring of weightWords-word slots is worth its memory: MIN_SLOTS of them within
 * RING_BYTES (a trainee asks with its float64 size, 262,144 weights at most, before it
 * knows whether its slots will take float32 values). A larger network's epoch
 * is long beside its record (6% of the steps at 8,001 weights on 3000 rows, bench/README.md),
 * and its slots would cost tens of MB.
 */
export function ringFits(weightWords: number): boolean {
  return MIN_SLOTS * weightWords * 8 <= RING_BYTES;
}

/** Scores one slot's epoch: its weights (a view of the slot) and training rows' outputs. */
export type SlotScorer = (params: Float32Array | Float64Array, train: TrainOutputs | null) => Scores;

/** The float64 words `params` weights take in a slot. */
export const weightWordsOf = (params: number, float32Weights: boolean): number => (float32Weights ? Math.ceil(params / 2) : params);

/**
 * A ring's memory. `weightsAt`: where its slots' weights go (slotsOf(...) x weightWords
 * float64 words in shared memory): the trainee's wasm memory, where its kernels write
 * them straight into a slot; by default a buffer of their own.
 */
export function newRingMemory(params: number, trainOutputs: number, withActivations: boolean, float32Weights: boolean, weightsAt?: Float64Array, slots = slotsOf(weightWordsOf(params, float32Weights))): RingMemory {
  const weightWords = weightWordsOf(params, float32Weights);
  const outputsPerSlot = (withActivations ? 2 : 1) * trainOutputs;
  const shared = weightsAt && weightsAt.buffer instanceof SharedArrayBuffer && weightsAt.length >= slots * weightWords ? weightsAt : null;
  return {
    control: new SharedArrayBuffer(2 * 4),
    done: new SharedArrayBuffer(slots * 4),
    weights: shared ? (shared.buffer as SharedArrayBuffer) : new SharedArrayBuffer(slots * weightWords * 8),
    weightsOffset: shared ? shared.byteOffset : 0,
    ownWeights: !shared,
    float32Weights,
    weightWords,
    outputs: new SharedArrayBuffer(slots * outputsPerSlot * 8),
    withActivations,
    results: new SharedArrayBuffer(slots * 4 * 8),
    slots,
    params,
    trainOutputs,
  };
}

/** Both sides' views of a ring: per slot, made once (the scoring thread allocates nothing per slot but its scores). */
class RingViews {
  /** A ring's views on this side, made once for every submitter of it (a ring a lane kept: ScoringLane.reuse). */
  static of(memory: RingMemory): RingViews {
    let views = made.get(memory);
    if (!views) made.set(memory, (views = new RingViews(memory)));
    return views;
  }

  readonly control: Int32Array;
  readonly done: Int32Array;
  readonly results: Float64Array;
  /** Per slot: its words of weights (what the trainee copies in) and its weights as the scorer reads them. */
  readonly weightWords: Float64Array[];
  readonly weights: (Float32Array | Float64Array)[];
  /** Per slot: the training rows' outputs; null without (several batches). */
  readonly train: (TrainOutputs | null)[];

  constructor(readonly memory: RingMemory) {
    this.control = new Int32Array(memory.control);
    this.done = new Int32Array(memory.done);
    this.results = new Float64Array(memory.results);
    const { slots, params, weightWords, float32Weights, trainOutputs: n, withActivations } = memory;
    const perSlot = (withActivations ? 2 : 1) * n;
    const outputs = new Float64Array(memory.outputs);
    this.weightWords = Array.from({ length: slots }, (_, s) => new Float64Array(memory.weights, memory.weightsOffset + s * weightWords * 8, weightWords));
    this.weights = this.weightWords.map((w) => (float32Weights ? new Float32Array(w.buffer, w.byteOffset, params) : w));
    this.train = Array.from({ length: slots }, (_, s) => {
      if (n === 0) return null;
      const z = outputs.subarray(s * perSlot, s * perSlot + n);
      return { z, h: withActivations ? outputs.subarray(s * perSlot + n, (s + 1) * perSlot) : z };
    });
  }

  /**
   * Claims the oldest unscored slot and scores it; false when every submitted slot is
   * claimed already.
   */
  claimAndScore(score: SlotScorer): boolean {
    const { control } = this;
    for (;;) {
      const seq = Atomics.load(control, CLAIMED);
      if (seq >= Atomics.load(control, SUBMITTED)) return false;
      if (Atomics.compareExchange(control, CLAIMED, seq, seq + 1) !== seq) continue;
      this.score(seq, score);
      return true;
    }
  }

  private score(seq: number, score: SlotScorer): void {
    const slot = seq % this.memory.slots;
    this.results.set(this.scoreHere(seq, score), 4 * slot);
    Atomics.store(this.done, slot, seq + 1);
    Atomics.notify(this.done, slot);
  }

  /** The scores of epoch `seq` from its slot's values, published nowhere. */
  scoreHere(seq: number, score: SlotScorer): Scores {
    const slot = seq % this.memory.slots;
    return score(this.weights[slot], this.train[slot]);
  }

}

const made = new WeakMap<RingMemory, RingViews>();

/** The scoring thread's side: scores what the trainee submits, while there is any. */
export class RingScorer {
  private readonly views: RingViews;

  constructor(
    memory: RingMemory,
    private readonly score: SlotScorer,
  ) {
    this.views = new RingViews(memory);
  }

  /** Scores one submitted slot, if one is unclaimed. */
  scoreOne(): boolean {
    return this.views.claimAndScore(this.score);
  }
}

/**
 * The trainee's side: submits epochs, and fills their rows' scores as they are done.
 * `score` scores a slot on the trainee's own thread (when the ring is full, or the
 * thread is too slow at the end); `wake` wakes the scoring thread after a submission.
 */
export class RingSubmitter {
  readonly memory: RingMemory;
  private readonly views: RingViews;
  /** Rows submitted and not yet filled, oldest first, from sequence number `head`. */
  private readonly rows: EpochRow[] = [];
  /** Sequence numbers go on from the ring's count: a ring reused has scored earlier trainees' epochs. */
  private head: number;
  private submitted: number;
  /** Epochs scored on this side (the rest the thread scored): for tests and benchmarks. */
  scoredHere = 0;
  /** The thread held a slot past patience: rows are scored here from then on. */
  private abandoned = false;

  constructor(
    memory: RingMemory,
    private readonly score: SlotScorer,
    private readonly wake: () => void,
    /** How long to wait for a slot the thread claimed before scoring it here, in ms. */
    private readonly patienceMs = 2000,
  ) {
    this.memory = memory;
    this.views = RingViews.of(memory);
    this.head = this.submitted = Atomics.load(this.views.control, SUBMITTED);
  }

  /** Every submitted row is filled, and the scoring thread still scores this ring: another trainee may take it on. */
  get reusable(): boolean {
    return !this.abandoned && this.head === this.submitted;
  }

  /**
   * The weights of the next epoch go here (memory.weightWords words: the weights, or
   * their float32 values when memory.float32Weights), then submit(): a view of the next
   * slot, free once this returns (its previous epoch scored, here if need be).
   */
  nextWeights(): Float64Array {
    const { memory } = this;
    if (!this.abandoned) while (this.submitted - this.head >= memory.slots) this.settleOldest();
    return this.views.weightWords[this.submitted % memory.slots];
  }

  /**
   * Queues `row` to be scored at the weights just written to nextWeights() and, with one
   * batch, the training rows' outputs `train`.
   */
  submit(row: EpochRow, train: TrainOutputs | null): void {
    const { memory, views } = this;
    const seq = this.submitted;
    const slot = seq % memory.slots;
    const to = views.train[slot];
    if (train && to) {
      // Plain loops: a few dozen values, where set() on shared memory costs more than they do.
      for (let i = 0; i < to.z.length; i++) to.z[i] = train.z[i];
      if (memory.withActivations) for (let i = 0; i < to.h.length; i++) to.h[i] = train.h[i];
    }
    if (this.abandoned) {
      // The slot is written but never submitted: a thread that wakes up reads nothing new.
      this.scoredHere++;
      [row.trainLoss, row.trainMetric, row.testLoss, row.testMetric] = views.scoreHere(seq, this.score);
      return;
    }
    this.rows.push(row);
    this.submitted = seq + 1;
    Atomics.store(views.control, SUBMITTED, this.submitted);
    this.wake();
    // Rows are filled in bulk, half a ring at a time: each look at a done mark the thread
    // just wrote is a cache miss on this core.
    if (this.submitted - this.head >= memory.slots / 2) this.collect();
  }

  /** Fills the scores of every submitted row (scoring here what the thread has not claimed). */
  settle(): void {
    while (this.head < this.submitted) this.settleOldest();
  }

  /** Fills the rows whose slots are scored, oldest first, up to the first that is not. */
  private collect(): void {
    while (this.head < this.submitted && this.isDone(this.head)) this.fillPublished();
  }

  private isDone(seq: number): boolean {
    return Atomics.load(this.views.done, seq % this.memory.slots) === seq + 1;
  }

  /** Fills the oldest row: scored by the thread, by this side, or after waiting for the thread. */
  private settleOldest(): void {
    const seq = this.head;
    if (this.isDone(seq)) {
      this.fillPublished();
      return;
    }
    if (this.views.claimAndScore(this.score)) {
      this.scoredHere++;
    } else {
      // The thread has the oldest slot: it is being scored. Wait for its done mark.
      const slot = seq % this.memory.slots;
      const deadline = Date.now() + this.patienceMs;
      for (let mark = Atomics.load(this.views.done, slot); mark !== seq + 1 && Date.now() < deadline; mark = Atomics.load(this.views.done, slot)) {
        Atomics.wait(this.views.done, slot, mark, 50);
      }
      if (!this.isDone(seq)) {
        // A thread that holds a slot this long is gone (or starved): score every queued
        // row here, from its slot, and leave the ring, which the thread may still write to.
        this.abandoned = true;
        for (let s = seq; s < this.submitted; s++) {
          this.scoredHere++;
          this.fill(this.views.scoreHere(s, this.score));
        }
        return;
      }
    }
    if (this.isDone(seq)) this.fillPublished();
  }

  /** Fills the oldest row from the scores its slot holds (no allocation: a row an epoch). */
  private fillPublished(): void {
    this.fill(this.views.results, 4 * (this.head % this.memory.slots));
  }

  /** Fills the oldest row from scores[at, at + 4). */
  private fill(scores: ArrayLike<number>, at = 0): void {
    const row = this.rows.shift()!;
    row.trainLoss = scores[at];
    row.trainMetric = scores[at + 1];
    row.testLoss = scores[at + 2];
    row.testMetric = scores[at + 3];
    this.head++;
  }
}
