// The task is derived once, into the completed spec, and read from there: a cell whose
// data section names no task (a CSV file's target decides it, or blobs with classes: 2)
// gets its metric key in the run result, its decision boundary, its sweep's validation
// (stratified for classification, not for regression) and its sweep's statistics from
// the completed spec. The data set handed to them has its own `task` taken away, so a
// consumer that still read it would name the wrong metric, draw the wrong boundary or
// stratify a regression target value by value.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fsp from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import type { Dataset } from '../../../src/core/data/dataset';
import type { CompletedSpec } from '../../../src/core/experiment/experiment';
import { planRun } from '../../../src/core/runner/runPlan';
import { runInputs } from '../../../src/core/runner/runExperiment';
import { runSweep } from '../../../src/core/sweep/runSweep';
import { buildRunResult } from '../../../src/core/engine/runResult';
import { decisionBoundary } from '../../../src/core/engine/finalViews';
import { REPO_ROOT, testBackend } from '../helpers/backend';

const DATA_DIR = path.join(REPO_ROOT, 'data');
const readText = (p: string) => fsp.readFile(p, 'utf8');

/** 40 rows of two inputs, the target as `y(i)` gives it. */
function table(y: (i: number) => number): string {
  const rows = Array.from({ length: 40 }, (_, i) => `${Math.sin(i)},${Math.cos(i * 0.7)},${y(i)}`);
  return ['a,b,y', ...rows].join('\n') + '\n';
}

/** A grid cell over `data` (no task named), 3 folds, 2 alphas, a few epochs. */
function cell(name: string, data: string): string {
  return `name: ${name}
data: ${data}
model:
  - dense: 4
    activation: relu
    regularize: { l2: 0.001 }
  - dense: 1
train: { epochs: 4, batch: 8, lr: 0.01, seed: 2 }
grid:
  alpha: [1e-2, 1e-3]
  repeats: 1
  refine: 0
  validate: { folds: 3 }`;
}

const CELLS = [
  // A 0/1 target column: binary, with class 1 rare (6 of 40 rows: 4 or 5 of the 30 training rows).
  cell('csv-binary', '{ file: binary.csv, target: y, train: 30, shuffle: false }'),
  // A continuous target: regression.
  cell('csv-regression', '{ file: regression.csv, target: y, train: 30, shuffle: false }'),
  // Two blobs: binary (one sigmoid unit), not multiclass.
  cell('blobs-two', '{ source: blobs, classes: 2, samples: 40, train: 30, seed: 3 }'),
];

let dir: string;
let specs: Map<string, CompletedSpec>;

before(async () => {
  await testBackend();
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'regnb-task-'));
  await fsp.writeFile(path.join(dir, 'binary.csv'), table((i) => (i % 7 === 3 ? 1 : 0)));
  await fsp.writeFile(path.join(dir, 'regression.csv'), table((i) => 0.37 * i - 2 + Math.sin(3 * i)));
  const notebookPath = path.join(dir, 'nb.regnb');
  const plan = await planRun(CELLS.map((source, index) => ({ source, index })), { notebookPath, dataDir: DATA_DIR, readText });
  assert.deepEqual(plan.problems, []);
  specs = new Map(plan.cells.map((c) => [c.name, c.spec!]));
});
after(() => fsp.rm(dir, { recursive: true, force: true }));

/** The cell's data set as the runner loads it, with its own task taken away. */
async function dataWithoutTask(spec: CompletedSpec): Promise<Dataset> {
  const { dataset } = await runInputs(spec, { notebookPath: path.join(dir, 'nb.regnb'), dataDir: DATA_DIR, readText });
  const { task: _task, ...rest } = dataset;
  return rest as Dataset;
}

describe('the completed task, read by every consumer', () => {
  for (const name of ['csv-binary', 'blobs-two']) {
    it(`${name}: binary without naming it: accuracy keys, stratified folds, a probability boundary`, async () => {
      const spec = specs.get(name)!;
      assert.deepEqual([spec.data.task, spec.task, spec.metric, spec.loss], [undefined, 'binary', 'accuracy', 'binary-crossentropy']);
      const data = await dataWithoutTask(spec);
      const sweep = await runSweep(spec, data);
      const grid = sweep.grid;
      // Sweep validation: the folds are planned per class.
      if (name === 'csv-binary') {
        const rare = Array.from(data.yTrain).filter((v) => v === 1).length;
        assert.ok(rare === 4 || rare === 5, `${rare} rows of class 1`);
        assert.deepEqual(grid.validate, { kind: 'folds', folds: 2 });
        assert.match(grid.warnings!.join('\n'), new RegExp(`2 folds instead of 3: the rarest class has ${rare} training rows`));
      } else {
        assert.deepEqual(grid.validate, { kind: 'folds', folds: 3 });
      }
      // Every point and the refit model's test score are keyed by accuracy (finalOf), and the sweep's statistics read it beside the loss.
      assert.equal(grid.runs.length, 2 * (grid.validate as { folds: number }).folds);
      for (const p of grid.runs) assert.deepEqual(Object.keys(p.final.test).sort(), ['accuracy', 'loss']);
      for (const s of grid.stats!) assert.equal(s.beside?.key, 'validation.accuracy');
      assert.ok(grid.test && Number.isFinite(grid.test.accuracy));
      // The run result's final scores.
      const rep = sweep.representative!;
      const result = buildRunResult(spec, data, rep, { runId: 'r', startedAt: '', backend: 'wasm', store: null });
      assert.deepEqual(Object.keys(result.final.train).sort(), ['accuracy', 'loss']);
      assert.deepEqual(Object.keys(result.final.test).sort(), ['accuracy', 'loss']);
      // The decision boundary: the sigmoid's probability, not a class index.
      const boundary = decisionBoundary(rep.network, data, spec.task)!;
      assert.equal(boundary.kind, 'probability');
      assert.ok(boundary.values.every((v) => v >= 0 && v <= 1));
      assert.ok(boundary.values.some((v) => v > 0 && v < 1), 'probabilities, not 0/1 classes');
      rep.network.model.dispose();
    });
  }

  it('csv-regression: regression without naming it: R² keys, folds not stratified by target value, no boundary', async () => {
    const spec = specs.get('csv-regression')!;
    assert.deepEqual([spec.data.task, spec.task, spec.metric, spec.loss], [undefined, 'regression', 'r2', 'mse']);
    const data = await dataWithoutTask(spec);
    // Every training target is its own value: stratified per value, no fold could be planned.
    assert.equal(new Set(data.yTrain).size, data.nTrain);
    const sweep = await runSweep(spec, data);
    const grid = sweep.grid;
    assert.deepEqual(grid.validate, { kind: 'folds', folds: 3 });
    assert.equal(grid.warnings, undefined);
    assert.equal(grid.runs.length, 6);
    for (const p of grid.runs) assert.deepEqual(Object.keys(p.final.test).sort(), ['loss', 'r2']);
    for (const s of grid.stats!) assert.equal(s.beside?.key, 'validation.r2');
    assert.ok(grid.test && 'r2' in grid.test && !('accuracy' in grid.test));
    const rep = sweep.representative!;
    const result = buildRunResult(spec, data, rep, { runId: 'r', startedAt: '', backend: 'wasm', store: null });
    assert.deepEqual(Object.keys(result.final.test).sort(), ['loss', 'r2']);
    assert.equal(decisionBoundary(rep.network, data, spec.task), undefined, 'no decision boundary for a regression');
    rep.network.model.dispose();
  });
});
