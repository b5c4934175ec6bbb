// The record's scoring thread, as the engine sees it (a ScoringLane): trainees in this
// thread hand it their rings, and it scores their epochs on another core while they train
// (core/engine/fused/scoringRing.ts). One thread serves every trainee of the process.
// It starts at once, so that it is up by the time the first epoch is trained; until
// then, and whenever it falls behind, the trainees score their own epochs.

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { ScoringLane, ScoringSetup } from '../core/engine/fused/scoringLane';
import type { RingMemory } from '../core/engine/fused/scoringRing';
import { BELL_PARKED, BELL_RINGS, type ScoringThreadData, type ToScoringThread } from './scoringProtocol';
import type { ThreadEntry } from './threadEntry';

export class ScoringThread implements ScoringLane {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly bell = new Int32Array(new SharedArrayBuffer(2 * 4));
  private readonly ids = new Map<RingMemory, number>();
  private nextId = 0;
  private readonly started: Promise<void>;

  constructor(entry: ThreadEntry) {
    const { port1, port2 } = new MessageChannel();
    const data: ScoringThreadData = { port: port2, bell: this.bell.buffer as SharedArrayBuffer };
    this.port = port1;
    this.worker = new Worker(entry.code, { eval: entry.eval, workerData: data, transferList: [port2], name: "the record's scoring thread" });
    // The process ends when its work does: the thread never holds it (nor does its port).
    this.worker.unref();
    this.port.unref();
    // A thread that fails leaves its rings to their trainees (they score what it does not).
    this.worker.on('error', () => undefined);
    this.started = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('exit', (code) => reject(new Error(`the record's scoring thread stopped (exit code ${code})`)));
    });
    this.started.catch(() => undefined);
  }

  /** Resolves once the thread runs (its code loaded): benchmarks and tests wait for it; trainees need not. */
  ready(): Promise<void> {
    return this.started;
  }

  serve(ring: RingMemory, setup: ScoringSetup): void {
    const id = this.nextId++;
    this.ids.set(ring, id);
    this.post({ type: 'serve', id, ring, setup });
  }

  wake(): void {
    // Only a parked thread is rung: one that parks after this load sees the slot when it
    // looks again after parking (scoringWorker.ts), and one that parked before waits on
    // a count this changes, whether or not the notify reaches it in its wait.
    if (!Atomics.load(this.bell, BELL_PARKED)) return;
    Atomics.add(this.bell, BELL_RINGS, 1);
    Atomics.notify(this.bell, BELL_RINGS);
  }

  release(ring: RingMemory): void {
    const id = this.ids.get(ring);
    if (id === undefined) return;
    this.ids.delete(ring);
    this.post({ type: 'release', id });
  }

  /** Stops the thread (its rings' trainees score their own epochs from then on). */
  async dispose(): Promise<void> {
    await this.worker.terminate();
  }

  private post(msg: ToScoringThread): void {
    this.port.postMessage(msg);
    this.wake();
  }
}

/**
 * Whether a process that may use `threads` threads (`--workers`, `regnb.workers`: one
 * per core by default) starts a scoring thread: when one is left beside the training
 * thread. The editor's training worker also leaves one to the editor (`forEditor`),
 * whose extension host must answer within 50 ms while a run trains (issue 7, target 5).
 */
export function scoringThreadWanted(threads: number, forEditor: boolean): boolean {
  return threads >= (forEditor ? 3 : 2);
}
