// Keeps the outputs stored in a notebook small (contract section 1): at most 512 points
// per history series (the thinning is beside the run result, run/historyThinning.ts)
// and at most 256 KiB per cell. The full-resolution history lives in the run store.

import type { History, RunResult } from '../run/result';
import { MAX_HISTORY_POINTS, downsampleRun, historyLength, mapSeries, setKey } from '../run/historyThinning';
import { RUN_MIME } from '../protocol/notebookRenderer';
import { cellText, utf8Length } from './notebookText';
import type { CellDoc, OutputDoc } from './types';
import { CellSizer } from './cellSize';

export const MAX_CELL_BYTES = 256 * 1024;
/** Significant digits kept when a history must shrink further (float32 training values carry about 7). */
export const ROUNDED_DIGITS = 7;

export interface BoundOptions {
  maxPoints?: number;
  maxCellBytes?: number;
}

/**
 * Every number in `value` (nested arrays and objects) rounded to `digits` significant
 * digits; `value` itself, and each part of it, when rounding changes no number in it
 * (Object.is(result, value) then: -0 and NaN come back as they are). A kept part is
 * measured once by the cell's sizer (cellSize.ts), and nothing unchanged is copied.
 */
function roundNumbers(value: unknown, digits: number, depth = 0): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return value;
    const rounded = Number(value.toPrecision(digits));
    return rounded === value ? value : rounded;
  }
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const r = roundNumbers(v, digits, depth + 1);
      if (!out && !Object.is(r, v)) out = value.slice(0, i);
      if (out) out.push(r);
    }
    return out ?? value;
  }
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    const r = roundNumbers(v, digits, depth + 1);
    if (!Object.is(r, v)) changed = true;
    setKey(out, key, r);
  }
  return changed ? out : value;
}

/** The history rounded (epochs kept as they are); `history` itself when no number changes. */
function roundHistory<H extends History>(history: H, digits: number): H {
  let changed = false;
  const rounded = mapSeries(history, (arr, path) => {
    if (path.length === 1 && path[0] === 'epoch') return arr;
    const r = roundNumbers(arr, digits) as unknown[];
    if (r !== arr) changed = true;
    return r;
  }) as H;
  return changed ? rounded : history;
}

/** The same kind of history with no epochs (extension series kept, empty). */
function emptyHistory(history: History): History {
  const empty = mapSeries(history, () => []) as History;
  return { ...empty, penalty: {}, norms: {} };
}

// Reductions tried in order, until the cell fits. Each one is pure and idempotent.
type Stage = (r: RunResult) => RunResult;

/** History, decision boundary and weight histograms rounded to ROUNDED_DIGITS significant digits. */
const roundStage: Stage = (r) => {
  let out = r;
  const history = roundHistory(r.history, ROUNDED_DIGITS);
  if (history !== r.history) out = { ...out, history, downsampled: true, reduced: { ...r.reduced, digits: ROUNDED_DIGITS } };
  for (const key of FINAL_VIEWS) {
    if (r[key] === undefined) continue;
    const rounded = roundNumbers(r[key], ROUNDED_DIGITS);
    if (rounded !== r[key]) out = { ...out, [key]: rounded };
  }
  return out;
};
/** Extension views of the final model (decision boundary, weight histograms). */
const FINAL_VIEWS = ['boundary', 'weights'] as const;
const dropFinalViews: Stage = (r) => {
  let out = r;
  for (const key of FINAL_VIEWS) {
    if (out[key] === undefined) continue;
    const copy = { ...out };
    delete copy[key];
    out = omit(copy, key);
  }
  return out;
};
const dropGridNorms: Stage = (r) => {
  if (!r.grid || !Array.isArray(r.grid.runs) || !r.grid.runs.some((p) => isObject(p) && 'norms' in p)) return r;
  const runs = r.grid.runs.map((p) => {
    const { norms: _norms, ...rest } = p;
    return rest as typeof p;
  });
  return omit({ ...r, grid: { ...r.grid, runs } }, 'grid.runs[].norms');
};
const dropHistory: Stage = (r) => (historyLength(r.history) === 0 ? r : omit({ ...r, history: emptyHistory(r.history), downsampled: true, reduced: { points: 0 } }, 'history'));
const dropGridRuns: Stage = (r) => (r.grid && r.grid.runs?.length ? omit({ ...r, grid: { ...r.grid, runs: [] } }, 'grid.runs') : r);

/** The contract's required fields only, with long strings cut: the last resort. */
function stubRun(r: RunResult): RunResult {
  const cut = (s: unknown, max: number) => (typeof s === 'string' && s.length > max ? `${s.slice(0, max)}...` : s);
  const stub = {
    regnb: r.regnb,
    name: cut(r.name, 200),
    runId: cut(r.runId, 200),
    status: r.status,
    error: cut(r.error, 2000),
    task: r.task,
    metric: r.metric,
    backend: r.backend,
    durationMs: r.durationMs,
    layers: [],
    history: emptyHistory(isObject(r.history) ? r.history : ({} as History)),
    final: smallJson(r.final, 4096) ? r.final : { train: { loss: null }, test: { loss: null }, penalty: null },
    store: cut(r.store, 1000),
    ...(typeof r.startedAt === 'string' ? { startedAt: cut(r.startedAt, 100) } : {}),
    downsampled: true,
    omitted: [...new Set([...(r.omitted ?? []), 'layers', 'other fields'])],
  };
  return stub as unknown as RunResult;
}

function omit(r: RunResult, what: string): RunResult {
  return r.omitted?.includes(what) ? r : { ...r, omitted: [...(r.omitted ?? []), what] };
}

/** Whether an output's data looks like a run result this module knows how to shrink. */
export function isRunResultLike(data: unknown): data is RunResult {
  return isObject(data) && isObject((data as { history?: unknown }).history);
}

/**
 * Outputs of one cell, bounded. Run results are downsampled to `maxPoints`; then, while
 * the cell's text (as laid out in the file) exceeds `maxCellBytes`: other outputs too big
 * to ever fit are replaced by a note, and run results are reduced step by step (values
 * rounded to 7 significant digits, no per-run grid norms, down to 128 points, no decision
 * boundary or weight histograms, down to 2 points, no history, no grid runs, only the
 * required fields), each loss recorded in the result's `omitted`.
 * Never mutates the cell; bounding a bounded cell changes nothing.
 */
export function boundCellOutputs(cell: CellDoc, opts: BoundOptions = {}): OutputDoc[] | undefined {
  return boundCell(cell, opts).outputs;
}

/** The cell with its outputs bounded, as laid out in the file (cellText at the cells' level). */
export function boundCellText(cell: CellDoc, opts: BoundOptions = {}): string {
  return boundCell(cell, opts).text();
}

/** Cells sit 2 levels deep in the file (notebook > cells > cell). */
const CELL_LEVEL = 2;

function boundCell(cell: CellDoc, opts: BoundOptions): { outputs: OutputDoc[] | undefined; text: () => string } {
  const outputs = boundOutputs(cell, opts, new CellSizer(cell, CELL_LEVEL));
  return { outputs, text: () => cellText({ ...cell, outputs }, CELL_LEVEL) };
}

function boundOutputs(cell: CellDoc, opts: BoundOptions, sizer: CellSizer): OutputDoc[] | undefined {
  if (!cell.outputs) return undefined;
  const maxPoints = opts.maxPoints ?? MAX_HISTORY_POINTS;
  const maxBytes = opts.maxCellBytes ?? MAX_CELL_BYTES;
  const isRun = cell.outputs.map((o) => o.mime === RUN_MIME && isRunResultLike(o.data));
  const sizeOf = (outs: OutputDoc[]) => sizer.bytes(outs);
  const mapRuns: MapRuns = (outs, stage) => outs.map((o, k) => (isRun[k] ? withData(o, stage(o.data as RunResult)) : o));

  let outputs = mapRuns(cell.outputs, (r) => downsampleRun(r, maxPoints));
  if (sizeOf(outputs) <= maxBytes) return outputs;

  // Other outputs are dropped (largest first, leaving a note) when they would not fit even
  // beside the smallest form of the run results: no reduction of those could make room.
  const dropLargestOther = (): boolean => {
    let largest: { k: number; bytes: number } | undefined;
    outputs.forEach((o, k) => {
      if (isRun[k] || isNote(o)) return;
      const bytes = utf8Length(JSON.stringify(o) ?? '');
      if (!largest || bytes > largest.bytes) largest = { k, bytes };
    });
    if (!largest) return false;
    const { k, bytes } = largest;
    outputs = outputs.map((x, j) => (j === k ? noteFor(x, bytes, maxBytes) : x));
    return true;
  };
  while (sizeOf(mapRuns(outputs, stubRun)) > maxBytes && dropLargestOther());
  if (sizeOf(outputs) <= maxBytes) return outputs;

  for (const stage of [roundStage, dropGridNorms]) {
    outputs = mapRuns(outputs, stage);
    if (sizeOf(outputs) <= maxBytes) return outputs;
  }
  // Down to 128 points before the final-model views go, then down to the first and last epoch.
  const fewer = withFewerPoints(outputs, mapRuns, sizeOf, maxBytes, Math.min(128, maxPoints));
  if (fewer) return fewer;
  outputs = mapRuns(outputs, dropFinalViews);
  if (sizeOf(outputs) <= maxBytes) return outputs;
  const fewest = withFewerPoints(outputs, mapRuns, sizeOf, maxBytes, 2);
  if (fewest) return fewest;
  for (const stage of [dropHistory, dropGridRuns]) {
    outputs = mapRuns(outputs, stage);
    if (sizeOf(outputs) <= maxBytes) return outputs;
  }
  outputs = mapRuns(outputs, stubRun);
  while (sizeOf(outputs) > maxBytes && dropLargestOther());
  return outputs;
}

type MapRuns = (outputs: OutputDoc[], stage: Stage) => OutputDoc[];

/**
 * The outputs with fewer history points, as many as fit (the bytes per point are measured
 * once, the count estimated, then lowered until the cell fits, down to `minPoints`; 2 keeps
 * the first and last epoch), or undefined when even that does not fit.
 */
function withFewerPoints(outputs: OutputDoc[], mapRuns: MapRuns, sizeOf: (o: OutputDoc[]) => number, maxBytes: number, minPoints: number): OutputDoc[] | undefined {
  const points = Math.max(0, ...outputs.map((o) => (isRunResultLike(o.data) ? historyLength(o.data.history) : 0)));
  const floor = Math.max(2, minPoints);
  if (points <= floor) return undefined;
  const full = sizeOf(outputs);
  const bare = sizeOf(mapRuns(outputs, (r) => ({ ...r, history: emptyHistory(r.history) })));
  if (bare > maxBytes) return undefined;
  const perPoint = Math.max(1, (full - bare) / points);
  let m = Math.min(points - 1, Math.max(floor, Math.floor(((maxBytes - bare) / perPoint) * 0.98)));
  for (;;) {
    const candidate = mapRuns(outputs, (r) => downsampleRun(r, m));
    if (sizeOf(candidate) <= maxBytes) return candidate;
    if (m === floor) return undefined;
    m = Math.max(floor, Math.floor(m * 0.9));
  }
}

/** A run result bounded as the only output of a cell (what the extension puts in a cell). */
export function boundRunResult(result: RunResult, opts: BoundOptions = {}): RunResult {
  const outputs = boundCellOutputs({ kind: 'experiment', source: '', outputs: [{ mime: RUN_MIME, data: result }], extra: {} }, opts);
  return outputs![0].data as RunResult;
}

const NOTE_PREFIX = 'RegNB: output omitted';

function noteFor(o: OutputDoc, bytes: number, maxBytes: number): OutputDoc {
  const kib = (b: number) => `${Math.ceil(b / 1024)} KiB`;
  return { mime: 'text/plain', data: `${NOTE_PREFIX}: ${JSON.stringify(o.mime).slice(0, 200)} output of ${kib(bytes)} (a cell's outputs are limited to ${kib(maxBytes)} in the notebook file)` };
}

function isNote(o: OutputDoc): boolean {
  return o.mime === 'text/plain' && typeof o.data === 'string' && o.data.startsWith(NOTE_PREFIX);
}

function withData(o: OutputDoc, data: unknown): OutputDoc {
  return data === o.data ? o : { ...o, data };
}

function smallJson(v: unknown, max: number): boolean {
  const text = JSON.stringify(v);
  return text !== undefined && text.length <= max;
}


function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
