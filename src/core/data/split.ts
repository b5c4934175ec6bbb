// The train/test split: an optional seeded row shuffle, then the first rows train.

import { DataError } from './dataset';
import { Random } from './random';

/** Stream of `Random(seed, stream)` used for the row shuffle (generators use stream 0). */
export const SPLIT_STREAM = 1;

export interface Split {
  /** Row indices (into the unsplit table) of the training rows, in training order. */
  train: Int32Array;
  test: Int32Array;
}

/**
 * How many of `n` rows train: an integer `train` >= 1 is a row count, 0 < train < 1 a
 * fraction (rounded to the nearest row count). Both sets must be non-empty.
 */
export function trainCount(n: number, train: number): number {
  let count: number;
  let what: string;
  if (Number.isInteger(train) && train >= 1) {
    count = train;
    what = `train: ${train}`;
  } else if (train > 0 && train < 1) {
    count = Math.round(train * n);
    what = `train: ${train} (${count} of ${n} rows)`;
  } else {
    throw new DataError(`train must be an integer >= 1 (rows) or a fraction between 0 and 1, got ${train}`, { key: 'data.train' });
  }
  if (count < 1) throw new DataError(`${what} leaves the training set empty`, { key: 'data.train' });
  if (count >= n) {
    throw new DataError(`${what} leaves the test set empty: the data set has ${n} rows, so train must be below ${n}`, { key: 'data.train' });
  }
  return count;
}

/**
 * Splits rows 0..n-1: when `shuffle`, the rows are first permuted with `Random(seed,
 * SPLIT_STREAM)`; otherwise they keep their order (the first rows train, the rest test).
 */
export function splitRows(n: number, opts: { train: number; shuffle: boolean; seed: number }): Split {
  const nTrain = trainCount(n, opts.train);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (opts.shuffle) new Random(opts.seed, SPLIT_STREAM).shuffle(order);
  return { train: order.slice(0, nTrain), test: order.slice(nTrain) };
}

/** The rows `index` of a row-major array with `width` values per row. */
export function takeRows(values: Float32Array, width: number, index: Int32Array): Float32Array {
  const out = new Float32Array(index.length * width);
  for (let i = 0; i < index.length; i++) {
    const src = index[i] as number;
    out.set(values.subarray(src * width, (src + 1) * width), i * width);
  }
  return out;
}
