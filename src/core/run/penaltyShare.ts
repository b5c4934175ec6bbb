// The penalty share: how much of the final training objective is penalty. ONE
// definition, read by the sweep points, the run store's listing (sidebar), the
// notebook summary, the sweep charts, the diagnosis and the CLI summary:
//
//   share = final.penalty / (final.train.loss + final.penalty)
//
// where final.train.loss is the data loss on the whole training set at the end of
// training (inference mode) and final.penalty the penalty of the final weights.
// Undefined (null) when either is missing or not finite, or the sum is not positive.

import type { FinalScores } from './result';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function penaltyShare(final: FinalScores | null | undefined): number | null {
  const penalty = final?.penalty;
  const loss = final?.train?.loss;
  if (!finite(penalty) || !finite(loss) || !(loss + penalty > 0)) return null;
  return penalty / (loss + penalty);
}
