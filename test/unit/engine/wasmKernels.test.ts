// The fused engine's WebAssembly SIMD kernels (fused/assembly/kernels.ts) against its
// JavaScript loops (denseKernels.ts, activations.ts), the reference, on the same arrays
// in one wasm memory (the fused ones against the JavaScript loops they stand for): random shapes with odd row counts (the scalar tail after pairs
// of rows), one row, zero weights (skipped by both), no bias, and whole trainees
// trained by both for many epochs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../src/core/data/random';
import type { Dataset } from '../../../src/core/data/dataset';
import type { LayerSpec, TrainSpec } from '../../../src/core/experiment/experiment';
import { fusedMemory } from '../../../src/core/engine/fused/fusedMemory';
import { JS_KERNELS } from '../../../src/core/engine/fused/kernels';
import { fusedLayoutOf, readWeights, type FusedDenseLayer } from '../../../src/core/engine/fused/layout';
import { FusedTrainee } from '../../../src/core/engine/fused/fusedTrainee';
import { buildNetwork } from '../../../src/core/engine/network';
import type { LossSpec } from '../../../src/core/engine/objective';
import { FusedOptimizer, newNormSums } from '../../../src/core/engine/fused/optimizer';
import { penaltyDerivative, penaltyTerm, type Penalty } from '../../../src/core/experiment/penalty';
import { testBackend } from '../helpers/backend';
import { layer, trainSpec } from '../helpers/specs';
import { tinyBinary, tinyMulticlass, tinyRegression } from '../helpers/datasets';

interface Shape {
  inputs: number;
  units: number;
  rows: number;
  bias: boolean;
  /** Share of weights set to exactly 0. */
  zeros: number;
}

function denseLayer(s: Shape): FusedDenseLayer {
  return { name: 'd', inputs: s.inputs, units: s.units, activation: 'relu', kernel: 0, bias: s.bias ? s.inputs * s.units : -1, kernelPenalty: null, biasPenalty: null, activityPenalty: null };
}

/** Every array of one layer's forward and backward pass, in one wasm memory, filled at random. */
function arraysOf(s: Shape, seed: number) {
  const random = new Random(seed);
  const size = s.inputs * s.units + (s.bias ? s.units : 0);
  const { arrays, kernels } = fusedMemory((alloc) => ({
    params: alloc(size),
    hin: alloc(s.inputs * s.rows),
    z: alloc(s.units * s.rows),
    zRef: alloc(s.units * s.rows),
    dz: alloc(s.units * s.rows),
    grads: alloc(size),
    gradsRef: alloc(size),
    dhin: alloc(s.inputs * s.rows),
    dhinRef: alloc(s.inputs * s.rows),
    h: alloc(s.units * s.rows),
    hRef: alloc(s.units * s.rows),
    zin: alloc(s.inputs * s.rows),
    dzin: alloc(s.inputs * s.rows),
    dzinRef: alloc(s.inputs * s.rows),
  }));
  for (let i = 0; i < size; i++) arrays.params[i] = random.uniform() < s.zeros ? 0 : random.normal();
  for (let i = 0; i < arrays.hin.length; i++) arrays.hin[i] = random.normal();
  for (let i = 0; i < arrays.dz.length; i++) arrays.dz[i] = random.normal();
  // Stale values where the kernels must overwrite, not add to.
  arrays.z.fill(7);
  arrays.zRef.fill(7);
  arrays.dhin.fill(3);
  arrays.dhinRef.fill(3);
  arrays.h.fill(7);
  arrays.hRef.fill(7);
  arrays.dzin.fill(5);
  arrays.dzinRef.fill(5);
  return { arrays, kernels };
}

/** Random shapes, many with odd row counts, plus the edge cases every kernel must take. */
function shapes(): Shape[] {
  const random = new Random(11);
  const out: Shape[] = [
    { inputs: 2, units: 500, rows: 30, bias: true, zeros: 0 },
    { inputs: 500, units: 1, rows: 30, bias: true, zeros: 0 },
    { inputs: 3, units: 4, rows: 1, bias: true, zeros: 0 },
    { inputs: 5, units: 3, rows: 7, bias: false, zeros: 0 },
    { inputs: 9, units: 6, rows: 13, bias: true, zeros: 1 },
    { inputs: 9, units: 6, rows: 13, bias: true, zeros: 0.5 },
  ];
  for (let k = 0; k < 40; k++) {
    out.push({ inputs: 1 + random.int(12), units: 1 + random.int(12), rows: 1 + random.int(40), bias: random.uniform() < 0.7, zeros: random.uniform() < 0.3 ? random.uniform() : 0 });
  }
  // Layers of 16 inputs or more take four units at a time (denseUnits4, dotAxpyRelu4):
  // exactly four units (the first block is also the last), tails of 1-3 units and rows.
  out.push(
    { inputs: 16, units: 4, rows: 1, bias: false, zeros: 0 },
    { inputs: 37, units: 22, rows: 9, bias: true, zeros: 0.3 },
    { inputs: 64, units: 13, rows: 6, bias: true, zeros: 1 },
    { inputs: 50, units: 40, rows: 30, bias: true, zeros: 0 },
    // Past BLOCK_ROWS the forward pass goes unit by unit again, the backward pass still by four.
    { inputs: 20, units: 9, rows: 301, bias: true, zeros: 0.2 },
  );
  const wide = new Random(12);
  for (let k = 0; k < 12; k++) {
    out.push({ inputs: 16 + wide.int(40), units: 4 + wide.int(14), rows: 1 + wide.int(35), bias: wide.uniform() < 0.7, zeros: wide.uniform() < 0.4 ? wide.uniform() : 0 });
  }
  return out;
}

/**
 * Two trainees of the same network from the same weights, one on the wasm kernels and one
 * on the JavaScript loops, 300 epochs: the same history to 1e-9 and weights to 1e-8.
 */
function assertWasmTrainsAsJs(layers: LayerSpec[], data: Dataset, outputActivation: LossSpec['outputActivation'], t: TrainSpec, what: string): void {
  const layout = fusedLayoutOf(layers, data.inputShape, data.task, data.classes)!;
  const net = buildNetwork(layers, data.inputShape, t.seed);
  const params = new Float64Array(layout.size);
  readWeights(layout, net, params);
  net.model.dispose();
  const loss: LossSpec = { task: data.task, classes: data.classes, outputActivation };
  const order = () => Int32Array.from({ length: data.nTrain }, (_, i) => i);
  const wasm = new FusedTrainee(layout, loss, t, data, new Random(t.seed), order(), params);
  const js = new FusedTrainee(layout, loss, t, data, new Random(t.seed), order(), params, { kernels: 'js' });
  for (let epoch = 0; epoch < 300; epoch++) {
    const a = wasm.runEpoch(epoch);
    const b = js.runEpoch(epoch);
    for (const k of ['dataLoss', 'totalLoss', 'trainLoss', 'testLoss'] as const) {
      assert.ok(Math.abs(a[k] - b[k]) <= 1e-9 * Math.max(1, Math.abs(b[k])), `${what}, epoch ${epoch}, ${k}: ${a[k]} vs ${b[k]}`);
    }
  }
  for (let i = 0; i < params.length; i++) assert.ok(Math.abs(wasm.params[i] - js.params[i]) <= 1e-8 * Math.max(1, Math.abs(js.params[i])), `${what}: weight ${i}`);
}

const describeShape = (s: Shape) => `${s.inputs} inputs x ${s.units} units, ${s.rows} rows${s.bias ? '' : ', no bias'}, ${s.zeros} zeros`;

describe('fused kernels in WebAssembly SIMD', () => {
  it('are what this Node runs (WebAssembly SIMD available, the generated module loads)', () => {
    assert.equal(fusedMemory((alloc) => alloc(1)).kernels.kind, 'wasm-simd');
  });

  it('dense forward: the JavaScript loop\'s values, bit for bit (same order of additions)', () => {
    shapes().forEach((s, n) => {
      const { arrays: a, kernels } = arraysOf(s, n);
      const l = denseLayer(s);
      kernels.denseForward(l, a.params, a.hin, a.z, s.rows);
      JS_KERNELS.denseForward(l, a.params, a.hin, a.zRef, s.rows);
      assert.deepEqual(a.z, a.zRef, describeShape(s));
    });
  });

  it('dense backward: the same weight and bias gradients (to rounding: two lanes of partial sums) and the same input gradient, bit for bit', () => {
    shapes().forEach((s, n) => {
      for (const withDhin of [true, false]) {
        const { arrays: a, kernels } = arraysOf(s, n);
        const l = denseLayer(s);
        kernels.denseBackward(l, a.params, a.hin, a.dz, a.grads, withDhin ? a.dhin : null, s.rows);
        JS_KERNELS.denseBackward(l, a.params, a.hin, a.dz, a.gradsRef, withDhin ? a.dhinRef : null, s.rows);
        for (let i = 0; i < a.grads.length; i++) {
          assert.ok(Math.abs(a.grads[i] - a.gradsRef[i]) <= 1e-13 * Math.max(1, Math.abs(a.gradsRef[i])), `${describeShape(s)}: gradient ${i}: ${a.grads[i]} vs ${a.gradsRef[i]}`);
        }
        assert.deepEqual(a.dhin, a.dhinRef, `${describeShape(s)}: input gradient`);
      }
    });
  });

  it('dense forward with the activation, and dense backward through the layer below\'s activation: the JavaScript values bit for bit (relu fused in one pass, others beside)', () => {
    shapes().forEach((s, n) => {
      for (const activation of ['relu', 'tanh'] as const) {
        const { arrays: a, kernels } = arraysOf(s, n);
        const l = denseLayer(s);
        const below: FusedDenseLayer = { ...denseLayer({ ...s, units: s.inputs }), activation };
        const random = new Random(100 + n);
        // hin is the layer below's output, from its pre-activations zin (some exactly 0).
        for (let i = 0; i < a.zin.length; i++) a.zin[i] = i % 5 === 0 ? 0 : random.normal();
        JS_KERNELS.activate(activation, a.zin, a.hin, s.inputs, s.rows);
        kernels.denseForwardActivate(l, a.params, a.hin, a.z, a.h, s.rows);
        JS_KERNELS.denseForwardActivate(l, a.params, a.hin, a.zRef, a.hRef, s.rows);
        assert.deepEqual(a.z, a.zRef, `${describeShape(s)}: z`);
        assert.deepEqual(a.h, a.hRef, `${describeShape(s)}: h`);
        kernels.denseBackwardThrough(l, a.params, a.hin, a.dz, a.grads, below, a.zin, a.dhin, a.dzin, s.rows);
        JS_KERNELS.denseBackwardThrough(l, a.params, a.hin, a.dz, a.gradsRef, below, a.zin, a.dhinRef, a.dzinRef, s.rows);
        assert.deepEqual(a.dzin, a.dzinRef, `${describeShape(s)}, ${activation} below: d loss / d zin`);
        for (let i = 0; i < a.grads.length; i++) {
          assert.ok(Math.abs(a.grads[i] - a.gradsRef[i]) <= 1e-13 * Math.max(1, Math.abs(a.gradsRef[i])), `${describeShape(s)}: gradient ${i}: ${a.grads[i]} vs ${a.gradsRef[i]}`);
        }
      }
    });
  });

  it('relu and its gradient: the JavaScript values bit for bit, including -0, NaN and the tail', () => {
    for (const n of [1, 2, 7, 30, 501]) {
      const random = new Random(n);
      const { arrays: a, kernels } = fusedMemory((alloc) => ({ z: alloc(n), dh: alloc(n), h: alloc(n), hRef: alloc(n), dz: alloc(n), dzRef: alloc(n) }));
      for (let i = 0; i < n; i++) {
        a.z[i] = [0, -0, NaN][i % 7] ?? random.normal();
        a.dh[i] = random.normal();
      }
      kernels.activate('relu', a.z, a.h, 1, n);
      JS_KERNELS.activate('relu', a.z, a.hRef, 1, n);
      kernels.activationGradient('relu', a.z, a.h, a.dh, a.dz, 1, n);
      JS_KERNELS.activationGradient('relu', a.z, a.hRef, a.dh, a.dzRef, 1, n);
      assert.deepEqual(a.h, a.hRef, `relu of ${n} values`);
      assert.deepEqual(a.dz, a.dzRef, `relu gradient of ${n} values`);
    }
  });

  it('float32 rounding: Math.fround\'s value for every value, bit for bit, odd counts, ties, subnormals, overflow, NaN and -0', () => {
    const random = new Random(9);
    const special = [0, -0, 1, -1, NaN, Infinity, -Infinity, 1 + 2 ** -24, 1 + 3 * 2 ** -24, 1 + 2 ** -24 + 2 ** -40, 2 ** -149, 2 ** -150, 3 * 2 ** -151, 1e-46, 3.5e38, -3.5e38, 3.4028235677973366e38, 0.1];
    for (const n of [0, 1, 2, 3, 17, special.length, 501]) {
      const { arrays: a, kernels } = fusedMemory((alloc) => ({ from: alloc(n), to: alloc(Math.ceil(n / 2) + 1) }));
      for (let i = 0; i < n; i++) a.from[i] = i < special.length ? special[i] : random.normal() * 2 ** (random.int(60) - 30);
      a.to.fill(-1);
      kernels.toFloat32(a.from, a.to, n);
      const got = new Float32Array(a.to.buffer, a.to.byteOffset, n);
      const want = Float32Array.from(a.from, (v) => Math.fround(v));
      assert.deepEqual(new Uint32Array(got.buffer, got.byteOffset, n), new Uint32Array(want.buffer), `n = ${n}`);
      // Nothing past the n values is written.
      if (n % 2 === 1) assert.equal(new Float32Array(a.to.buffer, a.to.byteOffset, n + 1)[n], new Float32Array(Float64Array.of(-1).buffer)[1], `n = ${n}: the word after`);
    }
  });

  it('Adam: the JavaScript loop\'s weights and moments bit for bit, its penalty and norms to rounding, on odd spans, with decay', () => {
    const random = new Random(5);
    const size = 37;
    for (const weightDecay of [0, 0.05]) {
      const t = trainSpec({ optimizer: weightDecay ? 'adamw' : 'adam', lr: 0.01, weightDecay });
      const { arrays: a, kernels } = fusedMemory((alloc, k) => ({ params: alloc(size), grads: alloc(size), to32: alloc(size), optimizer: new FusedOptimizer(t, size, alloc, k) }));
      const ref = new FusedOptimizer(t, size);
      assert.equal(a.optimizer.writesFloat32, true);
      assert.equal(ref.writesFloat32, false, 'the JavaScript loop writes no float32 copy');
      const params = new Float64Array(size);
      for (let i = 0; i < size; i++) a.params[i] = params[i] = i % 9 === 0 ? 0 : random.normal();
      for (let step = 0; step < 20; step++) {
        for (let i = 0; i < size; i++) a.grads[i] = random.normal();
        const grads = a.grads.slice();
        a.optimizer.beginStep();
        ref.beginStep();
        // Spans of odd and even lengths, one of a single weight; penalized or not.
        for (const [from, to, penalty] of [[0, 13, { l1: 0.01, l2: 0.02 }], [13, 14, null], [14, 30, { l2: 0.1 }], [30, 37, { l1: 0.01, expabs: 0.03 }]] as const) {
          const norms = newNormSums();
          const normsRef = newNormSums();
          const p = a.optimizer.update(a.params, a.grads, from, to, penalty, weightDecay > 0, norms, a.to32);
          const pRef = ref.update(params, grads, from, to, penalty, weightDecay > 0, normsRef);
          assert.ok(Math.abs(p - pRef) <= 1e-14 * Math.max(1, Math.abs(pRef)), `step ${step}, [${from}, ${to}): penalty ${p} vs ${pRef}`);
          norms.forEach((v, k) => assert.ok(Math.abs(v - normsRef[k]) <= 1e-13 * Math.max(1, Math.abs(normsRef[k])), `step ${step}, [${from}, ${to}): norm sum ${k}: ${v} vs ${normsRef[k]}`));
        }
        assert.deepEqual(a.params, params, `step ${step}: weights`);
        // The float32 copy the kernel wrote as it updated (the record's ring slot): Math.fround's values.
        assert.deepEqual(Array.from(new Float32Array(a.to32.buffer, a.to32.byteOffset, size)), Array.from(params, Math.fround), `step ${step}: float32 weights`);
      }
      assert.equal(kernels.kind, 'wasm-simd');
    }
  });

  it('the penalty\'s gradient: penaltyFormulas.ts compiled into the kernel gives the JavaScript values (bit for bit but e^|w|\'s, to an ulp), added to the gradients of the span only, -l1 at 0 and -0', () => {
    const random = new Random(9);
    const edges = [0, -0, 1e-300, -1e-300, 5e-324, 1, -1, 30, -30, 0.5];
    const n = edges.length + 41;
    const { arrays: a, kernels } = fusedMemory((alloc) => ({ params: alloc(n + 2), grads: alloc(n + 2) }));
    const forms: Penalty[] = [{ l1: 0.01 }, { l2: 0.02 }, { l1: 0.01, l2: 0.02 }, { expabs: 0.03 }, { l1: 0.01, l2: 0.02, expabs: 0.03 }];
    for (const p of forms) {
      // One weight before and after the span, which the kernel must leave alone.
      for (let i = 0; i < n + 2; i++) a.params[i] = i >= 1 && i <= edges.length ? edges[i - 1] : random.normal();
      for (let i = 0; i < n + 2; i++) a.grads[i] = random.normal();
      const grads = a.grads.slice();
      const value = kernels.penaltyGradient!(p, a.params, a.grads, 1, n + 1);
      let valueRef = 0;
      for (let i = 1; i <= n; i++) {
        valueRef += penaltyTerm(p, a.params[i]);
        grads[i] += penaltyDerivative(p, a.params[i]);
      }
      const exact = !p.expabs;
      const near = (x: number, y: number) => (exact ? Object.is(x, y) : Math.abs(x - y) <= 2 * Number.EPSILON * Math.abs(y));
      assert.ok(near(value, valueRef), `${JSON.stringify(p)}: value ${value} vs ${valueRef}`);
      for (let i = 0; i < n + 2; i++) assert.ok(near(a.grads[i], grads[i]), `${JSON.stringify(p)}: gradient ${i} (w = ${a.params[i]}): ${a.grads[i]} vs ${grads[i]}`);
    }
    // |w|'s derivative at 0 and -0 is -1, as TensorFlow.js's: the l1 term pulls a zero weight down.
    a.params[0] = 0;
    a.params[1] = -0;
    a.grads.fill(0);
    kernels.penaltyGradient!({ l1: 0.5 }, a.params, a.grads, 0, 2);
    assert.deepEqual([a.grads[0], a.grads[1]], [-0.5, -0.5]);
    assert.equal(kernels.kind, 'wasm-simd');
  });

  it('the backward pass through one hidden layer of two inputs into the output (the hidden layer never stored): the layer by layer kernels\' gradients bit for bit, the JavaScript loops\' to rounding', () => {
    const random = new Random(21);
    const inputs = 2;
    const cases: { units: number; C: number; rows: number; bias: boolean; biasO: boolean; zeros: number }[] = [
      { units: 500, C: 1, rows: 30, bias: true, biasO: true, zeros: 0 },
      { units: 37, C: 1, rows: 301, bias: true, biasO: true, zeros: 0 },
      { units: 20, C: 10, rows: 33, bias: true, biasO: true, zeros: 0 },
      { units: 3, C: 1, rows: 1, bias: false, biasO: false, zeros: 0 },
      { units: 4, C: 3, rows: 7, bias: true, biasO: false, zeros: 0.5 },
    ];
    for (let k = 0; k < 40; k++) {
      cases.push({ units: 1 + random.int(12), C: random.uniform() < 0.5 ? 1 : 1 + random.int(4), rows: 1 + random.int(40), bias: random.uniform() < 0.7, biasO: random.uniform() < 0.7, zeros: random.uniform() < 0.3 ? random.uniform() : 0 });
    }
    cases.forEach((c, n) => {
      for (const activation of ['relu', 'linear'] as const) {
        const what = `${inputs} inputs x ${c.units} ${activation} x ${c.C} outputs, ${c.rows} rows, bias ${c.bias}/${c.biasO}, ${c.zeros} zeros`;
        const l: FusedDenseLayer = { name: 'h', inputs: inputs, units: c.units, activation, kernel: 0, bias: c.bias ? inputs * c.units : -1, kernelPenalty: null, biasPenalty: null, activityPenalty: null };
        const oAt = inputs * c.units + (c.bias ? c.units : 0);
        const o: FusedDenseLayer = { name: 'o', inputs: c.units, units: c.C, activation: 'linear', kernel: oAt, bias: c.biasO ? oAt + c.units * c.C : -1, kernelPenalty: null, biasPenalty: null, activityPenalty: null };
        const size = oAt + c.units * c.C + (c.biasO ? c.C : 0);
        const { arrays: a, kernels } = fusedMemory((alloc) => ({
          params: alloc(size), hin: alloc(inputs * c.rows), dOut: alloc(c.C * c.rows),
          grads: alloc(size), gradsRef: alloc(size), gradsJs: alloc(size),
          z: alloc(c.units * c.rows), h: alloc(c.units * c.rows), dh: alloc(c.units * c.rows), dz: alloc(c.units * c.rows),
          hs: alloc(c.rows),
        }));
        const r = new Random(200 + n);
        for (let i = 0; i < size; i++) a.params[i] = r.uniform() < c.zeros ? 0 : r.normal();
        for (let i = 0; i < a.hin.length; i++) a.hin[i] = r.normal();
        for (let i = 0; i < a.dOut.length; i++) a.dOut[i] = r.normal();
        // Stale values where the kernel must overwrite, not add to.
        a.grads.fill(9);
        a.hs.fill(9);
        const layerByLayer = (k: typeof kernels, grads: Float64Array) => {
          k.denseForwardActivate(l, a.params, a.hin, a.z, a.h, c.rows);
          k.denseBackwardThrough(o, a.params, a.h, a.dOut, grads, l, a.z, a.dh, a.dz, c.rows);
          k.denseBackward(l, a.params, a.hin, a.dz, grads, null, c.rows);
        };
        layerByLayer(kernels, a.gradsRef);
        layerByLayer(JS_KERNELS, a.gradsJs);
        kernels.hiddenThroughOutput!(l, o, a.params, a.hin, a.dOut, a.grads, c.rows, activation === 'relu', a.hs);
        for (let i = 0; i < size; i++) {
          // === (not Object.is): a zero weight the forward kernel skips may leave -0 where this one adds +0.
          assert.ok(a.grads[i] === a.gradsRef[i], `${what}: gradient ${i}: ${a.grads[i]} vs ${a.gradsRef[i]} layer by layer`);
          assert.ok(Math.abs(a.grads[i] - a.gradsJs[i]) <= 1e-12 * Math.max(1, Math.abs(a.gradsJs[i])), `${what}: gradient ${i}: ${a.grads[i]} vs ${a.gradsJs[i]} in JavaScript`);
        }
      }
    });
  });

  it('a one-hidden-layer trainee on them (the fused pair) trains as on the JavaScript loops: the same 300-epoch history to 1e-9, in one batch and in mini-batches with a short last one', async () => {
    await testBackend();
    const cases = [
      { activation: 'relu' as const, activity: false, data: tinyBinary() },
      { activation: 'linear' as const, activity: false, data: tinyBinary() },
      // An activity penalty on the output: its gradient joins the loss's before the pair's pass.
      { activation: 'relu' as const, activity: true, data: tinyBinary() },
      // Three outputs (softmax): the hidden activations through the scratch row.
      { activation: 'relu' as const, activity: false, data: tinyMulticlass(31, 15) },
    ];
    for (const c of cases) {
      const data = c.data;
      const out = data.task === 'multiclass' ? data.classes : 1;
      const outputActivation = out === 1 ? 'sigmoid' : 'softmax';
      for (const batch of [1000, 7]) {
        const layers = [layer('dense', 9, { activation: c.activation, penalties: { kernel: { l2: 0.01 }, bias: { l1: 0.001 } } }), layer('dense', out, { activation: outputActivation, penalties: c.activity ? { activity: { l2: 0.01 } } : {} })];
        assert.ok(data.nTrain % batch !== 0 || batch >= data.nTrain, 'the mini-batches end on a short one');
        assertWasmTrainsAsJs(layers, data, outputActivation, trainSpec({ batch, seed: 5 }), `${data.task}, ${c.activation}${c.activity ? ' + activity' : ''}, batch ${batch}`);
      }
    }
  });

  it('refuse an array that is not in their memory (it would be read at the wrong place)', () => {
    const s: Shape = { inputs: 2, units: 3, rows: 5, bias: true, zeros: 0 };
    const { arrays: a, kernels } = arraysOf(s, 1);
    assert.throws(() => kernels.denseForward(denseLayer(s), a.params, new Float64Array(10), a.z, s.rows), /outside its wasm memory/);
  });

  it('a trainee of wide layers (16+ inputs: four units a pass) trains as on the JavaScript loops: the same 300-epoch history to 1e-9', async () => {
    await testBackend();
    // 20 inputs into the first layer (its weight gradients by dot2x4), then layers of 20
    // and 18 inputs through relu and tanh layers below (dotAxpyRelu4, both of denseBackward's
    // paths), forward by denseUnits4; mini-batches of 8 and one batch.
    const data = tinyRegression(42, 20);
    for (const batch of [1000, 8]) {
      const layers = [
        layer('dense', 20, { activation: 'relu', penalties: { kernel: { l1: 0.001 } } }),
        layer('dense', 18, { activation: 'tanh', penalties: { kernel: { l2: 0.01 } } }),
        layer('dense', 9, { activation: 'relu' }),
        layer('dense', 1),
      ];
      assertWasmTrainsAsJs(layers, data, 'linear', trainSpec({ batch, seed: 6 }), `wide layers, batch ${batch}`);
    }
  });

  it('a trainee on them trains as on the JavaScript loops: the same 300-epoch history to 1e-9', async () => {
    await testBackend();
    const data = tinyBinary();
    for (const batch of [1000, 8]) {
      const layers = [layer('dense', 7, { activation: 'relu', penalties: { kernel: { l2: 0.01 } } }), layer('dense', 5, { activation: 'tanh' }), layer('dense', 1, { activation: 'sigmoid' })];
      assertWasmTrainsAsJs(layers, data, 'sigmoid', trainSpec({ batch, seed: 4 }), `batch ${batch}`);
    }
  });
});
