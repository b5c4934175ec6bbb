// Live training progress for the renderer, over renderer messaging: the extension
// posts only the epochs added since the last post (the first at once, then at most
// every `liveUpdateMs`), and a renderer that (re)draws asks for everything so far with
// a 'sync' message.

import * as vscode from 'vscode';
import type { EpochRow } from '../core/engine/trainer';
import type { GridResult, MetricName } from '../core/run/result';
import { RENDERER_ID, type FromRenderer, type LiveRowsMessage, type LiveSweepMessage, type ToRenderer } from '../core/protocol/notebookRenderer';

interface LiveRun {
  name: string;
  epochs: number;
  layers: string[];
  metric: MetricName | undefined;
  rows: EpochRow[];
  posted: number;
  timer: NodeJS.Timeout | undefined;
  /** The latest sweep progress, for a renderer that (re)draws. */
  sweep?: LiveSweepMessage;
}

/**
 * What the channel did, as it happened: a live run began, or a message left for the
 * renderer. The extension-host tests time the editor's first live update with it.
 */
export type LiveActivity =
  | { type: 'start'; liveKey: string; name: string }
  | { type: 'posted'; liveKey: string; message: ToRenderer['type']; rows: number };

export class LiveChannel implements vscode.Disposable {
  private readonly messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  private readonly runs = new Map<string, LiveRun>();
  private readonly subscription: vscode.Disposable;
  private readonly activity = new vscode.EventEmitter<LiveActivity>();
  readonly onDidActivity = this.activity.event;

  constructor(
    private readonly intervalMs: () => number,
    onMessage: (m: FromRenderer, editor: vscode.NotebookEditor) => void,
  ) {
    this.subscription = this.messaging.onDidReceiveMessage(({ message, editor }) => {
      const m = message as FromRenderer;
      if (m.type === 'sync') this.sync(m.liveKey, editor);
      else onMessage(m, editor);
    });
  }

  start(key: string, name: string, epochs: number): void {
    this.runs.set(key, { name, epochs, layers: [], metric: undefined, rows: [], posted: 0, timer: undefined });
    this.activity.fire({ type: 'start', liveKey: key, name });
  }

  /** Training started: the weighted layers' names (in the rows' order) and the run's metric. */
  started(key: string, layers: string[], metric: MetricName): void {
    const run = this.runs.get(key);
    if (!run) return;
    run.layers = layers;
    run.metric = metric;
  }

  rows(key: string, rows: EpochRow[]): void {
    const run = this.runs.get(key);
    if (!run) return;
    run.rows.push(...rows);
    // A run's first rows go at once, so its chart appears as soon as there is a point to draw.
    run.timer ??= setTimeout(() => this.post(key), run.posted === 0 ? 0 : this.intervalMs());
  }

  /** A sweep's points so far (they arrive a chunk at a time, so no throttling is needed). */
  sweep(key: string, grid: GridResult, planned: number): void {
    const run = this.runs.get(key);
    if (!run) return;
    run.sweep = { type: 'sweep', liveKey: key, done: grid.runs.length, planned, select: grid.select ?? '', best: grid.best };
    void this.postMessage(run.sweep);
  }

  end(key: string): void {
    const run = this.runs.get(key);
    if (run?.timer) clearTimeout(run.timer);
    this.runs.delete(key);
  }

  dispose(): void {
    for (const key of [...this.runs.keys()]) this.end(key);
    this.subscription.dispose();
    this.activity.dispose();
  }

  private post(key: string): void {
    const run = this.runs.get(key);
    if (!run) return;
    run.timer = undefined;
    const fresh = run.rows.slice(run.posted);
    run.posted = run.rows.length;
    if (fresh.length) void this.postMessage(this.rowsMessage('rows', key, run, fresh));
  }

  private sync(key: string, editor: vscode.NotebookEditor): void {
    const run = this.runs.get(key);
    if (!run) return;
    void this.postMessage(this.rowsMessage('reset', key, run, run.rows), editor);
    if (run.sweep) void this.postMessage(run.sweep, editor);
  }

  private rowsMessage(type: LiveRowsMessage['type'], liveKey: string, run: LiveRun, rows: EpochRow[]): LiveRowsMessage {
    return { type, liveKey, epochs: run.epochs, rows, layers: run.layers, ...(run.metric ? { metric: run.metric } : {}) };
  }

  /** Every message to the renderer goes through here, typed by the protocol. */
  private postMessage(message: ToRenderer, editor?: vscode.NotebookEditor): Thenable<boolean> {
    const sent = this.messaging.postMessage(message, editor);
    this.activity.fire({ type: 'posted', liveKey: message.liveKey, message: message.type, rows: 'rows' in message ? message.rows.length : 0 });
    return sent;
  }
}
