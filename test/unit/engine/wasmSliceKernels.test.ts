// The replacement Slice and Unpack kernels of the wasm backend give what the plain
// JavaScript computation gives, contiguous or not, float or int, after the heap grew.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { testBackend } from '../helpers/backend';

function values(shape: number[], dtype: 'float32' | 'int32'): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Array.from({ length: n }, (_, i) => (dtype === 'int32' ? i * 3 - 7 : i * 0.25 - 3)), shape, dtype);
}

/** Element [i, j, k] of a row-major array of shape [a, b, c]. */
const at = (v: ArrayLike<number>, shape: number[], i: number, j: number, k: number) => v[(i * shape[1] + j) * shape[2] + k];

describe('wasm Slice and Unpack kernels', () => {
  before(testBackend);

  for (const dtype of ['float32', 'int32'] as const) {
    it(`slices ${dtype} tensors, contiguous and strided, like index arithmetic`, () => {
      const shape = [4, 3, 5];
      const x = values(shape, dtype);
      const all = x.dataSync();
      const cases: [number[], number[]][] = [
        [[2, 0, 0], [1, 3, 5]], // one member: contiguous
        [[1, 0, 0], [2, 3, 5]], // two members: contiguous
        [[1, 1, 0], [1, 2, 5]], // rows of one member: contiguous
        [[0, 1, 2], [4, 2, 3]], // strided: the original kernel's case
      ];
      for (const [begin, size] of cases) {
        const got = tf.slice(x, begin, size).dataSync();
        const want: number[] = [];
        for (let i = 0; i < size[0]; i++) for (let j = 0; j < size[1]; j++) for (let k = 0; k < size[2]; k++) want.push(at(all, shape, begin[0] + i, begin[1] + j, begin[2] + k));
        assert.deepEqual(Array.from(got), want, `slice ${begin} ${size}`);
      }
      tf.unstack(x).forEach((m, i) => {
        assert.deepEqual(m.shape, [3, 5]);
        assert.deepEqual(Array.from(m.dataSync()), Array.from(all.slice(i * 15, (i + 1) * 15)), `member ${i}`);
      });
      tf.unstack(x, 1).forEach((m, j) => {
        const want: number[] = [];
        for (let i = 0; i < 4; i++) for (let k = 0; k < 5; k++) want.push(at(all, shape, i, j, k));
        assert.deepEqual(Array.from(m.dataSync()), want, `unstack axis 1, row ${j}`);
      });
    });
  }

  it('reads the right bytes after the heap has grown', () => {
    const x = values([3, 1000], 'float32');
    const want = Array.from(x.dataSync().slice(1000, 2000));
    const big = tf.zeros([8, 1024, 1024]); // 32 MB more heap
    assert.deepEqual(Array.from(tf.slice(x, [1, 0], [1, 1000]).dataSync()), want);
    tf.dispose([x, big]);
  });
});
