// Checks and runs a whole notebook headless (the CLI's `check` and `run`): every
// problem is found before anything trains, cells run in dependency order, and each
// run's result becomes its cell's output.

import { parseNotebook } from '../notebook/parse';
import type { NotebookDoc } from '../notebook/types';
import type { CompletedSpec } from '../spec/experiment';
import type { RunResult } from '../run/result';
import { COMPARE_MIME, RUN_MIME } from '../protocol/notebookRenderer';
import type { ReadText } from '../data/dataset';
import { runExperiment, type RunContext } from './runExperiment';
import { compareCells } from './compareCell';
import { fileProblem, planRun, type NotebookProblem, type RunPlan } from './runPlan';

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
  /** Only these cells, experiment or compare (and the cells they need that never ran). */
  cells?: string[];
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
    want: opts.cells?.length ? { names: opts.cells } : undefined,
  });
  return { doc, plan, specs: plan.cells.flatMap((c) => (c.spec ? [c.spec] : [])), problems: plan.problems };
}

/** Runs the checked notebook's cells in order and stores each result as its cell's output. */
export async function runNotebook(checked: CheckedNotebook, ctx: RunContext): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const step of checked.plan.steps) {
    if (ctx.signal?.aborted) break;
    const cell = checked.doc.cells[step.index];
    if (step.spec) {
      const result = await runExperiment(step.spec, ctx);
      results.push(result);
      cell.outputs = [{ mime: RUN_MIME, data: result }];
    } else if (step.compare) {
      try {
        cell.outputs = [{ mime: COMPARE_MIME, data: await compareCells(ctx.notebookPath, step.compare) }];
      } catch (e) {
        cell.outputs = [{ mime: 'text/plain', data: (e as Error).message }];
      }
    }
  }
  return results;
}
