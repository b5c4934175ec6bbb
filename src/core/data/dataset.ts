// A data set ready for training: split, standardized, flat row-major arrays.
// The engine turns these into tensors; nothing here depends on TensorFlow.js.

import type { Task } from '../spec/experiment';

export interface Dataset {
  task: Task;
  /** Shape of one input sample: [features], [steps, channels] (sequences), [h, w, c] (images). */
  inputShape: number[];
  /** Number of classes (multiclass), 2 (binary) or 1 (regression). */
  classes: number;
  classNames?: string[];
  featureNames: string[];
  nTrain: number;
  nTest: number;
  /** nTrain * prod(inputShape) values, row-major. */
  xTrain: Float32Array;
  /** binary: 0/1; multiclass: class index; regression: target value. */
  yTrain: Float32Array;
  xTest: Float32Array;
  yTest: Float32Array;
  /** How inputs were scaled (training statistics), per feature. */
  scaling: { kind: 'zscore' | 'minmax' | 'none'; offset: number[]; scale: number[] };
  /** Regression with standardizeTarget: y was (y - offset) / scale. */
  targetScaling?: { offset: number; scale: number };
}

/**
 * A data problem found while loading (CSV row/column, unknown target...). `row` and
 * `column` are 1-based positions in the CSV file when the problem is in a file.
 */
export class DataError extends Error {
  constructor(
    message: string,
    readonly where?: { file?: string; row?: number; column?: number },
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** Reads a text file; injected so the extension can use VS Code's file system. */
export type ReadText = (path: string) => Promise<string>;
