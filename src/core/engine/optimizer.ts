// Optimizers named in the cell. AdamW is Adam plus decoupled weight decay, which the
// trainer applies after each step (tfjs has no AdamW); sgd with momentum uses tfjs's
// momentum optimizer.

import * as tf from '@tensorflow/tfjs-core';
import type { TrainSpec } from '../experiment/experiment';

export function makeOptimizer(train: TrainSpec): tf.Optimizer {
  switch (train.optimizer) {
    case 'adam':
    case 'adamw':
      return tf.train.adam(train.lr, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      return tf.train.rmsprop(train.lr, 0.9, 0, 1e-7);
    case 'sgd':
      return train.momentum > 0 ? tf.train.momentum(train.lr, train.momentum) : tf.train.sgd(train.lr);
  }
}
