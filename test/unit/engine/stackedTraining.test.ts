// Members of one dense architecture train as one stacked network. What they must
// give is exactly what training each alone gives: the same histories to float
// tolerance, for every task, optimizer, batching and penalty part.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import type { MemberConfig, MemberOutcome } from '../../../src/core/engine/trainer';
import { trainFor } from '../helpers/trainFor';
import { buildNetwork } from '../../../src/core/engine/network';
import { lossTerms, type LossSpec } from '../../../src/core/engine/objective';
import { forward } from '../../../src/core/engine/forward';
import { disposeStack, stackKey, stackNetworks, stackedVariables, unstackInto } from '../../../src/core/engine/stackedNetwork';
import type { LayerPenalties } from '../../../src/core/experiment/penalty';
import type { Dataset } from '../../../src/core/data/dataset';
import type { LayerSpec, TrainSpec } from '../../../src/core/experiment/experiment';
import { testBackend } from '../helpers/backend';
import { layer, trainSpec } from '../helpers/specs';
import { tinyBinary, tinyMulticlass, tinyRegression } from '../helpers/datasets';

function net(hidden: LayerPenalties, out: LayerPenalties, outActivation: LayerSpec['activation'], outUnits = 1): LayerSpec[] {
  return [
    layer('dense', 6, { name: 'h1', activation: 'relu', penalties: hidden }),
    layer('dense', 5, { name: 'h2', activation: 'tanh', penalties: hidden }),
    layer('dense', outUnits, { name: 'out', activation: outActivation, penalties: out }),
  ];
}

function close(a: number, b: number, tol: number, what: string) {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

function sameHistories(together: MemberOutcome, alone: MemberOutcome, what: string) {
  assert.equal(together.status, alone.status, what);
  assert.equal(together.rows.length, alone.rows.length, what);
  together.rows.forEach((r, e) => {
    const s = alone.rows[e];
    const at = `${what}, epoch ${e + 1}`;
    close(r.dataLoss, s.dataLoss, 1e-4, `${at} data loss`);
    r.penalty.forEach((p, k) => close(p, s.penalty[k], 1e-4, `${at} penalty ${k}`));
    close(r.testLoss, s.testLoss, 1e-4, `${at} test loss`);
    close(r.trainMetric, s.trainMetric, 1e-4, `${at} train metric`);
    close(r.testMetric, s.testMetric, 1e-4, `${at} test metric`);
    r.norms.forEach((n, k) => n.forEach((v, j) => close(v, s.norms[k][j], 1e-4, `${at} norm ${j} of layer ${k}`)));
  });
}

async function compareWithAlone(data: Dataset, configs: MemberConfig[], what: string) {
  // "Together equals alone" proves nothing if the members were not stacked: they must have been.
  let groups: number[][] = [];
  const together = await trainFor(data, configs, { engine: 'tfjs', onGroups: (g) => (groups = g) });
  assert.deepEqual(groups, [configs.map((_, i) => i)], `${what}: all members in one stack`);
  for (let i = 0; i < configs.length; i++) {
    const [alone] = await trainFor(data, [configs[i]], { engine: 'tfjs' });
    sameHistories(together[i], alone, `${what}, member ${i}`);
    // The trained weights came back out of the stack into each member's own model.
    const a = together[i].network.model.getWeights();
    const b = alone.network.model.getWeights();
    a.forEach((w, j) => {
      const x = w.dataSync();
      const y = b[j].dataSync();
      x.forEach((v, q) => close(v, y[q], 1e-3, `${what}, member ${i}, weight ${j}[${q}]`));
    });
    // ...and the model works as a model: the same predictions, through our forward pass
    // (fused kernels, as the decision boundary uses) and through tfjs-layers' predict.
    const x = tf.tensor(data.xTest, [data.nTest, ...data.inputShape]);
    const predictions = (o: MemberOutcome) => [forward(o.network, x, { training: false }).logits, o.network.model.predict(x) as tf.Tensor].map((t) => Array.from(t.dataSync()));
    const [ours, theirs] = predictions(together[i]);
    const [ours1, theirs1] = predictions(alone);
    ours.forEach((v, q) => close(v, ours1[q], 1e-3, `${what}, member ${i}, logit ${q}`));
    theirs.forEach((v, q) => close(v, theirs1[q], 1e-3, `${what}, member ${i}, prediction ${q}`));
    x.dispose();
    alone.network.model.dispose();
  }
  for (const o of together) o.network.model.dispose();
  return together;
}

describe('stacked training (members of one dense architecture in one network)', () => {
  before(testBackend);

  it('a sweep\'s members share a key; layers, settings or penalty terms that differ do not', () => {
    const t = trainSpec();
    const a = stackKey(net({ kernel: { l2: 0.1 } }, { kernel: { l2: 0.1 } }, 'sigmoid'), t, [2]);
    assert.ok(a);
    assert.equal(stackKey(net({ kernel: { l2: 0.001 } }, { kernel: { l2: 5 } }, 'sigmoid'), { ...t, seed: 9 }, [2]), a, 'strength and seed may differ');
    assert.notEqual(stackKey(net({ kernel: { l1: 0.1 } }, { kernel: { l2: 0.1 } }, 'sigmoid'), t, [2]), a, 'another penalty form');
    assert.notEqual(stackKey(net({ kernel: { l2: 0.1 }, bias: { l2: 0.1 } }, { kernel: { l2: 0.1 } }, 'sigmoid'), t, [2]), a, 'another penalized part');
    assert.notEqual(stackKey(net({ kernel: { l2: 0.1 } }, { kernel: { l2: 0.1 } }, 'sigmoid'), { ...t, lr: 0.5 }, [2]), a, 'another learning rate');
    assert.equal(stackKey([layer('dense', 4), layer('dropout', 0.5), layer('dense', 1)], t, [2]), null, 'dropout masks are per member');
    assert.equal(stackKey([layer('lstm', 4), layer('dense', 1)], t, [5, 1]), null, 'recurrent layers');
  });

  it('a stacked network gives each member its own loss terms and gradients', () => {
    const data = tinyBinary();
    const loss: LossSpec = { task: 'binary', classes: 2, outputActivation: 'sigmoid' };
    const alphas = [0.3, 0.01, 0];
    const nets = alphas.map((a, k) => buildNetwork(net({ kernel: { l1: a + 0.1 }, activity: { l2: a + 0.05 } }, { kernel: { l1: a + 0.2 } }, 'sigmoid'), [2], k + 1));
    const stack = stackNetworks(nets);
    const x = tf.tensor2d(data.xTrain, [data.nTrain, 2]);
    const y = tf.tensor1d(data.yTrain);
    const K = nets.length;
    const xs = tf.tile(tf.expandDims(x, 0), [K, 1, 1]);
    const ys = tf.tile(tf.expandDims(y, 0), [K, 1]);
    const vars = stackedVariables(stack);
    const stacked = tf.variableGrads(() => {
      const t = lossTerms(stack, loss, xs, ys, { training: true });
      assert.deepEqual(t.dataLoss.shape, [K]);
      t.penalties.forEach((p) => assert.deepEqual(p.shape, [K]));
      return t.total;
    }, vars);
    nets.forEach((n, k) => {
      const own = n.model.trainableWeights.map((w) => w.read() as tf.Variable);
      const alone = tf.variableGrads(() => lossTerms(n, loss, x, y, { training: true }).total as tf.Scalar, own);
      own.forEach((v, j) => {
        const g = alone.grads[v.name].dataSync();
        const sliced = tf.squeeze(tf.slice(stacked.grads[vars[j].name], [k], [1]), [0]).dataSync();
        g.forEach((gv, q) => close(sliced[q], gv, 1e-5, `member ${k} grad ${j}[${q}]`));
      });
    });
    // Values written into the stack come back out to each member.
    tf.tidy(() => vars.forEach((v) => v.assign(tf.mul(v, 2))));
    const before = nets[1].weighted[0].kernel!.dataSync().slice();
    unstackInto(stack, nets);
    const after = nets[1].weighted[0].kernel!.dataSync();
    before.forEach((v, q) => close(after[q], 2 * v, 1e-6, `unstacked kernel[${q}]`));
    disposeStack(stack);
    for (const n of nets) n.model.dispose();
  });

  const cases: { what: string; data: () => Dataset; out: LayerSpec['activation']; units: number; train: Partial<TrainSpec> }[] = [
    { what: 'binary, adam, mini-batches', data: () => tinyBinary(), out: 'sigmoid', units: 1, train: { batch: 8, optimizer: 'adam', lr: 0.01 } },
    { what: 'multiclass, rmsprop, full batch', data: () => tinyMulticlass(), out: 'softmax', units: 3, train: { batch: 1000, optimizer: 'rmsprop', lr: 0.01 } },
    { what: 'regression, sgd with momentum, mini-batches', data: () => tinyRegression(), out: 'linear', units: 1, train: { batch: 16, optimizer: 'sgd', lr: 0.02, momentum: 0.9 } },
    { what: 'binary, adamw with decoupled decay', data: () => tinyBinary(), out: 'sigmoid', units: 1, train: { batch: 10, optimizer: 'adamw', lr: 0.01, weightDecay: 0.05 } },
  ];
  for (const c of cases) {
    it(`trains like one by one: ${c.what}`, async () => {
      const configs = [0.1, 0.01, 0.001].map((alpha, k) => ({
        layers: net({ kernel: { l1: alpha, l2: alpha }, bias: { l2: alpha }, activity: { l1: alpha } }, { kernel: { l2: alpha } }, c.out, c.units),
        train: trainSpec({ epochs: 12, seed: 1 + k, ...c.train }),
      }));
      const together = await compareWithAlone(c.data(), configs, c.what);
      assert.ok(together[0].rows.at(-1)!.norms[0][1] < together[2].rows.at(-1)!.norms[0][1], 'the strongest penalty ends with the smallest weights');
    });
  }

  it('the trainer stacks members with one key and trains the others apart, as it reports', async () => {
    const t = trainSpec({ epochs: 2, batch: 1000 });
    const l2 = (a: number) => net({ kernel: { l2: a } }, { kernel: { l2: a } }, 'sigmoid');
    const configs: MemberConfig[] = [
      { layers: l2(0.1), train: t },
      { layers: net({ kernel: { l1: 0.1 } }, { kernel: { l1: 0.1 } }, 'sigmoid'), train: t },
      { layers: l2(0.01), train: { ...t, seed: 5 } },
      { layers: [layer('dense', 4, { name: 'h' }), layer('dropout', 0.5, { name: 'd', bias: false }), layer('dense', 1, { name: 'out', activation: 'sigmoid' })], train: t },
      { layers: net({ kernel: { l1: 0.2 } }, { kernel: { l1: 0.2 } }, 'sigmoid'), train: t },
    ];
    let groups: number[][] = [];
    const out = await trainFor(tinyBinary(), configs, { engine: 'tfjs', onGroups: (g) => (groups = g) });
    // L2 members together, L1 members together (another penalty form), dropout alone.
    assert.deepEqual(groups.map((g) => [...g].sort()).sort((a, b) => a[0] - b[0]), [[0, 2], [1, 4], [3]]);
    assert.ok(out.every((o) => o.status === 'completed'));
    for (const o of out) o.network.model.dispose();
  });

  it('a member that diverges stops alone; the others of its stack complete', async () => {
    // One learning rate for the stack; the huge strength makes member 0 blow up.
    const configs = [1e6, 0.01].map((l2, k) => ({ layers: net({ kernel: { l2 } }, {}, 'linear'), train: trainSpec({ epochs: 30, batch: 1000, optimizer: 'sgd', lr: 0.5, seed: k + 1 }) }));
    assert.equal(stackKey(configs[0].layers, configs[0].train, [3]), stackKey(configs[1].layers, configs[1].train, [3]));
    const [blown, fine] = await trainFor(tinyRegression(), configs, { engine: 'tfjs' });
    assert.equal(blown.status, 'diverged');
    assert.match(blown.error ?? '', /epoch \d+/);
    assert.ok(blown.rows.length < 30);
    assert.equal(fine.status, 'completed');
    assert.equal(fine.rows.length, 30);
    for (const o of [blown, fine]) o.network.model.dispose();
  });
});
