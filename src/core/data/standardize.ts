// Input and target scaling with statistics of the TRAINING rows only (the test rows are
// scaled with the same numbers, so that nothing about them leaks into training).

import type { Standardize } from '../experiment/experiment';
import type { Dataset } from './dataset';

export type Scaling = Dataset['scaling'];

/**
 * Fits a scaling on `x` (nRows rows of `width` values, row-major). Statistics are per
 * value of a row, or with `channels` per channel: the last axis of a row of shape
 * [..., channels], pooled over the other axes (a sequence's steps).
 *   zscore: offset = mean, scale = population standard deviation (0 -> 1);
 *   minmax: offset = min, scale = max - min (0 -> 1), so training values land in [0, 1].
 */
export function fitScaling(x: Float32Array, width: number, kind: Standardize, channels?: number): Scaling {
  const per = channels !== undefined ? 'channel' : 'feature';
  const groups = channels ?? width;
  if (width % groups !== 0) throw new RangeError(`fitScaling: width ${width} is not a multiple of ${groups} channels`);
  if (kind === false) {
    return { kind: 'none', offset: new Array<number>(groups).fill(0), scale: new Array<number>(groups).fill(1), per };
  }
  const offset: number[] = [];
  const scale: number[] = [];
  for (let g = 0; g < groups; g++) {
    // Values of group g: every index i with i % groups === g.
    if (kind === 'zscore') {
      let sum = 0;
      let count = 0;
      for (let i = g; i < x.length; i += groups) {
        sum += x[i] as number;
        count++;
      }
      const mean = count > 0 ? sum / count : 0;
      let ss = 0;
      for (let i = g; i < x.length; i += groups) {
        const d = (x[i] as number) - mean;
        ss += d * d;
      }
      const std = count > 0 ? Math.sqrt(ss / count) : 0;
      offset.push(mean);
      scale.push(std > 0 ? std : 1);
    } else {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = g; i < x.length; i += groups) {
        const v = x[i] as number;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (lo > hi) lo = hi = 0;
      offset.push(lo);
      scale.push(hi - lo > 0 ? hi - lo : 1);
    }
  }
  return { kind, offset, scale, per };
}

/** Applies a fitted scaling in place: x = (x - offset) / scale, and returns x. */
export function applyScaling(x: Float32Array, s: Scaling): Float32Array {
  const groups = s.offset.length;
  for (let i = 0; i < x.length; i++) {
    const g = i % groups;
    x[i] = ((x[i] as number) - (s.offset[g] as number)) / (s.scale[g] as number);
  }
  return x;
}

/** z-score statistics of a target vector (population std; 0 -> 1). */
export function fitTargetScaling(y: Float32Array): { offset: number; scale: number } {
  const s = fitScaling(y, 1, 'zscore');
  return { offset: s.offset[0] as number, scale: s.scale[0] as number };
}

/** Applies a target scaling in place and returns y. */
export function applyTargetScaling(y: Float32Array, t: { offset: number; scale: number }): Float32Array {
  for (let i = 0; i < y.length; i++) y[i] = ((y[i] as number) - t.offset) / t.scale;
  return y;
}
