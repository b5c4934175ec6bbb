// `regnb data`: the CSV it writes holds exactly the rows the engine trains and tests on
// (before scaling), in training order, read back by an independent reader.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDataset } from '../../../src/core/data/loadDataset';
import type { DataSpec } from '../../../src/core/experiment/experiment';
import { DATA_DIR, dataSpec, readDisk } from '../data/helpers';
import { REPO_ROOT } from '../helpers/backend';

const CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

function regnb(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(cells: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-data-'));
  const nb = { regnb: 1, metadata: {}, cells: cells.map((source) => ({ kind: 'experiment', source })) };
  fs.writeFileSync(path.join(dir, 'nb.regnb'), JSON.stringify(nb));
  return dir;
}

/** A plain CSV reader (no quoted fields in these files): header and rows of strings. */
function readCsv(text: string): { header: string[]; rows: string[][] } {
  assert.ok(text.endsWith('\n'));
  const [head, ...lines] = text.slice(0, -1).split('\n');
  return { header: (head as string).split(','), rows: lines.map((l) => l.split(',')) };
}

/** The CSV's train and test parts as float32 arrays, like a Dataset's. */
function parts(csv: { header: string[]; rows: string[][] }, features: number) {
  const col = (name: string) => csv.header.indexOf(name);
  const pick = (split: string) => {
    const rows = csv.rows.filter((r) => r[col('split')] === split);
    return {
      x: Float32Array.from(rows.flatMap((r) => r.slice(0, features).map(Number))),
      y: Float32Array.from(rows.map((r) => Number(r[col('target')]))),
    };
  };
  return { train: pick('train'), test: pick('test') };
}

async function engineRows(spec: Partial<DataSpec>) {
  return loadDataset(dataSpec({ ...spec, standardize: false }), { baseDir: '/', dataDir: DATA_DIR, readText: readDisk });
}

describe('regnb data', () => {
  it("the tutorial's cell to stdout: X[:30] of make_moons(100, noise=0.2, random_state=1) train, the rest test", async () => {
    const dir = workspace(['name: tutorial\ndata: { source: moons, samples: 100, noise: 0.2, seed: 1, shuffle: false, train: 30 }\nmodel:\n  - dense: 4\n  - dense: 1']);
    const r = regnb(['data', 'nb.regnb', '--cell', 'tutorial'], dir);
    assert.equal(r.code, 0, r.stderr);
    const csv = readCsv(r.stdout);
    assert.deepEqual(csv.header, ['x1', 'x2', 'target', 'split']);
    assert.deepEqual(csv.rows.map((row) => row[3]), [...Array(30).fill('train'), ...Array(70).fill('test')]);
    const got = parts(csv, 2);
    const ds = await engineRows({ source: 'moons', samples: 100, noise: 0.2, seed: 1, shuffle: false, train: 30 });
    assert.deepEqual(got.train.x, ds.xTrain);
    assert.deepEqual(got.train.y, ds.yTrain);
    assert.deepEqual(got.test.x, ds.xTest);
    assert.deepEqual(got.test.y, ds.yTest);
    // scikit-learn's own arrays (stored), independent of RegNB's loader.
    const fixture = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/unit/data/fixtures/sklearn-samples.json'), 'utf8')) as { cases: { x: number[]; y: number[] }[] };
    const sk = fixture.cases[0] as { x: number[]; y: number[] };
    assert.deepEqual(Array.from(got.train.x), sk.x.slice(0, 60).map(Math.fround));
    assert.deepEqual(Array.from(got.test.y), sk.y.slice(30));
  });

  it('a shuffled split of a bundled data set to --out: rows in training order, class names beside the index', async () => {
    const dir = workspace([
      'name: other\ndata: { source: moons }\nmodel:\n  - dense: 1',
      'name: iris\ndata: { source: iris, train: 0.8, seed: 5, standardize: zscore }\nmodel:\n  - dense: 3',
    ]);
    const r = regnb(['data', 'nb.regnb', '--cell', 'iris', '--out', 'out/iris.csv'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const csv = readCsv(fs.readFileSync(path.join(dir, 'out/iris.csv'), 'utf8'));
    const ds = await engineRows({ source: 'iris', train: 0.8, seed: 5, shuffle: true });
    assert.deepEqual(csv.header.slice(-3), ['target', 'class', 'split']);
    assert.equal(csv.header.length, 4 + 3);
    const got = parts(csv, 4);
    assert.equal(got.train.y.length, 120);
    assert.deepEqual(got.train.x, ds.xTrain, 'raw (unscaled) inputs in training order');
    assert.deepEqual(got.train.y, ds.yTrain);
    assert.deepEqual(got.test.x, ds.xTest);
    assert.deepEqual(got.test.y, ds.yTest);
    const names = ['setosa', 'versicolor', 'virginica'];
    for (const row of csv.rows) assert.equal(row[5], names[Number(row[4])]);
  });

  it('an unknown cell or no --cell: exit 2, nothing written', () => {
    const dir = workspace(['name: a\ndata: { source: moons }\nmodel:\n  - dense: 1']);
    const r = regnb(['data', 'nb.regnb', '--cell', 'b', '--out', 'b.csv'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--cell b: the notebook has no experiment or compare cell of that name/);
    assert.equal(fs.existsSync(path.join(dir, 'b.csv')), false);
    const none = regnb(['data', 'nb.regnb'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /name one cell with --cell NAME/);
  });
});
