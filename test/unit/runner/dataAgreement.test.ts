// The spec a cell runs with is completed for the task its CSV file had when the plan read
// it, and the trainer takes its objective from that spec alone: a file edited since (its
// target now continuous) must stop the run before training, with an error naming the
// cell, its place and the file, not train it with the wrong loss.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fsp from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { checkNotebookFile, runNotebook } from '../../../src/core/runner/runNotebook';
import { dataDisagreement } from '../../../src/core/runner/dataAgreement';
import { REPO_ROOT, testBackend } from '../helpers/backend';
import { sweepSpec } from '../helpers/specs';

const CELLS = [
  'name: base\ndata: {source: moons}\nmodel: [{dense: 4}, {dense: 1}]\ntrain: {epochs: 2}',
  'name: classes\ndata: {file: table.csv, target: y}\nmodel: [{dense: 4}, {dense: 3}]\ntrain: {epochs: 2}',
];

/** 30 rows of two inputs; the target as `y(i)` gives it. */
function table(y: (i: number) => number | string): string {
  const rows = Array.from({ length: 30 }, (_, i) => `${Math.sin(i)},${Math.cos(i * 0.7)},${y(i)}`);
  return ['a,b,y', ...rows].join('\n') + '\n';
}

let dir: string;
before(async () => {
  await testBackend();
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'regnb-agreement-'));
});
after(() => fsp.rm(dir, { recursive: true, force: true }));

describe('data against the completed spec', () => {
  it('a CSV target turned continuous after the check fails the cell before training, naming cell, place and file', async () => {
    const nb = path.join(dir, 'nb.regnb');
    await fsp.writeFile(path.join(dir, 'table.csv'), table((i) => ['red', 'green', 'blue'][i % 3]));
    await fsp.writeFile(nb, JSON.stringify({ regnb: 1, metadata: {}, cells: CELLS.map((source) => ({ kind: 'experiment', source })) }));
    const readText = (p: string) => fsp.readFile(p, 'utf8');
    const dataDir = path.join(REPO_ROOT, 'data');
    const checked = await checkNotebookFile(nb, { dataDir, readText, cells: ['classes'] });
    assert.deepEqual(checked.problems, []);
    const spec = checked.specs.find((s) => s.name === 'classes')!;
    assert.equal(spec.task, 'multiclass');
    assert.equal(spec.classes, 3);

    // Edited between the check and the run: the target column is continuous now.
    await fsp.writeFile(path.join(dir, 'table.csv'), table((i) => Math.sin(i * 1.3) * 2.5));
    const [result] = await runNotebook(checked, { notebookPath: nb, dataDir, backend: 'wasm', readText });
    assert.equal(result.name, 'classes');
    assert.equal(result.status, 'failed');
    assert.equal(result.error, "cell 'classes' (cell 2): data file 'table.csv' now holds a regression task but the cell was checked for a multiclass task with 3 classes: run it again to check it anew");
    assert.deepEqual(result.history.epoch, [], 'nothing trained');
  });

  it('agrees silently; without a place the message names cell and data source alone', () => {
    const spec = sweepSpec({ alpha: [1e-3], repeats: 1, refine: 0, select: 'test.accuracy' });
    const moons = { ...spec, data: { ...spec.data, source: 'moons' as const } };
    assert.equal(dataDisagreement(moons, { task: 'binary', classes: 2 }), undefined);
    assert.equal(
      dataDisagreement(moons, { task: 'multiclass', classes: 4 }),
      "cell 'sweep': data source 'moons' now holds a multiclass task with 4 classes but the cell was checked for a binary task: run it again to check it anew",
    );
  });
});
