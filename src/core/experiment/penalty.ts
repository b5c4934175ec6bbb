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

/**
 * The penalty of one weight w: l1 |w| + l2 w^2 + expabs (e^|w| - 1). The one scalar
 * definition of the formulas, read by the fused engine, the tests and the summaries
 * (the TensorFlow.js path writes the same terms as tensor ops in engine/penalties.ts).
 */
export function penaltyTerm(p: Penalty, w: number): number {
  const a = Math.abs(w);
  // expm1 only when the term is there: it costs more than the rest (the engine's hot loop).
  return (p.l1 ?? 0) * a + (p.l2 ?? 0) * a * a + (p.expabs ? p.expabs * Math.expm1(a) : 0);
}

/**
 * d penaltyTerm / dw. |w|'s derivative at w = 0 is taken as -1, as TensorFlow.js's
 * Abs gradient (step(w, -1)) does, so that both engines move a zero weight alike.
 */
export function penaltyDerivative(p: Penalty, w: number): number {
  // The sign without a branch: weights' signs are random, and a mispredicted branch per
  // weight made the fused engine's penalty loop 2.3x slower on a 500 x 500 layer (7.1 ns a
  // weight against 3.1).
  const s = 2 * +(w > 0) - 1;
  return (p.l1 ?? 0) * s + 2 * (p.l2 ?? 0) * w + (p.expabs ? p.expabs * Math.exp(Math.abs(w)) * s : 0);
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
