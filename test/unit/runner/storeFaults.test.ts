// A store that cannot be written (read-only, full, a file where a folder should be)
// costs only the run it hits: every other result is still stored and returned, and the
// failure is one line in that run's `error`, not a raw errno dump or a lost notebook.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as fsp from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { checkNotebookFile, runNotebook } from '../../../src/core/runner/runNotebook';
import { cellDir, listRuns } from '../../../src/core/store/runStore';
import { REPO_ROOT, testBackend } from '../helpers/backend';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const live = require('fs/promises') as typeof fsp;
const original = { mkdir: live.mkdir, open: live.open };
afterEach(() => Object.assign(live, original));

const cellSource = (name: string) => `name: ${name}
data: { source: moons, samples: 40, noise: 0.2, seed: 1, train: 20 }
model:
  - dense: 4
  - dense: 1
train: { epochs: 3, lr: 0.01 }
`;

let dir: string;
let nb: string;
before(async () => {
  await testBackend();
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'regnb-store-faults-'));
});
after(() => fsp.rm(dir, { recursive: true, force: true }));

async function runBoth(name: string) {
  nb = path.join(dir, `${name}.regnb`);
  await fsp.writeFile(nb, JSON.stringify({ regnb: 1, metadata: {}, cells: ['a', 'b'].map((n) => ({ kind: 'experiment', source: cellSource(n) })) }));
  const readText = (p: string) => fsp.readFile(p, 'utf8');
  const dataDir = path.join(REPO_ROOT, 'data');
  const checked = await checkNotebookFile(nb, { dataDir, readText });
  assert.deepEqual(checked.problems, []);
  return runNotebook(checked, { notebookPath: nb, dataDir, backend: 'wasm', readText });
}

const errno = (code: string, text: string, p: string) => Object.assign(new Error(`${code}: ${text}, '${p}'`), { code, path: p });

describe('run store faults', () => {
  it('a read-only cell folder: that run is returned unstored with one line; the other run is stored', async () => {
    live.mkdir = (async (p: string, o?: unknown) => {
      if (p === cellDir(nb, 'a')) throw errno('EROFS', 'read-only file system, mkdir', p);
      return original.mkdir(p, o as never);
    }) as typeof fsp.mkdir;
    const [a, b] = await runBoth('readonly');
    assert.equal(a.status, 'completed', 'the training itself succeeded');
    assert.equal(a.store, null);
    assert.equal(a.error, 'not stored in the run store: .regnb/runs/readonly/a/' + a.runId + ': the file system is read-only');
    assert.equal(a.history.epoch.length, 3, 'the trained result is kept for the notebook');
    assert.equal(b.status, 'completed');
    assert.equal(b.error, null);
    const listing = await listRuns(nb);
    assert.deepEqual(listing.runs.map((r) => r.cell), ['b']);
  });

  it('a full disk while writing a run: no half-written run folder, the other run is stored', async () => {
    live.open = (async (p: string, ...rest: unknown[]) => {
      if (String(p).includes(`${path.sep}b${path.sep}.`) && String(p).endsWith('weights.bin')) throw errno('ENOSPC', 'no space left on device, open', p);
      return original.open(p, ...(rest as [never]));
    }) as typeof fsp.open;
    const [a, b] = await runBoth('full');
    assert.equal(a.error, null);
    assert.equal(b.store, null);
    assert.match(b.error!, /^not stored in the run store: \.regnb\/runs\/full\/b\/\S+: no space left on the device$/);
    // Nothing of b's run is left: no folder, no hidden temporary one.
    assert.deepEqual(await fsp.readdir(cellDir(nb, 'b')), []);
    assert.deepEqual((await listRuns(nb)).runs.map((r) => r.cell), ['a']);
  });

  it('a file where the store folder should be: every run is returned, each with one line', async () => {
    const [a, b] = await (async () => {
      nb = path.join(dir, 'blocked.regnb');
      await fsp.mkdir(path.join(dir, '.regnb', 'runs'), { recursive: true });
      await fsp.writeFile(path.join(dir, '.regnb', 'runs', 'blocked'), 'not a folder');
      return runBoth('blocked');
    })();
    for (const r of [a, b]) {
      assert.equal(r.status, 'completed');
      assert.match(r.error!, /^not stored in the run store: \.regnb\/runs\/blocked\/[ab]\/\S+: a part of the path is a file, not a folder$/);
    }
  });
});
