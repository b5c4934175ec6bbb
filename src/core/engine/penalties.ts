// Penalties and norms computed from the weights inside our own training step.
// TensorFlow.js's regularizer plumbing is bypassed on purpose: it ignores recurrent
// layers' regularizers and does not implement activity regularizers.

import * as tf from '@tensorflow/tfjs-core';
import type { Penalty } from '../spec/penalty';

/** alpha-weighted penalty of one weight tensor, as a scalar tensor. */
export function penaltyOf(p: Penalty, w: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    if (p.l1 || p.expabs) {
      const a = tf.abs(w);
      if (p.l1) total = tf.add(total, tf.mul(p.l1, tf.sum(a)));
      if (p.expabs) total = tf.add(total, tf.mul(p.expabs, tf.sum(tf.expm1(a))));
    }
    if (p.l2) total = tf.add(total, tf.mul(p.l2, tf.sum(tf.square(w))));
    return total;
  });
}

/** Activity penalty: on a layer's outputs, averaged over the batch (as Keras does). */
export function activityPenaltyOf(p: Penalty, outputs: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.div(penaltyOf(p, outputs), outputs.shape[0] ?? 1));
}

export const SPARSITY_THRESHOLD = 1e-3;

/** [l1, l2, max, sparsity] of several weight tensors taken together. */
export function normsOf(weights: tf.Tensor[]): tf.Tensor1D {
  return tf.tidy(() => {
    const flat = tf.concat(weights.map((w) => tf.reshape(tf.abs(w), [-1])));
    return tf.stack([
      tf.sum(flat),
      tf.sqrt(tf.sum(tf.square(flat))),
      tf.max(flat),
      tf.mean(tf.cast(tf.less(flat, SPARSITY_THRESHOLD), 'float32')),
    ]) as tf.Tensor1D;
  });
}
