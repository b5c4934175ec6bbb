// What every view of an output gets from the renderer: the theme, renderer messaging
// (absent when the notebook has none), and the scaffold of an output: its root element
// with its one scoped <style>, sizing, and redraws on theme changes and resizes.

import { el, clear, styleElement } from './dom';
import { OUTPUT_CSS, ROOT_CLASS } from './styles';
import type { ThemeWatcher } from './theme';
import type { PanelHost } from './chartPanel';
import type { FromRenderer } from '../src/core/protocol/notebookRenderer';

/** Points per series on screen (a history may hold many more). */
export const DISPLAY_POINTS = 500;

export interface Disposable {
  dispose(): void;
}

export interface RenderEnv {
  theme: ThemeWatcher;
  post?: (message: FromRenderer) => void;
  onMessage?: (listener: (message: unknown) => void) => Disposable;
}

/** Width of a chart's plot area when the output is `outputWidth` pixels wide (axes and padding aside). */
export function plotWidth(outputWidth: number): number {
  if (!Number.isFinite(outputWidth) || outputWidth <= 0) return 480;
  return Math.round(Math.min(1100, Math.max(260, outputWidth - 120)));
}

/** Empties `element` and adds the output's root (class-scoped styles inside it). */
export function outputRoot(element: HTMLElement, kind: string): HTMLElement {
  clear(element);
  const root = el('div', { cls: `${ROOT_CLASS} regnb-${kind}` }, [styleElement(OUTPUT_CSS)]);
  element.appendChild(root);
  return root;
}

export function panelHost(root: HTMLElement, env: RenderEnv): PanelHost {
  return { theme: () => env.theme.current, width: () => plotWidth(root.clientWidth), post: env.post };
}

/**
 * Calls `redraw` when the theme changes, or when the root's width changes by more than
 * a few pixels (debounced). Returns what stops watching.
 */
export function watchRedraws(root: HTMLElement, env: RenderEnv, redraw: () => void): Disposable {
  const theme = env.theme.onChange(() => redraw());
  let width = root.clientWidth;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const resize =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(() => {
          const w = root.clientWidth;
          if (Math.abs(plotWidth(w) - plotWidth(width)) < 24) return;
          width = w;
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => redraw(), 200);
        });
  resize?.observe(root);
  return {
    dispose() {
      theme.dispose();
      resize?.disconnect();
      if (timer) clearTimeout(timer);
    },
  };
}
