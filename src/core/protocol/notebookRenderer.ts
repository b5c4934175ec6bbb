// The protocol between the extension (Node) and the notebook renderer (browser): the
// output MIME types the renderer draws, and the messages both sides post over renderer
// messaging. Types, guards and message builders only, so both targets compile it: the
// renderer imports nothing from src/extension, the extension nothing from renderers/.

import type { EpochRow } from '../run/epochRow';
import type { GridResult, MetricName, ScoredOn } from '../run/result';

/** The renderer's id (package.json contributes.notebookRenderer). */
export const RENDERER_ID = 'regnb-run-renderer';
/** A finished run (RunResult). */
export const RUN_MIME = 'application/vnd.regnb.run+json';
/** A running cell (ProgressData); its epochs arrive as messages. */
export const PROGRESS_MIME = 'application/vnd.regnb.progress+json';
/** A comparison of runs (Comparison). */
export const COMPARE_MIME = 'application/vnd.regnb.compare+json';

export type { EpochRow };

/** The progress output's data (PROGRESS_MIME). */
export interface ProgressData {
  liveKey: string;
  name: string;
  epochs: number;
}

/**
 * Live rows: 'rows' carries the epochs since the last post, 'reset' all of them (the
 * answer to 'sync', or the start of rows scored on other rows). `layers` names the
 * weighted layers in the order of each row's penalty and norms arrays, and `metric` is
 * the run's metric, so the live charts use the same names as the final ones. Both are
 * empty/absent until training has started. `scoredOn` says what the rows' held-out loss
 * and metric are scored on: `validation` for a validated sweep point (held-out training
 * rows), `test` otherwise (absent: test). A message holds rows of one kind only.
 */
export interface LiveRowsMessage {
  type: 'rows' | 'reset';
  liveKey: string;
  epochs: number;
  rows: EpochRow[];
  layers: string[];
  metric?: MetricName;
  scoredOn?: ScoredOn;
}

/** A sweep's progress: points finished of those planned, and the best alpha so far. */
export interface LiveSweepMessage {
  type: 'sweep';
  liveKey: string;
  done: number;
  planned: number;
  select: string;
  best: GridResult['best'];
}

export type ToRenderer = LiveRowsMessage | LiveSweepMessage;

/** What a live run knows besides its rows: planned epochs, layer names, metric, and what its rows are scored on. */
export type LiveRowsHeader = Pick<LiveRowsMessage, 'epochs' | 'layers' | 'metric' | 'scoredOn'>;

/** The message carrying `rows` of a live run; optional fields are left out until known. */
export function liveRowsMessage(type: LiveRowsMessage['type'], liveKey: string, header: LiveRowsHeader, rows: EpochRow[]): LiveRowsMessage {
  return {
    type,
    liveKey,
    epochs: header.epochs,
    rows,
    layers: header.layers,
    ...(header.metric ? { metric: header.metric } : {}),
    ...(header.scoredOn ? { scoredOn: header.scoredOn } : {}),
  };
}

/** What the renderer reports having drawn (kept by the extension for tests and diagnostics). */
export interface ChartReport {
  id: string;
  marks: number;
  legend: string[];
}

/** Messages the renderer posts: 'sync' (send me the live rows so far), 'rendered', 'save'. */
export type FromRenderer =
  | { type: 'sync'; liveKey: string }
  | {
      type: 'rendered';
      /** The run's id, or a running cell's live key (its live charts). */
      runId: string;
      charts: ChartReport[];
      /** The page's theme kind (body class vscode-light/-dark/-high-contrast[-light]); undefined when none is set. */
      theme?: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
      /** The charts' background colour (from the theme's editor background). */
      background?: string;
    }
  | { type: 'save'; format: 'svg' | 'png'; fileName: string; data: string };

export function isLiveRowsMessage(m: unknown): m is LiveRowsMessage {
  const x = m as Partial<LiveRowsMessage> | null;
  return !!x && typeof x === 'object' && (x.type === 'rows' || x.type === 'reset') && typeof x.liveKey === 'string' && Array.isArray(x.rows);
}

export function isLiveSweepMessage(m: unknown): m is LiveSweepMessage {
  const x = m as Partial<LiveSweepMessage> | null;
  return !!x && typeof x === 'object' && x.type === 'sweep' && typeof x.liveKey === 'string' && typeof x.done === 'number' && typeof x.planned === 'number';
}
