// Which shard this process is: `--shard I/N`, or `--shard auto` with the index (and,
// where the scheduler says it, the count) from a job array's variables: Kubernetes
// Indexed Jobs (JOB_COMPLETION_INDEX; the count from --shards or REGNB_SHARDS), Slurm
// arrays (SLURM_ARRAY_TASK_ID, the count from SLURM_ARRAY_TASK_COUNT or
// SLURM_ARRAY_TASK_MIN/MAX) and AWS Batch array jobs (AWS_BATCH_JOB_ARRAY_INDEX; the
// count from --shards or REGNB_SHARDS). Sharding is asked for, never guessed: a plain
// `regnb run` inside a job array runs the whole notebook. Every value is checked, and a
// bad one is named with where it came from.

import { MAX_SHARDS } from '../core/store/shardStore';
import { escapeControl } from '../core/text/escapeControl';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ShardChoice {
  index: number;
  count: number;
  /** Where the index came from (`--shard`, `JOB_COMPLETION_INDEX`...), for the progress line. */
  source: string;
}

/** The shard asked for (undefined: no --shard), or the one-line reason the values are wrong. */
export function resolveShard(args: { shard?: string; shards?: string }, env: Env): { shard?: ShardChoice; error?: string } {
  if (args.shard === undefined) {
    return args.shards === undefined ? {} : { error: '--shards N goes with --shard auto (the index from the scheduler)' };
  }
  try {
    const flagCount = args.shards === undefined ? undefined : count(args.shards, '--shards');
    if (args.shard !== 'auto') {
      const m = /^(\d+)\/(\d+)$/.exec(args.shard);
      if (!m) throw new ShardError(`--shard must be I/N (shard I of N, I from 0) or auto, not '${shown(args.shard)}'`);
      const n = count(m[2], '--shard N');
      const index = whole(m[1], '--shard I', n);
      agree(flagCount, n, '--shards', '--shard');
      return { shard: { index, count: n, source: '--shard' } };
    }
    const envCount = env.REGNB_SHARDS !== undefined ? count(env.REGNB_SHARDS, 'REGNB_SHARDS') : undefined;
    if (envCount !== undefined) agree(flagCount, envCount, '--shards', 'REGNB_SHARDS');
    const given = flagCount ?? envCount;
    const givenName = flagCount !== undefined ? '--shards' : 'REGNB_SHARDS';
    if (env.JOB_COMPLETION_INDEX !== undefined) return { shard: fromCountless('JOB_COMPLETION_INDEX', env.JOB_COMPLETION_INDEX, given, givenName, 'a Kubernetes Indexed Job: the Job\'s completions') };
    if (env.SLURM_ARRAY_TASK_ID !== undefined) return { shard: fromSlurm(env, given, givenName) };
    if (env.AWS_BATCH_JOB_ARRAY_INDEX !== undefined) return { shard: fromCountless('AWS_BATCH_JOB_ARRAY_INDEX', env.AWS_BATCH_JOB_ARRAY_INDEX, given, givenName, 'an AWS Batch array job: the array size') };
    throw new ShardError('--shard auto: no job array index is set (JOB_COMPLETION_INDEX of a Kubernetes Indexed Job, SLURM_ARRAY_TASK_ID of a Slurm array, AWS_BATCH_JOB_ARRAY_INDEX of an AWS Batch array job); give --shard I/N instead');
  } catch (e) {
    if (e instanceof ShardError) return { error: e.message };
    throw e;
  }
}

class ShardError extends Error {}

/** A scheduler that gives the index only: the count comes from --shards or REGNB_SHARDS. */
function fromCountless(name: string, value: string, given: number | undefined, givenName: string, what: string): ShardChoice {
  if (given === undefined) throw new ShardError(`${name} is set (${what.split(':')[0]}) but not the number of shards: give --shards N or set REGNB_SHARDS (${what.split(': ')[1]})`);
  return { index: whole(value, name, given, givenName), count: given, source: name };
}

/** A Slurm array `--array=MIN-MAX` (contiguous): index ID - MIN of MAX - MIN + 1. */
function fromSlurm(env: Env, given: number | undefined, givenName: string): ShardChoice {
  const min = env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : whole(env.SLURM_ARRAY_TASK_MIN, 'SLURM_ARRAY_TASK_MIN', Number.MAX_SAFE_INTEGER);
  const max = env.SLURM_ARRAY_TASK_MAX === undefined ? undefined : whole(env.SLURM_ARRAY_TASK_MAX, 'SLURM_ARRAY_TASK_MAX', Number.MAX_SAFE_INTEGER);
  const slurmCount = env.SLURM_ARRAY_TASK_COUNT === undefined ? undefined : count(env.SLURM_ARRAY_TASK_COUNT, 'SLURM_ARRAY_TASK_COUNT');
  if (max !== undefined && max < min) throw new ShardError(`SLURM_ARRAY_TASK_MAX (${max}) is below SLURM_ARRAY_TASK_MIN (${min})`);
  const span = max === undefined ? undefined : max - min + 1;
  if (span !== undefined && span > MAX_SHARDS) throw new ShardError(`SLURM_ARRAY_TASK_MIN/MAX span ${span} tasks: at most ${MAX_SHARDS} shards`);
  if (span !== undefined && slurmCount !== undefined && span !== slurmCount) {
    throw new ShardError(`SLURM_ARRAY_TASK_COUNT (${slurmCount}) is not SLURM_ARRAY_TASK_MAX - SLURM_ARRAY_TASK_MIN + 1 (${span}): shards need a contiguous array (--array=0-${slurmCount - 1}, no step or list)`);
  }
  const n = slurmCount ?? span ?? given;
  if (n === undefined) throw new ShardError('SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN/MAX: give --shards N');
  agree(given, n, givenName, slurmCount !== undefined ? 'SLURM_ARRAY_TASK_COUNT' : 'SLURM_ARRAY_TASK_MIN/MAX');
  const id = whole(env.SLURM_ARRAY_TASK_ID ?? '', 'SLURM_ARRAY_TASK_ID', Number.MAX_SAFE_INTEGER);
  if (id < min || id - min >= n) throw new ShardError(`SLURM_ARRAY_TASK_ID (${id}) is outside the array ${min}..${min + n - 1}`);
  return { index: id - min, count: n, source: 'SLURM_ARRAY_TASK_ID' };
}

/** A count of shards: a whole number from 1 to MAX_SHARDS. */
function count(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SHARDS) throw new ShardError(`${name} must be a whole number from 1 to ${MAX_SHARDS}, not '${shown(value)}'`);
  return Number(value);
}

/** An index below `below`, written as plain digits. */
function whole(value: string, name: string, below: number, countName?: string): number {
  const limit = below === Number.MAX_SAFE_INTEGER ? '' : ` to ${below - 1}${countName ? ` (${countName} is ${below})` : ''}`;
  if (!/^\d+$/.test(value) || Number(value) >= below) throw new ShardError(`${name} must be a whole number from 0${limit}, not '${shown(value)}'`);
  return Number(value);
}

function agree(given: number | undefined, actual: number, givenName: string, actualName: string): void {
  if (given !== undefined && given !== actual) throw new ShardError(`${givenName} (${given}) disagrees with ${actualName} (${actual})`);
}

function shown(value: string): string {
  return escapeControl(value.length > 40 ? `${value.slice(0, 40)}...` : value);
}
