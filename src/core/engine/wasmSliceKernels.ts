// tfjs-backend-wasm 4.22's Slice kernel reads its input with readSync, which copies the
// WHOLE input out of the wasm heap before taking the slice: slicing one member out of
// a stack [18, 15000] cost 0.7 ms, 47 ns per element of the input. Unpack (unstack)
// takes one such slice per output. These replacements copy a contiguous slice straight
// from the heap and leave every other case to the original kernel.

import * as tf from '@tensorflow/tfjs-core';

interface WasmBackend {
  dataIdMap: { get(id: tf.DataId): { memoryOffset: number } };
  wasm: { HEAPU8: Uint8Array };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
}

type SliceAttrs = { begin: number[]; size: number[] };

let registered = false;

export function registerWasmSliceKernels(): void {
  if (registered) return;
  registered = true;
  const original = tf.getKernel('Slice', 'wasm')!;

  /** The contiguous case from the heap; undefined when the original must do it. */
  const fastSlice = (x: tf.TensorInfo, begin: number[], size: number[], backend: WasmBackend): tf.TensorInfo | undefined => {
    if (x.dtype !== 'float32' && x.dtype !== 'int32') return undefined;
    const xt = { shape: x.shape } as tf.Tensor;
    const [begin_, size_] = tf.slice_util.parseSliceParams(xt, begin, size);
    if (!tf.slice_util.isSliceContinous(x.shape, begin_, size_)) return undefined;
    const offset = tf.slice_util.computeFlatOffset(begin_, tf.util.computeStrides(x.shape));
    const count = tf.util.sizeFromShape(size_);
    const out = backend.makeOutput(size_, x.dtype);
    // Read the heap after makeOutput: allocating may grow the heap and detach older views.
    const byteOffset = backend.dataIdMap.get(x.dataId).memoryOffset + 4 * offset;
    const heap = backend.wasm.HEAPU8.buffer;
    const from = x.dtype === 'float32' ? new Float32Array(heap, byteOffset, count) : new Int32Array(heap, byteOffset, count);
    backend.typedArrayFromHeap(out).set(from);
    return out;
  };

  tf.unregisterKernel('Slice', 'wasm');
  tf.registerKernel({
    kernelName: 'Slice',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const { begin, size } = args.attrs as unknown as SliceAttrs;
      return fastSlice(args.inputs.x!, begin, size, args.backend as unknown as WasmBackend) ?? (original.kernelFunc(args) as tf.TensorInfo);
    },
  });

  tf.unregisterKernel('Unpack', 'wasm');
  tf.registerKernel({
    kernelName: 'Unpack',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const value = args.inputs.value!;
      const rank = value.shape.length;
      const axis = ((args.attrs as unknown as { axis: number }).axis + rank) % rank;
      const outShape = value.shape.filter((_, i) => i !== axis);
      const begin = new Array<number>(rank).fill(0);
      const size = value.shape.slice();
      size[axis] = 1;
      return Array.from({ length: value.shape[axis] }, (_, i) => {
        begin[axis] = i;
        const sliceArgs = { ...args, inputs: { x: value }, attrs: { begin: [...begin], size } } as unknown as Parameters<typeof original.kernelFunc>[0];
        const out = fastSlice(value, begin, size, args.backend as unknown as WasmBackend) ?? (original.kernelFunc(sliceArgs) as tf.TensorInfo);
        return { dataId: out.dataId, dtype: out.dtype, shape: outShape };
      });
    },
  });
}
