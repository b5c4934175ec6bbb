// A `compare: [cells]` cell: the latest run of each named cell, side by side.

import { comparisonOf, type Comparison } from '../run/comparison';
import { listCellRuns, readRun } from '../store/runStore';

export async function compareCells(notebookPath: string, cells: readonly string[]): Promise<Comparison> {
  const runs = [];
  const missing: string[] = [];
  for (const cell of cells) {
    const stored = await listCellRuns(notebookPath, cell);
    const latest = [...stored].reverse().find((r) => r.epochs > 0);
    if (latest) runs.push(await readRun(latest.dir));
    else missing.push(cell);
  }
  if (missing.length) throw new Error(`nothing to compare yet for ${missing.join(', ')}: run ${missing.length === 1 ? 'that cell' : 'those cells'} first`);
  return comparisonOf(runs);
}
