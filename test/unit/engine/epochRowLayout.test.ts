// EpochRow's packed layout, written and read from one description.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packedParts, rowWidth, unpackRow, ROW_SCORES } from '../../../src/core/engine/epochRowLayout';

test('a row packed in the described order unpacks to the same figures', () => {
  const L = 2;
  const means = [0.5, 0.01, 0.02];
  const scores = { trainLoss: 0.4, testLoss: 0.6, trainMetric: 0.9, testMetric: 0.8 };
  const norms = [[1, 2, 3, 0.1], [4, 5, 6, 0.2]];
  const packed = packedParts(means, ROW_SCORES.map((k) => scores[k]), norms).flat();
  assert.equal(packed.length, rowWidth(L));
  const row = unpackRow(Float32Array.from(packed), 7, L);
  assert.equal(row.epoch, 7);
  assert.equal(row.dataLoss, 0.5);
  assert.deepEqual(row.penalty, [Math.fround(0.01), Math.fround(0.02)]);
  assert.equal(row.totalLoss, 0.5 + Math.fround(0.01) + Math.fround(0.02));
  assert.deepEqual([row.trainLoss, row.testLoss, row.trainMetric, row.testMetric], [0.4, 0.6, 0.9, 0.8].map(Math.fround));
  assert.deepEqual(row.norms, norms.map((n) => n.map(Math.fround)));
});
