// `regnb data NOTEBOOK --cell NAME [--out FILE]`: the cell's data set as CSV (raw inputs,
// target, train/test split; see core/data/splitCsv.ts), to stdout or a file, so that the
// same rows can be trained in another tool.

import * as path from 'node:path';
import * as fs from 'node:fs/promises';
import { DataError } from '../core/data/dataset';
import { datasetFromTable, loadTable } from '../core/data/loadDataset';
import { splitCsv } from '../core/data/splitCsv';
import { checkNotebookFile, type NotebookProblem } from '../core/runner/runNotebook';
import { writeFileAtomic } from '../core/store/atomicWrite';

export interface DataCommandOptions {
  notebook: string;
  cell: string;
  /** The CSV file; stdout when absent. */
  out?: string;
  dataDir: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Exit status: 0 written; 2 the notebook, the cell or its data is invalid (nothing written). */
export async function dataCommand(o: DataCommandOptions): Promise<number> {
  const notebookPath = path.resolve(o.notebook);
  const readText = (p: string) => fs.readFile(p, 'utf8');
  const checked = await checkNotebookFile(notebookPath, { dataDir: o.dataDir, readText, cells: [o.cell] });
  const report = (problems: NotebookProblem[]) => {
    for (const p of problems) o.stderr.write(`${o.notebook}:${p.cell}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n`);
  };
  // Only the named cell's problems matter: another cell's mistake does not change this data set.
  const mine = checked.problems.filter((p) => p.cell === o.cell || p.cell === '-');
  const entry = checked.specs.find((s) => s.spec.name === o.cell);
  if (mine.some((p) => p.severity === 'error') || !entry) {
    report(mine);
    if (!entry && !mine.some((p) => p.severity === 'error')) o.stderr.write(`regnb: --cell ${o.cell}: the notebook has no valid experiment cell of that name\n`);
    return 2;
  }
  const data = entry.spec.data;
  let csv: string;
  try {
    const table = await loadTable(data, { baseDir: path.dirname(notebookPath), dataDir: o.dataDir, readText });
    // The split the engine makes (loadDataset), so the rows and their order are the trained ones.
    const { rows } = datasetFromTable(table, { ...data, standardize: false, standardizeTarget: false });
    if (rows === undefined) throw new Error('the data set does not say which rows train');
    csv = splitCsv(table, rows);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    o.stderr.write(`${o.notebook}:${o.cell}: ${e.where?.file ? `${e.where.file}: ` : ''}${e.message}\n`);
    return 2;
  }
  if (o.out === undefined) {
    o.stdout.write(csv);
    return 0;
  }
  const out = path.resolve(o.out);
  try {
    await fs.mkdir(path.dirname(out), { recursive: true });
    await writeFileAtomic(out, csv);
  } catch (e) {
    o.stderr.write(`regnb: cannot write ${o.out}: ${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}
