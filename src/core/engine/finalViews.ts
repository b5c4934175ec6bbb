// What the final model looks like, for the run result: the decision boundary over the
// input plane (2-input classification) and each layer's weight histogram.
//
// The boundary's values come from the engine that trained the model (the result's
// `backend` names it): a model the fused engine trained is evaluated by its inference
// pass in float64 (fused/fusedLogits.ts), any other by TensorFlow.js in float32. The two
// agree to ~5e-5 on the tutorial network; rounded to the stored 4 decimals, about one
// value in 2000 differs by 1e-4 between them.

import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import type { Task } from '../experiment/experiment';
import type { DecisionBoundary, WeightHistogram } from '../run/result';
import { forward } from './forward';
import { sigmoid } from './fused/activations';
import { fusedLogits } from './fused/fusedLogits';
import { fusedLayoutOf, readWeights } from './fused/layout';
import { trackedWeights, type Network } from './network';
import { SPARSITY_THRESHOLD } from './penalties';
import type { TrainingEngine } from './trainer';

const GRID = 60;
const MAX_POINTS = 1000;

/**
 * The model's output over the plane of a 2-input classification task (`task`: the
 * completed spec's); undefined otherwise. `engine`: the engine that trained the model.
 */
export function decisionBoundary(net: Network, data: Dataset, task: Task, engine: TrainingEngine = 'tfjs', fusedKernels: 'auto' | 'js' = 'auto'): DecisionBoundary | undefined {
  if (task === 'regression' || data.inputShape.length !== 1 || data.inputShape[0] !== 2) return undefined;
  const range = (k: number) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of [data.xTrain, data.xTest]) {
      for (let i = k; i < x.length; i += 2) {
        lo = Math.min(lo, x[i]);
        hi = Math.max(hi, x[i]);
      }
    }
    const pad = 0.1 * (hi - lo || 1);
    return Array.from({ length: GRID }, (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / (GRID - 1));
  };
  const xs = range(0);
  const ys = range(1);
  const plane = new Float32Array(GRID * GRID * 2);
  ys.forEach((y, r) => xs.forEach((x, c) => plane.set([x, y], 2 * (r * GRID + c))));
  const values = (engine === 'fused' && fusedValues(net, data, task, plane, fusedKernels)) || tfjsValues(net, task, plane);
  const out = Array.from(values, (v) => Math.round(v * 1e4) / 1e4);
  const points: DecisionBoundary['points'] = [];
  const add = (x: Float32Array, y: Float32Array, set: 'train' | 'test') => {
    for (let i = 0; i < y.length && points.length < MAX_POINTS; i++) points.push({ x: x[2 * i], y: x[2 * i + 1], label: y[i], set });
  };
  add(data.xTrain, data.yTrain, 'train');
  add(data.xTest, data.yTest, 'test');
  return { xs, ys, values: out, kind: task === 'binary' ? 'probability' : 'class', points, ...(data.classNames ? { classNames: data.classNames } : {}) };
}

/** Binary: the probability of class 1 at each point; multiclass: the most likely class (the first of equals). */
function tfjsValues(net: Network, task: Task, plane: Float32Array): ArrayLike<number> {
  const values = tf.tidy(() => {
    const logits = forward(net, tf.tensor2d(plane, [plane.length / 2, 2]), { training: false }).logits;
    return task === 'binary' ? tf.reshape(tf.sigmoid(logits), [-1]) : tf.argMax(logits, 1);
  });
  const out = values.dataSync();
  values.dispose();
  return out;
}

/** tfjsValues by the fused engine's inference pass; null for a network it does not cover. */
function fusedValues(net: Network, data: Dataset, task: Task, plane: Float32Array, kernels: 'auto' | 'js'): Float64Array | null {
  const specs = net.layers.map((l) => l.spec);
  const layout = specs.every((s) => s !== null) ? fusedLayoutOf(specs, data.inputShape, task, data.classes) : null;
  if (!layout) return null;
  const params = new Float64Array(layout.size);
  readWeights(layout, net, params);
  const rows = plane.length / 2;
  const logits = fusedLogits(layout, params, plane, rows, kernels);
  const classes = logits.length / rows;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    if (task === 'binary') {
      out[r] = sigmoid(logits[r]);
      continue;
    }
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[c * rows + r] > logits[best * rows + r]) best = c;
    out[r] = best;
  }
  return out;
}

export function weightHistograms(net: Network, bins = 30): Record<string, WeightHistogram> {
  const out: Record<string, WeightHistogram> = {};
  for (const l of net.weighted) {
    const values = trackedWeights(l).flatMap((v) => Array.from(v.dataSync()));
    const max = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
    const edges = Array.from({ length: bins + 1 }, (_, i) => -max + (2 * max * i) / bins);
    const counts = new Array<number>(bins).fill(0);
    let nearZero = 0;
    for (const v of values) {
      counts[Math.min(bins - 1, Math.floor(((v + max) / (2 * max)) * bins))]++;
      if (Math.abs(v) < SPARSITY_THRESHOLD) nearZero++;
    }
    out[l.name] = { edges, counts, nearZero, total: values.length };
  }
  return out;
}
