// deploy/kubernetes: the manifests are valid Kubernetes objects (checked against the
// official OpenAPI schema that kubernetes-models compiles), their regnb commands are ones
// the CLI accepts, and run as the Jobs run them (every index of the Indexed Job, then the
// merge, once per stage) they merge the sweep. sweep.sh chains the Jobs stage by stage.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { DEPLOY, TUTORIAL, onlySweep, regnb, standInNotebook, tutorialSweep } from './deployHarness';
import { REPO_ROOT } from '../helpers/backend';

const K8S = path.join(DEPLOY, 'kubernetes');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Container { name: string; image: string; args?: string[]; command?: string[]; env?: { name: string; value?: string }[]; volumeMounts?: { name: string; mountPath: string }[] }
interface PodSpec { restartPolicy?: string; containers: Container[]; volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[] }
interface K8sObject { apiVersion: string; kind: string; metadata: { name?: string; generateName?: string }; spec: Record<string, unknown> }
interface JobObject extends K8sObject { spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: PodSpec } } }

/** The objects of one manifest file; a YAML error fails with its position. */
function manifest(file: string): K8sObject[] {
  const docs = parseAllDocuments(fs.readFileSync(path.join(K8S, file), 'utf8'));
  if (!Array.isArray(docs)) throw new Error(`${file}: not a YAML stream`);
  for (const d of docs) if (d.errors.length > 0) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
  return docs.map((d) => d.toJS() as K8sObject);
}

/**
 * A kubernetes-models class: validate() checks the object against the schema. (Its base
 * class's types resolve only through package exports, which this tsconfig does not read.)
 */
type ModelClass = new (data: never) => { validate(): void };

/** kubernetes-models' model class of an object, by apiVersion and kind (an ES module, loaded on first use). */
async function modelOf(o: K8sObject): Promise<ModelClass> {
  const models: Record<string, () => Promise<unknown>> = {
    'batch/v1 Job': async () => (await import('kubernetes-models/batch/v1/Job')).Job,
    'v1 Pod': async () => (await import('kubernetes-models/v1/Pod')).Pod,
    'v1 PersistentVolumeClaim': async () => (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim,
  };
  const load = models[`${o.apiVersion} ${o.kind}`];
  if (!load) throw new Error(`no schema model for ${o.apiVersion} ${o.kind}`);
  return (await load()) as ModelClass;
}

const storage = manifest('storage.yaml');
const shards = manifest('shards.yaml') as JobObject[];
const merge = manifest('merge.yaml') as JobObject[];
const all = [...storage, ...shards, ...merge];
const regnbContainer = (job: JobObject) => job.spec.template.spec.containers.find((c) => c.name === 'regnb')!;

describe('deploy/kubernetes manifests', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('every object is valid against the Kubernetes schema', async () => {
    assert.deepEqual(all.map((o) => `${o.apiVersion} ${o.kind}`), ['v1 PersistentVolumeClaim', 'v1 Pod', 'batch/v1 Job', 'batch/v1 Job']);
    for (const o of all) {
      const Model = await modelOf(o);
      assert.doesNotThrow(() => new Model(o as never).validate(), `${o.kind} ${o.metadata.name ?? o.metadata.generateName}`);
    }
  });

  it('the schema check refuses a broken Job (a misspelt completion mode, a count that is text, a container without a name)', async () => {
    const Model = await modelOf(shards[0]);
    const broken = (edit: (j: JobObject) => void) => {
      const j = structuredClone(shards[0]);
      edit(j);
      return () => new Model(j as never).validate();
    };
    assert.throws(broken((j) => (j.spec.completionMode = 'Index')), /completionMode/);
    assert.throws(broken((j) => ((j.spec as Record<string, unknown>).completions = 'eight')), /completions must be integer/);
    assert.throws(broken((j) => delete (j.spec.template.spec.containers[0] as Partial<Container>).name), /required property name/);
  });

  it('the shards are an Indexed Job of REGNB_SHARDS = completions pods, one shard each, never restarted in place', () => {
    const job = shards[0];
    assert.equal(job.spec.completionMode, 'Indexed');
    const count = Number(regnbContainer(job).env?.find((e) => e.name === 'REGNB_SHARDS')?.value);
    assert.equal(job.spec.completions, count, 'REGNB_SHARDS is the number of completions');
    assert.ok(job.spec.parallelism! >= 1 && job.spec.parallelism! <= count);
    assert.equal(job.spec.template.spec.restartPolicy, 'Never');
    assert.ok(regnbContainer(job).args!.includes('--shard'), 'sharding is asked for: a plain run would train the whole sweep in every pod');
  });

  it('every pod mounts the claim of storage.yaml and runs the image of this version', () => {
    const claim = storage.find((o) => o.kind === 'PersistentVolumeClaim')!;
    assert.deepEqual((claim.spec as { accessModes: string[] }).accessModes, ['ReadWriteMany'], 'pods on many nodes write at once');
    const pods: PodSpec[] = [...storage.filter((o) => o.kind === 'Pod').map((o) => o.spec as unknown as PodSpec), ...[...shards, ...merge].map((j) => j.spec.template.spec)];
    for (const pod of pods) {
      assert.deepEqual(pod.volumes?.map((v) => v.persistentVolumeClaim?.claimName), [claim.metadata.name]);
      for (const c of pod.containers) assert.equal(c.image, `regnb:${VERSION}`, 'the tag the README builds');
    }
  });

  it('the Jobs run the tutorial notebook\'s sweep cell: shards with regnb run, then regnb merge', () => {
    const { cell } = tutorialSweep();
    for (const job of [...shards, ...merge]) {
      const args = regnbContainer(job).args!;
      assert.equal(path.basename(args[1]), path.basename(TUTORIAL));
      assert.equal(args[args.indexOf('--cell') + 1], cell);
    }
    assert.deepEqual([shards, merge].map((j) => regnbContainer(j[0]).args![0]), ['run', 'merge']);
  });

  // The CLI's own parser takes every flag (an unknown one, or one without its value, exits 2).
  it('run as the Jobs run them (every index, then the merge, once per stage), the commands are ones the CLI accepts and merge the sweep', async () => {
    const { cell, stages } = tutorialSweep();
    const { dir, notebook } = standInNotebook(cell);
    dirs.push(dir);
    // The volume's mount point is the stand-in's folder; one thread per shard here, where
    // eight shards share this machine.
    const onVolume = (job: JobObject) => {
      const mount = regnbContainer(job).volumeMounts![0].mountPath;
      const args = regnbContainer(job).args!.map((a) => (a === mount || a.startsWith(`${mount}/`) ? dir + a.slice(mount.length) : a));
      const w = args.indexOf('--workers');
      if (w >= 0) args[w + 1] = '1';
      return args;
    };
    const shardArgs = onVolume(shards[0]);
    const count = String(shards[0].spec.completions);
    const store = shardArgs[shardArgs.indexOf('--store') + 1];
    for (let stage = 1; stage <= stages; stage++) {
      for (let i = 0; i < Number(count); i++) {
        const r = await regnb(shardArgs, { JOB_COMPLETION_INDEX: String(i), REGNB_SHARDS: count });
        assert.equal(r.code, 0, `stage ${stage}, index ${i}: ${r.stderr}`);
      }
      const m = await regnb(onVolume(merge[0]));
      assert.equal(m.code, 0, `merge of stage ${stage}: ${m.stderr}`);
    }
    const sweep = await onlySweep(notebook, store);
    assert.equal(sweep.next, 'merged');
    assert.deepEqual(sweep.all.map((s) => [s.stage, s.count, s.done.length]), [[1, 8, 8], [2, 8, 8]]);
    const mergeArgs = onVolume(merge[0]);
    assert.ok(fs.existsSync(mergeArgs[mergeArgs.indexOf('--json') + 1]), 'the run results');
    assert.ok(fs.readdirSync(mergeArgs[mergeArgs.indexOf('--charts') + 1]).some((f) => f.endsWith('.png')), 'the charts');
  });
});

describe('deploy/kubernetes/sweep.sh', () => {
  /** Runs sweep.sh against a kubectl that logs its calls and reports every Job as `state`. */
  function sweep(state: string): { status: number | null; calls: string[] } {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-kubectl-'));
    try {
      const log = path.join(bin, 'calls');
      fs.writeFileSync(path.join(bin, 'kubectl'), `#!/usr/bin/env bash
echo "$*" >> "${log}"
case "$1" in
  create) echo "job.batch/$(basename "$3" .yaml)-$(wc -l < "${log}")" ;;
  get) echo "${state}" ;;
esac
`, { mode: 0o755 });
      const r = spawnSync('bash', [path.join(K8S, 'sweep.sh')], { env: { ...process.env, KUBECTL: path.join(bin, 'kubectl'), POLL: '0' }, encoding: 'utf8' });
      const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
      return { status: r.status, calls: calls.map((c) => c.replace(K8S, 'K8S')) };
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  }

  it('passes bash -n', () => {
    assert.equal(spawnSync('bash', ['-n', path.join(K8S, 'sweep.sh')]).status, 0);
  });

  it('creates the shards, waits for them, then the merge, once per stage of the tutorial sweep', () => {
    const { stages } = tutorialSweep();
    const r = sweep('SuccessCriteriaMet Complete');
    assert.equal(r.status, 0);
    const stage = (n: number) => [
      'create -f K8S/shards.yaml -o name',
      `get job.batch/shards-${4 * n + 1} -o jsonpath={.status.conditions[?(@.status=="True")].type}`,
      'create -f K8S/merge.yaml -o name',
      `get job.batch/merge-${4 * n + 3} -o jsonpath={.status.conditions[?(@.status=="True")].type}`,
    ];
    assert.deepEqual(r.calls, Array.from({ length: stages }, (_, n) => stage(n)).flat());
  });

  it('stops at a failed Job with status 1, creating nothing after it', () => {
    const r = sweep('FailureTarget Failed');
    assert.equal(r.status, 1);
    assert.equal(r.calls.length, 2, r.calls.join('\n'));
  });
});
