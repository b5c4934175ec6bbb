// The extension host's side of the training worker: starts it on first use, sends
// jobs, routes its events back to the job that asked, and restarts it when the
// backend or sweep-thread setting changes (once the running jobs are done).

import { Worker } from 'node:worker_threads';
import * as path from 'path';
import type { Settings } from './settings';
import type { RunEvent } from '../core/runner/runExperiment';
import type { ExperimentSpec } from '../core/spec/experiment';
import type { BackendName, RunResult } from '../core/run/result';
import type { FromWorker, ToWorker, WorkerInit } from '../worker/protocol';

interface Job {
  onEvent: (e: RunEvent) => void;
  resolve: (r: RunResult) => void;
  reject: (e: Error) => void;
}

export class TrainingClient {
  private worker: Worker | undefined;
  private backendName: Promise<BackendName> | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextJob = 1;

  /** The worker runs on settings that changed since it started: replace it when idle. */
  private stale = false;

  constructor(
    private readonly extensionRoot: string,
    private settings: Pick<Settings, 'backend' | 'workers'>,
  ) {}

  /** The backend the worker runs on (starts the worker if needed). */
  activeBackend(): Promise<BackendName> {
    this.ensureWorker();
    return this.backendName!;
  }

  configure(settings: Pick<Settings, 'backend' | 'workers'>): void {
    if (settings.backend === this.settings.backend && settings.workers === this.settings.workers) return;
    this.settings = { backend: settings.backend, workers: settings.workers };
    // A backend cannot be switched inside a running process: the next job gets a new worker.
    this.stale = true;
    this.replaceIfIdle();
  }

  private replaceIfIdle(): void {
    if (!this.stale || this.jobs.size > 0) return;
    this.stale = false;
    this.dispose();
  }

  /** Trains `spec`; resolves with the result bounded as a cell holds it (the store has the full one). */
  run(spec: ExperimentSpec, notebookPath: string, onEvent: (e: RunEvent) => void, signal: AbortSignal): Promise<RunResult> {
    const worker = this.ensureWorker();
    const job = this.nextJob++;
    return new Promise<RunResult>((resolve, reject) => {
      this.jobs.set(job, { onEvent, resolve, reject });
      const cancel = () => this.post({ type: 'cancel', job });
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
      worker.postMessage({ type: 'run', job, spec, notebookPath } satisfies ToWorker);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.backendName = undefined;
  }

  private post(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const dist = path.join(this.extensionRoot, 'dist');
    const init: WorkerInit = { dataDir: path.join(this.extensionRoot, 'data'), wasmDir: dist, backend: this.settings.backend, sweepThreads: this.settings.workers };
    const worker = new Worker(path.join(dist, 'worker.js'), { workerData: init });
    this.worker = worker;
    this.backendName = new Promise<BackendName>((resolve, reject) => {
      const onReady = (m: FromWorker) => {
        if (m.type === 'ready') resolve(m.backend);
        else if (m.type === 'error' && m.job === null) reject(new Error(m.message));
        else return;
        worker.off('message', onReady);
      };
      worker.on('message', onReady);
    });
    this.backendName.catch(() => undefined);
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    worker.on('error', (e) => this.failAll(e));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (code !== 0) this.failAll(new Error(`the training worker stopped (exit code ${code})`));
    });
    return worker;
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'ready') return;
    if (m.type === 'error' && m.job === null) {
      this.failAll(new Error(m.message));
      return;
    }
    const job = this.jobs.get(m.job!);
    if (!job) return;
    if (m.type === 'event') job.onEvent(m.event);
    else {
      this.jobs.delete(m.job!);
      if (m.type === 'result') job.resolve(m.result);
      else job.reject(new Error(m.message));
      this.replaceIfIdle();
    }
  }

  private failAll(e: Error): void {
    for (const job of this.jobs.values()) job.reject(e);
    this.jobs.clear();
    this.replaceIfIdle();
  }
}
