// The run result (contract section 3): one per run of an experiment cell, stored in
// the notebook as an output of MIME type RUN_MIME (protocol/notebookRenderer.ts) and in the run store as result.json.

import type { LayerPenalties } from '../experiment/penalty';
import type { LayerType, MetricName, Task } from '../experiment/experiment';

export type RunStatus = 'completed' | 'cancelled' | 'failed' | 'diverged';
export type { MetricName };
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
/** What trained a run: a TensorFlow.js backend, or the fused typed-array engine for dense networks. */
export type TrainedBy = BackendName | 'fused';

export interface LayerInfo {
  name: string;
  type: LayerType;
  params: number;
  penalty: LayerPenalties;
}

export interface NormSeries {
  l1: number[];
  l2: number[];
  max: number[];
  sparsity: number[];
}

export interface History {
  epoch: number[];
  dataLoss: number[];
  /** Per layer name: mean penalty over the epoch's batches. */
  penalty: Record<string, number[]>;
  totalLoss: number[];
  testLoss: number[];
  trainMetric: number[];
  testMetric: number[];
  /** Per layer name: norms of the penalized weights at the end of each epoch. */
  norms: Record<string, NormSeries>;
  /** Extension: data loss on the whole training set at the end of each epoch (inference mode, no penalty). */
  trainLoss?: number[];
}

export interface SetScores {
  loss: number;
  accuracy?: number;
  r2?: number;
}

export interface FinalScores {
  train: SetScores;
  test: SetScores;
  /** Sum of all layers' penalties in the last epoch. */
  penalty: number;
}

export interface GridPoint {
  alpha: number;
  repeat: number;
  /** true for the values added by `refine`. */
  refined?: boolean;
  seed?: number;
  status?: RunStatus;
  final: FinalScores;
  norms: Record<string, { l1: number; l2: number; max: number; sparsity: number }>;
  /** Penalty as a fraction of the final total training loss. */
  penaltyShare?: number;
  /** Extension: the fold this point held out (cross-validation; 0 for a held-out fraction). */
  fold?: number;
  /**
   * Extension: which rows `final.test` was scored on: `validation` (the point's held-out
   * training rows; the test set never entered it) or `test` (validate: none). Absent: test.
   */
  scoredOn?: ScoredOn;
}

/** The rows a model's held-out figures are scored on: a validated sweep point's held-out training rows, or the test set. */
export type ScoredOn = 'validation' | 'test';

/** Mean, sample standard deviation, standard error of the mean (std / sqrt(n)) and count of one figure. */
export interface Spread {
  mean: number;
  std: number;
  se: number;
  n: number;
}

/** Extension: the statistics of one alpha, derived once by the sweep (src/core/sweep/plan.ts) and read by every view. */
export interface AlphaStats extends Spread {
  alpha: number;
  refined: boolean;
  /** The same quantity on the rows the points trained on. */
  train?: Spread;
  /** The figure shown beside `select` on the same rows (accuracy or R² beside a loss, the loss beside a metric). */
  beside?: Spread & { key: string };
}

/** The chosen alpha and how the rule chose it. */
export interface GridBest {
  alpha: number;
  mean: number;
  std: number;
  /** Extensions: the chosen alpha's standard error and count, the rule, and the alpha of the best mean. */
  se?: number;
  n?: number;
  rule?: 'best' | '1se';
  bestAlpha?: number;
  bestMean?: number;
  bestSe?: number;
  /** Alphas whose mean is within one standard error of the best mean, largest first (the data cannot tell them apart). */
  within?: number[];
}

export interface GridResult {
  alpha: number[];
  runs: GridPoint[];
  best: GridBest | null;
  select?: string;
  /** Extension: per-alpha statistics of `select` (ascending alpha). */
  stats?: AlphaStats[];
  /** Extension: the validation used (folds may be fewer than asked: see warnings). */
  validate?: { kind: 'folds'; folds: number } | { kind: 'holdout'; fraction: number } | { kind: 'none' };
  rule?: 'best' | '1se';
  /**
   * Extension: the chosen alpha refit on all training rows and scored once on the test
   * set: the sweep's only test figure when points were scored on validation rows.
   */
  test?: SetScores & { alpha: number };
  /** Extension: what the sweep had to adapt or warns about, in words. */
  warnings?: string[];
  /** Extension: how the points trained: threads at once, and the most models in one stacked network. */
  threads?: number;
  stackSize?: number;
  /** Extension: a sweep trained as shards of a cluster's job arrays: the shards of each stage (`regnb merge`). */
  shards?: number[];
}

/** Extension: the model's decision over the input plane, for 2-input classification. */
export interface DecisionBoundary {
  /** Grid coordinates (in the standardized input units the model saw), ascending. */
  xs: number[];
  ys: number[];
  /** Row-major values, ys.length rows of xs.length: P(class 1) (binary) or the predicted class (multiclass). */
  values: number[];
  kind: 'probability' | 'class';
  /** The data points: inputs (standardized), label, and which set they belong to. */
  points: { x: number; y: number; label: number; set: 'train' | 'test' }[];
  classNames?: string[];
}

/** Extension: histogram of a layer's final penalized weights. */
export interface WeightHistogram {
  /** Bin edges, length counts.length + 1. */
  edges: number[];
  counts: number[];
  /** Weights with |w| < 1e-3 (the sparsity threshold). */
  nearZero: number;
  total: number;
}

/** Extension: what the run says in plain words, and the cell's penalties in other tools. */
export interface Guidance {
  findings: { kind: string; severity: 'info' | 'warning'; message: string; figures: Record<string, number> }[];
  /** Grid cells: the recommended alpha with its spread. */
  recommendation?: { alpha: number; mean: number; std: number; select: string; repeats: number; atEdge: 'low' | 'high' | null; message: string } | null;
  equivalents: { tool: 'keras' | 'pytorch' | 'sklearn'; what: string; code: string; exact: boolean; values: Record<string, number>; note: string }[];
  /** Extension: set when the findings were diagnosed again after the run, in the light of sweeps that ran later. */
  revised?: GuidanceRevision;
}

/** Extension: when and with which sweeps a run's findings were revised, and the findings made at run time. */
export interface GuidanceRevision {
  /** ISO time of the revision. */
  at: string;
  /** The sweeps of the same data and network the findings defer to. */
  sweeps: { cell: string; alpha: number; select: string }[];
  /** The findings made when the run ended (result.json in the run store keeps them too). */
  atRun: Guidance['findings'];
}

export interface RunResult {
  regnb: 1;
  name: string;
  runId: string;
  status: RunStatus;
  error: string | null;
  task: Task;
  metric: MetricName;
  backend: TrainedBy;
  durationMs: number;
  layers: LayerInfo[];
  history: History;
  final: FinalScores;
  store: string | null;
  /** Extensions beyond the contract. */
  startedAt?: string;
  notebook?: string;
  /** Decoupled weight decay, reported apart from penalties since it adds no loss term. */
  weightDecay?: number;
  /** Cell this run started from (`train.from`) and that run's id. */
  from?: { cell: string; runId: string } | null;
  /** Number of training and test rows, and the input shape of one sample. */
  data?: { source: string; nTrain: number; nTest: number; inputShape: number[]; standardize: string | false };
  /** Set when the history was downsampled to fit in the notebook (full resolution is in the run store). */
  downsampled?: boolean;
  /** Extension: what was done to the notebook's copy of the history: thinned to `points` epochs, numbers rounded to `digits` significant digits. */
  reduced?: { points?: number; digits?: number };
  /** Parts left out of the notebook's copy to keep a cell under its size limit (the run store has them all). */
  omitted?: string[];
  grid?: GridResult;
  boundary?: DecisionBoundary;
  guidance?: Guidance;
  /** Final weight histograms by layer name. */
  weights?: Record<string, WeightHistogram>;
}
