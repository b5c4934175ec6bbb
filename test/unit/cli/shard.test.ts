// Sweeps as job arrays: shards trained by separate processes with a scheduler's
// variables (a Kubernetes Indexed Job's, a Slurm array's), merged, give the sweep an
// unsharded run gives, point by point to the bit; merge names the shards not in, a
// shard run twice replaces its own file, and a refining sweep runs as two stages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { main } from '../../../src/cli/main';
import type { RunResult } from '../../../src/core/run/result';
import { decodeJson, listShardedSweeps, sweepKey } from '../../../src/core/store/shardStore';
import { REPO_ROOT } from '../helpers/backend';

const CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
/** Variables of the schedulers, removed from the children's environment so only the test's are set. */
const SCHEDULER_VARS = ['JOB_COMPLETION_INDEX', 'REGNB_SHARDS', 'SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_MAX', 'AWS_BATCH_JOB_ARRAY_INDEX'];

/** A process of the CLI, as a job of an array runs it. */
function regnbProcess(args: string[], cwd: string, vars: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  for (const v of SCHEDULER_VARS) if (!(v in vars)) delete env[v];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The CLI's main in this process, with `env` as the scheduler's variables; what it wrote to stderr. */
async function regnb(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write;
  const here = process.cwd();
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  process.chdir(cwd);
  try {
    return { code: await main(args, env), stderr };
  } finally {
    process.chdir(here);
    process.stderr.write = write;
  }
}

const SWEEP = (refine: number) => `name: sw
data: { source: moons, samples: 60, noise: 0.2, seed: 1, train: 40 }
model:
  - dense: 8
    activation: relu
    regularize: { l2: 0.001 }
  - dense: 1
train: { epochs: 20, batch: 16, lr: 0.01, seed: 3 }
grid:
  alpha: [1e-1, 1e-2, 1e-3]
  repeats: 2
  validate: { folds: 2 }
  refine: ${refine}`;

function workspace(...sources: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-shard-'));
  const cells = sources.map((source) => ({ kind: 'experiment', source }));
  fs.writeFileSync(path.join(dir, 'nb.regnb'), `${JSON.stringify({ regnb: 1, metadata: {}, cells }, null, 2)}\n`);
  return dir;
}

const COMMON = ['--cell', 'sw', '--backend', 'cpu', '--workers', '1', '--quiet'];

/** The run a --json file holds. */
function jsonResult(file: string): RunResult {
  return (decodeJson(fs.readFileSync(file, 'utf8')) as RunResult[])[0];
}

/** Every point of two grids equal to the bit (NaN equals NaN), and the choice and the refit's test figures too. */
function assertSameSweep(merged: RunResult, whole: RunResult): void {
  const a = merged.grid!;
  const b = whole.grid!;
  assert.equal(a.runs.length, b.runs.length, 'as many points');
  a.runs.forEach((p, i) => assert.deepStrictEqual(p, b.runs[i], `point ${i} (alpha ${p.alpha}, repeat ${p.repeat}, fold ${p.fold})`));
  assert.deepStrictEqual(a.alpha, b.alpha);
  assert.deepStrictEqual(a.stats, b.stats);
  assert.deepStrictEqual(a.best, b.best);
  assert.deepStrictEqual(a.test, b.test, 'the chosen alpha refit once, with the same figures');
  assert.deepStrictEqual(merged.history, whole.history, 'the cell history is the refit model');
  assert.deepStrictEqual(merged.final, whole.final);
}

describe('sharded sweeps (regnb run --shard, regnb merge)', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  describe('one stage, shards as Kubernetes Indexed Job processes', () => {
    let dir: string;
    let whole: RunResult;
    before(async () => {
      dir = workspace(SWEEP(0));
      dirs.push(dir);
      const r = await regnb(['run', 'nb.regnb', ...COMMON, '--json', 'whole.json', '--out', 'whole.regnb'], dir);
      assert.equal(r.code, 0, r.stderr);
      whole = jsonResult(path.join(dir, 'whole.json'));
    });

    it('a missing shard: merge exits 1 and names it; the shards in, the merge equals the unsharded run to the bit; a shard run twice changes nothing', async () => {
      const k8s = (i: number) => regnbProcess(['run', 'nb.regnb', ...COMMON, '--shard', 'auto'], dir, { JOB_COMPLETION_INDEX: String(i), REGNB_SHARDS: '3' });
      const first = await Promise.all([k8s(0), k8s(2)]);
      first.forEach((r) => assert.equal(r.code, 0, r.stderr));

      const missing = await regnb(['merge', 'nb.regnb', '--cell', 'sw', '--quiet'], dir);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /stage 1: 2 of 3 shards in; not in: shard 1 of 3 \(missing\)/);
      assert.equal(fs.readdirSync(path.join(dir, '.regnb/runs/nb/sw')).length, 1, 'nothing stored but the unsharded run');

      const source = SWEEP(0);
      const listed = await listShardedSweeps(path.join(dir, 'nb.regnb'));
      assert.equal(listed.sweeps.length, 1);
      assert.equal(listed.sweeps[0].sweep, sweepKey(source));
      assert.deepEqual([listed.sweeps[0].stage.done, listed.sweeps[0].stage.missing, listed.sweeps[0].next], [[0, 2], [1], 'shards']);

      const shardFile = path.join(dir, '.regnb/shards/nb/sw', sweepKey(source), 'stage-1/shard-1-of-3.json');
      assert.equal((await k8s(1)).code, 0);
      const once = fs.readFileSync(shardFile, 'utf8');
      assert.equal((await k8s(1)).code, 0, 'the same shard again');
      const twice = fs.readFileSync(shardFile, 'utf8');
      assert.deepStrictEqual((decodeJson(twice) as { points: unknown }).points, (decodeJson(once) as { points: unknown }).points, 'the rerun replaced its own file with the same points');
      assert.deepEqual(fs.readdirSync(path.dirname(shardFile)).sort(), ['shard-0-of-3.json', 'shard-1-of-3.json', 'shard-2-of-3.json'], 'no file beside the three');

      const merged = await regnb(['merge', 'nb.regnb', '--cell', 'sw', '--quiet', '--json', 'merged.json'], dir);
      assert.equal(merged.code, 0, merged.stderr);
      const result = jsonResult(path.join(dir, 'merged.json'));
      assertSameSweep(result, whole);
      assert.deepEqual(result.grid!.shards, [3]);
      const nb = JSON.parse(fs.readFileSync(path.join(dir, 'nb.regnb'), 'utf8')) as { cells: { outputs?: { data: RunResult }[] }[] };
      assert.equal(nb.cells[0].outputs?.[0].data.runId, result.runId, 'the merged run is the cell output');
      assert.equal((await listShardedSweeps(path.join(dir, 'nb.regnb'))).sweeps[0].next, 'merged');
    });
  });

  it('two stages with refinement, shards as Slurm array tasks, in a --store folder: the grid of the unsharded sweep', async () => {
    const dir = workspace(SWEEP(2));
    dirs.push(dir);
    const store = ['--store', path.join(dir, 'shared')];
    const whole = await regnb(['run', 'nb.regnb', ...COMMON, '--json', 'whole.json', '--out', 'whole.regnb'], dir);
    assert.equal(whole.code, 0, whole.stderr);
    // Stage 1 as `--array=1-2` (MIN/MAX), stage 2 as `--array=0-2` (COUNT only).
    for (const id of ['1', '2']) {
      const r = await regnb(['run', 'nb.regnb', ...COMMON, ...store, '--shard', 'auto'], dir, { SLURM_ARRAY_TASK_ID: id, SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '2' });
      assert.equal(r.code, 0, r.stderr);
    }
    const plan = await regnb(['merge', 'nb.regnb', '--cell', 'sw', '--quiet', ...store], dir);
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stderr, /stage 1 merged \(2 shards\): stage 2 refines around alpha/);
    const early = await regnb(['merge', 'nb.regnb', '--cell', 'sw', '--quiet', ...store], dir);
    assert.equal(early.code, 1);
    assert.match(early.stderr, /no shard of stage 2 yet/);
    for (const id of ['0', '1', '2']) {
      const r = await regnb(['run', 'nb.regnb', ...COMMON, ...store, '--shard', 'auto'], dir, { SLURM_ARRAY_TASK_ID: id, SLURM_ARRAY_TASK_COUNT: '3' });
      assert.equal(r.code, 0, r.stderr);
    }
    const merged = await regnb(['merge', 'nb.regnb', '--cell', 'sw', '--quiet', '--json', 'merged.json', ...store], dir);
    assert.equal(merged.code, 0, merged.stderr);
    const result = jsonResult(path.join(dir, 'merged.json'));
    assertSameSweep(result, jsonResult(path.join(dir, 'whole.json')));
    assert.ok(result.grid!.runs.some((p) => p.refined), 'refined points are in');
    assert.deepEqual(result.grid!.shards, [2, 3]);
    assert.ok(fs.existsSync(path.join(dir, 'shared/runs/nb/sw')), 'the merged run is in the --store folder');
    assert.ok(!fs.existsSync(path.join(dir, '.regnb/shards')), 'no shard beside the notebook');
  });

  it('refuses bad scheduler values before anything trains (exit 2, naming the variable)', async () => {
    const dir = workspace(SWEEP(0));
    dirs.push(dir);
    const cases: [Record<string, string>, string[], RegExp][] = [
      [{ JOB_COMPLETION_INDEX: '3' }, [], /JOB_COMPLETION_INDEX is set .* give --shards N or set REGNB_SHARDS/],
      [{ JOB_COMPLETION_INDEX: '3', REGNB_SHARDS: '3' }, [], /JOB_COMPLETION_INDEX must be a whole number from 0 to 2 \(REGNB_SHARDS is 3\), not '3'/],
      [{ SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '6' }, [], /SLURM_ARRAY_TASK_COUNT \(4\) is not SLURM_ARRAY_TASK_MAX - SLURM_ARRAY_TASK_MIN \+ 1 \(7\)/],
      [{ AWS_BATCH_JOB_ARRAY_INDEX: '-1' }, ['--shards', '2'], /AWS_BATCH_JOB_ARRAY_INDEX must be a whole number from 0 to 1/],
      [{}, [], /--shard auto: no job array index is set/],
      [{ JOB_COMPLETION_INDEX: '0', REGNB_SHARDS: '4' }, ['--shards', '3'], /--shards \(3\) disagrees with REGNB_SHARDS \(4\)/],
      [{ SLURM_ARRAY_TASK_ID: '0', REGNB_SHARDS: 'eight' }, [], /REGNB_SHARDS must be a whole number from 1 to 10000, not 'eight'/],
    ];
    for (const [env, extra, message] of cases) {
      const r = await regnb(['run', 'nb.regnb', ...COMMON, '--shard', 'auto', ...extra], dir, env);
      assert.equal(r.code, 2, JSON.stringify(env));
      assert.match(r.stderr, message);
    }
    const explicit = await regnb(['run', 'nb.regnb', ...COMMON, '--shard', '2/2'], dir);
    assert.equal(explicit.code, 2);
    assert.match(explicit.stderr, /--shard I must be a whole number from 0 to 1/);
    assert.ok(!fs.existsSync(path.join(dir, '.regnb')), 'nothing written');
  });

  it('train.from: a shard needs the run it starts from; a merge refuses shards that started from an older one', async () => {
    const base = SWEEP(0).replace('name: sw', 'name: base').replace(/grid:[\s\S]*$/, '');
    const dir = workspace(base, `${SWEEP(0).replace('seed: 3 }', 'seed: 3, from: base }')}`);
    dirs.push(dir);
    const early = await regnb(['run', 'nb.regnb', ...COMMON, '--shard', '0/1'], dir);
    assert.equal(early.code, 2);
    assert.match(early.stderr, /cell 'sw' needs cell 'base', which has no completed run: run it first/);
    assert.equal((await regnb(['run', 'nb.regnb', '--cell', 'base', '--backend', 'cpu', '--quiet'], dir)).code, 0);
    assert.equal((await regnb(['run', 'nb.regnb', ...COMMON, '--shard', '0/1'], dir)).code, 0);
    assert.equal((await regnb(['run', 'nb.regnb', '--cell', 'base', '--backend', 'cpu', '--quiet'], dir)).code, 0);
    const merged = await regnb(['merge', 'nb.regnb', '--cell', 'sw', '--quiet'], dir);
    assert.equal(merged.code, 1);
    assert.match(merged.stderr, /train\.from: the shards started from run \S+ of 'base', whose latest run is now \S+: run the shards again/);
    const notGrid = await regnb(['merge', 'nb.regnb', '--cell', 'base', '--quiet'], dir);
    assert.equal(notGrid.code, 2);
    assert.match(notGrid.stderr, /cell 'base' has no grid:/);
  });
});
