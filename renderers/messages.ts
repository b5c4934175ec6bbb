// The renderer-messaging protocol, as the extension side implements it
// (src/extension/liveChannel.ts, src/extension/rendererMessages.ts). Types only.

import type { FromRenderer } from '../src/extension/liveChannel';
import type { EpochRow } from '../src/core/engine/trainer';

export type { EpochRow } from '../src/core/engine/trainer';

/** Messages the renderer posts: 'sync' (send me the live rows so far), 'rendered', 'save'. */
export type ToExtension = FromRenderer;

export type ChartReport = Extract<FromRenderer, { type: 'rendered' }>['charts'][number];

/** Live rows: 'rows' carries the epochs since the last post, 'reset' all of them (answer to 'sync'). */
export interface LiveRowsMessage {
  type: 'rows' | 'reset';
  liveKey: string;
  epochs: number;
  rows: EpochRow[];
}

export function isLiveRowsMessage(m: unknown): m is LiveRowsMessage {
  const x = m as Partial<LiveRowsMessage> | null;
  return !!x && typeof x === 'object' && (x.type === 'rows' || x.type === 'reset') && typeof x.liveKey === 'string' && Array.isArray(x.rows);
}

/** A sweep's progress: points finished of those planned, and the best alpha so far. */
export interface LiveSweepMessage {
  type: 'sweep';
  liveKey: string;
  done: number;
  planned: number;
  select: string;
  best: { alpha: number; mean: number; std: number } | null;
}

export function isLiveSweepMessage(m: unknown): m is LiveSweepMessage {
  const x = m as Partial<LiveSweepMessage> | null;
  return !!x && typeof x === 'object' && x.type === 'sweep' && typeof x.liveKey === 'string' && typeof x.done === 'number' && typeof x.planned === 'number';
}

/** The progress output's data (PROGRESS_MIME). */
export interface ProgressData {
  liveKey: string;
  name: string;
  epochs: number;
}
