// A compare cell reads the newest run of each cell it names: when that run's
// result.json is damaged, the intact run before it is used instead of failing.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareCells } from '../../../src/core/runner/compareCell';
import { runDir, writeRun } from '../../../src/core/store/runStore';
import { runId } from '../../../src/core/store/runId';
import { makeRun } from '../notebook/runFixture';

async function store(nb: string, cell: string, iso: string): Promise<{ dir: string; id: string }> {
  const date = new Date(iso);
  const id = runId(cell, date, () => 0.5);
  const dir = runDir(nb, cell, id);
  await writeRun(dir, makeRun({ name: cell, runId: id, startedAt: date.toISOString() }));
  return { dir, id };
}

/** Damages result.json keeping its size, so the summary beside it still lists the run. */
function damage(dir: string): void {
  const file = path.join(dir, 'result.json');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `#${text.slice(1)}`);
}

describe('compare cells over a damaged store', () => {
  it('skips a damaged newest result.json for the intact older run', async () => {
    const nb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-compare-')), 'nb.regnb');
    const older = await store(nb, 'a', '2026-11-25T10:00:00Z');
    const newer = await store(nb, 'a', '2026-11-25T11:00:00Z');
    const b = await store(nb, 'b', '2026-11-25T10:30:00Z');
    assert.deepEqual((await compareCells(nb, ['a', 'b'])).runs.map((r) => r.runId), [newer.id, b.id]);
    damage(newer.dir);
    assert.deepEqual((await compareCells(nb, ['a', 'b'])).runs.map((r) => r.runId), [older.id, b.id]);
  });

  it('says which files are unreadable when no run of a cell can be read', async () => {
    const nb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-compare-')), 'nb.regnb');
    const only = await store(nb, 'a', '2026-11-25T10:00:00Z');
    damage(only.dir);
    await assert.rejects(compareCells(nb, ['a']), (e: Error) => /^nothing to compare yet for a: run that cell first \(unreadable: .*result\.json: /.test(e.message));
  });
});
