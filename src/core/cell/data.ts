// The `data:` section: which data set, its generator settings and the train/test split.

import { isMap, isScalar } from 'yaml';
import { BUNDLED_SOURCES, GENERATED_SOURCES, type DataSourceName, type DataSpec, type Standardize, type Task } from '../experiment/experiment';
import { MAX_NUMPY_SEED } from '../data/numpyRandom';
import { DATA_KEYS } from './keys';
import type { Span } from './problems';
import { describe, entries, keySpan, readBoolean, readChoice, readNumber, readText, scalarText, valueSpan, type Ctx, type Entry } from './reader';
import { rowsOf, taskOf, trainRows } from './sources';

export interface DataResult {
  spec: DataSpec;
  /** False when the source itself is missing or wrong: checks that depend on it are skipped. */
  known: boolean;
  /** The task, when known before reading any file. */
  task?: Task;
}

const SOURCES: readonly DataSourceName[] = [...GENERATED_SOURCES, ...BUNDLED_SOURCES, 'file'];
const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];
/** Sources drawn as scikit-learn draws them (numpy's RandomState: seeds 0 .. 2^32 - 1). */
const SKLEARN_SOURCES: readonly DataSourceName[] = ['moons', 'circles', 'blobs'];

export function defaultNoise(source: DataSourceName): number {
  if (source === 'blobs') return 1.0;
  if (source === 'regression') return 10;
  return 0.2;
}

export function readData(ctx: Ctx, e: Entry | undefined, missingAt: Span): DataResult {
  const spec: DataSpec = {
    source: 'moons',
    samples: 100,
    noise: 0.2,
    seed: 1,
    shuffle: true,
    train: 0.7,
    standardize: 'zscore',
    standardizeTarget: false,
    features: 20,
    informative: 5,
    classes: 3,
    window: 20,
  };
  if (!e) {
    ctx.problems.error(missingAt, `missing data: say which data set to use, e.g. data: {source: moons}`);
    return { spec, known: false };
  }
  if (!isMap(e.value)) {
    const text = scalarText(e.value);
    const hint = text !== undefined && SOURCES.includes(text as DataSourceName) ? ` (write data: {source: ${text}})` : '';
    ctx.problems.error(valueSpan(ctx, e), `data must be a map with a source, got ${describe(e.value)}${hint}`);
    return { spec, known: false };
  }
  const keys = entries(ctx, e.value, Object.keys(DATA_KEYS), 'in data');
  const known = readSource(ctx, e, keys, spec);

  // Keys for other sources: harmless, but the user probably expects an effect.
  if (known) {
    for (const [key, ke] of keys) {
      const applies = DATA_KEYS[key].appliesTo;
      if (!applies || applies.includes(spec.source) || key === 'file') continue;
      const who = applies === GENERATED_SOURCES ? 'generated sources' : applies.join(' and ');
      const what = spec.source === 'file' ? 'a CSV file' : spec.source;
      if (key === 'target' || key === 'task') {
        ctx.problems.error(keySpan(ctx, ke), `${key} is only for CSV files (file: ...); ${what} has its own ${key === 'task' ? 'task' : 'target'}`);
      } else {
        ctx.problems.warning(keySpan(ctx, ke), `${key} has no effect on ${what} (only ${who} use it)`);
      }
    }
  }
  if (known) spec.noise = defaultNoise(spec.source);

  const num = (key: string, rule: Parameters<typeof readNumber>[3]): number | undefined => {
    const ke = keys.get(key);
    return ke ? readNumber(ctx, ke, key, rule) : undefined;
  };
  const bool = (key: string): boolean | undefined => {
    const ke = keys.get(key);
    return ke ? readBoolean(ctx, ke, key) : undefined;
  };
  spec.samples = num('samples', { integer: true, min: 2 }) ?? spec.samples;
  spec.noise = num('noise', { min: 0 }) ?? spec.noise;
  spec.seed = num('seed', { integer: true }) ?? spec.seed;
  const seedEntry = keys.get('seed');
  if (seedEntry && SKLEARN_SOURCES.includes(spec.source) && (spec.seed < 0 || spec.seed > MAX_NUMPY_SEED)) {
    ctx.problems.error(valueSpan(ctx, seedEntry), `${spec.source} draws like scikit-learn, whose random_state must be an integer from 0 to ${MAX_NUMPY_SEED}; got ${spec.seed}`);
  }
  spec.shuffle = bool('shuffle') ?? spec.shuffle;
  spec.standardizeTarget = bool('standardizeTarget') ?? spec.standardizeTarget;
  spec.features = num('features', { integer: true, min: 1 }) ?? spec.features;
  spec.classes = num('classes', { integer: true, min: 2 }) ?? spec.classes;
  spec.window = num('window', { integer: true, min: 1 }) ?? spec.window;
  const informative = num('informative', { integer: true, min: 0 });
  spec.informative = informative ?? Math.min(5, spec.features);
  if (informative !== undefined && informative > spec.features) {
    ctx.problems.error(valueSpan(ctx, keys.get('informative') as Entry), `informative (${informative}) must be at most features (${spec.features})`);
  }
  if ((spec.source === 'blobs' || spec.source === 'spiral') && spec.samples < spec.classes && keys.has('samples')) {
    ctx.problems.error(valueSpan(ctx, keys.get('samples') as Entry), `samples (${spec.samples}) must be at least the number of classes (${spec.classes})`);
  }

  const std = keys.get('standardize');
  if (std) spec.standardize = readStandardize(ctx, std) ?? spec.standardize;

  const task = known ? taskOf(spec) : undefined;
  const te = keys.get('standardizeTarget');
  if (te && spec.standardizeTarget && task !== undefined && task !== 'regression') {
    ctx.problems.warning(keySpan(ctx, te), `standardizeTarget has no effect on a ${task} task (only regression targets are scaled)`);
  }

  const train = keys.get('train');
  if (train) spec.train = readTrain(ctx, train, known ? rowsOf(spec) : undefined) ?? spec.train;
  const result: DataResult = { spec, known };
  if (task !== undefined) result.task = task;
  return result;
}

/** Fills source, file, target and task; false when the source is unusable. */
function readSource(ctx: Ctx, e: Entry, keys: Map<string, Entry>, spec: DataSpec): boolean {
  const se = keys.get('source');
  const fe = keys.get('file');
  let source: DataSourceName | undefined;
  if (se) {
    source = readChoice(ctx, se, 'source', SOURCES, 'data source');
    if (source === undefined) return false;
  } else if (fe) {
    source = 'file';
  } else {
    ctx.problems.error(keySpan(ctx, e), `data needs a source (${SOURCES.filter((s) => s !== 'file').join(', ')}) or file: path/to/data.csv with target: COLUMN`);
    return false;
  }
  spec.source = source;
  if (source !== 'file') {
    if (fe) {
      ctx.problems.error(keySpan(ctx, fe), `file is for CSV data, but source is ${source}: remove source (or file)`);
      return false;
    }
    return true;
  }
  // A CSV's shape is unknown until it is read, so a wrong file or target hides no other check.
  if (!fe) {
    ctx.problems.error(valueSpan(ctx, se as Entry), 'source file needs file: path/to/data.csv (relative to the notebook)');
  } else {
    const file = readText(ctx, fe, 'file');
    if (file !== undefined) spec.file = file;
  }
  const target = keys.get('target');
  if (!target) {
    if (fe) ctx.problems.error(keySpan(ctx, fe), 'a CSV file needs target: COLUMN (the column to predict)');
  } else {
    const t = readText(ctx, target, 'target');
    if (t !== undefined) spec.target = t;
  }
  const task = keys.get('task');
  if (task) {
    const t = readChoice(ctx, task, 'task', TASKS, 'task');
    if (t !== undefined) spec.task = t;
  }
  return true;
}

function readStandardize(ctx: Ctx, e: Entry): Standardize | undefined {
  const v = isScalar(e.value) ? e.value.value : undefined;
  if (v === true || v === 'zscore') return 'zscore';
  if (v === false) return false;
  if (v === 'minmax') return 'minmax';
  if (v === 'true' || v === 'false') {
    ctx.problems.error(valueSpan(ctx, e), `standardize: write ${v} without quotes (true, zscore, minmax or false)`);
    return undefined;
  }
  readChoice(ctx, e, 'standardize', ['true', 'zscore', 'minmax', 'false'], 'standardize value');
  return undefined;
}

/** `train`: a row count or a fraction, checked against the row count when it is known. */
function readTrain(ctx: Ctx, e: Entry, rows: number | undefined): number | undefined {
  const v = readNumber(ctx, e, 'train', { above: 0 });
  if (v === undefined) return undefined;
  if (!Number.isInteger(v) && v >= 1) {
    ctx.problems.error(valueSpan(ctx, e), `train must be a whole number of rows or a fraction below 1, got ${v}`);
    return undefined;
  }
  if (rows === undefined) return v;
  const count = trainRows(v, rows);
  if (Number.isInteger(v)) {
    if (v >= rows) {
      ctx.problems.error(valueSpan(ctx, e), `train: ${v} rows asked but the data set has ${rows}; leave some for the test set`);
      return undefined;
    }
  } else if (count < 1) {
    ctx.problems.error(valueSpan(ctx, e), `train: ${v} of ${rows} rows is no row at all; use a larger fraction`);
    return undefined;
  } else if (count >= rows) {
    ctx.problems.error(valueSpan(ctx, e), `train: ${v} of ${rows} rows is all of them; leave some for the test set`);
    return undefined;
  }
  return v;
}
