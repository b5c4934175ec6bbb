// The JSON that passes between the driver and the tool processes (RegNB worker and
// Python peers). Every tool reads the same data file, so all train on identical
// float32 arrays and, where it matters, start from identical weights.

/** A data set as exported by the RegNB worker (`prepare` job). Rows are arrays. */
export interface DataFile {
  name: string;
  task: 'binary' | 'multiclass' | 'regression';
  /** Classes (multiclass: labels are class indices), 2 (binary) or 1 (regression). */
  classes: number;
  nTrain: number;
  nTest: number;
  xTrain: number[][];
  yTrain: number[];
  xTest: number[][];
  yTest: number[];
  /** Initial weights RegNB's builder gives the moons network, per seed (kernels are [in, out]). */
  init?: { seed: number; kernels: number[][][]; biases: number[][] }[];
}

/** One timed training problem: the moons network with L2 on its kernels. */
export interface MoonsJob {
  kind: 'moons' | 'steps' | 'flush' | 'record';
  data: string;
  epochs: number;
  warmup: number;
  reps: number;
  hidden: number;
  l2: number;
  lr: number;
  batch: number;
  seed: number;
  /** flush job: the flushMs values to compare. */
  flushMs?: number[];
  /** RegNB: leave the output activation implicit (the default, sigmoid) instead of writing it. */
  implicitOutput?: boolean;
}

export interface SweepJob {
  kind: 'sweep';
  data: string;
  epochs: number;
  /** Epochs of one untimed run first, in every tool. */
  warmup: number;
  hidden: number;
  lr: number;
  batch: number;
  alphas: number[];
  /** The seeds of the repeats, as RegNB derives them (repeatSeed); peers start from `init` of each. */
  seeds: number[];
  /** RegNB only: sweep threads; undefined: in the bench process's own thread. */
  threads?: number;
}

export interface RidgeJob {
  kind: 'ridge';
  data: string;
  l2: number;
  epochs: number;
  lr: number;
}

export interface PrepareJob {
  kind: 'prepare';
  outDir: string;
  hidden: number;
  seeds: number[];
}

export type Job = MoonsJob | SweepJob | RidgeJob | PrepareJob | GrowthPrepareJob | GrowthJob;

/** Benchmark 6's data sets: the tutorial's moons at 30, 300 and 3000 training rows, and digits. */
export type GrowthData = 'moons30' | 'moons300' | 'moons3000' | 'digits';

/** One network of benchmark 6: `layers` hidden relu layers of `hidden` units on a data set. */
export interface GrowthNet {
  data: GrowthData;
  hidden: number;
  layers: number;
}

/** Exports every growth data set once, and each network's initial weights. */
export interface GrowthPrepareJob {
  kind: 'growthPrepare';
  outDir: string;
  nets: GrowthNet[];
  l2: number;
  lr: number;
  seed: number;
}

export interface GrowthPrepared {
  /** Per data set: the exported file and its size. */
  data: Record<GrowthData, { file: string; nTrain: number; nTest: number; features: number; classes: number }>;
  /** Per net (the job's order): float32 initial weights, kernel [in, out] then bias, layer by layer. */
  init: string[];
}

/** One timed point: `epochs` full-batch epochs after `warmup` untimed ones, from the exported weights. */
export interface GrowthJob extends GrowthNet {
  kind: 'growth';
  file: string;
  init: string;
  epochs: number;
  warmup: number;
  l2: number;
  lr: number;
  seed: number;
}

/** A tool's timing of one growth point and its final training data loss (no penalty). */
export interface GrowthTiming {
  ms: number;
  cpu: number;
  trainLoss: number;
}

export interface GrowthResult {
  backend: string;
  /** RegNB: train() with the full per-epoch record; PyTorch: its training steps. */
  run: GrowthTiming;
  /** RegNB only: the same epochs without the record (bench/regnb/stepsOnly.ts). */
  steps?: GrowthTiming;
  /** PyTorch only: the final training loss of the same training in float64 (untimed). */
  float64Loss?: number;
}

/** Final scores of a model: data loss (no penalty) and accuracy; objective = train loss + penalty. */
export interface Scores {
  trainLoss: number;
  testLoss: number;
  trainAcc: number;
  testAcc: number;
  objective: number;
}

export interface Memory {
  /** RSS once the libraries are loaded and the data read, before training (MB). */
  baseMB: number;
  /** Peak RSS of the process (MB). */
  peakMB: number;
  /** RegNB only: the peak of process.memoryUsage().rss sampled every few ms (MB). */
  sampledPeakMB?: number;
}

export interface TimedResult {
  tool: string;
  backend: string;
  /** Wall time of each measured repetition (ms). */
  times: number[];
  /** CPU time of the process (all threads) during each repetition (ms). */
  cpu: number[];
  epochs: number;
  scores: Scores;
  memory: Memory;
  /** flush job: one entry per flushMs value. */
  variants?: { flushMs: number; times: number[]; cpu: number[] }[];
}

export interface SweepResult {
  tool: string;
  backend: string;
  ms: number;
  cpuMs: number;
  /** Mean test accuracy per alpha (same order as the job's alphas) over the repeats. */
  meanTestAcc: number[];
  meanTrainLoss: number[];
  /** How the tool trained the models (peers: one after the other). */
  how?: string;
  /**
   * RegNB on sweep threads: the event-loop delay of the coordinating thread during the
   * sweep (ms; monitorEventLoopDelay, 10 ms resolution), as the extension host's and the
   * training worker's threads see it when the sweep threads take the cores.
   */
  loopDelay?: { p50: number; p99: number; max: number };
}

export interface RidgeResult {
  tool: string;
  coef: number[];
  intercept: number;
  /** sklearn: the training rows and the Ridge alpha (= n * l2) used. */
  n?: number;
  alpha?: number;
}
