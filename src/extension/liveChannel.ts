// Live training progress for the renderer, over renderer messaging: the extension
// posts only the epochs added since the last post (the first at once, then at most
// every `liveUpdateMs`), and a renderer that (re)draws asks for everything so far with
// a 'sync' message. What goes in each message is LiveRowsBuffer's (pure) business; this
// adds the timers and the messaging.

import * as vscode from 'vscode';
import type { EpochRow } from '../core/engine/trainer';
import type { GridResult, MetricName, ScoredOn } from '../core/run/result';
import { RENDERER_ID, type FromRenderer, type LiveSweepMessage, type ToRenderer } from '../core/protocol/notebookRenderer';
import { LiveRowsBuffer } from '../core/protocol/liveRowsBuffer';

interface LiveRun {
  name: string;
  buffer: LiveRowsBuffer;
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
    this.runs.set(key, { name, buffer: new LiveRowsBuffer(key, epochs), timer: undefined });
    this.activity.fire({ type: 'start', liveKey: key, name });
  }

  /** Training started: the weighted layers' names (in the rows' order) and the run's metric. */
  started(key: string, layers: string[], metric: MetricName): void {
    this.runs.get(key)?.buffer.started(layers, metric);
  }

  /** Rows of one model; `scoredOn` says what their held-out loss and metric are on (absent: the test set). */
  rows(key: string, rows: EpochRow[], scoredOn?: ScoredOn): void {
    const run = this.runs.get(key);
    if (!run) return;
    const reset = run.buffer.take(rows, scoredOn);
    if (reset) {
      if (run.timer) clearTimeout(run.timer);
      run.timer = undefined;
      void this.postMessage(reset);
      return;
    }
    // A run's first rows go at once, so its chart appears as soon as there is a point to draw.
    run.timer ??= setTimeout(() => this.post(key), run.buffer.anyPosted ? this.intervalMs() : 0);
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
    const fresh = run.buffer.fresh();
    if (fresh) void this.postMessage(fresh);
  }

  private sync(key: string, editor: vscode.NotebookEditor): void {
    const run = this.runs.get(key);
    if (!run) return;
    void this.postMessage(run.buffer.all(), editor);
    if (run.sweep) void this.postMessage(run.sweep, editor);
  }

  /** Every message to the renderer goes through here, typed by the protocol. */
  private postMessage(message: ToRenderer, editor?: vscode.NotebookEditor): Thenable<boolean> {
    const sent = this.messaging.postMessage(message, editor);
    this.activity.fire({ type: 'posted', liveKey: message.liveKey, message: message.type, rows: 'rows' in message ? message.rows.length : 0 });
    return sent;
  }
}
