// One epoch of one training member, as read back from the backend: what the trainer
// reports, the live charts draw and the run's history is built from. Its own file so
// the renderer can name it without compiling the trainer.

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
