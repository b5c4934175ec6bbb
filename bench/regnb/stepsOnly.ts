// RegNB's training step without its per-epoch bookkeeping, to price that bookkeeping.
//
// train() does, every epoch, the optimizer step AND an inference pass over train+test,
// the test loss, both metrics and four norms per layer (then a batched read-back). The
// peers only step. There is no flag to turn the bookkeeping off, so this loop re-uses
// the engine's own pieces (network builder, loss terms, optimizer) and leaves it out.
// Keep it in step with runEpoch in src/core/engine/trainer.ts (full-batch case).

import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../../src/core/data/dataset';
import type { MemberConfig } from '../../src/core/engine/trainer';
import { buildNetwork, trainableVariables, type Network } from '../../src/core/engine/network';
import { dataLoss, defaultOutputActivation, lossTerms, metric, type LossSpec } from '../../src/core/engine/objective';
import { makeOptimizer } from '../../src/core/engine/optimizer';
import { forward } from '../../src/core/engine/forward';
import type { Scores } from '../lib/types';

export function trainStepsOnly(data: Dataset, config: MemberConfig): { net: Network; scores: Scores } {
  if (data.nTrain > config.train.batch) throw new Error('the steps-only loop does full-batch epochs only (the bench network has one batch)');
  const net = buildNetwork(config.layers, data.inputShape, config.train.seed);
  const vars = trainableVariables(net);
  const optimizer = makeOptimizer(config.train);
  const loss: LossSpec = { task: data.task, classes: data.classes, outputActivation: net.layers[net.outputIndex].spec?.activation ?? defaultOutputActivation(data.task) };
  const x = tf.tensor2d(data.xTrain, [data.nTrain, data.inputShape[0]]);
  const y = tf.tensor1d(data.yTrain);
  for (let epoch = 0; epoch < config.train.epochs; epoch++) {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => lossTerms(net, loss, x, y, { training: true }).total, vars);
      optimizer.applyGradients(grads);
    });
  }
  // Scores once at the end, as the peers compute them (the weights are read back here, so
  // the timing above includes all the queued work).
  const scores = tf.tidy(() => {
    const xt = tf.tensor2d(data.xTest, [data.nTest, data.inputShape[0]]);
    const yt = tf.tensor1d(data.yTest);
    const terms = lossTerms(net, loss, x, y, { training: false });
    const testLogits = forward(net, xt, { training: false }).logits;
    const trainLogits = forward(net, x, { training: false }).logits;
    const v = tf.stack([terms.dataLoss, terms.total, dataLoss(loss, testLogits, yt), metric(loss, trainLogits, y), metric(loss, testLogits, yt)]).dataSync();
    return { trainLoss: v[0], objective: v[1], testLoss: v[2], trainAcc: v[3], testAcc: v[4] };
  });
  optimizer.dispose();
  tf.dispose([x, y]);
  return { net, scores };
}
