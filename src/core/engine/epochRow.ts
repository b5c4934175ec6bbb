// The record of one epoch of one member, whichever engine trained it.

export interface EpochRow {
  epoch: number;
  dataLoss: number;
  /** Per weighted layer, in order. */
  penalty: number[];
  totalLoss: number;
  trainLoss: number;
  testLoss: number;
  trainMetric: number;
  testMetric: number;
  /** Per weighted layer: [l1, l2, max, sparsity]. */
  norms: [number, number, number, number][];
}
