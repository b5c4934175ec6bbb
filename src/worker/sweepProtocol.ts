// Messages between a sweep's coordinating thread and its sweep threads. A chunk
// travels as plain data (spec, data set, points, starting weights as arrays); what
// comes back is the chunk's grid points plus, for repeat 0 of each alpha, its history
// and trained weights, from which the coordinator rebuilds the model. Epoch rows travel
// packed (packedRows.ts).

import type { BackendChoice } from '../core/engine/backendChoice';
import type { TrainingEngine } from '../core/engine/trainer';
import type { Dataset } from '../core/data/dataset';
import type { CompletedSpec } from '../core/experiment/experiment';
import type { GridPoint, RunStatus } from '../core/run/result';
import type { SweepPoint } from '../core/sweep/plan';
import type { PackedRows } from './packedRows';

export interface SweepThreadInit {
  backend: BackendChoice;
  wasmDir: string;
}

export interface WeightArray {
  shape: number[];
  values: Float32Array;
}

export interface FirstOfAlpha {
  alpha: number;
  seed: number;
  status: RunStatus;
  error: string | null;
  rows: PackedRows;
  durationMs: number;
  engine: TrainingEngine;
  weights: WeightArray[];
}

export type ToSweepThread =
  | { type: 'chunk'; job: number; spec: CompletedSpec; data: Dataset; points: SweepPoint[]; initialWeights?: WeightArray[] }
  | { type: 'cancel'; job: number };

export type FromSweepThread =
  | { type: 'ready' }
  | { type: 'rows'; job: number; rows: PackedRows; epochs: number }
  | { type: 'done'; job: number; points: GridPoint[]; firsts: FirstOfAlpha[]; cancelled: boolean }
  | { type: 'error'; job: number | null; message: string };
