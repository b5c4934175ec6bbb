// The words that say a run's advice was revised after it ended, and by which sweeps
// (the notebook output's diagnosis; the run store keeps the same revision).

import type { GuidanceRevision } from '../run/result';
import { formatAlpha, selectLabel } from '../sweep/sweepText';

/** "Revised after the run, in the light of the sweep 'l2-sweep' (alpha 0.00215 by validation accuracy)." */
export function revisionWords(revised: GuidanceRevision): string {
  const sweeps = revised.sweeps.map((s) => `'${s.cell}' (alpha ${formatAlpha(s.alpha)} by ${selectLabel(s.select)})`);
  const which = sweeps.length === 0 ? 'without the sweeps it deferred to' : `in the light of the sweep${sweeps.length > 1 ? 's' : ''} ${sweeps.join(', ')}`;
  return `Revised after the run, ${which}; the advice given when it ended is kept in the run store.`;
}
