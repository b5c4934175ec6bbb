// The cut of a sweep's models into shards: contiguous slices that tile the models in
// order, sizes differing by at most one, the same for every job that computes it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shardSlice } from '../../../src/core/sweep/shardPlan';

describe('shard slices', () => {
  it('tile the models in order, balanced to one model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 300 }), (models, count) => {
        let next = 0;
        const sizes: number[] = [];
        for (let i = 0; i < count; i++) {
          const { first, end } = shardSlice(models, i, count);
          assert.equal(first, next, `shard ${i} starts where shard ${i - 1} ended`);
          sizes.push(end - first);
          next = end;
        }
        assert.equal(next, models, 'every model in one shard');
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `sizes ${sizes.join(',')}`);
      }),
    );
  });

  it('more shards than models: some shards are empty, none holds two', () => {
    const sizes = Array.from({ length: 5 }, (_, i) => shardSlice(3, i, 5)).map((s) => s.end - s.first);
    assert.deepEqual(sizes, [0, 1, 0, 1, 1]);
  });

  it('an index outside 0..N-1 is refused', () => {
    assert.throws(() => shardSlice(10, 3, 3), /from 0 to 2/);
    assert.throws(() => shardSlice(10, -1, 3), RangeError);
  });
});
