// The RegNB notebook renderer (package.json contributes.notebookRenderer, bundled to
// dist/renderer.js): draws run results, live training progress and comparisons. It only
// draws; training happens in the extension. Renderer messaging is optional: without it
// there are no export buttons and no live updates.

import type { ActivationFunction, OutputItem, RendererContext } from 'vscode-notebook-renderer';
import type { RunResult } from '../src/core/run/result';
import { COMPARE_MIME, PROGRESS_MIME, RUN_MIME, type FromRenderer, type ProgressData } from '../src/core/protocol/notebookRenderer';
import { el } from './dom';
import { outputRoot, type Disposable, type RenderEnv } from './env';
import { ThemeWatcher } from './theme';
import { RunView } from './runView';
import { LiveView } from './liveView';
import { CompareView, comparedRuns } from './compareView';
import { removeTooltip } from './vegaView';

function envOf(ctx: RendererContext<unknown>, theme: ThemeWatcher): RenderEnv {
  return {
    theme,
    post: ctx.postMessage ? (message: FromRenderer) => ctx.postMessage!(message) : undefined,
    onMessage: ctx.onDidReceiveMessage ? (listener) => ctx.onDidReceiveMessage!(listener) : undefined,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A view of one output item, drawn; throws on data it cannot show. */
async function viewOf(item: OutputItem, element: HTMLElement, env: RenderEnv): Promise<Disposable> {
  const data: unknown = item.json();
  switch (item.mime) {
    case RUN_MIME: {
      if (!isObject(data) || typeof data.name !== 'string' || !isObject(data.final)) throw new Error('not a RegNB run result');
      const view = new RunView(data as unknown as RunResult, element, env);
      await view.draw();
      return view;
    }
    case PROGRESS_MIME: {
      if (!isObject(data) || typeof data.liveKey !== 'string') throw new Error('not a RegNB progress output');
      return new LiveView(data as unknown as ProgressData, element, env);
    }
    case COMPARE_MIME: {
      const view = new CompareView(comparedRuns(data), element, env);
      await view.draw();
      return view;
    }
    default:
      throw new Error(`unknown output type ${item.mime}`);
  }
}

function showError(element: HTMLElement, e: unknown): Disposable {
  const root = outputRoot(element, 'error');
  root.appendChild(el('div', { cls: 'regnb-error failed', text: `RegNB cannot show this output: ${e instanceof Error ? e.message : String(e)}` }));
  return { dispose: () => root.remove() };
}

export const activate: ActivationFunction = (ctx) => {
  const theme = new ThemeWatcher();
  const env = envOf(ctx, theme);
  const outputs = new Map<string, Disposable>();

  const disposeOne = (id: string) => {
    outputs.get(id)?.dispose();
    outputs.delete(id);
  };

  return {
    async renderOutputItem(item, element, signal) {
      disposeOne(item.id);
      if (signal?.aborted) return;
      // Claim the slot first: a dispose while drawing finds this view.
      const pending: { view?: Disposable; disposed: boolean } = { disposed: false };
      const slot: Disposable = {
        dispose() {
          pending.disposed = true;
          pending.view?.dispose();
        },
      };
      outputs.set(item.id, slot);
      let view: Disposable;
      try {
        view = await viewOf(item, element, env);
      } catch (e) {
        view = showError(element, e);
      }
      pending.view = view;
      if (pending.disposed) view.dispose();
    },

    disposeOutputItem(id) {
      if (id !== undefined) {
        disposeOne(id);
      } else {
        for (const key of [...outputs.keys()]) disposeOne(key);
      }
      if (outputs.size === 0) removeTooltip();
    },
  };
};
