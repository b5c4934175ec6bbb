// The filter gradient kernel added for the wasm backend, against a direct loop.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { testBackend } from '../helpers/backend';

function reference(x: tf.Tensor4D, dy: tf.Tensor4D, fh: number, fw: number, s: number, padTop: number, padLeft: number): Float64Array {
  const [b, h, w, ci] = x.shape;
  const [, oh, ow, co] = dy.shape;
  const xv = x.dataSync();
  const dv = dy.dataSync();
  const out = new Float64Array(fh * fw * ci * co);
  for (let kh = 0; kh < fh; kh++) for (let kw = 0; kw < fw; kw++) for (let c = 0; c < ci; c++) for (let o = 0; o < co; o++) {
    let sum = 0;
    for (let n = 0; n < b; n++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) {
      const r = i * s + kh - padTop;
      const q = j * s + kw - padLeft;
      if (r < 0 || q < 0 || r >= h || q >= w) continue;
      sum += xv[((n * h + r) * w + q) * ci + c] * dv[((n * oh + i) * ow + j) * co + o];
    }
    out[((kh * fw + kw) * ci + c) * co + o] = sum;
  }
  return out;
}

describe('Conv2DBackpropFilter on wasm', () => {
  before(testBackend);

  for (const [pad, stride] of [['valid', 1], ['same', 1], ['valid', 2], ['same', 2]] as const) {
    it(`${pad} padding, stride ${stride}: matches a direct loop`, () => {
      const x = tf.randomNormal([2, 7, 6, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
      const filter = tf.randomNormal([3, 2, 3, 4], 0, 1, 'float32', 12) as tf.Tensor4D;
      const y = tf.conv2d(x, filter, stride, pad);
      const dy = tf.randomNormal(y.shape, 0, 1, 'float32', 13) as tf.Tensor4D;
      // The gradient of sum(conv(x, f) * dy) with respect to f is the filter gradient for dy.
      const grad = tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, f as tf.Tensor4D, stride, pad), dy)))(filter).dataSync();
      const [oh, ow] = [y.shape[1], y.shape[2]];
      const padH = pad === 'same' ? Math.max((oh - 1) * stride + 3 - 7, 0) : 0;
      const padW = pad === 'same' ? Math.max((ow - 1) * stride + 2 - 6, 0) : 0;
      const ref = reference(x, dy, 3, 2, stride, Math.floor(padH / 2), Math.floor(padW / 2));
      assert.equal(grad.length, ref.length);
      ref.forEach((v, i) => assert.ok(Math.abs(grad[i] - v) < 1e-3 * Math.max(1, Math.abs(v)), `element ${i}: ${grad[i]} vs ${v}`));
    });
  }
});
