// A `compare: [cells]` cell: the latest readable run of each named cell, side by side.

import { comparisonOf, type Comparison } from '../run/comparison';
import type { RunResult } from '../run/result';
import { listCellRuns, readRun, RunStoreError } from '../store/runStore';

export async function compareCells(notebookPath: string, cells: readonly string[], storeDir?: string): Promise<Comparison> {
  const runs = [];
  const missing: string[] = [];
  const damaged: string[] = [];
  for (const cell of cells) {
    const stored = await listCellRuns(notebookPath, cell, storeDir);
    const candidates = [...stored].reverse().filter((r) => r.epochs > 0);
    const run = await firstReadable(candidates.map((r) => r.dir), damaged);
    if (run) runs.push(run);
    else missing.push(cell);
  }
  if (missing.length) {
    const why = damaged.length ? ` (unreadable: ${damaged.join('; ')})` : '';
    throw new Error(`nothing to compare yet for ${missing.join(', ')}: run ${missing.length === 1 ? 'that cell' : 'those cells'} first${why}`);
  }
  return comparisonOf(runs);
}

/**
 * The newest run whose result can be read: a damaged newest result.json (a disk that
 * filled up, a bad merge of a shared store) falls back to the intact run before it.
 */
async function firstReadable(dirs: string[], damaged: string[]): Promise<RunResult | undefined> {
  for (const dir of dirs) {
    try {
      return await readRun(dir);
    } catch (e) {
      if (!(e instanceof RunStoreError)) throw e;
      damaged.push(e.message);
    }
  }
  return undefined;
}
