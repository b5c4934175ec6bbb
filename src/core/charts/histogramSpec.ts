// Histograms of each layer's final penalized weights, one panel per layer: L2 pulls the
// weights towards 0, L1 piles them up at exactly 0. Pure (browser and Node).

import type { RunResult, WeightHistogram } from '../run/result';
import type { VegaLiteSpec } from './specs';
import { chartFrame, finite, layerNamesOf, seriesColor, themeOf, type ChartOptions } from './specKit';

export interface HistogramBar {
  layer: string;
  /** The layer's panel title: its name and its share of near-zero weights. */
  panel: string;
  lo: number;
  hi: number;
  count: number;
  share: number;
}

export interface HistogramOptions extends ChartOptions {
  /** Count axis: linear, or log (symlog: a pile at 0 next to single weights). */
  countScale?: 'linear' | 'log';
}

/** Layers with a usable histogram, in layer order. */
export function histogramLayers(result: RunResult): string[] {
  const weights = result.weights ?? {};
  const names = layerNamesOf(result);
  for (const k of Object.keys(weights)) if (!names.includes(k)) names.push(k);
  return names.filter((l) => validHistogram(Object.prototype.hasOwnProperty.call(weights, l) ? weights[l] : undefined));
}

export function panelTitle(layer: string, h: WeightHistogram): string {
  const pct = h.total > 0 ? (100 * h.nearZero) / h.total : 0;
  return `${layer} · ${h.total} weights · ${pct < 10 && pct > 0 ? pct.toFixed(1) : pct.toFixed(0)}% near 0`;
}

/** The bars of every layer's histogram. */
export function histogramBars(result: RunResult): HistogramBar[] {
  const bars: HistogramBar[] = [];
  for (const layer of histogramLayers(result)) {
    const h = result.weights![layer];
    const panel = panelTitle(layer, h);
    const total = h.counts.reduce((a, b) => a + (finite(b) ? b : 0), 0) || 1;
    h.counts.forEach((count, i) => {
      if (finite(count) && finite(h.edges[i]) && finite(h.edges[i + 1])) bars.push({ layer, panel, lo: h.edges[i], hi: h.edges[i + 1], count, share: count / total });
    });
  }
  return bars;
}

/** One histogram per layer (small multiples, each with its own x range). */
export function weightHistogramSpec(result: RunResult, opts: HistogramOptions = {}): VegaLiteSpec {
  const theme = themeOf(opts);
  const layers = histogramLayers(result);
  const all = layerNamesOf(result);
  const bars = histogramBars(result);
  const panels = layers.map((l) => panelTitle(l, result.weights![l]));
  const columns = layers.length > 1 ? 2 : 1;
  const totalWidth = typeof opts.width === 'number' ? opts.width : 480;
  const width = Math.max(140, Math.floor(totalWidth / columns) - (columns > 1 ? 30 : 0));
  const log = opts.countScale === 'log';
  const frame = chartFrame(result.name, opts, theme, 'Final weights', `histogram of each layer’s penalized weights${log ? ' (log count)' : ''}`);
  const { width: _w, height: _h, ...top } = frame;
  return {
    ...top,
    data: { values: bars },
    facet: { field: 'panel', type: 'nominal', title: null, sort: panels, header: { labelColor: theme.foreground, labelFont: theme.font, labelFontSize: 11, labelLimit: 0 } },
    columns,
    spec: {
      width,
      height: opts.height ? Math.max(80, Math.floor(opts.height / Math.ceil(layers.length / columns))) : 130,
      mark: { type: 'rect', stroke: theme.background, strokeWidth: 0.5 },
      encoding: {
        x: { field: 'lo', type: 'quantitative', title: 'weight', scale: { zero: false, nice: false } },
        x2: { field: 'hi' },
        y: { field: 'count', type: 'quantitative', title: log ? 'count (log)' : 'count', scale: log ? { type: 'symlog' } : { type: 'linear', zero: true } },
        fill: { field: 'layer', type: 'nominal', legend: null, scale: { domain: layers, range: layers.map((l) => seriesColor(theme, all.indexOf(l) + 1)) } },
        tooltip: [
          { field: 'layer', type: 'nominal' },
          { field: 'lo', type: 'quantitative', title: 'from', format: '.3~g' },
          { field: 'hi', type: 'quantitative', title: 'to', format: '.3~g' },
          { field: 'count', type: 'quantitative' },
          { field: 'share', type: 'quantitative', format: '.1%' },
        ],
      },
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as VegaLiteSpec;
}

function validHistogram(h: WeightHistogram | undefined): h is WeightHistogram {
  return !!h && Array.isArray(h.edges) && Array.isArray(h.counts) && h.counts.length > 0 && h.edges.length === h.counts.length + 1;
}
