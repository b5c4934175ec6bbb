// The fused engine's kernels in WebAssembly SIMD (assembly/kernels.ts, compiled by
// scripts/buildWasm.mjs into kernelsWasm.generated.ts). The module is compiled once per
// thread; each arena (fusedMemory.ts) instantiates it over its own memory, so every
// array a kernel reads or writes must be a view of that memory: the wrappers check it
// (an array from elsewhere would be read at the wrong place, silently).

import type { Activation } from '../../experiment/experiment';
import { activate, activationGradient } from './activations';
import type { FusedKernels } from './kernels';
import { KERNELS_WASM_BASE64 } from './kernelsWasm.generated';

interface KernelExports {
  heapBase(): number;
  denseForward(w: number, b: number, hasBias: number, hin: number, z: number, inputs: number, units: number, rows: number): void;
  denseBackward(w: number, hin: number, dz: number, gw: number, gb: number, hasBias: number, dhin: number, hasDhin: number, inputs: number, units: number, rows: number): void;
  relu(z: number, h: number, n: number): void;
  reluGradient(z: number, dh: number, dz: number, n: number): void;
}

export interface KernelsModule {
  module: WebAssembly.Module;
  /** Byte offset where arrays may start in a memory the kernels run on. */
  heapBase: number;
}

let compiled: KernelsModule | null | undefined;

/** The compiled kernels, or null where this WebAssembly has no SIMD (compiling fails). */
export function kernelsModule(): KernelsModule | null {
  if (compiled === undefined) {
    try {
      const module = new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
      const probe = new WebAssembly.Instance(module, { env: { memory: new WebAssembly.Memory({ initial: 1 }) } });
      compiled = { module, heapBase: (probe.exports as unknown as KernelExports).heapBase() };
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** The kernels over `memory` (which holds every array they are given). */
export function wasmKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): FusedKernels {
  const e = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  const buffer = memory.buffer;
  /** Byte address of a[i]. */
  const at = (a: Float64Array, i: number): number => {
    if (a.buffer !== buffer) throw new Error('a fused kernel was given an array outside its wasm memory');
    return a.byteOffset + i * 8;
  };
  return {
    kind: 'wasm-simd',
    denseForward(l, params, hin, z, rows) {
      const hasBias = l.bias >= 0;
      e.denseForward(at(params, l.kernel), hasBias ? at(params, l.bias) : 0, hasBias ? 1 : 0, at(hin, 0), at(z, 0), l.inputs, l.units, rows);
    },
    denseBackward(l, params, hin, dz, grads, dhin, rows) {
      const hasBias = l.bias >= 0;
      e.denseBackward(at(params, l.kernel), at(hin, 0), at(dz, 0), at(grads, l.kernel), hasBias ? at(grads, l.bias) : 0, hasBias ? 1 : 0, dhin ? at(dhin, 0) : 0, dhin ? 1 : 0, l.inputs, l.units, rows);
    },
    activate(a: Activation, z, h, units, rows) {
      if (a === 'relu') e.relu(at(z, 0), at(h, 0), units * rows);
      else activate(a, z, h, units, rows);
    },
    activationGradient(a: Activation, z, h, dh, dz, units, rows) {
      if (a === 'relu') e.reluGradient(at(z, 0), at(dh, 0), at(dz, 0), units * rows);
      else activationGradient(a, z, h, dh, dz, units, rows);
    },
  };
}
