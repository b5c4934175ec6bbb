// The run store (contract section 4): every run writes
// `.regnb/runs/<notebook-stem>/<cell-name>/<runId>/` next to the notebook, holding
// result.json (full resolution), history.csv, summary.json (what listings need, so they
// need not parse long histories) and, when there is a model, model.json + weights.bin in
// TensorFlow.js layers format (loadable by tf.loadLayersModel).
//
// A run folder appears complete or not at all: it is written as the hidden folder
// `.<runId>.tmp` next to its final place, flushed, then renamed. Runs are never overwritten.

import * as fs from 'fs/promises';
import * as path from 'path';
import type { FinalScores, MetricName, RunResult, RunStatus } from '../run/result';
import { syncDir, writeNewFile } from './atomicWrite';
import { historyCsv } from './historyCsv';
import { parseRunId } from './runId';
import { folderName } from './folderName';
import { MODEL_FILE, WEIGHTS_FILE, modelFiles, type ModelArtifacts, type ModelFiles } from './modelFiles';
import { RunStoreError } from './runStoreError';
import { applyRevision, readRevision } from './revision';

export { RunStoreError };
import { penaltyShare } from '../run/penaltyShare';

export const STORE_FOLDER = '.regnb';
export const RESULT_FILE = 'result.json';
export const SUMMARY_FILE = 'summary.json';
export const HISTORY_FILE = 'history.csv';

/** What a listing knows of a run (from summary.json). */
export interface RunSummary {
  /** The cell's name (from the result; the folder name when unreadable). */
  cell: string;
  runId: string;
  /** Absolute path of the run folder. */
  dir: string;
  status: RunStatus;
  error: string | null;
  /** ISO time; from the run id when the result has none. */
  startedAt: string | null;
  durationMs: number | null;
  metric: MetricName;
  task: string | null;
  backend: string | null;
  epochs: number;
  final: FinalScores | null;
  trainMetric: number | null;
  testMetric: number | null;
  testLoss: number | null;
  /** Penalty as a fraction of the last epoch's total training loss. */
  penaltyShare: number | null;
  /** model.json + weights.bin were stored (usable by train.from). */
  hasModel: boolean;
  /** The run was a sweep (result.grid). */
  grid: boolean;
  from: { cell: string; runId: string } | null;
  /** What the run's diagnosis says, revised by later sweeps when guidance.json holds a revision. */
  advice: { severity: 'info' | 'warning'; message: string }[];
  /** When the advice was revised after the run (ISO time), else null. */
  adviceRevisedAt: string | null;
}

export interface RunListing {
  /** All runs, oldest first. */
  runs: RunSummary[];
  /** Runs grouped by cell (cells sorted by name), oldest first. */
  cells: { cell: string; runs: RunSummary[] }[];
  /** Unreadable or corrupt run folders, one message each (these runs are left out). */
  problems: string[];
}

/**
 * The store folder: `<notebook folder>/.regnb`, or `storeDir` when given (`--store DIR`:
 * a shared volume every job of a cluster mounts). It holds `runs/` and `shards/`.
 */
export function storeFolder(notebookPath: string, storeDir?: string): string {
  return storeDir ? path.resolve(storeDir) : path.join(path.dirname(path.resolve(notebookPath)), STORE_FOLDER);
}

/** The notebook's folder name inside the store: its stem. */
export function notebookFolder(notebookPath: string): string {
  return folderName(path.basename(notebookPath, path.extname(notebookPath)) || path.basename(notebookPath));
}

/** `<store>/runs/<notebook stem>` */
export function storeRoot(notebookPath: string, storeDir?: string): string {
  return path.join(storeFolder(notebookPath, storeDir), 'runs', notebookFolder(notebookPath));
}

/** `<store>/runs/<notebook stem>/<cell>` */
export function cellDir(notebookPath: string, cellName: string, storeDir?: string): string {
  return path.join(storeRoot(notebookPath, storeDir), folderName(cellName));
}

/** `<store>/runs/<notebook stem>/<cell>/<runId>` */
export function runDir(notebookPath: string, cellName: string, runId: string, storeDir?: string): string {
  return path.join(cellDir(notebookPath, cellName, storeDir), folderName(runId));
}

/**
 * Writes a run into `dir`, which must not exist yet: result.json, history.csv,
 * summary.json and, with `artifacts`, model.json + weights.bin. Atomic: everything goes
 * into the hidden `.<runId>.tmp` folder beside `dir`, which is renamed into place.
 */
export async function writeRun(dir: string, result: RunResult, artifacts?: ModelArtifacts | ModelFiles): Promise<{ dir: string; files: string[] }> {
  dir = path.resolve(dir);
  const parent = path.dirname(dir);
  const name = path.basename(dir);
  if (await exists(dir)) throw new RunStoreError(`run folder ${dir} already exists: runs are never overwritten`, 'EEXIST');
  // Everything is laid out before anything is written: a result that cannot be
  // serialized fails here, leaving no trace.
  const model = artifacts ? modelFiles(artifacts) : undefined;
  const resultText = `${JSON.stringify(result, null, 2)}\n`;
  const summary = { ...withoutDir(summarize(result, { dir, hasModel: !!model })), resultBytes: Buffer.byteLength(resultText) };
  const files: [string, string | Uint8Array][] = [
    [RESULT_FILE, resultText],
    [HISTORY_FILE, historyCsv(result)],
  ];
  if (model) files.push([MODEL_FILE, `${JSON.stringify(model.json, null, 2)}\n`], [WEIGHTS_FILE, model.weights]);
  files.push([SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`]);

  await fs.mkdir(parent, { recursive: true });
  const tmp = path.join(parent, `.${name}.tmp`);
  try {
    await fs.mkdir(tmp);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new RunStoreError(`run ${name} is already being written (${tmp} exists)`, 'EEXIST');
    throw e;
  }
  try {
    // All at once: each file's flush to disk (~5-10 ms) overlaps the others'. Every write
    // has settled before the folder is removed on a failure.
    const written = await Promise.allSettled(files.map(([file, data]) => writeNewFile(path.join(tmp, file), data)));
    const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failed) throw failed.reason;
    await syncDir(tmp);
    if (await exists(dir)) throw new RunStoreError(`run folder ${dir} already exists: runs are never overwritten`, 'EEXIST');
    await fs.rename(tmp, dir);
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
  await syncDir(parent);
  return { dir, files: files.map(([f]) => path.join(dir, f)) };
}

/**
 * The full-resolution run result stored in `dir`, its findings as revised by later
 * sweeps when the folder holds a revision (store/revision.ts); a revision that cannot be
 * read leaves the run-time findings, with a finding that says so.
 */
export async function readRun(dir: string): Promise<RunResult> {
  const result = await readStoredResult(dir);
  const { revision, problem } = await readRevision(dir, result.runId);
  if (problem && result.guidance) result.guidance.findings = [...result.guidance.findings, { kind: 'revision-unreadable', severity: 'info', message: problem, figures: {} }];
  return applyRevision(result, revision);
}

/** result.json as written when the run ended. */
async function readStoredResult(dir: string): Promise<RunResult> {
  const file = path.join(dir, RESULT_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new RunStoreError(`${file}: cannot read: ${(e as Error).message}`, 'ENOTRUN');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new RunStoreError(`${file}: not valid JSON (${(e as Error).message})`, 'ECORRUPT');
  }
  const problem = resultProblem(value);
  if (problem) throw new RunStoreError(`${file}: ${problem}`, 'ECORRUPT');
  return value as RunResult;
}

/** Every run of the notebook, grouped by cell, skipping (and reporting) unreadable folders. */
export async function listRuns(notebookPath: string, storeDir?: string): Promise<RunListing> {
  const root = storeRoot(notebookPath, storeDir);
  const problems: string[] = [];
  const cellFolders = await subfolders(root, problems, notebookPath);
  const perCell = await Promise.all(cellFolders.map((folder) => runsIn(path.join(root, folder), folder, problems, notebookPath)));
  const runs = perCell.flat().sort(byTime);
  const groups = new Map<string, RunSummary[]>();
  for (const r of runs) groups.set(r.cell, [...(groups.get(r.cell) ?? []), r]);
  const cells = [...groups.keys()].sort().map((cell) => ({ cell, runs: groups.get(cell)! }));
  return { runs, cells, problems };
}

/** The runs of one cell, oldest first (unreadable folders skipped). */
export async function listCellRuns(notebookPath: string, cellName: string, storeDir?: string): Promise<RunSummary[]> {
  const runs = await runsIn(cellDir(notebookPath, cellName, storeDir), cellName, [], notebookPath);
  return runs.filter((r) => r.cell === cellName).sort(byTime);
}

/** The latest completed run of a cell that stored a model (what `train.from` loads), if any. */
export async function latestRun(notebookPath: string, cellName: string, storeDir?: string): Promise<RunSummary | undefined> {
  const runs = await listCellRuns(notebookPath, cellName, storeDir);
  for (let i = runs.length - 1; i >= 0; i--) if (runs[i].status === 'completed' && runs[i].hasModel) return runs[i];
  return undefined;
}

/**
 * Deletes a run folder (renamed away first, so it vanishes at once from listings).
 * Refuses anything but a run folder of a store: exactly `<store>/runs/<notebook>/<cell>/<run>`,
 * symbolic links resolved (a link inside a store to a folder elsewhere is refused), where
 * the store is a default one (a `.regnb` folder) or one of `stores` (the `--store`
 * folders the user named: regnb.storeFolders). Returns false when `dir` does not exist.
 */
export async function deleteRun(dir: string, stores: readonly string[] = []): Promise<boolean> {
  dir = path.resolve(dir);
  if (!(await exists(dir))) return false;
  const real = await fs.realpath(dir);
  if (!(await isRunFolder(dir, real, stores))) throw new RunStoreError(`${dir} is not a run folder of a RegNB run store: not deleted`, 'ENOTRUN');
  const doomed = path.join(path.dirname(real), `.${path.basename(real)}.deleting-${process.pid}-${Date.now().toString(36)}`);
  await fs.rename(real, doomed);
  await fs.rm(doomed, { recursive: true, force: true });
  return true;
}

/**
 * Whether `dir` (absolute; `real` with its links resolved) is a run folder of a store
 * the user has: the `.regnb` folder the path names, or one of `stores`. The resolved
 * path must be `<store>/runs/<notebook>/<cell>/<run>` with the store resolved too.
 */
async function isRunFolder(dir: string, real: string, stores: readonly string[]): Promise<boolean> {
  const up = (p: string, n: number): string => (n === 0 ? p : up(path.dirname(p), n - 1));
  const name = path.basename(real);
  if (name.startsWith('.') || path.basename(up(real, 3)) !== 'runs' || !(await fs.stat(real)).isDirectory()) return false;
  const realStore = up(real, 4);
  const lexicalStore = up(dir, 4);
  const candidates = [...(path.basename(lexicalStore) === STORE_FOLDER ? [lexicalStore] : []), ...stores.map((s) => path.resolve(s))];
  const known = (await Promise.all(candidates.map((s) => fs.realpath(s).catch(() => undefined)))).includes(realStore);
  return known && (parseRunId(name) !== undefined || (await exists(path.join(real, RESULT_FILE))));
}

// ---------------------------------------------------------------------------------------

/** The listing entry of a result. */
export function summarize(result: RunResult, where: { dir: string; hasModel: boolean }): RunSummary {
  const h = result.history ?? ({} as RunResult['history']);
  const last = (a: unknown) => (Array.isArray(a) && a.length ? num(a[a.length - 1]) : null);
  const metric: MetricName = result.metric === 'r2' ? 'r2' : 'accuracy';
  const final = isObject(result.final) ? result.final : null;
  return {
    cell: typeof result.name === 'string' ? result.name : path.basename(path.dirname(where.dir)),
    runId: typeof result.runId === 'string' ? result.runId : path.basename(where.dir),
    dir: where.dir,
    status: result.status,
    error: typeof result.error === 'string' ? result.error : null,
    startedAt: typeof result.startedAt === 'string' ? result.startedAt : (parseRunId(result.runId)?.time.toISOString() ?? null),
    durationMs: num(result.durationMs),
    metric,
    task: typeof result.task === 'string' ? result.task : null,
    backend: typeof result.backend === 'string' ? result.backend : null,
    epochs: Array.isArray(h.epoch) ? h.epoch.length : 0,
    final,
    trainMetric: num(final?.train?.[metric]) ?? last(h.trainMetric),
    testMetric: num(final?.test?.[metric]) ?? last(h.testMetric),
    testLoss: num(final?.test?.loss) ?? last(h.testLoss),
    penaltyShare: penaltyShare(final),
    hasModel: where.hasModel,
    grid: !!result.grid,
    from: result.from ?? null,
    advice: adviceOf(result.guidance?.findings),
    adviceRevisedAt: typeof result.guidance?.revised?.at === 'string' ? result.guidance.revised.at : null,
  };
}

function adviceOf(findings: unknown): RunSummary['advice'] {
  if (!Array.isArray(findings)) return [];
  return findings.flatMap((f: { severity?: unknown; message?: unknown }) =>
    isObject(f) && typeof f.message === 'string' ? [{ severity: f.severity === 'warning' ? ('warning' as const) : ('info' as const), message: f.message }] : [],
  );
}

async function runsIn(folder: string, cellFolder: string, problems: string[], notebookPath: string): Promise<RunSummary[]> {
  const names = await subfolders(folder, problems, notebookPath);
  const out = await Promise.all(
    names.map(async (name) => {
      const dir = path.join(folder, name);
      try {
        return await readSummary(dir, cellFolder);
      } catch (e) {
        problems.push(`${shown(dir, notebookPath)}: ${describeError(e, dir)}`);
        return undefined;
      }
    }),
  );
  return out.filter((r): r is RunSummary => r !== undefined);
}

/** The run's summary with its advice as revised by later sweeps (guidance.json), if they revised it. */
async function readSummary(dir: string, cellFolder: string): Promise<RunSummary> {
  const summary = await readStoredSummary(dir, cellFolder);
  const { revision, problem } = await readRevision(dir, summary.runId);
  if (revision) return { ...summary, advice: adviceOf(revision.findings), adviceRevisedAt: revision.revised.at };
  if (problem) return { ...summary, advice: [...summary.advice, { severity: 'info', message: problem }] };
  return summary;
}

/** summary.json when it matches result.json (by size), else a summary of result.json itself. */
async function readStoredSummary(dir: string, cellFolder: string): Promise<RunSummary> {
  const resultStat = await fs.stat(path.join(dir, RESULT_FILE)).catch(() => undefined);
  if (!resultStat) {
    throw new RunStoreError(`no ${RESULT_FILE} (not a run folder, or an incomplete one)`, 'ENOTRUN');
  }
  try {
    const s = JSON.parse(await fs.readFile(path.join(dir, SUMMARY_FILE), 'utf8')) as Partial<RunSummary> & { resultBytes?: number };
    if (isObject(s) && s.resultBytes === resultStat.size && typeof s.runId === 'string' && typeof s.status === 'string' && typeof s.cell === 'string') {
      const { resultBytes: _bytes, ...rest } = s;
      // Summaries written before the advice was listed have none: read it from the result.
      if (!Array.isArray(rest.advice)) return summarize(await readStoredResult(dir), { dir, hasModel: !!rest.hasModel });
      return { ...(rest as Omit<RunSummary, 'dir'>), adviceRevisedAt: rest.adviceRevisedAt ?? null, dir };
    }
  } catch {
    // Missing or damaged summary: fall back to the result itself.
  }
  const result = await readStoredResult(dir);
  const summary = summarize(result, { dir, hasModel: await exists(path.join(dir, MODEL_FILE)) });
  if (typeof result.name !== 'string') summary.cell = cellFolder;
  return summary;
}

/** Visible subfolders (hidden ones are temporary: runs being written or deleted). */
async function subfolders(dir: string, problems: string[], notebookPath: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') problems.push(`${shown(dir, notebookPath)}: cannot read the folder: ${(e as Error).message}`);
    return [];
  }
}

function resultProblem(v: unknown): string | undefined {
  if (!isObject(v)) return 'not a run result (not a JSON object)';
  const r = v as Partial<RunResult>;
  if (r.regnb !== 1) return `not a run result of this RegNB version ("regnb": ${JSON.stringify(r.regnb)})`;
  if (typeof r.runId !== 'string') return 'run result without a "runId"';
  if (!['completed', 'cancelled', 'failed', 'diverged'].includes(r.status as string)) return `run result with an unknown status ${JSON.stringify(r.status)}`;
  if (!isObject(r.history) || !Array.isArray(r.history.epoch)) return 'run result without a history';
  return undefined;
}

function withoutDir(s: RunSummary): Omit<RunSummary, 'dir'> {
  const { dir: _dir, ...rest } = s;
  return rest;
}

function byTime(a: RunSummary, b: RunSummary): number {
  const ta = a.startedAt ? Date.parse(a.startedAt) : NaN;
  const tb = b.startedAt ? Date.parse(b.startedAt) : NaN;
  if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

function shown(dir: string, notebookPath: string): string {
  const rel = path.relative(path.dirname(path.resolve(notebookPath)), dir);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : dir;
}

function describeError(e: unknown, dir: string): string {
  const msg = (e as Error).message ?? String(e);
  // readRun's messages start with the file path: keep only what follows it.
  const prefix = path.join(dir, RESULT_FILE);
  return msg.startsWith(prefix) ? `${RESULT_FILE}${msg.slice(prefix.length)}` : msg;
}
