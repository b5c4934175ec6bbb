// Sharded sweeps in the run store: a sweep trained as an array of independent jobs
// (Kubernetes, Slurm, AWS Batch) keeps its pieces in
//
//   <store>/shards/<notebook stem>/<cell>/<sweep>/
//       stage-1/shard-<I>-of-<N>.json   written only by shard I of N (replaced by a rerun)
//       refine.json                     the second stage's alphas, planned by the first merge
//       stage-2/shard-<I>-of-<N>.json
//       merged.json                     the final merge: the run it stored
//
// `<sweep>` is a hash of the cell's source, so every shard of one cell agrees on it
// without talking to the others. Each file is written atomically; a listing reads them
// and says how far each sweep is (shards in of N, what to do next).

import * as fs from 'fs/promises';
import * as path from 'path';
import { createHash } from 'crypto';
import type { BackendName, GridPoint, GridResult, RunStatus } from '../run/result';
import { writeFileAtomic } from './atomicWrite';
import { folderName } from './folderName';
import { notebookFolder, storeFolder } from './runStore';

export const SHARDS_FOLDER = 'shards';
export const REFINE_FILE = 'refine.json';
export const MERGED_FILE = 'merged.json';
/** Most shards of one stage: a shard trains at least one model, and a cell has at most 10,000. */
export const MAX_SHARDS = 10_000;

export type Stage = 1 | 2;

/** What one shard trained: its slice of the stage's models, and how. */
export interface ShardRecord {
  regnbShard: 1;
  notebook: string;
  cell: string;
  sweep: string;
  stage: Stage;
  /** 2 when the cell refines (`refine` > 0): a second stage follows the first merge. */
  stages: Stage;
  index: number;
  count: number;
  /** Models of the stage over all its shards; this shard trained [first, end) of them, in plan order. */
  models: number;
  first: number;
  end: number;
  /** The stage's alphas (stage 2: the refine plan's). */
  alphas: number[];
  /** `completed` only when every model of the slice finished. */
  status: Extract<RunStatus, 'completed' | 'cancelled' | 'failed'>;
  error: string | null;
  backend: BackendName;
  /** SHA-256 of the data set the shard trained on: every shard (and the merge) must agree. */
  data: string;
  /** The run `train.from` started from. */
  from: { cell: string; runId: string } | null;
  validate: NonNullable<GridResult['validate']>;
  warnings: string[];
  threads: number;
  stackSize: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  host: string;
  points: GridPoint[];
}

/** The second stage's plan, written by the merge of the first. */
export interface RefinePlan {
  regnbRefine: 1;
  cell: string;
  sweep: string;
  /** The chosen alpha of the first stage, around which `alphas` lie. */
  around: number;
  alphas: number[];
  plannedAt: string;
}

/** The final merge: the run it stored. */
export interface MergedMark {
  regnbMerged: 1;
  cell: string;
  sweep: string;
  runId: string;
  /** The run's folder, relative to the store folder. */
  store: string;
  /** Shards per stage. */
  shards: number[];
  mergedAt: string;
}

/** What a sweep folder holds (read by readSweepFolder, summed up by sweepProgress). */
export interface SweepFolderContents {
  dir: string;
  cell: string;
  sweep: string;
  shards: ShardRecord[];
  refine: RefinePlan | null;
  merged: MergedMark | null;
}

export interface StageProgress {
  stage: Stage;
  /** N: the count of the newest shard file of this stage (files of another count are ignored); null before any. */
  count: number | null;
  /** Indexes of the shards in (status completed), ascending. */
  done: number[];
  /** Shards that wrote a file but did not complete. */
  failed: { index: number; status: 'failed' | 'cancelled'; error: string | null }[];
  /** Indexes without a file. */
  missing: number[];
  complete: boolean;
}

export interface SweepProgress {
  cell: string;
  sweep: string;
  dir: string;
  stages: Stage;
  /** The stage under way: 2 once the first merge planned it, else 1. */
  stage: StageProgress;
  /** Every stage seen, in order. */
  all: StageProgress[];
  /** Run (more) shards of `stage`; run `regnb merge` (plans stage 2, or merges); nothing left. */
  next: 'shards' | 'merge' | 'merged';
  merged: { runId: string; mergedAt: string } | null;
  /** The newest time in the folder (a shard finishing, the plan, the merge), ISO. */
  updatedAt: string | null;
}

/** The sweep of a cell's source: 16 hex digits of its SHA-256. */
export function sweepKey(cellSource: string): string {
  return createHash('sha256').update(cellSource, 'utf8').digest('hex').slice(0, 16);
}

/** `<store>/shards/<notebook stem>` */
export function shardsRoot(notebookPath: string, storeDir?: string): string {
  return path.join(storeFolder(notebookPath, storeDir), SHARDS_FOLDER, notebookFolder(notebookPath));
}

/** `<store>/shards/<notebook stem>/<cell>/<sweep>` */
export function sweepDir(notebookPath: string, cell: string, sweep: string, storeDir?: string): string {
  return path.join(shardsRoot(notebookPath, storeDir), folderName(cell), sweep);
}

/** A shard's file, relative to its sweep folder. */
export function shardFile(stage: Stage, index: number, count: number): string {
  return path.join(`stage-${stage}`, `shard-${index}-of-${count}.json`);
}

const SHARD_NAME = /^shard-(\d+)-of-(\d+)\.json$/;

/** Writes a shard's record over its previous one (atomic: the old file or the new one, never half). */
export async function writeShard(dir: string, record: ShardRecord): Promise<string> {
  const file = path.join(dir, shardFile(record.stage, record.index, record.count));
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, encodeJson(record));
  return file;
}

export async function writeRefinePlan(dir: string, plan: RefinePlan): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, REFINE_FILE), encodeJson(plan));
}

export async function writeMergedMark(dir: string, mark: MergedMark): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, MERGED_FILE), encodeJson(mark));
}

/**
 * Everything a sweep folder holds. Files that cannot be read or are not what they
 * should be are left out, one problem each (a shard being rewritten is never half
 * there: writes are atomic).
 */
export async function readSweepFolder(dir: string): Promise<{ contents: SweepFolderContents; problems: string[] }> {
  const problems: string[] = [];
  const shards: ShardRecord[] = [];
  for (const stage of [1, 2] as const) {
    const stageDir = path.join(dir, `stage-${stage}`);
    const names = await fs.readdir(stageDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') problems.push(`${stageDir}: cannot read the folder: ${e.message}`);
      return [] as string[];
    });
    for (const name of names.sort()) {
      const m = SHARD_NAME.exec(name);
      if (!m) continue;
      const file = path.join(stageDir, name);
      const value = await readJson(file, problems);
      if (value === undefined) continue;
      const problem = shardProblem(value, stage, Number(m[1]), Number(m[2]));
      if (problem) problems.push(`${file}: ${problem}`);
      else shards.push(value as ShardRecord);
    }
  }
  const refine = await readOptional(path.join(dir, REFINE_FILE), problems, refineProblem);
  const merged = await readOptional(path.join(dir, MERGED_FILE), problems, (v) => (isObject(v) && v.regnbMerged === 1 && typeof v.runId === 'string' ? undefined : 'not a merge record'));
  const cell = shards[0]?.cell ?? (refine as RefinePlan | null)?.cell ?? (merged as MergedMark | null)?.cell ?? path.basename(path.dirname(dir));
  return { contents: { dir, cell, sweep: path.basename(dir), shards, refine: refine as RefinePlan | null, merged: merged as MergedMark | null }, problems };
}

/** The second stage's plan of a sweep folder, if the first merge wrote one (unreadable: an error). */
export async function readRefinePlan(dir: string): Promise<RefinePlan | null> {
  const problems: string[] = [];
  const plan = await readOptional(path.join(dir, REFINE_FILE), problems, refineProblem);
  if (problems.length > 0) throw new Error(problems[0]);
  return plan as RefinePlan | null;
}

/** The progress of one sweep folder: shards in of N per stage, and what to do next. */
export function sweepProgress(c: SweepFolderContents): SweepProgress {
  const stages: Stage = c.refine || c.shards.some((s) => s.stages === 2) ? 2 : 1;
  const all: StageProgress[] = [stageProgress(c.shards, 1)];
  if (c.refine) all.push(stageProgress(c.shards, 2));
  const stage = all[all.length - 1];
  const times = [...c.shards.map((s) => s.finishedAt), c.refine?.plannedAt, c.merged?.mergedAt].filter((t): t is string => typeof t === 'string').sort();
  const newestShard = c.shards.map((s) => s.finishedAt).sort().at(-1);
  // A shard rerun after the merge makes the sweep mergeable again.
  const merged = c.merged && (!newestShard || c.merged.mergedAt >= newestShard) ? { runId: c.merged.runId, mergedAt: c.merged.mergedAt } : null;
  return {
    cell: c.cell,
    sweep: c.sweep,
    dir: c.dir,
    stages,
    stage,
    all,
    next: merged ? 'merged' : stage.complete ? 'merge' : 'shards',
    merged,
    updatedAt: times.at(-1) ?? null,
  };
}

function stageProgress(shards: readonly ShardRecord[], stage: Stage): StageProgress {
  const own = shards.filter((s) => s.stage === stage);
  const newest = [...own].sort((a, b) => (a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0)).at(-1);
  if (!newest) return { stage, count: null, done: [], failed: [], missing: [], complete: false };
  const count = newest.count;
  const byIndex = new Map(own.filter((s) => s.count === count).map((s) => [s.index, s]));
  const done: number[] = [];
  const failed: StageProgress['failed'] = [];
  const missing: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = byIndex.get(i);
    if (!s) missing.push(i);
    else if (s.status === 'completed') done.push(i);
    else failed.push({ index: i, status: s.status, error: s.error });
  }
  return { stage, count, done, failed, missing, complete: done.length === count };
}

/** Every sharded sweep of a notebook (every cell), newest first; unreadable files as problems. */
export async function listShardedSweeps(notebookPath: string, storeDir?: string): Promise<{ sweeps: SweepProgress[]; problems: string[] }> {
  const root = shardsRoot(notebookPath, storeDir);
  const problems: string[] = [];
  const sweeps: SweepProgress[] = [];
  for (const cellFolder of await visibleFolders(root, problems)) {
    for (const sweep of await visibleFolders(path.join(root, cellFolder), problems)) {
      const read = await readSweepFolder(path.join(root, cellFolder, sweep));
      problems.push(...read.problems);
      if (read.contents.shards.length > 0 || read.contents.refine || read.contents.merged) sweeps.push(sweepProgress(read.contents));
    }
  }
  sweeps.sort((a, b) => ((b.updatedAt ?? '') < (a.updatedAt ?? '') ? -1 : (b.updatedAt ?? '') > (a.updatedAt ?? '') ? 1 : 0));
  return { sweeps, problems };
}

// ---------------------------------------------------------------------------------------

/**
 * JSON that keeps NaN and ±Infinity (as `{"$number": "NaN"}`), so a merged sweep has the
 * shards' numbers exactly; every finite number round-trips through JSON as it is.
 */
export function encodeJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { $number: String(v) } : v), 2)}\n`;
}

/** The inverse of encodeJson. */
export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (!isObject(v) || typeof v.$number !== 'string' || Object.keys(v).length !== 1) return v;
    return v.$number === 'NaN' ? NaN : v.$number === 'Infinity' ? Infinity : v.$number === '-Infinity' ? -Infinity : v;
  });
}

async function readJson(file: string, problems: string[]): Promise<unknown> {
  try {
    return decodeJson(await fs.readFile(file, 'utf8'));
  } catch (e) {
    problems.push(`${file}: ${(e as NodeJS.ErrnoException).code ? `cannot read: ${(e as Error).message}` : `not valid JSON (${(e as Error).message})`}`);
    return undefined;
  }
}

async function readOptional(file: string, problems: string[], problem: (v: unknown) => string | undefined): Promise<unknown> {
  const there = await fs.lstat(file).then(
    () => true,
    () => false,
  );
  if (!there) return null;
  const value = await readJson(file, problems);
  if (value === undefined) return null;
  const p = problem(value);
  if (p) {
    problems.push(`${file}: ${p}`);
    return null;
  }
  return value;
}

function refineProblem(v: unknown): string | undefined {
  return isObject(v) && v.regnbRefine === 1 && Array.isArray(v.alphas) && v.alphas.every(isPositive) ? undefined : 'not a refine plan';
}

function shardProblem(v: unknown, stage: Stage, index: number, count: number): string | undefined {
  if (!isObject(v) || v.regnbShard !== 1) return 'not a shard record';
  if (v.stage !== stage || v.index !== index || v.count !== count) return `the record says stage ${String(v.stage)}, shard ${String(v.index)} of ${String(v.count)}, not what its name says`;
  if (!['completed', 'cancelled', 'failed'].includes(v.status as string)) return `unknown status ${JSON.stringify(v.status)}`;
  if (!Array.isArray(v.points) || !Array.isArray(v.alphas)) return 'a shard record without points or alphas';
  for (const k of ['models', 'first', 'end'] as const) if (!Number.isInteger(v[k])) return `a shard record without "${k}"`;
  if (typeof v.finishedAt !== 'string' || typeof v.cell !== 'string' || typeof v.sweep !== 'string') return 'a shard record without its cell, sweep or time';
  return undefined;
}

async function visibleFolders(dir: string, problems: string[]): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') problems.push(`${dir}: cannot read the folder: ${(e as Error).message}`);
    return [];
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPositive(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}
