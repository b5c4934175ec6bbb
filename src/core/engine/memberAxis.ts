// Reductions "per member". A tensor either belongs to one model (reduce over all of
// it, giving a scalar) or holds K models of one architecture stacked on axis 0 (reduce
// over every axis but the first, giving one value per model). The losses, penalties,
// metrics and norms are written once against these, for both cases.

import * as tf from '@tensorflow/tfjs-core';

function restAxes(x: tf.Tensor): number[] {
  return Array.from({ length: x.rank - 1 }, (_, i) => i + 1);
}

export function sumPer(x: tf.Tensor, stacked: boolean): tf.Tensor {
  return stacked ? tf.sum(x, restAxes(x)) : tf.sum(x);
}

export function meanPer(x: tf.Tensor, stacked: boolean, keepDims = false): tf.Tensor {
  return stacked ? tf.mean(x, restAxes(x), keepDims) : tf.mean(x, undefined, keepDims);
}

export function maxPer(x: tf.Tensor, stacked: boolean): tf.Tensor {
  return stacked ? tf.max(x, restAxes(x)) : tf.max(x);
}

/** All of one member's values in a row: [n] for one model, [K, n] for a stack. */
export function flatPer(x: tf.Tensor, stacked: boolean): tf.Tensor {
  return tf.reshape(x, stacked ? [x.shape[0], -1] : [-1]);
}

/** Rows of one member's samples: axis 0 for one model, axis 1 for a stack. */
export function batchSizeOf(x: tf.Tensor, stacked: boolean): number {
  return x.shape[stacked ? 1 : 0] ?? 1;
}

/** Per-member values side by side: scalars into [n], or [K] vectors into [K, n]. */
export function stackPer(values: tf.Tensor[]): tf.Tensor {
  return tf.stack(values, values[0].rank);
}
