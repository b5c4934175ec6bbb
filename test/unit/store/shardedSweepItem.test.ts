// The sidebar's item of a sharded sweep, derived from what its folder holds: shards in of
// N per stage, the missing and failed ones named, Merge offered only when the stage under
// way is complete, unmerged and of the cell's current source.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sweepKey, sweepProgress, type ShardRecord, type SweepFolderContents } from '../../../src/core/store/shardStore';
import { shardedSweepItem } from '../../../src/core/store/shardedSweepItem';

const SOURCE = 'name: l2-sweep\ngrid:\n  alpha: [1e-1, 1e-2]\n  refine: 2\n';
const KEY = sweepKey(SOURCE);

/** Shard `index` of `count` of `stage`, finished at minute `at`. */
function shard(stage: 1 | 2, index: number, count: number, at: number, status: ShardRecord['status'] = 'completed', error: string | null = null): ShardRecord {
  return {
    regnbShard: 1, notebook: 'nb.regnb', cell: 'l2-sweep', sweep: KEY, stage, stages: 2, index, count, models: 12, first: 0, end: 0, alphas: [0.1, 0.01],
    status, error, backend: 'wasm', data: 'd', from: null, validate: { kind: 'holdout' } as never, warnings: [], threads: 1, stackSize: 1,
    startedAt: `2026-12-02T10:${String(at).padStart(2, '0')}:00.000Z`, finishedAt: `2026-12-02T10:${String(at).padStart(2, '0')}:30.000Z`, durationMs: 30_000, host: 'node-1', points: [],
  };
}

function folder(shards: ShardRecord[], extra: Partial<SweepFolderContents> = {}): SweepFolderContents {
  return { dir: '/store/shards/nb/l2-sweep/' + KEY, cell: 'l2-sweep', sweep: KEY, shards, refine: null, merged: null, ...extra };
}

const item = (c: SweepFolderContents, key: string | null = KEY) => shardedSweepItem(sweepProgress(c), key);

describe('shardedSweepItem (the sidebar item of a sharded sweep)', () => {
  it('shards still out: how many are in of N, the missing ones as ranges, no Merge', () => {
    const i = item(folder([shard(1, 0, 8, 1), shard(1, 1, 8, 2), shard(1, 2, 8, 3), shard(1, 5, 8, 4)]));
    assert.equal(i.label, 'sharded sweep · stage 1 of 2');
    assert.equal(i.description, '4 of 8 shards in');
    assert.equal(i.state, 'running');
    assert.equal(i.mergeable, false);
    assert.match(i.tooltip, /^not in: shard 3-4, 6-7$/m);
  });

  it('a failed shard is named with its error and counted, and blocks Merge until it runs again', () => {
    const i = item(folder([shard(1, 0, 2, 1), shard(1, 1, 2, 2, 'failed', 'out of memory')]));
    assert.equal(i.description, '1 of 2 shards in, 1 failed');
    assert.equal(i.state, 'failed');
    assert.equal(i.mergeable, false);
    assert.match(i.tooltip, /^shard 1 failed: out of memory \(run it again\)$/m);
    assert.equal(item(folder([shard(1, 0, 2, 1), shard(1, 1, 2, 2, 'failed', 'x'), shard(1, 1, 2, 3)])).mergeable, true, 'the rerun replaced it');
  });

  it('every shard of stage 1 in: Merge is offered, and says it plans stage 2', () => {
    const i = item(folder([shard(1, 0, 2, 1), shard(1, 1, 2, 2)]));
    assert.equal(i.description, '2 of 2 shards in: ready to merge');
    assert.deepEqual([i.state, i.mergeable], ['mergeable', true]);
    assert.match(i.tooltip, /Merge plans stage 2/);
  });

  it('after the stage-1 merge planned stage 2, the item follows stage 2 (its own count)', () => {
    const refine = { regnbRefine: 1 as const, cell: 'l2-sweep', sweep: KEY, around: 0.01, alphas: [0.03, 0.003], plannedAt: '2026-12-02T10:05:00.000Z' };
    const i = item(folder([shard(1, 0, 2, 1), shard(1, 1, 2, 2), shard(2, 0, 3, 6)], { refine }));
    assert.equal(i.label, 'sharded sweep · stage 2 of 2');
    assert.equal(i.description, '1 of 3 shards in');
    assert.match(i.tooltip, /^stage 1: 2 of 2 shards in$/m);
    assert.match(i.tooltip, /^stage 2: 1 of 3 shards in$/m);
  });

  it('merged: no Merge, the shards per stage and the run it stored', () => {
    const refine = { regnbRefine: 1 as const, cell: 'l2-sweep', sweep: KEY, around: 0.01, alphas: [0.03], plannedAt: '2026-12-02T10:05:00.000Z' };
    const merged = { regnbMerged: 1 as const, cell: 'l2-sweep', sweep: KEY, runId: 'run-7', store: 'runs/nb/l2-sweep/run-7', shards: [2, 1], mergedAt: '2026-12-02T10:09:00.000Z' };
    const i = item(folder([shard(1, 0, 2, 1), shard(1, 1, 2, 2), shard(2, 0, 1, 6)], { refine, merged }));
    assert.deepEqual([i.state, i.mergeable, i.description], ['merged', false, 'merged (2 + 1 shards)']);
    assert.match(i.tooltip, /merged into run run-7/);
  });

  it('shards of an older source of the cell: marked, and never merged into the edited cell', () => {
    const i = item(folder([shard(1, 0, 1, 1)]), sweepKey(`${SOURCE}# edited\n`));
    assert.deepEqual([i.stale, i.mergeable], [true, false]);
    assert.match(i.description, /old source$/);
    assert.equal(item(folder([shard(1, 0, 1, 1)]), null).mergeable, false, 'the cell is gone');
  });
});
