// How each target tool (Keras, PyTorch, scikit-learn) names RegNB's layers, penalty
// parts, losses and activations: one table per tool, read by both the equivalent
// settings (equivalents.ts) and the script export (scriptExport.ts), so the two never
// name a weight differently. Plus the one Python number formatter.

import type { Activation, LayerSpec, LayerType, LossName } from '../experiment/experiment';
import type { PenaltyPart } from '../experiment/penalty';

/** A number as a Python literal: 12 significant digits; NaN and infinities as float(...). */
export function py(v: number): string {
  if (Number.isNaN(v)) return 'float("nan")';
  if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : '-float("inf")';
  return String(Number(v.toPrecision(12)));
}

export const pyStr = (s: string): string => JSON.stringify(s);
export const pyBool = (b: boolean | undefined): string => (b ? 'True' : 'False');
export const tuple = (xs: readonly number[]): string => `(${xs.join(', ')}${xs.length === 1 ? ',' : ''})`;

// ------------------------------------------------------------------ Keras

export const KERAS = {
  layer: {
    dense: 'Dense', conv1d: 'Conv1D', conv2d: 'Conv2D', maxpool1d: 'MaxPooling1D', maxpool2d: 'MaxPooling2D',
    flatten: 'Flatten', dropout: 'Dropout', lstm: 'LSTM', gru: 'GRU', simplernn: 'SimpleRNN',
  } satisfies Record<LayerType, string>,
  /** The layer argument that holds each part's regularizer. */
  regularizer: {
    kernel: 'kernel_regularizer', recurrent: 'recurrent_regularizer', bias: 'bias_regularizer', activity: 'activity_regularizer',
  } satisfies Record<PenaltyPart, string>,
  /** Labels are class indices, so multiclass is the sparse form. */
  loss: { 'binary-crossentropy': 'binary_crossentropy', 'categorical-crossentropy': 'sparse_categorical_crossentropy', mse: 'mse' } satisfies Record<LossName, string>,
} as const;

// ------------------------------------------------------------------ PyTorch

export const TORCH = {
  /** Layers with a module of their own (the others are functions in forward()). */
  module: { dense: 'LazyLinear', conv1d: 'LazyConv1d', conv2d: 'LazyConv2d', lstm: 'LSTM', gru: 'GRU', simplernn: 'RNN' } as Partial<Record<LayerType, string>>,
  /** One activation applied to `x`. */
  activation: {
    linear: 'x', relu: 'torch.relu(x)', sigmoid: 'torch.sigmoid(x)', tanh: 'torch.tanh(x)', softmax: 'torch.softmax(x, dim=-1)',
    elu: 'F.elu(x)', selu: 'F.selu(x)', softplus: 'F.softplus(x)', softsign: 'F.softsign(x)', relu6: 'F.relu6(x)', swish: 'F.silu(x)', gelu: 'F.gelu(x)',
  } satisfies Record<Activation, string>,
};

/**
 * The parameters of a PyTorch module that hold a penalty part's weights, as
 * `<layer>.<parameter>`. Recurrent modules name theirs per stacked layer (`_l0`) and
 * have two bias vectors where Keras has one; activity has no parameter ([]).
 */
export function torchParameters(l: Pick<LayerSpec, 'type' | 'name'>, part: PenaltyPart): string[] {
  const recurrent = l.type === 'lstm' || l.type === 'gru' || l.type === 'simplernn';
  const names: Record<PenaltyPart, string[]> = recurrent
    ? { kernel: ['weight_ih_l0'], recurrent: ['weight_hh_l0'], bias: ['bias_ih_l0', 'bias_hh_l0'], activity: [] }
    : { kernel: ['weight'], recurrent: [], bias: ['bias'], activity: [] };
  return names[part].map((p) => `${l.name}.${p}`);
}

// ------------------------------------------------------------------ scikit-learn

export const SKLEARN = {
  /** MLP activations scikit-learn has, by RegNB name. */
  activation: { relu: 'relu', tanh: 'tanh', sigmoid: 'logistic', linear: 'identity' } as Partial<Record<Activation, string>>,
};
