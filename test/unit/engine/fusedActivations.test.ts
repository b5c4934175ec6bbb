// The fused engine's logistic functions (fused/activations.ts) and the binary loss that
// shares one exponential between them (fused/loss.ts): against TensorFlow.js's sigmoid
// and softplus, finite where the naive formulas overflow, and the loss's value and
// gradient equal to softplus(z) - y z and (sigmoid(z) - y) / rows to the last bit.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { sigmoid, sigmoidOf, softplus, softplusOf } from '../../../src/core/engine/fused/activations';
import { lossAndGradient } from '../../../src/core/engine/fused/loss';
import { testBackend } from '../helpers/backend';

const AT = [-40, -8.5, -3, -1, -0.25, -1e-9, -0, 0, 1e-9, 0.25, 1, 3, 8.5, 40];

describe('fused sigmoid and softplus', () => {
  before(testBackend);

  it('agree with TensorFlow.js (float32) everywhere, -0 and large |x| included', () => {
    const x = tf.tensor1d(AT);
    const sig = tf.sigmoid(x).dataSync();
    const sp = tf.softplus(x).dataSync();
    x.dispose();
    AT.forEach((v, i) => {
      assert.ok(Math.abs(sigmoid(v) - sig[i]) <= 1e-6 * Math.max(sig[i], 1e-30) + 1e-30, `sigmoid(${v}): ${sigmoid(v)} vs ${sig[i]}`);
      assert.ok(Math.abs(softplus(v) - sp[i]) <= 1e-6 * Math.max(sp[i], 1e-7), `softplus(${v}): ${softplus(v)} vs ${sp[i]}`);
    });
  });

  it('stay finite where e^x overflows, and keep their tails', () => {
    assert.equal(sigmoid(1000), 1);
    assert.equal(sigmoid(-1000), 0);
    assert.equal(softplus(1000), 1000);
    assert.equal(softplus(-1000), 0);
    assert.equal(sigmoid(-40), Math.exp(-40) / (1 + Math.exp(-40)));
    assert.equal(softplus(-40), Math.log1p(Math.exp(-40)));
    assert.equal(sigmoid(-0), 0.5);
    assert.equal(softplus(-0), Math.LN2);
    assert.ok(Number.isNaN(sigmoid(NaN)) && Number.isNaN(softplus(NaN)));
  });

  it('the binary loss takes both from one e^-|z| a row: the value and gradient of softplus(z) - y z, bit for bit', () => {
    const z = Float64Array.from(AT);
    const y = Float64Array.from(AT, (_, i) => i % 2);
    const rows = AT.length;
    const dz = new Float64Array(rows);
    const value = lossAndGradient({ task: 'binary', classes: 2, outputActivation: 'sigmoid' }, z, z, y, rows, dz, new Float64Array(rows));
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      sum += softplus(z[r]) - y[r] * z[r];
      assert.equal(dz[r], (sigmoid(z[r]) - y[r]) / rows, `gradient at z = ${z[r]}`);
      const e = Math.exp(-Math.abs(z[r]));
      assert.equal(sigmoidOf(z[r], e), sigmoid(z[r]));
      assert.equal(softplusOf(z[r], e), softplus(z[r]));
    }
    assert.equal(value, sum / rows);
  });
});
