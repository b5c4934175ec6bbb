// A comparison of several runs (the Compare Runs command and `compare:` cells): the
// runs' histories, bounded for display, side by side.

import type { RunResult } from './result';
import { downsampleHistory } from './historyThinning';

export interface Comparison {
  regnb: 1;
  kind: 'comparison';
  runs: RunResult[];
}

/**
 * The runs without what a comparison does not draw (decision boundary, weight
 * histograms, grid points), their histories thinned: small enough for a notebook cell.
 */
export function comparisonOf(runs: RunResult[], maxPoints = 256): Comparison {
  return {
    regnb: 1,
    kind: 'comparison',
    runs: runs.map(({ boundary: _b, weights: _w, grid: _g, ...r }) => ({ ...r, history: downsampleHistory(r.history, maxPoints) })),
  };
}
