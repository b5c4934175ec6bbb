// One shard of a sweep on a cluster (`regnb run --cell NAME --shard I/N`): trains the
// I-th of N slices of the current stage's models and writes them as the shard's own
// file in the run store, replacing what an earlier run of the same shard wrote. The
// refit of the chosen alpha is not a shard's: the final merge does it once.

import * as os from 'os';
import * as path from 'path';
import type { CompletedSpec } from '../experiment/experiment';
import type { EpochRow } from '../engine/trainer';
import type { GridPoint } from '../run/result';
import { DataError, dataErrorMessage } from '../data/dataset';
import { datasetFingerprint } from '../data/fingerprint';
import { byPlanOrder, chunkPoints, DEFAULT_STACK_SIZE, emptyGrid, trainChunks, type ChunkRunner } from '../sweep/runSweep';
import { trainChunk } from '../sweep/trainChunk';
import { firstStageAlphas, shardSlice, stagePoints } from '../sweep/shardPlan';
import { readRefinePlan, sweepDir, sweepKey, writeShard, type ShardRecord, type Stage } from '../store/shardStore';
import { runInputs, type RunContext } from './runExperiment';

export interface ShardTask {
  index: number;
  count: number;
}

export interface ShardOptions {
  /** Before training: the stage and the slice. */
  onStart?: (info: { stage: Stage; first: number; end: number; models: number; epochs: number }) => void;
  /** Live rows of the first point still training. */
  onRows?: (rows: EpochRow[], epochs: number) => void;
  /** A chunk of points finished. */
  onPoints?: (points: GridPoint[]) => void;
}

/** Trains shard `task` of the cell's sweep and writes its record; returns the record and its file. */
export async function runShard(spec: CompletedSpec, source: string, task: ShardTask, ctx: RunContext & ShardOptions): Promise<{ record: ShardRecord; file: string }> {
  const started = new Date();
  const sweep = sweepKey(source);
  const dir = sweepDir(ctx.notebookPath, spec.name, sweep, ctx.storeDir);
  const runner: ChunkRunner = ctx.sweepRunner ?? { lanes: 1, trainChunk };
  const stackSize = DEFAULT_STACK_SIZE;
  const stages: Stage = spec.grid!.refine > 0 ? 2 : 1;
  // The second stage exists once the first merge planned it: shards started after that train it.
  const plan = stages === 2 ? await readRefinePlan(dir) : null;
  const stage: Stage = plan ? 2 : 1;
  const alphas = plan ? plan.alphas : firstStageAlphas(spec);
  const record: ShardRecord = {
    regnbShard: 1,
    notebook: path.basename(ctx.notebookPath),
    cell: spec.name,
    sweep,
    stage,
    stages,
    index: task.index,
    count: task.count,
    models: 0,
    first: 0,
    end: 0,
    alphas,
    status: 'failed',
    error: null,
    backend: ctx.backend,
    data: '',
    from: null,
    validate: spec.grid!.validate,
    warnings: [],
    threads: runner.lanes,
    stackSize,
    startedAt: started.toISOString(),
    finishedAt: started.toISOString(),
    durationMs: 0,
    host: os.hostname(),
    points: [],
  };
  try {
    const { dataset, from } = await runInputs(spec, ctx);
    record.data = datasetFingerprint(dataset);
    record.from = from ? { cell: from.cell, runId: from.runId } : null;
    const grid = emptyGrid(spec, dataset, runner.lanes, stackSize);
    record.validate = grid.validate;
    record.warnings = grid.warnings ?? [];
    const points = stagePoints(spec, stage, alphas, grid.validate);
    const { first, end } = shardSlice(points.length, task.index, task.count);
    Object.assign(record, { models: points.length, first, end });
    ctx.onStart?.({ stage, first, end, models: points.length, epochs: spec.train.epochs });
    const chunks = chunkPoints(spec, dataset, points.slice(first, end), runner.lanes, stackSize);
    const trained: GridPoint[] = [];
    try {
      await trainChunks(spec, dataset, chunks, runner, { signal: ctx.signal, initialWeights: from?.weights, onRows: (_p, rows, epochs) => ctx.onRows?.(rows, epochs) }, (chunk) => {
        // The representative model is the merge's to train: a shard keeps only figures.
        for (const o of chunk.firsts.values()) o.network.model.dispose();
        trained.push(...chunk.points);
        if (chunk.points.length) ctx.onPoints?.(chunk.points);
      });
    } finally {
      from?.weights.forEach((w) => w.dispose());
    }
    // Lanes finish in any order; the record lists its slice in plan order.
    record.points = trained.sort(byPlanOrder);
    const complete = record.points.length === end - first;
    record.status = complete ? 'completed' : 'cancelled';
    if (!complete) record.error = `interrupted after ${record.points.length} of its ${end - first} models`;
  } catch (e) {
    record.status = ctx.signal?.aborted ? 'cancelled' : 'failed';
    record.error = e instanceof DataError ? dataErrorMessage(e) : (e as Error).message;
  }
  const finished = new Date();
  record.finishedAt = finished.toISOString();
  record.durationMs = finished.getTime() - started.getTime();
  const file = await writeShard(dir, record);
  return { record, file };
}
