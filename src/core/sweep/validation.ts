// Where a sweep scores each alpha without the test set: which training rows each
// point holds out (k-fold cross-validation, stratified for classification, or one
// held-out fraction), and the member data set that results. The assignment depends
// only on the data, the validation settings and the repeat's seed, so the sweep
// threads derive the same rows from a point as the coordinator does.

import type { Dataset } from '../data/dataset';
import type { GridValidation, Task } from '../experiment/experiment';
import { Random } from '../data/random';

/** The row stream of the fold shuffle: apart from the generators (0) and the split. */
const FOLD_STREAM = 0x5eed_f01d;
/** Too few rows: a fold must hold at least this many rows... */
export const MIN_ROWS_PER_FOLD = 5;
/** ...and, for classification, at least this many rows of every class. */
export const MIN_CLASS_ROWS_PER_FOLD = 2;

/** Which rows one point holds out: fold `fold` of `folds` (holdout: the one held-out fraction). */
export interface HeldOut {
  folds: number;
  fold: number;
  /** Set for a held-out fraction (then folds = 1, fold = 0). */
  fraction?: number;
  /** The repeat's seed: each repeat draws its own folds. */
  seed: number;
}

/** The validation a sweep can run on these rows: fewer folds than asked (with the reason) when they are too few. */
export interface ValidationPlan {
  validate: GridValidation;
  /** Why the asked folds were reduced, for the run's warnings. */
  warning?: string;
}

/** Row count of each class among the training rows (one group for regression). */
function classCounts(data: Dataset, task: Task): number[] {
  if (task === 'regression') return [data.nTrain];
  const counts = new Array<number>(Math.max(2, data.classes)).fill(0);
  for (let i = 0; i < data.nTrain; i++) counts[data.yTrain[i]]++;
  return counts.filter((c) => c > 0);
}

/**
 * The validation that fits the training rows. k folds need k * 5 rows and, for
 * classification, 2 rows of every class in each fold; k is lowered to fit, and a
 * validation that cannot fit even 2 folds (or a holdout with no room for every class)
 * is an error naming the counts. `task` is the completed spec's.
 */
export function planValidation(validate: GridValidation, data: Dataset, task: Task): ValidationPlan {
  if (validate.kind === 'none') return { validate };
  const counts = classCounts(data, task);
  const minClass = Math.min(...counts);
  const classed = task !== 'regression';
  if (validate.kind === 'holdout') {
    const held = Math.floor(data.nTrain * validate.fraction);
    const perClass = classed ? Math.min(...counts.map((c) => Math.floor(c * validate.fraction))) : held;
    if (held < MIN_ROWS_PER_FOLD || (classed && perClass < 1) || held >= data.nTrain) {
      throw new Error(
        `grid.validate: holdout ${validate.fraction} of ${data.nTrain} training rows holds out ${held}` +
          (classed ? ` (the rarest class has ${minClass} rows)` : '') +
          `: too few to score on (at least ${MIN_ROWS_PER_FOLD}${classed ? ', every class among them' : ''}); use a larger fraction or {folds: k}`,
      );
    }
    return { validate };
  }
  const byRows = Math.floor(data.nTrain / MIN_ROWS_PER_FOLD);
  const byClass = classed ? Math.floor(minClass / MIN_CLASS_ROWS_PER_FOLD) : Infinity;
  const fits = Math.min(validate.folds, byRows, byClass);
  const why = byClass < byRows ? `the rarest class has ${minClass} training rows (${MIN_CLASS_ROWS_PER_FOLD} per fold needed)` : `there are ${data.nTrain} training rows (${MIN_ROWS_PER_FOLD} per fold needed)`;
  if (fits < 2) throw new Error(`grid.validate: cannot cross-validate: ${why}, not enough for 2 folds; use validate: none (scores on the test set, optimistic) or more training rows`);
  if (fits === validate.folds) return { validate };
  return { validate: { kind: 'folds', folds: fits }, warning: `${fits} folds instead of ${validate.folds}: ${why}` };
}

/** What each point of a repeat holds out: one entry per fold (none: no entry). */
export function heldOutsOf(validate: GridValidation, seed: number): HeldOut[] {
  if (validate.kind === 'none') return [];
  if (validate.kind === 'holdout') return [{ folds: 1, fold: 0, fraction: validate.fraction, seed }];
  return Array.from({ length: validate.folds }, (_, fold) => ({ folds: validate.folds, fold, seed }));
}

/**
 * The fold of every training row (-1: never held out, for a held-out fraction). Rows
 * are shuffled within each class and dealt in turn across the folds, so every fold
 * gets each class in proportion (counts differ by at most one) and folds differ in
 * size by at most one row. Regression (`task`, the completed spec's) has one group.
 */
export function foldAssignment(data: Dataset, held: Omit<HeldOut, 'fold'>, task: Task): Int32Array {
  const random = new Random(held.seed, FOLD_STREAM);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < data.nTrain; i++) {
    const key = task === 'regression' ? 0 : data.yTrain[i];
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const order = [...groups.keys()].sort((a, b) => a - b).flatMap((k) => random.shuffle(groups.get(k)!));
  const fold = new Int32Array(data.nTrain);
  order.forEach((row, i) => {
    // A fraction f: every position where floor(i * f) steps up is held out (systematic
    // sampling over the class-sorted order: floor(n * f) rows, each class in proportion).
    fold[row] = held.fraction === undefined ? i % held.folds : Math.floor((i + 1) * held.fraction) > Math.floor(i * held.fraction) ? 0 : -1;
  });
  return fold;
}

/** The point's own rows: the training rows outside its fold to train on, the fold to score on. */
export function memberData(data: Dataset, held: HeldOut, assignment: Int32Array): Dataset {
  const width = data.inputShape.reduce((a, b) => a * b, 1);
  const keep: number[] = [];
  const out: number[] = [];
  for (let i = 0; i < data.nTrain; i++) (assignment[i] === held.fold ? out : keep).push(i);
  const pick = (rows: number[]) => {
    const x = new Float32Array(rows.length * width);
    const y = new Float32Array(rows.length);
    rows.forEach((r, j) => {
      x.set(data.xTrain.subarray(r * width, (r + 1) * width), j * width);
      y[j] = data.yTrain[r];
    });
    return { x, y };
  };
  const a = pick(keep);
  const b = pick(out);
  const { rows: _rows, ...rest } = data;
  return {
    ...rest,
    nTrain: keep.length,
    nTest: out.length,
    xTrain: a.x,
    yTrain: a.y,
    xTest: b.x,
    yTest: b.y,
    ...(data.rows ? { rows: { train: Int32Array.from(keep, (r) => data.rows!.train[r]), test: Int32Array.from(out, (r) => data.rows!.train[r]) } } : {}),
  };
}
