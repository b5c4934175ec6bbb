// Checks and runs a whole notebook headless (the CLI's `check` and `run`): every
// problem is found before anything trains, cells run in dependency order, and each
// run's result becomes its cell's output.

import { parseNotebook } from '../notebook/parse';
import type { NotebookDoc } from '../notebook/types';
import type { CompletedSpec } from '../experiment/experiment';
import type { RunResult } from '../run/result';
import { COMPARE_MIME, RUN_MIME } from '../protocol/notebookRenderer';
import type { ReadText } from '../data/dataset';
import { runExperiment, type RunContext } from './runExperiment';
import { compareCells } from './compareCell';
import { fileProblem, planRun, type NotebookProblem, type RunPlan } from './runPlan';
import type { Limits } from '../limits/limits';
import { notebookSweeps, reviseFindings } from '../guidance/sweepEvidence';
import { storeRevision } from '../store/revision';
import { isRunResultLike } from '../notebook/boundOutputs';

export type { NotebookProblem };

export interface CheckedNotebook {
  doc: NotebookDoc;
  /** The shared run plan (src/core/runner/runPlan.ts). */
  plan: RunPlan;
  /** Valid experiment cells, completed. */
  specs: CompletedSpec[];
  problems: NotebookProblem[];
}

export interface CheckOptions {
  dataDir: string;
  readText: ReadText;
  /** CSV files may lie outside the notebook's folder. */
  allowDataOutside?: boolean;
  /** Only these cells, experiment or compare (and the cells they need that never ran). */
  cells?: string[];
  /** The limits every cell is checked against (default DEFAULT_LIMITS). */
  limits?: Limits;
  /** The store folder (`--store DIR`); default `.regnb` beside the notebook. */
  storeDir?: string;
}

export async function checkNotebookFile(notebookPath: string, opts: CheckOptions): Promise<CheckedNotebook> {
  const empty = (problems: NotebookProblem[]): CheckedNotebook => ({
    doc: { regnb: 1, metadata: {}, cells: [], extra: {} }, plan: { cells: [], steps: [], problems }, specs: [], problems,
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
    return empty([fileProblem(where.reason ?? (e as Error).message, '-', where.line ?? 1, where.column ?? 1)]);
  }
  const sources = doc.cells.flatMap((c, i) => (c.kind === 'experiment' ? [{ source: c.source, index: i }] : []));
  const plan = await planRun(sources, {
    notebookPath,
    dataDir: opts.dataDir,
    readText: opts.readText,
    allowDataOutside: opts.allowDataOutside,
    limits: opts.limits,
    storeDir: opts.storeDir,
    want: opts.cells?.length ? { names: opts.cells } : undefined,
  });
  return { doc, plan, specs: plan.cells.flatMap((c) => (c.spec ? [c.spec] : [])), problems: plan.problems };
}

/** The run result a cell's outputs hold, if any. */
function storedResult(outputs: { mime: string; data: unknown }[] | undefined): RunResult | undefined {
  const out = outputs?.find((o) => o.mime === RUN_MIME);
  return out && isRunResultLike(out.data) ? (out.data as RunResult) : undefined;
}

/** Runs the checked notebook's cells in order and stores each result as its cell's output. */
export async function runNotebook(checked: CheckedNotebook, ctx: RunContext): Promise<RunResult[]> {
  const results: RunResult[] = [];
  const planned = checked.plan.cells.flatMap((c) => (c.spec ? [{ spec: c.spec, index: c.index }] : []));
  const specOf = new Map(planned.map((c) => [c.spec.name, c.spec]));
  // The notebook's sweeps: those its outputs already hold, then each sweep as it runs.
  const latest = new Map(planned.map((c) => [c.spec.name, storedResult(checked.doc.cells[c.index]?.outputs)]));
  const sweeps = () => notebookSweeps(planned.map((c) => ({ spec: c.spec, result: latest.get(c.spec.name) })));
  const compares: { cell: (typeof checked.doc.cells)[number]; compare: string[] }[] = [];
  for (const step of checked.plan.steps) {
    if (ctx.signal?.aborted) break;
    const cell = checked.doc.cells[step.index];
    if (step.spec) {
      const result = await runExperiment(step.spec, { ...ctx, cellIndex: step.index, sweeps: sweeps() });
      results.push(result);
      latest.set(step.spec.name, result);
      cell.outputs = [{ mime: RUN_MIME, data: result }];
    } else if (step.compare) {
      compares.push({ cell, compare: step.compare });
    }
  }
  // A sweep that ran after a cell may speak against its advice: diagnose again with all of them.
  const all = sweeps();
  for (const result of results) if (reviseFindings(result, specOf.get(result.name)!, all)) await storeRevision(ctx.notebookPath, result);
  for (const { cell, compare } of compares) {
    try {
      cell.outputs = [{ mime: COMPARE_MIME, data: await compareCells(ctx.notebookPath, compare, ctx.storeDir) }];
    } catch (e) {
      cell.outputs = [{ mime: 'text/plain', data: (e as Error).message }];
    }
  }
  return results;
}
