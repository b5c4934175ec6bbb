// tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so a convolution layer
// cannot train on it ("Kernel 'Conv2DBackpropFilter' not registered"). This kernel
// computes the filter gradient with ops the wasm backend does have:
//   dW[kh, kw, ci, co] = sum over b, i, j of x[b, i*sh + kh, j*sw + kw, ci] * dy[b, i, j, co]
// by gathering one strided slice of the (padded) input per kernel offset and taking
// a single matrix product with dy.

import * as tf from '@tensorflow/tfjs-core';

interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number;
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: [number, number] | number;
  filterShape: [number, number, number, number];
}

export function registerWasmConv2dFilterGrad(): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as unknown as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const a = attrs as unknown as Attrs;
      const engine = tf.engine();
      const xt = engine.makeTensorFromTensorInfo(x) as tf.Tensor4D;
      const dyt = engine.makeTensorFromTensorInfo(dy) as tf.Tensor4D;
      const result = tf.tidy(() => filterGrad(xt, dyt, a));
      const values = result.dataSync();
      tf.dispose([xt, dyt, result]);
      const wasm = backend as unknown as { makeOutput(shape: number[], dtype: string): tf.TensorInfo; typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray };
      const out = wasm.makeOutput(a.filterShape, 'float32');
      wasm.typedArrayFromHeap(out).set(values);
      return out;
    },
  });
}

export function filterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, a: Attrs): tf.Tensor4D {
  if (a.dataFormat !== 'NHWC') throw new Error('Conv2DBackpropFilter on wasm: only NHWC is supported');
  const dil = typeof a.dilations === 'number' ? [a.dilations, a.dilations] : (a.dilations ?? [1, 1]);
  if (dil[0] !== 1 || dil[1] !== 1) throw new Error('Conv2DBackpropFilter on wasm: dilations are not supported');
  const [sh, sw] = typeof a.strides === 'number' ? [a.strides, a.strides] : a.strides;
  const [fh, fw, ci, co] = a.filterShape;
  const [b, h, w] = x.shape;
  const [, oh, ow] = dy.shape;
  const padH = a.pad === 'same' ? Math.max((oh - 1) * sh + fh - h, 0) : typeof a.pad === 'number' ? 2 * a.pad : 0;
  const padW = a.pad === 'same' ? Math.max((ow - 1) * sw + fw - w, 0) : typeof a.pad === 'number' ? 2 * a.pad : 0;
  const top = Math.floor(padH / 2);
  const left = Math.floor(padW / 2);
  const xp = padH || padW ? tf.pad(x, [[0, 0], [top, padH - top], [left, padW - left], [0, 0]]) : x;
  const columns: tf.Tensor2D[] = [];
  for (let kh = 0; kh < fh; kh++) {
    for (let kw = 0; kw < fw; kw++) {
      const patch = tf.stridedSlice(xp, [0, kh, kw, 0], [b, kh + (oh - 1) * sh + 1, kw + (ow - 1) * sw + 1, ci], [1, sh, sw, 1]);
      columns.push(tf.reshape(patch, [b * oh * ow, ci]));
    }
  }
  const patches = columns.length === 1 ? columns[0] : tf.concat(columns, 1);
  const grad = tf.matMul(patches, tf.reshape(dy, [b * oh * ow, co]), true, false);
  return tf.reshape(grad, [fh, fw, ci, co]);
}
