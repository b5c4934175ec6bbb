// Benchmark 3b: the alpha sweep run as a user runs it, `node dist/cli.js run` of a
// notebook holding one sweep cell, timed from spawn to exit (start-up included).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './jobs';

export interface CliSweep {
  hidden: number;
  lr: number;
  batch: number;
  epochs: number;
  alphas: number[];
  repeats: number;
  workers: number;
}

/**
 * Wall times in ms of `runs` runs of `regnb run`, each on a fresh notebook with the sweep
 * cell, sorted. One run alone swings by ±0.05-0.3 s on a 2-core machine (and the first
 * after a build also writes the code caches): the table shows the median and the spread.
 */
export function cliSweepWalls(s: CliSweep, tmpDir: string, runs = 3): number[] {
  return Array.from({ length: runs }, () => cliSweepWall(s, tmpDir)).sort((a, b) => a - b);
}

/** Wall time in ms of `regnb run` on a fresh notebook with the sweep cell. */
export function cliSweepWall(s: CliSweep, tmpDir: string): number {
  const cli = path.join(REPO_ROOT, 'dist/cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(tmpDir, 'cli-sweep-'));
  const cell = [
    'name: bench-sweep',
    'data: { source: moons, samples: 100, noise: 0.2, seed: 1, shuffle: false, train: 30 }',
    'model:',
    `  - dense: ${s.hidden}`,
    '    activation: relu',
    '  - dense: 1',
    '    activation: sigmoid',
    'regularize: { l2: 1 }',
    `train: { epochs: ${s.epochs}, batch: ${s.batch}, optimizer: adam, lr: ${s.lr}, seed: 1 }`,
    `grid: { alpha: [${s.alphas.join(', ')}], repeats: ${s.repeats}, refine: 0, select: test.accuracy }`,
  ].join('\n');
  const notebook = path.join(dir, 'sweep.regnb');
  fs.writeFileSync(notebook, JSON.stringify({ regnb: 1, metadata: {}, cells: [{ kind: 'experiment', source: cell }] }));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'run', notebook, '--quiet', '--workers', String(s.workers), '--json', path.join(dir, 'result.json')], { cwd: dir, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`regnb run exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-5).join('\n')}`);
  const result = JSON.parse(fs.readFileSync(path.join(dir, 'result.json'), 'utf8'));
  const run = Array.isArray(result) ? result[0] : result.runs?.[0] ?? result;
  const points = run?.grid?.runs?.length;
  if (points !== s.alphas.length * s.repeats) throw new Error(`regnb run trained ${points} models, expected ${s.alphas.length * s.repeats}`);
  return ms;
}
