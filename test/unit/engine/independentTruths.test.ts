// The engine against truths computed independently of TensorFlow.js: the closed-form
// ridge solution, and the known sparse structure of a generated regression problem.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs/promises';
import * as path from 'path';
import { trainFor } from '../helpers/trainFor';
import { loadDataset } from '../../../src/core/data/loadDataset';
import type { Dataset } from '../../../src/core/data/dataset';
import type { DataSpec } from '../../../src/core/experiment/experiment';
import type { Penalty } from '../../../src/core/experiment/penalty';
import { REPO_ROOT, testBackend } from '../helpers/backend';
import { layer, trainSpec } from '../helpers/specs';

function dataSpec(extra: Partial<DataSpec>): DataSpec {
  return {
    source: 'moons', samples: 100, noise: 0.2, seed: 1, shuffle: true, train: 0.7, standardize: 'zscore',
    standardizeTarget: false, features: 20, informative: 5, classes: 3, window: 20, ...extra,
  };
}

function load(spec: DataSpec): Promise<Dataset> {
  return loadDataset(spec, { baseDir: REPO_ROOT, dataDir: path.join(REPO_ROOT, 'data'), readText: (p) => fs.readFile(p, 'utf8') });
}

/** Solves A x = b (A symmetric positive definite) in double precision by Gaussian elimination. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

/** Ridge with an unpenalized intercept: centre X and y, then (Xc'Xc + n*l2*I) w = Xc'yc. */
function closedFormRidge(d: Dataset, l2: number): number[] {
  const n = d.nTrain;
  const p = d.inputShape[0];
  const mean = new Array<number>(p).fill(0);
  let ymean = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) mean[j] += d.xTrain[i * p + j] / n;
    ymean += d.yTrain[i] / n;
  }
  const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const b = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const xj = d.xTrain[i * p + j] - mean[j];
      b[j] += xj * (d.yTrain[i] - ymean);
      for (let k = 0; k < p; k++) A[j][k] += xj * (d.xTrain[i * p + k] - mean[k]);
    }
  }
  for (let j = 0; j < p; j++) A[j][j] += n * l2;
  return solve(A, b);
}

// Both engines answer to the same truths: the fused typed-array engine (what dense
// networks train on) and TensorFlow.js (the reference and the general engine).
const ENGINES = [
  { name: 'fused', option: 'auto' },
  { name: 'tfjs', option: 'tfjs' },
] as const;

describe('independent truths', () => {
  before(testBackend);

  for (const engine of ENGINES) {
    it(`${engine.name}: a linear model with L2 on diabetes converges to the closed-form ridge solution (1e-3 relative)`, async () => {
      const data = await load(dataSpec({ source: 'diabetes', train: 0.7, standardizeTarget: true }));
      assert.equal(data.inputShape[0], 10);
      const l2 = 0.05;
      const expected = closedFormRidge(data, l2);
      const [out] = await trainFor(data, [{
        layers: [layer('dense', 1, { name: 'linear', penalties: { kernel: { l2 } } })],
        train: trainSpec({ epochs: 3000, batch: 100000, optimizer: 'sgd', lr: 0.2 }),
      }], { engine: engine.option });
      assert.equal(out.status, 'completed');
      assert.equal(out.engine, engine.name);
      const w = Array.from(out.network.weighted[0].kernel!.dataSync());
      const norm = Math.hypot(...expected);
      const err = Math.hypot(...w.map((v, i) => v - expected[i]));
      assert.ok(err / norm < 1e-3, `relative error ${err / norm}: ${w.map((v) => v.toFixed(5))} vs ${expected.map((v) => v.toFixed(5))}`);
      // And the penalty changes the answer: the unpenalized least squares solution is elsewhere.
      const ols = closedFormRidge(data, 0);
      assert.ok(Math.hypot(...w.map((v, i) => v - ols[i])) / norm > 1e-2);
      out.network.model.dispose();
    });

    it(`${engine.name}: L1 drives the weights of irrelevant inputs to near zero, L2 does not`, async () => {
      const data = await load(dataSpec({ source: 'regression', samples: 200, train: 100, features: 20, informative: 3, noise: 10, seed: 3, standardizeTarget: true }));
      const informative = new Set(data.truth!.informative);
      const fit = async (penalty: Penalty) => {
        const [out] = await trainFor(data, [{
          layers: [layer('dense', 1, { name: 'linear', penalties: { kernel: penalty } })],
          train: trainSpec({ epochs: 2000, batch: 100000, optimizer: 'sgd', lr: 0.05 }),
        }], { engine: engine.option });
        assert.equal(out.engine, engine.name);
        const w = Array.from(out.network.weighted[0].kernel!.dataSync());
        out.network.model.dispose();
        const irrelevant = w.filter((_, j) => !informative.has(j)).map(Math.abs);
        return {
          w,
          meanIrrelevant: irrelevant.reduce((a, b) => a + b, 0) / irrelevant.length,
          nearZero: irrelevant.filter((a) => a < 5e-3).length / irrelevant.length,
          sparsity: out.rows[out.rows.length - 1].norms[0][3],
        };
      };
      const l1 = await fit({ l1: 0.05 });
      const l2 = await fit({ l2: 0.05 });
      for (const j of informative) {
        assert.ok(Math.abs(l1.w[j]) > 0.1, `informative input ${j} is kept by L1 (${l1.w[j]})`);
      }
      assert.ok(l1.nearZero >= 0.8, `L1: ${l1.nearZero} of the irrelevant weights below 5e-3`);
      assert.ok(l2.nearZero <= 0.4, `L2: ${l2.nearZero} of the irrelevant weights below 5e-3`);
      assert.ok(l1.meanIrrelevant < l2.meanIrrelevant / 3, `mean |w| of irrelevant inputs: L1 ${l1.meanIrrelevant}, L2 ${l2.meanIrrelevant}`);
      assert.ok(l1.sparsity > l2.sparsity, `recorded sparsity: L1 ${l1.sparsity}, L2 ${l2.sparsity}`);
    });
  }
});
