import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { BUNDLED, loadBundled } from '../../../src/core/data/bundled';
import { DataError } from '../../../src/core/data/dataset';
import { DATA_DIR, counts, memoryFs, readDisk } from './helpers';

describe('bundled data sets', () => {
  it('iris: 150 x 4, 3 classes of 50, sklearn class order', async () => {
    const t = await loadBundled('iris', DATA_DIR, readDisk);
    assert.equal(t.n, 150);
    assert.deepEqual(t.sampleShape, [4]);
    assert.equal(t.task, 'multiclass');
    assert.deepEqual(t.classNames, ['setosa', 'versicolor', 'virginica']);
    assert.deepEqual([...counts(t.y)].sort(), [[0, 50], [1, 50], [2, 50]]);
    assert.deepEqual(t.featureNames, ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    assert.deepEqual(Array.from(t.x.subarray(0, 4)), [5.1, 3.5, 1.4, 0.2].map(Math.fround));
  });

  it('wine: 178 x 13, 3 classes (59, 71, 48)', async () => {
    const t = await loadBundled('wine', DATA_DIR, readDisk);
    assert.equal(t.n, 178);
    assert.deepEqual(t.sampleShape, [13]);
    assert.equal(t.classes, 3);
    assert.deepEqual([...counts(t.y)].sort(), [[0, 59], [1, 71], [2, 48]]);
  });

  it('breast-cancer: 569 x 30, binary, malignant = 0 (212), benign = 1 (357)', async () => {
    const t = await loadBundled('breast-cancer', DATA_DIR, readDisk);
    assert.equal(t.n, 569);
    assert.deepEqual(t.sampleShape, [30]);
    assert.equal(t.task, 'binary');
    assert.deepEqual(t.classNames, ['malignant', 'benign']);
    assert.deepEqual([...counts(t.y)].sort(), [[0, 212], [1, 357]]);
  });

  it('digits: 1797 x 64, 10 classes, 8x8x1 images with pixel counts 0..16', async () => {
    const t = await loadBundled('digits', DATA_DIR, readDisk);
    assert.equal(t.n, 1797);
    assert.deepEqual(t.sampleShape, [64]);
    assert.deepEqual(t.imageShape, [8, 8, 1]);
    assert.equal(t.classes, 10);
    assert.deepEqual(t.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.equal(counts(t.y).size, 10);
    assert.equal(t.featureNames[9], 'pixel_1_1');
    assert.equal(Math.max(...t.x), 16);
    assert.equal(Math.min(...t.x), 0);
    assert.deepEqual(Array.from(t.y.subarray(0, 10)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('diabetes: 442 x 10, regression on the raw (unscaled) variables', async () => {
    const t = await loadBundled('diabetes', DATA_DIR, readDisk);
    assert.equal(t.n, 442);
    assert.deepEqual(t.sampleShape, [10]);
    assert.equal(t.task, 'regression');
    assert.equal(t.classes, 1);
    assert.deepEqual(t.featureNames, ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);
    assert.deepEqual(Array.from(t.x.subarray(0, 3)), [59, 2, Math.fround(32.1)]);
    assert.equal(t.y[0], 151);
  });

  it('every entry of BUNDLED has its file', async () => {
    for (const [name, info] of Object.entries(BUNDLED)) {
      const text = await readDisk(path.join(DATA_DIR, info.file));
      assert.ok(text.startsWith(text.split('\n')[0]!) && text.split('\n')[0]!.endsWith(',target'), name);
    }
  });

  it('a missing or damaged file is a DataError', async () => {
    await assert.rejects(loadBundled('iris', '/nowhere', memoryFs({})), (e: unknown) => e instanceof DataError && /cannot read the bundled data set iris/.test(e.message));
    const damaged = memoryFs({ '/d/iris.csv': 'a,target\n1,setosa\n2,virginica\n' });
    await assert.rejects(loadBundled('iris', '/d', damaged), /damaged/);
  });
});
