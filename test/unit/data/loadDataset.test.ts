import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadDataset, loadTable } from '../../../src/core/data/loadDataset';
import { DataError, dataErrorMessage } from '../../../src/core/data/dataset';
import { GENERATED_SOURCES, BUNDLED_SOURCES } from '../../../src/core/experiment/experiment';
import { DATA_DIR, column, counts, dataSpec, mean, notebookFolder, readDisk } from './helpers';

const ctx = { baseDir: '/notebooks', dataDir: DATA_DIR, readText: readDisk };

describe('loadDataset', () => {
  it('the contract example: moons 100, shuffle false, train 30', async () => {
    const spec = dataSpec({ source: 'moons', samples: 100, noise: 0.2, seed: 1, shuffle: false, train: 30 });
    const ds = await loadDataset(spec, ctx);
    const table = await loadTable(spec, ctx);
    assert.equal(ds.task, 'binary');
    assert.equal(ds.classes, 2);
    assert.deepEqual(ds.inputShape, [2]);
    assert.equal(ds.nTrain, 30);
    assert.equal(ds.nTest, 70);
    assert.equal(ds.xTrain.length, 60);
    assert.equal(ds.xTest.length, 140);
    assert.deepEqual(Array.from(ds.rows!.train), Array.from({ length: 30 }, (_, i) => i), 'shuffle false keeps generator order');
    assert.deepEqual(Array.from(ds.yTrain), Array.from(table.y.subarray(0, 30)));
    assert.deepEqual(Array.from(ds.yTest), Array.from(table.y.subarray(30)));
    const c = counts(ds.yTrain);
    assert.ok((c.get(0) ?? 0) > 0 && (c.get(1) ?? 0) > 0, 'both moons in the 30 training rows');
    // Same spec, same data.
    assert.deepEqual(await loadDataset(spec, ctx), ds);
  });

  it('standardization uses training statistics only', async () => {
    const ds = await loadDataset(dataSpec({ source: 'moons', samples: 200, train: 0.5, standardize: 'zscore' }), ctx);
    assert.equal(ds.scaling.kind, 'zscore');
    for (let j = 0; j < 2; j++) {
      const tr = column(ds.xTrain, 2, j);
      assert.ok(Math.abs(mean(tr)) < 1e-6, `train mean ${mean(tr)}`);
      assert.ok(Math.abs(mean(tr.map((v) => v * v)) - 1) < 1e-5);
      assert.notEqual(mean(column(ds.xTest, 2, j)), 0);
      assert.ok(Math.abs(mean(column(ds.xTest, 2, j))) > 1e-5, 'the test mean is not forced to 0');
    }
    const raw = await loadDataset(dataSpec({ source: 'moons', samples: 200, train: 0.5, standardize: false }), ctx);
    assert.equal(raw.scaling.kind, 'none');
    // Same rows, undone scaling gives the raw values.
    ds.xTest.forEach((v, i) => assert.ok(Math.abs(v * ds.scaling.scale[i % 2]! + ds.scaling.offset[i % 2]! - raw.xTest[i]!) < 1e-5));
  });

  it('shuffle true: a seeded permutation before the split', async () => {
    const a = await loadDataset(dataSpec({ shuffle: true, seed: 2 }), ctx);
    const b = await loadDataset(dataSpec({ shuffle: true, seed: 2 }), ctx);
    const c = await loadDataset(dataSpec({ shuffle: false, seed: 2 }), ctx);
    assert.deepEqual(a.rows, b.rows);
    assert.notDeepEqual(Array.from(a.rows!.train), Array.from(c.rows!.train));
    assert.equal(a.nTrain, 70);
  });

  it('regression: standardizeTarget with training statistics; truth exposed', async () => {
    const spec = dataSpec({ source: 'regression', samples: 100, features: 8, informative: 2, train: 60, standardizeTarget: true });
    const ds = await loadDataset(spec, ctx);
    assert.equal(ds.task, 'regression');
    assert.deepEqual(ds.inputShape, [8]);
    assert.ok(ds.targetScaling);
    assert.ok(Math.abs(mean(ds.yTrain)) < 1e-5);
    assert.ok(Math.abs(mean(ds.yTest)) > 1e-4);
    assert.equal(ds.truth?.informative.length, 2);
    const plain = await loadDataset({ ...spec, standardizeTarget: false }, ctx);
    assert.equal(plain.targetScaling, undefined);
    plain.yTrain.forEach((v, i) => assert.ok(Math.abs((v - ds.targetScaling!.offset) / ds.targetScaling!.scale - ds.yTrain[i]!) < 1e-4));
    // standardizeTarget is ignored for classification.
    assert.equal((await loadDataset(dataSpec({ standardizeTarget: true }), ctx)).targetScaling, undefined);
  });

  it('input shapes: flat, image, sequence', async () => {
    const digits = dataSpec({ source: 'digits', train: 0.8 });
    assert.deepEqual((await loadDataset(digits, ctx)).inputShape, [64]);
    assert.deepEqual((await loadDataset(digits, { ...ctx, inputShape: 'flat' })).inputShape, [64]);
    const img = await loadDataset(digits, { ...ctx, inputShape: 'image' });
    assert.deepEqual(img.inputShape, [8, 8, 1]);
    assert.deepEqual(img.imageShape, [8, 8, 1]);
    assert.equal(img.xTrain.length, img.nTrain * 64);
    assert.deepEqual((await loadDataset(digits, { ...ctx, inputShape: 'sequence' })).inputShape, [8, 8]);
    assert.equal(img.featureNames.length, 64);

    const sine = dataSpec({ source: 'sine', samples: 60, window: 12, shuffle: false, train: 40 });
    const seq = await loadDataset(sine, ctx);
    assert.deepEqual(seq.inputShape, [12, 1]);
    assert.equal(seq.scaling.per, 'channel');
    assert.equal(seq.scaling.offset.length, 1);
    assert.deepEqual((await loadDataset(sine, { ...ctx, inputShape: 'flat' })).inputShape, [12]);
    assert.deepEqual((await loadDataset(sine, { ...ctx, inputShape: 'sequence' })).inputShape, [12, 1]);
    assert.deepEqual(Array.from(seq.rows!.test.subarray(0, 3)), [40, 41, 42], 'forecasting: test rows come after the training rows');

    assert.deepEqual((await loadDataset(dataSpec(), { ...ctx, inputShape: 'sequence' })).inputShape, [2, 1]);
    await assert.rejects(loadDataset(dataSpec(), { ...ctx, inputShape: 'image' }), (e: unknown) => e instanceof DataError && /not images/.test(e.message));
  });

  it('every source loads with consistent sizes', async () => {
    for (const source of [...GENERATED_SOURCES, ...BUNDLED_SOURCES]) {
      const ds = await loadDataset(dataSpec({ source, samples: 60, train: 0.75 }), ctx);
      const width = ds.inputShape.reduce((a, b) => a * b, 1);
      assert.equal(ds.xTrain.length, ds.nTrain * width, source);
      assert.equal(ds.xTest.length, ds.nTest * width, source);
      assert.equal(ds.yTrain.length, ds.nTrain, source);
      assert.equal(ds.featureNames.length, width, source);
      assert.equal(ds.source, source);
      for (const v of ds.xTrain) assert.ok(Number.isFinite(v), source);
      if (ds.task !== 'regression') {
        assert.equal(ds.classNames?.length, ds.classes, source);
        for (const v of ds.yTrain) assert.ok(Number.isInteger(v) && v >= 0 && v < ds.classes, source);
      }
    }
  });

  it('bundled sizes through loadDataset', async () => {
    const expect: Record<string, [number, number, number]> = {
      iris: [150, 4, 3],
      wine: [178, 13, 3],
      'breast-cancer': [569, 30, 2],
      digits: [1797, 64, 10],
      diabetes: [442, 10, 1],
    };
    for (const [source, [rows, features, classes]] of Object.entries(expect)) {
      const ds = await loadDataset(dataSpec({ source: source as 'iris', train: 100 }), ctx);
      assert.equal(ds.nTrain + ds.nTest, rows, source);
      assert.equal(ds.featureNames.length, features, source);
      assert.equal(ds.classes, classes, source);
    }
  });

  it('a CSV file relative to the notebook folder', async () => {
    const dir = notebookFolder({ 'data/people.csv': 'height,age,group\n170,30,a\n180,41,b\n165,29,a\n175,50,b\n' });
    const spec = dataSpec({ source: 'file', file: 'data/people.csv', target: 'group', shuffle: false, train: 2, standardize: false });
    const ds = await loadDataset(spec, { ...ctx, baseDir: dir });
    assert.equal(ds.task, 'binary');
    assert.deepEqual(ds.classNames, ['a', 'b']);
    assert.deepEqual(ds.featureNames, ['height', 'age']);
    assert.deepEqual(Array.from(ds.xTrain), [170, 30, 180, 41]);
    assert.deepEqual(Array.from(ds.yTest), [0, 1]);
  });

  it('CSV problems reach the caller as DataErrors with file, row and column', async () => {
    const dir = notebookFolder({ 'x.csv': 'a,b,y\n1,2,3\n4,oops,6\n' });
    await assert.rejects(
      loadDataset(dataSpec({ source: 'file', file: 'x.csv', target: 'y' }), { ...ctx, baseDir: dir }),
      (e: unknown) => e instanceof DataError && e.where?.file === 'x.csv' && e.where.row === 3 && e.where.column === 2,
    );
    await assert.rejects(
      loadDataset(dataSpec({ source: 'file', file: 'missing.csv', target: 'y' }), { ...ctx, baseDir: dir }),
      (e: unknown) => e instanceof DataError && e.where?.key === 'data.file' && dataErrorMessage(e) === 'missing.csv: file not found',
    );
    await assert.rejects(loadDataset(dataSpec({ source: 'file', target: 'y' }), ctx), (e: unknown) => e instanceof DataError && e.where?.key === 'data.file');
  });

  it('a split that leaves a set empty is a DataError on data.train', async () => {
    await assert.rejects(loadDataset(dataSpec({ source: 'iris', train: 150 }), ctx), (e: unknown) => e instanceof DataError && e.where?.key === 'data.train');
  });
});
