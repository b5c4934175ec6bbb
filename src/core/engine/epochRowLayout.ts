// How one epoch of one member (EpochRow, src/core/run/epochRow.ts) travels packed: the training step writes a row
// of numbers per member on the backend (one read-back for many epochs), and the
// trainer unpacks it. Both sides read the layout from here, so they cannot drift.
//
// Packed row of a network with L weighted layers (width 5 + 5L):
//   [dataLoss, penalty per layer (L), trainLoss, testLoss, trainMetric, testMetric, [l1, l2, max, sparsity] per layer (4L)]

import type { EpochRow } from '../run/epochRow';

/** The end-of-epoch scores, in their packed order. */
export const ROW_SCORES = ['trainLoss', 'testLoss', 'trainMetric', 'testMetric'] as const;
export type RowScore = (typeof ROW_SCORES)[number];
/** Norm statistics per layer, in their packed order. */
export const ROW_NORMS = ['l1', 'l2', 'max', 'sparsity'] as const;

export function rowWidth(layers: number): number {
  return 1 + layers + ROW_SCORES.length + ROW_NORMS.length * layers;
}

/**
 * The parts of a row in packed order, whatever holds them (tensors on the backend):
 * `means` holds the batch means [dataLoss, penalty per layer], `scores` the values
 * of ROW_SCORES in that order, `norms` one [l1, l2, max, sparsity] part per layer.
 */
export function packedParts<T>(means: T, scores: T, norms: readonly T[]): T[] {
  return [means, scores, ...norms];
}

/** A packed row back into an EpochRow (`epoch` counts from 1). */
export function unpackRow(v: ArrayLike<number>, epoch: number, layers: number): EpochRow {
  const at = (i: number) => v[i];
  const penalty = Array.from({ length: layers }, (_, k) => at(1 + k));
  const score = (s: RowScore) => at(1 + layers + ROW_SCORES.indexOf(s));
  const normsAt = 1 + layers + ROW_SCORES.length;
  return {
    epoch,
    dataLoss: at(0),
    penalty,
    totalLoss: penalty.reduce((a, b) => a + b, at(0)),
    trainLoss: score('trainLoss'),
    testLoss: score('testLoss'),
    trainMetric: score('trainMetric'),
    testMetric: score('testMetric'),
    norms: Array.from({ length: layers }, (_, k) => Array.from({ length: ROW_NORMS.length }, (_, j) => at(normsAt + ROW_NORMS.length * k + j)) as [number, number, number, number]),
  };
}
