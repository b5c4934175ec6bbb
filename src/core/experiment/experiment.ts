// The typed form of an experiment cell (contract section 2), produced by the cell
// validator and consumed by data loading, the engine and the sweep runner.
// Every value here is already validated and has its defaults filled in.

import type { Penalty, LayerPenalties } from './penalty';

export type Task = 'binary' | 'multiclass' | 'regression';

export const GENERATED_SOURCES = ['moons', 'circles', 'blobs', 'xor', 'spiral', 'regression', 'sine'] as const;
export const BUNDLED_SOURCES = ['iris', 'wine', 'breast-cancer', 'digits', 'diabetes'] as const;
export type GeneratedSource = (typeof GENERATED_SOURCES)[number];
export type BundledSource = (typeof BUNDLED_SOURCES)[number];
export type DataSourceName = GeneratedSource | BundledSource | 'file';

export type Standardize = 'zscore' | 'minmax' | false;

export interface DataSpec {
  source: DataSourceName;
  /** CSV path relative to the notebook's folder (source 'file'). */
  file?: string;
  /** CSV target column (source 'file'). */
  target?: string;
  /** Forces the task of a CSV file (otherwise inferred from the target column). */
  task?: Task;
  /** Generated sources: number of samples. */
  samples: number;
  /** Generated sources: noise level (meaning per generator). */
  noise: number;
  seed: number;
  shuffle: boolean;
  /** Integer >= 1: first N rows; 0 < f < 1: that fraction of the rows. */
  train: number;
  standardize: Standardize;
  /** Regression: also z-score the target with training statistics (default false). */
  standardizeTarget: boolean;
  /** `regression`: number of inputs, and how many of them are informative. */
  features: number;
  informative: number;
  /** `blobs`, `spiral`: number of classes. */
  classes: number;
  /** `sine`: length of each input sequence. */
  window: number;
}

export const LAYER_TYPES = [
  'dense', 'conv1d', 'conv2d', 'maxpool1d', 'maxpool2d', 'flatten', 'lstm', 'gru', 'simplernn', 'dropout',
] as const;
export type LayerType = (typeof LAYER_TYPES)[number];
export const WEIGHTED_LAYER_TYPES: readonly LayerType[] = ['dense', 'conv1d', 'conv2d', 'lstm', 'gru', 'simplernn'];
export const RECURRENT_LAYER_TYPES: readonly LayerType[] = ['lstm', 'gru', 'simplernn'];

export const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'selu', 'softplus', 'softsign', 'relu6', 'swish', 'gelu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface LayerSpec {
  type: LayerType;
  /** Units (dense, recurrent), filters (conv), pool size (maxpool), rate (dropout); 0 for flatten. */
  size: number;
  /** Name used in the run result; default `<type>_<n>` counting layers of that type from 1. */
  name: string;
  activation?: Activation;
  /** Convolution kernel size: one number per spatial dimension. */
  kernel?: number[];
  stride?: number[];
  padding?: 'valid' | 'same';
  /** Whether the layer has a bias (default true for weighted layers). */
  bias: boolean;
  /** Recurrent layers: return the whole sequence (default: true when another recurrent layer follows). */
  returnSequences?: boolean;
  /** Resolved penalties of this layer: the cell default merged with the layer's own. */
  penalties: LayerPenalties;
}

/**
 * The options a layer may leave out, copied into its LayerSpec as written (completeSpec
 * fills their defaults). The cell reader's LayerDraft takes its fields from LayerSpec.
 */
export const LAYER_WRITTEN_OPTIONS = ['activation', 'kernel', 'stride', 'padding', 'returnSequences'] as const satisfies readonly (keyof LayerSpec)[];

export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop', 'adamw'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface TrainSpec {
  epochs: number;
  /** Mini-batch size; capped at the number of training rows. */
  batch: number;
  optimizer: OptimizerName;
  lr: number;
  seed: number;
  /** sgd momentum (default 0). */
  momentum: number;
  /** Decoupled weight decay (adamw, sgd); adds no loss term. */
  weightDecay: number;
  /** Start from the weights that another cell trained last. */
  from?: string;
}

export interface AlphaRange {
  from: number;
  to: number;
  perDecade: number;
}

/**
 * How a sweep scores each alpha without the test set: k-fold cross-validation over the
 * training rows (stratified for classification), one held-out fraction of them, or
 * `none` (every point trains on all training rows and is scored on the test set).
 */
export type GridValidation = { kind: 'folds'; folds: number } | { kind: 'holdout'; fraction: number } | { kind: 'none' };

/** `best`: the best mean; `1se`: the largest alpha within one standard error of it (glmnet's lambda.1se). */
export type SelectionRule = 'best' | '1se';

export interface GridSpec {
  alpha: number[] | AlphaRange;
  repeats: number;
  refine: number;
  /** e.g. `validation.loss` (default), `validation.accuracy`, `test.loss`, `train.accuracy`. */
  select: string;
  /** Default: 5 folds (`none` when `select` reads the test set). */
  validate: GridValidation;
  /** Default: `1se`. */
  rule: SelectionRule;
}

/** The score a task is judged by: accuracy for classification, R^2 for regression. */
export type MetricName = 'accuracy' | 'r2';
/** The data loss a task trains: binary cross-entropy (one sigmoid unit), categorical cross-entropy (softmax), mean squared error. */
export type LossName = 'binary-crossentropy' | 'categorical-crossentropy' | 'mse';

/**
 * What the data's task implies for the objective. Filled in ONCE, by completeSpec
 * (src/core/cell/completeSpec.ts), when the task is known: at parse time for every
 * source but a CSV file without `task:`, and when that file is read otherwise.
 */
export interface Objective {
  task: Task;
  metric: MetricName;
  /** Number of classes: 2 for binary, 1 for regression. */
  classes: number;
  loss: LossName;
  /** The output layer's activation (as written, or the task's default). */
  outputActivation: Activation;
}

export interface ExperimentSpec extends Partial<Objective> {
  name: string;
  data: DataSpec;
  model: LayerSpec[];
  /** The cell-wide default penalty (undefined: none), as written. */
  regularize?: Penalty;
  train: TrainSpec;
  grid?: GridSpec;
}

/**
 * A spec whose task, metric, classes, loss, output activation and every layer field
 * are filled in: what the engine, the runners, the guidance and the exports take.
 */
export type CompletedSpec = ExperimentSpec & Objective;

export function isCompleted(spec: ExperimentSpec): spec is CompletedSpec {
  return spec.task !== undefined && spec.metric !== undefined && spec.classes !== undefined && spec.loss !== undefined && spec.outputActivation !== undefined;
}

/** A 1-based position inside a cell's source text. */
export interface Position {
  line: number;
  column: number;
}

export interface Problem extends Position {
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * Where each key of the cell stands, by dotted path (`train.from`, `model.0.dense`,
 * `model.1.regularize.kernel.l2`), so that checks made after parsing (a missing
 * `from` cell, a shape mismatch) can still point at the source.
 */
export type SourceMap = (path: string) => Position & { endLine: number; endColumn: number };
