// Which epochs the live chart shows, as epochs arrive: every `stride`-th epoch, the
// stride doubling whenever more than `maxEpochs` would be shown (the chart stays light
// for 10,000-epoch runs), plus the newest epoch as a "tail" so the chart always reaches
// the current epoch. Each update is a changeset: points to insert, epochs to remove.
// Pure: no DOM, no vega.

import { livePoints, type LivePoint } from '../src/core/charts/liveSpec';
import type { EpochRow } from '../src/core/run/epochRow';
import type { MetricName, ScoredOn } from '../src/core/run/result';
import { scoredOnOf } from '../src/core/run/scoredOn';
import { metricLabel } from '../src/core/charts/specs';
import { formatInteger, formatNumber } from './summary';

export interface LiveUpdate {
  insert: LivePoint[];
  /** Epochs whose points leave the chart (dropped by a wider stride, or an old tail). */
  remove: Set<number>;
  /** Whether every point goes (a reset). */
  removeAll: boolean;
}

export class LiveRows {
  private stride = 1;
  private first: number | undefined;
  /** Epochs on the chart (on the stride), in order. */
  private shown: number[] = [];
  private tail: number | undefined;
  private points = new Map<number, LivePoint[]>();
  private last: EpochRow | undefined;
  private names: string[] = [];
  private scored: ScoredOn = 'test';
  private started = false;

  constructor(private readonly maxEpochs = 500) {}

  /** The latest row received. */
  get latest(): EpochRow | undefined {
    return this.last;
  }

  /** The weighted layers' names (as the extension sent them), once a row came; undefined before. */
  get layers(): string[] | undefined {
    return this.started ? this.names : undefined;
  }

  /** What the rows' held-out loss and metric are scored on (as the extension sent it with the first rows). */
  get scoredOn(): ScoredOn {
    return this.scored;
  }

  /** Every point currently on the chart, in epoch order (to seed a rebuilt view). */
  values(): LivePoint[] {
    const epochs = [...this.shown, ...(this.tail !== undefined ? [this.tail] : [])];
    return epochs.flatMap((e) => this.points.get(e) ?? []).map((p) => ({ ...p }));
  }

  /** Number of epochs on the chart. */
  get size(): number {
    return this.shown.length + (this.tail !== undefined ? 1 : 0);
  }

  /** Forgets everything, then takes `rows` (the answer to a sync, or rows scored on other rows). */
  reset(rows: EpochRow[], layers: string[] = this.names, scoredOn: ScoredOn = this.scored): LiveUpdate {
    this.stride = 1;
    this.first = undefined;
    this.shown = [];
    this.tail = undefined;
    this.points.clear();
    this.last = undefined;
    this.started = false;
    const update = this.push(rows, layers, scoredOn);
    return { ...update, removeAll: true };
  }

  /** Takes new rows (epochs after the ones already seen); `layers` names the rows' layers, `scoredOn` what their held-out figures are on (both fixed by the first rows until a reset). */
  push(rows: EpochRow[], layers: string[] = this.names, scoredOn: ScoredOn = this.scored): LiveUpdate {
    const insert: LivePoint[] = [];
    const remove = new Set<number>();
    const added = new Set<number>();
    const valid = (Array.isArray(rows) ? rows : []).filter((r) => r && typeof r.epoch === 'number' && Number.isFinite(r.epoch) && (this.last === undefined || r.epoch > this.last.epoch));
    if (!valid.length) return { insert, remove, removeAll: false };
    if (!this.started) {
      this.names = Array.isArray(layers) ? layers.filter((l) => typeof l === 'string') : [];
      this.scored = scoredOnOf(scoredOn);
    }
    this.started = true;
    this.first ??= valid[0].epoch;

    const drop = (epoch: number) => {
      this.points.delete(epoch);
      if (added.has(epoch)) {
        added.delete(epoch);
        for (let i = insert.length - 1; i >= 0; i--) if (insert[i].epoch === epoch) insert.splice(i, 1);
      } else {
        remove.add(epoch);
      }
    };
    const add = (row: EpochRow) => {
      const pts = livePoints(row, this.names, this.scored);
      this.points.set(row.epoch, pts);
      added.add(row.epoch);
      insert.push(...pts.map((p) => ({ ...p })));
    };

    if (this.tail !== undefined) {
      drop(this.tail);
      this.tail = undefined;
    }
    for (const row of valid) {
      if (this.onStride(row.epoch)) {
        this.shown.push(row.epoch);
        add(row);
        while (this.shown.length > this.maxEpochs) {
          this.stride *= 2;
          const keep = this.shown.filter((e) => this.onStride(e));
          for (const e of this.shown) if (!this.onStride(e)) drop(e);
          this.shown = keep;
        }
      }
    }
    const newest = valid[valid.length - 1];
    if (!this.points.has(newest.epoch)) {
      this.tail = newest.epoch;
      add(newest);
    }
    this.last = newest;
    return { insert, remove, removeAll: false };
  }

  private onStride(epoch: number): boolean {
    return (epoch - (this.first ?? 0)) % this.stride === 0;
  }
}

/** "epoch 120 / 4,000 · loss 0.2345 · test accuracy 0.9123" (the metric named as in the final charts, on the rows it is scored on). */
export function statusLine(row: EpochRow | undefined, epochs: number, metric?: MetricName, scoredOn?: ScoredOn): string {
  const known = Number.isFinite(epochs) && epochs > 0;
  if (!row) return `waiting for the first epoch${known ? ` (of ${formatInteger(epochs)})` : ''}…`;
  return `epoch ${formatInteger(row.epoch)}${known ? ` / ${formatInteger(epochs)}` : ''} · loss ${formatNumber(row.totalLoss)} · ${scoredOnOf(scoredOn)} ${metric ? metricLabel(metric) : 'metric'} ${formatNumber(row.testMetric)}`;
}

/** "sweep: 6 of 18 points · best so far alpha 0.01 (test.accuracy 0.857 ± 0.012)" */
export function sweepLine(m: { done: number; planned: number; select: string; best: { alpha: number; mean: number; std: number } | null }): string {
  const count = `sweep: ${formatInteger(m.done)} of ${formatInteger(m.planned)} points`;
  if (!m.best) return count;
  return `${count} · best so far alpha ${m.best.alpha} (${m.select} ${formatNumber(m.best.mean)} ± ${formatNumber(m.best.std)})`;
}
