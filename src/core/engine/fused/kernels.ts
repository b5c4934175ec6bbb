// The loops of an epoch that run over every value of a layer (dense forward and
// backward, the activations and their gradients), as one interface with two
// implementations: WebAssembly SIMD (wasmKernels.ts, over arrays in its memory) and
// plain JavaScript (denseKernels.ts, activations.ts). The JavaScript ones stay for
// where WebAssembly SIMD is unavailable or a trainee's arrays outgrow a wasm memory
// (4 GiB); they are also the tests' reference for the wasm ones.

import type { Activation } from '../../experiment/experiment';
import type { Penalty } from '../../experiment/penalty';
import { activate, activationGradient } from './activations';
import { denseBackward, denseForward } from './denseKernels';
import type { FusedDenseLayer } from './layout';
import type { NormSums } from './optimizer';

/** One Adam step's scalars: optimizer.ts's float32 constants and this step's factors. */
export interface AdamStep {
  shrink: number;
  lr: number;
  c1: number;
  c2: number;
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  epsilon: number;
  sparsityThreshold: number;
}

export interface FusedKernels {
  /** 'wasm-simd' or 'js': which implementation (for benchmarks and tests). */
  readonly kind: 'wasm-simd' | 'js';
  /** z = hin . W + b for `rows` rows (denseKernels.ts). */
  denseForward(l: FusedDenseLayer, params: Float64Array, hin: Float64Array, z: Float64Array, rows: number): void;
  /** The layer's weight gradients into grads, and d loss / d hin when given (denseKernels.ts). */
  denseBackward(l: FusedDenseLayer, params: Float64Array, hin: Float64Array, dz: Float64Array, grads: Float64Array, dhin: Float64Array | null, rows: number): void;
  /** z = hin . W + b, then h = act(z) (fused in one pass where an implementation can). */
  denseForwardActivate(l: FusedDenseLayer, params: Float64Array, hin: Float64Array, z: Float64Array, h: Float64Array, rows: number): void;
  /**
   * denseBackward() of layer l, whose input hin is layer `below`'s output (from its
   * pre-activations zin), continued through below's activation: d loss / d zin into
   * dzin (dhin: scratch for d loss / d hin, which an implementation may skip).
   */
  denseBackwardThrough(l: FusedDenseLayer, params: Float64Array, hin: Float64Array, dz: Float64Array, grads: Float64Array, below: FusedDenseLayer, zin: Float64Array, dhin: Float64Array, dzin: Float64Array, rows: number): void;
  /** h = act(z) (activations.ts). */
  activate(a: Activation, z: Float64Array, h: Float64Array, units: number, rows: number): void;
  /**
   * The first n values of `from` rounded to float32 into `to` (float32 values in the
   * bytes of a float64 array: ceil(n / 2) of its values), as Math.fround rounds.
   */
  toFloat32(from: Float64Array, to: Float64Array, n: number): void;
  /** dz = dh * act'(z) (activations.ts). */
  activationGradient(a: Activation, z: Float64Array, h: Float64Array, dh: Float64Array, dz: Float64Array, units: number, rows: number): void;
  /**
   * grads[from, to) += the penalty's gradient at params[from, to); returns its value
   * there (penaltyFormulas.ts, summed in optimizer.ts's order). null: optimizer.ts's own
   * loop adds it (the JavaScript implementation).
   */
  readonly penaltyGradient: ((p: Penalty, params: Float64Array, grads: Float64Array, from: number, to: number) => number) | null;
  /**
   * Adam on params[from, to) from grads (the penalty's gradient included), moments s1
   * and s2, adding the updated weights to norms when given, and writing them rounded to
   * float32 into to32 (float32 values in the bytes of a float64 array, as toFloat32
   * writes them, at [from, to)) when given; null: optimizer.ts's own loop runs it (the
   * JavaScript implementation).
   */
  readonly adam: ((params: Float64Array, grads: Float64Array, s1: Float64Array, s2: Float64Array, from: number, to: number, step: AdamStep, norms: NormSums | null, to32: Float64Array | null) => void) | null;
  /**
   * outZ [o.units, rows] = act(hin . W + b) . Wo + bo for the hidden layer l (act relu
   * when `relu`, else linear) into the output layer o, the hidden layer never stored:
   * the record's inference pass (inferencePass.ts); null: that file's own JavaScript
   * loop runs it (the JavaScript implementation, and every other activation).
   */
  readonly hiddenIntoOutput: ((l: FusedDenseLayer, o: FusedDenseLayer, params: Float64Array, hin: Float64Array, rows: number, relu: boolean, outZ: Float64Array) => void) | null;
  /**
   * The backward pass of that pair in a training step, for a hidden layer l of two
   * inputs: from hin [2, rows] and dOut [o.units, rows] (d loss / d the output's
   * pre-activations), the gradients of l's and o's weights into grads, the hidden layer
   * never stored (act relu when `relu`, else linear); hs: scratch of `rows` values. The
   * same values as denseBackwardThrough() of o then denseBackward() of l, to the last
   * bit; null: those two run instead (the JavaScript implementation).
   */
  readonly hiddenThroughOutput: ((l: FusedDenseLayer, o: FusedDenseLayer, params: Float64Array, hin: Float64Array, dOut: Float64Array, grads: Float64Array, rows: number, relu: boolean, hs: Float64Array) => void) | null;
  /**
   * hiddenIntoOutput in float32, for two inputs and one output (inferencePass.ts
   * planeF32): x32 holds float32 [2, padded] and scratch 4 float32 per hidden unit, in
   * the bytes of float64 arrays (the arena's); outZ gets `padded` values. null:
   * planeF32 runs it.
   */
  readonly hiddenIntoOutputF32: ((l: FusedDenseLayer, o: FusedDenseLayer, params: Float64Array, x32: Float64Array, padded: number, relu: boolean, scratch: Float64Array, outZ: Float64Array) => void) | null;
}

export const JS_KERNELS: FusedKernels = {
  kind: 'js',
  denseForward,
  denseBackward,
  denseForwardActivate(l, params, hin, z, h, rows) {
    denseForward(l, params, hin, z, rows);
    activate(l.activation, z, h, l.units, rows);
  },
  denseBackwardThrough(l, params, hin, dz, grads, below, zin, dhin, dzin, rows) {
    denseBackward(l, params, hin, dz, grads, dhin, rows);
    activationGradient(below.activation, zin, hin, dhin, dzin, below.units, rows);
  },
  activate,
  activationGradient,
  toFloat32(from, to, n) {
    new Float32Array(to.buffer, to.byteOffset, n).set(from.subarray(0, n));
  },
  penaltyGradient: null,
  adam: null,
  hiddenIntoOutput: null,
  hiddenThroughOutput: null,
  hiddenIntoOutputF32: null,
};
