// `regnb merge`: puts the shards of a sweep back together. The current stage's shards
// must all be in and agree (one sweep, one backend, one data set, one starting model,
// slices that tile the stage). A first stage that refines is merged into the second
// stage's plan; the last stage is merged into the sweep an unsharded run gives: the
// same points (the shards trained them with the same seeds and rows), the same choice,
// and the chosen alpha refit once, here, on all training rows. Merging is reading:
// the shards' files stay as they are.

import type { CompletedSpec } from '../experiment/experiment';
import type { Dataset } from '../data/dataset';
import type { BackendName, GridPoint } from '../run/result';
import { datasetFingerprint } from '../data/fingerprint';
import { byPlanOrder, emptyGrid, finishSweep, type ChunkRunner, type SweepOptions, type SweepOutcome } from '../sweep/runSweep';
import { trainChunk } from '../sweep/trainChunk';
import { secondStageAlphas, shardSlice } from '../sweep/shardPlan';
import { readSweepFolder, sweepDir, sweepKey, sweepProgress, writeRefinePlan, type ShardRecord, type Stage } from '../store/shardStore';
import { latestRun } from '../store/runStore';

/** The shards of the current stage, all in and consistent; or why not. */
export type Gathered =
  | { kind: 'ready'; dir: string; sweep: string; stage: Stage; stages: Stage; records: ShardRecord[][]; backend: BackendName; problems: string[] }
  | { kind: 'missing'; dir: string; sweep: string; stage: Stage; message: string; problems: string[] }
  | { kind: 'inconsistent'; dir: string; sweep: string; stage: Stage; message: string; problems: string[] };

/**
 * Reads the sweep folder of the cell's source and checks its current stage: every shard
 * in (else the missing and failed ones, named), and every record agreeing with the others.
 */
export async function gatherShards(spec: CompletedSpec, source: string, where: { notebookPath: string; storeDir?: string }): Promise<Gathered> {
  const sweep = sweepKey(source);
  const dir = sweepDir(where.notebookPath, spec.name, sweep, where.storeDir);
  const { contents, problems } = await readSweepFolder(dir);
  const progress = sweepProgress(contents);
  const stage = progress.stage;
  const base = { dir, sweep, stage: stage.stage, problems };
  if (stage.count === null) {
    const what = stage.stage === 1 ? `no shard of cell '${spec.name}' (sweep ${sweep}, from the cell's source as it is now) in ${dir}` : `no shard of stage 2 yet (planned: ${contents.refine!.alphas.length} refined alphas)`;
    return { ...base, kind: 'missing', message: `${what}: run regnb run --cell ${spec.name} --shard I/N for every I first` };
  }
  if (!stage.complete) {
    const named = [
      ...stage.missing.map((i) => ({ i, why: 'missing' })),
      ...stage.failed.map((f) => ({ i: f.index, why: `${f.status}${f.error ? `: ${f.error}` : ''}` })),
    ].sort((a, b) => a.i - b.i);
    const list = named.map((n) => `shard ${n.i} of ${stage.count} (${n.why})`).join('; ');
    return { ...base, kind: 'missing', message: `stage ${stage.stage}: ${stage.done.length} of ${stage.count} shards in; not in: ${list}` };
  }
  const records = ([1, 2] as const).filter((s) => s <= stage.stage).map((s) => {
    const count = progress.all[s - 1].count;
    return contents.shards.filter((r) => r.stage === s && r.count === count).sort((a, b) => a.index - b.index);
  });
  const inconsistency = disagreement(records, contents.refine?.alphas) ?? (await startedElsewhere(spec, records[0][0], where));
  if (inconsistency) return { ...base, kind: 'inconsistent', message: inconsistency };
  return { ...base, kind: 'ready', stages: records[0][0].stages, records, backend: records[0][0].backend };
}

/** Why the records cannot make one sweep, or undefined when they can. */
function disagreement(stages: ShardRecord[][], refined: number[] | undefined): string | undefined {
  const first = stages[0][0];
  const key = (r: ShardRecord) => JSON.stringify([r.backend, r.data, r.from, r.validate, r.stages]);
  for (const [s, records] of stages.entries()) {
    const models = records[0].models;
    for (const r of records) {
      if (key(r) !== key(first)) {
        const differs = r.backend !== first.backend ? `trained on ${r.backend}, shard 0 of stage 1 on ${first.backend}` : r.data !== first.data ? 'trained on other data (the data set changed between the shards)' : JSON.stringify(r.from) !== JSON.stringify(first.from) ? 'started from another run of train.from' : 'planned another validation';
        return `stage ${s + 1}, shard ${r.index} of ${r.count} ${differs}: run the shards again so that they agree`;
      }
      const slice = shardSlice(models, r.index, r.count);
      if (r.models !== models || r.first !== slice.first || r.end !== slice.end || r.points.length !== r.end - r.first) {
        return `stage ${s + 1}, shard ${r.index} of ${r.count} holds models ${r.first}..${r.end} of ${r.models} (${r.points.length} points), not its slice ${slice.first}..${slice.end} of ${models}`;
      }
      if (JSON.stringify(r.alphas) !== JSON.stringify(records[0].alphas) || (s === 1 && JSON.stringify(r.alphas) !== JSON.stringify(refined))) {
        return `stage ${s + 1}, shard ${r.index} of ${r.count} trained other alphas than the ${s === 1 ? 'refine plan names' : 'other shards'}`;
      }
    }
  }
  return undefined;
}

/** A first stage merged into the second stage's plan, or null when the sweep has no second stage. */
export async function planSecondStage(spec: CompletedSpec, gathered: Extract<Gathered, { kind: 'ready' }>): Promise<{ around: number; alphas: number[] } | null> {
  if (gathered.stages !== 2 || gathered.stage !== 1) return null;
  const points = gathered.records[0].flatMap((r) => r.points);
  const next = secondStageAlphas(spec, points, spec.metric);
  if (!next) return null;
  await writeRefinePlan(gathered.dir, { regnbRefine: 1, cell: spec.name, sweep: gathered.sweep, around: next.around, alphas: next.alphas, plannedAt: new Date().toISOString() });
  return next;
}

/**
 * The sweep function a merge runs in place of training every point (RunContext.sweep):
 * the shards' points, checked against the data set being merged on, then the end of an
 * unsharded sweep (the choice derived, the chosen alpha refit here).
 */
export function mergedSweep(gathered: Extract<Gathered, { kind: 'ready' }>): (spec: CompletedSpec, data: Dataset, opts: SweepOptions) => Promise<SweepOutcome> {
  return async (spec, data, opts) => {
    const first = gathered.records[0][0];
    if (datasetFingerprint(data) !== first.data) throw new Error('the data set is not the one the shards trained on (it changed since): run the shards again');
    const runner: ChunkRunner = opts.runner ?? { lanes: 1, trainChunk };
    const grid = emptyGrid(spec, data, Math.max(...gathered.records.flat().map((r) => r.threads)), first.stackSize);
    const points: GridPoint[] = gathered.records.flatMap((stage) => stage.flatMap((r) => r.points)).sort(byPlanOrder);
    grid.runs = points;
    grid.alpha = [...new Set(points.map((p) => p.alpha))];
    grid.shards = gathered.records.map((stage) => stage.length);
    return finishSweep(spec, data, grid, new Map(), false, runner, opts);
  };
}

/**
 * The refit starts from the run `train.from` names now: the shards must have started
 * from that one too (the cell it names may have run again since).
 */
async function startedElsewhere(spec: CompletedSpec, shard: ShardRecord, where: { notebookPath: string; storeDir?: string }): Promise<string | undefined> {
  if (!spec.train.from) return undefined;
  const now = (await latestRun(where.notebookPath, spec.train.from, where.storeDir))?.runId ?? null;
  const then = shard.from?.runId ?? null;
  return now === then ? undefined : `train.from: the shards started from run ${then ?? '(none)'} of '${spec.train.from}', whose latest run is now ${now ?? '(none)'}: run the shards again`;
}
