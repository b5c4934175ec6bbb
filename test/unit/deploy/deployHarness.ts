// What the deploy/ tests share: where the files are, the tutorial's sweep they run, the
// CLI called in this process as a job would call it, and a stand-in notebook with a cell
// of the same name and grid shape that trains in a moment.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { main } from '../../../src/cli/main';
import { parseNotebook } from '../../../src/core/notebook/parse';
import { listShardedSweeps, type SweepProgress } from '../../../src/core/store/shardStore';
import { REPO_ROOT } from '../helpers/backend';
import { tinySweepSource } from '../helpers/tinySweep';

export const DEPLOY = path.join(REPO_ROOT, 'deploy');
export const TUTORIAL = path.join(REPO_ROOT, 'examples/weight-regularization.regnb');

/** The tutorial's sweep cell: its name and how many sharded stages it runs as (2 with refine). */
export function tutorialSweep(): { cell: string; stages: number } {
  const doc = parseNotebook(fs.readFileSync(TUTORIAL, 'utf8'));
  const sweeps = doc.cells.filter((c) => c.kind === 'experiment').map((c) => parseYaml(c.source) as { name: string; grid?: { refine?: number } }).filter((s) => s.grid);
  if (sweeps.length !== 1) throw new Error(`the tutorial has ${sweeps.length} sweep cells, the deploy files run one`);
  return { cell: sweeps[0].name, stages: (sweeps[0].grid?.refine ?? 0) > 0 ? 2 : 1 };
}

/**
 * A notebook named like the tutorial in a new folder, whose one cell has the tutorial sweep's
 * name and a grid that refines like it, on a network small enough to train in a test.
 */
export function standInNotebook(cell: string): { dir: string; notebook: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-deploy-'));
  const source = tinySweepSource(cell, '  alpha: [1e-1, 1e-2, 1e-3]\n  repeats: 2\n  refine: 2');
  const notebook = path.join(dir, path.basename(TUTORIAL));
  fs.writeFileSync(notebook, `${JSON.stringify({ regnb: 1, metadata: {}, cells: [{ kind: 'experiment', source }] }, null, 2)}\n`);
  return { dir, notebook };
}

/**
 * The CLI's main in this process with `env` as the job's variables: its exit status and
 * what it wrote to stderr (where an unknown flag or a bad value is named). Stdout is left
 * alone: the test runner reports through it.
 */
export async function regnb(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write;
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(args, env), stderr };
  } finally {
    process.stderr.write = write;
  }
}

/** The one sharded sweep of `notebook` in `store`. */
export async function onlySweep(notebook: string, store: string): Promise<SweepProgress> {
  const { sweeps, problems } = await listShardedSweeps(notebook, store);
  if (problems.length > 0 || sweeps.length !== 1) throw new Error(`expected one sharded sweep, found ${sweeps.length}: ${problems.join('; ')}`);
  return sweeps[0];
}
