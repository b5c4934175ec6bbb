// Weight penalties as the cell language writes them (contract section 2).
// An empty object is "no penalty".

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

/** Scalar penalty value of a plain array of weights (used by tests and summaries). */
export function penaltyValue(p: Penalty, weights: ArrayLike<number>): number {
  let l1 = 0;
  let l2 = 0;
  let ex = 0;
  for (let i = 0; i < weights.length; i++) {
    const a = Math.abs(weights[i]);
    l1 += a;
    l2 += a * a;
    ex += Math.expm1(a);
  }
  return (p.l1 ?? 0) * l1 + (p.l2 ?? 0) * l2 + (p.expabs ?? 0) * ex;
}

/** Replaces the coefficient of every non-zero term by alpha (grid sweeps). */
export function withAlpha(p: Penalty, alpha: number): Penalty {
  const out: Penalty = {};
  for (const k of PENALTY_KEYS) if (p[k]) out[k] = alpha;
  return out;
}
