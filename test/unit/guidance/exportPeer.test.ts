// The exported scripts held against RegNB: the PyTorch script of an L2 moons cell, run by
// PyTorch itself on RegNB's exact rows (`regnb export --data`), ends within 10% of
// RegNB's final test loss (its own initialization); the Keras script is valid Python
// whose loss matches its output unit, for each task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { parseCell } from '../../../src/core/cell/parseCell';
import { kerasScript } from '../../../src/core/guidance/scriptExport';
import type { CompletedSpec } from '../../../src/core/experiment/experiment';
import type { RunResult } from '../../../src/core/run/result';
import { PY, peersOrSkip } from '../helpers/peers';


const L2_MOONS = 'name: l2\ndata: {source: moons, samples: 600, noise: 0.2, seed: 3, train: 0.5}\nmodel:\n  - dense: 32\n  - dense: 1\nregularize: {l2: 0.003}\ntrain: {epochs: 100, batch: 32, lr: 0.01, seed: 1}';

test('the exported PyTorch script of an L2 moons cell ends within 10% of RegNB\'s final test loss', async (t) => {
  if (!peersOrSkip(t, ['torch'])) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-export-'));
  const nb = path.join(dir, 'nb.regnb');
  fs.writeFileSync(nb, JSON.stringify({ regnb: 1, metadata: {}, cells: [{ kind: 'experiment', source: L2_MOONS }] }));
  assert.equal(await main(['run', nb, '--backend', 'wasm', '--workers', '1', '--quiet', '--json', path.join(dir, 'r.json')]), 0);
  const [regnb] = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as RunResult[];

  const script = path.join(dir, 'l2.py');
  assert.equal(await main(['export', nb, '--cell', 'l2', '--to', 'pytorch', '--out', script, '--data', path.join(dir, 'l2.csv')]), 0);
  const run = spawnSync(PY, [script], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  const torch = JSON.parse(lines[lines.length - 1]) as { train: { loss: number; accuracy: number }; test: { loss: number; accuracy: number }; penalty: number };
  assert.deepEqual(Object.keys(torch), ['train', 'test', 'penalty'], 'one JSON line shaped like RegNB\'s final');
  assert.deepEqual(Object.keys(torch.test), ['loss', 'accuracy']);
  const gap = Math.abs(torch.test.loss - regnb.final.test.loss) / regnb.final.test.loss;
  t.diagnostic(`test loss: RegNB ${regnb.final.test.loss.toFixed(4)}, PyTorch ${torch.test.loss.toFixed(4)} (${(100 * gap).toFixed(1)}% apart)`);
  assert.ok(gap <= 0.1, `PyTorch ${torch.test.loss} vs RegNB ${regnb.final.test.loss}: ${(100 * gap).toFixed(1)}% apart`);
});

const TASKS: [string, string, RegExp, RegExp][] = [
  ['binary', 'data: {source: moons}\nmodel: [{dense: 8}, {dense: 1}]', /layers\.Dense\(1, activation="sigmoid"/, /loss="binary_crossentropy"/],
  ['multiclass', 'data: {source: iris}\nmodel: [{dense: 8}, {dense: 3}]', /layers\.Dense\(3, activation="softmax"/, /loss="sparse_categorical_crossentropy"/],
  ['regression', 'data: {source: diabetes}\nmodel: [{dense: 8}, {dense: 1}]', /layers\.Dense\(1, activation="linear"/, /loss="mse"/],
];

for (const [task, source, unit, loss] of TASKS) {
  test(`the exported Keras script compiles and its loss matches its output unit: ${task}`, (t) => {
    const spec = parseCell(`${source}\nregularize: {l2: 0.01}`, { index: 0 }).spec as CompletedSpec;
    assert.equal(spec.task, task);
    const script = kerasScript(spec);
    assert.match(script, unit);
    assert.match(script, loss);
    assert.equal((script.match(/loss="/g) ?? []).length, 1, 'one loss');
    if (!peersOrSkip(t, [''])) return;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-keras-')), 'cell.py');
    fs.writeFileSync(file, script);
    const r = spawnSync(PY, ['-m', 'py_compile', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
}
