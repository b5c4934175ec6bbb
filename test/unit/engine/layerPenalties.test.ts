// Each penalty part (kernel, recurrent kernel, bias, activity) must reach the loss
// and the gradient: tfjs's own regularizers silently do neither for recurrent layers
// and throw for activity regularizers.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { buildNetwork, type Network } from '../../../src/core/engine/network';
import { lossTerms, type LossSpec } from '../../../src/core/engine/objective';
import { penaltyValue } from '../../../src/core/experiment/penalty';
import type { LayerPenalties } from '../../../src/core/experiment/penalty';
import type { LayerSpec } from '../../../src/core/experiment/experiment';
import { testBackend } from '../helpers/backend';
import { layer } from '../helpers/specs';

const REGRESSION: LossSpec = { task: 'regression', classes: 1, outputActivation: 'linear' };

function values(v: tf.Variable): number[] {
  return Array.from(v.dataSync());
}

function gradOf(net: Network, x: tf.Tensor, y: tf.Tensor, v: tf.Variable): Float32Array {
  const { grads } = tf.variableGrads(() => lossTerms(net, REGRESSION, x, y, { training: true }).total, [v]);
  return grads[v.name].dataSync() as Float32Array;
}

/**
 * The gradient of `term` with respect to `v` (by tfjs's autodiff) against central finite
 * differences, element by element. L1 and L2 terms are piecewise linear and quadratic in
 * the weights, so a central difference is exact up to rounding while no weight crosses 0:
 * weights within 2h of 0 are moved away from it first.
 */
function assertGradientMatchesDifferences(term: () => tf.Scalar, v: tf.Variable, what: string): void {
  const h = 1e-2;
  v.assign(tf.tensor(values(v).map((w) => (Math.abs(w) < 2 * h ? (w < 0 ? -3 * h : 3 * h) : w)), v.shape));
  const w0 = values(v);
  const { grads } = tf.variableGrads(term, [v]);
  const g = grads[v.name].dataSync();
  w0.forEach((_, i) => {
    const at = (delta: number) => {
      const w = w0.slice();
      w[i] += delta;
      v.assign(tf.tensor(w, v.shape));
      return term().dataSync()[0];
    };
    const fd = (at(h) - at(-h)) / (2 * h);
    v.assign(tf.tensor(w0, v.shape));
    assert.ok(Math.abs(g[i] - fd) < 2e-3 * Math.max(1, Math.abs(fd)), `${what} d/dw[${i}]: ${g[i]} vs ${fd}`);
  });
  assert.ok(Math.max(...Array.from(g).map(Math.abs)) > 1e-3, `${what}: the penalty must have a gradient`);
}

function lstmNet(penalties: LayerPenalties): Network {
  const specs: LayerSpec[] = [layer('lstm', 4, { name: 'lstm_1', penalties }), layer('dense', 1, { name: 'dense_1' })];
  return buildNetwork(specs, [5, 1], 7);
}

describe('penalties of layer parts', () => {
  let x: tf.Tensor;
  let y: tf.Tensor;
  before(async () => {
    await testBackend();
    x = tf.randomNormal([6, 5, 1], 0, 1, 'float32', 3);
    y = tf.randomNormal([6], 0, 1, 'float32', 4);
  });

  it('LSTM: kernel and recurrent penalties are both in the loss, each on its own weights', () => {
    const net = lstmNet({ kernel: { l1: 0.01 }, recurrent: { l2: 0.1 } });
    const l = net.weighted[0];
    const expected = penaltyValue({ l1: 0.01 }, values(l.kernel!)) + penaltyValue({ l2: 0.1 }, values(l.recurrent!));
    const terms = lossTerms(net, REGRESSION, x, y, { training: true });
    const got = terms.penalties[0].dataSync()[0];
    assert.ok(Math.abs(got - expected) < 1e-5 * expected, `${got} vs ${expected}`);
    assert.ok(Math.abs(terms.total.dataSync()[0] - terms.dataLoss.dataSync()[0] - got) < 1e-5);
  });

  it('LSTM: the recurrent penalty changes the recurrent kernel gradient by exactly 2*l2*W', () => {
    const plain = lstmNet({});
    const penalized = lstmNet({ recurrent: { l2: 0.1 } });
    const w = values(penalized.weighted[0].recurrent!);
    assert.deepEqual(values(plain.weighted[0].recurrent!), w, 'same seed, same initial weights');
    const g0 = gradOf(plain, x, y, plain.weighted[0].recurrent!);
    const g1 = gradOf(penalized, x, y, penalized.weighted[0].recurrent!);
    let maxDiff = 0;
    w.forEach((wi, i) => {
      const diff = g1[i] - g0[i];
      maxDiff = Math.max(maxDiff, Math.abs(diff));
      assert.ok(Math.abs(diff - 0.2 * wi) < 1e-5, `element ${i}: ${diff} vs ${0.2 * wi}`);
    });
    assert.ok(maxDiff > 1e-3, 'the penalty must move the gradient');
  });

  it('bias penalty is opt-in and acts on the bias only', () => {
    const specs = (penalties: LayerPenalties): LayerSpec[] => [layer('dense', 3, { name: 'd1', penalties }), layer('dense', 1, { name: 'd2' })];
    const net = buildNetwork(specs({ bias: { l2: 0.5 } }), [2], 1);
    const bias = net.weighted[0].bias!;
    bias.assign(tf.tensor1d([0.3, -0.2, 0.1]));
    const xb = tf.tensor2d([[1, 2], [3, 4]]);
    const yb = tf.tensor1d([1, 0]);
    const terms = lossTerms(net, REGRESSION, xb, yb, { training: true });
    assert.ok(Math.abs(terms.penalties[0].dataSync()[0] - 0.5 * (0.09 + 0.04 + 0.01)) < 1e-6);
    const noBias = buildNetwork(specs({}), [2], 1);
    assert.equal(lossTerms(noBias, REGRESSION, xb, yb, { training: true }).penalties[0].dataSync()[0], 0);
  });

  it('bias penalty: its gradient matches finite differences (l1 + l2)', () => {
    const net = buildNetwork([layer('dense', 4, { name: 'd1', penalties: { bias: { l1: 0.05, l2: 0.5 } } }), layer('dense', 1, { name: 'd2' })], [2], 3);
    const bias = net.weighted[0].bias!;
    bias.assign(tf.tensor1d([0.3, -0.2, 0.15, -0.4]));
    const xb = tf.tensor2d([[1, 2], [3, 4]]);
    const yb = tf.tensor1d([1, 0]);
    assertGradientMatchesDifferences(() => lossTerms(net, REGRESSION, xb, yb, { training: true }).penalties[0] as tf.Scalar, bias, 'bias');
  });

  it('activity penalty: value on the layer outputs, and its gradient matches finite differences', () => {
    const specs: LayerSpec[] = [
      layer('dense', 3, { name: 'd1', activation: 'linear', penalties: { activity: { l2: 0.2 } } }),
      layer('dense', 1, { name: 'd2' }),
    ];
    const net = buildNetwork(specs, [2], 5);
    const xb = tf.tensor2d([[1, -2], [0.5, 3], [-1, 1]]);
    const yb = tf.tensor1d([0, 0, 0]);
    const k = net.weighted[0].kernel!;
    const b = net.weighted[0].bias!;
    const out = tf.add(tf.matMul(xb, k), b);
    const expected = (0.2 * tf.sum(tf.square(out)).dataSync()[0]) / 3;
    const terms = lossTerms(net, REGRESSION, xb, yb, { training: true });
    assert.ok(Math.abs(terms.penalties[0].dataSync()[0] - expected) < 1e-5, 'activity value');

    const activityOnly = () => lossTerms(net, REGRESSION, xb, yb, { training: true }).penalties[0] as tf.Scalar;
    const { grads } = tf.variableGrads(activityOnly, [k]);
    const g = grads[k.name].dataSync();
    const w0 = values(k);
    const h = 1e-2; // the penalty is quadratic in the kernel, so a central difference is exact up to rounding
    w0.forEach((_, i) => {
      const at = (delta: number) => {
        const w = w0.slice();
        w[i] += delta;
        k.assign(tf.tensor(w, k.shape));
        return activityOnly().dataSync()[0];
      };
      const fd = (at(h) - at(-h)) / (2 * h);
      k.assign(tf.tensor(w0, k.shape));
      assert.ok(Math.abs(g[i] - fd) < 2e-3 * Math.max(1, Math.abs(fd)), `d/dk[${i}]: ${g[i]} vs ${fd}`);
    });
    assert.ok(Math.max(...Array.from(g).map(Math.abs)) > 1e-3, 'the activity penalty must have a gradient');
  });

  for (const type of ['gru', 'simplernn'] as const) {
    it(`${type}: the recurrent penalty reaches the loss`, () => {
      const net = buildNetwork([layer(type, 3, { name: 'r', penalties: { recurrent: { l1: 0.05 } } }), layer('dense', 1, { name: 'o' })], [4, 1], 2);
      const expected = penaltyValue({ l1: 0.05 }, values(net.weighted[0].recurrent!));
      const got = lossTerms(net, REGRESSION, tf.ones([2, 4, 1]), tf.zeros([2]), { training: true }).penalties[0].dataSync()[0];
      assert.ok(expected > 0 && Math.abs(got - expected) < 1e-5 * expected, `${got} vs ${expected}`);
    });

    it(`${type}: the recurrent penalty's gradient matches finite differences (l1 + l2)`, () => {
      const net = buildNetwork([layer(type, 3, { name: 'r', penalties: { recurrent: { l1: 0.05, l2: 0.1 } } }), layer('dense', 1, { name: 'o' })], [4, 1], 2);
      const xb = tf.randomNormal([2, 4, 1], 0, 1, 'float32', 8);
      const yb = tf.zeros([2]);
      assertGradientMatchesDifferences(() => lossTerms(net, REGRESSION, xb, yb, { training: true }).penalties[0] as tf.Scalar, net.weighted[0].recurrent!, `${type} recurrent`);
    });
  }
});
