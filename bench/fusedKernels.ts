// The fused engine's kernels in WebAssembly SIMD against its JavaScript loops, on the
// networks issue 7 names: the tutorial's (30 training and 70 test rows x 2 inputs ->
// Dense 500 relu -> Dense 1) and a large one (3000 training and 1000 test rows ->
// Dense 2000 relu -> Dense 1). Timing lives here, never in tests.
//
// Run it bundled as users run the engine (`node scripts/buildBench.mjs` writes
// bench/.bundle/fusedKernels.js; under tsx cross-module calls cost ~1.3x):
//   node bench/.bundle/fusedKernels.js micro    each kernel, both implementations
//                                                    interleaved in the same seconds
//   node bench/.bundle/fusedKernels.js epochs   whole epochs (record included),
//                                                    two trainees interleaved
//   node bench/.bundle/fusedKernels.js record [tutorial|large]   the record's cost: runEpoch, in this
//                                                    thread and on the scoring thread,
//                                                    against trainEpoch (wasm simd), interleaved
//   node bench/.bundle/fusedKernels.js train --kernels auto|js --case tutorial|large --epochs N [--record no]
//                                                    one trainee, N epochs, nothing
//                                                    printed: for `farm-bench --vs` and
//                                                    `valgrind --tool=callgrind`
//
//
// The data are random points (labels by the sign of x1 * x2): the kernels' cost does
// not depend on the values.

import { Random } from '../src/core/data/random';
import type { Dataset } from '../src/core/data/dataset';
import type { LayerSpec } from '../src/core/experiment/experiment';
import { FusedTrainee } from '../src/core/engine/fused/fusedTrainee';
import { fusedMemory } from '../src/core/engine/fused/fusedMemory';
import { JS_KERNELS, type FusedKernels } from '../src/core/engine/fused/kernels';
import { fusedLayoutOf, type FusedLayout } from '../src/core/engine/fused/layout';
import type { LossSpec } from '../src/core/engine/objective';
import type { ScoringLane } from '../src/core/engine/fused/scoringLane';
import { ScoringThread } from '../src/worker/scoringThread';
import { threadEntry } from '../src/worker/threadEntry';
import { trainSpec } from '../test/unit/helpers/specs';

interface Case {
  name: 'tutorial' | 'large';
  nTrain: number;
  nTest: number;
  hidden: number;
}

const CASES: Case[] = [
  { name: 'tutorial', nTrain: 30, nTest: 70, hidden: 500 },
  { name: 'large', nTrain: 3000, nTest: 1000, hidden: 2000 },
];

function datasetOf(c: Case): Dataset {
  const random = new Random(1);
  const points = (n: number) => {
    const x = Float32Array.from({ length: 2 * n }, () => random.uniform(-1, 1));
    return { x, y: Float32Array.from({ length: n }, (_, r) => (x[2 * r] * x[2 * r + 1] > 0 ? 1 : 0)) };
  };
  const train = points(c.nTrain);
  const test = points(c.nTest);
  return {
    task: 'binary', inputShape: [2], classes: 2, featureNames: ['x1', 'x2'], nTrain: c.nTrain, nTest: c.nTest,
    xTrain: train.x, yTrain: train.y, xTest: test.x, yTest: test.y, scaling: { kind: 'none', offset: [], scale: [] },
  };
}

function layersOf(c: Case): LayerSpec[] {
  return [
    { type: 'dense', size: c.hidden, name: 'hidden', bias: true, activation: 'relu', penalties: { kernel: { l2: 1e-3 } } },
    { type: 'dense', size: 1, name: 'out', bias: true, activation: 'sigmoid', penalties: { kernel: { l2: 1e-3 } } },
  ];
}

/** Glorot-uniform weights, zero biases (as the network starts). */
function initialWeights(layout: FusedLayout): Float64Array {
  const random = new Random(2);
  const params = new Float64Array(layout.size);
  for (const l of layout.layers) {
    const limit = Math.sqrt(6 / (l.inputs + l.units));
    for (let i = 0; i < l.inputs * l.units; i++) params[l.kernel + i] = random.uniform(-limit, limit);
  }
  return params;
}

function traineeOf(c: Case, kernels: 'auto' | 'js', lane: ScoringLane | null = null): FusedTrainee {
  const data = datasetOf(c);
  const layout = fusedLayoutOf(layersOf(c), data.inputShape, data.task, data.classes)!;
  const loss: LossSpec = { task: 'binary', classes: 2, outputActivation: 'sigmoid' };
  const t = trainSpec({ batch: 100000, optimizer: 'adam', lr: 0.01, seed: 1 });
  return new FusedTrainee(layout, loss, t, data, new Random(1), Int32Array.from({ length: data.nTrain }, (_, i) => i), initialWeights(layout), { kernels, lane });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median over rounds of the seconds one call of each function takes, rounds interleaved. */
function interleaved(fns: (() => void)[], secondsPerRound: number, rounds: number): number[] {
  const calls = fns.map((f) => {
    // Calls per round: as many as fill secondsPerRound, measured after a warm-up.
    for (let i = 0; i < 20; i++) f();
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 50) {
      f();
      n++;
    }
    return Math.max(1, Math.round((n * secondsPerRound * 1000) / (performance.now() - t0)));
  });
  const times: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((f, k) => {
      const t0 = performance.now();
      for (let i = 0; i < calls[k]; i++) f();
      times[k].push((performance.now() - t0) / 1000 / calls[k]);
    });
  }
  return times.map(median);
}

function micro(): void {
  console.log('kernel                                   js (us)   wasm simd (us)   speedup');
  for (const c of CASES) {
    const data = datasetOf(c);
    const layout = fusedLayoutOf(layersOf(c), data.inputShape, data.task, data.classes)!;
    const [l1, l2] = layout.layers;
    const rows = c.nTrain;
    const random = new Random(3);
    const { arrays: a, kernels } = fusedMemory((alloc) => ({
      params: alloc(layout.size), grads: alloc(layout.size), x: alloc(2 * rows),
      z1: alloc(c.hidden * rows), h1: alloc(c.hidden * rows), dh1: alloc(c.hidden * rows), dz1: alloc(c.hidden * rows),
      z2: alloc(rows), dz2: alloc(rows),
    }));
    if (kernels.kind !== 'wasm-simd') throw new Error('WebAssembly SIMD is unavailable here');
    a.params.set(initialWeights(layout));
    for (const v of [a.x, a.z1, a.dh1, a.dz2]) for (let i = 0; i < v.length; i++) v[i] = random.normal();
    const jobs: [string, (k: FusedKernels) => void][] = [
      [`forward ${l1.inputs}->${l1.units}`, (k) => k.denseForward(l1, a.params, a.x, a.z1, rows)],
      ['relu', (k) => k.activate('relu', a.z1, a.h1, l1.units, rows)],
      [`forward ${l2.inputs}->${l2.units}`, (k) => k.denseForward(l2, a.params, a.h1, a.z2, rows)],
      [`backward ${l2.inputs}->${l2.units} (+dhin)`, (k) => k.denseBackward(l2, a.params, a.h1, a.dz2, a.grads, a.dh1, rows)],
      ['relu gradient', (k) => k.activationGradient('relu', a.z1, a.h1, a.dh1, a.dz1, l1.units, rows)],
      [`backward ${l1.inputs}->${l1.units}`, (k) => k.denseBackward(l1, a.params, a.x, a.dz1, a.grads, null, rows)],
    ];
    for (const [name, job] of jobs) {
      const [js, wasm] = interleaved([() => job(JS_KERNELS), () => job(kernels)], c.name === 'large' ? 0.3 : 0.1, c.name === 'large' ? 5 : 9);
      console.log(`${`${c.name}, ${rows} rows: ${name}`.padEnd(40)} ${(js * 1e6).toFixed(2).padStart(8)}  ${(wasm * 1e6).toFixed(2).padStart(15)}  ${(js / wasm).toFixed(2).padStart(8)}x`);
    }
  }
}

function epochs(): void {
  console.log('network                       js epochs/s   wasm simd epochs/s   speedup');
  for (const c of CASES) {
    const js = traineeOf(c, 'js');
    const wasm = traineeOf(c, 'auto');
    let e = 0;
    for (const what of ['runEpoch', 'trainEpoch'] as const) {
      const [tj, tw] = interleaved([() => (what === 'runEpoch' ? js.runEpoch(e++) : js.trainEpoch()), () => (what === 'runEpoch' ? wasm.runEpoch(e++) : wasm.trainEpoch())], c.name === 'large' ? 1 : 0.2, c.name === 'large' ? 5 : 9);
      console.log(`${`${c.name}, ${what}`.padEnd(30)} ${(1 / tj).toFixed(1).padStart(11)}  ${(1 / tw).toFixed(1).padStart(19)}  ${(tj / tw).toFixed(2).padStart(8)}x`);
    }
  }
}

/**
 * The record's cost over the steps (trainEpoch), scored in the training thread
 * (runEpoch) and on the scoring thread (runEpoch with a lane, settled every 250 epochs
 * as the trainer's flush does), interleaved in the same seconds.
 */
async function record(only?: string): Promise<void> {
  const lane = new ScoringThread(threadEntry('scoringWorker'));
  await lane.ready();
  console.log('network      trainEpoch epochs/s   runEpoch epochs/s (cost)   runEpoch on the scoring thread (cost, share it scored)');
  for (const c of CASES.filter((k) => !only || k.name === only)) {
    const inline = traineeOf(c, 'auto');
    const beside = traineeOf(c, 'auto', lane);
    beside.startScoring();
    const without = traineeOf(c, 'auto');
    let e = 0;
    let b = 0;
    const besideEpoch = () => {
      beside.runEpoch(b++);
      if (b % 250 === 0) beside.settle();
    };
    const [tt, tr, tl] = interleaved([() => without.trainEpoch(), () => inline.runEpoch(e++), besideEpoch], c.name === 'large' ? 1 : 0.2, c.name === 'large' ? 5 : 15);
    beside.settle();
    const scoredHere = (beside as unknown as { scoring: { ring: { scoredHere: number } } }).scoring.ring.scoredHere;
    const cost = (t: number) => `${(((t - tt) / tt) * 100).toFixed(1)}%`;
    console.log(`${c.name.padEnd(12)} ${(1 / tt).toFixed(1).padStart(19)}  ${`${(1 / tr).toFixed(1)} (${cost(tr)})`.padStart(25)}  ${`${(1 / tl).toFixed(1)} (${cost(tl)}, ${(((b - scoredHere) / b) * 100).toFixed(1)}%)`.padStart(30)}`);
  }
  await lane.dispose();
}

function train(args: string[]): void {
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const c = CASES.find((k) => k.name === opt('case', 'tutorial'));
  const kernels = opt('kernels', 'auto');
  if (!c || (kernels !== 'auto' && kernels !== 'js')) throw new Error('usage: train --kernels auto|js --case tutorial|large --epochs N [--record no]');
  const trainee = traineeOf(c, kernels);
  const n = Number(opt('epochs', '1000'));
  if (opt('record', 'yes') === 'no') for (let e = 0; e < n; e++) trainee.trainEpoch();
  else for (let e = 0; e < n; e++) trainee.runEpoch(e);
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'micro') micro();
else if (mode === 'epochs') epochs();
else if (mode === 'record') void record(rest[0]);
else if (mode === 'train') train(rest);
else throw new Error('usage: bench/fusedKernels.ts micro | epochs | record [tutorial|large] | train --kernels auto|js --case tutorial|large --epochs N [--record no]');
