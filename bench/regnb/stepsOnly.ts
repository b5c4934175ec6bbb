// RegNB's training without its per-epoch record, to price that record.
//
// train() does, every epoch, the optimizer steps AND an inference pass over train+test
// (train and test loss and metric) and the norms of the weights. The peers only step.
// This loop trains the same network on the same fused engine (fused/fusedTrainee.ts)
// with trainEpoch(), which leaves the inference pass out.

import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../../src/core/data/dataset';
import type { MemberConfig } from '../../src/core/engine/trainer';
import { buildNetwork, type Network } from '../../src/core/engine/network';
import { dataLoss, lossTerms, metric, type LossSpec } from '../../src/core/engine/objective';
import { forward } from '../../src/core/engine/forward';
import { fusedLayoutOf, readWeights, writeWeights } from '../../src/core/engine/fused/layout';
import { FusedTrainee } from '../../src/core/engine/fused/fusedTrainee';
import { Random } from '../../src/core/data/random';
import type { Scores } from '../lib/types';

/**
 * `loss`: the completed spec's objective, as train() takes it. The network is built and
 * trained as train() builds and trains it; its scores are scoresOf()'s, outside the
 * callers' clocks (a tfjs pass over every row, which at 20 epochs of the growth table's
 * corner cost more than the steps).
 */
export function trainStepsOnly(loss: LossSpec, data: Dataset, config: MemberConfig): Network {
  const net = buildNetwork(config.layers, data.inputShape, config.train.seed);
  const layout = fusedLayoutOf(config.layers, data.inputShape, loss.task, loss.classes);
  if (!layout) throw new Error('the steps-only loop needs a network the fused engine covers');
  const params = new Float64Array(layout.size);
  readWeights(layout, net, params);
  const order = Int32Array.from({ length: data.nTrain }, (_, i) => i);
  const trainee = new FusedTrainee(layout, loss, config.train, data, new Random(config.train.seed), order, params);
  for (let epoch = 0; epoch < config.train.epochs; epoch++) trainee.trainEpoch();
  writeWeights(layout, trainee.params, net);
  // As train() does: its memory to the next trainee of this thread.
  trainee.dispose();
  return net;
}

/** The trained network's scores, once at the end, as the peers compute them. */
export function scoresOf(net: Network, loss: LossSpec, data: Dataset): Scores {
  return tf.tidy(() => {
    const x = tf.tensor2d(data.xTrain, [data.nTrain, data.inputShape[0]]);
    const y = tf.tensor1d(data.yTrain);
    const xt = tf.tensor2d(data.xTest, [data.nTest, data.inputShape[0]]);
    const yt = tf.tensor1d(data.yTest);
    const terms = lossTerms(net, loss, x, y, { training: false });
    const testLogits = forward(net, xt, { training: false }).logits;
    const trainLogits = forward(net, x, { training: false }).logits;
    const v = tf.stack([terms.dataLoss, terms.total, dataLoss(loss, testLogits, yt), metric(loss, trainLogits, y), metric(loss, testLogits, yt)]).dataSync();
    return { trainLoss: v[0], objective: v[1], testLoss: v[2], trainAcc: v[3], testAcc: v[4] };
  });
}
