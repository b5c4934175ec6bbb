// From a validated data spec to a Dataset: build the table (generator, bundled set or
// CSV file), split it (optionally shuffled), scale it with training statistics, shape it.

import { BUNDLED_SOURCES, type BundledSource, type DataSpec } from '../experiment/experiment';
import { loadBundled } from './bundled';
import { parseCsv } from './csv';
import { readDataFile } from './dataFile';
import { DataError, type Dataset, type ReadText } from './dataset';
import { generate } from './generators';
import { splitRows, takeRows } from './split';
import { applyScaling, applyTargetScaling, fitScaling, fitTargetScaling } from './standardize';
import { sizeOf, type Table } from './table';

/**
 * How the first layer wants its input:
 * - 'flat': [features] (every value of a row; sine windows become [window]);
 * - 'image': [h, w, c], only for image data (digits [8, 8, 1]);
 * - 'sequence': [steps, channels]: sine [window, 1]; images [h, w * c] (one image row per
 *   step, the usual "rows as time steps"); tabular data [features, 1].
 * Undefined: the natural shape (sine [window, 1], everything else [features]).
 */
export type InputShapeKind = 'flat' | 'image' | 'sequence';

export interface LoadContext {
  /** Folder of the notebook: CSV paths are relative to it. */
  baseDir: string;
  /** The `data` folder holding the bundled CSV files (repo or extension install root + /data). */
  dataDir: string;
  /** Reads the bundled data sets. */
  readText: ReadText;
  /** CSV files may lie outside the notebook's folder (see dataFile.ts). */
  allowDataOutside?: boolean;
  inputShape?: InputShapeKind;
}

/** The table of any data source, before splitting and scaling. */
export async function loadTable(spec: DataSpec, ctx: Pick<LoadContext, 'baseDir' | 'dataDir' | 'readText' | 'allowDataOutside'>): Promise<Table> {
  if (spec.source === 'file') {
    if (spec.file === undefined || spec.file === '') throw new DataError('source file needs `file: path/to/data.csv`', { key: 'data.file' });
    if (spec.target === undefined || spec.target === '') throw new DataError('source file needs `target: COLUMN` (the column to predict)', { key: 'data.target' });
    const text = await readDataFile(spec.file, { baseDir: ctx.baseDir, allowOutside: ctx.allowDataOutside });
    return parseCsv(text, { file: spec.file, target: spec.target, task: spec.task });
  }
  if ((BUNDLED_SOURCES as readonly string[]).includes(spec.source)) {
    return loadBundled(spec.source as BundledSource, ctx.dataDir, ctx.readText);
  }
  return generate(spec);
}

/** The shape of one row for the first layer (see InputShapeKind). */
export function shapeFor(table: Table, kind: InputShapeKind | undefined): number[] {
  const width = sizeOf(table.sampleShape);
  switch (kind) {
    case undefined:
      return [...table.sampleShape];
    case 'flat':
      return [width];
    case 'image':
      if (table.imageShape === undefined) {
        throw new DataError(`the rows of ${table.source} are not images: a conv2d/maxpool2d first layer needs an image data set (digits)`, { key: 'data.source' });
      }
      return [...table.imageShape];
    case 'sequence':
      if (table.sampleShape.length === 2) return [...table.sampleShape];
      if (table.imageShape !== undefined) {
        const [h, w, c] = table.imageShape as [number, number, number];
        return [h, w * c];
      }
      return [width, 1];
  }
}

export async function loadDataset(spec: DataSpec, ctx: LoadContext): Promise<Dataset> {
  const table = await loadTable(spec, ctx);
  return datasetFromTable(table, spec, ctx.inputShape);
}

/** Splits, scales and shapes a table (the synchronous second half of loadDataset). */
export function datasetFromTable(
  table: Table,
  spec: Pick<DataSpec, 'train' | 'shuffle' | 'seed' | 'standardize' | 'standardizeTarget'>,
  inputShape?: InputShapeKind,
): Dataset {
  const shape = shapeFor(table, inputShape);
  const width = sizeOf(table.sampleShape);
  const split = splitRows(table.n, { train: spec.train, shuffle: spec.shuffle, seed: spec.seed });
  const xTrain = takeRows(table.x, width, split.train);
  const xTest = takeRows(table.x, width, split.test);
  const yTrain = takeRows(table.y, 1, split.train);
  const yTest = takeRows(table.y, 1, split.test);

  const channels = table.scaleBy === 'channel' ? (table.sampleShape[table.sampleShape.length - 1] as number) : undefined;
  const scaling = fitScaling(xTrain, width, spec.standardize, channels);
  if (scaling.kind !== 'none') {
    applyScaling(xTrain, scaling);
    applyScaling(xTest, scaling);
  }
  let targetScaling: Dataset['targetScaling'];
  if (table.task === 'regression' && spec.standardizeTarget) {
    targetScaling = fitTargetScaling(yTrain);
    applyTargetScaling(yTrain, targetScaling);
    applyTargetScaling(yTest, targetScaling);
  }

  const ds: Dataset = {
    task: table.task,
    inputShape: shape,
    classes: table.classes,
    featureNames: [...table.featureNames],
    nTrain: split.train.length,
    nTest: split.test.length,
    xTrain,
    yTrain,
    xTest,
    yTest,
    scaling,
    source: table.source,
    rows: split,
  };
  if (table.classNames !== undefined) ds.classNames = [...table.classNames];
  if (targetScaling !== undefined) ds.targetScaling = targetScaling;
  if (table.imageShape !== undefined) ds.imageShape = [...table.imageShape];
  if (table.truth !== undefined) ds.truth = table.truth;
  return ds;
}
