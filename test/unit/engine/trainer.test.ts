import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { train, type MemberConfig } from '../../../src/core/engine/trainer';
import type { Dataset } from '../../../src/core/data/dataset';
import { objectiveOf } from '../../../src/core/cell/completeSpec';
import { trainFor } from '../helpers/trainFor';
import { buildNetwork } from '../../../src/core/engine/network';
import { forward } from '../../../src/core/engine/forward';
import { testBackend } from '../helpers/backend';
import { layer, trainSpec } from '../helpers/specs';
import { tinyBinary, tinyRegression } from '../helpers/datasets';

function mlp(penalties = {}, epochs = 30, extra = {}): MemberConfig {
  return {
    layers: [layer('dense', 8, { name: 'hidden', activation: 'relu', penalties }), layer('dense', 1, { name: 'out', activation: 'sigmoid', penalties })],
    train: trainSpec({ epochs, batch: 64, ...extra }),
  };
}

/** `data` whose task and classes cannot be read: the trainer must take them from the spec. */
function withoutTask(data: Dataset): Dataset {
  return new Proxy(data, {
    get(target, key, receiver) {
      if (key === 'task' || key === 'classes') throw new Error(`the trainer read data.${key}`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

describe('trainer', () => {
  before(testBackend);

  for (const engine of ['auto', 'tfjs'] as const) {
    it(`trains for the completed spec's objective, never the data set's task (${engine})`, async () => {
      const cfg = mlp({ kernel: { l2: 0.01 } }, 6);
      const binary = objectiveOf('binary', 2, 'sigmoid');
      const [truth] = await train(binary, tinyBinary(), [cfg], { engine });
      const [blind] = await train(binary, withoutTask(tinyBinary()), [cfg], { engine });
      // A data set that claims another task trains by the spec all the same.
      const [misled] = await train(binary, { ...tinyBinary(), task: 'regression', classes: 1 }, [cfg], { engine });
      // The objective does decide: the same rows as a regression give other losses and scores.
      const [regression] = await train(objectiveOf('regression', 1, 'linear'), tinyBinary(), [cfg], { engine });
      assert.equal(blind.status, 'completed', blind.error ?? '');
      assert.deepEqual(blind.rows, truth.rows);
      assert.deepEqual(misled.rows, truth.rows);
      assert.notDeepEqual(regression.rows.map((r) => r.dataLoss), truth.rows.map((r) => r.dataLoss));
      // Accuracy over 24 training rows: a multiple of 1/24, as R^2 would not be.
      for (const r of truth.rows) assert.ok(Math.abs(r.trainMetric * 24 - Math.round(r.trainMetric * 24)) < 1e-6, `train accuracy ${r.trainMetric}`);
      for (const o of [truth, blind, misled, regression]) o.network.model.dispose();
    });
  }

  it('records per epoch: totalLoss = dataLoss + sum of layer penalties, penalty consistent with the norms', async () => {
    const [out] = await trainFor(tinyBinary(), [mlp({ kernel: { l2: 0.01 } }, 20)]);
    assert.equal(out.status, 'completed');
    assert.equal(out.rows.length, 20);
    for (const r of out.rows) {
      const sum = r.dataLoss + r.penalty[0] + r.penalty[1];
      assert.ok(Math.abs(r.totalLoss - sum) <= 1e-12 * Math.max(1, sum));
    }
    // Full batch: the penalty of epoch e is taken on the weights the previous epoch ended with,
    // whose L2 norm is recorded separately. l2 * ||W||^2 must agree.
    for (let e = 1; e < out.rows.length; e++) {
      for (let k = 0; k < 2; k++) {
        const norm = out.rows[e - 1].norms[k][1];
        const expected = 0.01 * norm * norm;
        assert.ok(Math.abs(out.rows[e].penalty[k] - expected) < 1e-4 * expected, `epoch ${e + 1} layer ${k}: ${out.rows[e].penalty[k]} vs ${expected}`);
      }
    }
    out.network.model.dispose();
  });

  it('test loss is the data loss on the test set only, without the penalty', async () => {
    const data = tinyBinary();
    const [out] = await trainFor(data, [mlp({ kernel: { l2: 0.5 } }, 5)]);
    const last = out.rows[out.rows.length - 1];
    const pred = (out.network.model.predict(tf.tensor2d(data.xTest, [data.nTest, 2])) as tf.Tensor).dataSync();
    let bce = 0;
    for (let i = 0; i < data.nTest; i++) {
      const p = Math.min(Math.max(pred[i], 1e-7), 1 - 1e-7);
      bce -= data.yTest[i] * Math.log(p) + (1 - data.yTest[i]) * Math.log(1 - p);
    }
    bce /= data.nTest;
    assert.ok(last.penalty[0] > 0.1, 'a strong penalty is present in the training loss');
    assert.ok(Math.abs(last.testLoss - bce) < 1e-4, `test loss ${last.testLoss} vs ${bce} from model.predict`);
    let correct = 0;
    for (let i = 0; i < data.nTest; i++) correct += (pred[i] > 0.5 ? 1 : 0) === data.yTest[i] ? 1 : 0;
    assert.ok(Math.abs(last.testMetric - correct / data.nTest) < 1e-6);
    out.network.model.dispose();
  });

  it('is deterministic for a seed, and the seed matters', async () => {
    const cfg = (seed: number) => ({ ...mlp({ kernel: { l1: 0.001 } }, 15), train: trainSpec({ epochs: 15, batch: 8, seed }) });
    const [a] = await trainFor(tinyBinary(), [cfg(3)]);
    const [b] = await trainFor(tinyBinary(), [cfg(3)]);
    const [c] = await trainFor(tinyBinary(), [cfg(4)]);
    assert.deepEqual(a.rows, b.rows);
    assert.notDeepEqual(a.rows.map((r) => r.dataLoss), c.rows.map((r) => r.dataLoss));
    for (const o of [a, b, c]) o.network.model.dispose();
  });

  it('dropout masks are seeded, and training with dropout differs from training without', async () => {
    const cfg = (rate: number): MemberConfig => ({
      layers: [layer('dense', 16, { name: 'h' }), layer('dropout', rate, { name: 'drop', bias: false }), layer('dense', 1, { name: 'o', activation: 'sigmoid' })],
      train: trainSpec({ epochs: 8, batch: 64, seed: 9 }),
    });
    const [a] = await trainFor(tinyBinary(), [cfg(0.5)]);
    const [b] = await trainFor(tinyBinary(), [cfg(0.5)]);
    const [none] = await trainFor(tinyBinary(), [cfg(0)]);
    assert.deepEqual(a.rows, b.rows, 'same seed, same masks');
    // Same seed and initial weights: only the masks differ, so the first epoch's training loss does.
    assert.notEqual(a.rows[0].dataLoss, none.rows[0].dataLoss, 'dropout changed the training');
    for (const o of [a, b, none]) o.network.model.dispose();
  });

  it('dropout zeroes a fraction `rate` of the units in training, scales the rest by 1/(1 - rate), draws new masks per step, and is the identity at test time', () => {
    const rate = 0.3;
    const units = 4000;
    // Activity penalties make forward() hand back the layers' outputs: before and after dropout.
    const activity = { activity: { l2: 1 } };
    const net = buildNetwork(
      [layer('dense', units, { name: 'h', activation: 'relu', penalties: activity }), layer('dropout', rate, { name: 'drop', bias: false, penalties: activity }), layer('dense', 1, { name: 'o' })],
      [2],
      5,
    );
    try {
      const x = tf.tensor2d([[1, 2]]);
      const outputs = (training: boolean, dropoutSeed: number) =>
        tf.tidy(() => {
          const r = forward(net, x, { training, dropoutSeed });
          return [r.activity.get(0)!, r.activity.get(1)!].map((t) => Array.from(t.dataSync()));
        });
      const [before, after] = outputs(true, 11);
      const live = before.map((v, i) => [v, after[i]]).filter(([v]) => v !== 0);
      assert.ok(live.length > 1000, `enough active units (${live.length})`);
      const dropped = live.filter(([, w]) => w === 0).length;
      // Binomial(n, rate): 5 standard deviations either way.
      const sd = Math.sqrt(live.length * rate * (1 - rate));
      assert.ok(Math.abs(dropped - rate * live.length) < 5 * sd, `dropped ${dropped} of ${live.length}, expected about ${rate * live.length}`);
      for (const [v, w] of live) if (w !== 0) assert.ok(Math.abs(w - v / (1 - rate)) <= 1e-5 * Math.abs(w), `${w} = ${v} / ${1 - rate}`);
      const [, again] = outputs(true, 11);
      assert.deepEqual(again, after, 'a seed gives its mask');
      const [, other] = outputs(true, 12);
      assert.notDeepEqual(other, after, 'another step, another mask');
      const [testBefore, testAfter] = outputs(false, 11);
      assert.deepEqual(testAfter, testBefore, 'no dropout at test time');
      x.dispose();
    } finally {
      net.model.dispose();
    }
  });

  it('stops as diverged when the loss becomes non-finite, naming the epoch and keeping the history before it', async () => {
    const cfg: MemberConfig = { layers: [layer('dense', 1, { name: 'lin' })], train: trainSpec({ epochs: 200, batch: 64, optimizer: 'sgd', lr: 50 }) };
    const [out] = await trainFor(tinyRegression(), [cfg], { flushMs: 0 });
    assert.equal(out.status, 'diverged');
    const m = /epoch (\d+)/.exec(out.error ?? '');
    assert.ok(m, out.error ?? 'no error');
    assert.equal(out.rows.length, Number(m[1]) - 1);
    assert.ok(out.rows.length > 0 && out.rows.length < 200);
    assert.ok(out.rows.every((r) => Number.isFinite(r.totalLoss)));
    out.network.model.dispose();
  });

  it('cancellation stops within an epoch and keeps what was trained', async () => {
    const controller = new AbortController();
    let seen = 0;
    const [out] = await trainFor(tinyBinary(), [mlp({}, 500)], {
      flushMs: 0,
      signal: controller.signal,
      onRows: (_m, rows) => {
        seen += rows.length;
        if (seen >= 3) controller.abort();
      },
    });
    assert.equal(out.status, 'cancelled');
    assert.ok(out.rows.length >= 3 && out.rows.length <= 4, `kept ${out.rows.length} epochs`);
    out.network.model.dispose();
  });

  it('decoupled weight decay (sgd) moves the weights like an L2 penalty of d/2 but reports no penalty', async () => {
    const base = { layers: [layer('dense', 4, { name: 'h', activation: 'tanh' }), layer('dense', 1, { name: 'o' })] };
    const decay: MemberConfig = { ...base, train: trainSpec({ epochs: 10, batch: 64, optimizer: 'sgd', lr: 0.05, weightDecay: 0.2 }) };
    const l2: MemberConfig = {
      layers: base.layers.map((l) => ({ ...l, penalties: { kernel: { l2: 0.1 } } })),
      train: trainSpec({ epochs: 10, batch: 64, optimizer: 'sgd', lr: 0.05 }),
    };
    const [a, b] = await trainFor(tinyRegression(), [decay, l2]);
    assert.ok(a.rows.every((r) => r.penalty.every((p) => p === 0)));
    assert.ok(b.rows[5].penalty[0] > 0);
    // With plain sgd, shrinking by (1 - lr*d) before a step taken with the gradient at the
    // undecayed weights is the same update as an L2 penalty of d/2: the same trajectory.
    a.rows.forEach((r, i) => {
      assert.ok(Math.abs(r.dataLoss - b.rows[i].dataLoss) < 1e-5 * Math.max(1, r.dataLoss), `epoch ${i + 1}: ${r.dataLoss} vs ${b.rows[i].dataLoss}`);
      assert.ok(Math.abs(r.norms[0][1] - b.rows[i].norms[0][1]) < 1e-5 * r.norms[0][1]);
    });
    a.network.model.dispose();
    b.network.model.dispose();
  });

  it('several members in one pass give the same histories as one by one', async () => {
    const m1 = { ...mlp({ kernel: { l2: 0.01 } }, 12), train: trainSpec({ epochs: 12, batch: 8, seed: 1 }) };
    const m2 = { ...mlp({ kernel: { l1: 0.001 } }, 12), train: trainSpec({ epochs: 12, batch: 8, seed: 2 }) };
    const together = await trainFor(tinyBinary(), [m1, m2]);
    const [alone1] = await trainFor(tinyBinary(), [m1]);
    const [alone2] = await trainFor(tinyBinary(), [m2]);
    assert.deepEqual(together[0].rows, alone1.rows);
    assert.deepEqual(together[1].rows, alone2.rows);
    for (const o of [...together, alone1, alone2]) o.network.model.dispose();
  });

  for (const engine of ['auto', 'tfjs'] as const) {
    it(`members of different lengths, one diverging, in one call: each keeps its own epochs, as alone (${engine})`, async () => {
      const linear = (epochs: number, lr: number): MemberConfig => ({ layers: [layer('dense', 1, { name: 'lin' })], train: trainSpec({ epochs, batch: 64, optimizer: 'sgd', lr }) });
      const configs = [linear(5, 0.05), linear(200, 50), linear(40, 0.05)];
      // flushMs 0: a flush (where divergence is found) after every epoch; the default:
      // spans of epochs between flushes, over which members end at different epochs.
      for (const flushMs of [0, undefined]) {
        const together = await train(objectiveOf('regression', 1, 'linear'), tinyRegression(), configs, { engine, flushMs });
        const alone = await Promise.all(configs.map(async (c) => (await train(objectiveOf('regression', 1, 'linear'), tinyRegression(), [c], { engine }))[0]));
        assert.deepEqual(together.map((o) => o.status), ['completed', 'diverged', 'completed']);
        assert.deepEqual(together.map((o) => o.rows.length), [5, alone[1].rows.length, 40]);
        assert.ok(alone[1].rows.length > 0 && alone[1].rows.length < 200, `diverged after ${alone[1].rows.length} epochs`);
        together.forEach((o, i) => {
          assert.deepEqual(o.rows, alone[i].rows, `member ${i} (flushMs ${flushMs})`);
          assert.equal(o.error, alone[i].error);
        });
        for (const o of [...together, ...alone]) o.network.model.dispose();
      }
    });
  }
});

describe('final views', () => {
  before(testBackend);

  it('decision boundary: model probabilities over the plane, and every data point', async () => {
    const { decisionBoundary } = await import('../../../src/core/engine/finalViews');
    const data = tinyBinary();
    const [out] = await trainFor(data, [mlp({}, 40)]);
    const b = decisionBoundary(out.network, data, data.task)!;
    assert.equal(b.values.length, b.xs.length * b.ys.length);
    assert.equal(b.points.length, data.nTrain + data.nTest);
    // The value at a grid cell is the model's own prediction there.
    const r = 17;
    const c = 41;
    const p = (out.network.model.predict(tf.tensor2d([[b.xs[c], b.ys[r]]])) as tf.Tensor).dataSync()[0];
    assert.ok(Math.abs(b.values[r * b.xs.length + c] - p) < 1e-3);
    // Trained on y = [a + 0.5 b > 0]: the far corners of that rule are classified apart.
    assert.ok(b.values[b.values.length - 1] > 0.5 && b.values[0] < 0.5);
    out.network.model.dispose();
  });

  it('weight histograms count every penalized weight', async () => {
    const { weightHistograms } = await import('../../../src/core/engine/finalViews');
    const [out] = await trainFor(tinyBinary(), [mlp({}, 2)]);
    const h = weightHistograms(out.network);
    assert.deepEqual(Object.keys(h), ['hidden', 'out']);
    assert.equal(h.hidden.counts.reduce((a, b) => a + b, 0), 2 * 8);
    assert.equal(h.out.total, 8);
    assert.equal(h.hidden.edges.length, 31);
    out.network.model.dispose();
  });
});
