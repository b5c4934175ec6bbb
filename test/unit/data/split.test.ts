import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitRows, takeRows, trainCount } from '../../../src/core/data/split';
import { applyScaling, fitScaling, fitTargetScaling } from '../../../src/core/data/standardize';
import { DataError } from '../../../src/core/data/dataset';
import { Random } from '../../../src/core/data/random';
import { column, mean } from './helpers';

const isTrainError = (e: unknown) => e instanceof DataError && e.where?.key === 'data.train';

describe('split', () => {
  it('an integer is a row count, a fraction is rounded', () => {
    assert.equal(trainCount(100, 30), 30);
    assert.equal(trainCount(100, 1), 1);
    assert.equal(trainCount(100, 0.7), 70);
    assert.equal(trainCount(10, 0.25), 3); // 2.5 rounds up
    assert.equal(trainCount(10, 0.24), 2);
    const s = splitRows(100, { train: 30, shuffle: false, seed: 1 });
    assert.equal(s.train.length, 30);
    assert.equal(s.test.length, 70);
    const f = splitRows(150, { train: 0.8, shuffle: true, seed: 1 });
    assert.equal(f.train.length, 120);
    assert.equal(f.test.length, 30);
  });

  it('an empty training or test set is an error', () => {
    assert.throws(() => trainCount(30, 30), isTrainError);
    assert.throws(() => trainCount(30, 31), isTrainError);
    assert.throws(() => trainCount(10, 0.01), isTrainError); // round(0.1) = 0
    assert.throws(() => trainCount(10, 0.96), isTrainError); // round(9.6) = 10
    assert.throws(() => trainCount(10, 0), isTrainError);
    assert.throws(() => trainCount(10, 1.5), isTrainError);
    assert.match(String(assertThrown(() => trainCount(30, 30))), /test set empty.*30 rows/);
  });

  it('shuffle false keeps the order: first rows train, the rest test', () => {
    const s = splitRows(10, { train: 4, shuffle: false, seed: 1 });
    assert.deepEqual(Array.from(s.train), [0, 1, 2, 3]);
    assert.deepEqual(Array.from(s.test), [4, 5, 6, 7, 8, 9]);
  });

  it('shuffle true permutes rows deterministically per seed; train and test partition the rows', () => {
    const a = splitRows(50, { train: 20, shuffle: true, seed: 7 });
    const b = splitRows(50, { train: 20, shuffle: true, seed: 7 });
    const c = splitRows(50, { train: 20, shuffle: true, seed: 8 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.train, c.train);
    assert.notDeepEqual(Array.from(a.train), Array.from({ length: 20 }, (_, i) => i));
    const all = [...a.train, ...a.test].sort((x, y) => x - y);
    assert.deepEqual(all, Array.from({ length: 50 }, (_, i) => i));
  });

  it('takeRows gathers whole rows', () => {
    const x = Float32Array.from([0, 1, 10, 11, 20, 21]);
    assert.deepEqual(Array.from(takeRows(x, 2, Int32Array.from([2, 0]))), [20, 21, 0, 1]);
  });
});

function assertThrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('did not throw');
}

/** Rows of 3 features: a shifted gaussian, a constant, and a wide uniform. */
function table(n: number, seed: number): Float32Array {
  const r = new Random(seed);
  const x = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    x[i * 3] = r.normal(5, 2);
    x[i * 3 + 1] = 4;
    x[i * 3 + 2] = r.uniform(-100, 300);
  }
  return x;
}

describe('standardize', () => {
  it('zscore uses training statistics only: train mean 0 and std 1, test not exactly', () => {
    const train = table(200, 1);
    const test = table(100, 2);
    const s = fitScaling(train, 3, 'zscore');
    assert.equal(s.kind, 'zscore');
    assert.equal(s.scale[1], 1, 'a constant feature keeps scale 1');
    assert.equal(s.offset[1], 4);
    const rawTest = test.slice();
    applyScaling(train, s);
    applyScaling(test, s);
    for (const j of [0, 2]) {
      const tr = column(train, 3, j);
      const m = mean(tr);
      assert.ok(Math.abs(m) < 1e-6, `train mean ${m}`);
      const sd = Math.sqrt(mean(tr.map((v) => v * v)));
      assert.ok(Math.abs(sd - 1) < 1e-5, `train std ${sd}`);
      const te = column(test, 3, j);
      assert.ok(Math.abs(mean(te)) > 1e-4, `test mean ${mean(te)} must not be exactly 0`);
      // The test set was scaled with the TRAINING mean and std.
      te.forEach((v, i) => assert.ok(Math.abs(v * s.scale[j]! + s.offset[j]! - rawTest[i * 3 + j]!) < 1e-3));
    }
    assert.deepEqual(column(train, 3, 1), new Array<number>(200).fill(0));
  });

  it('minmax maps the training range to [0, 1] (range 0 -> scale 1)', () => {
    const train = table(200, 3);
    const test = table(200, 4);
    test[0] = 1000; // far outside the training range of feature 0
    const rawTest = test.slice();
    const s = fitScaling(train, 3, 'minmax');
    applyScaling(train, s);
    applyScaling(test, s);
    for (const j of [0, 2]) {
      const tr = column(train, 3, j);
      assert.equal(Math.min(...tr), 0);
      assert.ok(Math.abs(Math.max(...tr) - 1) < 1e-6);
    }
    assert.equal(s.scale[1], 1);
    const lo = Math.min(...column(table(200, 3), 3, 0));
    const hi = Math.max(...column(table(200, 3), 3, 0));
    assert.equal(s.offset[0], lo);
    assert.equal(s.scale[0], hi - lo);
    column(test, 3, 0).forEach((v, i) => assert.ok(Math.abs(v - (rawTest[i * 3]! - lo) / (hi - lo)) < 1e-5));
    assert.ok(test[0]! > 1, 'test values may leave [0, 1]: the range is the training one');
  });

  it('false leaves the values alone', () => {
    const s = fitScaling(Float32Array.from([1, 2, 3, 4]), 2, false);
    assert.deepEqual(s, { kind: 'none', offset: [0, 0], scale: [1, 1], per: 'feature' });
  });

  it('per channel pools the steps of a sequence', () => {
    // 2 rows of shape [2 steps, 2 channels]: channel 0 values 1,3,5,7; channel 1 values 10 everywhere.
    const x = Float32Array.from([1, 10, 3, 10, 5, 10, 7, 10]);
    const s = fitScaling(x, 4, 'zscore', 2);
    assert.equal(s.per, 'channel');
    assert.deepEqual(s.offset, [4, 10]);
    assert.ok(Math.abs(s.scale[0]! - Math.sqrt(5)) < 1e-12);
    assert.equal(s.scale[1], 1);
  });

  it('target scaling: mean and population std', () => {
    const t = fitTargetScaling(Float32Array.from([1, 2, 3, 4]));
    assert.equal(t.offset, 2.5);
    assert.ok(Math.abs(t.scale - Math.sqrt(1.25)) < 1e-12);
    assert.deepEqual(fitTargetScaling(Float32Array.from([3, 3])), { offset: 3, scale: 1 });
  });
});
