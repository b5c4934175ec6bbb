// What the validator knows about each data source before any data is loaded: its task,
// row count and input shape. CSV files are unknown until read, so every fact is optional.
// Bundled facts repeat src/core/data/bundled.ts on purpose, so that checking a cell (on
// every keystroke in the editor) needs nothing from the data loader; a unit test keeps
// the two tables equal.

import {
  BUNDLED_SOURCES,
  GENERATED_SOURCES,
  type BundledSource,
  type DataSourceName,
  type DataSpec,
  type GeneratedSource,
  type Task,
} from '../experiment/experiment';

export const BUNDLED_FACTS: Readonly<Record<BundledSource, { task: Task; rows: number; features: number; classes: number; image?: readonly [number, number, number] }>> = {
  iris: { task: 'multiclass', rows: 150, features: 4, classes: 3 },
  wine: { task: 'multiclass', rows: 178, features: 13, classes: 3 },
  'breast-cancer': { task: 'binary', rows: 569, features: 30, classes: 2 },
  digits: { task: 'multiclass', rows: 1797, features: 64, classes: 10, image: [8, 8, 1] },
  diabetes: { task: 'regression', rows: 442, features: 10, classes: 1 },
};

export function isGenerated(source: DataSourceName): source is GeneratedSource {
  return (GENERATED_SOURCES as readonly string[]).includes(source);
}

export function isBundled(source: DataSourceName): source is BundledSource {
  return (BUNDLED_SOURCES as readonly string[]).includes(source);
}

type Facts = Pick<DataSpec, 'source' | 'task' | 'samples' | 'classes' | 'features' | 'window'>;

/** The task, or undefined for a CSV file without `task:` (known only once the file is read). */
export function taskOf(d: Facts): Task | undefined {
  switch (d.source) {
    case 'moons':
    case 'circles':
    case 'xor':
      return 'binary';
    // The generators label two classes as a binary task (one sigmoid output).
    case 'blobs':
    case 'spiral':
      return d.classes === 2 ? 'binary' : 'multiclass';
    case 'regression':
    case 'sine':
      return 'regression';
    case 'file':
      return d.task;
    default:
      return BUNDLED_FACTS[d.source].task;
  }
}

/** Number of classes of a classification source (2 for binary); undefined when unknown. */
export function classesOf(d: Facts): number | undefined {
  const task = taskOf(d);
  if (task === 'binary') return 2;
  if (task !== 'multiclass') return undefined;
  if (d.source === 'blobs' || d.source === 'spiral') return d.classes;
  if (isBundled(d.source)) return BUNDLED_FACTS[d.source].classes;
  return undefined;
}

export function rowsOf(d: Facts): number | undefined {
  if (isGenerated(d.source)) return d.samples;
  if (isBundled(d.source)) return BUNDLED_FACTS[d.source].rows;
  return undefined;
}

/**
 * The natural shape of one input row: [features] for tables, [window, 1] for sine,
 * [8, 8, 1] for digits; undefined for CSV files.
 */
export function inputShapeOf(d: Facts): number[] | undefined {
  switch (d.source) {
    case 'regression':
      return [d.features];
    case 'sine':
      return [d.window, 1];
    case 'file':
      return undefined;
    default:
      if (isBundled(d.source)) {
        const f = BUNDLED_FACTS[d.source];
        return f.image ? [...f.image] : [f.features];
      }
      return [2];
  }
}

/** The row count of `train` (an integer count or a fraction of `rows`), as the data loader computes it. */
export function trainRows(train: number, rows: number): number {
  return Number.isInteger(train) && train >= 1 ? train : Math.round(train * rows);
}
