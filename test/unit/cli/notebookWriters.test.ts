import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { writeNotebookOutputs } from '../../../src/cli/writeOutputs';
import { parseNotebook } from '../../../src/core/notebook/parse';
import { serializeNotebook } from '../../../src/core/notebook/serialize';
import type { OutputUpdate } from '../../../src/core/notebook/mergeOutputs';
import { withFileLock } from '../../../src/core/store/fileLock';

let tmp: string;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regnb-writers-'));
});
after(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const CELLS = 8;

async function notebookOf(name: string): Promise<string> {
  const file = path.join(tmp, name);
  const cells = Array.from({ length: CELLS }, (_, i) => ({ kind: 'experiment' as const, source: `name: c${i}\n`, extra: {} }));
  await fs.writeFile(file, serializeNotebook({ regnb: 1, metadata: {}, cells, extra: {} }));
  return file;
}

function updateOf(i: number): OutputUpdate[] {
  return [{ index: i, kind: 'experiment', source: `name: c${i}\n`, label: `c${i}`, outputs: [{ mime: 'application/x-regnb-run+json', data: { status: 'completed', cell: i } }] }];
}

async function outputsOf(file: string): Promise<unknown[]> {
  const doc = parseNotebook(await fs.readFile(file, 'utf8'), file);
  return doc.cells.map((c) => (c.outputs?.[0]?.data as { cell?: number } | undefined)?.cell);
}

describe('writers of one notebook at once', () => {
  it('eight runs writing their cells at the same moment: every output is kept', async () => {
    const file = await notebookOf('eight.regnb');
    // Started together, every writer reads the same text before any writes: without the
    // lock each rename drops the outputs of the writers before it.
    const results = await Promise.all(Array.from({ length: CELLS }, (_, i) => writeNotebookOutputs(file, file, updateOf(i))));
    assert.deepEqual(results.map((r) => r.failure), Array(CELLS).fill(undefined));
    assert.deepEqual(await outputsOf(file), Array.from({ length: CELLS }, (_, i) => i));
    assert.deepEqual((await fs.readdir(tmp)).filter((f) => f.startsWith('eight')), ['eight.regnb'], 'no lock or temporary file left');
  });

  it('a writer waits while another holds the lock, then merges onto what that one wrote', async () => {
    const file = await notebookOf('held.regnb');
    let waiting: Promise<unknown> | undefined;
    await withFileLock(file, async () => {
      waiting = writeNotebookOutputs(file, file, updateOf(1));
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(await outputsOf(file), Array(CELLS).fill(undefined), 'nothing written while the lock is held');
      // The holder writes its own output while the other waits.
      const doc = parseNotebook(await fs.readFile(file, 'utf8'), file);
      doc.cells[0] = { ...doc.cells[0], outputs: updateOf(0)[0].outputs };
      await fs.writeFile(file, serializeNotebook(doc));
    });
    assert.equal(((await waiting) as { failure?: string }).failure, undefined);
    assert.deepEqual((await outputsOf(file)).slice(0, 2), [0, 1]);
  });

  it('a lock left by a process that died (not refreshed for a minute) is taken over', async () => {
    const file = await notebookOf('stale.regnb');
    const lock = `${file}.lock`;
    await fs.mkdir(lock);
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lock, old, old);
    const r = await writeNotebookOutputs(file, file, updateOf(3));
    assert.equal(r.failure, undefined);
    assert.equal((await outputsOf(file))[3], 3);
    await assert.rejects(fs.stat(lock), { code: 'ENOENT' });
  });

  it('a writer that outwaits its retries while a live process holds the lock writes nothing and says which lock, keeping what it had', async () => {
    const file = await notebookOf('busy.regnb');
    const before = await fs.readFile(file, 'utf8');
    let r: Awaited<ReturnType<typeof writeNotebookOutputs>> | undefined;
    await withFileLock(file, async () => {
      r = await writeNotebookOutputs(file, file, updateOf(2), { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 });
    });
    assert.match(r?.failure ?? '', /^the notebook was not written: .*busy\.regnb: another writer kept it locked \(.*busy\.regnb\.lock\); the runs are in the run store$/);
    assert.deepEqual(r?.conflicts, []);
    assert.equal(await fs.readFile(file, 'utf8'), before, 'the file is as it was');
    await assert.rejects(fs.stat(`${file}.lock`), { code: 'ENOENT' }, 'the holder released its lock');
  });
});
