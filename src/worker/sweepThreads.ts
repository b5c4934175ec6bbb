// A pool of sweep threads: each trains one chunk of a sweep at a time on its own
// TensorFlow.js backend, so a sweep uses several cores. Threads start on first use
// and stay for the next sweep; the pool is what runSweep calls a ChunkRunner.

import * as tf from '@tensorflow/tfjs-core';
import { buildNetwork } from '../core/engine/network';
import type { MemberOutcome } from '../core/engine/trainer';
import { layersWithAlpha } from '../core/sweep/plan';
import type { ChunkRunner } from '../core/sweep/runSweep';
import type { ChunkTrainer, TrainedChunk } from '../core/sweep/trainChunk';
import { JobClient, type JobReply } from './jobClient';
import { unpackRows } from './packedRows';
import type { FirstOfAlpha, FromSweepThread, SweepThreadInit, ToSweepThread } from './sweepProtocol';
import type { ThreadEntry } from './threadEntry';

export interface SweepThreadsOptions extends SweepThreadInit {
  /** The sweep thread's code (dist/sweepWorker.js, or the .ts source with tsx). */
  entry: ThreadEntry;
  size: number;
}

type Done = Extract<FromSweepThread, { type: 'done' }>;
type Rows = Extract<FromSweepThread, { type: 'rows' }>;
type SweepClient = JobClient<ToSweepThread, FromSweepThread, void, Rows, Done>;

interface Thread {
  client: SweepClient;
  busy: boolean;
}

function readReply(m: FromSweepThread): JobReply<void, Rows, Done> {
  switch (m.type) {
    case 'ready':
      return { kind: 'ready', value: undefined };
    case 'rows':
      return { kind: 'progress', job: m.job, value: m };
    case 'done':
      return { kind: 'done', job: m.job, value: m };
    case 'error':
      return { kind: 'failed', job: m.job, message: m.message };
  }
}

export class SweepThreads implements ChunkRunner {
  readonly lanes: number;
  private readonly threads: Thread[] = [];
  private readonly waiting: ((t: Thread) => void)[] = [];

  constructor(private readonly options: SweepThreadsOptions) {
    this.lanes = Math.max(1, options.size);
  }

  readonly trainChunk: ChunkTrainer = async (spec, data, points, opts) => {
    const thread = await this.acquire();
    try {
      await thread.client.ready;
      const initialWeights = opts.initialWeights?.map((w) => ({ shape: w.shape, values: new Float32Array(w.dataSync()) }));
      const done = await thread.client.run(
        (job) => ({ type: 'chunk', job, spec, data, points, initialWeights }),
        (m) => opts.onRows?.(unpackRows(m.rows), m.epochs),
        opts.signal,
      );
      return rebuild(spec, data, done);
    } finally {
      this.release(thread);
    }
  };

  /**
   * Starts `count` threads (every lane by default) and waits until their backends are up:
   * so that a sweep's threads load while its caller prepares the data, or a timing can
   * leave start-up out.
   */
  async warm(count = this.lanes): Promise<void> {
    while (this.threads.length < Math.min(count, this.lanes)) this.start();
    await Promise.all(this.threads.map((t) => t.client.ready));
  }

  dispose(): void {
    for (const t of this.threads.splice(0)) t.client.terminate();
  }

  private acquire(): Promise<Thread> {
    // A thread that stopped is replaced by a new one.
    for (let i = this.threads.length - 1; i >= 0; i--) if (this.threads[i].client.exited && !this.threads[i].busy) this.threads.splice(i, 1);
    const free = this.threads.find((t) => !t.busy) ?? (this.threads.length < this.lanes ? this.start() : undefined);
    if (!free) return new Promise((resolve) => this.waiting.push(resolve));
    free.busy = true;
    free.client.keepAlive(true);
    return Promise.resolve(free);
  }

  private release(t: Thread): void {
    const next = this.waiting.shift();
    if (next) {
      next(t);
      return;
    }
    t.busy = false;
    t.client.keepAlive(false);
  }

  private start(): Thread {
    const init: SweepThreadInit = { backend: this.options.backend, wasmDir: this.options.wasmDir };
    const client: SweepClient = new JobClient({ entry: this.options.entry, workerData: init, name: 'a sweep thread', read: readReply });
    const thread: Thread = { client, busy: false };
    this.threads.push(thread);
    return thread;
  }
}

/** The chunk as runSweep wants it: repeat 0 of each alpha rebuilt as a model from the weights sent. */
function rebuild(spec: Parameters<ChunkTrainer>[0], data: Parameters<ChunkTrainer>[1], m: Done): TrainedChunk {
  const firsts = new Map<number, MemberOutcome>();
  for (const f of m.firsts as FirstOfAlpha[]) {
    const network = buildNetwork(layersWithAlpha(spec.model, f.alpha), data.inputShape, f.seed);
    tf.tidy(() => network.model.setWeights(f.weights.map((w) => tf.tensor(w.values, w.shape))));
    firsts.set(f.alpha, { status: f.status, error: f.error, rows: unpackRows(f.rows), network, durationMs: f.durationMs, engine: f.engine });
  }
  return { points: m.points, firsts, cancelled: m.cancelled };
}
