// The live charts of a running cell: the loss breakdown (data loss and each layer's
// penalty stacked, the held-out loss dashed) and the weight norms, both drawn from one
// named data set that the renderer grows with vega changesets as epochs arrive (no
// rebuild per update). They name the layers and series as the final charts (specs.ts)
// do: the extension sends the layer names with the rows, and what the held-out figures
// are scored on (a validated sweep point's held-out training rows are validation rows,
// not the test set). Pure.

import type { MetricName, ScoredOn } from '../run/result';
import type { EpochRow } from '../run/epochRow';
import { scoredOnOf } from '../run/scoredOn';
import { DATA_LOSS_LABEL, LOSS_TOOLTIP, heldOutLossLabel, logNorms, lossColor, normsChart, penaltyLabel, type ChartOptions, type NormKind, type VegaLiteSpec } from './specs';
import { chartFrame, finite, themeOf } from './specKit';

/** Name of the data set the renderer inserts into. */
export const LIVE_DATA = 'rows';

/** A running cell: what the live charts need to name what they draw as the final charts do. */
export interface LiveRun {
  /** The weighted layers, in the order of each row's penalty and norms arrays. */
  layers: string[];
  metric?: MetricName;
  /** Planned epochs: the x axis spans them from the start. */
  epochs?: number;
  name?: string;
  /** What the rows' held-out loss and metric are scored on; absent: the test set. */
  scoredOn?: ScoredOn;
}

export interface LivePoint {
  epoch: number;
  series: string;
  value: number;
  /** A stacked loss part (data loss, penalties), the held-out loss line, or a layer's norm. */
  kind: 'stack' | 'line' | NormKind;
  /** Stacking order (loss); the layer's position (norms). */
  order: number;
}

/** The order of the norms in EpochRow.norms. */
const ROW_NORMS: NormKind[] = ['l1', 'l2', 'max', 'sparsity'];

/** Layer k's name: the run's, or "layer k+1" when the names are missing or do not fit the row. */
export function liveLayerName(layers: readonly string[], k: number, count: number): string {
  return layers.length === count && typeof layers[k] === 'string' ? layers[k] : `layer ${k + 1}`;
}

/** The points of one epoch: its loss stack only when every part is finite (a diverging epoch's is not), its held-out loss named by `scoredOn`, its finite norms. */
export function livePoints(row: Pick<EpochRow, 'epoch' | 'dataLoss' | 'penalty' | 'testLoss' | 'norms'>, layers: readonly string[] = [], scoredOn?: ScoredOn): LivePoint[] {
  const out: LivePoint[] = [];
  if (!finite(row?.epoch)) return out;
  const penalty = Array.isArray(row.penalty) ? row.penalty : [];
  const parts = [row.dataLoss, ...penalty];
  if (parts.every(finite)) {
    parts.forEach((value, k) => out.push({ epoch: row.epoch, series: k === 0 ? DATA_LOSS_LABEL : penaltyLabel(liveLayerName(layers, k - 1, penalty.length)), value, kind: 'stack', order: k }));
  }
  if (finite(row.testLoss)) out.push({ epoch: row.epoch, series: heldOutLossLabel(scoredOn), value: row.testLoss, kind: 'line', order: parts.length });
  const norms = Array.isArray(row.norms) ? row.norms : [];
  norms.forEach((n, k) => {
    if (!Array.isArray(n)) return;
    ROW_NORMS.forEach((kind, j) => {
      if (finite(n[j])) out.push({ epoch: row.epoch, series: liveLayerName(layers, k, norms.length), value: n[j], kind, order: k });
    });
  });
  return out;
}

function epochAxis(run: LiveRun) {
  return {
    field: 'epoch',
    type: 'quantitative' as const,
    title: 'epoch',
    scale: finite(run.epochs) && run.epochs > 1 ? { domain: [0, run.epochs], nice: false } : { zero: false, nice: false },
    axis: { format: 'd' },
  };
}

function layerNamesOf(run: LiveRun): string[] {
  return Array.isArray(run.layers) ? run.layers.map((_, k) => liveLayerName(run.layers, k, run.layers.length)) : [];
}

/** The live loss breakdown, starting with `values`. */
export function liveLossSpec(run: LiveRun, values: LivePoint[] = [], opts: ChartOptions = {}): VegaLiteSpec {
  const theme = themeOf(opts);
  const color = lossColor(theme, [DATA_LOSS_LABEL, ...layerNamesOf(run).map(penaltyLabel)], heldOutLossLabel(run.scoredOn));
  const x = epochAxis(run);
  const tooltip = LOSS_TOOLTIP;
  return {
    ...chartFrame(run.name, opts, theme, 'Loss breakdown', `live · stacked: data loss + each layer’s penalty = training loss; dashed: ${scoredOnOf(run.scoredOn)} loss`),
    data: { name: LIVE_DATA, values },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'stack'" }],
        mark: { type: 'area', opacity: 0.85, line: false },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: 'loss', stack: 'zero' }, order: { field: 'order', type: 'quantitative' }, color, tooltip },
      },
      {
        transform: [{ filter: "datum.kind === 'line'" }],
        mark: { type: 'line', strokeWidth: 2, strokeDash: [6, 3] },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: 'loss', stack: null }, color, tooltip },
      },
    ],
  } as VegaLiteSpec;
}

/** The live weight norms (one line per layer, the chosen norm), starting with `values`. */
export function liveNormsSpec(run: LiveRun, values: LivePoint[] = [], opts: ChartOptions = {}): VegaLiteSpec {
  const kind: NormKind = opts.normKind ?? 'l2';
  const layers = layerNamesOf(run);
  return normsChart({
    name: run.name,
    opts,
    layers,
    slots: layers.map((_, k) => k + 1),
    x: epochAxis(run),
    // No domain: the rows are still arriving.
    logScale: { type: 'log' as const, nice: false },
    data: { name: LIVE_DATA, values },
    filter: `datum.kind === '${kind}'${logNorms(opts) ? ' && datum.value > 0' : ''}`,
    tag: 'live',
  });
}
