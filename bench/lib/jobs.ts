// Runs one measurement in its own process (RegNB worker or Python peer), one after the
// other so that no two timings overlap. Each job gets its parameters in a JSON file and
// answers with one `@@RESULT <json>` line on stdout.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Job } from './types';
import { PYTHON } from './peers';

export const REPO_ROOT = path.resolve(__dirname, '../..');

let counter = 0;

function run<T>(cmd: string, args: string[], job: Job, tmpDir: string, extraEnv: Record<string, string> = {}): T {
  const file = path.join(tmpDir, `job-${++counter}-${job.kind}.json`);
  fs.writeFileSync(file, JSON.stringify(job));
  // No __pycache__ left in bench/peers by the Python peers.
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...extraEnv };
  const r = spawnSync(cmd, [...args, file], { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@RESULT '));
  if (r.status !== 0 || !line) {
    const why = `${r.error ? String(r.error) : ''}${r.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${path.basename(args[args.length - 1] ?? cmd)} ${job.kind} failed (exit ${r.status}):\n${why}`);
  }
  return JSON.parse(line.slice('@@RESULT '.length)) as T;
}

let bundled = false;

/**
 * RegNB's jobs run from an esbuild bundle built as the CLI's is (scripts/buildBench.mjs),
 * once per bench process: under tsx every cross-module call goes through a CommonJS
 * export getter, which made the fused epochs ~1.3x slower than the bundles users run.
 */
function workerBundle(): string {
  if (!bundled) {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/buildBench.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`scripts/buildBench.mjs failed (exit ${r.status}):\n${`${r.error ?? ''}${r.stderr}`.trim()}`);
    bundled = true;
  }
  return path.join(REPO_ROOT, 'bench/.bundle/launch.js');
}

/**
 * A RegNB job in a process of its own, loaded as `regnb run` loads the CLI: through V8's
 * code cache (bench/regnb/launch.ts), kept for this bench run in tmpDir, one per job
 * kind; `codeCache: false` loads it without one, as a user's very first run.
 */
export function regnbJob<T>(job: Job, tmpDir: string, opts: { codeCache?: boolean } = {}): T {
  const env: Record<string, string> = opts.codeCache === false ? { REGNB_BENCH_CODE_CACHE: '' } : { REGNB_BENCH_CODE_CACHE: path.join(tmpDir, 'code-cache'), REGNB_BENCH_CACHE_VARIANT: job.kind };
  return run<T>(process.execPath, [workerBundle()], job, tmpDir, env);
}

export function peerJob<T>(peer: 'torch' | 'sklearn', job: Job, tmpDir: string): T {
  return run<T>(PYTHON, [path.join(REPO_ROOT, `bench/peers/${peer}_peer.py`)], job, tmpDir);
}
