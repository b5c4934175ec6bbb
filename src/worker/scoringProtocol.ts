// Messages to the record's scoring thread (scoringThread.ts, scoringWorker.ts), and the
// doorbell it sleeps on: Int32 [rings, parked]. A trainee rings after each submission;
// the thread, once idle long enough, says it is parked and waits on the ring count.

import type { ScoringSetup } from '../core/engine/fused/scoringLane';
import type { RingMemory } from '../core/engine/fused/scoringRing';

export type ToScoringThread = { type: 'serve'; id: number; ring: RingMemory; setup: ScoringSetup } | { type: 'release'; id: number };

export interface ScoringThreadData {
  /** Where the messages come; the thread reads it between slots (receiveMessageOnPort), never from its event loop. */
  port: import('node:worker_threads').MessagePort;
  bell: SharedArrayBuffer;
}

export const BELL_RINGS = 0;
export const BELL_PARKED = 1;
