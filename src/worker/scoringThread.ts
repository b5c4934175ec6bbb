// The record's scoring thread, as the engine sees it (a ScoringLane): trainees in this
// thread hand it their rings, and it scores their epochs on another core while they train
// (core/engine/fused/scoringRing.ts). One thread serves every trainee of the process.
// It starts with the first ring it is handed (a run that has trained SCORING_AFTER_MS),
// or when its host calls ready() (between runs, so the next one uses it from its first
// epoch), and stays; until it runs, and whenever it falls behind, the trainees score
// their own epochs.

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { sameScoring, type ScoringLane, type ScoringSetup } from '../core/engine/fused/scoringLane';
import type { RingMemory } from '../core/engine/fused/scoringRing';
import { BELL_PARKED, BELL_RINGS, type ScoringThreadData, type ToScoringThread } from './scoringProtocol';
import type { ThreadEntry } from './threadEntry';

export class ScoringThread implements ScoringLane {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private started: Promise<void> | null = null;
  private loaded = false;
  private readonly bell = new Int32Array(new SharedArrayBuffer(2 * 4));
  /** The rings the thread serves: their ids and setups. */
  private readonly served = new Map<RingMemory, { id: number; setup: ScoringSetup }>();
  /** The ring released last with `keep`, still served, for reuse(). */
  private kept: RingMemory | null = null;
  private nextId = 0;

  /** The thread starts at the first serve() or ready(): scoringLane.ts, SCORING_AFTER_MS, says when. */
  constructor(private readonly entry: ThreadEntry) {}

  get running(): boolean {
    return this.worker !== null;
  }

  get warm(): boolean {
    return this.loaded;
  }

  /**
   * Starts the thread if need be; resolves once it runs (its code loaded). Benchmarks and
   * tests wait for it; hosts call it between runs, so that the next run finds it warm.
   */
  ready(): Promise<void> {
    this.start();
    return this.started!;
  }

  private start(): void {
    if (this.worker) return;
    const { port1, port2 } = new MessageChannel();
    const data: ScoringThreadData = { port: port2, bell: this.bell.buffer as SharedArrayBuffer };
    const worker = new Worker(this.entry.code, { eval: this.entry.eval, workerData: data, transferList: [port2], name: "the record's scoring thread" });
    this.worker = worker;
    this.port = port1;
    // The process ends when its work does: the thread never holds it (nor does its port).
    worker.unref();
    port1.unref();
    // A thread that fails leaves its rings to their trainees (they score what it does not).
    worker.on('error', () => undefined);
    this.started = new Promise((resolve, reject) => {
      worker.once('message', () => {
        this.loaded = true;
        resolve();
      });
      worker.once('exit', (code) => {
        this.loaded = false;
        reject(new Error(`the record's scoring thread stopped (exit code ${code})`));
      });
    });
    this.started.catch(() => undefined);
  }

  serve(ring: RingMemory, setup: ScoringSetup): void {
    this.start();
    const id = this.nextId++;
    this.served.set(ring, { id, setup });
    this.post({ type: 'serve', id, ring, setup });
  }

  reuse(setup: ScoringSetup, fits: (ring: RingMemory) => boolean): RingMemory | null {
    const ring = this.kept;
    if (!ring || !this.worker || !fits(ring) || !sameScoring(this.served.get(ring)!.setup, setup)) return null;
    this.kept = null;
    return ring;
  }

  wake(): void {
    // Only a parked thread is rung: one that parks after this load sees the slot when it
    // looks again after parking (scoringWorker.ts), and one that parked before waits on
    // a count this changes, whether or not the notify reaches it in its wait.
    if (!Atomics.load(this.bell, BELL_PARKED)) return;
    Atomics.add(this.bell, BELL_RINGS, 1);
    Atomics.notify(this.bell, BELL_RINGS);
  }

  release(ring: RingMemory, keep = false): void {
    if (!this.served.has(ring)) return;
    // One ring kept at a time: the one kept before is let go.
    const drop = keep ? this.kept : ring;
    if (keep) this.kept = ring;
    else if (this.kept === ring) this.kept = null;
    if (drop && drop !== this.kept) this.letGo(drop);
  }

  private letGo(ring: RingMemory): void {
    const { id } = this.served.get(ring)!;
    this.served.delete(ring);
    this.post({ type: 'release', id });
  }

  /** Stops the thread (its rings' trainees score their own epochs from then on). */
  async dispose(): Promise<void> {
    await this.worker?.terminate();
  }

  private post(msg: ToScoringThread): void {
    this.port!.postMessage(msg);
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
