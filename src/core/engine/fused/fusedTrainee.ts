// One model trained by the fused engine: its parameters in one flat array, the
// optimizer's state, and every scratch array an epoch needs, allocated once, so that
// an epoch (every mini-batch step and the whole record) is one call that allocates
// only its record. It draws from the member's Random stream exactly as trainer.ts does
// (a shuffle at the first batch when there are several, one int per batch for the
// dropout seed), so both engines see the same batches in the same order.

import type { Dataset } from '../../data/dataset';
import type { Random } from '../../data/random';
import type { TrainSpec } from '../../experiment/experiment';
import { penaltyDerivative, penaltyTerm, type Penalty } from '../../experiment/penalty';
import type { EpochRow } from '../../run/epochRow';
import type { LossSpec } from '../objective';
import { fusedMemory, type Alloc } from './fusedMemory';
import type { FusedKernels } from './kernels';
import { twoInputPair, type FusedLayout } from './layout';
import { lossAndGradient } from './loss';
import { FusedOptimizer, newNormSums, normsFrom, type NormSums } from './optimizer';
import { RecordScorer, type Scores } from './recordScorer';
import { MAX_SCORED_VALUES, scoredValues, slotScorerOf, type ScoringLane, type ScoringSetup } from './scoringLane';
import { newRingMemory, ringFits, RingSubmitter, slotsOf, weightWordsOf, type RingMemory } from './scoringRing';

export interface TraineeOptions {
  /** 'js' runs the JavaScript loops (tests and benchmarks compare both); default 'auto'. */
  kernels?: 'auto' | 'js';
  /**
   * A scoring thread for the record's scores (scoringRing.ts), used from startScoring()
   * on, unless the rows it would be sent exceed MAX_SCORED_VALUES or the network is too
   * large for a ring (ringFits). Rows from runEpoch() then get their scores by settle().
   */
  lane?: ScoringLane | null;
}

export class FusedTrainee {
  readonly params: Float64Array;
  /** The loops over every value of a layer, run on the arrays below (fusedMemory.ts). */
  private readonly kernels: FusedKernels;
  private readonly grads: Float64Array;
  private readonly optimizer: FusedOptimizer;
  private readonly decay: boolean;
  private readonly n: number;
  private readonly batch: number;
  private readonly nBatches: number;
  /** Per layer: pre-activations and activations, [units, max rows] (h is z for linear layers). */
  private readonly z: Float64Array[];
  private readonly h: Float64Array[];
  /** Per layer: gradients of the batch's objective by the activations and pre-activations, [units, batch]. */
  private readonly dh: Float64Array[];
  private readonly dz: Float64Array[];
  /** The batch's inputs [inputs, batch] and labels. */
  private readonly xb: Float64Array;
  private readonly yb: Float64Array;
  /**
   * The record's scores. One batch: the training rows' forward pass (into z and h over
   * xb), which is then also the next step's (same weights, same rows, no dropout here),
   * and the test rows through the scorer's inference pass. Mini-batches: the training
   * then test rows through it (its arrays in the kernels' memory).
   */
  private readonly scorer: RecordScorer;
  /** z and h hold the forward pass of the current weights over xb (set by evaluate()). */
  private forwardDone = false;
  /**
   * A network of two inputs, one hidden layer (relu or linear, no activity penalty) and
   * its output, when the kernels run the pair fused (kernels.ts hiddenIntoOutput and
   * hiddenThroughOutput): a step then never stores the hidden layer, whose [units, rows]
   * arrays outgrow the caches on many rows (48 MB each at 3000 rows x 2000 units); z[0],
   * h[0], dh[0] and dz[0] stay unused. hs: the pair's scratch. null: the layer by layer pass.
   */
  private readonly pair: { relu: boolean; hs: Float64Array } | null;
  private readonly norms: NormSums[];
  private readonly penaltySums: Float64Array;
  /** The lane it was given and the arrays its ring will use; null: none given (or too many rows to send). */
  private readonly laned: { lane: ScoringLane; ringWeights: Float64Array; slotParams: Float64Array } | null = null;
  /**
   * The ring its record's scores go through, and the lane's thread that scores them; null:
   * scored in runEpoch(). `direct`: the ring's slots are in the kernels' memory (shared:
   * fusedMemory.ts), where they write each epoch's weights straight into a slot.
   * `inStep`: Adam's kernel writes them there as it updates them (every parameter goes
   * through it in the epoch's last step); else they are copied after the epoch. Both are
   * fixed for the ring: decided once, not every epoch.
   */
  private scoring: { ring: RingSubmitter; lane: ScoringLane; direct: boolean; inStep: boolean } | null = null;
  /** Hands its memory to the next trainee (fusedMemory.ts); set by dispose(). */
  private readonly releaseMemory: () => void;
  private disposed = false;
  /** release() has let the lane go (once: dispose() releases too). */
  private laneReleased = false;

  constructor(
    private readonly layout: FusedLayout,
    private readonly loss: LossSpec,
    train: TrainSpec,
    private readonly data: Dataset,
    private readonly random: Random,
    private readonly order: Int32Array,
    initial: Float64Array,
    options: TraineeOptions = {},
  ) {
    this.n = data.nTrain;
    this.batch = Math.min(train.batch, this.n);
    this.nBatches = Math.ceil(this.n / this.batch);
    const oneBatch = this.nBatches === 1;
    const inputs = layout.inputs;
    // An activity penalty on the hidden layer needs its outputs, which the pair's step never stores.
    const pair = twoInputPair(layout);
    const pairHidden = pair && !pair.activityPenalty ? pair : null;
    const lane = options.lane && scoredValues(inputs, data, oneBatch) <= MAX_SCORED_VALUES && ringFits(weightWordsOf(layout.size, false)) ? options.lane : null;
    const { arrays, kernels, release } = fusedMemory((alloc, kernels) => {
      const z = layout.layers.map((l) => alloc(l.units * this.batch));
      return {
        params: alloc(layout.size),
        grads: alloc(layout.size),
        z,
        h: layout.layers.map((l, k) => (l.activation === 'linear' ? z[k] : alloc(l.units * this.batch))),
        dh: layout.layers.map((l) => alloc(l.units * this.batch)),
        dz: layout.layers.map((l) => alloc(l.units * this.batch)),
        xb: alloc(inputs * this.batch),
        optimizer: new FusedOptimizer(train, layout.size, alloc, kernels),
        pairScratch: alloc(pairHidden ? this.batch : 0),
        ...this.scorerArrays(layout, loss, data, oneBatch, lane !== null, alloc, kernels),
      };
    }, options.kernels ?? 'auto');
    ({ params: this.params, grads: this.grads, z: this.z, h: this.h, dh: this.dh, dz: this.dz, xb: this.xb, optimizer: this.optimizer, scorer: this.scorer } = arrays);
    this.kernels = kernels;
    this.releaseMemory = release;
    const pairFused = pairHidden !== null && kernels.hiddenIntoOutput !== null && kernels.hiddenThroughOutput !== null;
    this.pair = pairFused ? { relu: pairHidden.activation === 'relu', hs: arrays.pairScratch } : null;
    this.params.set(initial);
    this.decay = train.weightDecay > 0;
    this.yb = new Float64Array(this.batch);
    this.scorer.loadInputs();
    // One batch of all rows in their order: its inputs and labels never change.
    if (oneBatch) {
      for (let r = 0; r < this.n; r++) {
        for (let i = 0; i < inputs; i++) this.xb[i * this.n + r] = data.xTrain[r * inputs + i];
        this.yb[r] = data.yTrain[r];
      }
    }
    this.norms = layout.layers.map(() => newNormSums());
    this.penaltySums = new Float64Array(layout.layers.length);
    if (lane) this.laned = { lane, ringWeights: arrays.ringWeights, slotParams: arrays.slotParams };
  }

  /**
   * From the next epoch on, has the lane given at construction score the record (none:
   * nothing changes). The trainer calls it once the run has trained long enough that a
   * thread pays (scoringLane.ts, SCORING_AFTER_MS).
   */
  startScoring(): void {
    if (!this.laned || this.scoring) return;
    const { lane, ringWeights, slotParams } = this.laned;
    const { layout, loss, data, scorer } = this;
    const { oneBatch } = scorer;
    const { nTrain, nTest, xTrain, yTrain, xTest, yTest } = data;
    // With one batch the thread scores the training rows from their outputs: their inputs stay here.
    const rows = { nTrain, nTest, xTrain: oneBatch ? new Float32Array(0) : xTrain, yTrain, xTest, yTest };
    const setup: ScoringSetup = { layout, loss, rows, oneBatch };
    const kept = lane.reuse?.(setup, (r) => this.ringFits(r)) ?? null;
    const ring = kept ?? newRingMemory(layout.size, scorer.trainOutputLength, scorer.readsTrainActivations, scorer.float32Weights, ringWeights);
    const direct = ring.weights === this.params.buffer;
    const inStep = direct && ring.float32Weights && this.optimizer.writesFloat32;
    this.scoring = { ring: new RingSubmitter(ring, slotScorerOf(scorer, slotParams), () => lane.wake()), lane, direct, inStep };
    if (!kept) lane.serve(ring, setup);
  }

  /**
   * Whether a ring another trainee left (ScoringLane.reuse) suits this one: slots of its
   * weights' size and form, for its training rows' outputs, and its weights where this
   * trainee's ring would have them (its kernels' memory at the same place: the memory
   * handed on from that trainee, fusedMemory.ts; else a buffer of the ring's own).
   */
  private ringFits(r: RingMemory): boolean {
    const { layout, scorer } = this;
    const words = weightWordsOf(layout.size, scorer.float32Weights);
    const at = this.laned!.ringWeights;
    const inMemory = at.buffer instanceof SharedArrayBuffer && at.length >= r.slots * words;
    const where = inMemory ? !r.ownWeights && r.weights === at.buffer && r.weightsOffset === at.byteOffset : r.ownWeights;
    return where && r.params === layout.size && r.float32Weights === scorer.float32Weights && r.weightWords === words && r.slots === slotsOf(words) && r.withActivations === scorer.readsTrainActivations && r.trainOutputs === scorer.trainOutputLength;
  }

  /**
   * The scorer and, with a scoring lane, the arrays the ring needs where the kernels
   * reach them: the weights of a slot this thread scores itself, and the ring's slots of
   * weights, which the kernels then write into directly.
   */
  private scorerArrays(layout: FusedLayout, loss: LossSpec, data: Dataset, oneBatch: boolean, laned: boolean, alloc: Alloc, kernels: FusedKernels) {
    const scorer = new RecordScorer(layout, loss, data, oneBatch, alloc, kernels);
    const words = weightWordsOf(layout.size, scorer.float32Weights);
    return {
      scorer,
      slotParams: alloc(laned ? layout.size : 0),
      ringWeights: alloc(laned ? slotsOf(words) * words : 0),
    };
  }

  /**
   * Trains one epoch and returns its record (the epoch number is the caller's). With a
   * scoring lane the row's scores are NaN until settle().
   */
  runEpoch(epoch: number): EpochRow {
    if (!this.scoring) return this.scored(this.trainedEpoch(epoch));
    const { ring, direct, inStep } = this.scoring;
    const slot = ring.nextWeights();
    const row = this.trainedEpoch(epoch, inStep ? slot : null);
    if (!inStep) this.copyWeights(slot, direct, ring.memory.float32Weights);
    ring.submit(row, this.trainOutputs());
    return row;
  }

  /** The weights into a ring slot, as the ring holds them (float32 or float64). */
  private copyWeights(slot: Float64Array, direct: boolean, float32: boolean): void {
    if (!float32) slot.set(this.params);
    else if (direct) this.kernels.toFloat32(this.params, slot, this.params.length);
    else new Float32Array(slot.buffer, slot.byteOffset, this.params.length).set(this.params);
  }

  /** Fills the scores of every row runEpoch() returned (waiting for the scoring thread's). */
  settle(): void {
    this.scoring?.ring.settle();
  }

  /** Settles, and lets the scoring lane's thread go (once): the trainee trains no more. */
  release(): void {
    if (!this.scoring || this.laneReleased) return;
    this.settle();
    this.laneReleased = true;
    const { ring, lane } = this.scoring;
    lane.release(ring.memory, ring.reusable);
  }

  /**
   * Hands its memory on to the next trainee of this thread (fusedMemory.ts), its scoring
   * lane released first: its arrays (params among them) are another's from then on, and
   * training it again throws.
   */
  dispose(): void {
    if (this.disposed) return;
    this.release();
    this.disposed = true;
    this.releaseMemory();
  }

  /**
   * Trains one epoch and returns the part of its record the training gives (losses,
   * penalties, norms); the inference pass's scores are NaN until scored() fills them.
   * A caller that wants only some epochs' scores (a sweep point's last) skips the pass
   * on the others. `to32`: where the epoch's last step writes the weights in float32 (a
   * ring slot; only where the optimizer writesFloat32).
   */
  trainedEpoch(epoch: number, to32: Float64Array | null = null): EpochRow {
    const dl = this.trainEpoch(to32);
    // Plain loops into arrays of their final length: the row is the one allocation of
    // an epoch, and the run result's format (number[], one norms tuple per layer) is fixed.
    const layers = this.penaltySums.length;
    const penalty = new Array<number>(layers);
    const norms = new Array<[number, number, number, number]>(layers);
    let totalLoss = dl;
    for (let k = 0; k < layers; k++) {
      totalLoss += penalty[k] = this.penaltySums[k] / this.nBatches;
      norms[k] = normsFrom(this.norms[k]);
    }
    return { epoch, dataLoss: dl, penalty, totalLoss, trainLoss: NaN, testLoss: NaN, trainMetric: NaN, testMetric: NaN, norms };
  }

  /** Fills `row`'s inference-pass scores at the current weights (those right after its epoch) and returns it. */
  scored(row: EpochRow): EpochRow {
    [row.trainLoss, row.trainMetric, row.testLoss, row.testMetric] = this.evaluate();
    return row;
  }

  /**
   * `row` scored at the weights `at` (an earlier epoch's); the trainee's own weights are
   * put back, and the next step computes its forward pass afresh, since the one the
   * scoring left belongs to `at`.
   */
  scoredAt(row: EpochRow, at: Float64Array): EpochRow {
    const now = this.params.slice();
    this.params.set(at);
    try {
      return this.scored(row);
    } finally {
      this.params.set(now);
      this.forwardDone = false;
    }
  }

  /**
   * Trains one epoch without the inference pass of its record (what pricing the record
   * compares with); returns the mean data loss over its batches.
   */
  trainEpoch(to32: Float64Array | null = null): number {
    if (this.disposed) throw new Error('a fused trainee was trained after dispose(): its memory is another trainee\'s');
    this.penaltySums.fill(0);
    for (const s of this.norms) s.fill(0);
    let dataLoss = 0;
    for (let b = 0; b < this.nBatches; b++) {
      if (this.nBatches > 1 && b === 0) this.random.shuffle(this.order);
      // The dropout seed of trainer.ts: drawn so the stream stays in step with it.
      this.random.int(2 ** 31);
      const lo = b * this.batch;
      const rows = Math.min(this.n, lo + this.batch) - lo;
      if (this.nBatches > 1) this.gather(lo, rows);
      const last = b === this.nBatches - 1;
      dataLoss += this.step(rows, last, last ? to32 : null);
    }
    return dataLoss / this.nBatches;
  }

  private gather(lo: number, rows: number): void {
    const { xb, yb, order, data } = this;
    const inputs = this.layout.inputs;
    for (let r = 0; r < rows; r++) {
      const row = order[lo + r];
      for (let i = 0; i < inputs; i++) xb[i * rows + r] = data.xTrain[row * inputs + i];
      yb[r] = data.yTrain[row];
    }
  }

  /** One optimizer step on the current batch; returns its data loss and adds its penalties to the sums. */
  private step(rows: number, last: boolean, to32: Float64Array | null): number {
    const loss = this.backpropagate(rows, this.penaltySums);
    const { layout, params, grads } = this;
    const layers = layout.layers;
    const opt = this.optimizer;
    opt.beginStep();
    for (let k = 0; k < layers.length; k++) {
      const l = layers[k];
      const norms = last ? this.norms[k] : null;
      let p = opt.update(params, grads, l.kernel, l.kernel + l.inputs * l.units, l.kernelPenalty, this.decay, norms, to32);
      if (l.bias >= 0) p += opt.update(params, grads, l.bias, l.bias + l.units, l.biasPenalty, false, l.biasPenalty ? norms : null, to32);
      this.penaltySums[k] += p;
    }
    return loss;
  }

  /**
   * The objective on all training rows at the current weights, without training: its
   * data loss, each layer's penalty and the gradient of their sum by every parameter.
   * For tests (finite differences, the TensorFlow.js path); needs one batch per epoch.
   */
  objective(): { dataLoss: number; penalties: number[]; gradient: Float64Array } {
    if (this.nBatches !== 1) throw new Error('objective() needs a network trained in one batch per epoch');
    // The weights may have been changed from outside since the last forward pass.
    this.forwardDone = false;
    const layers = this.layout.layers;
    const penalties = new Float64Array(layers.length);
    const dataLoss = this.backpropagate(this.n, penalties);
    const gradient = this.grads.slice();
    layers.forEach((l, k) => {
      const parts: [number, number, Penalty | null][] = [[l.kernel, l.inputs * l.units, l.kernelPenalty], [l.bias, l.bias >= 0 ? l.units : 0, l.biasPenalty]];
      for (const [at, count, p] of parts) {
        if (!p) continue;
        for (let i = at; i < at + count; i++) {
          penalties[k] += penaltyTerm(p, this.params[i]);
          gradient[i] += penaltyDerivative(p, this.params[i]);
        }
      }
    });
    return { dataLoss, penalties: Array.from(penalties), gradient };
  }

  /**
   * Forward and backward pass of the current batch: the data loss (returned) and the
   * activity penalties (added to `activity`, per layer), and the gradient of both by
   * every parameter in `grads` (the weight penalties' gradients are the optimizer pass's).
   */
  private backpropagate(rows: number, activity: Float64Array): number {
    const { layout, params, grads, z, h, dh, dz } = this;
    const layers = layout.layers;
    const L = layers.length;
    if (!this.forwardDone) this.forward(this.xb, z, h, rows);
    this.forwardDone = false;
    const out = layers[L - 1];
    const n = out.units * rows;
    const outGradThroughH = this.loss.task === 'regression' || out.activityPenalty !== null;
    if (outGradThroughH) dh[L - 1].fill(0, 0, n);
    const loss = lossAndGradient(this.loss, z[L - 1], h[L - 1], this.yb, rows, dz[L - 1], dh[L - 1]);
    /** dz[k] was written by layer k + 1's backward pass, through layer k's activation. */
    let dzDone = false;
    for (let k = L - 1; k >= 0; k--) {
      const l = layers[k];
      const m = l.units * rows;
      if (l.activityPenalty) activity[k] += activityPenalty(l.activityPenalty, h[k], dh[k], m, rows);
      if (k < L - 1) {
        if (!dzDone) this.kernels.activationGradient(l.activation, z[k], h[k], dh[k], dz[k], l.units, rows);
      } else if (outGradThroughH) {
        if (this.loss.task === 'regression') {
          this.kernels.activationGradient(l.activation, z[k], h[k], dh[k], dz[k], l.units, rows);
        } else {
          // dz already holds the loss gradient by the logits: add the activity's.
          this.kernels.activationGradient(l.activation, z[k], h[k], dh[k], dh[k], l.units, rows);
          const dzk = dz[k];
          const dhk = dh[k];
          for (let i = 0; i < m; i++) dzk[i] += dhk[i];
        }
      }
      if (this.pair) {
        this.kernels.hiddenThroughOutput!(layers[0], l, params, this.xb, dz[k], grads, rows, this.pair.relu, this.pair.hs);
        break;
      }
      // The layer below's activation gradient in this layer's pass, unless its activity
      // penalty must first add to its dh.
      dzDone = k > 0 && !layers[k - 1].activityPenalty;
      if (dzDone) this.kernels.denseBackwardThrough(l, params, h[k - 1], dz[k], grads, layers[k - 1], z[k - 1], dh[k - 1], dz[k - 1], rows);
      else this.kernels.denseBackward(l, params, k === 0 ? this.xb : h[k - 1], dz[k], grads, k > 0 ? dh[k - 1] : null, rows);
    }
    return loss;
  }

  /** The record's scores at the current weights. */
  private evaluate(): Scores {
    return this.scorer.score(this.params, this.trainOutputs());
  }

  /**
   * With one batch, the training rows' outputs at the current weights: the forward pass
   * the next step then reuses; null with several batches (the scorer runs every row).
   */
  private trainOutputs(): { z: Float64Array; h: Float64Array } | null {
    if (this.nBatches !== 1) return null;
    const { z, h } = this;
    this.forward(this.xb, z, h, this.n);
    this.forwardDone = true;
    const last = this.layout.layers.length - 1;
    return { z: z[last], h: h[last] };
  }

  private forward(x: Float64Array, z: Float64Array[], h: Float64Array[], rows: number): void {
    const { layers } = this.layout;
    if (this.pair) {
      const out = layers[1];
      this.kernels.hiddenIntoOutput!(layers[0], out, this.params, x, rows, this.pair.relu, z[1]);
      this.kernels.activate(out.activation, z[1], h[1], out.units, rows);
      return;
    }
    let hin = x;
    for (let k = 0; k < layers.length; k++) {
      const l = layers[k];
      this.kernels.denseForwardActivate(l, this.params, hin, z[k], h[k], rows);
      hin = h[k];
    }
  }
}

/** The activity penalty of a layer's outputs h, averaged over the batch; adds its gradient to dh. */
function activityPenalty(p: Penalty, h: Float64Array, dh: Float64Array, m: number, rows: number): number {
  let sum = 0;
  for (let i = 0; i < m; i++) {
    sum += penaltyTerm(p, h[i]);
    dh[i] += penaltyDerivative(p, h[i]) / rows;
  }
  return sum / rows;
}
