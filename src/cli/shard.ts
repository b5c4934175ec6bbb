// `regnb run NOTEBOOK --cell NAME --shard I/N|auto`: one job of a job array trains its
// slice of the sweep into the run store (src/core/runner/runShard.ts).

import * as path from 'path';
import type { RunContext } from '../core/runner/runExperiment';
import type { CompletedSpec } from '../core/experiment/experiment';
import { runShard } from '../core/runner/runShard';
import { escapeControl } from '../core/text/escapeControl';
import type { ProgressSink } from './progress';
import type { ShardChoice } from './shardIndex';

/** Trains the shard; 0 when its whole slice completed, 1 otherwise (its record says why). */
export async function shardCommand(spec: CompletedSpec, source: string, shard: ShardChoice, ctx: RunContext, progress: ProgressSink): Promise<number> {
  const label = `${spec.name} [shard ${shard.index} of ${shard.count}]`;
  let epochs = spec.train.epochs;
  const { record, file } = await runShard(spec, source, shard, {
    ...ctx,
    onStart: (s) => {
      epochs = s.epochs;
      progress.message(`${spec.name}: stage ${s.stage}, shard ${shard.index} of ${shard.count} (from ${shard.source}): models ${s.first}..${s.end - 1} of ${s.models}${s.end === s.first ? ' (none: more shards than models)' : ''}`);
      if (s.end > s.first) progress.start(label, s.epochs);
    },
    onRows: (rows) => {
      const last = rows[rows.length - 1];
      progress.update(label, last.epoch, epochs, { loss: last.totalLoss, testMetric: last.testMetric, metric: spec.metric });
    },
    onPoints: (points) => progress.message(`${spec.name}: ${points.length} model${points.length === 1 ? '' : 's'} done (alpha ${[...new Set(points.map((p) => p.alpha))].join(', ')})`),
  });
  const shown = path.relative(process.cwd(), file) || file;
  if (record.status === 'completed') {
    progress.end(label, `${label}: ${record.points.length} models in ${(record.durationMs / 1000).toFixed(1)}s, stored in ${shown}`);
    return 0;
  }
  process.stderr.write(`regnb: ${escapeControl(label)}: ${record.status}: ${escapeControl(record.error ?? '')} (recorded in ${escapeControl(shown)}; run the shard again)\n`);
  return 1;
}
