// The CLI as users run it: a separate process, its exit status, what it prints and
// what it writes (and does not write).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { REPO_ROOT, testBackend } from '../helpers/backend';

const CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
// tsx resolves from the working directory otherwise, and the tests run in temp folders.
const TSX = pathToFileURL(require.resolve('tsx')).href;

function regnb(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, REGNB_TEST: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A small sweep: 4 alphas x 2 repeats x 5 folds of a 16-unit network, 10 epochs each. */
const SWEEP = `name: sweep
data: { source: moons, samples: 60, noise: 0.2, seed: 1, train: 30 }
model:
  - dense: 16
  - dense: 1
regularize: { l2: 0.01 }
train: { epochs: 10, lr: 0.01 }
grid: { alpha: [1e-1, 1e-2, 1e-3, 1e-4], repeats: 2 }`;

function notebook(cells: { kind: string; source: string }[]): string {
  return `${JSON.stringify({ regnb: 1, metadata: {}, cells }, null, 2)}\n`;
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-cli-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const BASE = `name: base
data: { source: moons, samples: 60, noise: 0.2, seed: 1, train: 30 }
model:
  - dense: 16
  - dense: 1
train: { epochs: 15, lr: 0.01 }`;

const TUNED = `name: tuned
data: { source: moons, samples: 60, noise: 0.2, seed: 1, train: 30 }
model:
  - dense: 16
  - dense: 1
regularize: { l2: 0.01 }
train: { epochs: 5, lr: 0.01, from: base }`;

describe('regnb CLI', () => {
  it('check: a valid notebook exits 0', () => {
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'markdown', source: '# hi' }, { kind: 'experiment', source: BASE }]) });
    const r = regnb(['check', 'nb.regnb'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 experiment cell, no errors/);
  });

  it('check: the tutorial notebook is valid', () => {
    const r = regnb(['check', path.join(REPO_ROOT, 'examples/weight-regularization.regnb')], REPO_ROOT);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /13 experiment cells, no errors/);
  });

  it('check: problems print as FILE:CELL:LINE:COLUMN: message and exit 2', () => {
    const bad = BASE.replace('epochs: 15', 'epochs: -3').replace('  - dense: 16', '  - dense: 16\n    activaton: relu');
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'markdown', source: '# hi' }, { kind: 'experiment', source: bad }]) });
    const r = regnb(['check', 'nb.regnb'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^nb\.regnb:base:5:5: .*activaton.*did you mean 'activation'/m);
    assert.match(r.stderr, /^nb\.regnb:base:7:18: epochs must be an integer >= 1, got -3$/m);
  });

  it('check: a corrupt notebook file exits 2 with the JSON line and column', () => {
    const dir = workspace({ 'nb.regnb': '{\n  "regnb": 1,\n  "cells": [ oops ]\n}\n' });
    const r = regnb(['check', 'nb.regnb'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^nb\.regnb:-:3:\d+: [^/]*$/m, 'the location is given once');
  });

  it('run: an invalid notebook trains nothing and writes nothing', () => {
    const text = notebook([{ kind: 'experiment', source: BASE }, { kind: 'experiment', source: TUNED.replace('from: base', 'from: missing') }]);
    const dir = workspace({ 'nb.regnb': text });
    const r = regnb(['run', 'nb.regnb', '--json', 'out.json'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /tuned:\d+:\d+: .*missing/);
    assert.equal(fs.readFileSync(path.join(dir, 'nb.regnb'), 'utf8'), text, 'the notebook is untouched');
    assert.equal(fs.existsSync(path.join(dir, '.regnb')), false, 'no run store');
    assert.equal(fs.existsSync(path.join(dir, 'out.json')), false);
  });

  it('run: trains in dependency order, writes outputs, JSON, charts and the run store; the model loads in tfjs', async () => {
    // `tuned` comes first in the notebook but starts from `base`.
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'experiment', source: TUNED }, { kind: 'markdown', source: 'text' }, { kind: 'experiment', source: BASE }]) });
    const r = regnb(['run', 'nb.regnb', '--out', 'new/folder/done.regnb', '--json', 'results.json', '--charts', 'charts'], dir);
    assert.equal(r.code, 0, r.stderr);
    const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8'));
    assert.deepEqual(results.map((x: { name: string }) => x.name), ['base', 'tuned']);
    assert.equal(results[1].from.cell, 'base');
    assert.equal(results[1].from.runId, results[0].runId);
    const done = JSON.parse(fs.readFileSync(path.join(dir, 'new/folder/done.regnb'), 'utf8'));
    assert.equal(done.cells[0].outputs[0].mime, 'application/vnd.regnb.run+json');
    assert.equal(done.cells[0].outputs[0].data.runId, results[1].runId);
    assert.equal(done.cells[2].outputs[0].data.history.epoch.length, 15);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'nb.regnb'), 'utf8')).cells[0].outputs, undefined, '--out leaves the source notebook alone');

    const store = path.join(dir, results[0].store);
    for (const f of ['result.json', 'history.csv', 'model.json', 'weights.bin']) assert.ok(fs.existsSync(path.join(store, f)), f);
    const csv = fs.readFileSync(path.join(store, 'history.csv'), 'utf8').trim().split('\n');
    assert.equal(csv.length, 16);
    const charts = fs.readdirSync(path.join(dir, 'charts'));
    for (const name of ['base', 'tuned']) {
      assert.ok(charts.some((f) => f.startsWith(name) && f.endsWith('.svg')), `${name} svg`);
      assert.ok(charts.some((f) => f.startsWith(name) && f.endsWith('.png')), `${name} png`);
    }

    await testBackend();
    const modelJson = JSON.parse(fs.readFileSync(path.join(store, 'model.json'), 'utf8'));
    const weights = fs.readFileSync(path.join(store, 'weights.bin'));
    const model = await tfl.loadLayersModel(tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }));
    const p = (model.predict(tf.tensor2d([[0, 0]])) as tf.Tensor).dataSync()[0];
    assert.ok(p > 0 && p < 1, 'a sigmoid output');
  });

  it('run: a chart file that cannot be written costs its run\'s charts only, named in one line', () => {
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'experiment', source: BASE }, { kind: 'experiment', source: TUNED }]) });
    // A folder where base's loss chart would go: its PNG's write fails.
    fs.mkdirSync(path.join(dir, 'charts/base-loss.png'), { recursive: true });
    const r = regnb(['run', 'nb.regnb', '--json', 'results.json', '--charts', 'charts'], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stderr.split('\n').filter((l) => / were not written/.test(l));
    assert.deepEqual(lines, [`regnb: base: the charts were not written: ${path.join('charts', 'base-loss.png')}: it is a folder, not a file`]);
    // Both runs trained and were written; tuned's charts all are, and base's first SVG.
    const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8'));
    assert.deepEqual(results.map((x: { name: string; status: string }) => [x.name, x.status]), [['base', 'completed'], ['tuned', 'completed']]);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'nb.regnb'), 'utf8')).cells[1].outputs[0].data.runId, results[1].runId);
    const charts = fs.readdirSync(path.join(dir, 'charts'));
    assert.ok(['loss', 'norms', 'metrics'].every((id) => charts.includes(`tuned-${id}.svg`) && charts.includes(`tuned-${id}.png`)), charts.join(', '));
    assert.ok(charts.includes('base-loss.svg'), charts.join(', '));
    assert.ok(charts.every((f) => !f.startsWith('.')), `no temporary file is left: ${charts.join(', ')}`);
  });

  it('run: a compare cell gets the latest runs of the cells it names', () => {
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'experiment', source: 'compare: [base, tuned]' }, { kind: 'experiment', source: BASE }, { kind: 'experiment', source: TUNED }]) });
    const r = regnb(['run', 'nb.regnb', '--json', 'out.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const results = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'));
    const out = JSON.parse(fs.readFileSync(path.join(dir, 'nb.regnb'), 'utf8')).cells[0].outputs[0];
    assert.equal(out.mime, 'application/vnd.regnb.compare+json', JSON.stringify(out.data));
    assert.deepEqual(out.data.runs.map((x: { runId: string }) => x.runId), results.map((x: { runId: string }) => x.runId));
  });

  it('run: a diverged run exits 1 and names the epoch', () => {
    const wild = `name: wild
data: { source: regression, samples: 60, features: 4, informative: 2, train: 30 }
model:
  - dense: 1
train: { epochs: 200, optimizer: sgd, lr: 100 }`;
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'experiment', source: wild }]) });
    const r = regnb(['run', 'nb.regnb', '--json', '-'], dir);
    assert.equal(r.code, 1, r.stderr);
    const [result] = JSON.parse(r.stdout);
    assert.equal(result.status, 'diverged');
    assert.match(result.error, /epoch \d+/);
  });

  it('run: an unknown --cell is an invalid invocation', () => {
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'experiment', source: BASE }]) });
    const r = regnb(['run', 'nb.regnb', '--cell', 'nope'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope/);
  });

  it('run: without --workers a sweep trains on one thread per core', () => {
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'experiment', source: SWEEP }]) });
    const r = regnb(['run', 'nb.regnb', '--json', '-'], dir);
    assert.equal(r.code, 0, r.stderr);
    const cores = os.availableParallelism();
    assert.match(r.stderr, new RegExp(`sweeps on ${cores} thread${cores === 1 ? '' : 's'}`));
    assert.equal(JSON.parse(r.stdout)[0].grid.threads, cores);
  });

  it('run: --workers 2 trains a sweep on two threads; a bad --workers is an invalid invocation', () => {
    const dir = workspace({ 'nb.regnb': notebook([{ kind: 'experiment', source: SWEEP }]) });
    for (const bad of ['0', '1.5', 'many', '65']) {
      const r = regnb(['run', 'nb.regnb', '--workers', bad], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, new RegExp(`--workers must be a whole number from 1 to 64, not '${bad}'`));
    }
    assert.equal(fs.existsSync(path.join(dir, '.regnb')), false, 'nothing trained');
    const r = regnb(['run', 'nb.regnb', '--workers', '2', '--json', '-'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /sweeps on 2 threads/);
    const [result] = JSON.parse(r.stdout);
    assert.equal(result.status, 'completed');
    assert.deepEqual(result.grid.alpha, [1e-1, 1e-2, 1e-3, 1e-4]);
    assert.equal(result.grid.runs.length, 4 * 2 * 5, 'every (alpha, repeat, fold) of the default 5-fold validation');
    assert.ok(result.grid.runs.every((p: { scoredOn: string }) => p.scoredOn === 'validation'));
    assert.equal(result.grid.threads, 2);
    assert.equal(result.grid.stats.length, 4);
    assert.equal(result.grid.test.alpha, result.grid.best.alpha, 'the chosen alpha, refit and scored once on the test set');
    assert.equal(result.grid.test.loss, result.final.test.loss, 'the cell\'s final scores are the refit\'s');
    assert.equal(result.history.epoch.length, 10, 'the refit model represents the cell');
    assert.ok(result.grid.runs.every((p: { status: string }) => p.status === 'completed'));
  });
});
