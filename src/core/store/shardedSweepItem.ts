// What the sidebar shows for one sharded sweep (issue #11): its stage, the shards in of N,
// which ones failed or are missing, and whether Merge can run now. Pure: derived from the
// run store's progress (shardStore.ts), so the tree and its tests read the same thing.

import type { SweepProgress } from './shardStore';

export type ShardedSweepState = 'running' | 'failed' | 'mergeable' | 'merged';

export interface ShardedSweepItem {
  label: string;
  description: string;
  /** Plain text, one fact a line (the tree escapes it for Markdown). */
  tooltip: string;
  state: ShardedSweepState;
  /** Merge can run: the stage under way is complete, not merged, and of the cell's current source. */
  mergeable: boolean;
  /** The cell was edited since these shards trained: they belong to its old source. */
  stale: boolean;
}

/** Indexes as a short list: 0-3, 5, 7-9. */
function ranges(indexes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; i++) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    parts.push(j > i ? `${indexes[i]}-${indexes[j]}` : `${indexes[i]}`);
    i = j;
  }
  return parts.join(', ');
}

/**
 * The item of sweep `p`; `currentKey` is sweepKey() of the cell's source as the notebook
 * has it now (null when the cell is gone).
 */
export function shardedSweepItem(p: SweepProgress, currentKey: string | null): ShardedSweepItem {
  const stale = currentKey !== p.sweep;
  const s = p.stage;
  const of = s.count === null ? 'no shards in yet' : `${s.done.length} of ${s.count} shards in`;
  const stageText = p.stages === 2 ? `stage ${s.stage} of 2` : 'one stage';
  const state: ShardedSweepState = p.next === 'merged' ? 'merged' : p.next === 'merge' ? 'mergeable' : s.failed.length > 0 ? 'failed' : 'running';
  const description =
    state === 'merged' ? `merged (${p.all.map((a) => a.count).join(' + ')} shards)` : state === 'mergeable' ? `${of}: ready to merge` : `${of}${s.failed.length > 0 ? `, ${s.failed.length} failed` : ''}`;
  const lines = [`${p.cell}: sharded sweep ${p.sweep}, ${stageText}`];
  for (const a of p.all) lines.push(`stage ${a.stage}: ${a.count === null ? 'no shards in yet' : `${a.done.length} of ${a.count} shards in`}`);
  if (s.missing.length > 0) lines.push(`not in: shard ${ranges(s.missing)}`);
  for (const f of s.failed) lines.push(`shard ${f.index} ${f.status}${f.error ? `: ${f.error}` : ''} (run it again)`);
  if (state === 'mergeable' && p.stages === 2 && s.stage === 1) lines.push('Merge plans stage 2: then run the shards again');
  if (p.merged) lines.push(`merged into run ${p.merged.runId}`);
  if (stale) lines.push('the cell was edited since: these shards belong to its old source');
  return {
    label: `sharded sweep · ${stageText}`,
    description: stale ? `${description} · old source` : description,
    tooltip: lines.join('\n'),
    state,
    mergeable: state === 'mergeable' && !stale,
    stale,
  };
}
