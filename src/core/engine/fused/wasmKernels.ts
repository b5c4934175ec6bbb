// The fused engine's kernels in WebAssembly SIMD (assembly/kernels.ts, compiled by
// scripts/buildWasm.mjs into kernelsWasm.generated.ts). The module is compiled once per
// thread; each arena (fusedMemory.ts) instantiates it over its own memory, so every
// array a kernel reads or writes must be a view of that memory: the wrappers check it
// (an array from elsewhere would be read at the wrong place, silently).

import type { Activation } from '../../experiment/experiment';
import { activate, activationGradient } from './activations';
import { allowCompilationHints, turbofanHint, withCompilationHints } from './compilationHints';
import type { FusedKernels } from './kernels';
import { addNorms } from './optimizer';
import { KERNELS_WASM_BASE64 } from './kernelsWasm.generated';

// The few parts of the WebAssembly API used here (the Node typings of this project have
// none; the DOM library, which does, is kept out of Node code).
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmModule {
  readonly kind: 'module';
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Instance: new (module: WasmModule, imports: { env: { memory: WasmMemory } }) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface KernelExports {
  heapBase(): number;
  denseForward(w: number, b: number, hasBias: number, hin: number, z: number, inputs: number, units: number, rows: number): void;
  denseBackward(w: number, hin: number, dz: number, gw: number, gb: number, hasBias: number, dhin: number, hasDhin: number, inputs: number, units: number, rows: number): void;
  relu(z: number, h: number, n: number): void;
  toFloat32(from: number, to: number, n: number): void;
  reluGradient(z: number, dh: number, dz: number, n: number): void;
  penaltyGradient(p: number, g: number, n: number, l1: number, l2: number, expabs: number): number;
  adam(p: number, g: number, m: number, v: number, n: number, shrink: number, lr: number, c1: number, c2: number, beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, epsilon: number, out: number, threshold: number, out32: number): void;
  denseForwardRelu(w: number, b: number, hasBias: number, hin: number, z: number, h: number, inputs: number, units: number, rows: number): void;
  hiddenIntoOutputF32Relu(w: number, b: number, hasBias: number, wo: number, bo: number, units: number, x32: number, padded: number, scratch: number, outZ: number): void;
  hiddenIntoOutputF32Linear(w: number, b: number, hasBias: number, wo: number, bo: number, units: number, x32: number, padded: number, scratch: number, outZ: number): void;
  denseBackwardRelu(w: number, hin: number, dz: number, gw: number, gb: number, hasBias: number, dzin: number, zin: number, inputs: number, units: number, rows: number): void;
}

/** hiddenIntoOutputN of assembly/kernels.ts, one export per case (N: its flags, see there). */
type HiddenIntoOutput = (w: number, b: number, hin: number, inputs: number, units: number, rows: number, wo: number, bo: number, hasBiasO: number, C: number, outZ: number) => void;
const HIDDEN_INTO_OUTPUT_CASES = 16;
/** hiddenThroughOutputN of assembly/kernels.ts (N: its flags, see there). */
type HiddenThroughOutput = (w: number, b: number, hin: number, units: number, rows: number, wo: number, C: number, dOut: number, gw: number, gb: number, gwo: number, gbo: number, hasBiasO: number, hs: number) => void;
const HIDDEN_THROUGH_OUTPUT_CASES = 8;

/** Bytes the kernels need of their own in the memory (the norms' sums Adam returns). */
export const KERNEL_SCRATCH_BYTES = 32;

export interface KernelsModule {
  module: WasmModule;
  /** Byte offset where arrays may start in a memory the kernels run on. */
  heapBase: number;
}

/**
 * The kernels compiled with the module: Adam's update (the default optimizer, called on
 * every step), the penalty's gradient (every penalized step: the tutorial's) and
 * heapBase (read at the set-up).
 * V8 compiles them with TurboFan with the module (compilationHints.ts): on its background
 * threads when prepareKernels() started the compile and the thread's event loop has
 * turned since (V8 needs it between the compile's steps), else with the first trainee's
 * module. Every other export with TurboFan at its first call, ~1-2 ms each: only those a
 * network calls are compiled, once per process. So no kernel runs on Liftoff and none
 * waits for a tier-up; bench/README.md, benchmark 1b, has what it changed. Which go with
 * the module was measured on the cold one-batch tutorial run (medians of 9 interleaved
 * fresh processes): with the dense forward and backward kernels and relu's too (eight,
 * none of which the tutorial's pair calls) 84.7 ms, batch 8 133 ms; with these two 75.2 and
 * 123 ms; with the pair's ten cases as well 87.1 -> 89.4 ms against the eight: a compile
 * without a turn of the event loop (a process that trains as soon as its backend has
 * started) does all of them on the training thread.
 */
const EAGER_EXPORTS = new Set(['heapBase', 'adam', 'penaltyGradient']);

let compiled: KernelsModule | null | undefined;
let preparing = false;
/** The module prepareKernels() compiled, once it has (kept: V8's module cache holds it only while it lives). */
let prepared: WasmModule | undefined;

function kernelsBinary(): Uint8Array {
  return Buffer.from(KERNELS_WASM_BASE64, 'base64');
}

function hintedKernelsBinary(): Uint8Array {
  allowCompilationHints();
  return withCompilationHints(kernelsBinary(), (name) => turbofanHint(name !== undefined && EAGER_EXPORTS.has(name) ? 'eager' : 'lazy'));
}

/**
 * Starts compiling the kernels on V8's background threads, so that the first epoch finds
 * them compiled: called once a backend has started (engine/backend.ts), before the data
 * is prepared and the network built. A synchronous compile of the same bytes
 * (kernelsModule()) shares this one through V8's module cache, waiting if it is running.
 */
export function prepareKernels(): void {
  if (compiled !== undefined || preparing) return;
  preparing = true;
  wasmApi.compile(hintedKernelsBinary()).then(
    (module) => (prepared = module),
    // kernelsModule() meets the same failure and falls back.
    () => undefined,
  );
}

/** The compiled kernels, or null where this WebAssembly has no SIMD (compiling fails). */
export function kernelsModule(): KernelsModule | null {
  if (compiled === undefined) {
    // A V8 that reads the hints differently (they are experimental) fails to compile
    // them: the module without them is the same code.
    compiled = instantiable(() => prepared ?? new wasmApi.Module(hintedKernelsBinary())) ?? instantiable(() => new wasmApi.Module(kernelsBinary()));
  }
  return compiled;
}

function instantiable(compile: () => WasmModule): KernelsModule | null {
  try {
    const module = compile();
    const probe = new wasmApi.Instance(module, { env: { memory: new wasmApi.Memory({ initial: 1, maximum: 1, shared: true }) } });
    return { module, heapBase: (probe.exports as unknown as KernelExports).heapBase() };
  } catch {
    return null;
  }
}

/**
 * The kernels over `memory` (which holds every array they are given), with
 * KERNEL_SCRATCH_BYTES of their own at byte `scratch`.
 */
export function wasmKernels(module: WasmModule, memory: WasmMemory, scratch: number): FusedKernels {
  const exports = new wasmApi.Instance(module, { env: { memory } }).exports;
  const e = exports as KernelExports;
  const hiddenIntoOutputCases = Array.from({ length: HIDDEN_INTO_OUTPUT_CASES }, (_, n) => (exports as Record<string, HiddenIntoOutput>)[`hiddenIntoOutput${n}`]);
  const hiddenThroughOutputCases = Array.from({ length: HIDDEN_THROUGH_OUTPUT_CASES }, (_, n) => (exports as Record<string, HiddenThroughOutput>)[`hiddenThroughOutput${n}`]);
  const buffer = memory.buffer;
  const sums = new Float64Array(buffer, scratch, 5);
  // The arrays already found in this memory: reading a typed array's buffer is a call
  // into the runtime, and a step passes the same dozen arrays every time.
  const inMemory = new WeakSet<Float64Array>();
  /** Byte address of a[i]. */
  const at = (a: Float64Array, i: number): number => {
    if (!inMemory.has(a)) {
      if (a.buffer !== buffer) throw new Error('a fused kernel was given an array outside its wasm memory');
      inMemory.add(a);
    }
    return a.byteOffset + i * 8;
  };
  const denseForward: FusedKernels['denseForward'] = (l, params, hin, z, rows) => {
    const hasBias = l.bias >= 0;
    e.denseForward(at(params, l.kernel), hasBias ? at(params, l.bias) : 0, hasBias ? 1 : 0, at(hin, 0), at(z, 0), l.inputs, l.units, rows);
  };
  const denseBackward: FusedKernels['denseBackward'] = (l, params, hin, dz, grads, dhin, rows) => {
    const hasBias = l.bias >= 0;
    e.denseBackward(at(params, l.kernel), at(hin, 0), at(dz, 0), at(grads, l.kernel), hasBias ? at(grads, l.bias) : 0, hasBias ? 1 : 0, dhin ? at(dhin, 0) : 0, dhin ? 1 : 0, l.inputs, l.units, rows);
  };
  const activateWasm = (a: Activation, z: Float64Array, h: Float64Array, units: number, rows: number): void => {
    if (a === 'relu') e.relu(at(z, 0), at(h, 0), units * rows);
    else activate(a, z, h, units, rows);
  };
  const activationGradientWasm = (a: Activation, z: Float64Array, h: Float64Array, dh: Float64Array, dz: Float64Array, units: number, rows: number): void => {
    if (a === 'relu') e.reluGradient(at(z, 0), at(dh, 0), at(dz, 0), units * rows);
    else activationGradient(a, z, h, dh, dz, units, rows);
  };
  return {
    kind: 'wasm-simd',
    denseForward,
    denseBackward,
    denseForwardActivate(l, params, hin, z, h, rows) {
      if (l.activation !== 'relu') {
        denseForward(l, params, hin, z, rows);
        activateWasm(l.activation, z, h, l.units, rows);
        return;
      }
      const hasBias = l.bias >= 0;
      e.denseForwardRelu(at(params, l.kernel), hasBias ? at(params, l.bias) : 0, hasBias ? 1 : 0, at(hin, 0), at(z, 0), at(h, 0), l.inputs, l.units, rows);
    },
    denseBackwardThrough(l, params, hin, dz, grads, below, zin, dhin, dzin, rows) {
      if (below.activation !== 'relu') {
        denseBackward(l, params, hin, dz, grads, dhin, rows);
        activationGradientWasm(below.activation, zin, hin, dhin, dzin, below.units, rows);
        return;
      }
      const hasBias = l.bias >= 0;
      e.denseBackwardRelu(at(params, l.kernel), at(hin, 0), at(dz, 0), at(grads, l.kernel), hasBias ? at(grads, l.bias) : 0, hasBias ? 1 : 0, at(dzin, 0), at(zin, 0), l.inputs, l.units, rows);
    },
    activate: activateWasm,
    activationGradient: activationGradientWasm,
    toFloat32(from, to, n) {
      e.toFloat32(at(from, 0), at(to, 0), n);
    },
    penaltyGradient(p, params, grads, from, to) {
      return e.penaltyGradient(at(params, from), at(grads, from), to - from, p.l1 ?? 0, p.l2 ?? 0, p.expabs ?? 0);
    },
    adam(params, grads, s1, s2, from, to, k, norms, to32) {
      e.adam(at(params, from), at(grads, from), at(s1, from), at(s2, from), to - from, k.shrink, k.lr, k.c1, k.c2, k.beta1, k.oneMinusBeta1, k.beta2, k.oneMinusBeta2, k.epsilon, norms ? scratch : 0, k.sparsityThreshold, to32 ? at(to32, 0) + from * 4 : 0);
      if (norms) addNorms(norms, sums[0], sums[1], sums[2], sums[3], to - from);
    },
    hiddenIntoOutputF32(l, o, params, x32, padded, relu, scratch, outZ) {
      const hasBias = l.bias >= 0;
      const pair = relu ? e.hiddenIntoOutputF32Relu : e.hiddenIntoOutputF32Linear;
      pair(at(params, l.kernel), hasBias ? at(params, l.bias) : 0, hasBias ? 1 : 0, at(params, o.kernel), o.bias >= 0 ? params[o.bias] : 0, l.units, at(x32, 0), padded, at(scratch, 0), at(outZ, 0));
    },
    hiddenIntoOutput(l, o, params, hin, rows, relu, outZ) {
      const hasBias = l.bias >= 0;
      const hasBiasO = o.bias >= 0;
      // The case (assembly/kernels.ts): relu, two inputs, a hidden bias, one output.
      const n = (relu ? 8 : 0) | (l.inputs === 2 ? 4 : 0) | (hasBias ? 2 : 0) | (o.units === 1 ? 1 : 0);
      hiddenIntoOutputCases[n](at(params, l.kernel), hasBias ? at(params, l.bias) : 0, at(hin, 0), l.inputs, l.units, rows, at(params, o.kernel), hasBiasO ? at(params, o.bias) : 0, hasBiasO ? 1 : 0, o.units, at(outZ, 0));
    },
    hiddenThroughOutput(l, o, params, hin, dOut, grads, rows, relu, hs) {
      if (l.inputs !== 2) throw new Error('hiddenThroughOutput takes a hidden layer of two inputs');
      const hasBias = l.bias >= 0;
      const hasBiasO = o.bias >= 0;
      // The case (assembly/kernels.ts): relu, a hidden bias, one output.
      const n = (relu ? 4 : 0) | (hasBias ? 2 : 0) | (o.units === 1 ? 1 : 0);
      hiddenThroughOutputCases[n](at(params, l.kernel), hasBias ? at(params, l.bias) : 0, at(hin, 0), l.units, rows, at(params, o.kernel), o.units, at(dOut, 0), at(grads, l.kernel), hasBias ? at(grads, l.bias) : 0, at(grads, o.kernel), hasBiasO ? at(grads, o.bias) : 0, hasBiasO ? 1 : 0, at(hs, 0));
    },
  };
}
