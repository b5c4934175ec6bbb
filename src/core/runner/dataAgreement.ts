// The spec a cell runs with was completed for the task its data had when the plan read
// it; the trainer takes its objective from that spec alone. A CSV file edited since
// (its target column now continuous, or with another number of classes) would then be
// trained with the wrong loss: this check, made before any training, says so instead.

import type { Dataset } from '../data/dataset';
import type { CompletedSpec, DataSpec } from '../experiment/experiment';

/** Where the cell sits in its notebook, when the runner knows (0-based index). */
export interface CellPlace {
  index?: number;
}

/** Why `dataset` cannot be trained for `spec`'s objective, naming the cell and its data; undefined when they agree. */
export function dataDisagreement(spec: CompletedSpec, dataset: Pick<Dataset, 'task' | 'classes'>, place: CellPlace = {}): string | undefined {
  if (dataset.task === spec.task && (spec.task !== 'multiclass' || dataset.classes === spec.classes)) return undefined;
  const cell = `cell '${spec.name}'${place.index === undefined ? '' : ` (cell ${place.index + 1})`}`;
  return `${cell}: ${dataNamed(spec.data)} now holds ${taskNamed(dataset.task, dataset.classes)} but the cell was checked for ${taskNamed(spec.task, spec.classes)}: run it again to check it anew`;
}

function dataNamed(data: DataSpec): string {
  return data.source === 'file' ? `data file '${data.file}'` : `data source '${data.source}'`;
}

function taskNamed(task: string, classes: number): string {
  return task === 'multiclass' ? `a multiclass task with ${classes} classes` : `a ${task} task`;
}
