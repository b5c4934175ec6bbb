// A run result (RUN_MIME): header, summary tables, then its charts: loss breakdown,
// weight norms, train vs test metric, and when the result has them the decision
// boundary, the final weight histograms, and the sweep charts (metric, regularization
// path, penalty share against alpha). Reports what it drew to the extension.

import type { RunResult } from '../src/core/run/result';
import { ChartPanel, type PanelHost } from './chartPanel';
import { el } from './dom';
import { outputRoot, panelHost, watchRedraws, type Disposable, type RenderEnv } from './env';
import { runPanels } from './runPanels';
import { runSummary, type RunSummary } from './summary';
import { themeKindOf } from './theme';
import { guidanceElement } from './guidanceView';

function headerElement(s: RunSummary, runId: string): HTMLElement[] {
  const h = s.header;
  const meta = [h.backend, h.duration, ...h.details].filter((x) => x && x !== '–').join(' · ');
  const out: HTMLElement[] = [
    el('div', { cls: 'regnb-header' }, [
      el('span', { cls: 'regnb-name', text: h.name }),
      el('span', { cls: `regnb-badge ${h.status}`, text: h.status, attrs: { 'data-status': h.status } }),
      el('span', { cls: 'regnb-meta', text: meta }),
      el('span', { cls: 'regnb-meta', text: runId, attrs: { title: 'run id' } }),
    ]),
  ];
  if (h.error !== null) out.push(el('div', { cls: `regnb-error ${h.status}`, text: h.error, attrs: { role: 'alert' } }));
  for (const note of s.notes) out.push(el('div', { cls: 'regnb-note', text: note }));
  return out;
}

function table(caption: string, head: string[], rows: { cells: string[]; cls?: string }[], textColumns: number[] = []): HTMLTableElement {
  return el('table', { cls: 'regnb-table' }, [
    el('caption', { text: caption }),
    el('thead', {}, [el('tr', {}, head.map((t) => el('th', { text: t, attrs: { scope: 'col' } })))]),
    el(
      'tbody',
      {},
      rows.map((r) => el('tr', { cls: r.cls }, r.cells.map((c, i) => el('td', { text: c, cls: textColumns.includes(i) ? 'text' : undefined })))),
    ),
  ]);
}

function summaryElement(s: RunSummary): HTMLElement {
  const scores = table(
    'Final scores',
    ['', 'train', 'test'],
    [...s.scores.map((r) => ({ cells: [r.label, r.train, r.test] })), { cells: ['penalty share', s.penaltyShareText, ''] }],
  );
  scores.setAttribute('data-table', 'scores');
  const children: HTMLElement[] = [scores];
  if (s.layers.length) {
    const layers = table(
      'Layers',
      ['layer', 'params', 'penalty', 'final L2', 'sparsity'],
      [...s.layers.map((l) => ({ cells: [l.type ? `${l.name} (${l.type})` : l.name, l.params, l.penalty, l.l2, l.sparsity] })), { cells: ['total', s.totalParamsText, '', '', ''], cls: 'total' }],
      [0, 2],
    );
    layers.setAttribute('data-table', 'layers');
    children.push(layers);
  }
  const wrap = el('div', { cls: 'regnb-tables' }, children);
  return s.gridBest ? el('div', {}, [wrap, el('div', { cls: 'regnb-note', text: `Sweep: ${s.gridBest}`, attrs: { 'data-grid-best': '' } })]) : wrap;
}

export class RunView implements Disposable {
  private readonly root: HTMLElement;
  private readonly panels: ChartPanel[];
  private readonly watch: Disposable;
  private disposed = false;

  constructor(
    private readonly result: RunResult,
    element: HTMLElement,
    private readonly env: RenderEnv,
  ) {
    this.root = outputRoot(element, 'run');
    const summary = runSummary(result);
    for (const node of headerElement(summary, String(result.runId ?? ''))) this.root.appendChild(node);
    this.root.appendChild(summaryElement(summary));
    const guidance = guidanceElement(result);
    if (guidance) this.root.appendChild(guidance);
    const host: PanelHost = panelHost(this.root, env);
    this.panels = runPanels(result).map((p) => new ChartPanel({ ...p, host, fileBase: summary.header.name, onRedraw: () => this.report() }));
    this.root.appendChild(el('div', { cls: 'regnb-charts' }, this.panels.map((p) => p.element)));
    this.watch = watchRedraws(this.root, env, () => void this.draw());
  }

  /** Draws every chart, then reports them. */
  async draw(): Promise<void> {
    await Promise.all(this.panels.map((p) => p.render()));
    this.report();
  }

  report(): void {
    if (this.disposed || typeof this.result.runId !== 'string') return;
    this.env.post?.({
      type: 'rendered',
      runId: this.result.runId,
      charts: this.panels.map((p) => p.report()),
      theme: themeKindOf(document.body?.classList ?? []),
      background: this.env.theme.current.background,
    });
  }

  dispose(): void {
    this.disposed = true;
    this.watch.dispose();
    for (const p of this.panels) p.dispose();
    this.root.remove();
  }
}
