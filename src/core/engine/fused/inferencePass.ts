// The record's inference pass over rows that no training step reuses (the test rows, or
// every row when an epoch has several batches). Only the output layer's values are
// wanted, so the last hidden layer never lands in memory: row by row, one pass over the
// hidden units computes each one's pre-activation, activation and term of the output.
// The training pass (denseKernels.ts) keeps every layer's [units, rows] block for its
// backward pass, and runs many short passes over the rows to fill it, except for a
// network of two inputs and one hidden layer, whose step runs its forward pass through
// this pair's kernel and its backward pass through the pair's own (fusedTrainee.ts). The pair
// runs in WebAssembly SIMD when the kernels have it (assembly/kernels.ts, relu and
// linear hidden layers: four rows, eight past two inputs, share each weight load) and in the JavaScript loop
// below otherwise; for the other activations the loop's cost is their Math calls
// (tanh: ~95% of it), which a layer by layer pass in wasm saves nothing of (measured).
// On the tutorial network (70 test rows, 2 inputs, 500 relu units) the wasm pass is
// ~0.35 ns per unit and row, ~2x cheaper than the training pass's forward per row.
//
// The values are the training pass's to the last bit for finite weights and inputs, in
// both implementations: every sum starts from the bias and adds input 0, 1, ... (hidden
// unit 0, 1, ...) in denseForward's order; a padded input (weight 0 times 0) adds +0.
//
// Except on the plane data sets' networks (two inputs, one relu or linear hidden layer,
// one output: the tutorial's), where the pair runs in float32 (planeF32), as
// TensorFlow.js computes: four rows a SIMD lane vector instead of two, which took the
// tutorial's pass from ~10.4 to ~6.4 us (its record from a median 30% of the steps'
// time to 20%, bench/README.md). The weights are rounded to float32 (0 below 2^-50)
// and every operation rounds as float32 does, in the same order, in wasm and in
// JavaScript alike (bit for bit); against the float64 pass each output is within
// (units + 10) 2^-24 times the sum of the absolute values of its terms
// (test/unit/engine/fusedInference.test.ts). On the tutorial
// notebook's baseline and l2 cells (4000 epochs each) the test loss moved by at most
// 2.2e-7 (5.2e-7 relative), one of the 8000 values rounded to 4 decimals changed in its
// last digit, and no accuracy changed. The training rows of a one-batch epoch are
// scored by the training pass's float64 forward (shared with the next step).

import type { Activation } from '../../experiment/experiment';
import { activationValue } from './activations';
import type { Alloc } from './fusedMemory';
import { JS_KERNELS, type FusedKernels } from './kernels';
import { twoInputPair, type FusedDenseLayer, type FusedLayout } from './layout';

const newArray: Alloc = (n) => new Float64Array(n);

export class InferencePass {
  /** The inputs, [inputs, rows] (setInputs()). */
  readonly x: Float64Array;
  /**
   * The output layer's pre-activations and activations, [output units, rows] (unit c,
   * row r at c * rows + r); outH is empty unless the pass was built `withActivations`.
   */
  readonly outZ: Float64Array;
  readonly outH: Float64Array;
  /** The layers before the fused pair, computed layer by layer: [units, rows]. */
  private readonly z: Float64Array[];
  private readonly h: Float64Array[];
  /** The last hidden layer's activation; null when the network has none to fuse (one layer, or softmax). */
  private readonly fused: { f: (z: number) => number; relu: boolean; inKernels: boolean } | null;
  /** The JavaScript fused pair's scratch (when the kernels do not run the pair). */
  private readonly scratch: Scratch;
  /**
   * The float32 pair's inputs [2, padded rows] and rounded weights (4 per hidden unit),
   * float32 values in the bytes of float64 arrays (where the kernels reach them); null
   * unless the network is a plane one (see the top of this file).
   */
  private readonly plane: { x32: Float64Array; w32: Float64Array; relu: boolean; padded: number } | null;

  /**
   * Its arrays come from `alloc` (so they can live where `kernels` reach them: see
   * fusedMemory.ts, which calls the constructor once with arrays it must not write to).
   * Without `withActivations` it leaves the output's activation out (a classifier's
   * loss and metric read its logits only: 70 exp an epoch saved on the tutorial).
   */
  constructor(
    private readonly layout: FusedLayout,
    private readonly rows: number,
    alloc: Alloc = newArray,
    private readonly kernels: FusedKernels = JS_KERNELS,
    private readonly withActivations = true,
  ) {
    const L = layout.layers.length;
    const hidden = L >= 2 ? layout.layers[L - 2].activation : 'softmax';
    const relu = hidden === 'relu';
    this.fused = hidden === 'softmax' ? null : { f: activationValue(hidden), relu, inKernels: kernels.hiddenIntoOutput !== null && (relu || hidden === 'linear') };
    this.x = alloc(layout.inputs * rows);
    const outUnits = layout.layers[L - 1].units;
    const isPlane = twoInputPair(layout) !== null && outUnits === 1;
    const padded = Math.ceil(rows / PLANE_BLOCK) * PLANE_BLOCK;
    this.plane = isPlane ? { x32: alloc(padded), w32: alloc(2 * layout.layers[0].units), relu, padded } : null;
    // The float32 pair writes whole blocks of rows: the padding's outputs are never read.
    this.outZ = alloc(outUnits * (isPlane ? padded : rows));
    this.outH = alloc(withActivations ? outUnits * rows : 0);
    // Layer by layer: all but the fused pair, or all but the output.
    const plain = this.fused ? L - 2 : L - 1;
    this.z = layout.layers.slice(0, plain).map((l) => alloc(l.units * rows));
    this.h = layout.layers.slice(0, plain).map((l, k) => (l.activation === 'linear' ? this.z[k] : alloc(l.units * rows)));
    const hid = layout.layers[Math.max(L - 2, 0)];
    const units = this.fused && !this.fused.inKernels && !isPlane ? hid.units : 0;
    this.scratch = { wt: alloc(Math.ceil(hid.inputs / 2) * 2 * units), b: alloc(units), v: alloc(units) };
  }

  /** Sets x to row-major blocks of rows, one after the other. */
  setInputs(blocks: [Float32Array, number][]): void {
    const inputs = this.layout.inputs;
    const total = this.rows;
    let r0 = 0;
    for (const [x, n] of blocks) {
      for (let r = 0; r < n; r++) for (let i = 0; i < inputs; i++) this.x[i * total + r0 + r] = x[r * inputs + i];
      r0 += n;
    }
    if (this.plane) {
      const { x32, padded } = this.plane;
      const f = new Float32Array(x32.buffer, x32.byteOffset, 2 * padded);
      for (let i = 0; i < 2; i++) for (let r = 0; r < total; r++) f[i * padded + r] = this.x[i * total + r];
    }
  }

  /** Whether the pass rounds the weights to float32 (the plane networks' pass): given float32 weights, it gives the same values. */
  get float32Weights(): boolean {
    return this.plane !== null;
  }

  /** outZ and outH of the inputs x at the weights `params`. */
  run(params: Float64Array): void {
    const { layers } = this.layout;
    const { rows, kernels, outZ } = this;
    const L = layers.length;
    let hin = this.x;
    for (let k = 0; k < this.z.length; k++) {
      const l = layers[k];
      kernels.denseForwardActivate(l, params, hin, this.z[k], this.h[k], rows);
      hin = this.h[k];
    }
    const out = layers[L - 1];
    const fused = this.fused;
    const plane = this.plane;
    if (plane) {
      if (kernels.hiddenIntoOutputF32) kernels.hiddenIntoOutputF32(layers[0], out, params, plane.x32, plane.padded, plane.relu, plane.w32, outZ);
      else planeF32(layers[0], out, params, plane.x32, plane.padded, plane.relu, plane.w32, outZ);
    } else if (fused?.inKernels) kernels.hiddenIntoOutput!(layers[L - 2], out, params, hin, rows, fused.relu, outZ);
    else if (fused) hiddenIntoOutput(layers[L - 2], out, params, hin, rows, this.scratch, outZ, fused.f, fused.relu);
    else kernels.denseForward(out, params, hin, outZ, rows);
    if (this.withActivations) kernels.activate(out.activation as Activation, outZ, this.outH, out.units, rows);
  }
}

/**
 * outZ = act(hin . W + b) . W2 + b2 for the hidden layer `l` (activation f) and the
 * output layer `o`, without storing the hidden layer: row by row, a pass over the
 * hidden units computes each one's pre-activation (inputs two at a time, from `wt`),
 * its activation and its term of the output's sum. hin: [l.inputs, rows]. V8 does not
 * hoist a branch out of a loop, so each pass is branch free but for relu's.
 */
function hiddenIntoOutput(l: FusedDenseLayer, o: FusedDenseLayer, params: Float64Array, hin: Float64Array, rows: number, s: Scratch, outZ: Float64Array, f: (z: number) => number, relu: boolean): void {
  const { inputs: n, units, kernel, bias } = l;
  const C = o.units;
  const { wt, b, v } = s;
  const blocks = Math.ceil(n / 2);
  // The kernel by unit in blocks of two inputs, zero-padded: wt[(blk units + j) 2 + t] = W[2 blk + t, j].
  for (let i = 0; i < 2 * blocks; i++) {
    const to = (i >> 1) * units * 2 + (i & 1);
    if (i < n) for (let j = 0; j < units; j++) wt[to + 2 * j] = params[kernel + i * units + j];
    else for (let j = 0; j < units; j++) wt[to + 2 * j] = 0;
  }
  for (let j = 0; j < units; j++) b[j] = bias >= 0 ? params[bias + j] : 0;
  // Past the last input: 0 (times a padded weight 0).
  const x = (i: number, r: number) => (i < n ? hin[i * rows + r] : 0);
  for (let r = 0; r < rows; r++) {
    // Every block of inputs but the last: partial sums into v.
    for (let blk = 0; blk < blocks - 1; blk++) {
      const [x0, x1] = [x(2 * blk, r), x(2 * blk + 1, r)];
      const at = blk * units * 2;
      const from = blk === 0 ? b : v;
      for (let j = 0; j < units; j++) v[j] = plus2(from[j], wt, at + 2 * j, x0, x1);
    }
    // The last block, the activation and the output's terms.
    const last = blocks - 1;
    const [x0, x1] = [x(2 * last, r), x(2 * last + 1, r)];
    const at = last * units * 2;
    const from = last === 0 ? b : v;
    if (C === 1) {
      const wo = o.kernel;
      let sum = o.bias >= 0 ? params[o.bias] : 0;
      if (relu) {
        // A unit at or below zero adds nothing (w2 * 0).
        for (let j = 0; j < units; j++) {
          const a = plus2(from[j], wt, at + 2 * j, x0, x1);
          if (a > 0) sum += params[wo + j] * a;
        }
      } else {
        for (let j = 0; j < units; j++) sum += params[wo + j] * f(plus2(from[j], wt, at + 2 * j, x0, x1));
      }
      outZ[r] = sum;
      continue;
    }
    for (let j = 0; j < units; j++) v[j] = plus2(from[j], wt, at + 2 * j, x0, x1);
    if (relu) for (let j = 0; j < units; j++) v[j] = v[j] > 0 ? v[j] : 0;
    else for (let j = 0; j < units; j++) v[j] = f(v[j]);
    for (let c = 0; c < C; c++) {
      let sum = o.bias >= 0 ? params[o.bias + c] : 0;
      for (let j = 0; j < units; j++) sum += params[o.kernel + j * C + c] * v[j];
      outZ[c * rows + r] = sum;
    }
  }
}

/** Rows of the float32 pair's blocks (assembly/kernels.ts hiddenIntoOutputF32*: three vectors of four). */
const PLANE_BLOCK = 12;

/**
 * outZ = act(x . W + b) . wo + bo in float32 for two inputs and one output: the weights
 * rounded to float32 into w32 ([w0, w1, b, wo] per unit, 0 below 2^-50), then each row's hidden units
 * in order, each operation rounded to float32 (Math.fround of an exact or float64
 * result of float32 values is the float32 operation's result: float64 has more than
 * twice float32's precision), as the wasm kernel computes it lane by lane.
 */
function planeF32(l: FusedDenseLayer, o: FusedDenseLayer, params: Float64Array, x32: Float64Array, padded: number, relu: boolean, w32: Float64Array, outZ: Float64Array): void {
  const fr = Math.fround;
  const { units, kernel, bias } = l;
  const w = new Float32Array(w32.buffer, w32.byteOffset, 4 * units);
  const x = new Float32Array(x32.buffer, x32.byteOffset, 2 * padded);
  // Flushed to zero below 2^-50, as the kernel does (assembly/kernels.ts flushed()).
  const flushed = (v: number): number => (Math.abs(fr(v)) < 2 ** -50 ? 0 : v);
  for (let j = 0; j < units; j++) {
    w[4 * j] = flushed(params[kernel + j]);
    w[4 * j + 1] = flushed(params[kernel + units + j]);
    w[4 * j + 2] = bias >= 0 ? flushed(params[bias + j]) : 0;
    w[4 * j + 3] = flushed(params[o.kernel + j]);
  }
  const bo = fr(o.bias >= 0 ? params[o.bias] : 0);
  for (let r = 0; r < padded; r++) {
    const x0 = x[r];
    const x1 = x[padded + r];
    let sum = bo;
    for (let j = 0; j < units; j++) {
      let a = fr(fr(w[4 * j + 2] + fr(w[4 * j] * x0)) + fr(w[4 * j + 1] * x1));
      // f32x4.pmax(0, a): 0 < a ? a : 0 (a -0 or a NaN gives +0).
      if (relu) a = 0 < a ? a : 0;
      sum = fr(sum + fr(w[4 * j + 3] * a));
    }
    outZ[r] = sum;
  }
}

/** base + w0 x0 + w1 x1 (w from w[at]), added left to right as denseForward adds. */
function plus2(base: number, w: Float64Array, at: number, x0: number, x1: number): number {
  return base + w[at] * x0 + w[at + 1] * x1;
}

/** hiddenIntoOutput's scratch: the padded kernel, the biases, and one value per hidden unit. */
interface Scratch {
  wt: Float64Array;
  b: Float64Array;
  v: Float64Array;
}
