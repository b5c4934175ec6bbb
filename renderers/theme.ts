// VS Code's theme, read from the CSS variables the notebook webview defines, as a
// ChartTheme for the chart builders; and a watcher that tells when it changes (the body's
// class vscode-light / vscode-dark / vscode-high-contrast, or the variables themselves).
// The pure part (themeFromCss) does not touch the DOM.

import { DARK_THEME, LIGHT_THEME, type ChartTheme } from '../src/core/charts/theme';

/** VS Code's chart colors, in the order of the default (Tableau) palette. */
export const CHART_COLOR_VARS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-red', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-yellow'];

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The theme kind from the body's classes, undefined when none is set. */
export function themeKindOf(classes: ArrayLike<string>): ThemeKind | undefined {
  const set = new Set(Array.from(classes));
  if (set.has('vscode-high-contrast-light')) return 'high-contrast-light';
  if (set.has('vscode-high-contrast')) return 'high-contrast';
  if (set.has('vscode-dark')) return 'dark';
  if (set.has('vscode-light')) return 'light';
  return undefined;
}

/** [r, g, b, a] of a #rgb(a), #rrggbb(aa) or rgb()/rgba() color (0..255, alpha 0..1); undefined for other forms. */
export function parseColor(color: string): [number, number, number, number] | undefined {
  const c = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(c);
  if (hex) {
    const h = hex[1];
    if (h.length === 3 || h.length === 4) {
      const [r, g, b, a] = [...h].map((d) => parseInt(d + d, 16));
      return [r, g, b, h.length === 4 ? a / 255 : 1];
    }
    if (h.length === 6 || h.length === 8) {
      const [r, g, b, a] = [0, 2, 4, 6].map((i) => parseInt(h.slice(i, i + 2) || 'ff', 16));
      return [r, g, b, a / 255];
    }
    return undefined;
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(c);
  if (!fn) return undefined;
  const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? Number(fn[4].slice(0, -1)) / 100 : Number(fn[4]);
  const out: [number, number, number, number] = [Number(fn[1]), Number(fn[2]), Number(fn[3]), alpha];
  return out.every(Number.isFinite) ? out : undefined;
}

/** Relative luminance (0..1) of a color; undefined when it cannot be parsed. */
export function luminance(color: string): number | undefined {
  const rgba = parseColor(color);
  if (!rgba) return undefined;
  const [r, g, b] = rgba.slice(0, 3).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `t` of the way from color `a` to color `b`, as #rrggbb (alpha ignored); undefined when either cannot be parsed. */
export function mixColors(a: string, b: string, t: number): string | undefined {
  const x = parseColor(a);
  const y = parseColor(b);
  if (!x || !y) return undefined;
  const hex = (k: number) => Math.round(x[k] + (y[k] - x[k]) * t).toString(16).padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/** Whether the page is dark: from the theme kind, else from the background's luminance. */
export function isDark(kind: ThemeKind | undefined, background: string): boolean {
  if (kind) return kind === 'dark' || kind === 'high-contrast';
  const l = luminance(background);
  return l !== undefined && l < 0.3;
}

/**
 * A ChartTheme from CSS variables (`get` returns a variable's value, '' when unset):
 * editor foreground and background, VS Code's chart colors then more of RegNB's own
 * (so 9+ series stay distinct), a grid color between the two, and the UI font.
 * Missing variables fall back to RegNB's light or dark theme.
 */
export function themeFromCss(get: (name: string) => string, kind?: ThemeKind): ChartTheme {
  const v = (name: string) => (get(name) ?? '').trim();
  const first = (...names: string[]) => names.map(v).find((x) => x !== '') ?? '';
  const background = first('--vscode-editor-background', '--vscode-notebook-editorBackground');
  const base = isDark(kind, background) ? DARK_THEME : LIGHT_THEME;
  const vsColors = CHART_COLOR_VARS.map(v);
  // After VS Code's six: teal, pink, brown, grey, mauve from RegNB's palette (9+ series stay apart).
  const extra = [3, 7, 8, 9, 6].map((i) => base.palette[i]).filter(Boolean);
  const palette = vsColors.some((c) => c !== '') ? [...vsColors.map((c, i) => c || base.palette[i]), ...extra] : base.palette;
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const foreground = first('--vscode-editor-foreground', '--vscode-foreground', '--vscode-charts-foreground') || base.foreground;
  return {
    foreground,
    background: background || base.background,
    // A quiet grid, mixed from the editor's colors (VS Code's chart line color is meant
    // for data lines and is loud as a grid); high contrast themes get a stronger one.
    grid: mixColors(background, foreground, highContrast ? 0.4 : 0.16) ?? (first('--vscode-charts-lines', '--vscode-editorWidget-border') || base.grid),
    palette,
    font: first('--vscode-font-family') || base.font,
  };
}

/** The theme of the current page. */
export function readTheme(): ChartTheme {
  const style = getComputedStyle(document.body ?? document.documentElement);
  return themeFromCss((name) => style.getPropertyValue(name), themeKindOf(document.body?.classList ?? []));
}

export function themeKey(theme: ChartTheme): string {
  return JSON.stringify(theme);
}

/** The current theme, and listeners told when it changes (one observer per renderer). */
export class ThemeWatcher {
  private theme: ChartTheme;
  private readonly listeners = new Set<(theme: ChartTheme) => void>();
  private observer: MutationObserver | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.theme = readTheme();
  }

  get current(): ChartTheme {
    return this.theme;
  }

  /** Whether the page is dark (tooltips and similar follow it). */
  get dark(): boolean {
    return isDark(themeKindOf(document.body?.classList ?? []), this.theme.background);
  }

  onChange(listener: (theme: ChartTheme) => void): { dispose(): void } {
    this.listeners.add(listener);
    this.start();
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private start(): void {
    if (this.observer || typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver(() => this.schedule());
    if (document.body) this.observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    // VS Code sets the theme's variables on the root element's style.
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    // The class and the variables change in separate steps: read them once both are in.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const next = readTheme();
      if (themeKey(next) === themeKey(this.theme)) return;
      this.theme = next;
      for (const l of [...this.listeners]) l(next);
    }, 60);
  }
}
