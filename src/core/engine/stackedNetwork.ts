// K models of one dense architecture as one network: every variable gets a leading
// member axis (kernel [K, in, out], bias [K, 1, out]) and every penalty coefficient
// one value per member. A forward pass is then one batched matMul per layer for all
// K models, and one optimizer step updates all of them: the kernel dispatches that
// dominate small networks are paid once per stack instead of once per model.
//
// The members stay exactly apart: the stack minimizes the sum of their objectives,
// whose gradient with respect to member k's weights is member k's own gradient, and
// every optimizer here (Adam, RMSProp, SGD with momentum, decoupled decay) updates
// each weight from its own gradient and state alone.

import * as tf from '@tensorflow/tfjs-core';
import type { LayerSpec, TrainSpec } from '../experiment/experiment';
import { PENALTY_KEYS, PENALTY_PARTS, type Penalty } from '../experiment/penalty';
import type { LayerVariables, Network, NetworkVariables } from './network';
import type { PenaltyCoefficients } from './penalties';

export interface StackedNetwork extends NetworkVariables {
  members: number;
  /** Per-member coefficient tensors, to dispose with the stack. */
  coefficients: tf.Tensor[];
}

/**
 * Members with equal keys can train as one stack: dense layers only (dropout masks
 * would have to be drawn per member to match training them one by one), the same
 * training settings but the seed, and the same penalty terms, strengths aside. null
 * when the layers cannot be stacked at all.
 */
export function stackKey(layers: LayerSpec[], train: TrainSpec, inputShape: number[]): string | null {
  if (inputShape.length !== 1 || layers.some((l) => l.type !== 'dense')) return null;
  const shape = layers.map((l) => ({
    size: l.size,
    activation: l.activation ?? null,
    bias: l.bias,
    terms: PENALTY_PARTS.map((part) => PENALTY_KEYS.filter((k) => l.penalties[part]?.[k]).join('+')),
  }));
  const { seed: _seed, from: _from, ...settings } = train;
  return JSON.stringify({ shape, settings });
}

/** Copies the members' current weights into one stacked network (the members are left as they are). */
export function stackNetworks(nets: Network[]): StackedNetwork {
  const first = nets[0];
  const coefficients: tf.Tensor[] = [];
  const layers = first.layers.map((l, i): LayerVariables => {
    const all = nets.map((n) => n.layers[i]);
    const kernel = l.kernel && tf.variable(tf.stack(all.map((m) => m.kernel!)));
    // [K, 1, out], so that it broadcasts over each member's batch rows.
    const bias = l.bias && tf.variable(tf.tidy(() => tf.expandDims(tf.stack(all.map((m) => m.bias!)), 1)));
    const penalties: LayerVariables['penalties'] = {};
    for (const part of PENALTY_PARTS) {
      if (!l.penalties[part]) continue;
      const p: PenaltyCoefficients = {};
      for (const k of PENALTY_KEYS) {
        if (!l.penalties[part][k]) continue;
        const t = tf.tensor1d(all.map((m) => (m.penalties[part] as Penalty)[k] ?? 0));
        coefficients.push(t);
        p[k] = t;
      }
      penalties[part] = p;
    }
    return { spec: l.spec, type: l.type, name: l.name, kernel, bias, penalties };
  });
  const weighted = layers.filter((l) => l.kernel);
  return { layers, weighted, outputIndex: first.outputIndex, members: nets.length, coefficients };
}

export function stackedVariables(stack: StackedNetwork): tf.Variable[] {
  return stack.weighted.flatMap((l) => [l.kernel, l.bias].filter((v): v is tf.Variable => !!v));
}

/**
 * Writes member k's slice of the stack back into its own network. Each slice is
 * copied (clone) into storage of its own shape: tfjs-backend-wasm's fused matMul reads
 * a bias's shape from where its data was allocated, so a [1, out] slice reshaped to
 * [out] would be refused there ("only supports rank-1 bias").
 */
export function unstackInto(stack: StackedNetwork, nets: Network[]): void {
  tf.tidy(() => {
    stack.layers.forEach((l, i) => {
      if (l.kernel) tf.unstack(l.kernel).forEach((w, k) => nets[k].layers[i].kernel!.assign(tf.clone(w)));
      if (l.bias) tf.unstack(tf.squeeze(l.bias, [1])).forEach((b, k) => nets[k].layers[i].bias!.assign(tf.clone(b)));
    });
  });
}

export function disposeStack(stack: StackedNetwork): void {
  tf.dispose([...stackedVariables(stack), ...stack.coefficients]);
}
