// The coordinating side of one worker thread that runs jobs (serveJobs.ts is the other
// side): starts the thread, numbers the jobs it is sent, routes each reply to the job
// that asked, forwards an abort as a 'cancel' message, and fails the waiting jobs with
// the reason when the thread cannot start or stops. The extension's training client and
// the sweep threads both talk to their threads through it.

import { Worker } from 'node:worker_threads';

/** What a message from the thread means: it started, or news of one job. */
export type JobReply<Ready, Progress, Outcome> =
  | { kind: 'ready'; value: Ready }
  | { kind: 'progress'; job: number; value: Progress }
  | { kind: 'done'; job: number; value: Outcome }
  /** job null: the thread itself failed (its backend could not start). */
  | { kind: 'failed'; job: number | null; message: string };

export interface JobClientOptions<From, Ready, Progress, Outcome> {
  /** A file to run, or (eval) code that loads one. */
  entry: { code: string; eval: boolean };
  workerData: unknown;
  /** How errors name the thread: "the training worker", "a sweep thread". */
  name: string;
  read(message: From): JobReply<Ready, Progress, Outcome>;
}

interface Waiting<Progress, Outcome> {
  onProgress: (p: Progress) => void;
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
}

export class JobClient<To extends { type: string; job: number }, From, Ready, Progress, Outcome> {
  /** Settles when the thread's backend is up, or with why it could not start. */
  readonly ready: Promise<Ready>;
  private readonly worker: Worker;
  private readonly jobs = new Map<number, Waiting<Progress, Outcome>>();
  private nextJob = 1;
  private stopped: Error | undefined;

  constructor(options: JobClientOptions<From, Ready, Progress, Outcome>) {
    this.worker = new Worker(options.entry.code, { workerData: options.workerData, eval: options.entry.eval });
    let started: (r: Ready) => void = () => undefined;
    let failed: (e: Error) => void = () => undefined;
    this.ready = new Promise<Ready>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    // Nobody may be waiting for `ready` (a job reports the failure too).
    this.ready.catch(() => undefined);
    this.worker.on('message', (m: From) => {
      const reply = options.read(m);
      if (reply.kind === 'ready') started(reply.value);
      else if (reply.kind === 'failed' && reply.job === null) {
        const e = new Error(`${options.name} could not start: ${reply.message}`);
        failed(e);
        this.failAll(e);
      } else this.settle(reply);
    });
    this.worker.on('error', (e) => {
      const error = new Error(`${options.name} failed: ${e.message}`);
      failed(error);
      this.failAll(error);
    });
    this.worker.on('exit', (code) => {
      this.stopped = new Error(`${options.name} stopped (exit code ${code})`);
      failed(this.stopped);
      this.failAll(this.stopped);
    });
  }

  /** Jobs sent and not yet settled. */
  get running(): number {
    return this.jobs.size;
  }

  /** Whether the thread has exited (a new client is needed). */
  get exited(): boolean {
    return this.stopped !== undefined;
  }

  /** Sends the job `message(id)`; an abort of `signal` sends a 'cancel' for it. */
  run(message: (job: number) => To, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<Outcome> {
    if (this.stopped) return Promise.reject(this.stopped);
    const job = this.nextJob++;
    return new Promise<Outcome>((resolve, reject) => {
      const cancel = () => this.worker.postMessage({ type: 'cancel', job });
      const done = () => signal?.removeEventListener('abort', cancel);
      this.jobs.set(job, {
        onProgress,
        resolve: (o) => (done(), resolve(o)),
        reject: (e) => (done(), reject(e)),
      });
      this.worker.postMessage(message(job));
      if (signal?.aborted) cancel();
      else signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  /** Whether the thread keeps the process alive (a busy one must, an idle one must not). */
  keepAlive(on: boolean): void {
    if (on) this.worker.ref();
    else this.worker.unref();
  }

  terminate(): void {
    void this.worker.terminate();
  }

  private settle(reply: Exclude<JobReply<Ready, Progress, Outcome>, { kind: 'ready' }>): void {
    const job = reply.job === null ? undefined : this.jobs.get(reply.job);
    if (!job) return;
    if (reply.kind === 'progress') {
      job.onProgress(reply.value);
      return;
    }
    this.jobs.delete(reply.job!);
    if (reply.kind === 'done') job.resolve(reply.value);
    else job.reject(new Error(reply.message));
  }

  private failAll(e: Error): void {
    const waiting = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of waiting) job.reject(e);
  }
}
