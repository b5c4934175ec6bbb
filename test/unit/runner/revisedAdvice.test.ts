// A sweep later in the notebook revises an earlier run's advice, and the run store shows
// it: runNotebook (the CLI's path) stores guidance.json beside the run, result.json keeps
// the advice made at run time, and the store's readers show the revision.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fsp from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { checkNotebookFile, runNotebook } from '../../../src/core/runner/runNotebook';
import { listRuns, readRun, RESULT_FILE } from '../../../src/core/store/runStore';
import { REVISION_FILE } from '../../../src/core/store/revision';
import { REPO_ROOT, testBackend } from '../helpers/backend';

// A 64-unit network on 20 noisy rows overfits at once (its test loss turns upward while
// the training loss falls): evidence for a stronger penalty, until the sweep of the same
// data, network and penalty form chooses no stronger one.
const cell = (name: string, grid = '') => `name: ${name}
data: { source: moons, samples: 60, noise: 0.3, seed: 2, train: 20 }
model:
  - dense: 64
  - dense: 1
regularize: { l2: 1e-6 }
train: { epochs: 400, lr: 0.01, seed: 1 }
${grid}`;

let dir: string;
before(async () => {
  await testBackend();
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'regnb-revised-'));
});
after(() => fsp.rm(dir, { recursive: true, force: true }));

test('runNotebook stores the advice a later sweep revised; the store shows it, result.json keeps the run-time advice', async () => {
  const nb = path.join(dir, 'revised.regnb');
  const cells = [cell('weak'), cell('sweep', 'grid: { alpha: [1e-6, 1e-7], rule: best }\n')];
  await fsp.writeFile(nb, JSON.stringify({ regnb: 1, metadata: {}, cells: cells.map((source) => ({ kind: 'experiment', source })) }));
  const readText = (p: string) => fsp.readFile(p, 'utf8');
  const dataDir = path.join(REPO_ROOT, 'data');
  const checked = await checkNotebookFile(nb, { dataDir, readText });
  assert.deepEqual(checked.problems, []);
  const [weak, sweep] = await runNotebook(checked, { notebookPath: nb, dataDir, backend: 'wasm', readText });
  assert.ok(sweep!.grid!.best!.alpha <= 1e-6);

  const over = weak!.guidance!.findings.find((f) => f.kind === 'overfitting')!;
  assert.match(over.message, /The sweep 'sweep' of the same data and network chose alpha 1e-[67] .*the evidence does not favour a stronger penalty/);
  assert.match(weak!.guidance!.revised!.atRun.find((f) => f.kind === 'overfitting')!.message, /A stronger penalty .* should help/);

  const runFolder = path.join(dir, weak!.store!);
  const stored = JSON.parse(await fsp.readFile(path.join(runFolder, RESULT_FILE), 'utf8'));
  assert.match(stored.guidance.findings.find((f: { kind: string }) => f.kind === 'overfitting').message, /A stronger penalty .* should help/, 'result.json: the advice made at run time');
  assert.ok((await fsp.readdir(runFolder)).includes(REVISION_FILE));
  assert.deepEqual((await readRun(runFolder)).guidance!.findings, weak!.guidance!.findings, 'the store reads what the notebook shows');
  const listed = (await listRuns(nb)).runs.find((r) => r.cell === 'weak')!;
  assert.ok(listed.advice.some((a) => a.message === over.message));
  assert.ok(!(await fsp.readdir(path.join(dir, sweep!.store!))).includes(REVISION_FILE), 'a run whose advice did not change gets no revision');
});
