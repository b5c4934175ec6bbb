// Data loss and metrics by task. Losses are batch means, as in Keras; binary and
// multiclass losses are computed from logits, which stays finite where a clipped
// log of probabilities would lose its gradient.

import * as tf from '@tensorflow/tfjs-core';
import type { Activation, Task } from '../spec/experiment';
import { activate, forward, type ForwardOptions } from './forward';
import type { Network, NetworkLayer } from './network';
import { activityPenaltyOf, penaltyOf } from './penalties';

/** What the data loss and metric depend on besides the network. */
export interface LossSpec {
  task: Task;
  classes: number;
  outputActivation: Activation;
}

export function dataLoss({ task, classes, outputActivation }: LossSpec, logits: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (task) {
      case 'binary':
        return tf.losses.sigmoidCrossEntropy(tf.reshape(y, logits.shape), logits) as tf.Scalar;
      case 'multiclass':
        return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(y, 'int32'), classes), logits) as tf.Scalar;
      case 'regression':
        return tf.mean(tf.squaredDifference(activate(outputActivation, logits), tf.reshape(y, logits.shape))) as tf.Scalar;
    }
  });
}

/** Accuracy (classification) or R^2 against the mean of the same set (regression). */
export function metric({ task, outputActivation }: LossSpec, logits: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (task) {
      case 'binary':
        return tf.mean(tf.cast(tf.equal(tf.cast(tf.greater(tf.reshape(logits, [-1]), 0), 'float32'), tf.reshape(y, [-1])), 'float32')) as tf.Scalar;
      case 'multiclass':
        return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.cast(tf.reshape(y, [-1]), 'int32')), 'float32')) as tf.Scalar;
      case 'regression': {
        const yt = tf.reshape(y, [-1]);
        const pred = tf.reshape(activate(outputActivation, logits), [-1]);
        const ssRes = tf.sum(tf.squaredDifference(yt, pred));
        const ssTot = tf.sum(tf.squaredDifference(yt, tf.mean(yt)));
        return tf.sub(1, tf.div(ssRes, tf.maximum(ssTot, 1e-12))) as tf.Scalar;
      }
    }
  });
}

export function defaultOutputActivation(task: Task): Activation {
  return task === 'binary' ? 'sigmoid' : task === 'multiclass' ? 'softmax' : 'linear';
}

/** One layer's penalty: its weights' parts plus the activity penalty on its outputs. */
export function layerPenalty(l: NetworkLayer, outputs: tf.Tensor | undefined): tf.Scalar {
  const p = l.penalties;
  const terms: tf.Scalar[] = [];
  if (p.kernel && l.kernel) terms.push(penaltyOf(p.kernel, l.kernel));
  if (p.recurrent && l.recurrent) terms.push(penaltyOf(p.recurrent, l.recurrent));
  if (p.bias && l.bias) terms.push(penaltyOf(p.bias, l.bias));
  if (p.activity && outputs) terms.push(activityPenaltyOf(p.activity, outputs));
  return terms.length === 0 ? tf.scalar(0) : terms.length === 1 ? terms[0] : (tf.addN(terms) as tf.Scalar);
}

export interface LossTerms {
  dataLoss: tf.Scalar;
  /** One per weighted layer, in order. */
  penalties: tf.Scalar[];
  total: tf.Scalar;
}

/** The training objective on one batch: data loss plus every layer's penalty. */
export function lossTerms(net: Network, loss: LossSpec, x: tf.Tensor, y: tf.Tensor, opts: ForwardOptions): LossTerms {
  const out = forward(net, x, opts);
  const dl = dataLoss(loss, out.logits, y);
  const penalties = net.weighted.map((l) => layerPenalty(l, out.activity.get(net.layers.indexOf(l))));
  const total = penalties.length ? (tf.addN([dl, ...penalties]) as tf.Scalar) : dl;
  return { dataLoss: dl, penalties, total };
}
