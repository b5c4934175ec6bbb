// The output layer against the task: it must be dense, come last, have one unit per
// class (one for binary and regression) and the activation the loss expects.

import { WEIGHTED_LAYER_TYPES, type Activation, type LayerType, type Task } from '../experiment/experiment';
import type { ProblemList, Span } from './problems';

/** The output activation a task's loss expects (the default when none is written). */
export function outputActivation(task: Task): Activation {
  return task === 'binary' ? 'sigmoid' : task === 'multiclass' ? 'softmax' : 'linear';
}

/** The index of the output layer: the last one with weights (undefined when none has). */
export function outputIndex(types: readonly (LayerType | undefined)[]): number | undefined {
  for (let i = types.length - 1; i >= 0; i--) {
    const t = types[i];
    if (t !== undefined && WEIGHTED_LAYER_TYPES.includes(t)) return i;
  }
  return undefined;
}

// Activations whose range cannot cover a regression target, and those that merely clip one side.
const BOUNDED: Partial<Record<Activation, string>> = { sigmoid: '(0, 1)', tanh: '(-1, 1)', softsign: '(-1, 1)', relu6: '[0, 6]', softmax: '(0, 1), summing to 1' };

export interface OutputFacts {
  task: Task;
  /** Classes of a multiclass task. */
  classes?: number;
  /** The data set in messages: `iris`, `a CSV file`. */
  data: string;
}

/**
 * Checks an output dense layer's size and explicit activation against the task.
 * `size` and `activation` are what the cell says (activation undefined: not written).
 */
export function checkOutput(
  problems: ProblemList,
  layer: { size?: number; activation?: Activation },
  facts: OutputFacts,
  at: { size: Span; activation: Span },
): void {
  const { task, classes, data } = facts;
  const want = task === 'multiclass' ? classes : 1;
  if (layer.size !== undefined && want !== undefined && layer.size !== want) {
    const why =
      task === 'binary'
        ? `${data} is a binary task: the output is 1 unit, the probability of class 1 (sigmoid)`
        : task === 'multiclass'
          ? `${data} has ${want} classes, so the output layer needs ${want} units (one per class, softmax)`
          : `${data} is a regression task: the output is 1 unit, the predicted value`;
    problems.error(at.size, `${why}; got ${layer.size}`);
  }
  const a = layer.activation;
  if (a === undefined) return;
  const expected = outputActivation(task);
  if (a === expected) return;
  if (task === 'binary') {
    const why =
      a === 'softmax' ? (layer.size === 1 ? 'softmax on a single unit always outputs 1' : 'a binary task is trained as one probability, not two') : `${a} does not give a probability`;
    problems.error(at.activation, `${why}: the output of a binary task (${data}) uses sigmoid`);
  } else if (task === 'multiclass') {
    const why = a === 'sigmoid' ? 'sigmoid scores each class on its own' : `${a} does not give class probabilities`;
    problems.error(at.activation, `${why}: the output of a multiclass task (${data}) uses softmax`);
  } else {
    const range = BOUNDED[a];
    if (range !== undefined) {
      problems.error(at.activation, `${a} only outputs values in ${range}: the output of a regression task (${data}) uses linear`);
    } else {
      problems.warning(at.activation, `${a} output is bounded below, so it cannot reach every target value; regression outputs are usually linear`);
    }
  }
}
