// Builds a TensorFlow.js Sequential model from the cell's layers and keeps direct
// handles on every weight variable, so the training step can compute penalties and
// norms itself and run the forward pass layer by layer (activity penalties need
// each layer's outputs; dropout needs seeded masks that change every step).

import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerSpec, LayerType } from '../experiment/experiment';
import { RECURRENT_LAYER_TYPES } from '../experiment/experiment';
import type { LayerPenalties, PenaltyPart } from '../experiment/penalty';
import type { PenaltyCoefficients } from './penalties';
import { isZeroPenalty } from '../experiment/penalty';
import { withLayerDefaults } from '../cell/completeSpec';

/** What the forward pass, the loss and the norms need of a layer. */
export interface LayerVariables {
  /** null for a flatten layer inserted automatically before a dense layer. */
  spec: LayerSpec | null;
  type: LayerType;
  name: string;
  /** The TensorFlow.js layer that computes non-dense layers (dense layers are computed directly). */
  layer?: tfl.layers.Layer;
  kernel?: tf.Variable;
  recurrent?: tf.Variable;
  bias?: tf.Variable;
  penalties: Partial<Record<PenaltyPart, PenaltyCoefficients>>;
}

/** A layer of one model, backed by its TensorFlow.js layer. */
export interface NetworkLayer extends LayerVariables {
  layer: tfl.layers.Layer;
  penalties: LayerPenalties;
}

/**
 * The layers of one model, or of K models of one architecture stacked on a leading
 * member axis of every variable (`members` set; see stackedNetwork.ts).
 */
export interface NetworkVariables {
  layers: LayerVariables[];
  /** The layers that have weights, in order: the run result's `layers`. */
  weighted: LayerVariables[];
  /** Index in `layers` of the output layer (always a dense layer). */
  outputIndex: number;
  members?: number;
}

export interface Network extends NetworkVariables {
  model: tfl.Sequential;
  layers: NetworkLayer[];
  weighted: NetworkLayer[];
  members?: undefined;
}

/** Which shape the data set should give one sample, from the first layer's needs. */
export function inputLayoutFor(layers: LayerSpec[]): 'flat' | 'image' | 'sequence' {
  const first = layers.find((l) => l.type !== 'dropout');
  if (!first) return 'flat';
  if (first.type === 'conv2d' || first.type === 'maxpool2d') return 'image';
  if (first.type === 'conv1d' || first.type === 'maxpool1d' || RECURRENT_LAYER_TYPES.includes(first.type)) {
    return 'sequence';
  }
  return 'flat';
}

/** Deterministic per-layer initializer seeds derived from the training seed. */
function layerSeed(seed: number, index: number, part: number): number {
  return (Math.imul(seed + 1, 2654435761) ^ Math.imul(index + 1, 40503) ^ (part * 7919)) >>> 0;
}

export function buildNetwork(layerSpecs: LayerSpec[], inputShape: number[], seed: number): Network {
  // Completed layers pass unchanged; hand-built ones get the very defaults a cell gets.
  const specs = withLayerDefaults(layerSpecs);
  const model = tfl.sequential();
  const layers: NetworkLayer[] = [];
  let rank = inputShape.length;
  let autoFlatten = 0;
  // The input shape belongs to the first layer of a Sequential model.
  const input = () => (layers.length === 0 ? { inputShape } : {});
  const add = (layer: tfl.layers.Layer, spec: LayerSpec | null, type: LayerType, name: string) => {
    model.add(layer);
    layers.push({ spec, type, name, layer, penalties: spec?.penalties ?? {} });
  };

  specs.forEach((spec, i) => {
    const kernelInitializer = tfl.initializers.glorotUniform({ seed: layerSeed(seed, i, 1) });
    const common = { name: spec.name, useBias: spec.bias, kernelInitializer };
    switch (spec.type) {
      case 'dense': {
        if (rank > 1) {
          autoFlatten++;
          const name = `flatten_auto_${autoFlatten}`;
          add(tfl.layers.flatten({ name, ...input() }), null, 'flatten', name);
          rank = 1;
        }
        add(tfl.layers.dense({ ...common, ...input(), units: spec.size, activation: spec.activation ?? 'linear' }), spec, 'dense', spec.name);
        break;
      }
      case 'conv1d':
        add(tfl.layers.conv1d({ ...common, ...input(), filters: spec.size, kernelSize: spec.kernel![0], strides: spec.stride![0], padding: spec.padding, activation: spec.activation }), spec, spec.type, spec.name);
        break;
      case 'conv2d':
        add(tfl.layers.conv2d({ ...common, ...input(), filters: spec.size, kernelSize: spec.kernel!, strides: spec.stride, padding: spec.padding, activation: spec.activation }), spec, spec.type, spec.name);
        break;
      case 'maxpool1d':
        add(tfl.layers.maxPooling1d({ name: spec.name, poolSize: spec.size, ...input() }), spec, spec.type, spec.name);
        break;
      case 'maxpool2d':
        add(tfl.layers.maxPooling2d({ name: spec.name, poolSize: spec.size, ...input() }), spec, spec.type, spec.name);
        break;
      case 'flatten':
        add(tfl.layers.flatten({ name: spec.name, ...input() }), spec, spec.type, spec.name);
        rank = 1;
        break;
      case 'dropout':
        add(tfl.layers.dropout({ name: spec.name, rate: spec.size, ...input() }), spec, spec.type, spec.name);
        break;
      case 'lstm':
      case 'gru':
      case 'simplernn': {
        const returnSequences = spec.returnSequences!;
        const args = {
          ...common,
          ...input(),
          units: spec.size,
          activation: spec.activation,
          recurrentInitializer: tfl.initializers.orthogonal({ seed: layerSeed(seed, i, 2) }),
          returnSequences,
        };
        const layer = spec.type === 'lstm' ? tfl.layers.lstm(args) : spec.type === 'gru' ? tfl.layers.gru(args) : tfl.layers.simpleRNN(args);
        add(layer, spec, spec.type, spec.name);
        rank = returnSequences ? 2 : 1;
        break;
      }
    }
  });

  for (const l of layers) {
    for (const w of l.layer.trainableWeights) {
      const variable = w.read() as tf.Variable;
      const part = w.originalName.split('/').pop() ?? '';
      if (part === 'kernel') l.kernel = variable;
      else if (part === 'recurrent_kernel') l.recurrent = variable;
      else if (part === 'bias') l.bias = variable;
    }
  }
  const weighted = layers.filter((l) => l.kernel);
  const outputIndex = layers.indexOf(weighted[weighted.length - 1]);
  return { model, layers, weighted, outputIndex };
}

/** The variables whose norms are tracked: kernel and recurrent kernel, and the bias when it is penalized. */
export function trackedWeights(l: LayerVariables): tf.Variable[] {
  const out: tf.Variable[] = [];
  if (l.kernel) out.push(l.kernel);
  if (l.recurrent) out.push(l.recurrent);
  if (l.bias && !isZeroPenalty(l.penalties.bias)) out.push(l.bias);
  return out;
}

export function trainableVariables(net: Network): tf.Variable[] {
  return net.model.trainableWeights.map((w) => w.read() as tf.Variable);
}
