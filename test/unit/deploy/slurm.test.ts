// deploy/slurm/regnb-sweep.sh: it parses (bash -n); submitting chains every stage's job
// array and merge with afterok; and each array task and merge, run as Slurm runs them
// (the script with the array's variables, in order), calls regnb with commands the CLI
// accepts that shard and merge the sweep.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEPLOY, TUTORIAL, onlySweep, regnb, standInNotebook, tutorialSweep } from './deployHarness';
import { REPO_ROOT } from '../helpers/backend';

const SCRIPT = path.join(DEPLOY, 'slurm/regnb-sweep.sh');

/** One sbatch call: its arguments and the environment it passes on to the job. */
interface Submitted { args: string[]; env: Record<string, string> }

/** A folder of stand-in commands: sbatch records each call and answers job ids 101, 102, ...; regnb records its arguments. */
function fakeCommands(): { bin: string; submitted: () => Submitted[]; regnbArgs: () => string[] } {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-slurm-'));
  fs.writeFileSync(path.join(bin, 'sbatch'), `#!/usr/bin/env bash
n=$(ls "${bin}" | grep -c '^call-.*\\.args$' || true)
printf '%s\\0' "$@" > "${bin}/call-$n.args"
env -0 > "${bin}/call-$n.env"
echo "$((101 + n));cluster"
`, { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'regnb'), `#!/usr/bin/env bash
printf '%s\\0' "$@" > "${bin}/regnb.args"
`, { mode: 0o755 });
  const nul = (file: string) => fs.readFileSync(file, 'utf8').split('\0').slice(0, -1);
  return {
    bin,
    submitted: () => {
      const calls = fs.readdirSync(bin).filter((f) => /^call-\d+\.args$/.test(f)).sort((a, b) => parseInt(a.slice(5)) - parseInt(b.slice(5)));
      return calls.map((f) => ({
        args: nul(path.join(bin, f)),
        env: Object.fromEntries(nul(path.join(bin, f.replace('.args', '.env'))).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
      }));
    },
    regnbArgs: () => nul(path.join(bin, 'regnb.args')),
  };
}

/** The script as it runs: PATH with the stand-ins first. */
function script(bin: string, args: string[], env: Record<string, string>, cwd = REPO_ROOT) {
  const r = spawnSync('bash', [SCRIPT, ...args], { cwd, env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r;
}

const flag = (args: string[], name: string) => args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);

describe('deploy/slurm/regnb-sweep.sh', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('passes bash -n', () => {
    assert.equal(spawnSync('bash', ['-n', SCRIPT]).status, 0);
  });

  it('submits, for each stage of the tutorial sweep, a job array and a merge after it, each stage after the last merge', () => {
    const { cell, stages } = tutorialSweep();
    const fake = fakeCommands();
    dirs.push(fake.bin);
    script(fake.bin, [], {});
    const jobs = fake.submitted();
    assert.equal(jobs.length, 2 * stages);
    jobs.forEach((j, n) => {
      assert.equal(j.args[j.args.length - 2], SCRIPT, 'this script, by its absolute path');
      assert.equal(j.args[j.args.length - 1], n % 2 === 0 ? 'shard' : 'merge');
      assert.ok(j.args.includes('--parsable') && j.args.includes('--kill-on-invalid-dep=yes'));
      const waitsFor = n === 0 ? undefined : `afterok:${101 + n - 1}`;
      assert.equal(flag(j.args, '--dependency'), waitsFor, `job ${n}: after the one before it`);
      assert.equal(flag(j.args, '--array'), n % 2 === 0 ? '0-7' : undefined);
      // The jobs get the settings through sbatch's environment, with absolute paths.
      assert.deepEqual([j.env.NOTEBOOK, j.env.CELL, j.env.STORE], [TUTORIAL, cell, path.join(path.dirname(TUTORIAL), '.regnb')]);
    });
  });

  it('run as Slurm runs them (every array task, then the merge, stage by stage), its commands are ones the CLI accepts and merge the sweep', async () => {
    const { cell } = tutorialSweep();
    const { dir, notebook } = standInNotebook(cell);
    dirs.push(dir);
    const fake = fakeCommands();
    dirs.push(fake.bin);
    script(fake.bin, [], { NOTEBOOK: notebook, SHARDS: '3' });
    for (const job of fake.submitted()) {
      const mode = job.args[job.args.length - 1];
      const env = { ...job.env, SLURM_CPUS_PER_TASK: '1' };
      const array = flag(job.args, '--array');
      const tasks = array ? Number(array.split('-')[1]) + 1 : 1;
      for (let i = 0; i < tasks; i++) {
        const slurm: Record<string, string> = array ? { SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_COUNT: String(tasks), SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: String(tasks - 1) } : {};
        script(fake.bin, [mode], { ...env, ...slurm, REGNB: path.join(fake.bin, 'regnb') }, dir);
        const r = await regnb(fake.regnbArgs(), slurm);
        assert.equal(r.code, 0, `${mode} ${i}: regnb ${fake.regnbArgs().join(' ')}: ${r.stderr}`);
      }
    }
    const store = fake.submitted()[0].env.STORE;
    const sweep = await onlySweep(notebook, store);
    assert.equal(sweep.next, 'merged');
    assert.deepEqual(sweep.all.map((s) => [s.stage, s.count, s.done.length]), [[1, 3, 3], [2, 3, 3]]);
    assert.ok(fs.existsSync(path.join(dir, 'regnb-results', `${cell}.json`)), 'the run results beside the notebook');
  });
});
