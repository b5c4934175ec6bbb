// Which networks the fused engine trains, and where each weight lives in its one flat
// parameter array: per dense layer the kernel [inputs, units] (row-major, as
// TensorFlow.js stores it) and then the bias [units].

import * as tf from '@tensorflow/tfjs-core';
import type { Activation, LayerSpec, Task } from '../../experiment/experiment';
import { isZeroPenalty, type Penalty } from '../../experiment/penalty';
import type { Network } from '../network';
import { fusedActivation } from './activations';

export interface FusedDenseLayer {
  name: string;
  inputs: number;
  units: number;
  activation: Activation;
  /** Offset of the kernel in the parameter array. */
  kernel: number;
  /** Offset of the bias, or -1 for a layer without bias. */
  bias: number;
  /** The penalized parts; null when the part is not penalized. */
  kernelPenalty: Penalty | null;
  biasPenalty: Penalty | null;
  activityPenalty: Penalty | null;
}

export interface FusedLayout {
  inputs: number;
  layers: FusedDenseLayer[];
  /** Number of parameters. */
  size: number;
}

/**
 * The hidden layer of a network of two inputs, one relu or linear hidden layer and its
 * output, the shape the kernels run as one pass (hiddenIntoOutput, hiddenThroughOutput,
 * the float32 record's pass); null for any other network.
 */
export function twoInputPair(layout: FusedLayout): FusedDenseLayer | null {
  const hidden = layout.layers[0];
  return layout.layers.length === 2 && layout.inputs === 2 && (hidden.activation === 'relu' || hidden.activation === 'linear') ? hidden : null;
}

// Every term present, as numbers: the hot loops then read one object shape (a cell's
// penalty has only the keys it names, and V8 reads a missing key slowly).
const penaltyOrNull = (p: Penalty | undefined): Penalty | null => (isZeroPenalty(p) ? null : { l1: p!.l1 ?? 0, l2: p!.l2 ?? 0, expabs: p!.expabs ?? 0 });

/**
 * The layout of a network the fused engine covers: flat inputs, dense layers only,
 * every activation of ACTIVATIONS, an output that fits the task. null otherwise (the
 * network then trains on the TensorFlow.js path: dropout, conv, recurrent...).
 */
export function fusedLayoutOf(specs: LayerSpec[], inputShape: number[], task: Task, classes: number): FusedLayout | null {
  if (inputShape.length !== 1 || specs.length === 0) return null;
  if (specs.some((s) => s.type !== 'dense' || !fusedActivation(s.activation ?? 'linear'))) return null;
  const outUnits = specs[specs.length - 1].size;
  if (outUnits !== (task === 'multiclass' ? classes : 1)) return null;
  let inputs = inputShape[0];
  let at = 0;
  const layers = specs.map((s): FusedDenseLayer => {
    const kernel = at;
    at += inputs * s.size;
    const bias = s.bias ? at : -1;
    if (s.bias) at += s.size;
    const layer: FusedDenseLayer = {
      name: s.name,
      inputs,
      units: s.size,
      activation: s.activation ?? 'linear',
      kernel,
      bias,
      kernelPenalty: penaltyOrNull(s.penalties.kernel),
      biasPenalty: s.bias ? penaltyOrNull(s.penalties.bias) : null,
      activityPenalty: penaltyOrNull(s.penalties.activity),
    };
    inputs = s.size;
    return layer;
  });
  return { inputs: inputShape[0], layers, size: at };
}

/** The network's current weights, in the layout. */
export function readWeights(layout: FusedLayout, net: Network, params: Float64Array): void {
  layout.layers.forEach((l, k) => {
    const w = net.weighted[k];
    params.set(w.kernel!.dataSync() as Float32Array, l.kernel);
    if (l.bias >= 0) params.set(w.bias!.dataSync() as Float32Array, l.bias);
  });
}

/** Writes the trained weights back into the network (for predictions, saving, fine-tuning). */
export function writeWeights(layout: FusedLayout, params: Float64Array, net: Network): void {
  layout.layers.forEach((l, k) => {
    const w = net.weighted[k];
    tf.tidy(() => {
      w.kernel!.assign(tf.tensor2d(Float32Array.from(params.subarray(l.kernel, l.kernel + l.inputs * l.units)), [l.inputs, l.units]));
      if (l.bias >= 0) w.bias!.assign(tf.tensor1d(Float32Array.from(params.subarray(l.bias, l.bias + l.units))));
    });
  });
}
