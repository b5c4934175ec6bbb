// The training loop. It trains several members (models of one data set, each with its
// own layers' penalties, seed and optimizer) epoch by epoch in one pass, so that a
// sweep over alpha and seeds shares the data tensors and the epoch bookkeeping.
// Members of one dense architecture that differ only in seed and penalty strengths
// train as one stacked network (stackedNetwork.ts): one kernel dispatch for all.
//
// Per epoch and member it records one row of scalars, kept on the backend and read
// back in a single batched transfer every `flushMs` (a synchronous read per number
// would dominate the run time of small networks).
//
// Members whose network the fused engine covers (dense layers on flat inputs, see
// fused/layout.ts) train there instead: one call per epoch over typed arrays, free of
// TensorFlow.js's per-kernel dispatch cost, with the same batches and the same record.
// TensorFlow.js builds and initializes every network and gets the trained weights back.

import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import type { LayerSpec, Objective, TrainSpec } from '../experiment/experiment';
import type { RunStatus } from '../run/result';
import { Random } from '../data/random';
import { forward } from './forward';
import { buildNetwork, trackedWeights, trainableVariables, type Network } from './network';
import { dataLoss, lossTerms, metric, type LossSpec } from './objective';
import { normsOf } from './penalties';
import { makeOptimizer } from './optimizer';
import { stackPer } from './memberAxis';
import { packedParts, ROW_SCORES, unpackRow, type RowScore } from './epochRowLayout';
import { disposeStack, stackedVariables, stackKey, stackNetworks, unstackInto, type StackedNetwork } from './stackedNetwork';
import { fusedLayoutOf, readWeights, writeWeights, type FusedLayout } from './fused/layout';
import { SCORING_AFTER_MS, type ScoringLane } from './fused/scoringLane';
import { FusedTrainee } from './fused/fusedTrainee';

export interface MemberConfig {
  layers: LayerSpec[];
  train: TrainSpec;
  /** Weights to start from (fine-tuning), in the model's weight order. */
  initialWeights?: tf.NamedTensorMap | tf.Tensor[];
  /**
   * The member's own rows (cross-validation: the training rows minus a fold as
   * xTrain/yTrain, the fold as xTest/yTest). Absent: the data set given to train().
   * Members stack only with members of equal row counts.
   */
  data?: Dataset;
  /**
   * Which epochs' rows the caller wants: 'every' (default), or 'last', only the row of
   * the last epoch trained (a sweep point, scored by its final row). The fused engine then
   * runs the record's inference pass (the train and test scores) on that epoch only, and
   * the member's rows hold that one row (the epoch before the one that diverged, or
   * before a failure; none after a cancel). TensorFlow.js members record every epoch.
   */
  record?: 'every' | 'last';
}

import type { EpochRow } from '../run/epochRow';
export type { EpochRow };

/** Which engine trained a member: the fused typed-array engine, or TensorFlow.js. */
export type TrainingEngine = 'fused' | 'tfjs';

export interface MemberOutcome {
  status: RunStatus;
  error: string | null;
  rows: EpochRow[];
  network: Network;
  durationMs: number;
  engine: TrainingEngine;
}

export interface TrainOptions {
  signal?: AbortSignal;
  /** New rows of a member since its last report (live charts get deltas, not the whole history). */
  onRows?: (member: number, rows: EpochRow[], epochs: number) => void;
  /** How often rows are read back from the backend, in ms (default 250). */
  flushMs?: number;
  /** 'tfjs' trains every member on TensorFlow.js (the reference engine); default 'auto'. */
  engine?: 'auto' | 'tfjs';
  /**
   * Called once, before training, with how the members were grouped: the indices (into
   * the configs given) of each TensorFlow.js stack, and of each member training alone
   * (every fused member trains alone). Stacking is invisible in the results, so this is
   * how a caller (a test) can see that it happened.
   */
  onGroups?: (groups: number[][]) => void;
  /**
   * A thread that scores the fused members' records beside their training (those that
   * record every epoch): fused/scoringRing.ts. Used from the first epoch when it is
   * warm, else once the run has trained scoringAfterMs. The rows are the same with and without.
   */
  scoring?: ScoringLane;
  /** How long the run trains before it uses `scoring` if it is not warm, in ms (default SCORING_AFTER_MS). */
  scoringAfterMs?: number;
}

interface Member {
  /** Position in the configs given to train(). */
  index: number;
  config: MemberConfig;
  net: Network;
  /** Set when the fused engine trains this member. */
  fused: { layout: FusedLayout; trainee: FusedTrainee; pending: EpochRow[]; lastOnly: LastOnly | null } | null;
  random: Random;
  order: Int32Array;
  rows: EpochRow[];
  status: RunStatus | null;
  error: string | null;
  started: number;
  finished: number;
}

/**
 * What one optimizer trains: one member's own network, or a stack of members of one
 * dense architecture (stackedNetwork.ts). Either way an epoch gives one row of scalars
 * per member, [members, width], kept on the backend until a flush.
 */
interface Trainee {
  members: Member[];
  net: Network | StackedNetwork;
  stacked: boolean;
  vars: tf.Variable[];
  optimizer: tf.Optimizer;
  decayed: tf.Variable[];
  loss: LossSpec;
  /** Training inputs and labels, train+test inputs for inference, test labels (tiled per member in a stack). */
  x: tf.Tensor;
  y: tf.Tensor;
  xAll: tf.Tensor;
  yTest: tf.Tensor;
  pending: tf.Tensor2D[];
  /** The rows this trainee trains on: the shared data set, or its members' own (equal counts). */
  data: Dataset;
  /** Training rows to gather mini-batches from: shared [n, ...], or per member [K, n, ...] when `ownRows`. */
  xTrain: tf.Tensor;
  yTrain: tf.Tensor;
  ownRows: boolean;
}

interface DataTensors {
  xTrain: tf.Tensor;
  yTrain: tf.Tensor;
  yTest: tf.Tensor;
  xAll: tf.Tensor;
}

/**
 * Trains `configs` on `data` for the objective of a completed spec (its task, classes,
 * loss and output activation): the spec is the one source of what is trained for; the
 * data set only gives rows. That the data agrees with the spec is checked before this
 * (runner/dataAgreement.ts), where the cell and its data file can be named.
 */
export async function train(objective: Objective, data: Dataset, configs: MemberConfig[], opts: TrainOptions = {}): Promise<MemberOutcome[]> {
  const flushMs = opts.flushMs ?? 250;
  const loss = lossSpecOf(objective);
  const members = configs.map((config, index) => createMember(index, config, config.data ?? data, loss, opts.engine ?? 'auto', opts.scoring ?? null));
  const fused = members.filter((m) => m.fused);
  const groups = groupMembers(members.filter((m) => !m.fused), data);
  // The data set's tensors, for the TensorFlow.js path only (fused members read its arrays).
  const tensors = groups.length ? memberTensors([data], false) : null;
  opts.onGroups?.([...groups, ...fused.map((m) => [m])].map((g) => g.map((m) => m.index)));
  let trainees: Trainee[] = [];
  const epochs = Math.max(...configs.map((c) => c.train.epochs));
  let lastFlush = Date.now();
  let lastYield = 0;
  try {
    trainees = groups.map((group) => createTrainee(group, data, tensors!, loss));
    const lane = opts.scoring ?? null;
    const scoringAfterMs = opts.scoringAfterMs ?? SCORING_AFTER_MS;
    let laneStarted = false;
    const trainingSince = Date.now();
    for (let epoch = 1; epoch <= epochs; ) {
      // A fused epoch of a small network takes well under a millisecond: yielding after
      // each would cost a measurable share of it, so messages (cancel) wait up to YIELD_MS.
      if (Date.now() - lastYield >= YIELD_MS) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
      if (opts.signal?.aborted) {
        for (const m of members) if (!m.status) finish(m, 'cancelled', null);
        break;
      }
      // The record's scoring thread: at once when it runs already, else for the runs long
      // enough to pay for its start (scoringLane.ts).
      if (lane && !laneStarted && (lane.warm || Date.now() - trainingSince >= scoringAfterMs)) {
        laneStarted = true;
        for (const m of fused) m.fused!.trainee.startScoring();
      }
      epoch = trainEpochs(members, fused, trainees, epoch, epochs, Math.min(lastYield + YIELD_MS, lastFlush + flushMs));
      if (epoch > epochs || Date.now() - lastFlush >= flushMs) {
        await flush(trainees, fused, opts);
        lastFlush = Date.now();
      }
      if (members.every((m) => m.status)) break;
    }
    await flush(trainees, fused, opts);
    for (const m of members) if (!m.status) finish(m, 'completed', null);
  } finally {
    for (const t of trainees) disposeTrainee(t);
    for (const m of fused) {
      writeWeights(m.fused!.layout, m.fused!.trainee.params, m.net);
      // Its scoring lane let go, and its memory to the next trainee of this thread
      // (fused/fusedMemory.ts): the weights are the network's now.
      m.fused!.trainee.dispose();
    }
    if (tensors) tf.dispose([tensors.xTrain, tensors.yTrain, tensors.yTest, tensors.xAll]);
  }
  return members.map((m) => ({ status: m.status!, error: m.error, rows: m.rows, network: m.net, durationMs: m.finished - m.started, engine: m.fused ? 'fused' : 'tfjs' }));
}

/**
 * Trains epochs `epoch`, `epoch + 1`, ... up to `epochs` until the clock reaches `until`
 * (at least one) or every member has ended; returns the next epoch to train. A plain
 * function, apart from train()'s loop: V8 optimizes no async function that awaits in a
 * loop (no on-stack replacement), and in train() itself this per-epoch work cost the
 * tutorial's fused epoch ~1 us of its ~30 (bench/README.md, benchmark 1c).
 */
function trainEpochs(members: Member[], fused: Member[], trainees: Trainee[], epoch: number, epochs: number, until: number): number {
  for (; epoch <= epochs; ) {
    let ended = false;
    for (let i = 0; i < fused.length; i++) {
      const m = fused[i];
      if (!running(m, epoch)) continue;
      const f = m.fused!;
      try {
        if (f.lastOnly) trainLastOnly(f.trainee, f.lastOnly, f.pending, epoch, m.config.train.epochs);
        else f.pending.push(f.trainee.runEpoch(epoch));
      } catch (e) {
        if (f.lastOnly?.held) m.rows.push(f.trainee.scoredAt(f.lastOnly.held, f.lastOnly.before));
        finish(m, 'failed', `epoch ${epoch}: ${(e as Error).message}`);
        ended = true;
      }
    }
    for (let i = 0; i < trainees.length; i++) {
      const t = trainees[i];
      if (!t.members.some((m) => running(m, epoch))) continue;
      try {
        t.pending.push(runEpoch(t));
      } catch (e) {
        for (const m of t.members) if (!m.status) finish(m, 'failed', `epoch ${epoch}: ${(e as Error).message}`);
        ended = true;
      }
    }
    epoch++;
    if (ended && members.every((m) => m.status)) break;
    if (Date.now() >= until) break;
  }
  return epoch;
}

/** Whether `m` trains epoch `epoch`: it has not ended, and has epochs left. */
function running(m: Member, epoch: number): boolean {
  return !m.status && epoch <= m.config.train.epochs;
}

/**
 * A fused member that records only its last epoch: the weights and the unscored row of
 * the epoch before the current one, from which the row a divergence (or failure) leaves
 * last is scored.
 */
interface LastOnly {
  before: Float64Array;
  held: EpochRow | null;
}

/**
 * One epoch of a member that records only its last: the row goes to `pending`, scored,
 * at the member's last epoch; a diverged row goes with the previous epoch's, scored at
 * the weights of then (report() stops at the diverged one, as for every member).
 */
function trainLastOnly(trainee: FusedTrainee, s: LastOnly, pending: EpochRow[], epoch: number, epochs: number): void {
  // Diverged: its rows are pending until the next flush stops the member.
  if (s.held && !Number.isFinite(s.held.totalLoss)) return;
  s.before.set(trainee.params);
  const row = trainee.trainedEpoch(epoch);
  if (!Number.isFinite(row.totalLoss)) {
    if (s.held) pending.push(trainee.scoredAt(s.held, s.before));
    pending.push(row);
  } else if (epoch === epochs) {
    pending.push(trainee.scored(row));
  }
  s.held = row;
}

/** Longest stretch of training between two turns of the event loop, in ms. */
const YIELD_MS = 10;

function createMember(index: number, config: MemberConfig, data: Dataset, loss: LossSpec, engine: 'auto' | 'tfjs', lane: ScoringLane | null): Member {
  const net = buildNetwork(config.layers, data.inputShape, config.train.seed);
  if (config.initialWeights) loadWeights(net, config.initialWeights);
  const random = new Random(config.train.seed);
  const order = Int32Array.from({ length: data.nTrain }, (_, i) => i);
  const layout = engine === 'auto' ? fusedLayoutOf(config.layers, data.inputShape, loss.task, loss.classes) : null;
  let fused: Member['fused'] = null;
  if (layout) {
    const params = new Float64Array(layout.size);
    readWeights(layout, net, params);
    const lastOnly = config.record === 'last' ? { before: new Float64Array(layout.size), held: null } : null;
    const trainee = new FusedTrainee(layout, loss, config.train, data, random, order, params, { lane: lastOnly ? null : lane });
    fused = { layout, trainee, pending: [], lastOnly };
  }
  return { index, config, net, fused, random, order, rows: [], status: null, error: null, started: Date.now(), finished: 0 };
}

function lossSpecOf({ task, classes, outputActivation }: Objective): LossSpec {
  return { task, classes, outputActivation };
}

/** Members that can share one stack, in the order given; the others train alone. */
function groupMembers(members: Member[], data: Dataset): Member[][] {
  const groups = new Map<string, Member[]>();
  const alone: Member[][] = [];
  for (const m of members) {
    const own = m.config.data;
    const shapeKey = stackKey(m.config.layers, m.config.train, data.inputShape);
    // Members on rows of their own stack only with members of the same row counts.
    const key = shapeKey === null ? null : own ? `${shapeKey}|rows ${own.nTrain}+${own.nTest}` : shapeKey;
    if (key === null) {
      alone.push([m]);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  return [...groups.values(), ...alone];
}

function createTrainee(members: Member[], shared: Dataset, sharedTensors: DataTensors, loss: LossSpec): Trainee {
  const train = members[0].config.train;
  const stacked = members.length > 1;
  // ---- per-member rows (cross-validation folds): begin
  const ownRows = members[0].config.data !== undefined;
  const data = members[0].config.data ?? shared;
  const d = ownRows ? memberTensors(members.map((m) => m.config.data!), stacked) : sharedTensors;
  // ---- per-member rows: end
  const net = stacked ? stackNetworks(members.map((m) => m.net)) : members[0].net;
  const decayed = train.weightDecay > 0 ? net.weighted.flatMap((l) => [l.kernel, l.recurrent].filter((v): v is tf.Variable => !!v)) : [];
  const perMember = (t: tf.Tensor) => (stacked && !ownRows ? tf.tidy(() => tf.tile(tf.expandDims(t, 0), [members.length, ...t.shape.map(() => 1)])) : t);
  return {
    members,
    net,
    stacked,
    vars: stacked ? stackedVariables(net as StackedNetwork) : trainableVariables(net as Network),
    optimizer: makeOptimizer(train),
    decayed,
    loss,
    x: perMember(d.xTrain),
    y: perMember(d.yTrain),
    xAll: perMember(d.xAll),
    yTest: perMember(d.yTest),
    pending: [],
    data,
    xTrain: d.xTrain,
    yTrain: d.yTrain,
    ownRows,
  };
}

/**
 * The tensors of data sets: the shared one, or those of members that train on rows of
 * their own, one per member, stacked on a leading member axis when they share a stack
 * (they then have equal row counts).
 */
function memberTensors(sets: Dataset[], stacked: boolean): DataTensors {
  return tf.tidy(() => {
    const per = sets.map((s) => {
      const xTrain = tf.tensor(s.xTrain, [s.nTrain, ...s.inputShape]);
      return { xTrain, yTrain: tf.tensor1d(s.yTrain), yTest: tf.tensor1d(s.yTest), xAll: tf.concat([xTrain, tf.tensor(s.xTest, [s.nTest, ...s.inputShape])]) };
    });
    const join = (k: keyof DataTensors) => (stacked ? tf.stack(per.map((p) => p[k])) : per[0][k]);
    return { xTrain: join('xTrain'), yTrain: join('yTrain'), yTest: join('yTest'), xAll: join('xAll') };
  }) as DataTensors;
}

function disposeTrainee(t: Trainee): void {
  t.optimizer.dispose();
  for (const p of t.pending) p.dispose();
  // Own rows are the trainee's tensors; shared ones belong to train() (tiled copies are the stack's).
  if (t.ownRows) tf.dispose([t.xTrain, t.yTrain, t.xAll, t.yTest]);
  if (t.stacked) {
    const stack = t.net as StackedNetwork;
    unstackInto(stack, t.members.map((m) => m.net));
    disposeStack(stack);
    if (!t.ownRows) tf.dispose([t.x, t.y, t.xAll, t.yTest]);
  }
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

/** Trains one epoch and returns its rows of scalars, [members, width], still on the backend. */
function runEpoch(t: Trainee): tf.Tensor2D {
  const { data } = t;
  const train = t.members[0].config.train;
  const n = data.nTrain;
  const batch = Math.min(train.batch, n);
  const nBatches = Math.ceil(n / batch);
  const { stacked } = t;
  let sum: tf.Tensor | null = null;
  for (let b = 0; b < nBatches; b++) {
    // Every member draws from its own stream as if it trained alone, so a stack
    // reproduces the shuffles of training its members one by one.
    const dropoutSeeds = t.members.map((m) => {
      if (nBatches > 1 && b === 0) m.random.shuffle(m.order);
      return m.random.int(2 ** 31);
    });
    const step: { stats?: tf.Tensor } = {};
    tf.tidy(() => {
      let xb = t.x;
      let yb = t.y;
      if (nBatches > 1) {
        const lo = b * batch;
        const hi = Math.min(n, (b + 1) * batch);
        const rows = t.members.map((m) => m.order.subarray(lo, hi));
        if (t.ownRows && stacked) {
          // Own rows per member, [K, n, ...]: gather from the flattened [K * n, ...] with
          // member k's indices offset by k * n (the wasm gather with batch dimensions
          // gave wrong rows).
          const flat = concatInt32(rows.map((r, k) => Int32Array.from(r, (i) => i + k * n)));
          const idx = tf.tensor1d(flat, 'int32');
          const sample = t.xTrain.shape.slice(2);
          xb = tf.reshape(tf.gather(tf.reshape(t.xTrain, [-1, ...sample]), idx), [rows.length, hi - lo, ...sample]);
          yb = tf.reshape(tf.gather(tf.reshape(t.yTrain, [-1]), idx), [rows.length, hi - lo]);
        } else {
          const idx = stacked ? tf.tensor2d(concatInt32(rows), [rows.length, hi - lo], 'int32') : tf.tensor1d(rows[0], 'int32');
          xb = tf.gather(t.xTrain, idx);
          yb = tf.gather(t.yTrain, idx);
        }
      }
      const { grads } = tf.variableGrads(() => {
        const terms = lossTerms(t.net, t.loss, xb, yb, { training: true, dropoutSeed: dropoutSeeds[0] });
        step.stats = tf.keep(stackPer([terms.dataLoss, ...terms.penalties]));
        return terms.total;
      }, t.vars);
      // Decoupled decay shrinks the weights before the update, the gradient having been
      // taken at the undecayed weights (as PyTorch's AdamW does).
      if (t.decayed.length) applyWeightDecay(t.decayed, train.lr * train.weightDecay);
      t.optimizer.applyGradients(grads);
    });
    if (sum) {
      const next: tf.Tensor = tf.add(sum, step.stats!);
      tf.dispose([sum, step.stats!]);
      sum = next;
    } else {
      sum = step.stats!;
    }
  }
  return tf.tidy(() => {
    // One inference pass over train and test rows together: half the op dispatches.
    const logits = forward(t.net, t.xAll, { training: false }).logits;
    const rowAxis = stacked ? 1 : 0;
    const [trainLogits, testLogits] = tf.split(logits, [data.nTrain, data.nTest], rowAxis);
    const scores: Record<RowScore, () => tf.Tensor> = {
      trainLoss: () => dataLoss(t.loss, trainLogits, t.y, stacked),
      testLoss: () => dataLoss(t.loss, testLogits, t.yTest, stacked),
      trainMetric: () => metric(t.loss, trainLogits, t.y, stacked),
      testMetric: () => metric(t.loss, testLogits, t.yTest, stacked),
    };
    const row = tf.concat(
      packedParts(tf.div(sum!, nBatches), stackPer(ROW_SCORES.map((k) => scores[k]())), t.net.weighted.map((l) => normsOf(trackedWeights(l), stacked))),
      -1,
    );
    sum!.dispose();
    return (stacked ? row : tf.expandDims(row, 0)) as tf.Tensor2D;
  });
}

function concatInt32(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function applyWeightDecay(vars: tf.Variable[], rate: number): void {
  tf.tidy(() => {
    for (const v of vars) v.assign(tf.mul(v, 1 - rate));
  });
}

/** Reads every trainee's pending rows in one transfer each, and checks for divergence. */
async function flush(trainees: Trainee[], fused: Member[], opts: TrainOptions): Promise<void> {
  for (const m of fused) {
    const pending = m.fused!.pending;
    if (pending.length === 0) continue;
    m.fused!.pending = [];
    m.fused!.trainee.settle();
    report(m, pending, opts);
  }
  for (const t of trainees) {
    if (t.pending.length === 0) continue;
    const stacked = tf.stack(t.pending);
    const values = await stacked.data();
    const [count, K, width] = stacked.shape as [number, number, number];
    stacked.dispose();
    for (const p of t.pending) p.dispose();
    t.pending = [];
    t.members.forEach((m, k) => {
      const rows: EpochRow[] = [];
      for (let r = 0; r < count; r++) rows.push(unpackRow(values.subarray((r * K + k) * width, (r * K + k + 1) * width), m.rows.length + r + 1, m.net.weighted.length));
      report(m, rows, opts);
    });
  }
}

/** Keeps a member's new rows up to the first whose loss is not finite (the member diverged there). */
function report(m: Member, rows: EpochRow[], opts: TrainOptions): void {
  const fresh: EpochRow[] = [];
  for (const row of rows) {
    if (m.status) break;
    if (!Number.isFinite(row.totalLoss)) {
      finish(m, 'diverged', `the training loss became ${Number.isNaN(row.totalLoss) ? 'NaN' : 'infinite'} at epoch ${row.epoch}; the history before it is kept`);
      break;
    }
    m.rows.push(row);
    fresh.push(row);
  }
  if (fresh.length) opts.onRows?.(m.index, fresh, m.config.train.epochs);
}

function finish(m: Member, status: RunStatus, error: string | null): void {
  m.status = status;
  m.error = error;
  m.finished = Date.now();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
