// Penalties and norms computed from the weights inside our own training step.
// TensorFlow.js's regularizer plumbing is bypassed on purpose: it ignores recurrent
// layers' regularizers and does not implement activity regularizers.
//
// Coefficients are numbers for one model, or one value per member (a [K] tensor) when
// the weights hold K stacked models whose penalties differ only in strength.

import * as tf from '@tensorflow/tfjs-core';
import type { PenaltyKey } from '../experiment/penalty';
import { batchSizeOf, flatPer, maxPer, meanPer, stackPer, sumPer } from './memberAxis';

export type PenaltyCoefficients = Partial<Record<PenaltyKey, number | tf.Tensor1D>>;

/** alpha-weighted penalty of one weight tensor: a scalar, or [K] for stacked weights. */
export function penaltyOf(p: PenaltyCoefficients, w: tf.Tensor, stacked = false): tf.Tensor {
  return tf.tidy(() => {
    const terms: tf.Tensor[] = [];
    if (p.l1 || p.expabs) {
      const a = tf.abs(w);
      if (p.l1) terms.push(tf.mul(p.l1, sumPer(a, stacked)));
      if (p.expabs) terms.push(tf.mul(p.expabs, sumPer(tf.expm1(a), stacked)));
    }
    if (p.l2) terms.push(tf.mul(p.l2, sumPer(tf.square(w), stacked)));
    if (terms.length === 0) return stacked ? tf.zeros([w.shape[0]]) : tf.scalar(0);
    return terms.length === 1 ? terms[0] : tf.addN(terms);
  });
}

/** Activity penalty: on a layer's outputs, averaged over the batch (as Keras does). */
export function activityPenaltyOf(p: PenaltyCoefficients, outputs: tf.Tensor, stacked = false): tf.Tensor {
  return tf.tidy(() => tf.div(penaltyOf(p, outputs, stacked), batchSizeOf(outputs, stacked)));
}

export const SPARSITY_THRESHOLD = 1e-3;

/** [l1, l2, max, sparsity] of several weight tensors taken together ([K, 4] when stacked). */
export function normsOf(weights: tf.Tensor[], stacked = false): tf.Tensor {
  return tf.tidy(() => {
    const parts = weights.map((w) => flatPer(tf.abs(w), stacked));
    const flat = parts.length === 1 ? parts[0] : tf.concat(parts, -1);
    return stackPer([
      sumPer(flat, stacked),
      tf.sqrt(sumPer(tf.square(flat), stacked)),
      maxPer(flat, stacked),
      meanPer(tf.cast(tf.less(flat, SPARSITY_THRESHOLD), 'float32'), stacked),
    ]);
  });
}
