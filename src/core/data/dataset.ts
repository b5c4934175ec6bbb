// A data set ready for training: split, standardized, flat row-major arrays.
// The engine turns these into tensors; nothing here depends on TensorFlow.js.

import type { Task } from '../experiment/experiment';
import { escapeControl } from '../text/escapeControl';

export interface Dataset {
  task: Task;
  /** Shape of one input sample: [features], [steps, channels] (sequences), [h, w, c] (images). */
  inputShape: number[];
  /** Number of classes (multiclass), 2 (binary) or 1 (regression). */
  classes: number;
  classNames?: string[];
  /** One name per value of a sample, i.e. prod(inputShape) names (CSV columns, `pixel_r_c`, `t-k`...). */
  featureNames: string[];
  nTrain: number;
  nTest: number;
  /** nTrain * prod(inputShape) values, row-major. */
  xTrain: Float32Array;
  /** binary: 0/1; multiclass: class index; regression: target value. */
  yTrain: Float32Array;
  xTest: Float32Array;
  yTest: Float32Array;
  /**
   * How inputs were scaled (training statistics): x' = (x - offset) / scale, per feature
   * (one entry per value of a sample), or, when `per` is 'channel', per channel (the last
   * axis of a sequence, shared by all its steps: sine has one offset and one scale).
   */
  scaling: { kind: 'zscore' | 'minmax' | 'none'; offset: number[]; scale: number[]; per?: 'feature' | 'channel' };
  /** Regression with standardizeTarget: y was (y - offset) / scale. */
  targetScaling?: { offset: number; scale: number };
  /** The data source (`moons`, `iris`, `file`...). */
  source?: string;
  /** The natural image shape of a row ([8, 8, 1] for digits), whatever `inputShape` was chosen. */
  imageShape?: number[];
  /** Original row index (generator or file order) of each training and test row. */
  rows?: { train: Int32Array; test: Int32Array };
  /** Generated `regression`: the true model, in the units of the UNSCALED inputs and target. */
  truth?: RegressionTruth;
}

/** The model a generated regression data set was drawn from: y = x . coefficients + bias + noise * N(0, 1). */
export interface RegressionTruth {
  /** One per feature; exactly zero for the non-informative ones. */
  coefficients: number[];
  /** 0-based indices of the informative features, ascending. */
  informative: number[];
  bias: number;
  noise: number;
}

/**
 * A data problem found while loading (CSV row/column, unknown target...). `row` and
 * `column` are 1-based positions in the CSV file when the problem is in a file.
 */
export class DataError extends Error {
  constructor(
    message: string,
    /** `key`: the cell key the problem belongs to (`data.train`, `data.target`...), when not in a file. */
    readonly where?: { file?: string; row?: number; column?: number; columnName?: string; key?: string },
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** A DataError as one line for the user: the file it is about (escaped), then the problem. */
export function dataErrorMessage(e: DataError): string {
  return e.where?.file ? `${escapeControl(e.where.file)}: ${e.message}` : e.message;
}

/** Reads a text file; injected so the extension can use VS Code's file system. */
export type ReadText = (path: string) => Promise<string>;
