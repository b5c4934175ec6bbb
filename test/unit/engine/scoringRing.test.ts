// The record's scores off the training thread (fused/scoringRing.ts): a trainee whose
// epochs a scoring thread scores records exactly what it records alone, whoever scores
// each epoch; each slot is scored once; a thread that holds a slot and never finishes
// costs the trainee its patience, not its rows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FusedTrainee } from '../../../src/core/engine/fused/fusedTrainee';
import { fusedLayoutOf, readWeights } from '../../../src/core/engine/fused/layout';
import { sameScoring, UNSCORED_LAYER_FIELDS, type ScoringLane, type ScoringSetup } from '../../../src/core/engine/fused/scoringLane';
import { newRingMemory, ringFits, RingScorer, RingSubmitter, slotsOf, type RingMemory, type SlotScorer } from '../../../src/core/engine/fused/scoringRing';
import { buildNetwork } from '../../../src/core/engine/network';
import type { LossSpec } from '../../../src/core/engine/objective';
import { Random } from '../../../src/core/data/random';
import type { Dataset } from '../../../src/core/data/dataset';
import type { LayerSpec, TrainSpec } from '../../../src/core/experiment/experiment';
import type { EpochRow } from '../../../src/core/run/epochRow';
import { ScoringThread, scoringThreadWanted } from '../../../src/worker/scoringThread';
import { threadEntry } from '../../../src/worker/threadEntry';
import { trainFor } from '../helpers/trainFor';
import { testBackend } from '../helpers/backend';
import { tinyBinary, tinyMulticlass, tinyRegression } from '../helpers/datasets';
import { layer, trainSpec } from '../helpers/specs';

const row = (epoch: number): EpochRow => ({ epoch, dataLoss: 0, penalty: [], totalLoss: 0, trainLoss: NaN, testLoss: NaN, trainMetric: NaN, testMetric: NaN, norms: [] });

/** Scores that name the epoch they were computed from: its weight 0 and its first training output. */
const fakeScorer = (calls: number[]): SlotScorer => (params, train) => {
  calls.push(params[0]);
  return [params[0], 2 * params[0], train ? train.z[0] : -1, train ? train.h[1] : -1];
};

const paramsOf = (seq: number) => Float64Array.from([seq, 100 + seq, 7]);
const trainOf = (seq: number) => ({ z: Float64Array.from([10 * seq, 0]), h: Float64Array.from([0, -seq]) });

/** Writes epoch seq's weights into the ring's next slot and submits its row. */
function submit(ring: RingSubmitter, row: EpochRow, seq: number, withTrain = true): void {
  ring.nextWeights().set(paramsOf(seq));
  ring.submit(row, withTrain ? trainOf(seq) : null);
}

function assertScored(rows: EpochRow[]): void {
  rows.forEach((r, seq) => assert.deepEqual([r.trainLoss, r.trainMetric, r.testLoss, r.testMetric], [seq, 2 * seq, 10 * seq, -seq], `epoch ${seq}`));
}

describe('the scoring ring', () => {
  it('with no thread, the trainee scores its own slots: the oldest when the ring is full, the rest at settle', () => {
    const calls: number[] = [];
    const ring = new RingSubmitter(newRingMemory(3, 2, true, false, undefined, 4), fakeScorer(calls), () => undefined);
    const rows = Array.from({ length: 10 }, (_, seq) => row(seq));
    rows.forEach((r, seq) => submit(ring, r, seq));
    // Six epochs went past a ring of four: the six oldest are scored, the last four wait.
    assert.deepEqual(calls, [0, 1, 2, 3, 4, 5]);
    assert.ok(rows.slice(6).every((r) => Number.isNaN(r.testLoss)));
    ring.settle();
    assert.deepEqual(calls, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assertScored(rows);
    assert.equal(ring.scoredHere, 10);
  });

  it('a thread side taking slots between submissions: every epoch scored once, by one side or the other, into its own row', () => {
    const mine: number[] = [];
    const theirs: number[] = [];
    const memory = newRingMemory(3, 2, true, false, undefined, 4);
    const ring = new RingSubmitter(memory, fakeScorer(mine), () => undefined);
    const thread = new RingScorer(memory, fakeScorer(theirs));
    const rows = Array.from({ length: 40 }, (_, seq) => row(seq));
    rows.forEach((r, seq) => {
      submit(ring, r, seq);
      // The thread catches up every sixth epoch only: the ring of four overflows between.
      if (seq % 6 === 0) while (thread.scoreOne());
    });
    ring.settle();
    assert.deepEqual([...mine, ...theirs].sort((a, b) => a - b), rows.map((_, seq) => seq));
    assert.ok(mine.length > 0 && theirs.length > 0, `both sides scored (${mine.length} here, ${theirs.length} there)`);
    assertScored(rows);
  });

  it('a thread that claims a slot and never finishes it: after its patience the trainee scores every row itself', () => {
    const calls: number[] = [];
    const memory = newRingMemory(3, 0, true, false, undefined, 4);
    const ring = new RingSubmitter(memory, fakeScorer(calls), () => undefined, 100);
    const rows = Array.from({ length: 3 }, (_, seq) => row(seq));
    submit(ring, rows[0], 0, false);
    // A thread claims epoch 0 and stops.
    Atomics.add(new Int32Array(memory.control), 1, 1);
    submit(ring, rows[1], 1, false);
    ring.settle();
    submit(ring, rows[2], 2, false);
    assert.deepEqual(rows.map((r) => [r.trainLoss, r.testLoss]), [[0, -1], [1, -1], [2, -1]]);
    assert.ok(calls.includes(0), 'the held epoch was scored here');
  });
});

describe('rings', () => {
  it('hold 64 slots, fewer past 8 MB of weights, never fewer than 4; a network whose 4 slots pass 8 MB gets none', () => {
    assert.deepEqual([1001, 16384, 262144].map(slotsOf), [64, 64, 4]);
    assert.equal(slotsOf(100000), 10);
    assert.deepEqual([262144, 262145].map(ringFits), [true, false]);
  });
});

describe('when a process starts a scoring thread', () => {
  it('the CLI with 2 threads or more to use; the editor\'s worker with 3 or more (one stays the editor\'s)', () => {
    assert.deepEqual([1, 2, 3, 8].map((n) => scoringThreadWanted(n, false)), [false, true, true, true]);
    assert.deepEqual([1, 2, 3, 8].map((n) => scoringThreadWanted(n, true)), [false, false, true, true]);
  });
});

/** Two trainees from the same weights, one scored by `lane`. */
function twoTrainees(data: Dataset, layers: LayerSpec[], t: TrainSpec, lane: ScoringLane, kernels: 'auto' | 'js') {
  const layout = fusedLayoutOf(layers, data.inputShape, data.task, data.classes)!;
  const net = buildNetwork(layers, data.inputShape, t.seed);
  const params = new Float64Array(layout.size);
  readWeights(layout, net, params);
  net.model.dispose();
  const loss: LossSpec = { task: data.task, classes: data.classes, outputActivation: layers[layers.length - 1].activation === 'linear' ? 'linear' : data.task === 'multiclass' ? 'softmax' : 'sigmoid' };
  const order = () => Int32Array.from({ length: data.nTrain }, (_, i) => i);
  const alone = new FusedTrainee(layout, loss, t, data, new Random(t.seed), order(), params, { kernels });
  const beside = new FusedTrainee(layout, loss, t, data, new Random(t.seed), order(), params, { kernels, lane });
  beside.startScoring();
  return { alone, beside };
}

/** Trains both side by side for `epochs` and returns each one's rows. */
function sideBySide({ alone, beside }: { alone: FusedTrainee; beside: FusedTrainee }, epochs: number): [EpochRow[], EpochRow[]] {
  const a: EpochRow[] = [];
  const b: EpochRow[] = [];
  for (let e = 1; e <= epochs; e++) {
    a.push(alone.runEpoch(e));
    b.push(beside.runEpoch(e));
  }
  return [a, b];
}

describe('a trainee on the scoring thread', () => {
  let lane: ScoringThread;
  before(async () => {
    await testBackend();
    lane = new ScoringThread(threadEntry('scoringWorker'));
    await lane.ready();
  });
  after(() => lane.dispose());

  const plane: LayerSpec[] = [layer('dense', 64, { activation: 'relu' }), layer('dense', 1, { activation: 'sigmoid' })];
  const cases: [string, Dataset, LayerSpec[], Partial<TrainSpec>, 'auto' | 'js'][] = [
    ['the plane pair (float32 weights, written by the kernels into the ring in their shared memory), one batch', tinyBinary(30, 70), plane, {}, 'auto'],
    ['the plane pair on the JavaScript loops (the ring in a buffer of its own)', tinyBinary(30, 70), plane, {}, 'js'],
    ['multiclass, two hidden layers (float64 weights), mini-batches of 8', tinyMulticlass(30, 15), [layer('dense', 16, { activation: 'tanh' }), layer('dense', 8, { activation: 'relu' }), layer('dense', 3, { activation: 'softmax' })], { batch: 8 }, 'auto'],
    ['regression, one batch (R^2 from the activations)', tinyRegression(40, 3), [layer('dense', 12, { activation: 'relu' }), layer('dense', 1)], { batch: 1000 }, 'auto'],
  ];
  for (const [what, data, layers, extra, kernels] of cases) {
    it(`records exactly the rows it records alone: ${what}`, () => {
      const t = trainSpec({ optimizer: 'adam', lr: 0.01, seed: 3, ...extra });
      const { alone, beside } = twoTrainees(data, layers, t, lane, kernels);
      const [a, b] = sideBySide({ alone, beside }, 400);
      beside.release();
      assert.deepEqual(b, a);
      assert.ok(b.every((r) => Number.isFinite(r.testLoss) && Number.isFinite(r.trainMetric)));
      const ring = (beside as unknown as { scoring: { ring: RingSubmitter } }).scoring.ring;
      assert.equal(ring.memory.weights === (beside.params.buffer as unknown), kernels === 'auto', 'the ring\'s weights are in the kernels\' memory exactly when they are wasm');
      assert.ok(ring.scoredHere < 400, `the thread scored some epochs (the trainee scored ${ring.scoredHere} of 400)`);
    });
  }

  it('a thread stopped in the middle of a run (terminated, as a crash would end it): the trainee records every row it records alone', async () => {
    const doomed = new ScoringThread(threadEntry('scoringWorker'));
    await doomed.ready();
    const t = trainSpec({ optimizer: 'adam', lr: 0.01, seed: 4 });
    const { alone, beside } = twoTrainees(tinyBinary(30, 70), [layer('dense', 32, { activation: 'relu' }), layer('dense', 1, { activation: 'sigmoid' })], t, doomed, 'auto');
    const a: EpochRow[] = [];
    const b: EpochRow[] = [];
    for (let e = 1; e <= 600; e++) {
      if (e === 300) await doomed.dispose();
      a.push(alone.runEpoch(e));
      b.push(beside.runEpoch(e));
    }
    beside.release();
    assert.deepEqual(b, a);
  });

  it('a short run leaves a lane that is not warm alone (its thread never starts): a thread\'s start pays only after SCORING_AFTER_MS', async () => {
    const idle = new ScoringThread(threadEntry('scoringWorker'));
    const data = tinyBinary(30, 70);
    const [outcome] = await trainFor(data, [{ layers: [layer('dense', 8, { activation: 'relu' }), layer('dense', 1, { activation: 'sigmoid' })], train: trainSpec({ epochs: 20 }) }], { scoring: idle });
    assert.equal(outcome.rows.length, 20);
    assert.equal(idle.running, false);
    assert.equal(idle.warm, false);
  });

  it('a warm lane (its thread started between runs) scores a short run from its first epoch, with the rows train() gives alone', async () => {
    const between = new ScoringThread(threadEntry('scoringWorker'));
    assert.equal(between.warm, false);
    await between.ready();
    assert.equal(between.warm, true);
    const data = tinyBinary(30, 70);
    const config = { layers: [layer('dense', 16, { activation: 'relu' }), layer('dense', 1, { activation: 'sigmoid' })], train: trainSpec({ epochs: 40, seed: 6 }) };
    const [alone] = await trainFor(data, [config]);
    const served: number[] = [];
    const counted: ScoringLane = {
      get warm() {
        return between.warm;
      },
      // The ring's submitted count when it is handed over: 0, no epoch trained before it.
      serve: (ring, setup) => (served.push(new Int32Array(ring.control)[0]), between.serve(ring, setup)),
      wake: () => between.wake(),
      release: (ring) => between.release(ring),
    };
    // scoringAfterMs far beyond the run: only warmth can start the lane.
    const [beside] = await trainFor(data, [config], { scoring: counted, scoringAfterMs: 1e9 });
    await between.dispose();
    assert.deepEqual(served, [0]);
    assert.deepEqual(beside.rows, alone.rows);
    assert.equal(between.warm, false, 'a stopped thread is not warm');
  });

  it('train() with the lane gives the history train() gives without it', async () => {
    const data = tinyBinary(30, 70);
    const config = { layers: [layer('dense', 32, { activation: 'relu', penalties: { kernel: { l2: 1e-3 } } }), layer('dense', 1, { activation: 'sigmoid' })], train: trainSpec({ epochs: 300, seed: 5 }) };
    const [alone] = await trainFor(data, [config]);
    // The lane as train() sees it, counting what it is asked: the run must hand its ring over and take it back.
    const asked = { serve: 0, release: 0 };
    const counted: ScoringLane = {
      warm: false,
      serve: (ring, setup) => (asked.serve++, lane.serve(ring, setup)),
      wake: () => lane.wake(),
      release: (ring) => (asked.release++, lane.release(ring)),
    };
    const [beside] = await trainFor(data, [config], { scoring: counted, scoringAfterMs: 0, flushMs: 1 });
    assert.equal(beside.engine, 'fused');
    assert.deepEqual(asked, { serve: 1, release: 1 });
    assert.deepEqual(beside.rows, alone.rows);
  });
});

describe('a ring kept for the next run (ScoringLane.reuse)', () => {
  const layers = (units: number, l2 = 0): LayerSpec[] => [layer('dense', units, { activation: 'relu', penalties: { kernel: { l2 } } }), layer('dense', 1, { activation: 'sigmoid' })];
  const setupOf = (data: Dataset, ls: LayerSpec[], oneBatch = true): ScoringSetup => {
    const layout = fusedLayoutOf(ls, data.inputShape, data.task, data.classes)!;
    const { nTrain, nTest, xTrain, yTrain, xTest, yTest } = data;
    return { layout, loss: { task: data.task, classes: data.classes, outputActivation: 'sigmoid' }, rows: { nTrain, nTest, xTrain, yTrain, xTest, yTest }, oneBatch };
  };

  it('is taken back only by a setup that scores the same: rows by value, the layout but for names and penalties, the loss, the batches', () => {
    const base = setupOf(tinyBinary(30, 70), layers(16));
    // Another data set object, layout and penalty, the same values: the same scores.
    const again = setupOf(tinyBinary(30, 70), layers(16, 0.5));
    again.layout.layers[0].name = 'renamed';
    assert.equal(sameScoring(base, again), true);
    const changed = (edit: (s: ScoringSetup) => void) => {
      const s = setupOf(tinyBinary(30, 70), layers(16));
      edit(s);
      return sameScoring(base, s);
    };
    assert.equal(changed((s) => (s.rows = { ...s.rows, xTest: Float32Array.from(s.rows.xTest, (v, i) => (i === 139 ? v + 1e-6 : v)) })), false, 'one test input');
    assert.equal(changed((s) => (s.rows = { ...s.rows, yTrain: Float32Array.from(s.rows.yTrain, (v, i) => (i === 0 ? 1 - v : v)) })), false, 'one training label');
    assert.equal(changed((s) => (s.loss = { ...s.loss, outputActivation: 'linear' })), false, 'the loss');
    assert.equal(changed((s) => (s.oneBatch = false)), false, 'the batches');
    assert.equal(sameScoring(base, setupOf(tinyBinary(30, 71), layers(16))), false, 'another test row');
    assert.equal(sameScoring(base, setupOf(tinyBinary(30, 70), layers(17))), false, 'another width');
    // Every field of a layer counts but those no score reads.
    const fields = Object.keys(base.layout.layers[0]) as (keyof (typeof base.layout.layers)[0])[];
    for (const f of fields) {
      const s = setupOf(tinyBinary(30, 70), layers(16));
      (s.layout.layers[0] as unknown as Record<string, unknown>)[f] = `changed ${f}`;
      assert.equal(sameScoring(base, s), UNSCORED_LAYER_FIELDS.has(f), `layer field ${f}`);
    }
  });

  it('train() runs of one network and data set share one ring, each with the rows it records alone; another test set gets its own', async () => {
    await testBackend();
    const thread = new ScoringThread(threadEntry('scoringWorker'));
    await thread.ready();
    const asked = { serve: 0, reused: 0, kept: 0 };
    const rings: RingMemory[] = [];
    const counted: ScoringLane = {
      warm: true,
      serve: (ring, setup) => (asked.serve++, rings.push(ring), thread.serve(ring, setup)),
      wake: () => thread.wake(),
      release: (ring, keep) => ((asked.kept += keep ? 1 : 0), thread.release(ring, keep)),
      reuse: (setup, fits) => {
        const ring = thread.reuse(setup, fits);
        if (ring) {
          asked.reused++;
          rings.push(ring);
        }
        return ring;
      },
    };
    const run = async (data: Dataset, ls: LayerSpec[], lane: ScoringLane | undefined) => {
      const [o] = await trainFor(data, [{ layers: ls, train: trainSpec({ epochs: 150, seed: 7, optimizer: 'adam', lr: 0.01 }) }], { scoring: lane });
      assert.equal(o.engine, 'fused');
      return o.rows;
    };
    const moons = tinyBinary(30, 70);
    try {
      for (const [what, data, ls] of [
        ['first run', moons, layers(16)],
        ['the same network again, on an equal data set', tinyBinary(30, 70), layers(16)],
        ['another penalty (the scores read none)', moons, layers(16, 0.01)],
        // Arrays of the same sizes (the trainee's memory as before), one value apart.
        ['one test label flipped', { ...moons, yTest: Float32Array.from(moons.yTest, (v, i) => (i === 5 ? 1 - v : v)) }, layers(16)],
        ['fewer test rows', tinyBinary(30, 60), layers(16)],
      ] as const) {
        assert.deepEqual(await run(data, [...ls], counted), await run(data, [...ls], undefined), what);
      }
      assert.deepEqual(asked, { serve: 3, reused: 2, kept: 5 });
      // The second and third runs' ring was the first's, its epochs numbered on from the first's 150.
      assert.equal(rings[1], rings[0]);
      assert.equal(rings[2], rings[0]);
      assert.notEqual(rings[3], rings[0]);
      assert.equal(new Int32Array(rings[0].control)[0], 450);
    } finally {
      await thread.dispose();
    }
  });

  it('a trainee on the JavaScript loops does not take a ring whose weights are in another trainee\'s kernel memory, nor the reverse', async () => {
    await testBackend();
    const thread = new ScoringThread(threadEntry('scoringWorker'));
    await thread.ready();
    const served: RingMemory[] = [];
    const counted: ScoringLane = { warm: true, serve: (ring, setup) => (served.push(ring), thread.serve(ring, setup)), wake: () => thread.wake(), release: (r, k) => thread.release(r, k), reuse: (s, f) => thread.reuse(s, f) };
    const t = trainSpec({ optimizer: 'adam', lr: 0.01, seed: 3 });
    const data = tinyBinary(30, 70);
    try {
      for (const kernels of ['auto', 'js', 'js', 'auto'] as const) {
        const pair = twoTrainees(data, layers(16), t, counted, kernels);
        const [a, b] = sideBySide(pair, 100);
        pair.beside.dispose();
        pair.alone.dispose();
        assert.deepEqual(b, a, kernels);
      }
      // wasm, then the loops (own weights), which the next loops take back, then wasm again.
      assert.equal(served.length, 3);
      assert.deepEqual(served.map((r) => r.ownWeights), [false, true, false]);
    } finally {
      await thread.dispose();
    }
  });
});
