// Checks across the cells of a notebook: unique names, train.from (missing cell, itself,
// cycles, architecture), compare cells naming cells that exist, and each cell's
// resource estimate against the stated limits (src/core/limits).

import type { ExperimentSpec, Problem } from '../experiment/experiment';
import { architectureMismatch } from './architecture';
import { parseCell, type CellParse } from './parseCell';
import { hasErrors, sortProblems, type Span } from './problems';
import { runOrder } from './runOrder';
import { didYouMean } from './suggest';
import { limitProblems } from '../limits/checkLimits';
import { DEFAULT_LIMITS, type Limits } from '../limits/limits';

export { runOrder };

export interface NotebookCellInput {
  source: string;
  /** 0-based index of the cell in the notebook (markdown cells count); default: its position in the list. */
  index?: number;
}

export interface CheckedCell extends CellParse {
  /** 0-based index of the cell in the notebook. */
  index: number;
}

/** A problem with the cell it belongs to, for notebook-wide listings (`regnb check`). */
export interface CellProblem extends Problem {
  /** 0-based notebook index of the cell. */
  cell: number;
  /** The cell's name (written or default). */
  name: string;
}

export interface NotebookCheck {
  /** One per input cell, same order; problems include the cross-cell ones, and spec is dropped when any is an error. */
  cells: CheckedCell[];
  /** Every problem of every cell, cell by cell. */
  problems: CellProblem[];
  /** The valid experiment specs, in run order (a cell named in `from` first). */
  specs: ExperimentSpec[];
  /** No errors anywhere (warnings allowed). */
  ok: boolean;
}

export interface NotebookCheckOptions {
  /** The limits cells are checked against (default DEFAULT_LIMITS; settings and --limit raise them). */
  limits?: Limits;
}

/** Parses the experiment (and compare) cells of a notebook, in notebook order, and checks them together. */
export function checkNotebook(cells: readonly NotebookCellInput[], opts: NotebookCheckOptions = {}): NotebookCheck {
  const checked: CheckedCell[] = cells.map((c, i) => {
    const index = c.index ?? i;
    return { ...parseCell(c.source, { index }), index };
  });
  const extra = new Map<CheckedCell, Problem[]>();
  const report = (cell: CheckedCell, at: Span, message: string) => {
    const list = extra.get(cell) ?? [];
    list.push({ ...at, message, severity: 'error' });
    extra.set(cell, list);
  };

  const byName = checkNames(checked, report);
  checkFrom(checked, byName, report);
  checkCompare(checked, byName, report);
  for (const cell of checked) {
    if (!cell.spec) continue;
    for (const p of limitProblems(cell.spec, cell.sourceMap, opts.limits ?? DEFAULT_LIMITS)) report(cell, p, p.message);
  }

  for (const [cell, list] of extra) {
    cell.problems = sortProblems([...cell.problems, ...list]);
    if (hasErrors(list)) delete cell.spec;
  }
  const problems = checked.flatMap((c) => c.problems.map((p) => ({ ...p, cell: c.index, name: c.name })));
  const valid = checked.flatMap((c) => (c.spec ? [c.spec] : []));
  const specByName = new Map(valid.map((s) => [s.name, s]));
  const specs = runOrder(valid).map((name) => specByName.get(name) as ExperimentSpec);
  return { cells: checked, problems, specs, ok: !hasErrors(problems) };
}

type Report = (cell: CheckedCell, at: Span, message: string) => void;

/** The first cell of each name; later cells with a taken name get the error. */
function checkNames(cells: CheckedCell[], report: Report): Map<string, CheckedCell> {
  const byName = new Map<string, CheckedCell>();
  for (const cell of cells) {
    const prior = byName.get(cell.name);
    if (!prior) {
      byName.set(cell.name, cell);
      continue;
    }
    // Point at a written name: a default one has nowhere to be fixed.
    const [at, other] = cell.named || !prior.named ? [cell, prior] : [prior, cell];
    const what = at.named ? `name '${at.name}'` : `this cell's default name '${at.name}'`;
    const fix = at.named ? 'names must be unique in the notebook' : 'give this cell a name';
    report(at, at.sourceMap.key('name'), `${what} is already used by cell ${other.index + 1}; ${fix}`);
  }
  return byName;
}

function checkFrom(cells: CheckedCell[], byName: Map<string, CheckedCell>, report: Report): void {
  const names = [...byName.keys()];
  const fromOf = (c: CheckedCell | undefined) => c?.spec?.train.from;
  for (const cell of cells) {
    const from = fromOf(cell);
    if (from === undefined) continue;
    const at = cell.sourceMap('train.from');
    const base = byName.get(from);
    if (from === cell.name) {
      report(cell, at, `train.from names this cell itself: name the cell whose trained weights to start from`);
    } else if (!base) {
      report(cell, at, `train.from: no cell named '${from}' in this notebook${didYouMean(from, names.filter((n) => n !== cell.name))}`);
    } else if (base.kind === 'compare') {
      report(cell, at, `train.from: '${from}' is a compare cell, it trains nothing`);
    } else {
      const cycle = cycleFrom(cell, byName);
      if (cycle) {
        report(cell, at, `train.from makes a cycle (${cycle.join(' → ')}): one of these cells must start from scratch`);
      } else if (base.spec && cell.spec) {
        const why = architectureMismatch(cell.spec, base.spec);
        if (why) report(cell, at, why);
      }
    }
  }
}

/** The names along the `from` chain back to `start`, when it comes back. */
function cycleFrom(start: CheckedCell, byName: Map<string, CheckedCell>): string[] | undefined {
  const path = [start.name];
  const seen = new Set<CheckedCell>([start]);
  let cur = byName.get(start.spec?.train.from ?? '');
  while (cur) {
    path.push(cur.name);
    if (cur === start) return path;
    if (seen.has(cur)) return undefined; // a cycle further on, reported on its own cells
    seen.add(cur);
    const next = cur.spec?.train.from;
    cur = next === undefined ? undefined : byName.get(next);
  }
  return undefined;
}

function checkCompare(cells: CheckedCell[], byName: Map<string, CheckedCell>, report: Report): void {
  const experiments = [...byName.values()].filter((c) => c.kind === 'experiment').map((c) => c.name);
  for (const cell of cells) {
    cell.compare?.forEach((name, i) => {
      const at = cell.sourceMap(`compare.${i}`);
      const target = byName.get(name);
      if (!target) report(cell, at, `compare: no cell named '${name}' in this notebook${didYouMean(name, experiments)}`);
      else if (target.kind === 'compare') report(cell, at, `compare: '${name}' is a compare cell; compare names experiment cells`);
    });
  }
}
