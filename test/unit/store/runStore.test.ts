import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import {
  RunStoreError,
  deleteRun,
  latestRun,
  listRuns,
  readRun,
  runDir,
  storeRoot,
  writeRun,
} from '../../../src/core/store/runStore';
import { readModelArtifacts, type ModelArtifacts } from '../../../src/core/store/modelFiles';
import { makeRunId, parseRunId, runId } from '../../../src/core/store/runId';
import { folderName } from '../../../src/core/store/folderName';
import fc from 'fast-check';
import { historyCsv } from '../../../src/core/store/historyCsv';
import { makeRun } from '../notebook/runFixture';
import type { RunResult } from '../../../src/core/run/result';

let tmp: string;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regnb-store-'));
});
after(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A fresh notebook path in its own folder. */
async function notebook(name = 'moons.regnb'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tmp, 'nb-'));
  return path.join(dir, name);
}

function artifacts(): ModelArtifacts {
  const kernel = new Float32Array([0.5, -1.25, 2, 0.001, -0.25, 3]);
  const bias = new Float32Array([0.1, -0.2]);
  const data = new Uint8Array(kernel.byteLength + bias.byteLength);
  data.set(new Uint8Array(kernel.buffer), 0);
  data.set(new Uint8Array(bias.buffer), kernel.byteLength);
  return {
    modelTopology: { class_name: 'Sequential', config: { name: 'seq', layers: [{ class_name: 'Dense', config: { name: 'dense_1', units: 2 } }] }, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' },
    weightSpecs: [
      { name: 'dense_1/kernel', shape: [3, 2], dtype: 'float32' },
      { name: 'dense_1/bias', shape: [2], dtype: 'float32' },
    ],
    weightData: data.buffer,
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
    convertedBy: null,
  };
}

/** Writes a run of `cell` started at `iso` into the notebook's store. */
async function store(nb: string, cell: string, iso: string, extra: Partial<RunResult> = {}, model = true) {
  const date = new Date(iso);
  const id = runId(cell, date, () => 0.5);
  const result = { ...makeRun({ name: cell, runId: id, startedAt: date.toISOString() }), ...extra };
  const dir = runDir(nb, cell, id);
  await writeRun(dir, result, model ? artifacts() : undefined);
  return { dir, id, result };
}

describe('run ids and folders', () => {
  it('formats <UTC time>-<name>-<4 hex> and parses back', () => {
    const id = runId('l2-moons', new Date('2026-11-25T10:15:00.789Z'), () => 0.2473);
    assert.equal(id, '20261125T101500Z-l2-moons-3f4f');
    assert.deepEqual(parseRunId(id), { time: new Date('2026-11-25T10:15:00Z'), name: 'l2-moons', suffix: '3f4f' });
    assert.equal(runId('a', new Date('2026-01-02T03:04:05Z'), () => 0), '20260102T030405Z-a-0000');
    assert.equal(runId('a', new Date('2026-01-02T03:04:05Z'), () => 0.99999999), '20260102T030405Z-a-ffff');
    assert.match(makeRunId('x'), /^\d{8}T\d{6}Z-x-[0-9a-f]{4}$/);
    assert.equal(parseRunId('not-a-run'), undefined);
  });

  it('places runs in <notebook folder>/.regnb/runs/<stem>/<cell>/<runId>', () => {
    const nb = path.join('/work', 'nbs', 'moons.regnb');
    assert.equal(runDir(nb, 'l2-moons', '20261125T101500Z-l2-moons-3f2a'), path.join('/work', 'nbs', '.regnb', 'runs', 'moons', 'l2-moons', '20261125T101500Z-l2-moons-3f2a'));
    assert.equal(storeRoot(nb), path.join('/work', 'nbs', '.regnb', 'runs', 'moons'));
  });

  it('never lets a name leave its folder', () => {
    assert.equal(folderName('../../etc'), '%2E.%2F..%2Fetc', 'one folder name: no separator survives');
    assert.equal(folderName('..'), '%2E.');
    assert.equal(folderName('a/b\\c d'), 'a%2Fb%5Cc%20d');
    assert.equal(folderName(''), '%');
    assert.equal(folderName('CON'), '%43ON');
    const nb = path.join('/work', 'moons.regnb');
    assert.ok(runDir(nb, '../../x', '../y').startsWith(path.join('/work', '.regnb', 'runs', 'moons') + path.sep));
  });

  it('plain names keep their folder (existing stores stay readable)', () => {
    for (const name of ['moons', 'l2-moons', 'my_notebook', 'v1.2', '_x']) assert.equal(folderName(name), name);
  });

  it('distinct notebooks get distinct stores: `stem x y` and `stem x_y` no longer share one', () => {
    assert.notEqual(storeRoot('/w/stem x y.regnb'), storeRoot('/w/stem x_y.regnb'));
    assert.equal(storeRoot('/w/stem x_y.regnb'), path.join('/w', '.regnb', 'runs', 'stem%20x_y'));
  });

  it('folder names are one-to-one, safe and at most 100 characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 300, unit: 'binary' }), (a, b) => {
        const fa = folderName(a);
        assert.ok(fa.length >= 1 && fa.length <= 100, fa);
        assert.match(fa, /^[A-Za-z0-9_%~-][A-Za-z0-9_.%~-]*$/);
        if (a !== b) assert.notEqual(fa, folderName(b));
      }),
      { numRuns: 2000 },
    );
    // Names differing only past the 80th encoded character stay apart (the hash).
    const long = 'x'.repeat(120);
    assert.notEqual(folderName(`${long}a`), folderName(`${long}b`));
  });

  it('a long cell name keeps the random suffix: two runs in one second do not collide', () => {
    const name = 'n'.repeat(150);
    const at = new Date('2026-01-02T03:04:05Z');
    const a = runId(name, at, () => 0.1);
    const b = runId(name, at, () => 0.2);
    assert.equal(a.length, 100);
    assert.notEqual(a, b);
    assert.equal(parseRunId(a)?.suffix, '1999');
    assert.notEqual(runDir('/w/nb.regnb', name, a), runDir('/w/nb.regnb', name, b));
  });
});

describe('writeRun / readRun', () => {
  it('writes result.json, history.csv, summary.json, model.json and weights.bin, and reads the result back', async () => {
    const nb = await notebook();
    const { dir, result } = await store(nb, 'l2-moons', '2026-11-25T10:15:00Z');
    assert.deepEqual((await fs.readdir(dir)).sort(), ['history.csv', 'model.json', 'result.json', 'summary.json', 'weights.bin']);
    assert.deepEqual(await readRun(dir), result);
    // result.json is the full resolution, pretty-printed.
    const text = await fs.readFile(path.join(dir, 'result.json'), 'utf8');
    assert.equal(text, `${JSON.stringify(result, null, 2)}\n`);
  });

  it('leaves no temporary folder behind, and a failed write leaves nothing at all', async () => {
    const nb = await notebook();
    const { dir } = await store(nb, 'a', '2026-11-25T10:15:00Z');
    const cellFolder = path.dirname(dir);
    assert.deepEqual(await fs.readdir(cellFolder), [path.basename(dir)]);

    const bad = { ...makeRun({ name: 'a' }), durationMs: 10n } as unknown as RunResult; // JSON.stringify throws on BigInt
    const badDir = runDir(nb, 'a', '20261125T101600Z-a-0001');
    await assert.rejects(writeRun(badDir, bad), TypeError);
    assert.deepEqual(await fs.readdir(cellFolder), [path.basename(dir)]);
  });

  it('never overwrites a run', async () => {
    const nb = await notebook();
    const { dir, result } = await store(nb, 'a', '2026-11-25T10:15:00Z');
    const other = { ...result, status: 'failed' as const, error: 'boom' };
    await assert.rejects(writeRun(dir, other), (e: unknown) => e instanceof RunStoreError && e.code === 'EEXIST');
    assert.equal((await readRun(dir)).status, 'completed');
    // Nor an empty folder that happens to be there.
    const empty = runDir(nb, 'a', '20261125T101700Z-a-0002');
    await fs.mkdir(empty, { recursive: true });
    await assert.rejects(writeRun(empty, result), (e: unknown) => e instanceof RunStoreError && e.code === 'EEXIST');
  });

  it('writes history.csv with one column per series and one row per epoch', async () => {
    const nb = await notebook();
    const { dir, result } = await store(nb, 'a', '2026-11-25T10:15:00Z');
    const lines = (await fs.readFile(path.join(dir, 'history.csv'), 'utf8')).trimEnd().split('\n');
    assert.equal(
      lines[0],
      'epoch,dataLoss,penalty_dense_1,penalty_dense_2,totalLoss,testLoss,trainMetric,testMetric,' +
        'norm_dense_1_l1,norm_dense_1_l2,norm_dense_1_max,norm_dense_1_sparsity,' +
        'norm_dense_2_l1,norm_dense_2_l2,norm_dense_2_max,norm_dense_2_sparsity,trainLoss',
    );
    assert.equal(lines.length, 1 + result.history.epoch.length);
    const h = result.history;
    const row = lines[10].split(',').map(Number);
    assert.deepEqual(row, [
      h.epoch[9], h.dataLoss[9], h.penalty.dense_1[9], h.penalty.dense_2[9], h.totalLoss[9], h.testLoss[9], h.trainMetric[9], h.testMetric[9],
      h.norms.dense_1.l1[9], h.norms.dense_1.l2[9], h.norms.dense_1.max[9], h.norms.dense_1.sparsity[9],
      h.norms.dense_2.l1[9], h.norms.dense_2.l2[9], h.norms.dense_2.max[9], h.norms.dense_2.sparsity[9], h.trainLoss![9],
    ]);
  });

  it('history.csv: NaN and missing values, quoted odd layer names', () => {
    const r = makeRun({ epochs: 3, layers: ['a,b'] });
    r.history.dataLoss[2] = NaN;
    r.history.testLoss = [1, 2];
    delete r.history.trainLoss;
    const lines = historyCsv(r).trimEnd().split('\n');
    assert.ok(lines[0].startsWith('epoch,dataLoss,"penalty_a,b",totalLoss,testLoss,trainMetric,testMetric,"norm_a,b_l1",'), lines[0]);
    assert.equal(lines[3].split(',')[1], 'NaN');
    assert.equal(lines[3].split(',')[4], '');
  });

  it('stores the model in TensorFlow.js layers format and reads it back', async () => {
    const nb = await notebook();
    const { dir } = await store(nb, 'a', '2026-11-25T10:15:00Z');
    const a = artifacts();
    const json = JSON.parse(await fs.readFile(path.join(dir, 'model.json'), 'utf8'));
    assert.deepEqual(Object.keys(json), ['modelTopology', 'format', 'generatedBy', 'convertedBy', 'weightsManifest']);
    assert.deepEqual(json.modelTopology, a.modelTopology);
    assert.equal(json.format, 'layers-model');
    assert.deepEqual(json.weightsManifest, [{ paths: ['weights.bin'], weights: a.weightSpecs }]);
    const bytes = await fs.readFile(path.join(dir, 'weights.bin'));
    assert.equal(bytes.byteLength, 8 * 4);
    assert.deepEqual(new Uint8Array(bytes), new Uint8Array(a.weightData as ArrayBuffer));

    const back = await readModelArtifacts(dir);
    assert.deepEqual(back.modelTopology, a.modelTopology);
    assert.deepEqual(back.weightSpecs, a.weightSpecs);
    assert.ok(back.weightData instanceof ArrayBuffer);
    assert.deepEqual(Array.from(new Float32Array(back.weightData, 0, 6)), [0.5, -1.25, 2, Math.fround(0.001), -0.25, 3]);
    assert.equal(back.format, 'layers-model');
    assert.equal(back.convertedBy, null);
  });

  it('accepts weights in several buffers, or as ready-made model files', async () => {
    const nb = await notebook();
    const a = artifacts();
    const whole = new Uint8Array(a.weightData as ArrayBuffer);
    const split = { ...a, weightData: [whole.slice(0, 5).buffer, whole.slice(5).buffer] };
    const dir1 = runDir(nb, 'a', '20261125T101500Z-a-0001');
    await writeRun(dir1, makeRun({ name: 'a' }), split);
    assert.deepEqual(new Uint8Array((await readModelArtifacts(dir1)).weightData), whole);

    const dir2 = runDir(nb, 'a', '20261125T101500Z-a-0002');
    await writeRun(dir2, makeRun({ name: 'a' }), { modelJson: { modelTopology: a.modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }] }, weights: whole });
    assert.deepEqual(new Uint8Array((await readModelArtifacts(dir2)).weightData), whole);
  });

  it('refuses weights that do not match their specs, and manifests pointing outside the run', async () => {
    const nb = await notebook();
    const a = { ...artifacts(), weightData: new ArrayBuffer(12) };
    await assert.rejects(writeRun(runDir(nb, 'a', '20261125T101500Z-a-0003'), makeRun({ name: 'a' }), a), (e: unknown) => e instanceof RunStoreError && e.code === 'EMODEL');
    const { dir } = await store(nb, 'b', '2026-11-25T10:15:00Z');
    const json = JSON.parse(await fs.readFile(path.join(dir, 'model.json'), 'utf8'));
    json.weightsManifest[0].paths = ['../../../../secret.bin'];
    await fs.writeFile(path.join(dir, 'model.json'), JSON.stringify(json));
    await assert.rejects(readModelArtifacts(dir), /not a file of the run folder/);
  });

  it('reports a corrupt or foreign result.json', async () => {
    const nb = await notebook();
    const { dir } = await store(nb, 'a', '2026-11-25T10:15:00Z');
    await fs.writeFile(path.join(dir, 'result.json'), '{"regnb": 1, "runId": ');
    await assert.rejects(readRun(dir), (e: unknown) => e instanceof RunStoreError && e.code === 'ECORRUPT' && /not valid JSON/.test(e.message));
    await fs.writeFile(path.join(dir, 'result.json'), '{"hello": "world"}');
    await assert.rejects(readRun(dir), /not a run result/);
  });
});

describe('listRuns / latestRun / deleteRun', () => {
  it('lists every cell’s runs oldest first, with status, final metrics and start time', async () => {
    const nb = await notebook();
    const b2 = await store(nb, 'baseline', '2026-11-25T12:00:00Z');
    const a1 = await store(nb, 'l2', '2026-11-25T10:00:00Z');
    const b1 = await store(nb, 'baseline', '2026-11-25T09:00:00Z', { status: 'diverged', error: 'loss became NaN at epoch 12' });
    const listing = await listRuns(nb);
    assert.deepEqual(listing.problems, []);
    assert.deepEqual(listing.runs.map((r) => r.runId), [b1.id, a1.id, b2.id]);
    assert.deepEqual(listing.cells.map((c) => [c.cell, c.runs.map((r) => r.runId)]), [
      ['baseline', [b1.id, b2.id]],
      ['l2', [a1.id]],
    ]);
    const s = listing.runs[2];
    assert.equal(s.cell, 'baseline');
    assert.equal(s.dir, b2.dir);
    assert.equal(s.status, 'completed');
    assert.equal(s.startedAt, '2026-11-25T12:00:00.000Z');
    assert.equal(s.metric, 'accuracy');
    assert.equal(s.testMetric, b2.result.final.test.accuracy);
    assert.equal(s.trainMetric, b2.result.final.train.accuracy);
    assert.equal(s.epochs, 50);
    assert.equal(s.hasModel, true);
    const lastTotal = b2.result.history.totalLoss.at(-1)!;
    assert.ok(Math.abs(s.penaltyShare! - b2.result.final.penalty / lastTotal) < 1e-12);
    assert.deepEqual(s.final, b2.result.final);
    assert.equal(listing.runs[0].status, 'diverged');
    assert.equal(listing.runs[0].error, 'loss became NaN at epoch 12');
  });

  it('a notebook without runs lists nothing, without problems', async () => {
    assert.deepEqual(await listRuns(await notebook()), { runs: [], cells: [], problems: [] });
  });

  it('skips a corrupt run folder, reporting it, and lists the others', async () => {
    const nb = await notebook();
    const good1 = await store(nb, 'a', '2026-11-25T10:00:00Z');
    const bad = await store(nb, 'a', '2026-11-25T11:00:00Z');
    const good2 = await store(nb, 'b', '2026-11-25T12:00:00Z');
    await fs.writeFile(path.join(bad.dir, 'result.json'), '{ not json');
    // Also: a folder without result.json, stray files, and temporary folders (ignored).
    await fs.mkdir(path.join(path.dirname(bad.dir), 'leftover'));
    await fs.writeFile(path.join(path.dirname(bad.dir), 'notes.txt'), 'hi');
    await fs.mkdir(path.join(path.dirname(bad.dir), '.20261125T130000Z-a-0000.tmp'));
    const listing = await listRuns(nb);
    assert.deepEqual(listing.runs.map((r) => r.runId), [good1.id, good2.id]);
    assert.equal(listing.problems.length, 2, listing.problems.join('\n'));
    assert.match(listing.problems.find((p) => p.includes(bad.id))!, new RegExp(`^\\.regnb/runs/moons/a/${bad.id}: result\\.json: not valid JSON`));
    assert.match(listing.problems.find((p) => p.includes('leftover'))!, /no result\.json/);
  });

  it('uses result.json when summary.json is missing or stale', async () => {
    const nb = await notebook();
    const { dir, id } = await store(nb, 'a', '2026-11-25T10:00:00Z');
    await fs.rm(path.join(dir, 'summary.json'));
    assert.deepEqual((await listRuns(nb)).runs.map((r) => r.runId), [id]);
    const result = await readRun(dir);
    await fs.writeFile(path.join(dir, 'result.json'), JSON.stringify({ ...result, status: 'cancelled' }));
    assert.equal((await listRuns(nb)).runs[0].status, 'cancelled');
  });

  it('latestRun is the latest completed run with a model', async () => {
    const nb = await notebook();
    assert.equal(await latestRun(nb, 'a'), undefined);
    const first = await store(nb, 'a', '2026-11-25T10:00:00Z');
    await store(nb, 'a', '2026-11-25T11:00:00Z', { status: 'failed', error: 'x' });
    await store(nb, 'a', '2026-11-25T12:00:00Z', {}, false);
    await store(nb, 'b', '2026-11-25T13:00:00Z');
    const latest = await latestRun(nb, 'a');
    assert.equal(latest?.runId, first.id);
    assert.equal(latest?.dir, first.dir);
    const second = await store(nb, 'a', '2026-11-25T14:00:00Z');
    assert.equal((await latestRun(nb, 'a'))?.runId, second.id);
    assert.equal((await readModelArtifacts(second.dir)).weightSpecs.length, 2);
  });

  it('deleteRun removes a run at once and refuses other folders', async () => {
    const nb = await notebook();
    const { dir } = await store(nb, 'a', '2026-11-25T10:00:00Z');
    assert.equal(await deleteRun(dir), true);
    assert.deepEqual((await listRuns(nb)).runs, []);
    assert.deepEqual(await fs.readdir(path.dirname(dir)), []);
    assert.equal(await deleteRun(dir), false);
    const elsewhere = await fs.mkdtemp(path.join(tmp, 'precious-'));
    await fs.writeFile(path.join(elsewhere, 'result.json'), '{}');
    await assert.rejects(deleteRun(elsewhere), (e: unknown) => e instanceof RunStoreError && e.code === 'ENOTRUN');
    assert.deepEqual(await fs.readdir(elsewhere), ['result.json']);
  });
});
