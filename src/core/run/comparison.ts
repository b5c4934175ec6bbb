// A comparison of several runs (the Compare Runs command and `compare:` cells): the
// runs' histories, bounded for display, side by side.

import type { RunResult } from './result';
import { downsampleHistory } from '../notebook/boundOutputs';

export const COMPARE_MIME = 'application/vnd.regnb.compare+json';

export interface Comparison {
  regnb: 1;
  kind: 'comparison';
  runs: RunResult[];
}

export function comparisonOf(runs: RunResult[], maxPoints = 512): Comparison {
  return { regnb: 1, kind: 'comparison', runs: runs.map((r) => ({ ...r, history: downsampleHistory(r.history, maxPoints) })) };
}
