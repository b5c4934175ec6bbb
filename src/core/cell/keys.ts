// Documentation of every key and enumerated value of the cell language (contract
// section 2). One table serves three readers: the validator (known keys, "did you
// mean", which layer types or sources a key applies to), and the editor's completion
// and hover. A key added to the language without a line here is a bug.

import {
  GENERATED_SOURCES,
  RECURRENT_LAYER_TYPES,
  WEIGHTED_LAYER_TYPES,
  type Activation,
  type DataSourceName,
  type LayerSpec,
  type LayerType,
  type OptimizerName,
  type Task,
} from '../experiment/experiment';
import type { PenaltyKey, PenaltyPart } from '../experiment/penalty';

export interface KeyDoc {
  /** The value's type as a reader should see it: `integer >= 1`, `penalty | none`. */
  type: string;
  /** One line: what the key does. */
  description: string;
  /** The default when the key is left out (absent: no default, or the key is required). */
  default?: string;
  required?: boolean;
  /** The key takes one of the values documented in VALUE_DOCS[values]. */
  values?: ValueKind;
  /** Only these layer types (layer options) or data sources (data keys) use the key; absent: all. */
  appliesTo?: readonly string[];
}

export type KeyTable = Readonly<Record<string, KeyDoc>>;

/** Limits of `grid.validate.folds`. */
export const MIN_FOLDS = 2;
export const MAX_FOLDS = 20;

// ---- enumerated values ---------------------------------------------------------------

const SOURCE_DOCS: Readonly<Record<DataSourceName, string>> = {
  moons: 'Two interleaving half circles in 2-D (binary); noise: std of the Gaussian jitter',
  circles: 'A small circle inside a large one in 2-D (binary); noise: std of the Gaussian jitter',
  blobs: 'Gaussian clusters in 2-D, one per class (multiclass; binary with classes: 2); noise: cluster std',
  xor: 'Points in the four quadrants, labelled by the sign of x1*x2 (binary); noise: std of the jitter',
  spiral: 'Interleaved spiral arms in 2-D, one per class (multiclass; binary with classes: 2); noise: std of the jitter',
  regression: 'Linear target of `features` Gaussian inputs of which `informative` matter (regression); noise: target noise std. The case where L1 shines',
  sine: 'Noisy sine series: predict the next value from the previous `window` values (regression, sequence input for recurrent layers)',
  iris: 'Bundled: 150 iris flowers, 4 measurements, 3 species (multiclass)',
  wine: 'Bundled: 178 wines, 13 chemical measurements, 3 cultivars (multiclass)',
  'breast-cancer': 'Bundled: 569 tumours, 30 cell-nucleus features, malignant or benign (binary)',
  digits: 'Bundled: 1797 handwritten digits as 8x8 images (multiclass, 10 classes; the only image source for conv2d)',
  diabetes: 'Bundled: 442 patients, 10 baseline variables, disease progression after one year (regression)',
  file: 'A CSV file: write `file: path.csv` (relative to the notebook) and `target: COLUMN` instead of a source',
};

const TASK_DOCS: Readonly<Record<Task, string>> = {
  binary: 'Two classes: one sigmoid output unit, binary cross-entropy, accuracy',
  multiclass: 'Three or more classes: one softmax unit per class, categorical cross-entropy, accuracy',
  regression: 'A numeric target: one linear output unit, mean squared error, r2',
};

const STANDARDIZE_DOCS = {
  zscore: 'Subtract the mean and divide by the std of each input, both measured on the training rows (same as true)',
  minmax: 'Scale each input to [0, 1] with the min and max of the training rows',
  true: 'Same as zscore',
  false: 'Leave the inputs as they are',
} as const;

const ACTIVATION_DOCS: Readonly<Record<Activation, string>> = {
  linear: 'Identity: the regression output',
  relu: 'max(0, x): the usual hidden activation',
  sigmoid: '1 / (1 + exp(-x)), in (0, 1): the binary output (probability of class 1)',
  tanh: 'Hyperbolic tangent, in (-1, 1): the usual recurrent activation',
  softmax: 'Normalized exponentials summing to 1: the multiclass output (class probabilities)',
  elu: 'x for x > 0, exp(x) - 1 otherwise',
  selu: 'Scaled elu (self-normalizing networks)',
  softplus: 'log(1 + exp(x)), a smooth relu',
  softsign: 'x / (1 + |x|), in (-1, 1)',
  relu6: 'min(max(0, x), 6)',
  swish: 'x * sigmoid(x)',
  gelu: 'Gaussian error linear unit, x * Phi(x)',
};

const PADDING_DOCS = {
  valid: 'No padding: the output shrinks by kernel - 1 along each dimension',
  same: 'Zero padding so that the output keeps the input size (with stride 1)',
} as const;

const OPTIMIZER_DOCS: Readonly<Record<OptimizerName, string>> = {
  adam: 'Adam (default lr 0.001)',
  sgd: 'Stochastic gradient descent, optional momentum and decoupled weightDecay (default lr 0.01)',
  rmsprop: 'RMSprop (default lr 0.001)',
  adamw: 'Adam with decoupled weight decay (weightDecay), reported apart from penalties (default lr 0.001)',
};

export const SELECT_VALUES = [
  'validation.loss', 'validation.accuracy', 'validation.r2', 'train.loss', 'test.loss', 'train.accuracy', 'test.accuracy', 'train.r2', 'test.r2',
] as const;
export type SelectValue = (typeof SELECT_VALUES)[number];

const TEST_OPTIMISM = 'chooses on the test set, so the test score of the chosen alpha is optimistic';
const SELECT_DOCS: Readonly<Record<SelectValue, string>> = {
  'validation.loss': 'Lowest mean data loss on the validation rows (log loss for classification, a proper scoring rule): the default',
  'validation.accuracy': 'Highest mean accuracy on the validation rows (classification)',
  'validation.r2': 'Highest mean r2 on the validation rows (regression)',
  'train.loss': 'Lowest final data loss on the rows each point trained on',
  'test.loss': `Lowest final data loss on the test set: ${TEST_OPTIMISM}`,
  'train.accuracy': 'Highest final accuracy on the rows each point trained on (classification)',
  'test.accuracy': `Highest final accuracy on the test set (classification): ${TEST_OPTIMISM}`,
  'train.r2': 'Highest final r2 on the rows each point trained on (regression)',
  'test.r2': `Highest final r2 on the test set (regression): ${TEST_OPTIMISM}`,
};

export const RULE_VALUES = ['1se', 'best'] as const;
const RULE_DOCS: Readonly<Record<(typeof RULE_VALUES)[number], string>> = {
  '1se': 'The largest alpha whose mean is within one standard error of the best mean (glmnet\'s lambda.1se): the simplest model the data cannot tell from the best',
  best: 'The alpha with the best mean',
};

/** Every enumerated value with a one-line description, by kind. */
export const VALUE_DOCS = {
  source: SOURCE_DOCS,
  task: TASK_DOCS,
  standardize: STANDARDIZE_DOCS,
  activation: ACTIVATION_DOCS,
  padding: PADDING_DOCS,
  optimizer: OPTIMIZER_DOCS,
  select: SELECT_DOCS,
  rule: RULE_DOCS,
} as const;
export type ValueKind = keyof typeof VALUE_DOCS;

// ---- keys ----------------------------------------------------------------------------

const WEIGHTED: readonly LayerType[] = WEIGHTED_LAYER_TYPES;
const RECURRENT: readonly LayerType[] = RECURRENT_LAYER_TYPES;
const CONV: readonly LayerType[] = ['conv1d', 'conv2d'];
const ACTIVATED: readonly LayerType[] = WEIGHTED;

export const TOP_KEYS: KeyTable = {
  name: { type: 'name', description: 'Name of the cell, unique in the notebook; also the folder of its runs (letters, digits, _ . -)', default: 'cell-<n>' },
  data: { type: 'map', description: 'The data set: a source (or a CSV file), its size and noise, and the train/test split', required: true },
  model: { type: 'list of layers', description: 'The network, input to output: each item is a layer type with its size (`- dense: 32`) and options', required: true },
  regularize: { type: 'penalty | none', description: 'Default penalty for the kernel (and recurrent kernel) of every layer with weights; a layer\'s own regularize replaces it', default: 'none' },
  train: { type: 'map', description: 'Training: epochs, batch size, optimizer and learning rate, seed, warm start (from)' },
  grid: { type: 'map', description: 'Sweep over penalty strength: alpha replaces the coefficient of every penalty in the cell' },
  compare: { type: 'list of cell names', description: 'Makes this a compare cell: shows the last runs of the named experiment cells side by side (only name may stand beside it)' },
};

/** The keys a compare cell may hold. */
export const COMPARE_KEYS: KeyTable = { name: TOP_KEYS.name, compare: TOP_KEYS.compare };

const GENERATED: readonly string[] = GENERATED_SOURCES;

export const DATA_KEYS: KeyTable = {
  source: { type: 'data source', description: 'The data set: generated, bundled, or `file` (then give file: and target:)', values: 'source', required: true },
  file: { type: 'path', description: 'CSV file, relative to the notebook; stands for `source: file`', appliesTo: ['file'] },
  target: { type: 'column name', description: 'The CSV column to predict (required with file:)', appliesTo: ['file'] },
  task: { type: 'binary | multiclass | regression', description: 'Forces the task of a CSV file (otherwise inferred from the target column)', values: 'task', appliesTo: ['file'] },
  samples: { type: 'integer >= 2', description: 'Number of generated rows (train + test)', default: '100', appliesTo: GENERATED },
  noise: { type: 'number >= 0', description: 'Noise level of a generated source (meaning per source: jitter std, cluster std, target noise std)', default: '0.2 (blobs 1.0, regression 10)', appliesTo: GENERATED },
  seed: { type: 'integer', description: 'Seed of the generator and of the row shuffle; moons, circles and blobs: scikit-learn\'s random_state (0 to 2^32 - 1), the very rows of make_moons/make_circles/make_blobs', default: '1' },
  shuffle: { type: 'boolean', description: 'Shuffle the rows before splitting; false keeps generator or file order (moons, circles and blobs: the order of scikit-learn\'s (shuffled) make_moons, make_circles, make_blobs)', default: 'true' },
  train: { type: 'integer >= 1 | fraction in (0, 1)', description: 'Training rows: the first N rows, or that fraction of the rows; the rest is the test set', default: '0.7' },
  standardize: { type: 'true | zscore | minmax | false', description: 'Input scaling fitted on the training rows only', default: 'zscore', values: 'standardize' },
  standardizeTarget: { type: 'boolean', description: 'Regression: also z-score the target with training statistics (losses are then in target std units)', default: 'false' },
  features: { type: 'integer >= 1', description: 'regression: number of inputs', default: '20', appliesTo: ['regression'] },
  informative: { type: 'integer >= 0, <= features', description: 'regression: how many inputs actually enter the target', default: '5 (at most features)', appliesTo: ['regression'] },
  classes: { type: 'integer >= 2', description: 'blobs, spiral: number of classes', default: '3', appliesTo: ['blobs', 'spiral'] },
  window: { type: 'integer >= 1', description: 'sine: length of each input sequence', default: '20', appliesTo: ['sine'] },
};

/** The layer type keys; the value is the layer's size. */
export const LAYER_TYPE_KEYS: Readonly<Record<LayerType, KeyDoc>> = {
  dense: { type: 'integer >= 1', description: 'Fully connected layer; value: number of units (flattens its input if needed)' },
  conv1d: { type: 'integer >= 1', description: '1-D convolution over a sequence; value: number of filters' },
  conv2d: { type: 'integer >= 1', description: '2-D convolution over an image (digits); value: number of filters' },
  maxpool1d: { type: 'integer >= 1', description: '1-D max pooling; value: pool size (and stride)' },
  maxpool2d: { type: 'integer >= 1', description: '2-D max pooling; value: pool size (and stride) along both dimensions' },
  flatten: { type: 'nothing', description: 'Flattens its input to a vector (`- flatten:`); the value is ignored' },
  lstm: { type: 'integer >= 1', description: 'Long short-term memory recurrent layer; value: number of units' },
  gru: { type: 'integer >= 1', description: 'Gated recurrent unit layer; value: number of units' },
  simplernn: { type: 'integer >= 1', description: 'Fully connected recurrent layer; value: number of units' },
  dropout: { type: 'rate in [0, 1)', description: 'Drops this fraction of its inputs at random while training; value: the rate' },
};

/** The keys beside a layer's type: LayerSpec's own options, and `regularize` (read into its penalties). */
type LayerOptionKey = Exclude<keyof LayerSpec, 'type' | 'size' | 'penalties'> | 'regularize';

// Keyed by LayerSpec's fields: a layer field added without its line here does not compile.
export const LAYER_OPTION_KEYS: Readonly<Record<LayerOptionKey, KeyDoc>> = {
  activation: {
    type: 'activation',
    description: 'Activation of the layer\'s output',
    default: 'relu (hidden dense, conv), tanh (recurrent); output layer: sigmoid (binary), softmax (multiclass), linear (regression)',
    values: 'activation',
    appliesTo: ACTIVATED,
  },
  kernel: { type: 'integer >= 1 | list of integers', description: 'Convolution window, one number per spatial dimension (one number: the same along each)', default: '3', appliesTo: CONV },
  stride: { type: 'integer >= 1 | list of integers', description: 'Step of the convolution window, one number per spatial dimension', default: '1', appliesTo: CONV },
  padding: { type: 'valid | same', description: 'Border handling of the convolution', default: 'valid', values: 'padding', appliesTo: CONV },
  bias: { type: 'boolean', description: 'Whether the layer adds a bias vector (never penalized unless regularize names bias)', default: 'true', appliesTo: WEIGHTED },
  returnSequences: { type: 'boolean', description: 'Output the whole sequence instead of the last step; must be true when a recurrent or conv1d layer follows', default: 'true when a recurrent, conv1d or maxpool1d layer follows, else false', appliesTo: RECURRENT },
  name: { type: 'name', description: 'Name of the layer in results and charts, unique in the model (letters, digits, _ . -)', default: '<type>_<n>, counting layers of each type from 1' },
  regularize: {
    type: 'penalty | none | map of parts',
    description:
      'Replaces the cell\'s default penalty for this layer: a penalty or none (kernel and recurrent kernel), or a map of parts (kernel, recurrent, bias, activity); parts left out keep the cell default (kernel, recurrent) or stay unpenalized (bias, activity)',
    appliesTo: WEIGHTED,
  },
};

export const PENALTY_TERM_KEYS: Readonly<Record<PenaltyKey, KeyDoc>> = {
  l1: { type: 'number >= 0', description: 'Lasso: adds l1 * sum(|w|) to the loss; drives weights to exactly 0' },
  l2: { type: 'number >= 0', description: 'Ridge / weight decay: adds l2 * sum(w^2) to the loss (no 1/2 factor, as in Keras)' },
  expabs: { type: 'number >= 0', description: 'Adds expabs * sum(exp(|w|) - 1): mild near 0, punishes large weights hard' },
};

export const PENALTY_PART_KEYS: Readonly<Record<PenaltyPart, KeyDoc>> = {
  kernel: { type: 'penalty | none', description: 'Penalty on the input weights (kernel)', default: 'the cell\'s regularize' },
  recurrent: { type: 'penalty | none', description: 'Penalty on the recurrent weights (lstm, gru, simplernn)', default: 'the cell\'s regularize', appliesTo: RECURRENT },
  bias: { type: 'penalty | none', description: 'Penalty on the bias vector', default: 'none' },
  activity: { type: 'penalty | none', description: 'Penalty on the layer\'s outputs, averaged over the batch', default: 'none' },
};

export const TRAIN_KEYS: KeyTable = {
  epochs: { type: 'integer >= 1', description: 'Passes over the training set', default: '100' },
  batch: { type: 'integer >= 1', description: 'Mini-batch size (capped at the number of training rows)', default: '32' },
  optimizer: { type: 'adam | sgd | rmsprop | adamw', description: 'The optimizer', default: 'adam', values: 'optimizer' },
  lr: { type: 'number > 0', description: 'Learning rate', default: '0.001 (adam, rmsprop, adamw), 0.01 (sgd)' },
  seed: { type: 'integer', description: 'Seed of weight initialization, batch order and dropout masks', default: '1' },
  momentum: { type: 'number in [0, 1)', description: 'sgd momentum', default: '0', appliesTo: ['sgd'] },
  weightDecay: { type: 'number >= 0', description: 'Decoupled weight decay (adamw, sgd): shrinks weights each step without adding a loss term', default: '0', appliesTo: ['adamw', 'sgd'] },
  from: { type: 'cell name', description: 'Start from the weights that cell trained last (same architecture and input data required); it runs first' },
};

export const GRID_KEYS: KeyTable = {
  alpha: { type: 'list of numbers > 0 | {from, to, perDecade}', description: 'The penalty strengths to try: each replaces the coefficient of every penalty in the cell', required: true },
  repeats: { type: 'integer >= 1', description: 'Independent seeds per alpha (each with its own folds); results give mean and spread', default: '1' },
  refine: { type: 'integer >= 0', description: 'Then try this many more values inside the decade around the chosen alpha, still on validation rows (0: off)', default: '0' },
  select: { type: 'metric', description: 'What "best" means', default: 'validation.loss', values: 'select' },
  validate: {
    type: '{folds: k} | {holdout: f} | none',
    description:
      'Where each alpha is scored without touching the test set: k-fold cross-validation over the training rows (stratified for classification; fewer folds, with a warning, when a fold would hold fewer than 2 rows of a class or 5 rows), ' +
      'or one held-out fraction f of them; none trains every point on all training rows and scores it on the test set (optimistic). The chosen alpha is then refit on all training rows and scored once on the test set',
    default: '{folds: 5} (none when select reads the test set)',
  },
  rule: { type: '1se | best', description: 'How the alpha is chosen from the per-alpha means', default: '1se', values: 'rule' },
};

export const VALIDATE_KEYS: KeyTable = {
  folds: { type: `integer ${MIN_FOLDS}..${MAX_FOLDS}`, description: 'k-fold cross-validation: every training row is held out once' },
  holdout: { type: 'number in (0, 1)', description: 'Hold out this fraction of the training rows (stratified), once per repeat' },
};

export const ALPHA_RANGE_KEYS: KeyTable = {
  from: { type: 'number > 0', description: 'Smallest alpha', required: true },
  to: { type: 'number > 0', description: 'Largest alpha (greater than from)', required: true },
  perDecade: { type: 'integer >= 1', description: 'Values per factor of 10, log-spaced from `from` to `to`', default: '1' },
};

/** Which tables document the keys of the map at `path` (several where the map's kind depends on its keys). */
export function keyTablesAt(path: readonly (string | number)[]): KeyTable[] {
  const [a, b, c, d] = path;
  if (path.length === 0) return [TOP_KEYS];
  if (path.length === 1) {
    if (a === 'data') return [DATA_KEYS];
    if (a === 'train') return [TRAIN_KEYS];
    if (a === 'grid') return [GRID_KEYS];
    if (a === 'regularize') return [PENALTY_TERM_KEYS];
    return [];
  }
  if (a === 'grid' && b === 'alpha' && path.length === 2) return [ALPHA_RANGE_KEYS];
  if (a === 'grid' && b === 'validate' && path.length === 2) return [VALIDATE_KEYS];
  if (a !== 'model' || typeof b !== 'number') return [];
  if (path.length === 2) return [LAYER_TYPE_KEYS, LAYER_OPTION_KEYS];
  if (c !== 'regularize') return [];
  if (path.length === 3) return [PENALTY_TERM_KEYS, PENALTY_PART_KEYS];
  if (path.length === 4 && typeof d === 'string' && d in PENALTY_PART_KEYS) return [PENALTY_TERM_KEYS];
  return [];
}

/** The documentation of the key at the end of `path` (hover), if any. */
export function keyDocAt(path: readonly (string | number)[]): KeyDoc | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  for (const table of keyTablesAt(path.slice(0, -1))) {
    if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
  }
  return undefined;
}
