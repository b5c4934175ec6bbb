// Entry point of the record's scoring thread (bundled to dist/scoringWorker.js): scores
// the rings of the trainees it serves (core/engine/fused/scoringRing.ts) as their slots
// come. It spins while they train (an epoch's slot comes every few tens of microseconds,
// sooner than a sleeping thread wakes) and sleeps on the doorbell once idle for
// SPIN_MS. It loads no TensorFlow.js: only the fused engine's scorer and kernels.

import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { threadScorer } from '../core/engine/fused/scoringLane';
import { RingScorer } from '../core/engine/fused/scoringRing';
import { BELL_PARKED, BELL_RINGS, type ScoringThreadData, type ToScoringThread } from './scoringProtocol';

/** How long the thread spins without work before it sleeps, in ms. */
const SPIN_MS = 2;
/** How often a spinning thread looks for messages, in ms. */
const READ_MS = 0.25;

const { port, bell: bellBuffer } = workerData as ScoringThreadData;
const bell = new Int32Array(bellBuffer);
const ids: number[] = [];
const rings: RingScorer[] = [];

function readMessages(): void {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const msg = m.message as ToScoringThread;
    if (msg.type === 'serve') {
      ids.push(msg.id);
      rings.push(new RingScorer(msg.ring, threadScorer(msg.setup)));
    } else {
      const at = ids.indexOf(msg.id);
      if (at >= 0) {
        ids.splice(at, 1);
        rings.splice(at, 1);
      }
    }
  }
}

// The loop allocates nothing while it waits: garbage here would start this thread's
// collector, whose helper threads take the training thread's core.
function scoreAll(): boolean {
  let worked = false;
  for (let i = 0; i < rings.length; i++) while (rings[i].scoreOne()) worked = true;
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
  if (now - idleSince < SPIN_MS) continue;
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
