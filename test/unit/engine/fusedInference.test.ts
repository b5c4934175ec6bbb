// The record's inference pass (fused/inferencePass.ts) gives, to the last bit, the
// outputs of the training pass's layer by layer forward (denseForward + activate) at
// the same weights: the history's train and test scores must not depend on which of
// the two computed them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fusedLayoutOf } from '../../../src/core/engine/fused/layout';
import { InferencePass } from '../../../src/core/engine/fused/inferencePass';
import { denseForward } from '../../../src/core/engine/fused/denseKernels';
import { activate } from '../../../src/core/engine/fused/activations';
import { Random } from '../../../src/core/data/random';
import type { Activation, LayerSpec } from '../../../src/core/experiment/experiment';
import { layer } from '../helpers/specs';

function check(inputs: number, layers: LayerSpec[], rows: number, seed: number) {
  const classes = layers.at(-1)!.size;
  const layout = fusedLayoutOf(layers, [inputs], classes > 1 ? 'multiclass' : 'binary', Math.max(classes, 2));
  assert.ok(layout);
  const random = new Random(seed);
  // Some weights exactly zero, as relu networks and L1 leave them.
  const params = Float64Array.from({ length: layout.size }, () => (random.uniform() < 0.1 ? 0 : random.uniform() * 2 - 1));
  const x = Float32Array.from({ length: rows * inputs }, () => random.uniform() * 4 - 2);
  const pass = new InferencePass(layout, rows);
  const outUnits = layout.layers.at(-1)!.units;
  const [z, h] = [new Float64Array(outUnits * rows), new Float64Array(outUnits * rows)];
  pass.run(params, pass.inputsOf([[x, rows]]), z, h);
  // The reference: layer by layer over [units, rows].
  let hin = Float64Array.from({ length: inputs * rows }, (_, k) => x[(k % rows) * inputs + Math.floor(k / rows)]);
  let zl = hin;
  for (const l of layout.layers) {
    zl = new Float64Array(l.units * rows);
    const hl = new Float64Array(l.units * rows);
    denseForward(l, params, hin, zl, rows);
    activate(l.activation, zl, hl, l.units, rows);
    hin = hl;
  }
  for (let i = 0; i < z.length; i++) {
    assert.ok(Object.is(z[i], zl[i]) || (z[i] === 0 && zl[i] === 0), `z[${i}]: ${z[i]} vs ${zl[i]}`);
    assert.ok(Object.is(h[i], hin[i]) || (h[i] === 0 && hin[i] === 0), `h[${i}]: ${h[i]} vs ${hin[i]}`);
  }
}

describe('the fused record\'s inference pass', () => {
  const hidden: Activation[] = ['relu', 'tanh', 'gelu', 'linear', 'softmax'];
  for (const act of hidden) {
    for (const inputs of [1, 2, 4, 5, 9]) {
      it(`gives the training pass's outputs bit for bit: ${inputs} inputs, ${act} hidden layer`, () => {
        check(inputs, [layer('dense', 7, { activation: act }), layer('dense', 1, { activation: 'sigmoid' })], 13, inputs);
        check(inputs, [layer('dense', 6, { activation: 'relu' }), layer('dense', 11, { activation: act, bias: false }), layer('dense', 3, { activation: 'softmax' })], 5, 100 + inputs);
      });
    }
  }
  it('gives the outputs of a network of one layer', () => {
    check(3, [layer('dense', 1)], 9, 7);
    check(6, [layer('dense', 4, { activation: 'softmax' })], 9, 8);
  });
});
