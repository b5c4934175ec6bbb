// An unsplit, unscaled data set as produced by a generator, a bundled data set or a
// CSV file; loadDataset turns it into a Dataset (split, standardized, shaped).

import type { Task } from '../experiment/experiment';
import type { RegressionTruth } from './dataset';

export interface Table {
  source: string;
  task: Task;
  /** Number of rows. */
  n: number;
  /** Natural shape of one row: [features] for tabular data, [window, 1] for sine. */
  sampleShape: number[];
  /** Natural image shape ([h, w, c], row-major like the flat features) when rows are images. */
  imageShape?: number[];
  /** One name per value of a row: prod(sampleShape) names. */
  featureNames: string[];
  /** n * prod(sampleShape) values, row-major. */
  x: Float32Array;
  /** binary: 0/1; multiclass: class index; regression: target value. */
  y: Float32Array;
  /** Number of classes (multiclass), 2 (binary) or 1 (regression). */
  classes: number;
  classNames?: string[];
  truth?: RegressionTruth;
  /**
   * Scaling statistics are taken per 'feature' (every value of a row on its own) or per
   * 'channel' (the last axis, pooled over the steps of a sequence: a sine window shifted
   * by one step must be scaled like the unshifted one).
   */
  scaleBy: 'feature' | 'channel';
}

/** Number of values in one row of the given shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
