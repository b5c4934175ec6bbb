// What a cell will cost, computed from its spec alone (no data generated, no alpha list
// built): parameters, activations, rows, epochs, models, row passes and history bytes.
// Counts are closed forms, so a cell asking for 1e12 of something is estimated in
// microseconds; the layer shapes follow the engine (src/core/engine/network.ts).

import { RECURRENT_LAYER_TYPES, WEIGHTED_LAYER_TYPES, type ExperimentSpec, type LayerSpec } from '../experiment/experiment';
import { inputShapeOf, rowsOf, trainRows } from '../cell/sources';
import { plannedPoints } from '../sweep/plan';

export interface ResourceEstimate {
  parameters: number;
  activations: number;
  rows: number;
  trainRows: number;
  dataValues: number;
  epochs: number;
  models: number;
  work: number;
  historyBytes: number;
  /** Index (in spec.model) of the layer with the most parameters, and of the one with the most outputs. */
  heaviestLayer: number;
  widestLayer: number;
}

/** What only the data reveals (a CSV file): its row count and the shape of one row. */
export interface DataFacts {
  rows: number;
  sampleShape: number[];
}

/**
 * Bytes one history value takes in result.json: a 17-digit number on its own
 * indented line. The history has 6 columns plus 5 per weighted layer (penalty, 4 norms).
 */
export const HISTORY_VALUE_BYTES = 26;

export function estimateResources(spec: ExperimentSpec, facts?: DataFacts): ResourceEstimate {
  // A CSV file not read yet: one row of one value, so every count is a lower bound.
  const rows = facts?.rows ?? rowsOf(spec.data) ?? 1;
  const natural = facts?.sampleShape ?? inputShapeOf(spec.data) ?? [1];
  const train = Math.min(rows, trainRows(spec.data.train, rows));
  const layers = layerCosts(spec.model, natural);
  const parameters = sum(layers.map((l) => l.parameters));
  const outputs = sum(layers.map((l) => l.outputs));
  const models = spec.grid ? plannedPoints(spec.grid) : 1;
  const weighted = spec.model.filter((l) => WEIGHTED_LAYER_TYPES.includes(l.type)).length;
  return {
    parameters,
    activations: rows * outputs,
    rows,
    trainRows: train,
    dataValues: rows * product(natural),
    epochs: spec.train.epochs,
    models,
    work: spec.train.epochs * train * models,
    historyBytes: spec.train.epochs * (6 + 5 * weighted) * HISTORY_VALUE_BYTES,
    heaviestLayer: argMax(layers.map((l) => l.parameters)),
    widestLayer: argMax(layers.map((l) => l.outputs)),
  };
}

interface LayerCost {
  parameters: number;
  /** Values the layer outputs for one row. */
  outputs: number;
}

function layerCosts(model: readonly LayerSpec[], natural: number[]): LayerCost[] {
  let shape = firstInput(model, natural);
  return model.map((l) => {
    const { parameters, out } = layerCost(l, shape);
    shape = out;
    return { parameters, outputs: l.type === 'dropout' || l.type === 'flatten' ? 0 : product(out) };
  });
}

/** The shape the first layer reads (as the engine lays out the data: images, sequences or flat rows). */
function firstInput(model: readonly LayerSpec[], natural: number[]): number[] {
  const first = model.find((l) => l.type !== 'dropout')?.type;
  if (first === 'conv2d' || first === 'maxpool2d') return natural.length === 3 ? natural : [1, 1, product(natural)];
  if (first === 'conv1d' || first === 'maxpool1d' || (first && RECURRENT_LAYER_TYPES.includes(first))) {
    if (natural.length === 2) return natural;
    if (natural.length === 3) return [natural[0], natural[1] * natural[2]];
    return [product(natural), 1];
  }
  return [product(natural)];
}

function layerCost(l: LayerSpec, shape: number[]): { parameters: number; out: number[] } {
  const bias = l.bias ? l.size : 0;
  const channels = shape[shape.length - 1] ?? 1;
  switch (l.type) {
    case 'dense':
      return { parameters: product(shape) * l.size + bias, out: [l.size] };
    case 'lstm':
    case 'gru':
    case 'simplernn': {
      const gates = l.type === 'lstm' ? 4 : l.type === 'gru' ? 3 : 1;
      const steps = shape.length > 1 ? shape[0] : 1;
      return { parameters: gates * (l.size * (channels + l.size) + bias), out: l.returnSequences ? [steps, l.size] : [l.size] };
    }
    case 'conv1d':
    case 'conv2d': {
      const spatial = shape.slice(0, -1);
      const kernel = l.kernel ?? spatial.map(() => 3);
      const stride = l.stride ?? spatial.map(() => 1);
      const out = spatial.map((n, i) => Math.max(1, l.padding === 'same' ? Math.ceil(n / (stride[i] ?? 1)) : Math.floor((n - (kernel[i] ?? 1)) / (stride[i] ?? 1)) + 1));
      return { parameters: product(kernel) * channels * l.size + bias, out: [...out, l.size] };
    }
    case 'maxpool1d':
    case 'maxpool2d':
      return { parameters: 0, out: [...shape.slice(0, -1).map((n) => Math.max(1, Math.floor(n / Math.max(1, l.size)))), channels] };
    case 'flatten':
      return { parameters: 0, out: [product(shape)] };
    case 'dropout':
      return { parameters: 0, out: shape };
  }
}

function product(a: readonly number[]): number {
  return a.reduce((p, n) => p * n, 1);
}

function sum(a: readonly number[]): number {
  return a.reduce((s, n) => s + n, 0);
}

function argMax(a: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
  return best;
}
