// Weight penalties as the cell language writes them (contract section 2).
// An empty object is "no penalty".

import { penaltyDerivativeOf, penaltyTermOf } from './penaltyFormulas';

export interface Penalty {
  /** a * sum(|w|) */
  l1?: number;
  /** b * sum(w^2), no 1/2 factor (Keras / TensorFlow.js convention). */
  l2?: number;
  /** c * sum(exp(|w|) - 1) */
  expabs?: number;
}

export const PENALTY_KEYS = ['l1', 'l2', 'expabs'] as const;
export type PenaltyKey = (typeof PENALTY_KEYS)[number];

export const PENALTY_PARTS = ['kernel', 'recurrent', 'bias', 'activity'] as const;
export type PenaltyPart = (typeof PENALTY_PARTS)[number];

/** The penalties of one layer, by part. A missing part is not penalized. */
export type LayerPenalties = Partial<Record<PenaltyPart, Penalty>>;

/** True when no term has a coefficient (numbers, or per-member tensors in the engine). */
export function isZeroPenalty(p: Partial<Record<PenaltyKey, unknown>> | undefined): boolean {
  return !p || PENALTY_KEYS.every((k) => !p[k]);
}

/**
 * The penalty of one weight w: l1 |w| + l2 w^2 + expabs (e^|w| - 1), read by the fused
 * engine, the tests and the summaries; the formula is penaltyFormulas.ts's.
 */
export function penaltyTerm(p: Penalty, w: number): number {
  return penaltyTermOf(p.l1 ?? 0, p.l2 ?? 0, p.expabs ?? 0, w);
}

/** d penaltyTerm / dw (penaltyFormulas.ts: -1 for |w|'s derivative at 0, as TensorFlow.js). */
export function penaltyDerivative(p: Penalty, w: number): number {
  return penaltyDerivativeOf(p.l1 ?? 0, p.l2 ?? 0, p.expabs ?? 0, w);
}

/** Scalar penalty value of a plain array of weights (used by tests and summaries). */
export function penaltyValue(p: Penalty, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += penaltyTerm(p, weights[i]);
  return sum;
}

/** Replaces the coefficient of every non-zero term by alpha (grid sweeps). */
export function withAlpha(p: Penalty, alpha: number): Penalty {
  const out: Penalty = {};
  for (const k of PENALTY_KEYS) if (p[k]) out[k] = alpha;
  return out;
}
