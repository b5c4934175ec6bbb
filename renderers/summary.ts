// The text of a run's summary (header, scores, layers, sweep result) and of a
// comparison's score table, from run results. Pure: no DOM, unit-tested.

import type { FinalScores, History, RunResult } from '../src/core/run/result';
import type { LayerPenalties, Penalty } from '../src/core/experiment/penalty';
import { PENALTY_KEYS, PENALTY_PARTS } from '../src/core/experiment/penalty';
import { runLabels } from '../src/core/charts/compareSpecs';
import { penaltyShare } from '../src/core/run/penaltyShare';
import { sweepBestLine, withinWords } from '../src/core/sweep/sweepText';

export interface SummaryHeader {
  name: string;
  status: string;
  /** Error text for cancelled, failed and diverged runs (null when completed). */
  error: string | null;
  backend: string;
  duration: string;
  /** Further facts: epochs, data sizes, start cell, weight decay. */
  details: string[];
}

export interface ScoreRow {
  label: string;
  train: string;
  test: string;
}

export interface LayerRow {
  name: string;
  type: string;
  params: string;
  penalty: string;
  sparsity: string;
  l2: string;
}

export interface RunSummary {
  header: SummaryHeader;
  scores: ScoreRow[];
  /** final.penalty / (final.train.loss + final.penalty), null when unknown. */
  penaltyShare: number | null;
  penaltyShareText: string;
  layers: LayerRow[];
  totalParams: number;
  totalParamsText: string;
  /** "alpha 0.01 by 1se · validation loss 0.31 ± 0.0155 (standard error, 10 models) · test …" for sweeps. */
  gridBest: string | null;
  notes: string[];
}

const DASH = '–';

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A number in at most `digits` significant digits, exponent form for the very small and large. */
export function formatNumber(v: unknown, digits = 4): string {
  if (!finite(v)) return DASH;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toPrecision(digits)));
  return v.toExponential(Math.max(0, digits - 2)).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/** A penalty coefficient: 0.001, 1e-5, 2.5e-4. */
export function formatCoefficient(v: number): string {
  if (!finite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return String(Number(v.toPrecision(3)));
  return v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

export function formatPercent(share: unknown, digits = 1): string {
  if (!finite(share)) return DASH;
  return `${(100 * share).toFixed(digits)}%`;
}

export function formatInteger(n: unknown): string {
  if (!finite(n)) return DASH;
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A metric value: accuracy in percent, R² with 3 decimals. */
export function formatMetric(metric: string, v: unknown): string {
  if (!finite(v)) return DASH;
  return metric === 'accuracy' ? formatPercent(v) : v.toFixed(3);
}

/** A set's metric; R² of a constant target (no value beside a finite loss) is 'undefined', not a dash. */
function formatSetMetric(metric: string, scores: FinalScores['train'] | undefined): string {
  const v = scores?.[metric as 'accuracy' | 'r2'];
  if (metric === 'r2' && !finite(v) && finite(scores?.loss)) return 'undefined (constant target)';
  return formatMetric(metric, v);
}

export function metricName(metric: string): string {
  return metric === 'r2' ? 'R²' : metric;
}

export function formatDuration(ms: unknown): string {
  if (!finite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** "L2 0.001", "L1 0.01 + L2 0.001" (elastic net), "" for no penalty. */
export function formatPenalty(p: Penalty | undefined): string {
  if (!p || typeof p !== 'object') return '';
  const names: Record<string, string> = { l1: 'L1', l2: 'L2', expabs: 'expabs' };
  return PENALTY_KEYS.filter((k) => finite(p[k]) && p[k] !== 0)
    .map((k) => `${names[k]} ${formatCoefficient(p[k]!)}`)
    .join(' + ');
}

/** "kernel L2 0.001, bias L1 0.01"; "none" when no part is penalized. */
export function formatPenaltySpec(penalties: LayerPenalties | undefined): string {
  if (!penalties || typeof penalties !== 'object') return 'none';
  const parts = PENALTY_PARTS.map((part) => [part, formatPenalty(penalties[part])] as const).filter(([, text]) => text !== '');
  return parts.length ? parts.map(([part, text]) => `${part} ${text}`).join(', ') : 'none';
}


/** The last finite value of a series. */
export function lastFinite(series: unknown): number | null {
  if (!Array.isArray(series)) return null;
  for (let i = series.length - 1; i >= 0; i--) if (finite(series[i])) return series[i];
  return null;
}

/** A layer's final sparsity (fraction of |w| < 1e-3), from its history. */
export function finalSparsity(history: History | undefined, layer: string): number | null {
  const norms = history?.norms;
  if (!norms || !Object.prototype.hasOwnProperty.call(norms, layer)) return null;
  return lastFinite(norms[layer]?.sparsity);
}

function finalNorm(history: History | undefined, layer: string): number | null {
  const norms = history?.norms;
  if (!norms || !Object.prototype.hasOwnProperty.call(norms, layer)) return null;
  return lastFinite(norms[layer]?.l2);
}

function epochsRun(r: RunResult): number | null {
  return lastFinite(r.history?.epoch);
}

/** The sweep's choice in one line (the words the CLI prints too), from the statistics the sweep derived. */
export function gridBestText(r: RunResult): string | null {
  if (!r.grid || !r.grid.best || !finite(r.grid.best.alpha)) return null;
  return sweepBestLine(r.grid, r.metric === 'r2' ? 'r2' : 'accuracy', r.data?.nTrain);
}

/** What was done to the notebook's copy of the history, in words: thinned to N points, rounded, or both. */
export function historyReductionText(r: RunResult): string {
  const points = r.reduced?.points;
  const digits = r.reduced?.digits;
  const thinned = finite(points) ? `thinned to ${formatInteger(points)} points` : null;
  const rounded = finite(digits) ? `rounded to ${digits} significant digits` : null;
  if (thinned && rounded) return `The history is shown ${thinned}, its numbers ${rounded}`;
  if (thinned) return `The history is shown ${thinned}`;
  if (rounded) return `The history's numbers are shown ${rounded} (every epoch is there)`;
  return 'The history is shown downsampled';
}

export function runSummary(r: RunResult): RunSummary {
  const metric = typeof r.metric === 'string' ? r.metric : 'accuracy';
  const status = typeof r.status === 'string' ? r.status : 'completed';
  const final = r.final;
  const epochs = epochsRun(r);
  const details: string[] = [];
  if (epochs !== null) details.push(`${formatInteger(epochs)} epoch${epochs === 1 ? '' : 's'}`);
  if (r.data && finite(r.data.nTrain)) details.push(`${r.data.source} · ${formatInteger(r.data.nTrain)} train / ${formatInteger(r.data.nTest)} test`);
  if (r.from && typeof r.from.cell === 'string') details.push(`from ${r.from.cell}`);
  if (finite(r.weightDecay) && r.weightDecay > 0) details.push(`weight decay ${formatCoefficient(r.weightDecay)} (decoupled)`);

  let error: string | null = null;
  if (status !== 'completed') {
    error = typeof r.error === 'string' && r.error.trim() !== '' ? r.error : status === 'cancelled' ? `Cancelled${epochs !== null ? ` after epoch ${epochs}` : ''}.` : `The run ${status}.`;
  }

  const share = penaltyShare(final);
  const scores: ScoreRow[] = [
    { label: metricName(metric), train: formatSetMetric(metric, final?.train), test: formatSetMetric(metric, final?.test) },
    { label: 'loss (data)', train: formatNumber(final?.train?.loss), test: formatNumber(final?.test?.loss) },
    { label: 'penalty', train: formatNumber(final?.penalty), test: '' },
  ];

  const layers: LayerRow[] = (Array.isArray(r.layers) ? r.layers : []).map((l) => ({
    name: String(l?.name ?? ''),
    type: String(l?.type ?? ''),
    params: formatInteger(l?.params),
    penalty: formatPenaltySpec(l?.penalty),
    sparsity: formatPercent(finalSparsity(r.history, l?.name)),
    l2: formatNumber(finalNorm(r.history, l?.name)),
  }));
  const totalParams = (Array.isArray(r.layers) ? r.layers : []).reduce((a, l) => a + (finite(l?.params) ? l.params : 0), 0);

  const notes: string[] = [];
  if (r.downsampled && r.reduced?.points !== 0) notes.push(`${historyReductionText(r)}; the run store has it at full resolution.`);
  if (r.grid && withinWords(r.grid)) notes.push(`Sweep: ${withinWords(r.grid)}.`);
  for (const w of Array.isArray(r.grid?.warnings) ? r.grid.warnings : []) notes.push(`Sweep: ${w}.`);
  if (Array.isArray(r.omitted) && r.omitted.length) notes.push(`Left out of the notebook to keep it small: ${r.omitted.join(', ')} (the run store has them).`);

  return {
    header: { name: typeof r.name === 'string' ? r.name : '(unnamed)', status, error, backend: typeof r.backend === 'string' ? r.backend : DASH, duration: formatDuration(r.durationMs), details },
    scores,
    penaltyShare: share,
    penaltyShareText: share === null ? DASH : formatPercent(share),
    layers,
    totalParams,
    totalParamsText: formatInteger(totalParams),
    gridBest: gridBestText(r),
    notes,
  };
}

export interface CompareTableRow {
  run: string;
  status: string;
  testMetric: string;
  trainMetric: string;
  testLoss: string;
  trainLoss: string;
  penalty: string;
  penaltyShare: string;
  epochs: string;
  duration: string;
}

export const COMPARE_COLUMNS: { key: keyof CompareTableRow; title: string }[] = [
  { key: 'run', title: 'run' },
  { key: 'status', title: 'status' },
  { key: 'testMetric', title: 'test metric' },
  { key: 'trainMetric', title: 'train metric' },
  { key: 'testLoss', title: 'test loss' },
  { key: 'trainLoss', title: 'train loss' },
  { key: 'penalty', title: 'penalty' },
  { key: 'penaltyShare', title: 'penalty share' },
  { key: 'epochs', title: 'epochs' },
  { key: 'duration', title: 'duration' },
];

/** The final scores of each compared run, labelled as in the comparison charts' legends. */
export function compareTableRows(runs: RunResult[]): CompareTableRow[] {
  const labels = runLabels(runs);
  return runs.map((r, k) => {
    const metric = typeof r.metric === 'string' ? r.metric : 'accuracy';
    const m = metric as 'accuracy' | 'r2';
    const epochs = epochsRun(r);
    return {
      run: labels[k],
      status: String(r.status ?? DASH),
      testMetric: `${formatMetric(metric, r.final?.test?.[m])} ${metricName(metric)}`,
      trainMetric: `${formatMetric(metric, r.final?.train?.[m])} ${metricName(metric)}`,
      testLoss: formatNumber(r.final?.test?.loss),
      trainLoss: formatNumber(r.final?.train?.loss),
      penalty: formatNumber(r.final?.penalty),
      penaltyShare: formatPercent(penaltyShare(r.final)),
      epochs: epochs === null ? DASH : formatInteger(epochs),
      duration: formatDuration(r.durationMs),
    };
  });
}
