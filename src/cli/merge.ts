// After `regnb merge` stored the sweep's run: the sweep folder says so (merged.json),
// so the sidebar shows the sweep as merged and names its run.

import * as path from 'path';
import type { RunResult } from '../core/run/result';
import type { Gathered } from '../core/runner/mergeSweep';
import { writeMergedMark } from '../core/store/shardStore';
import { storeFolder } from '../core/store/runStore';
import { describeFsError } from '../core/store/fsError';

/** Writes merged.json; the failure in one line, or undefined. */
export async function markMerged(gathered: Extract<Gathered, { kind: 'ready' }>, result: RunResult, notebookPath: string, storeDir?: string): Promise<string | undefined> {
  const runFolder = path.resolve(path.dirname(notebookPath), result.store ?? '');
  try {
    await writeMergedMark(gathered.dir, {
      regnbMerged: 1,
      cell: result.name,
      sweep: gathered.sweep,
      runId: result.runId,
      store: path.relative(storeFolder(notebookPath, storeDir), runFolder).split(path.sep).join('/'),
      shards: gathered.records.map((s) => s.length),
      mergedAt: new Date().toISOString(),
    });
    return undefined;
  } catch (e) {
    return `${result.name}: the sweep folder was not marked merged: ${describeFsError(e, gathered.dir)} (the run is stored)`;
  }
}
