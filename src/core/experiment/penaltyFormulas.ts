// The penalty of one weight and its derivative: the one scalar definition of the
// formulas. This file is compiled twice: as TypeScript (penalty.ts reads it, so do the
// fused engine's JavaScript loops and the tests) and as AssemblyScript, imported by the
// fused engine's WebAssembly kernels (engine/fused/assembly/kernels.ts), so the kernels
// run these very lines rather than a copy. Hence only functions of numbers and Math here,
// in the subset both languages read alike (`number` is AssemblyScript's f64). The
// TensorFlow.js path writes the same terms as tensor ops (engine/penalties.ts).

/** l1 |w| + l2 w^2 + expabs (e^|w| - 1). */
export function penaltyTermOf(l1: number, l2: number, expabs: number, w: number): number {
  const a = Math.abs(w);
  // expm1 only when the term is there: it costs more than the rest (the engine's hot loop).
  return l1 * a + l2 * a * a + (expabs != 0 ? expabs * Math.expm1(a) : 0);
}

/**
 * d penaltyTermOf / dw. |w|'s derivative at w = 0 is taken as -1, as TensorFlow.js's
 * Abs gradient (step(w, -1)) does, so that both engines move a zero weight alike.
 */
export function penaltyDerivativeOf(l1: number, l2: number, expabs: number, w: number): number {
  // The sign without a branch: weights' signs are random, and a mispredicted branch per
  // weight made the fused engine's penalty loop 2.3x slower on a 500 x 500 layer (7.1 ns a
  // weight against 3.1). Both V8 and AssemblyScript compile this to integer arithmetic.
  const s = 2 * +(w > 0) - 1;
  return l1 * s + 2 * l2 * w + (expabs != 0 ? expabs * Math.exp(Math.abs(w)) * s : 0);
}
