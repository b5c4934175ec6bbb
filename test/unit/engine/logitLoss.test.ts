// Binary cross-entropy from logits against the formula in float64, far into both
// tails, and its written-out gradient against finite differences.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { binaryCrossEntropy } from '../../../src/core/engine/logitLoss';
import { testBackend } from '../helpers/backend';

/** -y log(sigmoid z) - (1 - y) log(1 - sigmoid z), in float64 without overflow. */
function reference(z: number, y: number): number {
  const logSigmoid = (t: number) => (t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t)));
  return -y * logSigmoid(z) - (1 - y) * logSigmoid(-z);
}

describe('binary cross-entropy from logits', () => {
  before(testBackend);
  const zs = [-60, -20, -3, -0.5, 0, 0.25, 2, 15, 60];

  it('equals the formula for both labels, finite in the tails', () => {
    for (const y of [0, 1]) {
      const got = binaryCrossEntropy(tf.fill([zs.length], y), tf.tensor1d(zs)).dataSync();
      zs.forEach((z, i) => {
        const want = reference(z, y);
        assert.ok(Number.isFinite(got[i]), `z ${z}, y ${y}`);
        assert.ok(Math.abs(got[i] - want) <= 1e-5 * Math.max(1, want), `z ${z}, y ${y}: ${got[i]} vs ${want}`);
      });
    }
  });

  it('has the gradient sigmoid(z) - y, as finite differences of the formula give', () => {
    const labels = tf.tensor1d(zs.map((_, i) => i % 2));
    const g = tf.grad((z: tf.Tensor) => tf.sum(binaryCrossEntropy(labels, z)))(tf.tensor1d(zs)).dataSync();
    const y = labels.dataSync();
    zs.forEach((z, i) => {
      const h = 1e-4;
      const fd = (reference(z + h, y[i]) - reference(z - h, y[i])) / (2 * h);
      assert.ok(Math.abs(g[i] - fd) < 1e-4, `z ${z}: ${g[i]} vs ${fd}`);
    });
  });
});
