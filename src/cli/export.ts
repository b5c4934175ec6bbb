// `regnb export NOTEBOOK --cell NAME --to keras|pytorch [--out FILE] [--data FILE]`:
// one experiment cell as a runnable script, the same one the extension's Copy Cell as
// Keras/PyTorch Script writes. With --data, RegNB's exact scaled train/test rows go to
// that CSV file and the script reads them instead of regenerating the data.
//
// Exit status: 0 written; 2 bad arguments, or the cell is missing or invalid.

import { parseArgs } from 'node:util';
import * as path from 'path';
import * as fs from 'fs/promises';
import { parseNotebook } from '../core/notebook/parse';
import { exportCell, SCRIPT_TARGETS, type ScriptTarget } from '../core/runner/exportCell';
import { loadDataset } from '../core/data/loadDataset';
import { inputLayoutFor } from '../core/engine/network';
import { datasetCsv } from '../core/guidance/dataCsv';
import { writeFileAtomic } from '../core/store/atomicWrite';
import { installPaths } from './installPaths';

export const EXPORT_USAGE = 'regnb export NOTEBOOK.regnb --cell NAME --to keras|pytorch [--out FILE] [--data FILE.csv]';

export async function exportCommand(argv: string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`regnb export: ${message}\nusage: ${EXPORT_USAGE}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { cell: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`usage: ${EXPORT_USAGE}\n`);
    return 0;
  }
  const [command, file, ...rest] = positionals;
  if (command !== 'export' || !file || rest.length > 0) return fail('give one notebook');
  if (!values.cell) return fail('--cell NAME is required');
  const to = values.to as ScriptTarget;
  if (!SCRIPT_TARGETS.includes(to)) return fail(`--to must be one of ${SCRIPT_TARGETS.join(', ')}`);

  const notebookPath = path.resolve(file);
  const { dataDir } = installPaths();
  const readText = (p: string) => fs.readFile(p, 'utf8');
  let doc;
  try {
    doc = parseNotebook(await readText(notebookPath), notebookPath);
  } catch (e) {
    const where = e as { line?: number; column?: number; reason?: string };
    process.stderr.write(`${file}:-:${where.line ?? 1}:${where.column ?? 1}: ${where.reason ?? (e as Error).message}\n`);
    return 2;
  }
  const sources = doc.cells.flatMap((c, i) => (c.kind === 'experiment' ? [{ source: c.source, index: i }] : []));
  const dataFile = values.data ? path.resolve(values.data) : undefined;
  const exported = await exportCell(sources, values.cell, to, { notebookPath, dataDir, readText }, async (spec) => {
    if (!dataFile) return {};
    const dataset = await loadDataset(spec.data, { baseDir: path.dirname(notebookPath), dataDir, readText, inputShape: inputLayoutFor(spec.model) });
    await fs.mkdir(path.dirname(dataFile), { recursive: true });
    await writeFileAtomic(dataFile, datasetCsv(dataset));
    return { dataCsv: dataFile, inputShape: dataset.inputShape };
  });
  if (!('script' in exported)) {
    for (const p of exported.problems) process.stderr.write(`${file}:${values.cell}:${p.line}:${p.column}: ${p.message}\n`);
    process.stderr.write(`regnb export: ${exported.message}\n`);
    return 2;
  }
  if (values.out) {
    const out = path.resolve(values.out);
    await fs.mkdir(path.dirname(out), { recursive: true });
    await writeFileAtomic(out, exported.script);
  } else {
    process.stdout.write(exported.script);
  }
  return 0;
}
