// The record's inference pass over rows that no training step reuses (the test rows, or
// every row when an epoch has several batches). Only the output layer's values are
// wanted, so the last hidden layer never lands in memory: per hidden unit, one pass
// over the rows computes its pre-activation (inputs four at a time), its activation and
// its contribution to the outputs. In V8 a pass over the rows costs about the same
// whatever little arithmetic it holds, so fewer, fuller passes are what makes this
// ~4x faster than the training pass's layer by layer kernels (denseKernels.ts) on the
// tutorial network, where it was most of the cost of the per-epoch record.
//
// The values are the training pass's to the last bit for finite weights and inputs:
// every sum starts from the bias and adds input 0, 1, ... in denseForward's order; a
// padded input (weight 0 on a zero row) adds +0.

import type { Activation } from '../../experiment/experiment';
import { activate, activationValue } from './activations';
import { denseForward } from './denseKernels';
import type { FusedDenseLayer, FusedLayout } from './layout';

export class InferencePass {
  /** The layers before the fused pair, computed layer by layer: [units + 1, rows], the last row zero (padding). */
  private readonly z: Float64Array[];
  private readonly h: Float64Array[];
  /** Partial pre-activations of one hidden unit over the rows, or its activations. */
  private readonly v: Float64Array;
  /** The last hidden layer's activation; null when the network has none to fuse (one layer, or softmax). */
  private readonly fused: { f: (z: number) => number; relu: boolean } | null;

  constructor(
    private readonly layout: FusedLayout,
    private readonly rows: number,
  ) {
    const L = layout.layers.length;
    const hidden = L >= 2 ? layout.layers[L - 2].activation : 'softmax';
    this.fused = hidden === 'softmax' ? null : { f: activationValue(hidden), relu: hidden === 'relu' };
    // Layer by layer: all but the fused pair, or all but the output.
    const plain = this.fused ? L - 2 : L - 1;
    this.z = layout.layers.slice(0, plain).map((l) => new Float64Array((l.units + 1) * rows));
    this.h = layout.layers.slice(0, plain).map((l, k) => (l.activation === 'linear' ? this.z[k] : new Float64Array((l.units + 1) * rows)));
    this.v = new Float64Array(rows);
  }

  /** Row-major blocks of rows, one after the other, as run() reads them: [inputs + 1, rows], the last row zero. */
  inputsOf(blocks: [Float32Array, number][]): Float64Array {
    const inputs = this.layout.inputs;
    const total = this.rows;
    const out = new Float64Array((inputs + 1) * total);
    let r0 = 0;
    for (const [x, n] of blocks) {
      for (let r = 0; r < n; r++) for (let i = 0; i < inputs; i++) out[i * total + r0 + r] = x[r * inputs + i];
      r0 += n;
    }
    return out;
  }

  /**
   * The output layer's pre-activations and activations, [output units, rows] (unit c,
   * row r at c * rows + r), of the inputs x (inputsOf()).
   */
  run(params: Float64Array, x: Float64Array, outZ: Float64Array, outH: Float64Array): void {
    const { layers } = this.layout;
    const { rows } = this;
    const L = layers.length;
    let hin = x;
    for (let k = 0; k < this.z.length; k++) {
      const l = layers[k];
      denseForward(l, params, hin, this.z[k], rows);
      activate(l.activation, this.z[k], this.h[k], l.units, rows);
      hin = this.h[k];
    }
    const out = layers[L - 1];
    if (this.fused) hiddenIntoOutput(layers[L - 2], out, params, hin, rows, this.v, outZ, this.fused.f, this.fused.relu);
    else denseForward(out, params, hin, outZ, rows);
    activate(out.activation as Activation, outZ, outH, out.units, rows);
  }
}

/**
 * outZ = act(hin . W + b) . W2 + b2 for the hidden layer `l` (activation f) and the
 * output layer `o`, without storing the hidden layer. hin: [l.inputs + 1, rows], the
 * last row zero. V8 does not hoist a branch out of a loop: each pass below is branch
 * free but for relu's, and relu into one output (the tutorial's shape) has its own.
 */
function hiddenIntoOutput(l: FusedDenseLayer, o: FusedDenseLayer, params: Float64Array, hin: Float64Array, rows: number, v: Float64Array, outZ: Float64Array, f: (z: number) => number, relu: boolean): void {
  const { inputs: n, units, kernel, bias } = l;
  const C = o.units;
  for (let c = 0; c < C; c++) outZ.fill(o.bias >= 0 ? params[o.bias + c] : 0, c * rows, (c + 1) * rows);
  // Weight and row offset of input i of unit j; past the last input, weight 0 on the zero row.
  const w = (i: number, j: number) => (i < n ? params[kernel + i * units + j] : 0);
  const at = (i: number) => (i < n ? i : n) * rows;
  for (let j = 0; j < units; j++) {
    const b = bias >= 0 ? params[bias + j] : 0;
    // Inputs four at a time; the last block (1 to 4 inputs, padded) is left for the end.
    let i = 0;
    for (; i < n; i += 4) {
      const [w0, w1, w2, w3, o0, o1, o2, o3] = [w(i, j), w(i + 1, j), w(i + 2, j), w(i + 3, j), at(i), at(i + 1), at(i + 2), at(i + 3)];
      const first = i === 0;
      if (i + 4 < n) {
        if (first) for (let r = 0; r < rows; r++) v[r] = plus4(b, hin, r, w0, w1, w2, w3, o0, o1, o2, o3);
        else for (let r = 0; r < rows; r++) v[r] = plus4(v[r], hin, r, w0, w1, w2, w3, o0, o1, o2, o3);
        continue;
      }
      if (relu && C === 1) {
        // A unit at or below zero adds nothing to the output (w2 * 0).
        const wo = params[o.kernel + j];
        if (first) {
          for (let r = 0; r < rows; r++) {
            const a = plus4(b, hin, r, w0, w1, w2, w3, o0, o1, o2, o3);
            if (a > 0) outZ[r] += wo * a;
          }
        } else {
          for (let r = 0; r < rows; r++) {
            const a = plus4(v[r], hin, r, w0, w1, w2, w3, o0, o1, o2, o3);
            if (a > 0) outZ[r] += wo * a;
          }
        }
        break;
      }
      if (first) for (let r = 0; r < rows; r++) v[r] = plus4(b, hin, r, w0, w1, w2, w3, o0, o1, o2, o3);
      else for (let r = 0; r < rows; r++) v[r] = plus4(v[r], hin, r, w0, w1, w2, w3, o0, o1, o2, o3);
      if (relu) for (let r = 0; r < rows; r++) v[r] = v[r] > 0 ? v[r] : 0;
      else for (let r = 0; r < rows; r++) v[r] = f(v[r]);
      for (let c = 0; c < C; c++) {
        const wc = params[o.kernel + j * C + c];
        if (wc === 0) continue;
        const oc = c * rows;
        for (let r = 0; r < rows; r++) outZ[oc + r] += wc * v[r];
      }
    }
  }
}

/** base + w0 x0 + w1 x1 + w2 x2 + w3 x3 at row r, added left to right as denseForward adds. */
function plus4(base: number, x: Float64Array, r: number, w0: number, w1: number, w2: number, w3: number, o0: number, o1: number, o2: number, o3: number): number {
  return base + w0 * x[o0 + r] + w1 * x[o1 + r] + w2 * x[o2 + r] + w3 * x[o3 + r];
}
