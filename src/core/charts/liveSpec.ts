// The live loss chart of a running cell: the data loss and each layer's penalty stacked,
// the test loss dashed, drawn from a named data set that the renderer grows with vega
// changesets as epochs arrive (no rebuild per update). Live rows name no layers (their
// penalties are an array): they are "layer 1..n". Pure.

import type { EpochRow } from '../run/epochRow';
import { DATA_LOSS_LABEL, TEST_LOSS_LABEL, type ChartOptions, type VegaLiteSpec } from './specs';
import { bottomLegend, chartFrame, finite, seriesColor, themeOf } from './specKit';

/** Name of the data set the renderer inserts into. */
export const LIVE_DATA = 'rows';

export interface LivePoint {
  epoch: number;
  series: string;
  value: number;
  /** Stacked part (data loss, penalties) or the test-loss line. */
  kind: 'stack' | 'line';
  /** Stacking order. */
  order: number;
}

export function liveLayerName(k: number): string {
  return `layer ${k + 1} penalty`;
}

/** The points of one epoch: its stack only when every part is finite (a diverging epoch is not). */
export function livePoints(row: Pick<EpochRow, 'epoch' | 'dataLoss' | 'penalty' | 'testLoss'>): LivePoint[] {
  const out: LivePoint[] = [];
  if (!finite(row?.epoch)) return out;
  const penalty = Array.isArray(row.penalty) ? row.penalty : [];
  const parts = [row.dataLoss, ...penalty];
  if (parts.every(finite)) {
    parts.forEach((value, k) => out.push({ epoch: row.epoch, series: k === 0 ? DATA_LOSS_LABEL : liveLayerName(k - 1), value, kind: 'stack', order: k }));
  }
  if (finite(row.testLoss)) out.push({ epoch: row.epoch, series: TEST_LOSS_LABEL, value: row.testLoss, kind: 'line', order: parts.length });
  return out;
}

export interface LiveSpecOptions extends ChartOptions {
  /** The run's planned epochs: the x axis spans them from the start. */
  epochs?: number;
  name?: string;
}

/** The live loss chart for `layers` penalized layers, starting with `values`. */
export function liveLossSpec(layers: number, values: LivePoint[] = [], opts: LiveSpecOptions = {}): VegaLiteSpec {
  const theme = themeOf(opts);
  const stackNames = [DATA_LOSS_LABEL, ...Array.from({ length: Math.max(0, layers) }, (_, k) => liveLayerName(k))];
  const domain = [...stackNames, TEST_LOSS_LABEL];
  const range = [...stackNames.map((_, k) => seriesColor(theme, k)), theme.foreground];
  const color = { field: 'series', type: 'nominal' as const, scale: { domain, range }, legend: bottomLegend(domain.length) };
  const x = {
    field: 'epoch',
    type: 'quantitative' as const,
    title: 'epoch',
    scale: finite(opts.epochs) && opts.epochs > 1 ? { domain: [0, opts.epochs], nice: false } : { zero: false, nice: false },
    axis: { format: 'd' },
  };
  const tooltip = [{ field: 'epoch', type: 'quantitative' as const }, { field: 'series', type: 'nominal' as const }, { field: 'value', type: 'quantitative' as const, format: '.4~g' }];
  return {
    ...chartFrame(opts.name, opts, theme, 'Loss (live)', 'stacked: data loss + each layer’s penalty; dashed: test loss'),
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
