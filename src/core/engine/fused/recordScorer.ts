// The scores of an epoch's record: the training and test rows' mean loss and metric at
// the weights right after the epoch, in inference mode. One definition, run by the
// trainee itself (fusedTrainee.ts) or by a scoring thread beside it (scoringRing.ts),
// which must give the same numbers to the last bit.
//
// With one batch an epoch, the training rows' outputs come from the trainee's own
// float64 forward pass (which the next step reuses), so only the test rows run
// through the inference pass; with several batches every row does.

import type { Dataset } from '../../data/dataset';
import type { LossSpec } from '../objective';
import type { Alloc } from './fusedMemory';
import type { FusedKernels } from './kernels';
import type { FusedLayout } from './layout';
import { lossAndMetric, metricReadsActivations } from './loss';
import { InferencePass } from './inferencePass';

/** [trainLoss, trainMetric, testLoss, testMetric]. */
export type Scores = [number, number, number, number];

/** The rows a record scores: a data set's, or the copy a scoring thread is sent. */
export type ScoredRows = Pick<Dataset, 'nTrain' | 'nTest' | 'xTrain' | 'yTrain' | 'xTest' | 'yTest'>;

/** The training rows' output layer at the weights scored, [units, rows]: pre-activations and activations. */
export interface TrainOutputs {
  z: Float64Array;
  h: Float64Array;
}

export class RecordScorer {
  private readonly inference: InferencePass;

  /**
   * Its arrays come from `alloc`, where `kernels` reach them (fusedMemory.ts, which
   * calls it once with arrays it must not write to): loadInputs() fills them.
   */
  constructor(
    private readonly layout: FusedLayout,
    private readonly loss: LossSpec,
    private readonly rows: ScoredRows,
    /** One batch an epoch: score() is given the training rows' outputs. */
    readonly oneBatch: boolean,
    alloc: Alloc,
    kernels: FusedKernels,
  ) {
    const evalRows = oneBatch ? rows.nTest : rows.nTrain + rows.nTest;
    this.inference = new InferencePass(layout, evalRows, alloc, kernels, metricReadsActivations(loss));
  }

  /** Writes the rows' inputs where the inference pass reads them; once, before score(). */
  loadInputs(): void {
    const { rows } = this;
    this.inference.setInputs(this.oneBatch ? [[rows.xTest, rows.nTest]] : [[rows.xTrain, rows.nTrain], [rows.xTest, rows.nTest]]);
  }

  /** Whether score() reads its weights rounded to float32 (so a scoring thread can be sent them so). */
  get float32Weights(): boolean {
    return this.inference.float32Weights;
  }

  /** How many values the training rows' outputs hold (each of z and h): what a scoring thread is sent per epoch. */
  get trainOutputLength(): number {
    return this.oneBatch ? this.layout.layers[this.layout.layers.length - 1].units * this.rows.nTrain : 0;
  }

  /** Whether score() reads the training rows' activations h, or their logits z only. */
  get readsTrainActivations(): boolean {
    return metricReadsActivations(this.loss);
  }

  /**
   * The scores at the weights `params` (an array the kernels reach); `train`: the
   * training rows' outputs at them when oneBatch, else ignored.
   */
  score(params: Float64Array, train: TrainOutputs | null): Scores {
    const { loss, rows, inference } = this;
    const { outZ, outH } = inference;
    inference.run(params);
    if (this.oneBatch) {
      if (!train) throw new Error('one batch an epoch: the training rows are scored from the outputs given');
      const [trainLoss, trainMetric] = lossAndMetric(loss, train.z, train.h, rows.nTrain, 0, rows.nTrain, rows.yTrain);
      const [testLoss, testMetric] = lossAndMetric(loss, outZ, outH, rows.nTest, 0, rows.nTest, rows.yTest);
      return [trainLoss, trainMetric, testLoss, testMetric];
    }
    const all = rows.nTrain + rows.nTest;
    const [trainLoss, trainMetric] = lossAndMetric(loss, outZ, outH, all, 0, rows.nTrain, rows.yTrain);
    const [testLoss, testMetric] = lossAndMetric(loss, outZ, outH, all, rows.nTrain, rows.nTest, rows.yTest);
    return [trainLoss, trainMetric, testLoss, testMetric];
  }
}
