// Checks and runs a whole notebook headless (the CLI's `check` and `run`): every
// problem is found before anything trains, cells run in dependency order, and each
// run's result becomes its cell's output.

import * as path from 'path';
import { parseNotebook } from '../notebook/parse';
import type { NotebookDoc } from '../notebook/types';
import { checkNotebook, runOrder } from '../cell/checkNotebook';
import { completeForTask } from '../cell/completeForTask';
import type { ExperimentSpec, Problem } from '../spec/experiment';
import type { RunResult } from '../run/result';
import { COMPARE_MIME, RUN_MIME } from '../protocol/notebookRenderer';
import { DataError, type ReadText } from '../data/dataset';
import { loadTable } from '../data/loadDataset';
import { latestRun } from '../store/runStore';
import { runExperiment, type RunContext } from './runExperiment';
import { compareCells } from './compareCell';
import { limitProblems } from '../limits/checkLimits';
import { DEFAULT_LIMITS, type Limits } from '../limits/limits';
import { notebookSweeps, reviseFindings } from '../guidance/sweepEvidence';
import { isRunResultLike } from '../notebook/boundOutputs';

export interface NotebookProblem extends Problem {
  /** The cell's name (or `cell-<n>` when it has none), `-` for the file itself. */
  cell: string;
}

export interface CheckedNotebook {
  doc: NotebookDoc;
  /** Valid experiment cells by name, with their index among the notebook's cells. */
  specs: { spec: ExperimentSpec; cellIndex: number }[];
  problems: NotebookProblem[];
  /** Names of the cells to run, in the order to run them. */
  order: string[];
  /** `compare:` cells: their notebook index and the cells they compare (filled after the runs). */
  compares: { cellIndex: number; cells: string[] }[];
  metricOf(cell: string): string;
}

export interface CheckOptions {
  dataDir: string;
  readText: ReadText;
  /** Only these cells (and, when they have no stored run, the cells they start from). */
  cells?: string[];
  /** The limits every cell is checked against (default DEFAULT_LIMITS). */
  limits?: Limits;
}

export async function checkNotebookFile(notebookPath: string, opts: CheckOptions): Promise<CheckedNotebook> {
  const fileProblem = (message: string, line = 1, column = 1): NotebookProblem => ({
    cell: '-', line, column, endLine: line, endColumn: column, message, severity: 'error',
  });
  const empty = (problems: NotebookProblem[]): CheckedNotebook => ({
    doc: { regnb: 1, metadata: {}, cells: [], extra: {} }, specs: [], problems, order: [], compares: [], metricOf: () => 'accuracy',
  });
  let text: string;
  try {
    text = await opts.readText(notebookPath);
  } catch (e) {
    return empty([fileProblem(`cannot read the notebook: ${(e as Error).message}`)]);
  }
  let doc: NotebookDoc;
  try {
    doc = parseNotebook(text, notebookPath);
  } catch (e) {
    // The format error's own message repeats the location; `reason` is the message alone.
    const where = e as { line?: number; column?: number; reason?: string };
    return empty([fileProblem(where.reason ?? (e as Error).message, where.line ?? 1, where.column ?? 1)]);
  }

  const experimentIndexes = doc.cells.flatMap((c, i) => (c.kind === 'experiment' ? [i] : []));
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const checked = checkNotebook(experimentIndexes.map((i) => ({ source: doc.cells[i].source, index: i })), { limits });
  const problems: NotebookProblem[] = [];
  const specs: CheckedNotebook['specs'] = [];
  checked.cells.forEach((c, k) => {
    const cellIndex = experimentIndexes[k];
    const name = c.name;
    for (const p of c.problems) problems.push({ ...p, cell: name });
    if (c.spec) specs.push({ spec: c.spec, cellIndex });
  });

  // Data files are read now, so a bad CSV is reported with the cell before anything
  // trains, and the task the file reveals completes the cell (output activation...).
  for (const c of checked.cells) {
    if (!c.spec || c.spec.data.source !== 'file') continue;
    const entry = specs.find((s) => s.spec === c.spec)!;
    try {
      const table = await loadTable(c.spec.data, { baseDir: path.dirname(notebookPath), dataDir: opts.dataDir, readText: opts.readText });
      const completed = completeForTask(c, table.task, table.classes);
      // The file's size is known now: the limits again, with its rows and inputs.
      const sized = completed.spec ? limitProblems(completed.spec, c.sourceMap, limits, { rows: table.n, sampleShape: table.sampleShape }) : [];
      for (const p of [...completed.problems, ...sized]) problems.push({ ...p, cell: c.spec.name });
      if (completed.spec && sized.length === 0) entry.spec = completed.spec;
      else specs.splice(specs.indexOf(entry), 1);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      const at = c.sourceMap(e.where?.key ?? 'data.file');
      const file = e.where?.file ? `${e.where.file}: ` : '';
      problems.push({ ...at, message: `${file}${e.message}`, severity: 'error', cell: c.spec.name });
      specs.splice(specs.indexOf(entry), 1);
    }
  }

  const byName = new Map(specs.map((s) => [s.spec.name, s]));
  let wanted = specs.map((s) => s.spec.name);
  if (opts.cells?.length) {
    wanted = [];
    for (const name of opts.cells) {
      if (!byName.has(name)) problems.push({ ...fileProblem(`--cell ${name}: the notebook has no valid experiment cell of that name`), cell: name });
      else wanted.push(name);
    }
    // A cell named in `from` runs first only when it has never completed a run.
    const withDeps = new Set(wanted);
    for (let i = 0; i < wanted.length; i++) {
      const from = byName.get(wanted[i])?.spec.train.from;
      if (from && !withDeps.has(from) && !(await latestRun(notebookPath, from))) {
        withDeps.add(from);
        wanted.push(from);
      }
    }
    wanted = [...withDeps];
  }
  const order = runOrder(specs.map((s) => s.spec)).filter((name) => wanted.includes(name));
  const metricOf = (cell: string) => {
    const s = byName.get(cell)?.spec;
    return s && isRegression(s) ? 'r2' : 'accuracy';
  };
  const compares = checked.cells.flatMap((c, k) => (c.kind === 'compare' && c.compare && !c.problems.some((p) => p.severity === 'error') ? [{ cellIndex: experimentIndexes[k], cells: c.compare }] : []));
  return { doc, specs, problems, order, compares, metricOf };
}

/** The run result a cell's outputs hold, if any. */
function storedResult(outputs: { mime: string; data: unknown }[] | undefined): RunResult | undefined {
  const out = outputs?.find((o) => o.mime === RUN_MIME);
  return out && isRunResultLike(out.data) ? (out.data as RunResult) : undefined;
}

function isRegression(spec: ExperimentSpec): boolean {
  return ['regression', 'sine', 'diabetes'].includes(spec.data.source) || spec.data.task === 'regression';
}

/** Runs the checked notebook's cells in order and stores each result as its cell's output. */
export async function runNotebook(checked: CheckedNotebook, ctx: RunContext): Promise<RunResult[]> {
  const results: RunResult[] = [];
  const byName = new Map(checked.specs.map((s) => [s.spec.name, s]));
  // The notebook's sweeps: those its outputs already hold, then each sweep as it runs.
  const latest = new Map(checked.specs.map((s) => [s.spec.name, storedResult(checked.doc.cells[s.cellIndex]?.outputs)]));
  const sweeps = () => notebookSweeps(checked.specs.map((s) => ({ spec: s.spec, result: latest.get(s.spec.name) })));
  for (const name of checked.order) {
    if (ctx.signal?.aborted) break;
    const { spec, cellIndex } = byName.get(name)!;
    const result = await runExperiment(spec, { ...ctx, sweeps: sweeps() });
    results.push(result);
    latest.set(name, result);
    checked.doc.cells[cellIndex].outputs = [{ mime: RUN_MIME, data: result }];
  }
  // A sweep that ran after a cell may speak against its advice: diagnose again with all of them.
  const all = sweeps();
  for (const result of results) reviseFindings(result, byName.get(result.name)!.spec, all);
  for (const c of checked.compares) {
    try {
      checked.doc.cells[c.cellIndex].outputs = [{ mime: COMPARE_MIME, data: await compareCells(ctx.notebookPath, c.cells) }];
    } catch (e) {
      checked.doc.cells[c.cellIndex].outputs = [{ mime: 'text/plain', data: (e as Error).message }];
    }
  }
  return results;
}
