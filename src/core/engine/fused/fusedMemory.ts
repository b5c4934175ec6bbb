// Where a FusedTrainee's arrays live. The kernels in WebAssembly can only reach arrays in
// their own memory, so each trainee gets one memory (and one instance of the kernels
// module over it) holding its parameters, gradients and every scratch array, sized once
// at construction: a wasm memory that grows detaches every view of it, so it never grows.
// One memory per trainee, rather than one arena per thread, lets the garbage collector
// free a finished member's memory as it frees its typed arrays today. The memories are
// shared (a SharedArrayBuffer underneath; the kernels module declares its memory so): a
// trainee's kernels write each epoch's weights straight into the ring a scoring thread
// reads them from (scoringRing.ts). Sharing costs the kernels nothing measurable
// (trainEpoch 27,000-28,700 epochs/s shared against 26,900-27,400 not, bench/fusedKernels.ts epochs).

import { JS_KERNELS, type FusedKernels } from './kernels';
import { KERNEL_SCRATCH_BYTES, kernelsModule, wasmApi, wasmKernels, type WasmMemory } from './wasmKernels';

/** Hands out a zeroed array of n float64 values. */
export type Alloc = (n: number) => Float64Array;

const PAGE_BYTES = 65536;
/** The most pages a wasm32 memory may have (4 GiB). */
const MAX_PAGES = 65536;
/** Arrays start on 16-byte boundaries (aligned SIMD loads where the row count is even). */
const ALIGN_DOUBLES = 2;

const EMPTY = new Float64Array(0);

const aligned = (n: number): number => Math.ceil(n / ALIGN_DOUBLES) * ALIGN_DOUBLES;

/**
 * Allocates the arrays `build` asks for (it is called twice: once to size the memory,
 * with empty arrays it must not write to, then for real, each time with the kernels
 * it may hand on to what it builds) and returns them with the kernels that run on them: WebAssembly SIMD when this WebAssembly has it and the
 * arrays fit in a wasm memory, else the JavaScript loops on ordinary arrays.
 * `engine: 'js'` asks for the JavaScript loops (tests and benchmarks compare both).
 */
export function fusedMemory<T>(build: (alloc: Alloc, kernels: FusedKernels) => T, engine: 'auto' | 'js' = 'auto'): { arrays: T; kernels: FusedKernels } {
  const wasm = engine === 'auto' ? kernelsModule() : null;
  if (wasm) {
    let doubles = 0;
    build((n) => {
      doubles += aligned(n);
      return EMPTY;
    }, JS_KERNELS);
    const scratch = Math.ceil(wasm.heapBase / 16) * 16;
    const start = scratch + KERNEL_SCRATCH_BYTES;
    const pages = Math.max(1, Math.ceil((start + doubles * 8) / PAGE_BYTES));
    const memory = pages <= MAX_PAGES ? memoryOf(pages) : null;
    if (memory) {
      const kernels = wasmKernels(wasm.module, memory, scratch);
      let at = start;
      const arrays = build((n) => {
        const a = new Float64Array(memory.buffer, at, n);
        at += aligned(n) * 8;
        return a;
      }, kernels);
      return { arrays, kernels };
    }
  }
  return { arrays: build((n) => new Float64Array(n), JS_KERNELS), kernels: JS_KERNELS };
}

/** A wasm memory of `pages` pages, or null when the system will not give one that large. */
function memoryOf(pages: number): WasmMemory | null {
  try {
    return new wasmApi.Memory({ initial: pages, maximum: pages, shared: true });
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
