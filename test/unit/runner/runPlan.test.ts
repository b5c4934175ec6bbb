// One run plan for the CLI and the extension: the same checks (the CSV file read
// included), the same cells added, the same order, whichever way the cells are chosen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planRun } from '../../../src/core/runner/runPlan';
import { checkNotebookFile } from '../../../src/core/runner/runNotebook';
import { REPO_ROOT } from '../helpers/backend';

const DATA_DIR = path.join(REPO_ROOT, 'data');
const readText = (p: string) => fs.promises.readFile(p, 'utf8');

const CELLS = [
  'name: base\ndata: {source: moons}\nmodel: [{dense: 4}, {dense: 1}]',
  'name: bad-csv\ndata: {file: table.csv, target: y}\nmodel: [{dense: 4}, {dense: 1}]',
  'name: tuned\ndata: {source: moons}\nmodel: [{dense: 4}, {dense: 1}]\ntrain: {from: base}',
  'name: side\ncompare: [base, tuned]',
];

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-plan-'));
  fs.writeFileSync(path.join(dir, 'table.csv'), 'a,b,y\n1,2,0\n3,oops,1\n4,5,0\n');
  const cells = CELLS.map((source) => ({ kind: 'experiment', source }));
  fs.writeFileSync(path.join(dir, 'nb.regnb'), JSON.stringify({ regnb: 1, metadata: {}, cells }));
  return dir;
}

describe('run plan', () => {
  it('reads CSV files for the extension (cells chosen by index) exactly as for the CLI (by name)', async () => {
    const dir = workspace();
    const notebookPath = path.join(dir, 'nb.regnb');
    const editor = await planRun(CELLS.map((source, index) => ({ source, index })), { notebookPath, dataDir: DATA_DIR, readText, want: { indexes: [1] } });
    const cli = await checkNotebookFile(notebookPath, { dataDir: DATA_DIR, readText, cells: ['bad-csv'] });
    const csvProblems = editor.problems.filter((p) => p.cell === 'bad-csv');
    assert.equal(csvProblems.length, 1, JSON.stringify(editor.problems));
    assert.match(csvProblems[0].message, /table\.csv/);
    assert.deepEqual(cli.problems, editor.problems);
    // The extension shows the problem on the cell instead of training it.
    assert.deepEqual(editor.steps.map((s) => [s.name, !!s.spec]), [['bad-csv', false]]);
  });

  it('adds cells that never ran before the ones that need them, and runs compare cells after', async () => {
    const dir = workspace();
    const notebookPath = path.join(dir, 'nb.regnb');
    const sources = CELLS.map((source, index) => ({ source, index }));
    const opts = { notebookPath, dataDir: DATA_DIR, readText, hasRun: async () => false };
    const fromTuned = await planRun(sources, { ...opts, want: { indexes: [2] } });
    assert.deepEqual(fromTuned.steps.map((s) => s.name), ['base', 'tuned']);
    // `regnb run --cell side` selects a compare cell: its cells without a run come first.
    const compare = await planRun(sources, { ...opts, want: { names: ['side'] } });
    assert.deepEqual(compare.steps.map((s) => s.name), ['base', 'tuned', 'side']);
    assert.deepEqual(compare.steps[2].compare, ['base', 'tuned']);
    const ran = await planRun(sources, { ...opts, hasRun: async () => true, want: { names: ['side'] } });
    assert.deepEqual(ran.steps.map((s) => s.name), ['side']);
    const missing = await planRun(sources, { ...opts, want: { names: ['nope'] } });
    assert.match(missing.problems.at(-1)!.message, /--cell nope: the notebook has no experiment or compare cell/);
  });

  it('the controller plans through planRun and re-implements none of it', () => {
    const controller = fs.readFileSync(path.join(REPO_ROOT, 'src/extension/controller.ts'), 'utf8');
    assert.match(controller, /planRun\(/);
    for (const own of ['checkNotebook', 'runOrder', 'latestRun', 'loadTable', 'completeForTask']) assert.ok(!controller.includes(own), `controller.ts uses ${own}`);
  });
});
