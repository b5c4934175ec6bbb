// Thinning a run's history for display and for the notebook's copy (contract section 1:
// at most 512 points per series): every series sampled at the same epochs, the first and
// the last kept. Beside the run result because every view of a history (notebook
// outputs, charts, comparisons) thins it the same way. Pure.

import type { History, RunResult } from './result';

export const MAX_HISTORY_POINTS = 512;

/**
 * Indices of at most `maxPoints` evenly spaced samples of `n`, always including the first
 * and the last (maxPoints below 2 counts as 2). Strictly increasing.
 */
export function downsampleIndices(n: number, maxPoints: number): number[] {
  const m = Math.max(2, Math.floor(maxPoints));
  if (n <= m) return Array.from({ length: n }, (_, i) => i);
  const idx = new Array<number>(m);
  for (let k = 0; k < m; k++) idx[k] = Math.round((k * (n - 1)) / (m - 1));
  return idx;
}

/**
 * The history with every series (the epoch array, the top-level series, and the nested
 * per-layer penalty and norm series, including ones added later) sampled at the same at
 * most `maxPoints` epochs, first and last kept. Returns the same object when nothing
 * needs to change; never mutates its argument.
 */
export function downsampleHistory<H extends History>(history: H, maxPoints: number): H {
  const n = Array.isArray(history.epoch) ? history.epoch.length : longestArray(history);
  const m = Math.max(2, Math.floor(maxPoints));
  if (n <= m && longestArray(history) <= m) return history;
  const idx = downsampleIndices(n, m);
  return mapSeries(history, (arr) => {
    if (arr.length === n) return idx.map((i) => arr[i]);
    if (arr.length > m) return downsampleIndices(arr.length, m).map((i) => arr[i]);
    return arr;
  }) as H;
}

/** Number of epochs a history holds. */
export function historyLength(history: History): number {
  return Array.isArray(history.epoch) ? history.epoch.length : 0;
}

function longestArray(value: unknown, depth = 0): number {
  if (Array.isArray(value)) return value.length;
  if (!isObject(value) || depth > 4) return 0;
  let max = 0;
  for (const key of Object.keys(value)) max = Math.max(max, longestArray((value as Record<string, unknown>)[key], depth + 1));
  return max;
}

/** Applies `f` to every array in a nested object of series (objects are copied, never mutated). */
export function mapSeries(value: unknown, f: (arr: unknown[], path: string[]) => unknown[], path: string[] = []): unknown {
  if (Array.isArray(value)) return f(value, path);
  if (!isObject(value) || path.length > 4) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setKey(out, key, mapSeries((value as Record<string, unknown>)[key], f, [...path, key]));
  return out;
}

/** A run result whose history has at most `maxPoints` points (marked `downsampled`). */
export function downsampleRun(result: RunResult, maxPoints = MAX_HISTORY_POINTS): RunResult {
  if (!isObject(result.history)) return result;
  const history = downsampleHistory(result.history, maxPoints);
  return history === result.history ? result : { ...result, history, downsampled: true, reduced: { ...result.reduced, points: historyLength(history) } };
}

/** Sets a key as own data even when it is named like an Object.prototype member (`__proto__`). */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
