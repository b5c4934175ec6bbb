// Data losses and metrics of the fused engine, as objective.ts defines them: batch
// means; binary cross-entropy from logits (softplus(z) - y z, gradient sigmoid(z) - y,
// as logitLoss.ts); softmax cross-entropy from logits; mean squared error of the
// output activation (regression). Values are unit-major: unit c, row r at c * rows + r.

import type { LossSpec } from '../objective';
import { sigmoidOf, softplus, softplusOf } from './activations';

/**
 * The batch's mean data loss. Its gradient goes to dz (the logits) for binary and
 * multiclass, and is added to dh (the output activation) for regression.
 */
export function lossAndGradient(loss: LossSpec, z: Float64Array, h: Float64Array, y: Float64Array, rows: number, dz: Float64Array, dh: Float64Array): number {
  let sum = 0;
  switch (loss.task) {
    case 'binary':
      for (let r = 0; r < rows; r++) {
        const zr = z[r];
        const e = Math.exp(-Math.abs(zr));
        sum += softplusOf(zr, e) - y[r] * zr;
        dz[r] = (sigmoidOf(zr, e) - y[r]) / rows;
      }
      break;
    case 'multiclass': {
      const C = loss.classes;
      for (let r = 0; r < rows; r++) {
        let max = -Infinity;
        for (let c = 0; c < C; c++) max = Math.max(max, z[c * rows + r]);
        let e = 0;
        for (let c = 0; c < C; c++) e += Math.exp(z[c * rows + r] - max);
        const label = y[r];
        sum += max + Math.log(e) - z[label * rows + r];
        for (let c = 0; c < C; c++) dz[c * rows + r] = (Math.exp(z[c * rows + r] - max) / e - (c === label ? 1 : 0)) / rows;
      }
      break;
    }
    case 'regression':
      for (let r = 0; r < rows; r++) {
        const d = h[r] - y[r];
        sum += d * d;
        dh[r] += (2 * d) / rows;
      }
      break;
  }
  return sum / rows;
}

/** Whether lossAndMetric() reads the output's activations h (regression's do; a classifier's read its logits z). */
export function metricReadsActivations(loss: LossSpec): boolean {
  return loss.task === 'regression';
}

/**
 * Mean loss and metric (accuracy, or R^2 against the set's own mean) of `count` rows
 * starting at row `from` of an inference pass over `rows` rows; y holds those rows' labels.
 * h (the output's activations) is read for regression only.
 */
export function lossAndMetric(loss: LossSpec, z: Float64Array, h: Float64Array, rows: number, from: number, count: number, y: Float32Array): [number, number] {
  let sum = 0;
  let hits = 0;
  switch (loss.task) {
    case 'binary':
      for (let i = 0; i < count; i++) {
        const zi = z[from + i];
        sum += softplus(zi) - y[i] * zi;
        if ((zi > 0 ? 1 : 0) === y[i]) hits++;
      }
      return [sum / count, hits / count];
    case 'multiclass': {
      const C = loss.classes;
      for (let i = 0; i < count; i++) {
        const r = from + i;
        let max = -Infinity;
        let arg = 0;
        for (let c = 0; c < C; c++) {
          const v = z[c * rows + r];
          if (v > max) {
            max = v;
            arg = c;
          }
        }
        let e = 0;
        for (let c = 0; c < C; c++) e += Math.exp(z[c * rows + r] - max);
        sum += max + Math.log(e) - z[y[i] * rows + r];
        if (arg === y[i]) hits++;
      }
      return [sum / count, hits / count];
    }
    case 'regression': {
      let mean = 0;
      for (let i = 0; i < count; i++) mean += y[i];
      mean /= count;
      let ssTot = 0;
      for (let i = 0; i < count; i++) {
        const d = h[from + i] - y[i];
        sum += d * d;
        ssTot += (y[i] - mean) * (y[i] - mean);
      }
      return [sum / count, 1 - sum / Math.max(ssTot, 1e-12)];
    }
  }
}
