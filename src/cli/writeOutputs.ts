// The CLI's outputs: every path checked before anything trains, and every output
// written on its own afterwards, so one that fails (a read-only folder, a full disk)
// costs only itself and is reported in one line. The notebook is merged, not
// overwritten: outputs go into the file as it is on disk when the run ends.

import * as fs from 'fs/promises';
import { constants as fsConstants } from 'fs';
import * as path from 'path';
import { parseNotebook } from '../core/notebook/parse';
import { serializeNotebook } from '../core/notebook/serialize';
import { mergeOutputs, type OutputConflict, type OutputUpdate } from '../core/notebook/mergeOutputs';
import { writeFileAtomic } from '../core/store/atomicWrite';
import { FileLockBusy, LOCK_WAIT, withFileLock, type LockWait } from '../core/store/fileLock';
import { describeFsError } from '../core/store/fsError';
import { cellDir, storeRoot } from '../core/store/runStore';

export interface OutputPaths {
  notebookPath: string;
  /** Where the notebook with outputs goes (the notebook itself unless --out). */
  out: string;
  json?: string;
  charts?: string;
  /** Cells that will store runs. */
  cells: string[];
  /** The store folder (`--store DIR`); default `.regnb` beside the notebook. */
  storeDir?: string;
}

/**
 * Checks (and makes) every folder outputs go to, before training: the problems, one
 * line each (empty when every output can be written).
 */
export async function preflightOutputs(p: OutputPaths): Promise<string[]> {
  const problems: string[] = [];
  const shown = (file: string) => path.relative(process.cwd(), file) || '.';
  const fileTarget = async (file: string, what: string) => {
    const st = await fs.stat(file).catch(() => undefined);
    if (st?.isDirectory()) return problems.push(`${what} ${shown(file)}: it is a folder, not a file`);
    if (st && !st.isFile()) return problems.push(`${what} ${shown(file)}: not a regular file`);
    await writableFolder(path.dirname(file), `${what} ${shown(file)}`);
  };
  const writableFolder = async (dir: string, what: string) => {
    try {
      await fs.mkdir(dir, { recursive: true });
      const st = await fs.stat(dir);
      if (!st.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      await fs.access(dir, fsConstants.W_OK);
    } catch (e) {
      problems.push(`${what}: cannot write: ${describeFsError(e, shown(dir))}`);
    }
  };
  await fileTarget(p.out, p.out === p.notebookPath ? 'the notebook' : '--out');
  if (p.json) await fileTarget(p.json, '--json');
  // Nothing is made while a named output is already wrong.
  if (problems.length > 0) return problems;
  if (p.charts) await writableFolder(p.charts, `--charts ${shown(p.charts)}`);
  await writableFolder(storeRoot(p.notebookPath, p.storeDir), 'the run store');
  // A cell's folder that exists must be writable too (a read-only cell folder).
  for (const cell of p.cells) {
    const dir = cellDir(p.notebookPath, cell, p.storeDir);
    if (await fs.lstat(dir).then(() => true, () => false)) await writableFolder(dir, `the run store of cell ${cell}`);
  }
  return problems;
}

export interface NotebookWrite {
  conflicts: OutputConflict[];
  /** Why the notebook was not written at all, in one line. */
  failure?: string;
}

/**
 * Merges `updates` into the notebook as it is on disk now and writes the result to
 * `out`, holding the lock of `out` so that other RegNB writers wait their turn. If the
 * file still changes between the read and the write (an editor saving it), the merge is
 * done again on the newer text. `wait` is how long to wait for another writer's lock.
 */
export async function writeNotebookOutputs(notebookPath: string, out: string, updates: OutputUpdate[], wait: LockWait = LOCK_WAIT): Promise<NotebookWrite> {
  const shown = path.relative(process.cwd(), out) || out;
  try {
    return await withFileLock(out, () => mergeAndWrite(notebookPath, out, shown, updates), wait);
  } catch (e) {
    if (e instanceof FileLockBusy) return { conflicts: [], failure: `the notebook was not written: ${shown}: another writer kept it locked (${path.relative(process.cwd(), e.lockPath) || e.lockPath}); the runs are in the run store` };
    return { conflicts: [], failure: `the notebook was not written: ${describeFsError(e, shown)}` };
  }
}

async function mergeAndWrite(notebookPath: string, out: string, shown: string, updates: OutputUpdate[]): Promise<NotebookWrite> {
  for (let attempt = 0; attempt < 5; attempt++) {
    let text: string;
    try {
      text = await fs.readFile(notebookPath, 'utf8');
    } catch (e) {
      return { conflicts: [], failure: `the notebook was not written: ${describeFsError(e, path.relative(process.cwd(), notebookPath) || notebookPath)} (the runs are in the run store)` };
    }
    let merged;
    try {
      merged = mergeOutputs(parseNotebook(text, notebookPath), updates);
    } catch (e) {
      return { conflicts: [], failure: `the notebook was not written: it is no longer a valid notebook on disk (${(e as Error).message}); the runs are in the run store` };
    }
    let data: string;
    try {
      data = serializeNotebook(merged.doc);
      // Another writer finished meanwhile: merge again onto what it wrote.
      if ((await fs.readFile(notebookPath, 'utf8').catch(() => text)) !== text) continue;
      await writeFileAtomic(out, data);
    } catch (e) {
      return { conflicts: merged.conflicts, failure: `the notebook was not written: ${describeFsError(e, shown)}` };
    }
    return { conflicts: merged.conflicts };
  }
  return { conflicts: [], failure: `the notebook was not written: it kept changing on disk while the outputs were merged` };
}

/** Writes one output file, returning the failure in one line (undefined when written). */
export async function writeOutputFile(file: string, text: string, what: string): Promise<string | undefined> {
  try {
    await writeFileAtomic(file, text);
    return undefined;
  } catch (e) {
    return `${what} was not written: ${describeFsError(e, path.relative(process.cwd(), file) || file)}`;
  }
}
