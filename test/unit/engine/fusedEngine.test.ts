// The fused typed-array engine against the TensorFlow.js path (the reference) and
// against finite differences: the same objective, penalties and gradients at the same
// weights, the same weights after one step, and the same 200-epoch history, for every
// loss (implicit and explicit output activation), activation, penalty form and part,
// optimizer, full batch and mini-batch, one member and several.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import type { MemberConfig, MemberOutcome } from '../../../src/core/engine/trainer';
import { objectiveFor, trainFor } from '../helpers/trainFor';
import { buildNetwork, trainableVariables } from '../../../src/core/engine/network';
import { lossTerms, type LossSpec } from '../../../src/core/engine/objective';
import { fusedLayoutOf, readWeights } from '../../../src/core/engine/fused/layout';
import { FusedTrainee } from '../../../src/core/engine/fused/fusedTrainee';
import type { EpochRow } from '../../../src/core/run/epochRow';
import { Random } from '../../../src/core/data/random';
import { ACTIVATIONS, type Activation, type LayerSpec, type TrainSpec } from '../../../src/core/experiment/experiment';
import type { LayerPenalties } from '../../../src/core/experiment/penalty';
import type { Dataset } from '../../../src/core/data/dataset';
import { testBackend } from '../helpers/backend';
import { layer, trainSpec } from '../helpers/specs';
import { tinyBinary, tinyMulticlass, tinyRegression } from '../helpers/datasets';

function close(a: number, b: number, tol: number, what: string) {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

/** A fused trainee on the network TensorFlow.js builds for these layers and seed (same initial weights). */
function fusedOf(data: Dataset, layers: LayerSpec[], t: TrainSpec) {
  const layout = fusedLayoutOf(layers, data.inputShape, data.task, data.classes);
  assert.ok(layout, 'the fused engine covers this network');
  const net = buildNetwork(layers, data.inputShape, t.seed);
  const params = new Float64Array(layout.size);
  readWeights(layout, net, params);
  const loss: LossSpec = objectiveFor(data, layers);
  const order = Int32Array.from({ length: data.nTrain }, (_, i) => i);
  return { net, layout, loss, trainee: new FusedTrainee(layout, loss, t, data, new Random(t.seed), order, params) };
}

/** The TensorFlow.js path's objective and gradient on all training rows, flattened in the fused layout's order. */
function tfjsObjective(data: Dataset, f: ReturnType<typeof fusedOf>) {
  const x = tf.tensor2d(data.xTrain, [data.nTrain, data.inputShape[0]]);
  const y = tf.tensor1d(data.yTrain);
  const vars = trainableVariables(f.net);
  let dataLoss = 0;
  let penalties: number[] = [];
  const { grads } = tf.variableGrads(() => {
    const t = lossTerms(f.net, f.loss, x, y, { training: true });
    dataLoss = t.dataLoss.dataSync()[0];
    penalties = t.penalties.map((p) => p.dataSync()[0]);
    return t.total;
  }, vars);
  const gradient = new Float64Array(f.layout.size);
  let at = 0;
  for (const v of vars) {
    gradient.set(grads[v.name].dataSync(), at);
    at += v.size;
  }
  tf.dispose([x, y, ...Object.values(grads)]);
  return { dataLoss, penalties, gradient };
}

function sameVector(a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what: string, floor = 0) {
  assert.equal(a.length, b.length, what);
  // Relative to the vector's scale too: an entry near zero carries float32 rounding of its neighbours' size.
  let scale = floor;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol * Math.max(Math.abs(b[i]), 1e-2 * scale, 1e-6), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
}

function net(hidden: Activation, out: Activation | undefined, units: number, h: LayerPenalties, o: LayerPenalties): LayerSpec[] {
  return [
    layer('dense', 7, { name: 'h1', activation: hidden, penalties: h }),
    layer('dense', 5, { name: 'h2', activation: 'tanh', penalties: {} }),
    layer('dense', units, { name: 'out', activation: out, penalties: o }),
  ];
}

const TASKS: { what: string; data: () => Dataset; out: Activation | undefined; units: number }[] = [
  { what: 'binary, implicit sigmoid', data: () => tinyBinary(), out: undefined, units: 1 },
  { what: 'binary, explicit sigmoid', data: () => tinyBinary(), out: 'sigmoid', units: 1 },
  { what: 'multiclass, implicit softmax', data: () => tinyMulticlass(), out: undefined, units: 3 },
  { what: 'multiclass, explicit softmax', data: () => tinyMulticlass(), out: 'softmax', units: 3 },
  { what: 'regression, linear', data: () => tinyRegression(), out: 'linear', units: 1 },
  { what: 'regression, tanh output', data: () => tinyRegression(), out: 'tanh', units: 1 },
];

const PENALTIES: { what: string; h: LayerPenalties; o: LayerPenalties }[] = [
  { what: 'l2 kernel, l1 bias, l2 activity', h: { kernel: { l2: 0.02 }, bias: { l1: 0.03 }, activity: { l2: 0.01 } }, o: { kernel: { l2: 0.05 } } },
  { what: 'elastic kernel, expabs bias, l1 activity', h: { kernel: { l1: 0.01, l2: 0.02 }, bias: { expabs: 0.02 }, activity: { l1: 0.01 } }, o: { activity: { l2: 0.02 } } },
  { what: 'expabs kernel, l2 bias, elastic activity on the output', h: { kernel: { expabs: 0.01 }, bias: { l2: 0.05 } }, o: { kernel: { l1: 0.01 }, activity: { l1: 0.01, l2: 0.01 } } },
];

describe('fused engine', () => {
  before(testBackend);

  it('covers dense networks on flat inputs only; the others stay on TensorFlow.js', () => {
    const d = tinyBinary();
    assert.ok(fusedLayoutOf(net('gelu', 'sigmoid', 1, {}, {}), [2], 'binary', 2));
    assert.equal(fusedLayoutOf([layer('dense', 4), layer('dropout', 0.5), layer('dense', 1)], [2], 'binary', 2), null, 'dropout');
    assert.equal(fusedLayoutOf([layer('lstm', 4), layer('dense', 1)], [5, 1], 'binary', 2), null, 'recurrent');
    assert.equal(fusedLayoutOf([layer('dense', 4), layer('dense', 2)], [2], 'binary', 2), null, 'an output that does not fit the task');
    const layout = fusedLayoutOf([layer('dense', 4), layer('dense', 1, { bias: false })], d.inputShape, d.task, d.classes)!;
    assert.deepEqual(layout.layers.map((l) => [l.kernel, l.bias]), [[0, 8], [12, -1]]);
    assert.equal(layout.size, 16);
  });

  for (const task of TASKS) {
    for (const pen of PENALTIES) {
      it(`the same objective, penalties and gradient as TensorFlow.js: ${task.what}; ${pen.what}`, () => {
        const data = task.data();
        const f = fusedOf(data, net('relu', task.out, task.units, pen.h, pen.o), trainSpec({ batch: 1000 }));
        const ours = f.trainee.objective();
        const ref = tfjsObjective(data, f);
        close(ours.dataLoss, ref.dataLoss, 1e-5, 'data loss');
        ours.penalties.forEach((p, k) => close(p, ref.penalties[k], 1e-5, `penalty of layer ${k}`));
        assert.ok(ours.penalties.some((p) => p > 0));
        sameVector(ours.gradient, ref.gradient, 1e-5, 'gradient');
        f.net.model.dispose();
      });
    }
  }

  it('every activation of the cell language: the same objective and gradient as TensorFlow.js', () => {
    for (const a of ACTIVATIONS) {
      const data = tinyBinary();
      const f = fusedOf(data, net(a, 'sigmoid', 1, { kernel: { l2: 0.01 }, activity: { l1: 0.01, l2: 0.01 } }, {}), trainSpec({ batch: 1000, seed: 3 }));
      const ours = f.trainee.objective();
      const ref = tfjsObjective(data, f);
      close(ours.dataLoss, ref.dataLoss, 1e-5, `${a}: data loss`);
      ours.penalties.forEach((p, k) => close(p, ref.penalties[k], 1e-5, `${a}: penalty of layer ${k}`));
      sameVector(ours.gradient, ref.gradient, 1e-5, `${a}: gradient`);
      f.net.model.dispose();
    }
  });

  it('its gradient is the objective\'s derivative (central finite differences in float64)', () => {
    const cases: [Dataset, LayerSpec[]][] = [
      [tinyBinary(), net('gelu', 'sigmoid', 1, { kernel: { l2: 0.02, expabs: 0.01 }, bias: { l2: 0.1 }, activity: { l2: 0.03 } }, { kernel: { l2: 0.02 } })],
      [tinyMulticlass(), net('softplus', 'softmax', 3, { kernel: { l2: 0.02 }, activity: { l2: 0.02 } }, { activity: { l2: 0.05 } })],
      [tinyRegression(), net('swish', 'tanh', 1, { kernel: { expabs: 0.02 } }, { bias: { l2: 0.1 }, activity: { l2: 0.1 } })],
      [tinyBinary(), net('softmax', undefined, 1, { kernel: { l2: 0.01 }, activity: { l2: 0.1 } }, {})],
    ];
    for (const [data, layers] of cases) {
      const f = fusedOf(data, layers, trainSpec({ batch: 1000, seed: 5 }));
      const p = f.trainee.params;
      // Zero biases sit on |w|'s kink: move every weight off it first.
      for (let i = 0; i < p.length; i++) p[i] += 0.05 * Math.sin(i * 1.3 + 0.2);
      const { gradient } = f.trainee.objective();
      const J = () => {
        const o = f.trainee.objective();
        return o.penalties.reduce((a, b) => a + b, o.dataLoss);
      };
      const h = 1e-6;
      for (let i = 0; i < p.length; i++) {
        const w = p[i];
        p[i] = w + h;
        const up = J();
        p[i] = w - h;
        const down = J();
        p[i] = w;
        const fd = (up - down) / (2 * h);
        assert.ok(Math.abs(fd - gradient[i]) <= 1e-6 * Math.max(1, Math.abs(fd)), `${data.task}, parameter ${i}: ${gradient[i]} vs finite difference ${fd}`);
      }
      f.net.model.dispose();
    }
  });

  const OPTIMIZERS: Partial<TrainSpec>[] = [
    { optimizer: 'adam', lr: 0.01 },
    { optimizer: 'adamw', lr: 0.01, weightDecay: 0.05 },
    { optimizer: 'rmsprop', lr: 0.005 },
    { optimizer: 'sgd', lr: 0.1 },
    { optimizer: 'sgd', lr: 0.05, momentum: 0.9 },
    { optimizer: 'sgd', lr: 0.05, momentum: 0.5, weightDecay: 0.01 },
  ];

  /** The same trained weights, each tensor relative to the largest weight of the network. */
  function sameWeights(a: MemberOutcome, b: MemberOutcome, tol: number, what: string) {
    const wa = a.network.model.getWeights().map((w) => w.dataSync());
    const wb = b.network.model.getWeights().map((w) => w.dataSync());
    const scale = Math.max(...wb.map((w) => Math.max(...Array.from(w, Math.abs))));
    wa.forEach((w, j) => sameVector(w, wb[j], tol, `${what}: weight ${j}`, scale));
  }

  for (const o of OPTIMIZERS) {
    const name = `${o.optimizer}${o.momentum ? ` momentum ${o.momentum}` : ''}${o.weightDecay ? ` decay ${o.weightDecay}` : ''}`;
    for (const batch of [1000, 8]) {
      it(`the same weights after one epoch as TensorFlow.js: ${name}, ${batch === 1000 ? 'one step' : 'mini-batches of 8'}`, async () => {
        for (const task of [TASKS[0], TASKS[3], TASKS[4]]) {
          const cfg: MemberConfig = { layers: net('relu', task.out, task.units, PENALTIES[0].h, PENALTIES[0].o), train: trainSpec({ epochs: 1, batch, ...o }) };
          const [ours] = await trainFor(task.data(), [cfg]);
          const [ref] = await trainFor(task.data(), [cfg], { engine: 'tfjs' });
          assert.equal(ours.engine, 'fused');
          assert.equal(ref.engine, 'tfjs');
          sameWeights(ours, ref, 1e-5, `${name}, ${task.what}`);
          close(ours.rows[0].dataLoss, ref.rows[0].dataLoss, 1e-5, 'data loss');
          close(ours.rows[0].testLoss, ref.rows[0].testLoss, 1e-5, 'test loss');
          for (const m of [ours, ref]) m.network.model.dispose();
        }
      });
    }
  }

  function sameHistories(a: MemberOutcome, b: MemberOutcome, what: string) {
    assert.equal(a.status, b.status, what);
    assert.equal(a.rows.length, b.rows.length, what);
    a.rows.forEach((r, e) => {
      const s = b.rows[e];
      const at = `${what}, epoch ${e + 1}`;
      assert.equal(r.epoch, s.epoch);
      close(r.dataLoss, s.dataLoss, 1e-4, `${at} data loss`);
      close(r.totalLoss, s.totalLoss, 1e-4, `${at} total loss`);
      r.penalty.forEach((p, k) => close(p, s.penalty[k], 1e-4, `${at} penalty ${k}`));
      close(r.trainLoss, s.trainLoss, 1e-4, `${at} train loss`);
      close(r.testLoss, s.testLoss, 1e-4, `${at} test loss`);
      close(r.trainMetric, s.trainMetric, 1e-4, `${at} train metric`);
      close(r.testMetric, s.testMetric, 1e-4, `${at} test metric`);
      r.norms.forEach((n, k) => n.forEach((v, j) => close(v, s.norms[k][j], 1e-4, `${at} norm ${j} of layer ${k}`)));
    });
  }

  // Settings away from chaos: with Adam, a weight held at zero by an L1 term takes
  // +-lr steps whose sign is decided by float32 rounding of a near-zero gradient, and a
  // large step size makes some networks (selu at lr 0.05) sensitive to a 1e-5 change of
  // one input: there no two float implementations agree after 200 epochs.
  const HISTORIES: { what: string; task: (typeof TASKS)[number]; pen: (typeof PENALTIES)[number]; train: Partial<TrainSpec> }[] = [
    { what: 'adam, full batch', task: TASKS[0], pen: PENALTIES[0], train: { optimizer: 'adam', lr: 0.01, batch: 1000 } },
    { what: 'adam, mini-batch', task: TASKS[1], pen: PENALTIES[2], train: { optimizer: 'adam', lr: 0.003, batch: 8 } },
    { what: 'adamw, mini-batch', task: TASKS[2], pen: PENALTIES[0], train: { optimizer: 'adamw', lr: 0.01, batch: 8, weightDecay: 0.05 } },
    { what: 'rmsprop, full batch', task: TASKS[3], pen: PENALTIES[2], train: { optimizer: 'rmsprop', lr: 0.003, batch: 1000 } },
    { what: 'sgd, mini-batch', task: TASKS[4], pen: PENALTIES[1], train: { optimizer: 'sgd', lr: 0.05, batch: 7 } },
    { what: 'sgd with momentum, full batch', task: TASKS[5], pen: PENALTIES[2], train: { optimizer: 'sgd', lr: 0.05, momentum: 0.9, batch: 1000 } },
  ];
  for (const c of HISTORIES) {
    it(`the same 200-epoch history as TensorFlow.js: ${c.task.what}; ${c.pen.what}; ${c.what}`, async () => {
      const cfg: MemberConfig = { layers: net('elu', c.task.out, c.task.units, c.pen.h, c.pen.o), train: trainSpec({ epochs: 200, ...c.train }) };
      const [ours] = await trainFor(c.task.data(), [cfg]);
      const [ref] = await trainFor(c.task.data(), [cfg], { engine: 'tfjs' });
      sameHistories(ours, ref, c.what);
      sameWeights(ours, ref, 1e-3, c.what);
      for (const m of [ours, ref]) m.network.model.dispose();
    });
  }

  it('a group of members (a sweep chunk) trains like TensorFlow.js\'s stack, each member apart', async () => {
    const data = tinyBinary();
    const configs: MemberConfig[] = [0.1, 0.01, 0.001].map((alpha, k) => ({
      layers: net('relu', 'sigmoid', 1, { kernel: { l2: alpha }, activity: { l2: alpha } }, { kernel: { l2: alpha } }),
      train: trainSpec({ epochs: 200, batch: 8, lr: 0.005, seed: 1 + k }),
    }));
    const ours = await trainFor(data, configs);
    const ref = await trainFor(data, configs, { engine: 'tfjs' });
    ours.forEach((o, k) => {
      assert.equal(o.engine, 'fused');
      sameHistories(o, ref[k], `member ${k}`);
    });
    assert.ok(ours[0].rows.at(-1)!.norms[0][1] < ours[2].rows.at(-1)!.norms[0][1], 'the strongest penalty ends with the smallest weights');
    for (const m of [...ours, ...ref]) m.network.model.dispose();
  });

  it('members the fused engine does not cover train on TensorFlow.js in the same call', async () => {
    const dense: MemberConfig = { layers: net('relu', 'sigmoid', 1, {}, {}), train: trainSpec({ epochs: 5 }) };
    const dropout: MemberConfig = { layers: [layer('dense', 6, { activation: 'relu' }), layer('dropout', 0.3), layer('dense', 1, { activation: 'sigmoid' })], train: trainSpec({ epochs: 5 }) };
    const [a, b] = await trainFor(tinyBinary(), [dense, dropout]);
    assert.deepEqual([a.engine, b.engine], ['fused', 'tfjs']);
    assert.deepEqual([a.rows.length, b.rows.length], [5, 5]);
    for (const m of [a, b]) m.network.model.dispose();
  });

  it('a member with rows of its own trains and is scored on them, on both engines alike', async () => {
    const all = tinyBinary(40, 16);
    // A fold: the first 30 rows train, the last 10 score.
    const fold: Dataset = { ...all, nTrain: 30, nTest: 10, xTrain: all.xTrain.slice(0, 60), yTrain: all.yTrain.slice(0, 30), xTest: all.xTrain.slice(60, 80), yTest: all.yTrain.slice(30, 40) };
    const layers = net('tanh', 'sigmoid', 1, { kernel: { l2: 0.01 } }, {});
    const configs: MemberConfig[] = [{ layers, train: trainSpec({ epochs: 50, batch: 8 }), data: fold }, { layers, train: trainSpec({ epochs: 50, batch: 8 }) }];
    const ours = await trainFor(all, configs);
    const ref = await trainFor(all, configs, { engine: 'tfjs' });
    sameHistories(ours[0], ref[0], 'own rows');
    sameHistories(ours[1], ref[1], 'shared rows');
    const [alone] = await trainFor(fold, [configs[1]]);
    sameHistories(ours[0], alone, 'own rows vs the fold as the data set');
    assert.notEqual(ours[0].rows.at(-1)!.testLoss, ours[1].rows.at(-1)!.testLoss);
    for (const m of [...ours, ...ref, alone]) m.network.model.dispose();
  });

  it('record: last keeps only the last row, equal to the one recorded every epoch; after a divergence, the row before it', async () => {
    const configs: MemberConfig[] = [
      { layers: [layer('dense', 6, { activation: 'relu' }), layer('dense', 1, { penalties: { kernel: { l2: 0.01 } } })], train: trainSpec({ epochs: 40, batch: 1000, optimizer: 'adam', lr: 0.01 }) },
      { layers: [layer('dense', 6, { activation: 'tanh' }), layer('dense', 1)], train: trainSpec({ epochs: 25, batch: 8, optimizer: 'sgd', lr: 0.05, seed: 3 }) },
      { layers: [layer('dense', 1, { name: 'linear', penalties: { kernel: { l2: 1e6 } } })], train: trainSpec({ epochs: 30, batch: 1000, optimizer: 'sgd', lr: 0.5 }) },
    ];
    const every = await trainFor(tinyRegression(), configs);
    const last = await trainFor(tinyRegression(), configs.map((c) => ({ ...c, record: 'last' as const })));
    assert.equal(every[2].status, 'diverged', 'the third member diverges');
    every.forEach((e, i) => {
      const l = last[i];
      assert.equal(l.status, e.status);
      assert.equal(l.error, e.error);
      assert.deepEqual(l.rows, e.rows.slice(-1), `member ${i}: the last row, to the bit`);
      // A diverged member's weights are not finite either way (and nobody keeps them).
      if (e.status !== 'diverged') assert.deepEqual(l.network.model.getWeights().map((w) => Array.from(w.dataSync())), e.network.model.getWeights().map((w) => Array.from(w.dataSync())), `member ${i}: the same trained weights`);
    });
    for (const m of [...every, ...last]) m.network.model.dispose();
  });

  it('scoring an earlier epoch\'s weights leaves the training as it was, to the bit', () => {
    const layers = [layer('dense', 5, { activation: 'relu' }), layer('dense', 1, { penalties: { kernel: { l2: 0.01 } } })];
    const t = trainSpec({ epochs: 8, batch: 1000, optimizer: 'adam', lr: 0.05 });
    const plain = fusedOf(tinyBinary(), layers, t);
    const scoring = fusedOf(tinyBinary(), layers, t);
    let earlier: Float64Array | undefined;
    let held: EpochRow | undefined;
    for (let epoch = 1; epoch <= 8; epoch++) {
      plain.trainee.runEpoch(epoch);
      if (epoch === 3) earlier = scoring.trainee.params.slice();
      const row = scoring.trainee.trainedEpoch(epoch);
      if (epoch === 3) held = row;
      // The sweep's record: last scores a held row at its own weights mid-training.
      if (epoch === 5) scoring.trainee.scoredAt(held!, earlier!);
      else scoring.trainee.scored(row);
    }
    assert.ok(Number.isFinite(held!.testLoss));
    assert.deepEqual(Array.from(scoring.trainee.params), Array.from(plain.trainee.params));
    plain.net.model.dispose();
    scoring.net.model.dispose();
  });

  it('a member that diverges stops with its history kept; the trained weights come back into its network', async () => {
    const blow: MemberConfig = { layers: [layer('dense', 1, { name: 'linear', penalties: { kernel: { l2: 1e6 } } })], train: trainSpec({ epochs: 30, batch: 1000, optimizer: 'sgd', lr: 0.5 }) };
    const fine: MemberConfig = { layers: [layer('dense', 1, { name: 'linear', penalties: { kernel: { l2: 0.01 } } })], train: trainSpec({ epochs: 30, batch: 1000, optimizer: 'sgd', lr: 0.1, seed: 2 }) };
    const [b, f] = await trainFor(tinyRegression(), [blow, fine]);
    assert.equal(b.status, 'diverged');
    assert.match(b.error ?? '', /epoch \d+/);
    assert.ok(b.rows.length < 30 && b.rows.every((r) => Number.isFinite(r.totalLoss)));
    assert.equal(f.status, 'completed');
    // The network holds the trained weights: its predictions give the last recorded test loss.
    const data = tinyRegression();
    const pred = (f.network.model.predict(tf.tensor2d(data.xTest, [data.nTest, 3])) as tf.Tensor).dataSync();
    const mse = Array.from(pred).reduce((a, p, i) => a + (p - data.yTest[i]) ** 2, 0) / data.nTest;
    close(mse, f.rows.at(-1)!.testLoss, 1e-5, 'test loss of the returned network');
    for (const m of [b, f]) m.network.model.dispose();
  });
});
