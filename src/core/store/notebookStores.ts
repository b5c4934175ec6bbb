// A notebook's runs and sharded sweeps in every store the user has: the default one
// (`.regnb` beside the notebook) and the folders named in regnb.storeFolders (where a
// CLI `--store DIR` wrote). The sidebar groups them by store; this decides what each
// group holds. Pure: no `vscode`.

import * as path from 'path';
import { listRuns, storeFolder, type RunSummary } from './runStore';
import { listShardedSweeps, type SweepProgress } from './shardStore';

/** An experiment cell of the notebook: its name and 0-based index. */
export interface NotebookCellRef {
  name: string;
  index: number;
}

/** A cell as given (with whatever else the caller keeps on it), with its runs and sweeps in one store. */
export type StoreCell<C extends NotebookCellRef = NotebookCellRef> = C & {
  /** Oldest first. */
  runs: RunSummary[];
  /** Newest first. */
  sweeps: SweepProgress[];
};

export interface NotebookStore<C extends NotebookCellRef = NotebookCellRef> {
  /** The store folder, absolute; undefined for the default store (`.regnb` beside the notebook). */
  store: string | undefined;
  cells: StoreCell<C>[];
  /** Unreadable run folders and shard files, one message each. */
  problems: string[];
}

/**
 * The default store with every experiment cell (run or not), then each of `extra` that
 * holds runs, sharded sweeps or problems of this notebook, with the cells that have
 * runs or sweeps there. A store named twice, or the default store named in `extra`, is
 * listed once.
 */
export async function notebookStores<C extends NotebookCellRef>(notebookPath: string, cells: readonly C[], extra: readonly string[]): Promise<NotebookStore<C>[]> {
  const home = storeFolder(notebookPath);
  const others = [...new Set(extra.map((s) => path.resolve(s)))].filter((s) => s !== home);
  const listed = await Promise.all([undefined, ...others].map((store) => storeContents(notebookPath, cells, store)));
  return listed.filter((s) => s.store === undefined || s.cells.length > 0 || s.problems.length > 0);
}

async function storeContents<C extends NotebookCellRef>(notebookPath: string, cells: readonly C[], store: string | undefined): Promise<NotebookStore<C>> {
  const [listing, sharded] = await Promise.all([listRuns(notebookPath, store), listShardedSweeps(notebookPath, store)]);
  const all = cells.map((c) => ({ ...c, runs: listing.runs.filter((r) => r.cell === c.name), sweeps: sharded.sweeps.filter((s) => s.cell === c.name) }));
  return {
    store,
    cells: store === undefined ? all : all.filter((c) => c.runs.length > 0 || c.sweeps.length > 0),
    problems: [...listing.problems, ...sharded.problems],
  };
}
