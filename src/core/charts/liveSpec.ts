// The live charts of a running cell: the loss breakdown (data loss and each layer's
// penalty stacked, the test loss dashed) and the weight norms, both drawn from one named
// data set that the renderer grows with vega changesets as epochs arrive (no rebuild per
// update). They name the layers and series as the final charts (specs.ts) do: the
// extension sends the layer names with the rows. Pure.

import type { MetricName } from '../run/result';
import type { EpochRow } from '../run/epochRow';
import { DATA_LOSS_LABEL, NORM_TITLES, TEST_LOSS_LABEL, penaltyLabel, type ChartOptions, type NormKind, type VegaLiteSpec } from './specs';
import { bottomLegend, chartFrame, finite, seriesColor, themeOf } from './specKit';

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
}

export interface LivePoint {
  epoch: number;
  series: string;
  value: number;
  /** A stacked loss part (data loss, penalties), the test-loss line, or a layer's norm. */
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

/** The points of one epoch: its loss stack only when every part is finite (a diverging epoch's is not), its finite norms. */
export function livePoints(row: Pick<EpochRow, 'epoch' | 'dataLoss' | 'penalty' | 'testLoss' | 'norms'>, layers: readonly string[] = []): LivePoint[] {
  const out: LivePoint[] = [];
  if (!finite(row?.epoch)) return out;
  const penalty = Array.isArray(row.penalty) ? row.penalty : [];
  const parts = [row.dataLoss, ...penalty];
  if (parts.every(finite)) {
    parts.forEach((value, k) => out.push({ epoch: row.epoch, series: k === 0 ? DATA_LOSS_LABEL : penaltyLabel(liveLayerName(layers, k - 1, penalty.length)), value, kind: 'stack', order: k }));
  }
  if (finite(row.testLoss)) out.push({ epoch: row.epoch, series: TEST_LOSS_LABEL, value: row.testLoss, kind: 'line', order: parts.length });
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
  const stackNames = [DATA_LOSS_LABEL, ...layerNamesOf(run).map(penaltyLabel)];
  const domain = [...stackNames, TEST_LOSS_LABEL];
  const range = [...stackNames.map((_, k) => seriesColor(theme, k)), theme.foreground];
  const color = { field: 'series', type: 'nominal' as const, scale: { domain, range }, legend: bottomLegend(domain.length) };
  const x = epochAxis(run);
  const tooltip = [{ field: 'epoch', type: 'quantitative' as const }, { field: 'series', type: 'nominal' as const }, { field: 'value', type: 'quantitative' as const, format: '.4~g' }];
  return {
    ...chartFrame(run.name, opts, theme, 'Loss breakdown', 'live · stacked: data loss + each layer’s penalty = training loss; dashed: test loss'),
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
  const theme = themeOf(opts);
  const kind: NormKind = opts.normKind ?? 'l2';
  const log = opts.scale === 'log' && kind !== 'sparsity';
  const layers = layerNamesOf(run);
  const filter = `datum.kind === '${kind}'${log ? ' && datum.value > 0' : ''}`;
  const scale = kind === 'sparsity' ? { type: 'linear' as const, domain: [0, 1] } : log ? { type: 'log' as const, nice: false } : { type: 'linear' as const, zero: true };
  return {
    ...chartFrame(run.name, opts, theme, `Weight norms: ${NORM_TITLES[kind].name}`, `live · ${NORM_TITLES[kind].axis} of each layer’s penalized weights${log ? ' (log scale)' : ''}`),
    data: { name: LIVE_DATA, values },
    transform: [{ filter }],
    mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
    encoding: {
      x: epochAxis(run),
      y: { field: 'value', type: 'quantitative', title: NORM_TITLES[kind].axis, scale },
      color: {
        field: 'series',
        type: 'nominal',
        // A layer keeps its color across charts: slot k + 1, as in the loss breakdown and the final norms chart.
        scale: { domain: layers, range: layers.map((_, k) => seriesColor(theme, k + 1)) },
        legend: { ...bottomLegend(layers.length), title: 'layer' },
      },
      tooltip: [{ field: 'epoch', type: 'quantitative' }, { field: 'series', type: 'nominal', title: 'layer' }, { field: 'value', type: 'quantitative', format: '.4~g', title: NORM_TITLES[kind].name }],
    },
  } as VegaLiteSpec;
}
