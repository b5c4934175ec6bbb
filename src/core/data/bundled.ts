// The real data sets bundled with RegNB as CSV files in <install root>/data/ (converted
// from scikit-learn's copies by scripts/make-datasets.py; see data/README.md).

import * as path from 'node:path';
import type { BundledSource, Task } from '../experiment/experiment';
import { parseCsv } from './csv';
import { DataError, type ReadText } from './dataset';
import type { Table } from './table';

export interface BundledInfo {
  file: string;
  task: Task;
  rows: number;
  features: number;
  classes: number;
  /** Class names in index order (scikit-learn's target indices). */
  classNames?: string[];
  /** Natural image shape [h, w, c] of a row (digits). */
  imageShape?: number[];
  description: string;
}

export const BUNDLED: Readonly<Record<BundledSource, BundledInfo>> = {
  iris: {
    file: 'iris.csv',
    task: 'multiclass',
    rows: 150,
    features: 4,
    classes: 3,
    classNames: ['setosa', 'versicolor', 'virginica'],
    description: "Fisher's iris flowers: 4 measurements in cm, 3 species",
  },
  wine: {
    file: 'wine.csv',
    task: 'multiclass',
    rows: 178,
    features: 13,
    classes: 3,
    classNames: ['class_0', 'class_1', 'class_2'],
    description: 'UCI wine recognition: 13 chemical measurements, 3 cultivars',
  },
  'breast-cancer': {
    file: 'breast-cancer.csv',
    task: 'binary',
    rows: 569,
    features: 30,
    classes: 2,
    classNames: ['malignant', 'benign'],
    description: 'Breast cancer Wisconsin (diagnostic): 30 cell-nucleus features, malignant (0) or benign (1)',
  },
  digits: {
    file: 'digits.csv',
    task: 'multiclass',
    rows: 1797,
    features: 64,
    classes: 10,
    imageShape: [8, 8, 1],
    description: 'Handwritten digits: 8x8 images of pixel counts 0..16, digits 0-9',
  },
  diabetes: {
    file: 'diabetes.csv',
    task: 'regression',
    rows: 442,
    features: 10,
    classes: 1,
    description: 'Diabetes progression one year after baseline from 10 raw (unscaled) baseline variables',
  },
};

/** Loads a bundled data set from `dataDir` (the `data` folder of the install or repo root). */
export async function loadBundled(name: BundledSource, dataDir: string, readText: ReadText): Promise<Table> {
  const info = BUNDLED[name];
  if (info === undefined) throw new DataError(`"${String(name)}" is not a bundled data set`, { key: 'data.source' });
  const file = path.join(dataDir, info.file);
  let text: string;
  try {
    text = await readText(file);
  } catch (e) {
    throw new DataError(`cannot read the bundled data set ${name} (${file}): ${(e as Error).message}`, { file, key: 'data.source' });
  }
  const table = parseCsv(text, { file, target: 'target', task: info.task, classOrder: info.classNames, source: name });
  if (table.n !== info.rows || (table.sampleShape[0] as number) !== info.features || table.classes !== info.classes) {
    throw new DataError(
      `the bundled data set ${name} (${file}) is damaged: ${table.n} rows x ${table.sampleShape[0]} features, ${table.classes} classes; expected ${info.rows} x ${info.features}, ${info.classes}`,
      { file, key: 'data.source' },
    );
  }
  if (info.imageShape) table.imageShape = [...info.imageShape];
  return table;
}
