// The record's inference pass (fused/inferencePass.ts) gives the outputs of the
// training pass's layer by layer forward (denseForward + activate) at the same weights.
// The JavaScript loop, and the WebAssembly SIMD kernel with several outputs (four rows
// at a time, each sum added in denseForward's order), give them to the last bit, on
// the arrays of one wasm memory as a trainee holds them. With one output the kernel
// folds the output's weights into the hidden layer (relu and linear are positively
// homogeneous) and adds the units by sign: the same sums rounded in another order, so
// they are held to the rounding bound of those sums, (terms + 4) ulp of the sum of the
// terms' magnitudes, not to the bit (the record only reports them, and the history's
// tests against TensorFlow.js and PyTorch allow 1e-4; see assembly/kernels.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fusedLayoutOf, type FusedDenseLayer } from '../../../src/core/engine/fused/layout';
import { InferencePass } from '../../../src/core/engine/fused/inferencePass';
import { denseForward } from '../../../src/core/engine/fused/denseKernels';
import { activate } from '../../../src/core/engine/fused/activations';
import { fusedMemory } from '../../../src/core/engine/fused/fusedMemory';
import { Random } from '../../../src/core/data/random';
import type { Activation, LayerSpec } from '../../../src/core/experiment/experiment';
import { layer } from '../helpers/specs';

/** The pass's outputs over random weights (some exactly zero) and inputs, by each engine, and the reference's. */
function outputs(inputs: number, layers: LayerSpec[], rows: number, seed: number) {
  const classes = layers.at(-1)!.size;
  const layout = fusedLayoutOf(layers, [inputs], classes > 1 ? 'multiclass' : 'binary', Math.max(classes, 2));
  assert.ok(layout);
  const random = new Random(seed);
  // Some weights exactly zero, as relu networks and L1 leave them.
  const weights = Float64Array.from({ length: layout.size }, () => (random.uniform() < 0.1 ? 0 : random.uniform() * 2 - 1));
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
  const ins: Float64Array[] = [];
  for (const l of layout.layers) {
    ins.push(hin);
    z = new Float64Array(l.units * rows);
    const h = new Float64Array(l.units * rows);
    denseForward(l, weights, hin, z, rows);
    activate(l.activation, z, h, l.units, rows);
    hin = h;
  }
  const L = layout.layers.length;
  const folded = L >= 2 && layout.layers[L - 1].units === 1 && ['relu', 'linear'].includes(layout.layers[L - 2].activation);
  const bound = folded ? foldedBound(layout.layers[L - 2], layout.layers[L - 1], weights, ins[L - 2], rows) : null;
  return { js: byEngine[0], wasm: byEngine[1], reference: { z, h: hin }, bound };
}

/**
 * Per row, how far the folded pass's logit may be from denseForward's: both are sums of
 * units + inputs + 2 rounded products and sums of the terms |wo_j| |b_j|, |wo_j W_ij x_i|
 * (the output's bias aside), so each is within (units + inputs + 2) ulp of their
 * magnitudes' sum, S, of the exact value (the classic bound of a sum in any order).
 */
function foldedBound(l: FusedDenseLayer, o: FusedDenseLayer, w: Float64Array, hin: Float64Array, rows: number): Float64Array {
  const terms = l.units + l.inputs + 2;
  return Float64Array.from({ length: rows }, (_, r) => {
    let sum = o.bias >= 0 ? Math.abs(w[o.bias]) : 0;
    for (let j = 0; j < l.units; j++) {
      let a = l.bias >= 0 ? Math.abs(w[l.bias + j]) : 0;
      for (let i = 0; i < l.inputs; i++) a += Math.abs(w[l.kernel + i * l.units + j] * hin[i * rows + r]);
      sum += Math.abs(w[o.kernel + j]) * a;
    }
    return 2 * terms * Number.EPSILON * sum;
  });
}

/** Equal to the last bit (a zero of either sign equals a zero). */
function assertSame(a: Float64Array, b: Float64Array, what: string) {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]) || (a[i] === 0 && b[i] === 0), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

/** Within `bound` of the reference row by row; the activations (sigmoid: slope <= 1/4) within it plus 4 ulp. */
function assertWithin(got: { z: Float64Array; h: Float64Array }, reference: { z: Float64Array; h: Float64Array }, bound: Float64Array, what: string) {
  assert.equal(got.z.length, reference.z.length);
  for (let r = 0; r < got.z.length; r++) {
    assert.ok(Math.abs(got.z[r] - reference.z[r]) <= bound[r], `${what} z[${r}]: ${got.z[r]} vs ${reference.z[r]} (bound ${bound[r]})`);
    assert.ok(Math.abs(got.h[r] - reference.h[r]) <= bound[r] + 4 * Number.EPSILON * Math.abs(reference.h[r]), `${what} h[${r}]: ${got.h[r]} vs ${reference.h[r]}`);
  }
}

/** The JavaScript pass to the bit; the wasm one to the bit, or within the folded pass's bound. */
function assertOutputs({ js, wasm, reference, bound }: ReturnType<typeof outputs>, what: string) {
  assertSame(js.z, reference.z, `js ${what} z`);
  assertSame(js.h, reference.h, `js ${what} h`);
  if (bound) assertWithin(wasm, reference, bound, `wasm ${what}`);
  else {
    assertSame(wasm.z, reference.z, `wasm ${what} z`);
    assertSame(wasm.h, reference.h, `wasm ${what} h`);
  }
}

function check(inputs: number, layers: LayerSpec[], rows: number, seed: number) {
  assertOutputs(outputs(inputs, layers, rows, seed), '');
}

describe('the fused record\'s inference pass', () => {
  const hidden: Activation[] = ['relu', 'tanh', 'gelu', 'linear', 'softmax'];
  for (const act of hidden) {
    for (const inputs of [1, 2, 4, 5, 9]) {
      it(`gives the training pass's outputs: ${inputs} inputs, ${act} hidden layer`, () => {
        check(inputs, [layer('dense', 7, { activation: act }), layer('dense', 1, { activation: 'sigmoid' })], 13, inputs);
        check(inputs, [layer('dense', 6, { activation: 'relu' }), layer('dense', 11, { activation: act, bias: false }), layer('dense', 3, { activation: 'softmax' })], 5, 100 + inputs);
      });
    }
  }
  it('gives the outputs of a network of one layer', () => {
    check(3, [layer('dense', 1)], 9, 7);
    check(6, [layer('dense', 4, { activation: 'softmax' })], 9, 8);
  });
  // The wasm kernel's row blocks: several outputs, 4 rows, then 2, then 1; one output,
  // 8 rows, then 6, 4 or 2, then 1; every remainder of both.
  for (const act of ['relu', 'tanh', 'sigmoid', 'linear'] as const) {
    it(`gives the same outputs in WebAssembly as in JavaScript for every row count: ${act} hidden layer, 1 and 3 outputs`, () => {
      let seed = 200;
      for (const rows of [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 70]) {
        for (const [inputs, units] of [[2, 500], [3, 1], [1, 9], [7, 33]]) {
          for (const out of [layer('dense', 1, { activation: 'sigmoid' }), layer('dense', 3, { activation: 'softmax', bias: false })]) {
            assertOutputs(outputs(inputs, [layer('dense', units, { activation: act, bias: units % 2 === 0 }), out], rows, seed++), `${rows} rows, ${inputs} inputs, ${units} units, ${out.size} outputs:`);
          }
        }
      }
    });
  }
  // The wasm pair is one export per case (assembly/kernels.ts hiddenIntoOutputN): each
  // must be the one its flags name.
  it('gives the same outputs in WebAssembly as in JavaScript in each of its sixteen cases: relu or linear, two inputs or not, a bias or not, one output or three', () => {
    let seed = 300;
    for (const act of ['relu', 'linear'] as const) {
      for (const inputs of [2, 3]) {
        for (const bias of [true, false]) {
          for (const out of [layer('dense', 1, { activation: 'sigmoid' }), layer('dense', 3, { activation: 'softmax' })]) {
            const what = `${act}, ${inputs} inputs, ${bias ? '' : 'no '}bias, ${out.size} outputs`;
            assertOutputs(outputs(inputs, [layer('dense', 10, { activation: act, bias }), out], 7, seed++), `${what}:`);
          }
        }
      }
    }
  });
});
