// The progress of a sharded sweep as the sidebar and merge read it: shards in of N per
// stage, failed ones told apart from missing ones, a newer count replacing an older one,
// a merge undone by a shard rerun after it; and non-finite figures kept exactly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeJson, encodeJson, listShardedSweeps, sweepDir, sweepKey, sweepProgress, writeMergedMark, writeRefinePlan, writeShard, type ShardRecord } from '../../../src/core/store/shardStore';

function record(stage: 1 | 2, index: number, count: number, extra: Partial<ShardRecord> = {}): ShardRecord {
  return {
    regnbShard: 1, notebook: 'nb.regnb', cell: 'sw', sweep: 'k', stage, stages: 2, index, count, models: 12, first: 0, end: 0, alphas: [0.1],
    status: 'completed', error: null, backend: 'cpu', data: 'd', from: null, validate: { kind: 'none' }, warnings: [], threads: 1, stackSize: 32,
    startedAt: '2026-01-01T00:00:00.000Z', finishedAt: `2026-01-01T00:00:0${index}.000Z`, durationMs: 1, host: 'h', points: [], ...extra,
  };
}

describe('sharded sweep progress', () => {
  it('counts shards in of N; a failed shard is named apart from a missing one', () => {
    const p = sweepProgress({ dir: '/x', cell: 'sw', sweep: 'k', refine: null, merged: null, shards: [record(1, 0, 4), record(1, 2, 4, { status: 'failed', error: 'out of memory' }), record(1, 3, 4)] });
    assert.deepEqual([p.stage.stage, p.stage.count, p.stage.done, p.stage.missing], [1, 4, [0, 3], [1]]);
    assert.deepEqual(p.stage.failed, [{ index: 2, status: 'failed', error: 'out of memory' }]);
    assert.equal(p.next, 'shards');
    assert.equal(p.stages, 2);
  });

  it('the newest count wins: files of an older count are ignored', () => {
    const p = sweepProgress({ dir: '/x', cell: 'sw', sweep: 'k', refine: null, merged: null, shards: [record(1, 0, 4), record(1, 1, 4), record(1, 0, 2, { finishedAt: '2026-01-02T00:00:00.000Z' })] });
    assert.deepEqual([p.stage.count, p.stage.done, p.stage.missing], [2, [0], [1]]);
  });

  it('stage 1 complete: merge next; planned: stage 2 under way; merged, until a shard runs again', () => {
    const one = [record(1, 0, 2), record(1, 1, 2)];
    assert.equal(sweepProgress({ dir: '/x', cell: 'sw', sweep: 'k', refine: null, merged: null, shards: one }).next, 'merge');
    const refine = { regnbRefine: 1 as const, cell: 'sw', sweep: 'k', around: 0.1, alphas: [0.2, 0.05], plannedAt: '2026-01-01T00:01:00.000Z' };
    const planned = sweepProgress({ dir: '/x', cell: 'sw', sweep: 'k', refine, merged: null, shards: one });
    assert.deepEqual([planned.stage.stage, planned.stage.count, planned.next, planned.all.length], [2, null, 'shards', 2]);
    const two = [...one, record(2, 0, 1, { finishedAt: '2026-01-01T00:02:00.000Z' })];
    assert.equal(sweepProgress({ dir: '/x', cell: 'sw', sweep: 'k', refine, merged: null, shards: two }).next, 'merge');
    const merged = { regnbMerged: 1 as const, cell: 'sw', sweep: 'k', runId: 'r', store: 'runs/nb/sw/r', shards: [2, 1], mergedAt: '2026-01-01T00:03:00.000Z' };
    const done = sweepProgress({ dir: '/x', cell: 'sw', sweep: 'k', refine, merged, shards: two });
    assert.deepEqual([done.next, done.merged?.runId, done.updatedAt], ['merged', 'r', merged.mergedAt]);
    const rerun = [...one, record(2, 0, 1, { finishedAt: '2026-01-01T00:04:00.000Z' })];
    assert.equal(sweepProgress({ dir: '/x', cell: 'sw', sweep: 'k', refine, merged, shards: rerun }).next, 'merge');
  });

  it('lists the sweeps of a notebook from the store, a damaged file as a problem', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-shards-'));
    try {
      const nb = path.join(dir, 'nb.regnb');
      const folder = sweepDir(nb, 'sw', sweepKey('name: sw'));
      await writeShard(folder, record(1, 0, 2, { sweep: sweepKey('name: sw') }));
      await writeShard(folder, record(1, 1, 2, { sweep: sweepKey('name: sw') }));
      await writeRefinePlan(folder, { regnbRefine: 1, cell: 'sw', sweep: sweepKey('name: sw'), around: 0.1, alphas: [0.2], plannedAt: '2026-01-01T00:01:00.000Z' });
      await writeMergedMark(path.join(path.dirname(folder), 'other'), { regnbMerged: 1, cell: 'sw', sweep: 'other', runId: 'r', store: 's', shards: [1], mergedAt: '2025-01-01T00:00:00.000Z' });
      fs.writeFileSync(path.join(folder, 'stage-2', 'shard-0-of-1.json').replace('stage-2', 'stage-1').replace('0-of-1', '5-of-9'), '{ torn');
      const listed = await listShardedSweeps(nb);
      assert.deepEqual(listed.sweeps.map((s) => [s.sweep, s.next]), [[sweepKey('name: sw'), 'shards'], ['other', 'merged']]);
      assert.equal(listed.problems.length, 1);
      assert.match(listed.problems[0], /shard-5-of-9\.json: not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps NaN and infinities through a shard file; strings stay strings', () => {
    const value = { loss: NaN, up: Infinity, down: -Infinity, name: 'NaN', x: 0.1 + 0.2 };
    const back = decodeJson(encodeJson(value)) as typeof value;
    assert.ok(Number.isNaN(back.loss));
    assert.deepEqual([back.up, back.down, back.name, back.x], [Infinity, -Infinity, 'NaN', 0.1 + 0.2]);
  });
});
