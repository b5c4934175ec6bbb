// RegNB's side of the bench, one job per process (so that its memory figures are its
// own, like the Python peers'). Runs bundled (bench/.bundle/worker.js, built by
// scripts/buildBench.mjs): node bench/.bundle/worker.js job.json
// Prints one line `@@RESULT <json>` on stdout.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs-core';
import { loadDataset } from '../../src/core/data/loadDataset';
import { buildNetwork } from '../../src/core/engine/network';
import { train, type MemberConfig, type TrainOptions } from '../../src/core/engine/trainer';
import { runSweep } from '../../src/core/sweep/runSweep';
import { SweepThreads } from '../../src/worker/sweepThreads';
import { activeBackend } from '../../src/core/engine/backend';
import { ScoringThread } from '../../src/worker/scoringThread';
import { sweepWorkerEntry, threadEntry } from '../../src/worker/threadEntry';
import type { CompletedSpec } from '../../src/core/experiment/experiment';
import type { Job, MoonsJob, PrepareJob, RidgeJob, RidgeResult, Scores, SweepJob, SweepResult, TimedResult } from '../lib/types';
import { moonsSpec, ridgeSpec } from './cells';
import { LOAD_CONTEXT, memoryMeter, readData, scoresOfRow, startBackend, startClock, toFile, WASM_DIR } from './common';
import { scoresOf, trainStepsOnly } from './stepsOnly';
import { growth, growthPrepare } from './growth';

async function main(): Promise<void> {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Job;
  const backend = await startBackend();
  let result: unknown;
  switch (job.kind) {
    case 'prepare': result = await prepare(job); break;
    case 'moons':
    case 'steps':
    case 'flush': result = await timed(job, backend); break;
    case 'record': result = await recordCost(job, backend); break;
    case 'sweep': result = await sweep(job, backend); break;
    case 'ridge': result = await ridge(job); break;
    case 'growthPrepare': result = await growthPrepare(job); break;
    case 'growth': result = await growth(job, backend); break;
  }
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
}

/** Loads the data sets with RegNB's own loader and writes them, with initial weights, for every tool. */
async function prepare(job: PrepareJob): Promise<Record<string, string>> {
  const moons = moonsSpec({ hidden: job.hidden, l2: 0, epochs: 1, batch: 32, lr: 0.001, seed: job.seeds[0] });
  const moonsData = await loadDataset(moons.data, LOAD_CONTEXT);
  const init = job.seeds.map((seed) => {
    const net = buildNetwork(moons.model, moonsData.inputShape, seed);
    const kernels = net.weighted.map((l) => l.kernel!.arraySync() as number[][]);
    const biases = net.weighted.map((l) => l.bias!.arraySync() as number[]);
    net.model.dispose();
    return { seed, kernels, biases };
  });
  const ridgeData = await loadDataset(ridgeSpec({ l2: 0, epochs: 1, lr: 0.1 }).data, LOAD_CONTEXT);
  const files = { moons: path.join(job.outDir, 'moons.json'), diabetes: path.join(job.outDir, 'diabetes.json') };
  fs.writeFileSync(files.moons, JSON.stringify(toFile('moons', moonsData, init)));
  fs.writeFileSync(files.diabetes, JSON.stringify(toFile('diabetes', ridgeData)));
  return files;
}

function moonsCell(job: MoonsJob, epochs: number): CompletedSpec {
  return moonsSpec({ hidden: job.hidden, l2: job.l2, epochs, batch: job.batch, lr: job.lr, seed: job.seed, implicitOutput: job.implicitOutput });
}

function moonsConfig(job: MoonsJob, epochs: number): MemberConfig {
  const spec = moonsCell(job, epochs);
  return { layers: spec.model, train: spec.train };
}

/** Benchmarks 1, 2 and the steps-only row: a warm-up run, then `reps` timed runs of `epochs`. */
async function timed(job: MoonsJob, backend: string): Promise<TimedResult> {
  const { data } = readData(job.data);
  const objective = moonsCell(job, job.epochs);
  const meter = memoryMeter();
  const once = async (flushMs?: number) => {
    // The clock times train() (or the steps) alone: the cell's parse is the caller's, as
    // a peer's model definition is outside its clock (a cold parse is ~5-10 ms).
    const config = moonsConfig(job, job.epochs);
    const clock = startClock();
    if (job.kind === 'steps') {
      const net = trainStepsOnly(objective, data, config);
      const time = clock();
      const scores = scoresOf(net, objective, data);
      net.model.dispose();
      return { ...time, scores };
    }
    const [out] = await train(objective, data, [config], flushMs === undefined ? {} : { flushMs });
    const time = clock();
    if (out.status !== 'completed') throw new Error(`RegNB run ${out.status}: ${out.error}`);
    out.network.model.dispose();
    return { ...time, scores: scoresOfRow(out.rows[out.rows.length - 1], job.l2) };
  };

  // Warm-up: the first run pays for kernel set-up and JIT; it is not timed (a cold run has none).
  if (job.warmup > 0 && job.kind === 'steps') trainStepsOnly(objective, data, moonsConfig(job, job.warmup)).model.dispose();
  else if (job.warmup > 0) (await train(objective, data, [moonsConfig(job, job.warmup)]))[0].network.model.dispose();

  const times: number[] = [];
  const cpu: number[] = [];
  const variants = (job.flushMs ?? []).map((flushMs) => ({ flushMs, times: [] as number[], cpu: [] as number[] }));
  let last: Awaited<ReturnType<typeof once>> | undefined;
  for (let r = 0; r < job.reps; r++) {
    last = await once();
    times.push(last.ms);
    cpu.push(last.cpu);
    // flush job: the variants interleaved with the default run, so drift hits all alike.
    for (const v of variants) {
      const t = await once(v.flushMs);
      v.times.push(t.ms);
      v.cpu.push(t.cpu);
    }
  }
  if (!last) throw new Error('reps must be >= 1');
  const tool = job.kind === 'steps' ? 'RegNB steps only' : 'RegNB train()';
  return { tool, backend, times, cpu, epochs: job.epochs, scores: last.scores, memory: meter.stop(), ...(variants.length ? { variants } : {}) };
}

/**
 * Benchmark 1c: the record's cost, in one process, runs interleaved (so drift hits all
 * alike), in rounds of one run each whose order rotates: train() with the record scored
 * in the training thread, train() with it on the scoring thread, warm (started before
 * the runs, so each uses it from its first epoch, as a process's runs after its first
 * do), and the steps alone; each warmed up first. Each clock times the training alone.
 */
async function recordCost(job: MoonsJob, backend: string): Promise<TimedResult[]> {
  const { data } = readData(job.data);
  const objective = moonsCell(job, job.epochs);
  const meter = memoryMeter();
  const lane = new ScoringThread(threadEntry('scoringWorker'));
  await lane.ready();
  // Each trains a config made before the clock (the cell's parse is no part of either
  // side) and returns how to get its scores, after the clock (as the network's dispose).
  const viaTrain = (opts: TrainOptions) => async (config: MemberConfig) => {
    const [out] = await train(objective, data, [config], opts);
    return () => {
      if (out.status !== 'completed') throw new Error(`RegNB run ${out.status}: ${out.error}`);
      out.network.model.dispose();
      return scoresOfRow(out.rows[out.rows.length - 1], job.l2);
    };
  };
  const steps = async (config: MemberConfig) => {
    const net = trainStepsOnly(objective, data, config);
    return () => {
      const scores = scoresOf(net, objective, data);
      net.model.dispose();
      return scores;
    };
  };
  const variants = [
    { tool: 'RegNB train(), record in the training thread', run: viaTrain({}) },
    { tool: 'RegNB train(), record on the scoring thread', run: viaTrain({ scoring: lane }) },
    { tool: 'RegNB steps only', run: steps },
  ].map((v) => ({ ...v, times: [] as number[], cpu: [] as number[], scores: undefined as Scores | undefined }));
  for (const v of variants) (await v.run(moonsConfig(job, job.warmup)))();
  for (let r = 0; r < job.reps; r++) {
    // Each round starts one variant later: none always follows the same one (the record
    // in the training thread leaves the most garbage, whose collection lands in the next run).
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(r + k) % variants.length];
      const config = moonsConfig(job, job.epochs);
      const clock = startClock();
      const scores = await v.run(config);
      const t = clock();
      v.times.push(t.ms);
      v.cpu.push(t.cpu);
      v.scores = scores();
    }
  }
  await lane.dispose();
  const memory = meter.stop();
  return variants.map((v) => ({ tool: v.tool, backend, times: v.times, cpu: v.cpu, epochs: job.epochs, scores: v.scores!, memory }));
}

/** Benchmark 3: runSweep stacks the sweep's models (dense network) and spreads chunks over `threads`. */
async function sweep(job: SweepJob, backend: string): Promise<SweepResult> {
  const { data } = readData(job.data);
  const spec: CompletedSpec = moonsSpec({ hidden: job.hidden, l2: job.alphas[0], epochs: job.epochs, batch: job.batch, lr: job.lr, seed: job.seeds[0], grid: { alphas: job.alphas, repeats: job.seeds.length } });
  // Warm-up, as in every tool's sweep job: one short untimed run of the network.
  (await train(spec, data, [{ layers: spec.model, train: { ...spec.train, epochs: job.warmup } }]))[0].network.model.dispose();
  const threads = job.threads ?? 1;
  const runner = job.threads ? new SweepThreads({ entry: sweepWorkerEntry(), size: threads, backend: activeBackend()!, wasmDir: WASM_DIR }) : undefined;
  // The threads start (and load their backend) before the clock, as this process did.
  await runner?.warm();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const clock = startClock();
  const outcome = await runSweep(spec, data, { runner });
  const { ms, cpu } = clock();
  delay.disable();
  runner?.dispose();
  const perStack = Math.min(outcome.grid.stackSize!, Math.ceil(job.alphas.length / threads) * job.seeds.length);
  outcome.representative?.network.model.dispose();
  const seeds = new Set(outcome.grid.runs.map((r) => r.seed));
  if (job.seeds.some((s) => !seeds.has(s))) throw new Error(`runSweep used seeds ${[...seeds]}, the peers were given ${job.seeds}`);
  const mean = (alpha: number, f: (r: (typeof outcome.grid.runs)[number]) => number) => {
    const runs = outcome.grid.runs.filter((r) => r.alpha === alpha);
    return runs.reduce((a, r) => a + f(r), 0) / runs.length;
  };
  return {
    tool: runner ? `RegNB, ${threads} sweep thread${threads > 1 ? 's' : ''}` : 'RegNB runSweep',
    backend: runner ? `${backend} x ${threads}` : backend,
    how: `chunks of ${perStack} models, ${runner ? `${threads} sweep thread${threads > 1 ? 's' : ''}` : 'in this thread'}`,
    ...(runner ? { loopDelay: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 } } : {}),
    ms,
    cpuMs: cpu,
    meanTestAcc: job.alphas.map((a) => mean(a, (r) => r.final.test.accuracy ?? NaN)),
    meanTrainLoss: job.alphas.map((a) => mean(a, (r) => r.final.train.loss)),
  };
}

/** Benchmark 5: the linear model's coefficients, for comparison with sklearn's Ridge. */
async function ridge(job: RidgeJob): Promise<RidgeResult> {
  const { data } = readData(job.data);
  const spec = ridgeSpec({ l2: job.l2, epochs: job.epochs, lr: job.lr });
  const [out] = await train(spec, data, [{ layers: spec.model, train: spec.train }]);
  if (out.status !== 'completed') throw new Error(`RegNB ridge run ${out.status}: ${out.error}`);
  const layer = out.network.weighted[0];
  const result = { tool: 'RegNB', coef: Array.from(layer.kernel!.dataSync()), intercept: layer.bias!.dataSync()[0] };
  out.network.model.dispose();
  tf.disposeVariables();
  return result;
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exit(1);
});
