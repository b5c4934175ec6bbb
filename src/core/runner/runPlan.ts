// The run plan shared by the CLI (`regnb run`/`check`) and the extension's Run Cell /
// Run All: every cell checked (cross-cell checks, and CSV files read so that a bad file
// is reported with its cell and the task it reveals completes the spec), then the
// cells asked for, with the cells they need that never ran, in the order to run them.

import * as path from 'path';
import { checkNotebook, runOrder, type CheckedCell, type NotebookCellInput } from '../cell/checkNotebook';
import { completeForTask } from '../cell/completeForTask';
import { isCompleted, type CompletedSpec, type Problem } from '../experiment/experiment';
import { DataError, dataErrorMessage, type ReadText } from '../data/dataset';
import { loadTable } from '../data/loadDataset';
import { trainCount } from '../data/split';
import { limitProblems } from '../limits/checkLimits';
import { DEFAULT_LIMITS, type Limits } from '../limits/limits';
import { latestRun } from '../store/runStore';

export interface NotebookProblem extends Problem {
  /** The cell's name (or `cell-<n>` when it has none), `-` for the file itself. */
  cell: string;
}

export interface PlannedCell {
  /** 0-based index of the cell in the notebook. */
  index: number;
  name: string;
  kind: 'experiment' | 'compare';
  /** Experiment cells without errors (their CSV file read): the completed spec. */
  spec?: CompletedSpec;
  /** Compare cells without errors: the cells they compare. */
  compare?: string[];
  /** This cell's problems, its data file's included. */
  problems: Problem[];
}

export interface RunPlan {
  /** Every experiment and compare cell, in notebook order. */
  cells: PlannedCell[];
  /**
   * What to run, in order: experiment cells in dependency order (a cell named in
   * `from` first), then compare cells and cells with errors, in notebook order.
   */
  steps: PlannedCell[];
  /** Every problem, with its cell's name; a `--cell` naming no cell is one too. */
  problems: NotebookProblem[];
}

export interface PlanOptions {
  notebookPath: string;
  /** Folder of the bundled data sets. */
  dataDir: string;
  readText: ReadText;
  /** CSV files may lie outside the notebook's folder. */
  allowDataOutside?: boolean;
  /** The limits every cell is checked against (default DEFAULT_LIMITS). */
  limits?: Limits;
  /** The cells asked for, by name (CLI `--cell`) or notebook index (the extension's selection); every cell when absent. */
  want?: { names?: readonly string[]; indexes?: readonly number[] };
  /** The store folder (`--store DIR`); default `.regnb` beside the notebook. */
  storeDir?: string;
  /** Whether a cell has a completed run to start from or compare (default: the run store says so). */
  hasRun?: (cell: string) => Promise<boolean>;
}

export async function planRun(sources: readonly NotebookCellInput[], opts: PlanOptions): Promise<RunPlan> {
  const checked = checkNotebook(sources, { limits: opts.limits ?? DEFAULT_LIMITS });
  const cells: PlannedCell[] = [];
  for (const c of checked.cells) cells.push(await planCell(c, opts));
  const problems: NotebookProblem[] = cells.flatMap((c) => c.problems.map((p) => ({ ...p, cell: c.name })));
  const byName = new Map(cells.map((c) => [c.name, c]));

  let wanted: Set<PlannedCell>;
  if (!opts.want) wanted = new Set(cells);
  else {
    wanted = new Set(cells.filter((c) => opts.want!.indexes?.includes(c.index)));
    for (const name of opts.want.names ?? []) {
      const c = byName.get(name);
      if (c) wanted.add(c);
      else problems.push(fileProblem(`--cell ${name}: the notebook has no experiment or compare cell of that name`, name));
    }
    // A cell named in `from` (or compared) runs first only when it has never completed a run.
    const hasRun = opts.hasRun ?? (async (cell: string) => !!(await latestRun(opts.notebookPath, cell, opts.storeDir)));
    const queue = [...wanted];
    while (queue.length) {
      const c = queue.shift()!;
      const needs = c.spec?.train.from ? [c.spec.train.from] : (c.compare ?? []);
      for (const name of needs) {
        const dep = byName.get(name);
        if (dep?.spec && !wanted.has(dep) && !(await hasRun(name))) {
          wanted.add(dep);
          queue.push(dep);
        }
      }
    }
  }
  const order = runOrder(cells.flatMap((c) => (c.spec ? [c.spec] : [])));
  const rank = (c: PlannedCell) => (c.spec ? order.indexOf(c.spec.name) : order.length + c.index);
  const steps = cells.filter((c) => wanted.has(c)).sort((a, b) => rank(a) - rank(b));
  return { cells, steps, problems };
}

/** One checked cell: its CSV file read (task completed, file problems found) when it has one. */
async function planCell(c: CheckedCell, opts: PlanOptions): Promise<PlannedCell> {
  const valid = !c.problems.some((p) => p.severity === 'error');
  const cell: PlannedCell = { index: c.index, name: c.name, kind: c.kind, problems: [...c.problems] };
  if (c.kind === 'compare') {
    if (valid && c.compare) cell.compare = c.compare;
    return cell;
  }
  if (!valid || !c.spec) return cell;
  if (c.spec.data.source !== 'file') {
    if (isCompleted(c.spec)) cell.spec = c.spec;
    return cell;
  }
  try {
    const table = await loadTable(c.spec.data, { baseDir: path.dirname(opts.notebookPath), dataDir: opts.dataDir, readText: opts.readText, allowDataOutside: opts.allowDataOutside });
    // The split is known once the rows are counted: a split that leaves no test (or no
    // training) row is a check-time problem at data.train, as for generated data.
    trainCount(table.n, c.spec.data.train);
    const completed = completeForTask(c, table.task, table.classes);
    // The file's size is known now: the limits again, with its rows and inputs.
    const sized = completed.spec ? limitProblems(completed.spec, c.sourceMap, opts.limits ?? DEFAULT_LIMITS, { rows: table.n, sampleShape: table.sampleShape }) : [];
    cell.problems.push(...completed.problems, ...sized);
    if (completed.spec && sized.length === 0) cell.spec = completed.spec;
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    const at = c.sourceMap(e.where?.key ?? 'data.file');
    cell.problems.push({ ...at, message: dataErrorMessage(e), severity: 'error' });
  }
  return cell;
}

export function fileProblem(message: string, cell = '-', line = 1, column = 1): NotebookProblem {
  return { cell, line, column, endLine: line, endColumn: column, message, severity: 'error' };
}
