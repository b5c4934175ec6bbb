// Live training progress for the renderer, over renderer messaging: the extension
// posts only the epochs added since the last post (the first at once, then at most
// every `liveUpdateMs`), and a renderer that (re)draws asks for everything so far with
// a 'sync' message.

import * as vscode from 'vscode';
import type { EpochRow } from '../core/engine/trainer';
import type { GridResult } from '../core/run/result';
import { RENDERER_ID } from './ids';

interface LiveRun {
  name: string;
  epochs: number;
  layers: string[];
  rows: EpochRow[];
  posted: number;
  timer: NodeJS.Timeout | undefined;
  /** The latest sweep progress, for a renderer that (re)draws. */
  sweep?: SweepProgress;
}

type SweepProgress = { type: 'sweep'; liveKey: string; done: number; planned: number; select: string; best: GridResult['best'] };

export type FromRenderer =
  | { type: 'sync'; liveKey: string }
  | {
      type: 'rendered';
      runId: string;
      charts: { id: string; marks: number; legend: string[] }[];
      /** The page's theme kind (body class vscode-light/-dark/-high-contrast[-light]); undefined when none is set. */
      theme?: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
      /** The charts' background colour (from the theme's editor background). */
      background?: string;
    }
  | { type: 'save'; format: 'svg' | 'png'; fileName: string; data: string };

/**
 * What the channel did, as it happened: a live run began, or a message left for the
 * renderer. The extension-host tests time the editor's first live update with it.
 */
export type LiveActivity =
  | { type: 'start'; liveKey: string; name: string }
  | { type: 'posted'; liveKey: string; message: 'rows' | 'reset' | 'sweep'; rows: number };

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
    this.runs.set(key, { name, epochs, layers: [], rows: [], posted: 0, timer: undefined });
    this.activity.fire({ type: 'start', liveKey: key, name });
  }

  layers(key: string, layers: string[]): void {
    const run = this.runs.get(key);
    if (run) run.layers = layers;
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
    void this.messaging.postMessage(run.sweep);
    this.activity.fire({ type: 'posted', liveKey: key, message: 'sweep', rows: 0 });
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
    if (!fresh.length) return;
    void this.messaging.postMessage({ type: 'rows', liveKey: key, epochs: run.epochs, rows: fresh });
    this.activity.fire({ type: 'posted', liveKey: key, message: 'rows', rows: fresh.length });
  }

  private sync(key: string, editor: vscode.NotebookEditor): void {
    const run = this.runs.get(key);
    if (!run) return;
    void this.messaging.postMessage({ type: 'reset', liveKey: key, epochs: run.epochs, rows: run.rows }, editor);
    this.activity.fire({ type: 'posted', liveKey: key, message: 'reset', rows: run.rows.length });
    if (run.sweep) void this.messaging.postMessage(run.sweep, editor);
  }
}
