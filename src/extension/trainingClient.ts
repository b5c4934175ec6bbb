// The extension host's side of the training worker: starts it on first use, sends
// jobs through a JobClient (src/worker/jobClient.ts, which routes events back to the
// job that asked), and restarts it when the backend or sweep-thread setting changes
// (once the running jobs are done).

import * as path from 'path';
import type { Settings } from './settings';
import type { RunEvent } from '../core/runner/runExperiment';
import type { CompletedSpec } from '../core/experiment/experiment';
import type { BackendName, RunResult } from '../core/run/result';
import type { Limits } from '../core/limits/limits';
import { JobClient, type JobReply } from '../worker/jobClient';
import type { FromWorker, ToWorker, WorkerInit } from '../worker/protocol';

type WorkerClient = JobClient<ToWorker, FromWorker, BackendName, RunEvent, RunResult>;

function readReply(m: FromWorker): JobReply<BackendName, RunEvent, RunResult> {
  switch (m.type) {
    case 'ready':
      return { kind: 'ready', value: m.backend };
    case 'event':
      return { kind: 'progress', job: m.job, value: m.event };
    case 'result':
      return { kind: 'done', job: m.job, value: m.result };
    case 'error':
      return { kind: 'failed', job: m.job, message: m.message };
  }
}

export class TrainingClient {
  private client: WorkerClient | undefined;

  /** The worker runs on settings that changed since it started: replace it when idle. */
  private stale = false;

  constructor(
    private readonly extensionRoot: string,
    private settings: Pick<Settings, 'backend' | 'workers'>,
    /** Read at each run, so changing the setting needs no new worker. */
    private readonly allowDataOutside: () => boolean = () => false,
  ) {}

  /** Folder of the bundled data sets (the worker's, and the run plan's). */
  /** Whether CSV files may lie outside the notebook's folder (the user's setting). */
  get allowsDataOutside(): boolean {
    return this.allowDataOutside();
  }

  get dataDir(): string {
    return path.join(this.extensionRoot, 'data');
  }

  /** The backend the worker runs on (starts the worker if needed). */
  activeBackend(): Promise<BackendName> {
    return this.ensureWorker().ready;
  }

  configure(settings: Pick<Settings, 'backend' | 'workers'>): void {
    if (settings.backend === this.settings.backend && settings.workers === this.settings.workers) return;
    this.settings = { backend: settings.backend, workers: settings.workers };
    // A backend cannot be switched inside a running process: the next job gets a new worker.
    this.stale = true;
    this.replaceIfIdle();
  }

  async run(spec: CompletedSpec, notebookPath: string, onEvent: (e: RunEvent) => void, signal: AbortSignal, limits?: Limits): Promise<RunResult> {
    try {
      return await this.ensureWorker().run((job) => ({ type: 'run', job, spec, notebookPath, limits, allowDataOutside: this.allowDataOutside() }), onEvent, signal);
    } finally {
      this.replaceIfIdle();
    }
  }

  dispose(): void {
    this.client?.terminate();
    this.client = undefined;
  }

  private replaceIfIdle(): void {
    if (!this.stale || (this.client?.running ?? 0) > 0) return;
    this.stale = false;
    this.dispose();
  }

  private ensureWorker(): WorkerClient {
    if (this.client && !this.client.exited) return this.client;
    const dist = path.join(this.extensionRoot, 'dist');
    const init: WorkerInit = { dataDir: this.dataDir, wasmDir: dist, backend: this.settings.backend, sweepThreads: this.settings.workers };
    this.client = new JobClient({ entry: { code: path.join(dist, 'worker.js'), eval: false }, workerData: init, name: 'the training worker', read: readReply });
    return this.client;
  }
}
