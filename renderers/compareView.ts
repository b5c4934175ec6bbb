// A comparison (COMPARE_MIME: {runs}): the runs' final scores in a table, and charts that
// overlay them, one line per run (legend: run name and short id): test loss, total
// penalty, sum of the layers' L2 norms, test metric.

import type { RunResult } from '../src/core/run/result';
import { compareRows, compareSpec, type CompareKind } from '../src/core/charts/compareSpecs';
import { ChartPanel } from './chartPanel';
import { el } from './dom';
import { DISPLAY_POINTS, outputRoot, panelHost, watchRedraws, type Disposable, type RenderEnv } from './env';
import { COMPARE_COLUMNS, compareTableRows } from './summary';
import { SCALE_CONTROL } from '../src/core/charts/catalogue';


const PANELS: { kind: CompareKind; title: string; log: boolean }[] = [
  { kind: 'testLoss', title: 'Test loss', log: true },
  { kind: 'penalty', title: 'Total penalty', log: true },
  { kind: 'norms', title: 'Sum of layer L2 norms', log: true },
  { kind: 'testMetric', title: 'Test metric', log: false },
];

/** The runs of a comparison's data (tolerates a bare array). */
export function comparedRuns(data: unknown): RunResult[] {
  const runs = Array.isArray(data) ? data : (data as { runs?: unknown } | null)?.runs;
  return Array.isArray(runs) ? runs.filter((r): r is RunResult => !!r && typeof r === 'object') : [];
}

export class CompareView implements Disposable {
  private readonly root: HTMLElement;
  private readonly panels: ChartPanel[];
  private readonly watch: Disposable;
  private disposed = false;

  constructor(
    private readonly runs: RunResult[],
    element: HTMLElement,
    private readonly env: RenderEnv,
  ) {
    this.root = outputRoot(element, 'compare');
    this.root.appendChild(el('div', { cls: 'regnb-header' }, [el('span', { cls: 'regnb-name', text: `Comparison of ${runs.length} run${runs.length === 1 ? '' : 's'}` })]));
    const rows = compareTableRows(runs);
    const table = el('table', { cls: 'regnb-table', attrs: { 'data-table': 'compare' } }, [
      el('caption', { text: 'Final scores' }),
      el('thead', {}, [el('tr', {}, COMPARE_COLUMNS.map((c) => el('th', { text: c.title, attrs: { scope: 'col' } })))]),
      el(
        'tbody',
        {},
        rows.map((r) => el('tr', {}, COMPARE_COLUMNS.map((c, i) => el('td', { text: r[c.key], cls: i <= 1 ? 'text' : undefined })))),
      ),
    ]);
    this.root.appendChild(el('div', { cls: 'regnb-tables' }, [table]));
    const host = panelHost(this.root, env);
    this.panels = PANELS.filter((p) => compareRows(runs, p.kind, 2).length > 0).map(
      (p) =>
        new ChartPanel({
          id: `compare-${p.kind}`,
          title: p.title,
          fileBase: 'comparison',
          controls: p.log ? [SCALE_CONTROL] : [],
          host,
          build: ({ theme, width, state }) => compareSpec(runs, p.kind, { theme, width, maxPoints: DISPLAY_POINTS, scale: state.scale === 'log' ? 'log' : 'linear' }),
          onRedraw: () => this.report(),
        }),
    );
    this.root.appendChild(el('div', { cls: 'regnb-charts' }, this.panels.map((p) => p.element)));
    this.watch = watchRedraws(this.root, env, () => void this.draw());
  }

  async draw(): Promise<void> {
    await Promise.all(this.panels.map((p) => p.render()));
    this.report();
  }

  /** Reported under "compare:" and the run ids. */
  report(): void {
    if (this.disposed) return;
    const runId = `compare:${this.runs.map((r) => String(r.runId)).join(',')}`;
    this.env.post?.({ type: 'rendered', runId, charts: this.panels.map((p) => p.report()) });
  }

  dispose(): void {
    this.disposed = true;
    this.watch.dispose();
    for (const p of this.panels) p.dispose();
    this.root.remove();
  }
}
