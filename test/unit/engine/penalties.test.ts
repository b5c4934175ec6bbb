import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { penaltyOf, activityPenaltyOf, normsOf } from '../../../src/core/engine/penalties';
import { penaltyDerivative, penaltyValue, type Penalty } from '../../../src/core/experiment/penalty';
import { testBackend } from '../helpers/backend';

const FORMS: Record<string, Penalty> = {
  l1: { l1: 0.03 },
  l2: { l2: 0.05 },
  'elastic net': { l1: 0.02, l2: 0.07 },
  expabs: { expabs: 0.04 },
};

// Weights kept away from 0, where |w| has no derivative.
const W = [0.8, -1.3, 0.25, -0.6, 1.9, -0.15, 0.45, -2.2];

function close(actual: number, expected: number, rel: number, what: string) {
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

describe('penalty forms', () => {
  before(testBackend);

  for (const [form, p] of Object.entries(FORMS)) {
    it(`${form}: value matches a hand computation`, () => {
      const w = tf.tensor2d(W, [4, 2]);
      let hand = 0;
      for (const v of W) hand += (p.l1 ?? 0) * Math.abs(v) + (p.l2 ?? 0) * v * v + (p.expabs ?? 0) * (Math.exp(Math.abs(v)) - 1);
      close(penaltyOf(p, w).dataSync()[0], hand, 1e-5, form);
      close(penaltyValue(p, W), hand, 1e-12, `${form} (plain JS)`);
    });

    it(`${form}: gradient matches central finite differences`, () => {
      const w = tf.tensor2d(W, [4, 2]);
      const grad = tf.grad((x: tf.Tensor) => penaltyOf(p, x))(w).dataSync();
      const h = 1e-5;
      W.forEach((_, i) => {
        const up = W.slice();
        const down = W.slice();
        up[i] += h;
        down[i] -= h;
        const fd = (penaltyValue(p, up) - penaltyValue(p, down)) / (2 * h);
        close(grad[i], fd, 1e-4, `${form} d/dw[${i}]`);
      });
    });

    it(`${form}: the scalar derivative (the fused engine's) is TensorFlow.js's gradient, at 0 and -0 too (|w|'s taken as -1 there)`, () => {
      const at = [...W, 0, -0, 1e-30, -1e-30];
      const grad = tf.grad((x: tf.Tensor) => penaltyOf(p, x))(tf.tensor1d(at)).dataSync();
      at.forEach((w, i) => close(penaltyDerivative(p, w), grad[i], 1e-5, `${form} d/dw at ${Object.is(w, -0) ? '-0' : w}`));
      assert.equal(penaltyDerivative(p, 0), penaltyDerivative(p, -0));
      assert.equal(penaltyDerivative({ l1: 0.5 }, 0), -0.5);
      assert.equal(penaltyDerivative({ l1: 0.5 }, 1e-300), 0.5);
    });
  }

  it('a penalty with no terms is zero', () => {
    assert.equal(penaltyOf({}, tf.tensor1d(W)).dataSync()[0], 0);
  });

  it('activity penalty is averaged over the batch', () => {
    const out = tf.tensor2d([1, -2, 3, 0.5, -1, 2], [3, 2]);
    const expected = (0.1 * (1 + 4 + 9 + 0.25 + 1 + 4)) / 3;
    close(activityPenaltyOf({ l2: 0.1 }, out).dataSync()[0], expected, 1e-6, 'activity l2');
  });

  it('norms: l1, l2, max and sparsity over several tensors', () => {
    const a = tf.tensor1d([3, -4, 0.0005]);
    const b = tf.tensor2d([0, 12], [1, 2]);
    const [l1, l2, max, sparsity] = normsOf([a, b]).dataSync();
    close(l1, 19.0005, 1e-6, 'l1');
    close(l2, 13, 1e-5, 'l2');
    close(max, 12, 1e-7, 'max');
    close(sparsity, 2 / 5, 1e-7, 'sparsity');
  });
});
