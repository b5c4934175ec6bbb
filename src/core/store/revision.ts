// A run's revised diagnosis, stored beside its result. A run is diagnosed when it ends,
// but a sweep of the same data and network that runs later in the notebook may speak
// against that advice (guidance/sweepEvidence.ts); the notebook output is revised then,
// and so is the run store: `guidance.json` in the run folder holds the findings as
// revised, the sweeps they were revised with and when. result.json is never rewritten
// (runs are never overwritten: it keeps the diagnosis made at run time), and the
// revision file is replaced atomically, so a crash leaves the old revision or the new
// one, never half of either. Every reader of the store (readRun: compare, export; the
// listing: the sidebar) shows the revised findings.

import * as fs from 'fs/promises';
import * as path from 'path';
import type { Guidance, GuidanceRevision, RunResult } from '../run/result';
import { writeFileAtomic } from './atomicWrite';
import { describeFsError } from './fsError';

export const REVISION_FILE = 'guidance.json';

/** What guidance.json holds. */
export interface StoredRevision {
  regnb: 1;
  runId: string;
  findings: Guidance['findings'];
  revised: GuidanceRevision;
}

/**
 * Stores a result's revised findings beside its run (its `store` folder, relative to the
 * notebook's folder). Nothing is written for a run that was not stored or whose findings
 * were never revised (`guidance.revised` absent). A write that fails costs only the
 * revision: the result (the cell's output) gains a finding that says the store still
 * shows the run-time advice, and why.
 */
export async function storeRevision(notebookPath: string, result: RunResult): Promise<void> {
  const guidance = result.guidance;
  if (!result.store || !guidance?.revised) return;
  const dir = path.resolve(path.dirname(path.resolve(notebookPath)), result.store);
  const stored: StoredRevision = { regnb: 1, runId: result.runId, findings: guidance.findings, revised: guidance.revised };
  try {
    await writeFileAtomic(path.join(dir, REVISION_FILE), `${JSON.stringify(stored, null, 2)}\n`);
  } catch (e) {
    const why = describeFsError(e, `${result.store}/${REVISION_FILE}`);
    guidance.findings = [...guidance.findings, { kind: 'revision-not-stored', severity: 'info', message: `this advice was revised after the run but could not be stored in the run store (${why}): the run store still shows the advice made at run time`, figures: {} }];
  }
}

/**
 * The revision stored in a run folder, if any. A revision that cannot be read or does not
 * belong to the run (another runId, not the expected shape) is left out and said in
 * `problem`: the run then shows the diagnosis made at run time.
 */
export async function readRevision(dir: string, runId: string): Promise<{ revision?: StoredRevision; problem?: string }> {
  const file = path.join(dir, REVISION_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { problem: `${REVISION_FILE}: cannot read: ${(e as Error).message}` };
  }
  try {
    const v = JSON.parse(text) as Partial<StoredRevision>;
    if (v?.regnb === 1 && v.runId === runId && Array.isArray(v.findings) && typeof v.revised?.at === 'string') return { revision: v as StoredRevision };
    return { problem: `${REVISION_FILE}: not a revision of run ${runId}: the diagnosis made at run time is shown` };
  } catch (e) {
    return { problem: `${REVISION_FILE}: not valid JSON (${(e as Error).message}): the diagnosis made at run time is shown` };
  }
}

/** The result with the stored revision's findings in place of those made at run time (in place; returns it). */
export function applyRevision(result: RunResult, revision: StoredRevision | undefined): RunResult {
  if (revision && result.guidance) result.guidance = { ...result.guidance, findings: revision.findings, revised: revision.revised };
  return result;
}
