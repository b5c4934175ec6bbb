// The forward pass, layer by layer. It returns the output layer's pre-activation
// (logits) so the data loss can use the numerically stable "from logits" forms,
// and every layer's outputs when an activity penalty needs them.

import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../experiment/experiment';
import type { LayerVariables, NetworkVariables } from './network';
import { stackedMatMul } from './stackedMatMul';

export interface ForwardResult {
  /** Output layer before its activation. */
  logits: tf.Tensor;
  /** Outputs of each layer, by index in `net.layers`, for layers with an activity penalty. */
  activity: Map<number, tf.Tensor>;
}

export interface ForwardOptions {
  training: boolean;
  /** Seed of this step's dropout masks (a new one every step keeps masks changing). */
  dropoutSeed?: number;
}

const FUSED: Partial<Record<Activation, 'linear' | 'relu' | 'relu6' | 'elu' | 'sigmoid'>> = {
  linear: 'linear', relu: 'relu', relu6: 'relu6', elu: 'elu', sigmoid: 'sigmoid',
};

export function activate(name: Activation, x: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'linear': return x;
    case 'relu': return tf.relu(x);
    case 'relu6': return tf.relu6(x);
    case 'sigmoid': return tf.sigmoid(x);
    case 'tanh': return tf.tanh(x);
    case 'softmax': return tf.softmax(x);
    case 'elu': return tf.elu(x);
    case 'selu': return tf.selu(x);
    case 'softplus': return tf.softplus(x);
    case 'softsign': return tf.div(x, tf.add(1, tf.abs(x)));
    case 'swish': return tf.mul(x, tf.sigmoid(x));
    case 'gelu': return tf.mul(tf.mul(0.5, x), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
  }
}

export function forward(net: NetworkVariables, x: tf.Tensor, opts: ForwardOptions): ForwardResult {
  const activity = new Map<number, tf.Tensor>();
  const stacked = net.members !== undefined;
  let h = x;
  let logits: tf.Tensor | undefined;
  net.layers.forEach((l, i) => {
    const spec = l.spec;
    if (i === net.outputIndex) {
      logits = dense(h, l, 'linear', stacked);
      // The losses and metrics take logits: the activation is needed only by an activity
      // penalty or a layer after the output layer.
      if (spec?.penalties.activity || i < net.layers.length - 1) h = activate(spec?.activation ?? 'linear', logits);
    } else if (l.type === 'dense') {
      h = dense(h, l, spec?.activation ?? 'linear', stacked);
    } else if (l.type === 'dropout') {
      if (opts.training && spec && spec.size > 0) {
        const keep = 1 - spec.size;
        const mask = tf.cast(tf.greaterEqual(tf.randomUniform(h.shape, 0, 1, 'float32', (opts.dropoutSeed ?? 0) + i * 7919), spec.size), 'float32');
        h = tf.mul(h, tf.div(mask, keep));
      }
    } else {
      if (!l.layer) throw new Error(`layer ${l.name} (${l.type}) has no TensorFlow.js layer to compute it`);
      h = l.layer.apply(h, { training: opts.training }) as tf.Tensor;
    }
    if (spec?.penalties.activity) activity.set(i, h);
  });
  return { logits: logits!, activity };
}

/**
 * A dense layer, computed directly: Layer.apply's bookkeeping costs more than the math
 * on small networks. A stack's bias is [K, 1, out], which the fused kernels do not take
 * (they want a rank-1 bias), so stacks add it apart.
 */
function dense(h: tf.Tensor, l: LayerVariables, act: Activation, stacked: boolean): tf.Tensor {
  if (stacked) {
    const z = stackedMatMul(h, l.kernel!);
    return activate(act, l.bias ? tf.add(z, l.bias) : z);
  }
  const fused = FUSED[act];
  return fused
    ? tf.fused.matMul({ a: h, b: l.kernel!, bias: l.bias, activation: fused })
    : activate(act, tf.fused.matMul({ a: h, b: l.kernel!, bias: l.bias }));
}
