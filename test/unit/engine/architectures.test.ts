// Every layer type and optimizer the cell language offers trains, and penalties on
// convolution kernels reach the loss like those on dense kernels.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs/promises';
import * as path from 'path';
import type { MemberConfig } from '../../../src/core/engine/trainer';
import { trainFor } from '../helpers/trainFor';
import { loadDataset } from '../../../src/core/data/loadDataset';
import { penaltyValue } from '../../../src/core/experiment/penalty';
import type { DataSpec, OptimizerName } from '../../../src/core/experiment/experiment';
import { REPO_ROOT, testBackend } from '../helpers/backend';
import { layer, trainSpec } from '../helpers/specs';
import { tinyBinary } from '../helpers/datasets';

const ctx = { baseDir: REPO_ROOT, dataDir: path.join(REPO_ROOT, 'data'), readText: (p: string) => fs.readFile(p, 'utf8') };
const DATA: DataSpec = { source: 'digits', samples: 100, noise: 0.2, seed: 1, shuffle: true, train: 0.3, standardize: 'zscore', standardizeTarget: false, features: 20, informative: 5, classes: 3, window: 20 };

describe('architectures and optimizers', () => {
  before(testBackend);

  it('conv2d + maxpool2d + flatten + dropout on digits images: learns, and the conv kernel penalty is in the loss', async () => {
    const data = await loadDataset(DATA, { ...ctx, inputShape: 'image' });
    assert.deepEqual(data.inputShape, [8, 8, 1]);
    const conv = layer('conv2d', 6, { name: 'conv2d_1', kernel: [3, 3], activation: 'relu', penalties: { kernel: { l2: 0.01 } } });
    const cfg: MemberConfig = {
      layers: [conv, layer('maxpool2d', 2, { name: 'pool', bias: false }), layer('flatten', 0, { name: 'flat', bias: false }), layer('dropout', 0.2, { name: 'drop', bias: false }), layer('dense', 10, { name: 'out', activation: 'softmax' })],
      train: trainSpec({ epochs: 12, batch: 64, lr: 0.01 }),
    };
    const [out] = await trainFor(data, [cfg]);
    assert.equal(out.status, 'completed', out.error ?? '');
    const first = out.rows[0];
    const last = out.rows[out.rows.length - 1];
    assert.ok(last.testMetric > 0.8, `test accuracy ${last.testMetric}`);
    assert.ok(last.dataLoss < first.dataLoss / 2);
    const kernel = Array.from(out.network.weighted[0].kernel!.dataSync());
    assert.equal(kernel.length, 3 * 3 * 1 * 6);
    // The norm recorded at the end of the last epoch is that of the final kernel.
    assert.ok(Math.abs(last.norms[0][1] - Math.sqrt(penaltyValue({ l2: 1 }, kernel))) < 1e-4);
    assert.ok(last.penalty[0] > 0 && last.penalty[1] === 0);
    out.network.model.dispose();
  });

  it('conv1d + maxpool1d on sequences (sine windows) fits a regression', async () => {
    const data = await loadDataset({ ...DATA, source: 'sine', samples: 200, window: 16, noise: 0.05, train: 0.7, shuffle: false }, { ...ctx, inputShape: 'sequence' });
    assert.deepEqual(data.inputShape, [16, 1]);
    const cfg: MemberConfig = {
      layers: [layer('conv1d', 8, { name: 'c', kernel: [3], activation: 'relu', penalties: { kernel: { l1: 0.001 } } }), layer('maxpool1d', 2, { name: 'p', bias: false }), layer('dense', 1, { name: 'o', activation: 'linear' })],
      train: trainSpec({ epochs: 40, batch: 32, lr: 0.01 }),
    };
    const [out] = await trainFor(data, [cfg]);
    assert.equal(out.status, 'completed', out.error ?? '');
    const last = out.rows[out.rows.length - 1];
    assert.ok(last.testMetric > 0.8, `test R2 ${last.testMetric}`);
    out.network.model.dispose();
  });

  for (const optimizer of ['adam', 'sgd', 'rmsprop', 'adamw'] as OptimizerName[]) {
    it(`${optimizer} reduces the training loss`, async () => {
      const cfg: MemberConfig = {
        layers: [layer('dense', 16, { name: 'h', activation: 'tanh' }), layer('dense', 1, { name: 'o', activation: 'sigmoid' })],
        train: trainSpec({ epochs: 40, batch: 8, optimizer, lr: optimizer === 'sgd' ? 0.1 : 0.01, weightDecay: optimizer === 'adamw' ? 0.01 : 0 }),
      };
      const [out] = await trainFor(tinyBinary(), [cfg]);
      assert.ok(out.rows[39].dataLoss < 0.7 * out.rows[0].dataLoss, `${out.rows[0].dataLoss} -> ${out.rows[39].dataLoss}`);
      out.network.model.dispose();
    });
  }
});
