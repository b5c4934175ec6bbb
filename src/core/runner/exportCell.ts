// One experiment cell as a runnable Keras or PyTorch script: what both `regnb export`
// and the extension's Copy Cell as Keras/PyTorch Script write. The cell is checked as
// for a run (its CSV file read, so its task is known), and exported only when valid.

import type { NotebookCellInput } from '../cell/checkNotebook';
import type { CompletedSpec, Problem } from '../experiment/experiment';
import { kerasScript, pytorchScript, type ScriptContext } from '../guidance/scriptExport';
import { planRun, type PlanOptions } from './runPlan';

export const SCRIPT_TARGETS = ['keras', 'pytorch'] as const;
export type ScriptTarget = (typeof SCRIPT_TARGETS)[number];

export type ExportedCell = { script: string; name: string } | { problems: Problem[]; message: string };

/**
 * The script of the cell named `cell` (or at notebook index `cell`), or why there is none.
 * `context`: where the script finds its data (default: it regenerates it).
 */
export async function exportCell(
  sources: readonly NotebookCellInput[],
  cell: string | number,
  to: ScriptTarget,
  opts: Omit<PlanOptions, 'want' | 'hasRun'>,
  context?: (spec: CompletedSpec) => Promise<ScriptContext>,
): Promise<ExportedCell> {
  const plan = await planRun(sources, opts);
  const found = plan.cells.find((c) => (typeof cell === 'number' ? c.index === cell : c.name === cell));
  const label = typeof cell === 'number' ? 'the cell' : `cell '${cell}'`;
  if (!found) return { problems: [], message: `the notebook has no experiment cell named '${cell}'` };
  if (found.kind === 'compare') return { problems: [], message: `${label} is a compare cell: only experiment cells can be exported` };
  if (!found.spec) return { problems: found.problems.filter((p) => p.severity === 'error'), message: `${label} has problems` };
  const ctx = context ? await context(found.spec) : {};
  return { script: to === 'keras' ? kerasScript(found.spec, ctx) : pytorchScript(found.spec, ctx), name: found.name };
}
