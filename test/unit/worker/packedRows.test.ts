// Epoch rows cross between threads packed into one Float64Array (packedRows.ts): what
// arrives must be what was sent, every field to the bit, in the EpochRow's key order
// (the run result's JSON text follows it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { packRows, unpackRows } from '../../../src/worker/packedRows';
import type { EpochRow } from '../../../src/core/run/epochRow';

const row = (epoch: number, layers: number, f: (k: number) => number): EpochRow => ({
  epoch,
  dataLoss: f(1),
  penalty: Array.from({ length: layers }, (_, k) => f(10 + k)),
  totalLoss: f(2),
  trainLoss: f(3),
  testLoss: f(4),
  trainMetric: f(5),
  testMetric: f(6),
  norms: Array.from({ length: layers }, (_, k) => [f(20 + 4 * k), f(21 + 4 * k), f(22 + 4 * k), f(23 + 4 * k)] as [number, number, number, number]),
});

describe('packed epoch rows', () => {
  it('round-trip to the bit, edge values and key order included', () => {
    const odd = [NaN, -0, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2];
    for (const layers of [1, 2, 4]) {
      const rows = [
        row(1, layers, (k) => Math.sin(k * 12.9898) * 43758.5453),
        row(2, layers, (k) => odd[k % odd.length]),
        row(1000, layers, (k) => k / 3),
      ];
      const back = unpackRows(packRows(rows));
      assert.deepStrictEqual(back, rows);
      back.forEach((r, i) => assert.deepEqual(Object.keys(r), Object.keys(rows[i])));
      // -0 stays -0 (deepStrictEqual tells them apart, but say it).
      assert.ok(Object.is(back[1].totalLoss, odd[2 % odd.length]) && Object.is(back[1].dataLoss, -0));
    }
  });

  it('no rows: nothing to send and nothing back', () => {
    const packed = packRows([]);
    assert.equal(packed.values.length, 0);
    assert.deepEqual(unpackRows(packed), []);
  });
});
