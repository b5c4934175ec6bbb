// Messages between the extension host and the training worker thread. Training runs
// in the worker because every synchronous TensorFlow.js call would otherwise freeze
// the whole of VS Code.

import type { BackendChoice } from '../core/engine/backendChoice';
import type { RunEvent } from '../core/runner/runExperiment';
import type { CompletedSpec } from '../core/experiment/experiment';
import type { BackendName, RunResult } from '../core/run/result';
import type { Limits } from '../core/limits/limits';

export interface WorkerInit {
  dataDir: string;
  wasmDir: string;
  backend: BackendChoice;
  /** Threads for sweeps; 1 trains them in this worker. */
  sweepThreads: number;
}

export type ToWorker =
  | { type: 'run'; job: number; spec: CompletedSpec; notebookPath: string; limits?: Limits; allowDataOutside: boolean }
  | { type: 'cancel'; job: number };

export type FromWorker =
  | { type: 'ready'; backend: BackendName }
  | { type: 'event'; job: number; event: RunEvent }
  /** The result as a notebook cell holds it (boundRunResult); the run store keeps the full one. */
  | { type: 'result'; job: number; result: RunResult }
  | { type: 'error'; job: number | null; message: string };
