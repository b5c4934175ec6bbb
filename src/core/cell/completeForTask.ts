// CSV files without `task:` reveal their task only once read. The runner calls this with
// the task it found, to check and fill what parseCell had to leave open.

import type { CompletedSpec, Problem, Task } from '../experiment/experiment';
import { completeSpec } from './completeSpec';
import { defaultSelect, selectMismatch } from './grid';
import { checkOutput, outputIndex } from './output';
import type { CellParse } from './parseCell';
import { ProblemList } from './problems';

/**
 * The spec completed for `task` (output activation, grid select) and the problems that
 * the task reveals (output size or activation, select metric), pointing into the cell.
 * `classes`: the number of classes of a multiclass task.
 */
export function completeForTask(parsed: CellParse, task: Task, classes?: number): { spec?: CompletedSpec; problems: Problem[] } {
  if (!parsed.spec) return { problems: [] };
  const spec = completeSpec(structuredClone(parsed.spec), task, classes);
  const problems = new ProblemList();
  const data = `the CSV file ${spec.data.file ?? ''}`.trim();
  const pending = parsed.pending ?? { outputActivation: false, select: false };

  const out = outputIndex(spec.model.map((l) => l.type));
  if (out !== undefined && spec.model[out].type === 'dense') {
    const layer = spec.model[out];
    const written = pending.outputActivation ? undefined : layer.activation;
    checkOutput(problems, { size: layer.size, activation: written }, { task, classes, data }, {
      size: parsed.sourceMap(`model.${out}.dense`),
      activation: parsed.sourceMap(`model.${out}.activation`),
    });
  }
  if (spec.grid) {
    if (pending.select) spec.grid.select = defaultSelect(task);
    const why = selectMismatch(spec.grid.select, task, data);
    if (why) problems.error(parsed.sourceMap('grid.select'), why);
  }
  return problems.hasErrors ? { problems: problems.items } : { spec, problems: problems.items };
}
