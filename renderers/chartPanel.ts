// A titled chart with its controls (segmented buttons such as linear/log), its export
// buttons, and the lifecycle of its vega view: draw, redraw on a control change, a theme
// change or a resize, report what it drew, dispose.

import type { ChartTheme } from '../src/core/charts/theme';
import type { VegaLiteSpec } from '../src/core/charts/specs';
import { button, clear, el, safeFileName } from './dom';
import { sceneStats, type SceneStats } from './sceneStats';
import { drawSpec, type View } from './vegaView';
import type { ChartReport, FromRenderer } from '../src/core/protocol/notebookRenderer';

export interface SegmentedControl {
  id: string;
  label?: string;
  options: { value: string; label: string; title?: string }[];
  value: string;
}

export interface PanelHost {
  theme(): ChartTheme;
  /** Plot width for charts that follow the output's width. */
  width(): number;
  /** Renderer messaging; undefined when the notebook has none (no export buttons then). */
  post?: (message: FromRenderer) => void;
}

export interface BuildContext {
  theme: ChartTheme;
  width: number;
  state: Record<string, string>;
}

export interface ChartPanelOptions {
  id: string;
  title: string;
  /** Base of exported file names (a cell name, say): made safe, then `-<id>.svg|png`. */
  fileBase: string;
  controls?: SegmentedControl[];
  build(ctx: BuildContext): VegaLiteSpec;
  host: PanelHost;
  /** Called with each new view once drawn (the live view feeds it its rows). */
  onView?(view: View): void;
  /** Called after a redraw the panel started itself (a control change). */
  onRedraw?(): void;
  /**
   * Runs a redraw the panel starts itself; the live view queues it behind the updates
   * it is applying, so a rebuilt view holds every row. Default: at once.
   */
  schedule?(draw: () => Promise<unknown>): Promise<unknown>;
}

export class ChartPanel {
  readonly element: HTMLElement;
  private readonly chart: HTMLElement;
  private readonly state: Record<string, string> = {};
  private readonly buttons = new Map<string, HTMLButtonElement[]>();
  private view: View | undefined;
  private stats: SceneStats = { marks: 0, legend: [], byType: {} };
  private generation = 0;
  private disposed = false;

  constructor(private readonly opts: ChartPanelOptions) {
    for (const c of opts.controls ?? []) this.state[c.id] = c.value;
    // The chart draws its own title (exported images keep it): the bar has the controls.
    const bar = el('div', { cls: 'regnb-panel-bar' }, [this.controlsElement(), this.exportsElement()]);
    this.chart = el('div', { cls: 'regnb-chart', attrs: { 'data-chart': opts.id } });
    this.element = el('section', { cls: 'regnb-panel', attrs: { 'data-chart-id': opts.id, 'aria-label': opts.title } }, [bar, this.chart]);
  }

  get id(): string {
    return this.opts.id;
  }

  /** The view on screen (undefined before the first draw or after a failed one). */
  get current(): View | undefined {
    return this.view;
  }

  report(): ChartReport {
    return { id: this.opts.id, marks: this.stats.marks, legend: [...this.stats.legend] };
  }

  /** (Re)draws the chart; a newer call wins over an older one still drawing. */
  async render(): Promise<ChartReport> {
    const generation = ++this.generation;
    const target = el('div');
    let drawn: Awaited<ReturnType<typeof drawSpec>> | undefined;
    let error: unknown;
    try {
      const spec = this.opts.build({ theme: this.opts.host.theme(), width: this.opts.host.width(), state: { ...this.state } });
      drawn = await drawSpec(spec, target);
    } catch (e) {
      error = e;
    }
    if (this.disposed || generation !== this.generation) {
      drawn?.view.finalize();
      return this.report();
    }
    this.view?.finalize();
    this.view = drawn?.view;
    clear(this.chart);
    if (drawn) {
      this.chart.appendChild(target);
      this.stats = sceneStats(drawn.view.scenegraph());
      this.opts.onView?.(drawn.view);
    } else {
      this.stats = { marks: 0, legend: [], byType: {} };
      this.chart.appendChild(el('div', { cls: 'regnb-chart-error', text: `Could not draw this chart: ${error instanceof Error ? error.message : String(error)}` }));
    }
    return this.report();
  }

  /** Recounts the marks after the view's data changed (live charts). */
  refreshStats(): void {
    if (this.view) this.stats = sceneStats(this.view.scenegraph());
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.view?.finalize();
    this.view = undefined;
    this.element.remove();
  }

  private controlsElement(): HTMLElement | null {
    const controls = this.opts.controls ?? [];
    if (!controls.length) return null;
    return el(
      'div',
      { cls: 'regnb-controls' },
      controls.map((c) => {
        const group = el('div', { cls: 'regnb-segmented', attrs: { role: 'group', 'aria-label': c.label ?? c.id } });
        if (c.label) group.appendChild(el('span', { cls: 'regnb-segmented-label', text: c.label }));
        const buttons = c.options.map((o) => {
          const b = button(o.label, o.title ?? o.label, () => this.select(c.id, o.value));
          b.setAttribute('data-value', o.value);
          b.setAttribute('aria-pressed', String(o.value === c.value));
          group.appendChild(b);
          return b;
        });
        this.buttons.set(c.id, buttons);
        return group;
      }),
    );
  }

  private async select(control: string, value: string): Promise<void> {
    if (this.state[control] === value) return;
    this.state[control] = value;
    for (const b of this.buttons.get(control) ?? []) b.setAttribute('aria-pressed', String(b.getAttribute('data-value') === value));
    await (this.opts.schedule ? this.opts.schedule(() => this.render()) : this.render());
    this.opts.onRedraw?.();
  }

  private exportsElement(): HTMLElement | null {
    const post = this.opts.host.post;
    if (!post) return null;
    const name = (format: string) => `${safeFileName(this.opts.fileBase)}-${safeFileName(this.opts.id)}.${format}`;
    const failed = (e: unknown) => this.flash(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    return el('div', { cls: 'regnb-exports' }, [
      button(
        'Export PNG',
        'Save this chart as a PNG image (2x)',
        async () => {
          if (!this.view) return;
          post({ type: 'save', format: 'png', fileName: name('png'), data: await this.view.toImageURL('png', 2) });
        },
        failed,
      ),
      button(
        'Export SVG',
        'Save this chart as an SVG image',
        async () => {
          if (!this.view) return;
          post({ type: 'save', format: 'svg', fileName: name('svg'), data: await this.view.toSVG() });
        },
        failed,
      ),
    ]);
  }

  private flash(message: string): void {
    const note = el('div', { cls: 'regnb-chart-error', text: message });
    this.element.appendChild(note);
    setTimeout(() => note.remove(), 6000);
  }
}
