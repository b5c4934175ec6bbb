// Where a FusedTrainee's arrays live. The kernels in WebAssembly can only reach arrays in
// their own memory, so each trainee gets one memory (and one instance of the kernels
// module over it) holding its parameters, gradients and every scratch array, sized once
// at construction: a wasm memory that grows detaches every view of it, so it never grows.
// One memory per trainee, rather than one arena per thread, lets the garbage collector
// free a finished member's memory as it frees its typed arrays today; a trainee that is
// done can also hand its memory, with its instance, to the next trainee of its thread
// (release(), MemoryPool below). The memories are
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
 * `release()` hands the memory on to the next call of this thread (once; after it,
 * nothing may use the arrays or kernels); without it the collector frees them.
 */
export function fusedMemory<T>(build: (alloc: Alloc, kernels: FusedKernels) => T, engine: 'auto' | 'js' = 'auto'): { arrays: T; kernels: FusedKernels; release: () => void } {
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
    const pooled = POOL.take(pages);
    // Zeroed as float64 words: V8 fills a shared buffer's bytes one relaxed store at a
    // time, 4x slower (85 against 20 us for the 640 KB of a tutorial trainee with a ring).
    if (pooled) new Float64Array(pooled.memory.buffer, start, doubles).fill(0);
    const memory = pooled?.memory ?? (pages <= MAX_PAGES ? memoryOf(pages) : null);
    if (memory) {
      const kernels = pooled?.kernels ?? wasmKernels(wasm.module, memory, scratch);
      let at = start;
      const arrays = build((n) => {
        const a = new Float64Array(memory.buffer, at, n);
        at += aligned(n) * 8;
        return a;
      }, kernels);
      const entry = { memory, kernels, pages: pooled?.pages ?? pages };
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        POOL.give(entry);
      };
      return { arrays, kernels, release };
    }
  }
  return { arrays: build((n) => new Float64Array(n), JS_KERNELS), kernels: JS_KERNELS, release: () => undefined };
}

interface Pooled {
  memory: WasmMemory;
  kernels: FusedKernels;
  pages: number;
}

/**
 * The memories of finished trainees, with their kernels' instances, for the next trainees
 * of this thread. A fresh memory costs a trainee its first touch of every page, and a
 * fresh instance its exports' JavaScript-to-wasm wrappers: V8 calls an export through a
 * generic wrapper, compiles a specific one after 1000 calls and deoptimizes the
 * JavaScript that called it, ~0.5 ms each time (Adam's export at epoch 250 of every
 * tutorial trainee, the pair's and the record's near epoch 1000: bench/README.md). A
 * memory handed on is zeroed where the next trainee's arrays go (the allocator's promise).
 * At most POOL_MEMORIES memories and POOL_BYTES in all (a long-lived thread, the editor's
 * training worker, keeps no more after a large network); a trainee takes the smallest that
 * fits, and none more than twice its size. Measured on the tutorial's network, 1,000-epoch
 * runs interleaved in one process (benchmark 1c, medians of 21): 44 -> 43 ms with the record
 * in the training thread, 37 -> 35-36 on the scoring thread, 33 -> 32 the steps alone.
 */
class MemoryPool {
  private readonly free: Pooled[] = [];

  take(pages: number): Pooled | null {
    let best = -1;
    this.free.forEach((p, i) => {
      if (p.pages >= pages && p.pages <= 2 * pages && (best < 0 || p.pages < this.free[best].pages)) best = i;
    });
    return best < 0 ? null : this.free.splice(best, 1)[0];
  }

  give(entry: Pooled): void {
    if (entry.pages * PAGE_BYTES > POOL_BYTES) return;
    this.free.push(entry);
    // The oldest go first.
    while (this.free.length > POOL_MEMORIES || this.free.reduce((a, p) => a + p.pages * PAGE_BYTES, 0) > POOL_BYTES) this.free.shift();
  }

  /** For tests: how many memories wait. */
  get size(): number {
    return this.free.length;
  }

  /** For tests: lets every waiting memory go. */
  clear(): void {
    this.free.length = 0;
  }
}

const POOL_MEMORIES = 4;
const POOL_BYTES = 16 << 20;
export const POOL = new MemoryPool();

/** A wasm memory of `pages` pages, or null when the system will not give one that large. */
function memoryOf(pages: number): WasmMemory | null {
  try {
    return new wasmApi.Memory({ initial: pages, maximum: pages, shared: true });
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
