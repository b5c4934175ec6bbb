// Small helpers shared by the chart builders added beside specs.ts (boundary, weight
// histograms, regularization path, comparisons). Pure, browser and Node. As in specs.ts,
// names from results (cells, layers, classes) only ever appear as data values or plain
// text, never as field names or HTML.

import { DEFAULT_THEME, completeTheme, paletteColor, themeConfig, type ChartTheme } from './theme';
import { decadeTicks } from './logTicks';
export { decadeTicks };

export type NormKind = 'l2' | 'l1' | 'max' | 'sparsity';

export interface ChartOptions {
  theme?: Partial<ChartTheme>;
  scale?: 'linear' | 'log';
  normKind?: NormKind;
  /** Pixels, or 'container' to follow the element's width (renderer). */
  width?: number | 'container';
  height?: number;
  /** Points per series shown (default 512). */
  maxPoints?: number;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const DEFAULT_WIDTH = 480;
export const DEFAULT_HEIGHT = 260;

/** The top-level frame of a spec: schema, title and subtitle, size, background, theme config. */
export function chartFrame(name: string | undefined, opts: ChartOptions, theme: ChartTheme, title: string, subtitle: string, size: { width?: number; height?: number } = {}) {
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: name ? `${name} · ${subtitle}` : subtitle },
    width: opts.width ?? size.width ?? DEFAULT_WIDTH,
    height: opts.height ?? size.height ?? DEFAULT_HEIGHT,
    background: theme.background,
    config: themeConfig(theme),
  };
}

export function themeOf(opts: ChartOptions): ChartTheme {
  return completeTheme(opts.theme);
}

/** The palette color of slot `slot` (0: data loss / train, k + 1: the k-th layer, as in specs.ts). */
export function seriesColor(theme: ChartTheme, slot: number): string {
  return paletteColor(theme.palette.length ? theme : DEFAULT_THEME, slot);
}

/** A horizontal legend under the chart, without title, its symbols opaque. */
export function bottomLegend(entries: number, title: string | null = null) {
  return { title, orient: 'bottom' as const, direction: 'horizontal' as const, columns: Math.min(Math.max(entries, 1), 4), symbolOpacity: 1 };
}

export function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function epochAxis() {
  return { field: 'epoch', type: 'quantitative' as const, title: 'epoch', scale: { zero: false, nice: false }, axis: { format: 'd' } };
}

/** A log scale over the positive values, clamped (zeros drawn at the bottom edge). */
export function logScale(values: number[]) {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = positive.length ? Math.min(...positive) : 1e-3;
  const hi = positive.length ? Math.max(...positive) : 1;
  return { type: 'log' as const, domain: [lo, hi > lo ? hi : lo * 10], clamp: true, nice: false };
}


/** The alpha axis of sweep charts: log scale, one tick per decade. */
export function alphaAxis(alphas: number[]) {
  const decades = decadeTicks(alphas);
  return {
    field: 'alpha',
    type: 'quantitative' as const,
    title: 'alpha (penalty strength, log scale)',
    scale: { type: 'log' as const },
    axis: { format: '.0e', grid: true, ...(decades ? { values: decades } : {}) },
  };
}

export function formatAlpha(a: number): string {
  return a >= 0.01 && a < 1000 ? String(Number(a.toPrecision(3))) : a.toExponential(1).replace('.0e', 'e');
}

/** Layer names: the result's layers in order, then any others its history names. */
export function layerNamesOf(result: { layers?: { name: string }[]; history?: { penalty?: object; norms?: object } }): string[] {
  const names = (result.layers ?? []).map((l) => l.name);
  for (const key of [...Object.keys(result.history?.penalty ?? {}), ...Object.keys(result.history?.norms ?? {})]) {
    if (!names.includes(key)) names.push(key);
  }
  return names;
}
