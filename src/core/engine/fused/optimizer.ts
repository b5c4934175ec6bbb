// The optimizers of the dense path (optimizer.ts) in one pass over the parameters,
// fused with the weight penalty (its value and gradient), the decoupled weight decay
// and the norms of the updated weights. The update formulas and constants are
// TensorFlow.js's own (tfjs-core adam_optimizer, rmsprop_optimizer, momentum_optimizer,
// sgd_optimizer): Adam beta1 0.9, beta2 0.999, epsilon 1e-7; RMSProp decay 0.9,
// momentum 0, epsilon 1e-7 (inside the square root); SGD with or without momentum.
// Every constant is rounded to float32 as tfjs holds it, and Adam's running powers of
// beta are float32 products: 1 - 0.999 in float32 is 1.3e-5 off, enough to move every
// Adam step by 6e-6 relative from a float64 bias correction.

import type { OptimizerName, TrainSpec } from '../../experiment/experiment';
import { penaltyDerivative, penaltyTerm, type Penalty } from '../../experiment/penalty';
import { SPARSITY_THRESHOLD } from '../penalties';
import type { Alloc } from './fusedMemory';
import type { AdamStep, FusedKernels } from './kernels';

const f32 = Math.fround;
const ADAM_BETA1 = f32(0.9);
const ADAM_BETA2 = f32(0.999);
const ADAM_ONE_MINUS_BETA1 = f32(1 - 0.9);
const ADAM_ONE_MINUS_BETA2 = f32(1 - 0.999);
const ADAM_EPSILON = f32(1e-7);
const RMSPROP_DECAY = f32(0.9);
const RMSPROP_ONE_MINUS_DECAY = f32(1 - 0.9);
const RMSPROP_EPSILON = f32(1e-7);

/** Running sums of the updated weights of one layer: [sum |w|, sum w^2, max |w|, count below the sparsity threshold, count]. */
export type NormSums = Float64Array;

export function newNormSums(): NormSums {
  return new Float64Array(5);
}

/** Adds one run of updated weights (their sum |w|, sum w^2, max |w|, count below the threshold, count) to the sums. */
export function addNorms(norms: NormSums, l1: number, l2: number, max: number, small: number, count: number): void {
  norms[0] += l1;
  norms[1] += l2;
  if (max > norms[2]) norms[2] = max;
  norms[3] += small;
  norms[4] += count;
}

/** [l1, l2, max, sparsity] from the running sums. */
export function normsFrom(s: NormSums): [number, number, number, number] {
  return [s[0], Math.sqrt(s[1]), s[2], s[4] > 0 ? s[3] / s[4] : 0];
}

export class FusedOptimizer {
  private readonly kind: OptimizerName | 'momentum';
  private readonly lr: number;
  private readonly momentum: number;
  /** Multiplier of the decayed weights before each update (1 without decay). */
  readonly decayFactor: number;
  /** Adam: first moment; RMSProp: mean square; momentum: accumulation. */
  private readonly s1: Float64Array;
  /** Adam: second moment; RMSProp: moment. */
  private readonly s2: Float64Array;
  private accBeta1 = 1;
  private accBeta2 = 1;
  private c1 = 1;
  private c2 = 1;
  /** The Adam kernel's scalars, one object rewritten per call (no allocation per step). */
  private readonly adamStep: AdamStep;

  /**
   * The moments come from `alloc` (so they can live where `kernels` reach them);
   * kernels.adam, when there is one, runs Adam's loop.
   */
  constructor(
    train: TrainSpec,
    size: number,
    alloc: Alloc = (n) => new Float64Array(n),
    private readonly kernels: FusedKernels | null = null,
  ) {
    this.kind = train.optimizer === 'adamw' ? 'adam' : train.optimizer === 'sgd' && train.momentum > 0 ? 'momentum' : train.optimizer;
    this.lr = f32(train.lr);
    this.momentum = f32(train.momentum);
    this.decayFactor = f32(1 - train.lr * train.weightDecay);
    this.s1 = alloc(this.kind === 'sgd' ? 0 : size);
    this.s2 = alloc(this.kind === 'adam' || this.kind === 'rmsprop' ? size : 0);
    this.adamStep = { shrink: 1, lr: this.lr, c1: 1, c2: 1, beta1: ADAM_BETA1, oneMinusBeta1: ADAM_ONE_MINUS_BETA1, beta2: ADAM_BETA2, oneMinusBeta2: ADAM_ONE_MINUS_BETA2, epsilon: ADAM_EPSILON, sparsityThreshold: SPARSITY_THRESHOLD };
  }

  /** Starts a step (Adam's bias corrections advance once per step). */
  beginStep(): void {
    this.accBeta1 = f32(this.accBeta1 * ADAM_BETA1);
    this.accBeta2 = f32(this.accBeta2 * ADAM_BETA2);
    this.c1 = f32(1 - this.accBeta1);
    this.c2 = f32(1 - this.accBeta2);
    this.adamStep.c1 = this.c1;
    this.adamStep.c2 = this.c2;
  }

  /**
   * Whether every update() runs Adam's kernel, which can write the updated weights in
   * float32 as it goes (update()'s to32): Adam, with kernels for both its loop and the
   * penalty's gradient.
   */
  get writesFloat32(): boolean {
    return this.kind === 'adam' && this.kernels?.adam != null && this.kernels.penaltyGradient != null;
  }

  /**
   * Updates params[from, to) from their data-loss gradient plus the penalty's, shrinking
   * them first by the weight decay when `decay` (the gradient is the undecayed weights').
   * Returns the penalty of the weights before the update; adds the updated weights to
   * `norms` when given, and writes them rounded to float32 into to32 when given (only
   * where writesFloat32).
   */
  update(params: Float64Array, grads: Float64Array, from: number, to: number, penalty: Penalty | null, decay: boolean, norms: NormSums | null, to32: Float64Array | null = null): number {
    const shrink = decay ? this.decayFactor : 1;
    const kernels = this.kernels;
    // The penalty's gradient in the kernels' loop when there is one (penaltyFormulas.ts
    // compiled into it): in JavaScript it was ~15% of a tutorial epoch.
    const value = penalty && kernels?.penaltyGradient ? kernels.penaltyGradient(penalty, params, grads, from, to) : 0;
    const rest = kernels?.penaltyGradient ? null : penalty;
    // The loop its own function: V8 optimizes a small hot function sooner (a cold run's
    // first epochs wait for it), and Adam's loop is the kernel's where there is one.
    if (this.kind === 'adam' && kernels?.adam && !rest) {
      this.adamStep.shrink = shrink;
      kernels.adam(params, grads, this.s1, this.s2, from, to, this.adamStep, norms, to32);
      return value;
    }
    if (to32) throw new Error('update(): only Adam\'s kernel writes the float32 weights (writesFloat32)');
    return value + this.updateInLoop(params, grads, from, to, rest, shrink, norms);
  }

  private updateInLoop(params: Float64Array, grads: Float64Array, from: number, to: number, penalty: Penalty | null, shrink: number, norms: NormSums | null): number {
    const { s1, s2, lr } = this;
    // Adam's m / c1 * lr and v / c2 as products by this step's factors (as the kernel's
    // loop): two divisions fewer per weight, within an ulp of tfjs's quotients.
    const lrOverC1 = lr / this.c1;
    const invC2 = 1 / this.c2;
    const mom = this.momentum;
    const adam = this.kind === 'adam';
    const rmsprop = this.kind === 'rmsprop';
    const momentum = this.kind === 'momentum';
    let value = 0;
    let l1 = 0;
    let l2 = 0;
    let max = 0;
    let small = 0;
    for (let i = from; i < to; i++) {
      let w = params[i];
      let g = grads[i];
      if (penalty) {
        value += penaltyTerm(penalty, w);
        g += penaltyDerivative(penalty, w);
      }
      w *= shrink;
      if (adam) {
        const m = (s1[i] = s1[i] * ADAM_BETA1 + g * ADAM_ONE_MINUS_BETA1);
        const v = (s2[i] = s2[i] * ADAM_BETA2 + g * g * ADAM_ONE_MINUS_BETA2);
        w -= (m * lrOverC1) / (Math.sqrt(v * invC2) + ADAM_EPSILON);
      } else if (rmsprop) {
        const ms = (s1[i] = s1[i] * RMSPROP_DECAY + g * g * RMSPROP_ONE_MINUS_DECAY);
        w -= s2[i] = (g * lr) / Math.sqrt(ms + RMSPROP_EPSILON);
      } else if (momentum) {
        w -= lr * (s1[i] = mom * s1[i] + g);
      } else {
        w -= lr * g;
      }
      params[i] = w;
      if (norms) {
        const a = Math.abs(w);
        l1 += a;
        l2 += a * a;
        if (a > max) max = a;
        if (a < SPARSITY_THRESHOLD) small++;
      }
    }
    if (norms) addNorms(norms, l1, l2, max, small, to - from);
    return value;
  }
}
