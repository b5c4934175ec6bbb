// Engine tests train data sets built by formula, without a cell: this gives them the
// objective completeSpec would give such a cell (the data set's task and classes, the
// output activation as the layers write it), so that each call site need not repeat it.
// The trainer itself never reads the task from a data set.

import type { Dataset } from '../../../src/core/data/dataset';
import type { LayerSpec, Objective } from '../../../src/core/experiment/experiment';
import { objectiveOf } from '../../../src/core/cell/completeSpec';
import { outputIndex } from '../../../src/core/cell/output';
import { train, type MemberConfig, type MemberOutcome, type TrainOptions } from '../../../src/core/engine/trainer';

/** The completed objective for `data` and `layers` (the output layer's activation as written, else the task's). */
export function objectiveFor(data: Pick<Dataset, 'task' | 'classes'>, layers: readonly LayerSpec[]): Objective {
  const out = outputIndex(layers.map((l) => l.type));
  return objectiveOf(data.task, data.classes, out === undefined ? undefined : layers[out].activation);
}

/** train() for the objective of `data` and the first member's layers. */
export function trainFor(data: Dataset, configs: MemberConfig[], opts?: TrainOptions): Promise<MemberOutcome[]> {
  return train(objectiveFor(data, configs[0].layers), data, configs, opts);
}
