// The training loop. It trains several members (models of one data set, each with its
// own layers' penalties, seed and optimizer) epoch by epoch in one pass, so that a
// sweep over alpha and seeds shares the data tensors and the epoch bookkeeping.
//
// Per epoch and member it records one row of scalars, kept on the backend and read
// back in a single batched transfer every `flushMs` (a synchronous read per number
// would dominate the run time of small networks).

import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import type { LayerSpec, TrainSpec } from '../spec/experiment';
import type { RunStatus } from '../run/result';
import { Random } from '../data/random';
import { forward } from './forward';
import { buildNetwork, trackedWeights, trainableVariables, type Network } from './network';
import { dataLoss, defaultOutputActivation, lossTerms, metric, type LossSpec } from './objective';
import { normsOf } from './penalties';
import { makeOptimizer } from './optimizer';

export interface MemberConfig {
  layers: LayerSpec[];
  train: TrainSpec;
  /** Weights to start from (fine-tuning), in the model's weight order. */
  initialWeights?: tf.NamedTensorMap | tf.Tensor[];
}

/** One epoch of one member, as read back from the backend. */
export interface EpochRow {
  epoch: number;
  dataLoss: number;
  /** Per weighted layer, in order. */
  penalty: number[];
  totalLoss: number;
  trainLoss: number;
  testLoss: number;
  trainMetric: number;
  testMetric: number;
  /** Per weighted layer: [l1, l2, max, sparsity]. */
  norms: [number, number, number, number][];
}

export interface MemberOutcome {
  status: RunStatus;
  error: string | null;
  rows: EpochRow[];
  network: Network;
  durationMs: number;
}

export interface TrainOptions {
  signal?: AbortSignal;
  /** New rows of a member since its last report (live charts get deltas, not the whole history). */
  onRows?: (member: number, rows: EpochRow[], epochs: number) => void;
  /** How often rows are read back from the backend, in ms (default 250). */
  flushMs?: number;
}

interface Member {
  config: MemberConfig;
  net: Network;
  vars: tf.Variable[];
  optimizer: tf.Optimizer;
  decayed: tf.Variable[];
  loss: LossSpec;
  random: Random;
  order: Int32Array;
  pending: tf.Tensor1D[];
  rows: EpochRow[];
  status: RunStatus | null;
  error: string | null;
  started: number;
  finished: number;
}

export async function train(data: Dataset, configs: MemberConfig[], opts: TrainOptions = {}): Promise<MemberOutcome[]> {
  const flushMs = opts.flushMs ?? 250;
  const sample = data.inputShape;
  const xTrain = tf.tensor(data.xTrain, [data.nTrain, ...sample]);
  const yTrain = tf.tensor1d(data.yTrain);
  const xTest = tf.tensor(data.xTest, [data.nTest, ...sample]);
  const yTest = tf.tensor1d(data.yTest);
  const xAll = tf.concat([xTrain, xTest]);
  const members = configs.map((config) => createMember(config, data));
  const epochs = Math.max(...configs.map((c) => c.train.epochs));
  let lastFlush = Date.now();
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      await yieldToEventLoop();
      if (opts.signal?.aborted) {
        for (const m of members) if (!m.status) finish(m, 'cancelled', null);
        break;
      }
      for (const m of members) {
        if (m.status || epoch > m.config.train.epochs) continue;
        try {
          m.pending.push(runEpoch(m, data, xTrain, yTrain, xAll, yTest));
        } catch (e) {
          finish(m, 'failed', `epoch ${epoch}: ${(e as Error).message}`);
        }
      }
      const last = epoch === epochs;
      if (last || Date.now() - lastFlush >= flushMs) {
        await flush(members, opts);
        lastFlush = Date.now();
      }
      if (members.every((m) => m.status)) break;
    }
    await flush(members, opts);
    for (const m of members) if (!m.status) finish(m, 'completed', null);
  } finally {
    for (const m of members) {
      m.optimizer.dispose();
      for (const t of m.pending) t.dispose();
    }
    tf.dispose([xTrain, yTrain, xTest, yTest, xAll]);
  }
  return members.map((m) => ({ status: m.status!, error: m.error, rows: m.rows, network: m.net, durationMs: m.finished - m.started }));
}

function createMember(config: MemberConfig, data: Dataset): Member {
  const net = buildNetwork(config.layers, data.inputShape, config.train.seed);
  if (config.initialWeights) loadWeights(net, config.initialWeights);
  const out = net.layers[net.outputIndex];
  const decayed = config.train.weightDecay > 0 ? net.weighted.flatMap((l) => [l.kernel, l.recurrent].filter((v): v is tf.Variable => !!v)) : [];
  return {
    config,
    net,
    vars: trainableVariables(net),
    optimizer: makeOptimizer(config.train),
    decayed,
    loss: { task: data.task, classes: data.classes, outputActivation: out.spec?.activation ?? defaultOutputActivation(data.task) },
    random: new Random(config.train.seed),
    order: Int32Array.from({ length: data.nTrain }, (_, i) => i),
    pending: [],
    rows: [],
    status: null,
    error: null,
    started: Date.now(),
    finished: 0,
  };
}

function loadWeights(net: Network, weights: tf.NamedTensorMap | tf.Tensor[]): void {
  const list = Array.isArray(weights) ? weights : Object.values(weights);
  const expected = net.model.weights;
  if (list.length !== expected.length) {
    throw new Error(`the starting weights have ${list.length} tensors, the network needs ${expected.length}`);
  }
  list.forEach((w, i) => {
    const want = expected[i].shape.join('x');
    if (w.shape.join('x') !== want) throw new Error(`starting weight ${expected[i].originalName} has shape ${w.shape.join('x')}, the network needs ${want}`);
  });
  net.model.setWeights(list);
}

/** Trains one epoch and returns its row of scalars, still on the backend. */
function runEpoch(m: Member, data: Dataset, xTrain: tf.Tensor, yTrain: tf.Tensor, xAll: tf.Tensor, yTest: tf.Tensor): tf.Tensor1D {
  const { train } = m.config;
  const n = data.nTrain;
  const batch = Math.min(train.batch, n);
  const nBatches = Math.ceil(n / batch);
  const weighted = m.net.weighted;
  if (nBatches > 1) m.random.shuffle(m.order);
  let sum: tf.Tensor1D | null = null;
  for (let b = 0; b < nBatches; b++) {
    const dropoutSeed = m.random.int(2 ** 31);
    const step: { stats?: tf.Tensor1D } = {};
    tf.tidy(() => {
      let xb = xTrain;
      let yb = yTrain;
      if (nBatches > 1) {
        const idx = tf.tensor1d(m.order.subarray(b * batch, Math.min(n, (b + 1) * batch)), 'int32');
        xb = tf.gather(xTrain, idx);
        yb = tf.gather(yTrain, idx);
      }
      const { grads } = tf.variableGrads(() => {
        const terms = lossTerms(m.net, m.loss, xb, yb, { training: true, dropoutSeed });
        step.stats = tf.keep(tf.stack([terms.dataLoss, ...terms.penalties]) as tf.Tensor1D);
        return terms.total;
      }, m.vars);
      // Decoupled decay shrinks the weights before the update, the gradient having been
      // taken at the undecayed weights (as PyTorch's AdamW does).
      if (m.decayed.length) applyWeightDecay(m.decayed, train.lr * train.weightDecay);
      m.optimizer.applyGradients(grads);
    });
    if (sum) {
      const next: tf.Tensor1D = tf.add(sum, step.stats!);
      tf.dispose([sum, step.stats!]);
      sum = next;
    } else {
      sum = step.stats!;
    }
  }
  return tf.tidy(() => {
    // One inference pass over train and test rows together: half the op dispatches.
    const logits = forward(m.net, xAll, { training: false }).logits;
    const trainLogits = tf.slice(logits, 0, data.nTrain);
    const testLogits = tf.slice(logits, data.nTrain, data.nTest);
    const scalars = [
      tf.div(sum!, nBatches),
      tf.stack([
        dataLoss(m.loss, trainLogits, yTrain),
        dataLoss(m.loss, testLogits, yTest),
        metric(m.loss, trainLogits, yTrain),
        metric(m.loss, testLogits, yTest),
      ]),
      ...weighted.map((l) => normsOf(trackedWeights(l))),
    ];
    const row = tf.concat(scalars) as tf.Tensor1D;
    sum!.dispose();
    return row;
  });
}

function applyWeightDecay(vars: tf.Variable[], rate: number): void {
  tf.tidy(() => {
    for (const v of vars) v.assign(tf.mul(v, 1 - rate));
  });
}

/** Reads every member's pending rows in one transfer per member, and checks for divergence. */
async function flush(members: Member[], opts: TrainOptions): Promise<void> {
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (m.pending.length === 0) continue;
    const stacked = tf.stack(m.pending);
    const values = await stacked.data();
    const width = stacked.shape[1]!;
    stacked.dispose();
    for (const t of m.pending) t.dispose();
    const count = m.pending.length;
    m.pending = [];
    const L = m.net.weighted.length;
    const fresh: EpochRow[] = [];
    for (let r = 0; r < count; r++) {
      const v = values.subarray(r * width, (r + 1) * width);
      const penalty = Array.from(v.subarray(1, 1 + L));
      const row: EpochRow = {
        epoch: m.rows.length + 1,
        dataLoss: v[0],
        penalty,
        totalLoss: penalty.reduce((a, b) => a + b, v[0]),
        trainLoss: v[1 + L],
        testLoss: v[2 + L],
        trainMetric: v[3 + L],
        testMetric: v[4 + L],
        norms: Array.from({ length: L }, (_, k) => Array.from(v.subarray(5 + L + 4 * k, 9 + L + 4 * k)) as [number, number, number, number]),
      };
      if (!Number.isFinite(row.totalLoss)) {
        finish(m, 'diverged', `the training loss became ${Number.isNaN(row.totalLoss) ? 'NaN' : 'infinite'} at epoch ${row.epoch}; the history before it is kept`);
        break;
      }
      m.rows.push(row);
      fresh.push(row);
    }
    if (fresh.length) opts.onRows?.(i, fresh, m.config.train.epochs);
  }
}

function finish(m: Member, status: RunStatus, error: string | null): void {
  m.status = status;
  m.error = error;
  m.finished = Date.now();
  for (const t of m.pending.splice(0)) t.dispose();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
