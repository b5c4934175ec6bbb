// A running cell (PROGRESS_MIME: {liveKey, name, epochs}): asks the extension for the
// epochs so far ('sync'), then grows the catalogue's live charts (loss breakdown and
// weight norms, named as in the final output) with vega changesets as 'rows' messages
// arrive (the views are not rebuilt per update), with a progress bar and a line
// "epoch N / M · loss · test accuracy" ("validation accuracy" while a validated sweep
// point trains: its held-out rows are training rows); for a sweep, a line of points done
// and the best alpha so far ('sweep' messages).

import { changeset } from 'vega';
import { LIVE_DATA } from '../src/core/charts/liveSpec';
import { liveCharts } from '../src/core/charts/catalogue';
import type { MetricName } from '../src/core/run/result';
import { ChartPanel } from './chartPanel';
import { el } from './dom';
import { outputRoot, panelHost, watchRedraws, type Disposable, type RenderEnv } from './env';
import { LiveRows, statusLine, sweepLine, type LiveUpdate } from './liveRows';
import { isLiveRowsMessage, isLiveSweepMessage, type LiveRowsMessage, type ProgressData } from '../src/core/protocol/notebookRenderer';

export const LIVE_MAX_EPOCHS = 500;

export class LiveView implements Disposable {
  private readonly root: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly line: HTMLElement;
  private readonly sweep: HTMLElement;
  private readonly charts: HTMLElement;
  private readonly rows = new LiveRows(LIVE_MAX_EPOCHS);
  private readonly subscriptions: Disposable[] = [];
  private panels: ChartPanel[] = [];
  /** The layer names and held-out rows the panels were built for. */
  private panelKey: string | undefined;
  private metric: MetricName | undefined;
  private drawing: Promise<unknown> = Promise.resolve();
  private epochs: number;
  private disposed = false;

  constructor(
    private readonly data: ProgressData,
    element: HTMLElement,
    private readonly env: RenderEnv,
  ) {
    this.epochs = Number(data.epochs);
    this.root = outputRoot(element, 'live');
    this.bar = el('div');
    this.line = el('span', { cls: 'regnb-status-line' });
    this.sweep = el('div', { cls: 'regnb-status-line regnb-sweep-line' });
    this.charts = el('div', { cls: 'regnb-charts' });
    this.root.appendChild(
      el('div', { cls: 'regnb-header' }, [el('span', { cls: 'regnb-name', text: typeof data.name === 'string' ? data.name : '' }), el('span', { cls: 'regnb-badge cancelled', text: 'training' }), this.line]),
    );
    this.root.appendChild(
      el('div', { cls: 'regnb-progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(Number.isFinite(this.epochs) ? this.epochs : 0), 'aria-valuenow': '0' } }, [this.bar]),
    );
    this.root.appendChild(this.sweep);
    this.root.appendChild(this.charts);
    this.showStatus();

    if (!env.onMessage || !env.post) {
      this.line.textContent = 'training… (live progress needs renderer messaging)';
      return;
    }
    this.subscriptions.push(env.onMessage((m) => this.onMessage(m)));
    this.subscriptions.push(watchRedraws(this.root, env, () => void this.redraw()));
    env.post({ type: 'sync', liveKey: data.liveKey });
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.subscriptions) s.dispose();
    for (const p of this.panels) p.dispose();
    this.root.remove();
  }

  private onMessage(m: unknown): void {
    if (this.disposed) return;
    if (isLiveSweepMessage(m) && m.liveKey === this.data.liveKey) this.sweep.textContent = sweepLine(m);
    else if (isLiveRowsMessage(m) && m.liveKey === this.data.liveKey) this.apply(m);
  }

  private apply(m: LiveRowsMessage): void {
    // Messages and redraws run one after the other, so a rebuilt chart holds exactly
    // the rows taken so far and later changesets apply to it.
    this.drawing = this.drawing.then(() => this.take(m)).catch(() => undefined);
  }

  private async take(m: LiveRowsMessage): Promise<void> {
    if (this.disposed) return;
    if (Number.isFinite(m.epochs) && m.epochs > 0) this.epochs = m.epochs;
    if (m.metric === 'accuracy' || m.metric === 'r2') this.metric = m.metric;
    const layers = Array.isArray(m.layers) ? m.layers : [];
    const update = m.type === 'reset' ? this.rows.reset(m.rows, layers, m.scoredOn) : this.rows.push(m.rows, layers, m.scoredOn);
    this.showStatus();
    await this.toChart(update);
  }

  private async toChart(update: LiveUpdate): Promise<void> {
    if (this.disposed) return;
    const layers = this.rows.layers;
    if (layers === undefined) return;
    const scoredOn = this.rows.scoredOn;
    const key = JSON.stringify([layers, scoredOn]);
    if (this.panelKey !== key) {
      // The first rows name the layers and the held-out rows: the charts start with everything so far.
      for (const p of this.panels) p.dispose();
      this.panelKey = key;
      const host = panelHost(this.root, this.env);
      const run = { layers, metric: this.metric, epochs: this.epochs, name: typeof this.data.name === 'string' ? this.data.name : undefined, scoredOn };
      this.panels = liveCharts().map(
        (kind) =>
          new ChartPanel({
            id: `live-${kind.id}`,
            title: kind.title({ metric: this.metric ?? 'accuracy' }),
            fileBase: typeof this.data.name === 'string' ? this.data.name : 'live',
            controls: kind.live!.controls,
            host,
            schedule: (draw) => (this.drawing = this.drawing.then(draw).catch(() => undefined)),
            build: ({ theme, width, state }) => kind.live!.build({ ...run, epochs: this.epochs }, this.rows.values(), { theme, width, state }),
          }),
      );
      for (const p of this.panels) this.charts.appendChild(p.element);
      const reports = await Promise.all(this.panels.map((p) => p.render()));
      // Reported under the live key (tests read what a running cell drew).
      this.env.post?.({ type: 'rendered', runId: this.data.liveKey, charts: reports });
      return;
    }
    const cs = () => {
      const c = changeset();
      if (update.removeAll) c.remove(() => true);
      else if (update.remove.size) c.remove((d: { epoch: number }) => update.remove.has(d.epoch));
      return c.insert(update.insert);
    };
    await Promise.all(this.panels.map((p) => p.current?.change(LIVE_DATA, cs()).runAsync()));
  }

  private redraw(): Promise<unknown> {
    this.drawing = this.drawing.then(() => Promise.all(this.panels.map((p) => p.render()))).catch(() => undefined);
    return this.drawing;
  }

  private showStatus(): void {
    const latest = this.rows.latest;
    const done = latest && Number.isFinite(this.epochs) && this.epochs > 0 ? Math.min(1, latest.epoch / this.epochs) : 0;
    this.bar.style.width = `${(100 * done).toFixed(1)}%`;
    this.bar.parentElement?.setAttribute('aria-valuenow', String(latest?.epoch ?? 0));
    this.line.textContent = statusLine(latest, this.epochs, this.metric, this.rows.scoredOn);
  }
}
