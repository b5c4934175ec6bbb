// Chart colors and font. The notebook renderer passes VS Code's theme colors; the CLI
// uses the default light theme. Pure (browser and Node).

import type { Config } from 'vega-lite/build/config';

export interface ChartTheme {
  foreground: string;
  background: string;
  /** Grid lines and the view's frame. */
  grid: string;
  /** Category colors: the first is the data loss / train series, then one per layer. */
  palette: string[];
  /** A CSS font-family list. */
  font: string;
}

/** Fonts that headless rendering finds on most systems, ending with the generic family. */
export const DEFAULT_FONT = 'DejaVu Sans, Liberation Sans, Helvetica Neue, Helvetica, Arial, Noto Sans, sans-serif';

/** Tableau 10, as in vega's default category scheme. */
export const DEFAULT_PALETTE = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

export const LIGHT_THEME: ChartTheme = {
  foreground: '#1f2328',
  background: '#ffffff',
  grid: '#e4e6ea',
  palette: DEFAULT_PALETTE,
  font: DEFAULT_FONT,
};

export const DARK_THEME: ChartTheme = {
  foreground: '#cccccc',
  background: '#1e1e1e',
  grid: '#3c3c3c',
  palette: ['#5b9bd5', '#f5a54a', '#ef6f6c', '#7fc8c2', '#6cc070', '#f2d45c', '#c493b8', '#ffb3ba', '#b8937b', '#c9c2be'],
  font: DEFAULT_FONT,
};

export const DEFAULT_THEME = LIGHT_THEME;

/** Fills a partial theme (for example from CSS variables, some of which may be missing) with the defaults. */
export function completeTheme(partial: Partial<ChartTheme> | undefined, base: ChartTheme = DEFAULT_THEME): ChartTheme {
  const pick = (v: string | undefined, d: string) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : d);
  const palette = Array.isArray(partial?.palette) ? partial.palette.filter((c) => typeof c === 'string' && c.trim() !== '') : [];
  return {
    foreground: pick(partial?.foreground, base.foreground),
    background: pick(partial?.background, base.background),
    grid: pick(partial?.grid, base.grid),
    palette: palette.length ? palette : base.palette,
    font: pick(partial?.font, base.font),
  };
}

/** The palette color of slot `i`, cycling. */
export function paletteColor(theme: ChartTheme, i: number): string {
  return theme.palette[i % theme.palette.length];
}

/** Vega-Lite config for a theme. */
export function themeConfig(theme: ChartTheme): Config {
  const text = { labelColor: theme.foreground, titleColor: theme.foreground, labelFont: theme.font, titleFont: theme.font };
  return {
    background: theme.background,
    font: theme.font,
    padding: 8,
    view: { stroke: theme.grid },
    axis: { ...text, gridColor: theme.grid, domainColor: theme.foreground, tickColor: theme.foreground, labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
    legend: { ...text, labelFontSize: 11, titleFontSize: 11, symbolStrokeWidth: 2, labelLimit: 240 },
    title: { color: theme.foreground, subtitleColor: theme.foreground, font: theme.font, subtitleFont: theme.font, fontSize: 14, subtitleFontSize: 11, anchor: 'start', fontWeight: 'bold' },
    text: { color: theme.foreground, font: theme.font },
    range: { category: theme.palette },
  };
}
