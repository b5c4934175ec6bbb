// A pool of sweep threads: each trains one chunk of a sweep at a time on its own
// TensorFlow.js backend, so a sweep uses several cores. Threads start on first use
// and stay for the next sweep; the pool is what runSweep calls a ChunkRunner.

import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { buildNetwork } from '../engine/network';
import type { MemberOutcome } from '../engine/trainer';
import type { FromSweepThread, SweepThreadInit, ToSweepThread } from '../../worker/sweepProtocol';
import { layersWithAlpha } from './plan';
import type { ChunkRunner } from './runSweep';
import type { ChunkTrainer, TrainedChunk } from './trainChunk';

export interface SweepThreadsOptions extends SweepThreadInit {
  /** The sweep thread's code (dist/sweepWorker.js, or the .ts source with tsx). */
  entry: { code: string; eval: boolean };
  size: number;
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

export class SweepThreads implements ChunkRunner {
  readonly lanes: number;
  private readonly threads: Thread[] = [];
  private readonly waiting: ((t: Thread) => void)[] = [];
  private nextJob = 1;

  constructor(private readonly options: SweepThreadsOptions) {
    this.lanes = Math.max(1, options.size);
  }

  readonly trainChunk: ChunkTrainer = async (spec, data, points, opts) => {
    const thread = await this.acquire();
    try {
      await thread.ready;
      return await this.run(thread, spec, data, points, opts);
    } finally {
      this.release(thread);
    }
  };

  /** Starts every thread and waits until their backends are up (so a timing can leave start-up out). */
  async warm(): Promise<void> {
    while (this.threads.length < this.lanes) this.start();
    await Promise.all(this.threads.map((t) => t.ready));
  }

  dispose(): void {
    for (const t of this.threads.splice(0)) void t.worker.terminate();
  }

  private run(thread: Thread, ...[spec, data, points, opts]: Parameters<ChunkTrainer>): Promise<TrainedChunk> {
    const job = this.nextJob++;
    const { worker } = thread;
    return new Promise<TrainedChunk>((resolve, reject) => {
      const cancel = () => worker.postMessage({ type: 'cancel', job } satisfies ToSweepThread);
      const done = () => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        opts.signal?.removeEventListener('abort', cancel);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`a sweep thread stopped (exit code ${code})`));
      };
      const onMessage = (m: FromSweepThread) => {
        if (m.type === 'ready' || (m.type !== 'error' && m.job !== job) || (m.type === 'error' && m.job !== job && m.job !== null)) return;
        if (m.type === 'rows') {
          opts.onRows?.(m.rows, m.epochs);
          return;
        }
        done();
        if (m.type === 'error') {
          reject(new Error(m.message));
          return;
        }
        const firsts = new Map<number, MemberOutcome>();
        for (const f of m.firsts) {
          const network = buildNetwork(layersWithAlpha(spec.model, f.alpha), data.inputShape, f.seed);
          tf.tidy(() => network.model.setWeights(f.weights.map((w) => tf.tensor(w.values, w.shape))));
          firsts.set(f.alpha, { status: f.status, error: f.error, rows: f.rows, network, durationMs: f.durationMs, engine: f.engine });
        }
        resolve({ points: m.points, firsts, cancelled: m.cancelled });
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      if (opts.signal?.aborted) cancel();
      else opts.signal?.addEventListener('abort', cancel, { once: true });
      const initialWeights = opts.initialWeights?.map((w) => ({ shape: w.shape, values: new Float32Array(w.dataSync()) }));
      worker.postMessage({ type: 'chunk', job, spec, data, points, initialWeights } satisfies ToSweepThread);
    });
  }

  private acquire(): Promise<Thread> {
    const free = this.threads.find((t) => !t.busy) ?? (this.threads.length < this.lanes ? this.start() : undefined);
    if (!free) return new Promise((resolve) => this.waiting.push(resolve));
    free.busy = true;
    // A working thread keeps the process alive; an idle one must not.
    free.worker.ref();
    return Promise.resolve(free);
  }

  private release(t: Thread): void {
    const next = this.waiting.shift();
    if (next) {
      next(t);
      return;
    }
    t.busy = false;
    t.worker.unref();
  }

  private start(): Thread {
    const init: SweepThreadInit = { backend: this.options.backend, wasmDir: this.options.wasmDir };
    const worker = new Worker(this.options.entry.code, { workerData: init, eval: this.options.entry.eval });
    const ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: FromSweepThread) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'error' && m.job === null) reject(new Error(`a sweep thread could not start: ${m.message}`));
        else return;
        worker.off('message', onReady);
      };
      worker.on('message', onReady);
      worker.once('error', (e) => reject(new Error(`a sweep thread could not start: ${e.message}`)));
    });
    const thread: Thread = { worker, ready, busy: false };
    worker.once('exit', () => {
      const i = this.threads.indexOf(thread);
      if (i >= 0) this.threads.splice(i, 1);
    });
    this.threads.push(thread);
    return thread;
  }
}
