// The one step that completes a spec: from the data's task, the objective (task, metric,
// classes, loss, output activation), and every layer field the cell may leave out
// (activation, kernel, stride, padding, returnSequences). The CLI, the extension, the
// engine, the guidance and the exports read the completed fields; none of them guesses.

import {
  RECURRENT_LAYER_TYPES,
  type Activation,
  type CompletedSpec,
  type ExperimentSpec,
  type LayerSpec,
  type LayerType,
  type LossName,
  type MetricName,
  type Objective,
  type Task,
} from '../experiment/experiment';
import { outputActivation, outputIndex } from './output';

/** Default activations of hidden layers with weights; undefined for layers without any. */
export function hiddenActivation(type: LayerType): Activation | undefined {
  if (type === 'dense' || type === 'conv1d' || type === 'conv2d') return 'relu';
  if (type === 'lstm' || type === 'gru' || type === 'simplernn') return 'tanh';
  return undefined;
}

const LOSS: Record<Task, LossName> = { binary: 'binary-crossentropy', multiclass: 'categorical-crossentropy', regression: 'mse' };

export function metricOf(task: Task): MetricName {
  return task === 'regression' ? 'r2' : 'accuracy';
}

/**
 * The layers with every task-free default filled in, as new objects: hidden
 * activations, convolution kernel/stride/padding, and whether a recurrent layer
 * returns its whole sequence (when another recurrent layer follows, dropout aside).
 * The output layer's activation depends on the task and is left as written.
 */
export function withLayerDefaults(model: readonly LayerSpec[]): LayerSpec[] {
  const out = outputIndex(model.map((l) => l.type));
  return model.map((l, i) => {
    const layer: LayerSpec = { ...l };
    if (layer.activation === undefined && i !== out) {
      const a = hiddenActivation(l.type);
      if (a) layer.activation = a;
    }
    if (l.type === 'conv1d' || l.type === 'conv2d') {
      const dims = l.type === 'conv2d' ? 2 : 1;
      layer.kernel = l.kernel ?? new Array<number>(dims).fill(3);
      layer.stride = l.stride ?? new Array<number>(dims).fill(1);
      layer.padding = l.padding ?? 'valid';
    }
    if (RECURRENT_LAYER_TYPES.includes(l.type) && layer.returnSequences === undefined) layer.returnSequences = nextIsRecurrent(model, i);
    return layer;
  });
}

function nextIsRecurrent(model: readonly LayerSpec[], i: number): boolean {
  for (let j = i + 1; j < model.length; j++) {
    if (model[j].type === 'dropout') continue;
    return RECURRENT_LAYER_TYPES.includes(model[j].type);
  }
  return false;
}

/** The objective of a task: `classes` counts the classes of a multiclass task. */
export function objectiveOf(task: Task, classes: number | undefined, written?: Activation): Objective {
  return {
    task,
    metric: metricOf(task),
    classes: task === 'multiclass' ? (classes ?? 0) : task === 'binary' ? 2 : 1,
    loss: LOSS[task],
    outputActivation: written ?? outputActivation(task),
  };
}

/**
 * The spec completed for `task`: the objective, the output activation (unless written)
 * and every layer default. Checks that the output layer suits the task are the
 * caller's (parseCell, completeForTask), which point at the cell's source.
 */
export function completeSpec(spec: ExperimentSpec, task: Task, classes: number | undefined): CompletedSpec {
  const model = withLayerDefaults(spec.model);
  const out = outputIndex(model.map((l) => l.type));
  const objective = objectiveOf(task, classes, out === undefined ? undefined : model[out].activation);
  if (out !== undefined) model[out] = { ...model[out], activation: objective.outputActivation };
  return { ...spec, model, ...objective };
}
