// Entry point of the record's scoring thread (bundled to dist/scoringWorker.js): scores
// the rings of the trainees it serves (core/engine/fused/scoringRing.ts) as their slots
// come. Between slots it naps (NAP_MS, a timed wait: the ring holds what comes
// meanwhile) rather than spins: a spinning thread holds a whole core, which V8's
// background threads (the training thread's compiler and collector) then lack, and a
// cold run paid for that (the tutorial's first cell took 290-340 ms instead of 165). Once
// idle for IDLE_MS it sleeps until rung. It loads no TensorFlow.js: only the fused
// engine's scorer and kernels.

import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { threadScorer } from '../core/engine/fused/scoringLane';
import { RingScorer } from '../core/engine/fused/scoringRing';
import { BELL_PARKED, BELL_RINGS, type ScoringThreadData, type ToScoringThread } from './scoringProtocol';

/** A nap between slots, in ms (Linux makes it ~0.07 ms: its timer slack): 2-3 tutorial epochs. */
const NAP_MS = 0.02;
/** How long the thread naps without work before it sleeps until rung, in ms. */
const IDLE_MS = 2;
/** How often a napping thread looks for messages, in ms. */
const READ_MS = 0.25;

const { port, bell: bellBuffer } = workerData as ScoringThreadData;
const bell = new Int32Array(bellBuffer);
/** The rings served: their ids, and how to hand each scorer's memory to the next ring's (fusedMemory.ts). */
const served: { id: number; ring: RingScorer; release: () => void }[] = [];

function readMessages(): void {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const msg = m.message as ToScoringThread;
    if (msg.type === 'serve') {
      const { score, release } = threadScorer(msg.setup);
      served.push({ id: msg.id, ring: new RingScorer(msg.ring, score), release });
    } else {
      const at = served.findIndex((s) => s.id === msg.id);
      // Between passes over the rings: none of its slots is being scored.
      if (at >= 0) served.splice(at, 1)[0].release();
    }
  }
}

// The loop allocates nothing while it waits: garbage here would start this thread's
// collector, whose helper threads take the training thread's core.
function scoreAll(): boolean {
  let worked = false;
  for (let i = 0; i < served.length; i++) while (served[i].ring.scoreOne()) worked = true;
  return worked;
}

parentPort?.postMessage('ready');
let idleSince = performance.now();
let readAt = idleSince;
for (;;) {
  if (scoreAll()) {
    idleSince = performance.now();
    continue;
  }
  const now = performance.now();
  // A trainee that starts while another keeps this thread busy is served within READ_MS.
  if (now - readAt >= READ_MS) {
    readMessages();
    readAt = now;
  }
  if (now - idleSince < IDLE_MS) {
    Atomics.wait(bell, BELL_RINGS, Atomics.load(bell, BELL_RINGS), NAP_MS);
    continue;
  }
  const rung = Atomics.load(bell, BELL_RINGS);
  Atomics.store(bell, BELL_PARKED, 1);
  // A slot or a message that came before the flag was seen is taken now; one after it
  // rings (ScoringThread.wake(), which every message is followed by).
  readMessages();
  if (!scoreAll()) Atomics.wait(bell, BELL_RINGS, rung);
  Atomics.store(bell, BELL_PARKED, 0);
  readMessages();
  idleSince = performance.now();
}
