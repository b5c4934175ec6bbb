// history.csv of a run (contract section 4): one row per epoch, full resolution.
// Columns: epoch, dataLoss, penalty_<layer> per layer, totalLoss, testLoss, trainMetric,
// testMetric, norm_<layer>_<l1|l2|max|sparsity> per layer, then extension series
// (trainLoss) when present. Missing values are empty cells; non-finite ones NaN/Infinity.

import type { History, RunResult } from '../run/result';

export const NORM_KINDS = ['l1', 'l2', 'max', 'sparsity'] as const;

/** Layer names in the result's order, then any other names the history uses. */
export function historyLayers(result: Pick<RunResult, 'layers' | 'history'>): string[] {
  const names = (result.layers ?? []).map((l) => l.name);
  for (const key of [...Object.keys(result.history.penalty ?? {}), ...Object.keys(result.history.norms ?? {})]) {
    if (!names.includes(key)) names.push(key);
  }
  return names;
}

export function historyColumns(result: Pick<RunResult, 'layers' | 'history'>): { name: string; values: readonly unknown[] | undefined }[] {
  const h: History = result.history;
  const layers = historyLayers(result);
  const cols: { name: string; values: readonly unknown[] | undefined }[] = [
    { name: 'epoch', values: h.epoch },
    { name: 'dataLoss', values: h.dataLoss },
    ...layers.map((l) => ({ name: `penalty_${l}`, values: h.penalty?.[l] })),
    { name: 'totalLoss', values: h.totalLoss },
    { name: 'testLoss', values: h.testLoss },
    { name: 'trainMetric', values: h.trainMetric },
    { name: 'testMetric', values: h.testMetric },
    ...layers.flatMap((l) => NORM_KINDS.map((k) => ({ name: `norm_${l}_${k}`, values: h.norms?.[l]?.[k] }))),
  ];
  if (Array.isArray(h.trainLoss)) cols.push({ name: 'trainLoss', values: h.trainLoss });
  return cols;
}

export function historyCsv(result: Pick<RunResult, 'layers' | 'history'>): string {
  const cols = historyColumns(result);
  const rows = Array.isArray(result.history.epoch) ? result.history.epoch.length : 0;
  const lines = [cols.map((c) => csvField(c.name)).join(',')];
  for (let i = 0; i < rows; i++) lines.push(cols.map((c) => csvValue(Array.isArray(c.values) ? c.values[i] : undefined)).join(','));
  return `${lines.join('\n')}\n`;
}

function csvValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  return csvField(String(v));
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
