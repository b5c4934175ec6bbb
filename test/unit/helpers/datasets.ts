// Small data sets built by formula, so engine tests do not depend on the data module.
import { readFile } from 'fs/promises';
import { join } from 'path';
import type { Dataset } from '../../../src/core/data/dataset';
import { loadDataset } from '../../../src/core/data/loadDataset';
import { REPO_ROOT } from './backend';

/** Two-input binary problem: y = 1 when x0 + 0.5 x1 > 0, with deterministic spread. */
export function tinyBinary(nTrain = 24, nTest = 16): Dataset {
  const make = (n: number, offset: number) => {
    const x = new Float32Array(n * 2);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const a = Math.sin((i + offset) * 1.37) * 2;
      const b = Math.cos((i + offset) * 0.71) * 2;
      x[2 * i] = a;
      x[2 * i + 1] = b;
      y[i] = a + 0.5 * b > 0 ? 1 : 0;
    }
    return { x, y };
  };
  const tr = make(nTrain, 0);
  const te = make(nTest, 1000);
  return {
    task: 'binary', inputShape: [2], classes: 2, featureNames: ['a', 'b'], nTrain, nTest,
    xTrain: tr.x, yTrain: tr.y, xTest: te.x, yTest: te.y,
    scaling: { kind: 'none', offset: [0, 0], scale: [1, 1] },
  };
}

/** Linear regression target y = X w + small deterministic noise. */
export function tinyRegression(n = 40, features = 3): Dataset {
  const x = new Float32Array(n * features);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < features; j++) {
      const v = Math.sin(i * (j + 1.3) + j);
      x[i * features + j] = v;
      t += (j + 1) * v;
    }
    y[i] = t + 0.05 * Math.cos(i * 3.1);
  }
  const half = n / 2;
  return {
    task: 'regression', inputShape: [features], classes: 1, featureNames: Array.from({ length: features }, (_, j) => `x${j + 1}`),
    nTrain: half, nTest: n - half,
    xTrain: x.slice(0, half * features), yTrain: y.slice(0, half), xTest: x.slice(half * features), yTest: y.slice(half),
    scaling: { kind: 'none', offset: [], scale: [] },
  };
}

/** Three classes by the angle of a two-input point, with deterministic spread. */
export function tinyMulticlass(nTrain = 30, nTest = 15): Dataset {
  const make = (n: number, offset: number) => {
    const x = new Float32Array(n * 2);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const angle = ((i + offset) * 2.399) % (2 * Math.PI);
      const r = 1 + 0.5 * Math.sin((i + offset) * 0.37);
      x[2 * i] = r * Math.cos(angle);
      x[2 * i + 1] = r * Math.sin(angle);
      y[i] = Math.floor((angle / (2 * Math.PI)) * 3);
    }
    return { x, y };
  };
  const tr = make(nTrain, 0);
  const te = make(nTest, 500);
  return {
    task: 'multiclass', inputShape: [2], classes: 3, featureNames: ['a', 'b'], nTrain, nTest,
    xTrain: tr.x, yTrain: tr.y, xTest: te.x, yTest: te.y,
    scaling: { kind: 'none', offset: [0, 0], scale: [1, 1] },
  };
}

/** The tutorial's moons set: 100 points, noise 0.2, the first 30 (generator order) train. */
export function tutorialMoons(): Promise<Dataset> {
  return loadDataset(
    { source: 'moons', samples: 100, noise: 0.2, seed: 1, shuffle: false, train: 30, standardize: 'zscore', standardizeTarget: false, features: 20, informative: 5, classes: 3, window: 20 },
    { baseDir: REPO_ROOT, dataDir: join(REPO_ROOT, 'data'), readText: (p) => readFile(p, 'utf8') },
  );
}
