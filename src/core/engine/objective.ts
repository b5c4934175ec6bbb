// Data loss and metrics by task. Losses are batch means, as in Keras; binary and
// multiclass losses are computed from logits, which stays finite where a clipped
// log of probabilities would lose its gradient. With `stacked`, the tensors hold K
// models on axis 0 and every value comes out per model ([K]).

import * as tf from '@tensorflow/tfjs-core';
import type { Objective } from '../experiment/experiment';
import { activate, forward, type ForwardOptions } from './forward';
import type { LayerVariables, NetworkVariables } from './network';
import { meanPer, sumPer } from './memberAxis';
import { activityPenaltyOf, penaltyOf } from './penalties';
import { binaryCrossEntropy } from './logitLoss';

/** What the data loss and metric depend on besides the network: part of a completed spec's objective. */
export type LossSpec = Pick<Objective, 'task' | 'classes' | 'outputActivation'>;

const NONE = tf.Reduction.NONE;

export function dataLoss({ task, classes, outputActivation }: LossSpec, logits: tf.Tensor, y: tf.Tensor, stacked = false): tf.Tensor {
  return tf.tidy(() => {
    switch (task) {
      case 'binary':
        return meanPer(binaryCrossEntropy(tf.reshape(y, logits.shape), logits), stacked);
      case 'multiclass':
        return meanPer(tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(tf.reshape(y, logits.shape.slice(0, -1)), 'int32'), classes), logits, undefined, 0, NONE), stacked);
      case 'regression':
        return meanPer(tf.squaredDifference(activate(outputActivation, logits), tf.reshape(y, logits.shape)), stacked);
    }
  });
}

/** Accuracy (classification) or R^2 against the mean of the same set (regression). */
export function metric({ task, outputActivation }: LossSpec, logits: tf.Tensor, y: tf.Tensor, stacked = false): tf.Tensor {
  return tf.tidy(() => {
    switch (task) {
      case 'binary':
        return meanPer(tf.cast(tf.equal(tf.cast(tf.greater(logits, 0), 'float32'), tf.reshape(y, logits.shape)), 'float32'), stacked);
      case 'multiclass':
        return meanPer(tf.cast(tf.equal(tf.argMax(logits, -1), tf.cast(tf.reshape(y, logits.shape.slice(0, -1)), 'int32')), 'float32'), stacked);
      case 'regression': {
        const yt = tf.reshape(y, logits.shape);
        const pred = activate(outputActivation, logits);
        const ssRes = sumPer(tf.squaredDifference(yt, pred), stacked);
        const ssTot = sumPer(tf.squaredDifference(yt, meanPer(yt, stacked, true)), stacked);
        // R² of a constant target is undefined (nothing to explain): NaN, not 1 - ssRes / 1e-12.
        const ssY = sumPer(tf.square(yt), stacked);
        const constant = tf.lessEqual(ssTot, tf.add(tf.mul(ssY, 1e-10), 1e-12));
        return tf.where(constant, tf.fill(ssTot.shape, NaN), tf.sub(1, tf.div(ssRes, tf.maximum(ssTot, 1e-12))));
      }
    }
  });
}

/** One layer's penalty: its weights' parts plus the activity penalty on its outputs. */
export function layerPenalty(l: LayerVariables, outputs: tf.Tensor | undefined, stacked = false): tf.Tensor {
  const p = l.penalties;
  const terms: tf.Tensor[] = [];
  if (p.kernel && l.kernel) terms.push(penaltyOf(p.kernel, l.kernel, stacked));
  if (p.recurrent && l.recurrent) terms.push(penaltyOf(p.recurrent, l.recurrent, stacked));
  if (p.bias && l.bias) terms.push(penaltyOf(p.bias, l.bias, stacked));
  if (p.activity && outputs) terms.push(activityPenaltyOf(p.activity, outputs, stacked));
  if (terms.length === 0) return stacked ? tf.zeros([l.kernel!.shape[0]]) : tf.scalar(0);
  return terms.length === 1 ? terms[0] : tf.addN(terms);
}

export interface LossTerms {
  /** Scalars, or [K] per member for a stacked network. */
  dataLoss: tf.Tensor;
  /** One per weighted layer, in order. */
  penalties: tf.Tensor[];
  /** What the gradient is taken of: for a stack, the sum over members (whose weights are apart). */
  total: tf.Scalar;
}

/** The training objective on one batch: data loss plus every layer's penalty. */
export function lossTerms(net: NetworkVariables, loss: LossSpec, x: tf.Tensor, y: tf.Tensor, opts: ForwardOptions): LossTerms {
  const stacked = net.members !== undefined;
  const out = forward(net, x, opts);
  const dl = dataLoss(loss, out.logits, y, stacked);
  const penalties = net.weighted.map((l) => layerPenalty(l, out.activity.get(net.layers.indexOf(l)), stacked));
  const each = penalties.length ? tf.addN([dl, ...penalties]) : dl;
  return { dataLoss: dl, penalties, total: (stacked ? tf.sum(each) : each) as tf.Scalar };
}
