// What every RegNB bench job needs: the backend, the exported data set as a Dataset,
// the moons network's specs, and the process's memory figures.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { useBackend, type BackendChoice } from '../../src/core/engine/backend';
import type { Dataset } from '../../src/core/data/dataset';
import type { EpochRow } from '../../src/core/engine/trainer';
import type { DataFile, Memory, Scores } from '../lib/types';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const WASM_DIR = path.join(REPO_ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');

/** How the bench's cells find the bundled data sets: the repo's `data` folder. */
export const LOAD_CONTEXT = { baseDir: REPO_ROOT, dataDir: path.join(REPO_ROOT, 'data'), readText: (p: string) => fs.promises.readFile(p, 'utf8') };

/** Starts the backend users get (tfjs-node when it loads, else wasm) and describes it. */
export async function startBackend(): Promise<string> {
  const name = await useBackend((process.env.REGNB_BENCH_BACKEND as BackendChoice | undefined) ?? 'auto', WASM_DIR);
  if (name !== 'wasm') return name;
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return `wasm${simd ? ' simd' : ''}, ${getThreadsCount()} thread${getThreadsCount() === 1 ? '' : 's'}`;
}

export function readData(file: string): { raw: DataFile; data: Dataset } {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as DataFile;
  const features = raw.xTrain[0].length;
  const data: Dataset = {
    task: raw.task,
    inputShape: [features],
    classes: raw.classes,
    featureNames: Array.from({ length: features }, (_, j) => `x${j + 1}`),
    nTrain: raw.nTrain,
    nTest: raw.nTest,
    // JSON holds each float32 value's exact double, so this gives back the same float32s.
    xTrain: Float32Array.from(raw.xTrain.flat()),
    yTrain: Float32Array.from(raw.yTrain),
    xTest: Float32Array.from(raw.xTest.flat()),
    yTest: Float32Array.from(raw.yTest),
    scaling: { kind: 'none', offset: [], scale: [] },
  };
  return { raw, data };
}

/** A data set as the peers read it (see DataFile); RegNB reads it back with readData. */
export function toFile(name: string, d: Dataset, init?: DataFile['init']): DataFile {
  const width = d.inputShape.reduce((a, b) => a * b, 1);
  const rows = (x: Float32Array, n: number) => Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * width, (i + 1) * width)));
  return { name, task: d.task, classes: d.classes, nTrain: d.nTrain, nTest: d.nTest, xTrain: rows(d.xTrain, d.nTrain), yTrain: Array.from(d.yTrain), xTest: rows(d.xTest, d.nTest), yTest: Array.from(d.yTest), init };
}

/**
 * Final scores from a trained member's last row (what RegNB itself reports). The row's
 * penalty was taken before the last step, its norms after it: the objective at the final
 * weights, as the peers report it, is trainLoss + l2 * sum of squared kernel norms.
 */
export function scoresOfRow(row: EpochRow, l2: number): Scores {
  return {
    trainLoss: row.trainLoss,
    testLoss: row.testLoss,
    trainAcc: row.trainMetric,
    testAcc: row.testMetric,
    objective: row.trainLoss + l2 * row.norms.reduce((a, n) => a + n[1] * n[1], 0),
  };
}

/** Wall and CPU time (the whole process, all threads) since the call, in ms. */
export function startClock(): () => { ms: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
  };
}

const MB = 1024 * 1024;

/**
 * Samples process.memoryUsage().rss every 5 ms while the job runs (train() yields to the
 * event loop every epoch, so the timer fires), and also reads the kernel's own peak
 * (resourceUsage().maxRSS, in KB), the same figure Python's getrusage gives the peers.
 */
export function memoryMeter(): { stop: () => Memory } {
  const baseMB = process.memoryUsage().rss / MB;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return { baseMB, peakMB: process.resourceUsage().maxRSS / 1024, sampledPeakMB: peak / MB };
    },
  };
}
