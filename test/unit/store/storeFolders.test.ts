// Store folders besides `.regnb` (setting regnb.storeFolders, what `--store DIR` names):
// the setting's entries checked and resolved, the sidebar's grouping of a notebook's runs
// and sharded sweeps by store, and Delete Run accepting a run of a named store while
// refusing everything else (other folders, links out of a store, paths that climb out).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { MAX_STORE_FOLDERS, resolveStoreFolders } from '../../../src/core/store/storeFolders';
import { notebookStores } from '../../../src/core/store/notebookStores';
import { RunStoreError, deleteRun, listRuns, runDir, writeRun } from '../../../src/core/store/runStore';
import { runId } from '../../../src/core/store/runId';
import { sweepDir, writeShard, type ShardRecord } from '../../../src/core/store/shardStore';
import { makeRun } from '../notebook/runFixture';

let tmp: string;
before(async () => {
  // Resolved: the checks compare paths with their links resolved (macOS /tmp is one).
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'regnb-stores-')));
});
after(() => fs.rm(tmp, { recursive: true, force: true }));

/** A workspace folder with a notebook in `nbs/` and an empty shared store `shared/store`. */
async function workspace(): Promise<{ ws: string; nb: string; shared: string }> {
  const ws = await fs.mkdtemp(path.join(tmp, 'ws-'));
  await fs.mkdir(path.join(ws, 'nbs'));
  await fs.mkdir(path.join(ws, 'shared', 'store'), { recursive: true });
  return { ws, nb: path.join(ws, 'nbs', 'moons.regnb'), shared: path.join(ws, 'shared', 'store') };
}

/** Writes a run of `cell` into `store` (undefined: the default `.regnb`); returns its folder. */
async function storeRun(nb: string, cell: string, minute: number, store?: string): Promise<string> {
  const date = new Date(Date.UTC(2026, 10, 25, 10, minute));
  const id = runId(cell, date, () => 0.5);
  const dir = runDir(nb, cell, id, store);
  await writeRun(dir, makeRun({ name: cell, runId: id, startedAt: date.toISOString() }));
  return dir;
}

function shard(index: number, count: number): ShardRecord {
  return {
    regnbShard: 1, notebook: 'moons.regnb', cell: 'sw', sweep: 'k', stage: 1, stages: 1, index, count, models: 4, first: 0, end: 0, alphas: [0.1],
    status: 'completed', error: null, backend: 'cpu', data: 'd', from: null, validate: { kind: 'none' }, warnings: [], threads: 1, stackSize: 32,
    startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', durationMs: 1, host: 'h', points: [],
  };
}

const isNotRun = (e: unknown) => e instanceof RunStoreError && e.code === 'ENOTRUN' && /is not a run folder of a RegNB run store: not deleted/.test(e.message);

describe('regnb.storeFolders', () => {
  it('resolves entries against the workspace folder, absolute ones as they are, each once', () => {
    assert.deepEqual(resolveStoreFolders(['shared/store', '/mnt/cluster/regnb', './shared/store/', 'shared/../shared/store'], '/home/u/ws'), {
      folders: ['/home/u/ws/shared/store', '/mnt/cluster/regnb'],
      problems: [],
    });
    assert.deepEqual(resolveStoreFolders(undefined, '/ws'), { folders: [], problems: [] });
    assert.deepEqual(resolveStoreFolders([], undefined), { folders: [], problems: [] });
    assert.deepEqual(resolveStoreFolders(['/abs'], undefined), { folders: ['/abs'], problems: [] });
  });

  it('leaves bad entries out, each named with the setting and its place', () => {
    const r = resolveStoreFolders(['ok', 42, '', '  ', 'a\u001b]0;x\u0007b', 'x'.repeat(5000), 'also-ok'], '/ws');
    assert.deepEqual(r.folders, ['/ws/ok', '/ws/also-ok']);
    assert.deepEqual(r.problems, [
      'regnb.storeFolders: entry 2 (42) is not a folder path (a string); it is left out',
      'regnb.storeFolders: entry 3 ("") is empty; it is left out',
      'regnb.storeFolders: entry 4 ("  ") is empty; it is left out',
      'regnb.storeFolders: entry 5 ("a\\u001b]0;x\\u0007b") holds a control character; it is left out',
      `regnb.storeFolders: entry 6 ("${'x'.repeat(56)}...) is longer than 4096 characters; it is left out`,
    ]);
    assert.deepEqual(resolveStoreFolders('shared/store', '/ws'), { folders: [], problems: ['regnb.storeFolders must be an array of folder paths, not "shared/store"'] });
    assert.deepEqual(resolveStoreFolders(['rel'], undefined).problems, ['regnb.storeFolders: entry 1 ("rel") is a relative path, and there is no workspace folder to resolve it against; it is left out']);
    const many = resolveStoreFolders(Array.from({ length: MAX_STORE_FOLDERS + 3 }, (_, i) => `s${i}`), '/ws');
    assert.equal(many.folders.length, MAX_STORE_FOLDERS);
    assert.deepEqual(many.problems, [`regnb.storeFolders: more than ${MAX_STORE_FOLDERS} folders; entries from ${MAX_STORE_FOLDERS + 1} on are left out`]);
  });
});

describe('a notebook’s runs grouped by store', () => {
  it('the default store with every cell, then each named store with the cells that have runs or sweeps there', async () => {
    const { nb, shared } = await workspace();
    const home = await storeRun(nb, 'base', 1);
    const there = await storeRun(nb, 'l2', 2, shared);
    await writeShard(sweepDir(nb, 'sw', 'k', shared), shard(0, 2));
    const empty = path.join(path.dirname(shared), 'empty');
    await fs.mkdir(empty);
    const cells = [
      { name: 'base', index: 0, tag: 'a' },
      { name: 'l2', index: 1, tag: 'b' },
      { name: 'sw', index: 2, tag: 'c' },
    ];
    // The default store named again (as `.regnb`) and a store without this notebook's runs are not listed twice or at all.
    const stores = await notebookStores(nb, cells, [shared, path.join(path.dirname(nb), '.regnb'), empty, `${shared}/`]);
    assert.deepEqual(
      stores.map((s) => [s.store, s.cells.map((c) => [c.name, c.index, c.tag, c.runs.map((r) => r.dir), c.sweeps.map((w) => w.stage.done)]), s.problems]),
      [
        [undefined, [['base', 0, 'a', [home], []], ['l2', 1, 'b', [], []], ['sw', 2, 'c', [], []]], []],
        [shared, [['l2', 1, 'b', [there], []], ['sw', 2, 'c', [], [[0]]]], []],
      ],
    );
    // Without named stores, the default store alone, as before the setting.
    assert.deepEqual((await notebookStores(nb, cells, [])).map((s) => s.store), [undefined]);
  });

  it('a damaged run in a named store is listed as a problem of that store', async () => {
    const { nb, shared } = await workspace();
    const dir = await storeRun(nb, 'l2', 3, shared);
    await fs.writeFile(path.join(dir, 'result.json'), '{ torn');
    await fs.rm(path.join(dir, 'summary.json'));
    const [, named] = await notebookStores(nb, [{ name: 'l2', index: 0 }], [shared]);
    assert.equal(named.store, shared);
    assert.deepEqual(named.cells, []);
    assert.equal(named.problems.length, 1);
    assert.match(named.problems[0], /result\.json: not valid JSON/);
  });
});

describe('Delete Run with store folders', () => {
  it('deletes a run of a named store, and a run of the default store as before', async () => {
    const { nb, shared } = await workspace();
    const named = await storeRun(nb, 'l2', 4, shared);
    await assert.rejects(deleteRun(named), isNotRun, 'not a store the user named: refused');
    assert.ok(await fs.stat(named));
    assert.equal(await deleteRun(named, [shared]), true);
    assert.deepEqual((await listRuns(nb, shared)).runs, []);
    assert.deepEqual(await fs.readdir(path.dirname(named)), [], 'gone, no trace left');
    const home = await storeRun(nb, 'base', 5);
    assert.equal(await deleteRun(home, [shared]), true);
    assert.equal(await deleteRun(home, [shared]), false, 'already gone');
  });

  it('a named store that is a link: its runs are its runs', async () => {
    const { ws, nb, shared } = await workspace();
    const link = path.join(ws, 'store-link');
    await fs.symlink(shared, link);
    const dir = await storeRun(nb, 'l2', 6, link);
    assert.equal(await deleteRun(dir, [link]), true);
    const again = await storeRun(nb, 'l2', 7, shared);
    assert.equal(await deleteRun(path.join(link, path.relative(shared, again)), [shared]), true, 'reached through the link, the store named by its own path');
  });

  it('refuses anything else: other folders, a link out of a store, climbing out, the store itself', async () => {
    const { ws, nb, shared } = await workspace();
    const precious = path.join(ws, 'precious');
    await fs.mkdir(precious);
    await fs.writeFile(path.join(precious, 'result.json'), '{}');
    // A folder shaped like a run, outside every store.
    const outside = path.join(ws, 'elsewhere', 'runs', 'moons', 'l2', '20261125T101000Z-l2-8000');
    await fs.mkdir(outside, { recursive: true });
    await fs.writeFile(path.join(outside, 'result.json'), '{}');
    await assert.rejects(deleteRun(outside, [shared]), isNotRun);
    // A link inside a named store to a folder elsewhere.
    const cell = path.dirname(await storeRun(nb, 'l2', 8, shared));
    const trap = path.join(cell, '20261125T101100Z-l2-8000');
    await fs.symlink(precious, trap);
    await assert.rejects(deleteRun(trap, [shared]), isNotRun);
    // Paths that climb out of the store, and the store's own folders.
    await assert.rejects(deleteRun(path.join(cell, '..', '..', '..', '..', '..', 'precious'), [shared]), isNotRun);
    await assert.rejects(deleteRun(`${shared}/runs/moons/l2/../../../../../precious`, [shared]), isNotRun);
    for (const dir of [shared, path.join(shared, 'runs'), path.join(shared, 'runs', 'moons'), cell]) await assert.rejects(deleteRun(dir, [shared]), isNotRun, dir);
    // A named store that is not there names nothing.
    await assert.rejects(deleteRun(outside, [path.join(ws, 'elsewhere-missing'), path.join(ws, 'elsewhere', 'runs')]), isNotRun);
    assert.deepEqual(await fs.readdir(precious), ['result.json']);
    assert.deepEqual(await fs.readdir(outside), ['result.json']);
    assert.equal((await listRuns(nb, shared)).runs.length, 1, 'the store’s own run stays');
  });
});
