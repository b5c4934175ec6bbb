// The rows of one running cell on their way to the renderer: the extension's live
// channel holds one per cell, posts the rows added since its last post, and answers a
// renderer's 'sync' with all of them. Rows scored on other rows than the ones before (a
// sweep's refit model, scored on the test set, after its validation points) replace
// them and go at once as a 'reset', so that no message mixes validation and test
// figures and the live charts start afresh under the right names. Pure: the channel
// (src/extension/liveChannel.ts) only adds timers and renderer messaging.

import type { EpochRow } from '../run/epochRow';
import type { MetricName, ScoredOn } from '../run/result';
import { scoredOnOf } from '../run/scoredOn';
import { liveRowsMessage, type LiveRowsMessage } from './notebookRenderer';

export class LiveRowsBuffer {
  private layers: string[] = [];
  private metric: MetricName | undefined;
  /** What `rows` are scored on; undefined before the first rows. */
  private scoredOn: ScoredOn | undefined;
  private rows: EpochRow[] = [];
  private posted = 0;

  constructor(
    readonly liveKey: string,
    readonly epochs: number,
  ) {}

  /** Whether any rows were handed out yet (the first ones go at once). */
  get anyPosted(): boolean {
    return this.posted > 0;
  }

  /** Training started: the weighted layers' names (in the rows' order) and the run's metric. */
  started(layers: string[], metric: MetricName): void {
    this.layers = layers;
    this.metric = metric;
  }

  /**
   * Takes rows of one model; `scoredOn` says what their held-out loss and metric are on
   * (absent: the test set). Rows of the same kind as before wait for `fresh()`
   * (undefined is returned); rows of another kind replace everything, returned as the
   * 'reset' message to post now.
   */
  take(rows: EpochRow[], scoredOn?: ScoredOn): LiveRowsMessage | undefined {
    const on = scoredOnOf(scoredOn);
    if (this.scoredOn !== undefined && this.scoredOn !== on) {
      this.scoredOn = on;
      this.rows = [...rows];
      this.posted = this.rows.length;
      return this.message('reset', this.rows);
    }
    this.scoredOn = on;
    this.rows.push(...rows);
    return undefined;
  }

  /** The rows not handed out yet, as a 'rows' message (undefined when there are none); they count as posted. */
  fresh(): LiveRowsMessage | undefined {
    const rows = this.rows.slice(this.posted);
    this.posted = this.rows.length;
    return rows.length ? this.message('rows', rows) : undefined;
  }

  /** Every row so far, as a 'reset' message (the answer to a renderer's 'sync'). */
  all(): LiveRowsMessage {
    return this.message('reset', this.rows);
  }

  private message(type: LiveRowsMessage['type'], rows: EpochRow[]): LiveRowsMessage {
    return liveRowsMessage(type, this.liveKey, { epochs: this.epochs, layers: this.layers, metric: this.metric, scoredOn: this.scoredOn }, rows);
  }
}
