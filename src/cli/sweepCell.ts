// The one cell `regnb run --shard` and `regnb merge` work on: named with --cell, a grid
// cell, and needing no other cell to run first (every job of an array would run it).

import type { CheckedNotebook } from '../core/runner/runNotebook';
import type { CompletedSpec } from '../core/experiment/experiment';

/** The cell's completed spec and source, or the reason (exit 2) in one line. */
export function sweepCell(checked: CheckedNotebook, cells: readonly string[] | undefined, what: string): { spec: CompletedSpec; source: string } | { error: string } {
  if (cells?.length !== 1) return { error: `${what}: name one cell with --cell NAME` };
  const name = cells[0];
  const step = checked.plan.steps.find((s) => s.name === name);
  if (!step?.spec) return { error: `${what}: '${name}' is not an experiment cell` };
  if (!step.spec.grid) return { error: `${what}: cell '${name}' has no grid: (only a sweep trains as shards)` };
  const first = checked.plan.steps.find((s) => s !== step && s.spec);
  if (first) return { error: `${what}: cell '${name}' needs cell '${first.name}', which has no completed run: run it first (regnb run --cell ${first.name})` };
  return { spec: step.spec, source: checked.doc.cells[step.index].source };
}
