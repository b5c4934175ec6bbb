// The record's inference pass (fused/inferencePass.ts) gives, to the last bit, the
// outputs of the training pass's layer by layer forward (denseForward + activate) at
// the same weights: the history's train and test scores must not depend on which of
// the two computed them. It holds for both implementations of the fused pair (the
// JavaScript loop, and the WebAssembly SIMD kernel for relu and linear hidden layers:
// four rows at a time, each sum added in denseForward's order), on the arrays of one
// wasm memory as a trainee holds them. The plane networks' pair (two inputs, a relu or
// linear hidden layer, one output) runs in float32: within its stated bound of the
// float64 outputs, and bit for bit the same in JavaScript and in WebAssembly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fusedLayoutOf } from '../../../src/core/engine/fused/layout';
import { InferencePass } from '../../../src/core/engine/fused/inferencePass';
import { denseForward } from '../../../src/core/engine/fused/denseKernels';
import { activate } from '../../../src/core/engine/fused/activations';
import { fusedMemory } from '../../../src/core/engine/fused/fusedMemory';
import { Random } from '../../../src/core/data/random';
import type { Activation, LayerSpec } from '../../../src/core/experiment/experiment';
import { layer } from '../helpers/specs';

/** The pass's outputs over random weights (some exactly zero) and inputs, by each engine, and the reference's. */
function outputs(inputs: number, layers: LayerSpec[], rows: number, seed: number, tiny = 0) {
  const classes = layers.at(-1)!.size;
  const layout = fusedLayoutOf(layers, [inputs], classes > 1 ? 'multiclass' : 'binary', Math.max(classes, 2));
  assert.ok(layout);
  const random = new Random(seed);
  // Some weights exactly zero, as relu networks and L1 leave them.
  // With `tiny`, that share of them far below float32's normal range or near 2^-50 (the float32 pair's flush).
  const scale = () => (random.uniform() < tiny ? [1e-40, 1e-30, 2 ** -50, 2 ** -51, 1e-10][Math.floor(random.uniform() * 5)] : 1);
  const weights = Float64Array.from({ length: layout.size }, () => (random.uniform() < 0.1 ? 0 : (random.uniform() * 2 - 1) * scale()));
  const x = Float32Array.from({ length: rows * inputs }, () => random.uniform() * 4 - 2);
  const byEngine = (['js', 'auto'] as const).map((engine) => {
    const { arrays, kernels } = fusedMemory((alloc, k) => ({ params: alloc(layout.size), pass: new InferencePass(layout, rows, alloc, k) }), engine);
    assert.equal(kernels.kind, engine === 'js' ? 'js' : 'wasm-simd');
    arrays.params.set(weights);
    arrays.pass.setInputs([[x.subarray(0, 2 * inputs), 2], [x.subarray(2 * inputs), rows - 2]]);
    arrays.pass.run(arrays.params);
    return { z: arrays.pass.outZ, h: arrays.pass.outH };
  });
  // The reference: layer by layer over [units, rows].
  let hin = Float64Array.from({ length: inputs * rows }, (_, k) => x[(k % rows) * inputs + Math.floor(k / rows)]);
  let z = hin;
  for (const l of layout.layers) {
    z = new Float64Array(l.units * rows);
    const h = new Float64Array(l.units * rows);
    denseForward(l, weights, hin, z, rows);
    activate(l.activation, z, h, l.units, rows);
    hin = h;
  }
  return { js: byEngine[0], wasm: byEngine[1], reference: { z, h: hin }, layout, weights, x };
}

/** Whether the pass runs the float32 pair (inferencePass.ts: two inputs, relu or linear, one output). */
const isPlane = (inputs: number, layers: LayerSpec[]) =>
  inputs === 2 && layers.length === 2 && layers[1].size === 1 && (layers[0].activation === 'relu' || layers[0].activation === 'linear');

/**
 * The float32 pair's bound against float64: each output within (units + 10) 2^-24 times
 * the sum of its terms' magnitudes, |bo| + sum over j of |wo_j| (|b_j| + |w0_j x0| + |w1_j x1|)
 * (every weight, product and sum rounded once to float32, relu 1-Lipschitz).
 */
function assertWithinFloat32Bound(got: Float64Array, reference: Float64Array, layout: ReturnType<typeof fusedLayoutOf>, weights: Float64Array, x: Float32Array, rows: number, what: string) {
  const [l, o] = layout!.layers;
  for (let r = 0; r < rows; r++) {
    let magnitude = o.bias >= 0 ? Math.abs(weights[o.bias]) : 0;
    for (let j = 0; j < l.units; j++) {
      const b = l.bias >= 0 ? Math.abs(weights[l.bias + j]) : 0;
      magnitude += Math.abs(weights[o.kernel + j]) * (b + Math.abs(weights[l.kernel + j] * x[2 * r]) + Math.abs(weights[l.kernel + l.units + j] * x[2 * r + 1]));
    }
    const bound = (l.units + 10) * 2 ** -24 * magnitude;
    assert.ok(Math.abs(got[r] - reference[r]) <= bound, `${what}[${r}]: ${got[r]} vs ${reference[r]}, bound ${bound}`);
  }
}

/** Equal to the last bit (a zero of either sign equals a zero). */
function assertSame(a: Float64Array, b: Float64Array, what: string) {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]) || (a[i] === 0 && b[i] === 0), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

function check(inputs: number, layers: LayerSpec[], rows: number, seed: number) {
  const { js, wasm, reference, layout, weights, x } = outputs(inputs, layers, rows, seed);
  if (isPlane(inputs, layers)) {
    assertSame(wasm.z, js.z, 'float32 pair, wasm vs js: z');
    assertSame(wasm.h, js.h, 'float32 pair, wasm vs js: h');
    assertWithinFloat32Bound(js.z, reference.z, layout, weights, x, rows, 'float32 pair vs float64: z');
    return;
  }
  for (const [name, got] of [['js', js], ['wasm', wasm]] as const) {
    assertSame(got.z, reference.z, `${name} z`);
    assertSame(got.h, reference.h, `${name} h`);
  }
}

describe('the fused record\'s inference pass', () => {
  const hidden: Activation[] = ['relu', 'tanh', 'gelu', 'linear', 'softmax'];
  for (const act of hidden) {
    for (const inputs of [1, 2, 4, 5, 9]) {
      it(`gives the training pass's outputs bit for bit (the float32 pair: within its bound): ${inputs} inputs, ${act} hidden layer`, () => {
        check(inputs, [layer('dense', 7, { activation: act }), layer('dense', 1, { activation: 'sigmoid' })], 13, inputs);
        check(inputs, [layer('dense', 6, { activation: 'relu' }), layer('dense', 11, { activation: act, bias: false }), layer('dense', 3, { activation: 'softmax' })], 5, 100 + inputs);
      });
    }
  }
  it('gives the outputs of a network of one layer', () => {
    check(3, [layer('dense', 1)], 9, 7);
    check(6, [layer('dense', 4, { activation: 'softmax' })], 9, 8);
  });
  // The wasm kernel's row blocks: 4 rows, then 2, then 1; every remainder of 4.
  for (const act of ['relu', 'tanh', 'sigmoid', 'linear'] as const) {
    it(`gives the same outputs in WebAssembly as in JavaScript for every row count: ${act} hidden layer, 1 and 3 outputs`, () => {
      let seed = 200;
      for (const rows of [2, 3, 4, 5, 6, 7, 8, 70]) {
        for (const [inputs, units] of [[2, 500], [3, 1], [1, 9], [7, 33]]) {
          for (const out of [layer('dense', 1, { activation: 'sigmoid' }), layer('dense', 3, { activation: 'softmax', bias: false })]) {
            const { js, wasm } = outputs(inputs, [layer('dense', units, { activation: act, bias: units % 2 === 0 }), out], rows, seed++);
            assertSame(wasm.z, js.z, `${rows} rows, ${inputs} inputs, ${units} units, ${out.size} outputs: z`);
            assertSame(wasm.h, js.h, `${rows} rows, ${inputs} inputs, ${units} units, ${out.size} outputs: h`);
          }
        }
      }
    });
  }
  // The wasm pair is one export per case (assembly/kernels.ts hiddenIntoOutputN): each
  // must be the one its flags name. A layer before the pair, so that two inputs to it
  // with one output are its float64 case, not the plane networks' float32 pair.
  it('gives the same outputs in WebAssembly as in JavaScript in each of its sixteen cases: relu or linear, two inputs or not, a bias or not, one output or three', () => {
    let seed = 300;
    for (const act of ['relu', 'linear'] as const) {
      for (const inputs of [2, 3]) {
        for (const bias of [true, false]) {
          for (const out of [layer('dense', 1, { activation: 'sigmoid' }), layer('dense', 3, { activation: 'softmax' })]) {
            const what = `${act}, ${inputs} inputs, ${bias ? '' : 'no '}bias, ${out.size} outputs`;
            const { js, wasm } = outputs(3, [layer('dense', inputs, { activation: 'tanh' }), layer('dense', 10, { activation: act, bias }), out], 7, seed++);
            assertSame(wasm.z, js.z, `${what}: z`);
            assertSame(wasm.h, js.h, `${what}: h`);
          }
        }
      }
    }
  });
  it('computes the plane networks\' pair in float32: within its bound of float64, not float64 itself, bit for bit in both implementations', () => {
    let seed = 400;
    let differs = 0;
    for (const act of ['relu', 'linear'] as const) {
      for (const [units, bias, biasO] of [[500, true, true], [33, false, true], [7, true, false]] as const) {
        for (const rows of [2, 11, 12, 13, 70]) {
          const layers = [layer('dense', units, { activation: act, bias }), layer('dense', 1, { activation: 'sigmoid', bias: biasO })];
          const { js, wasm, reference, layout, weights, x } = outputs(2, layers, rows, seed++);
          const what = `${act}, ${units} units, ${bias ? '' : 'no '}bias, ${biasO ? '' : 'no '}output bias, ${rows} rows`;
          assertSame(wasm.z, js.z, `${what}: z`);
          assertSame(wasm.h, js.h, `${what}: h`);
          assertWithinFloat32Bound(js.z, reference.z, layout, weights, x, rows, what);
          for (let r = 0; r < rows; r++) if (js.z[r] !== reference.z[r]) differs++;
          // Every output is a float32 value.
          for (let r = 0; r < rows; r++) assert.equal(Math.fround(js.z[r]), js.z[r], `${what}: z[${r}] is not a float32`);
        }
      }
    }
    assert.ok(differs > 100, `the float32 pair gave the float64 outputs ${differs} times out of ~1000`);
  });
  it('flushes the float32 pair\'s tiny weights to zero alike in both implementations, within its bound of float64', () => {
    for (const act of ['relu', 'linear'] as const) {
      const layers = [layer('dense', 200, { activation: act }), layer('dense', 1, { activation: 'sigmoid' })];
      const { js, wasm, reference, layout, weights, x } = outputs(2, layers, 13, act === 'relu' ? 500 : 501, 0.3);
      assertSame(wasm.z, js.z, `${act}: z`);
      assertWithinFloat32Bound(js.z, reference.z, layout, weights, x, 13, act);
    }
  });
});
