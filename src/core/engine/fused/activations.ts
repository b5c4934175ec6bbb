// Activations of the fused engine and their derivatives, over a layer's values stored
// unit-major (unit u, row r at u * stride + r). Each formula is the one TensorFlow.js
// computes, gradient included, so both engines train alike: elu's derivative is read
// from its output, selu uses tfjs's constants, gelu its erf approximation
// (Abramowitz-Stegun 7.1.26, tfjs's Erf kernel) with the exact erf derivative (tfjs's
// Erf gradient), and relu6 passes gradient on (0, 6].

import type { Activation } from '../../experiment/experiment';

const SELU_SCALE = 1.0507009873554805;
const SELU_SCALE_ALPHA = 1.7580993408473768;
const ERF_P = 0.3275911;
const ERF_A1 = 0.254829592;
const ERF_A2 = -0.284496736;
const ERF_A3 = 1.421413741;
const ERF_A4 = -1.453152027;
const ERF_A5 = 1.061405429;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** tfjs's erf: the Abramowitz-Stegun approximation (error below 1.5e-7). */
export function erfApprox(x: number): number {
  const v = Math.abs(x);
  const t = 1 / (1 + ERF_P * v);
  const y = 1 - ((((ERF_A5 * t + ERF_A4) * t + ERF_A3) * t + ERF_A2) * t + ERF_A1) * t * Math.exp(-v * v);
  return x < 0 ? -y : x > 0 ? y : 0;
}

export function sigmoid(x: number): number {
  return sigmoidOf(x, Math.exp(-Math.abs(x)));
}

/** log(1 + e^x), finite for every x. */
export function softplus(x: number): number {
  return softplusOf(x, Math.exp(-Math.abs(x)));
}

/**
 * sigmoid(x) given e = e^-|x|: 1 / (1 + e^-x) for x >= 0, e^x / (1 + e^x) below, never
 * overflowing. Taking e from the caller lets the binary loss compute one exponential a
 * row for both its value (softplusOf) and its gradient.
 */
export function sigmoidOf(x: number, e: number): number {
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** softplus(x) given e = e^-|x|: x + log(1 + e^-x) for x > 0, log(1 + e^x) else. */
export function softplusOf(x: number, e: number): number {
  return x > 0 ? x + Math.log1p(e) : Math.log1p(e);
}

/** The activations the fused engine computes: all of ACTIVATIONS. */
export function fusedActivation(a: Activation): boolean {
  return a in ELEMENTWISE || a === 'softmax';
}

type Scalar = (z: number) => number;

/** Value and derivative (from the input z and the output h) of each elementwise activation. */
const ELEMENTWISE: Record<Exclude<Activation, 'softmax'>, { f: Scalar; d: (z: number, h: number) => number }> = {
  linear: { f: (z) => z, d: () => 1 },
  relu: { f: (z) => (z > 0 ? z : 0), d: (z) => (z > 0 ? 1 : 0) },
  relu6: { f: (z) => (z > 0 ? (z < 6 ? z : 6) : 0), d: (z) => (z > 0 && z <= 6 ? 1 : 0) },
  sigmoid: { f: sigmoid, d: (_z, h) => h * (1 - h) },
  tanh: { f: Math.tanh, d: (_z, h) => 1 - h * h },
  elu: { f: (z) => (z >= 0 ? z : Math.expm1(z)), d: (_z, h) => (h >= 0 ? 1 : h + 1) },
  selu: { f: (z) => (z > 0 ? SELU_SCALE * z : SELU_SCALE_ALPHA * Math.expm1(z)), d: (z) => (z > 0 ? SELU_SCALE : SELU_SCALE_ALPHA * Math.exp(z)) },
  softplus: { f: softplus, d: (z) => sigmoid(z) },
  softsign: { f: (z) => z / (1 + Math.abs(z)), d: (z) => 1 / ((1 + Math.abs(z)) * (1 + Math.abs(z))) },
  swish: { f: (z) => z * sigmoid(z), d: (z) => { const s = sigmoid(z); return s + z * s * (1 - s); } },
  gelu: {
    f: (z) => 0.5 * z * (1 + erfApprox(z / Math.SQRT2)),
    d: (z) => 0.5 * (1 + erfApprox(z / Math.SQRT2)) + 0.5 * z * TWO_OVER_SQRT_PI * Math.exp(-0.5 * z * z) / Math.SQRT2,
  },
};

/** The value of an elementwise activation at one point, as activate() computes it. */
export function activationValue(a: Exclude<Activation, 'softmax'>): Scalar {
  return ELEMENTWISE[a].f;
}

/** h = act(z) for `units` units of `rows` rows each. h may be z for linear. */
export function activate(a: Activation, z: Float64Array, h: Float64Array, units: number, rows: number): void {
  const stride = rows;
  if (a === 'softmax') {
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let u = 0; u < units; u++) max = Math.max(max, z[u * stride + r]);
      let sum = 0;
      for (let u = 0; u < units; u++) {
        const e = Math.exp(z[u * stride + r] - max);
        h[u * stride + r] = e;
        sum += e;
      }
      for (let u = 0; u < units; u++) h[u * stride + r] /= sum;
    }
    return;
  }
  if (a === 'linear') {
    if (h !== z) for (let u = 0; u < units; u++) h.set(z.subarray(u * stride, u * stride + rows), u * stride);
    return;
  }
  if (a === 'relu') {
    for (let u = 0; u < units; u++) {
      const o = u * stride;
      for (let r = o; r < o + rows; r++) h[r] = z[r] > 0 ? z[r] : 0;
    }
    return;
  }
  const { f } = ELEMENTWISE[a];
  for (let u = 0; u < units; u++) {
    const o = u * stride;
    for (let r = o; r < o + rows; r++) h[r] = f(z[r]);
  }
}

/** dz = dh * act'(z) (softmax: its Jacobian applied row by row). dz may be dh. */
export function activationGradient(a: Activation, z: Float64Array, h: Float64Array, dh: Float64Array, dz: Float64Array, units: number, rows: number): void {
  if (a === 'softmax') {
    for (let r = 0; r < rows; r++) {
      let dot = 0;
      for (let u = 0; u < units; u++) dot += dh[u * rows + r] * h[u * rows + r];
      for (let u = 0; u < units; u++) dz[u * rows + r] = h[u * rows + r] * (dh[u * rows + r] - dot);
    }
    return;
  }
  const n = units * rows;
  if (a === 'linear') {
    if (dz !== dh) dz.set(dh.subarray(0, n));
    return;
  }
  if (a === 'relu') {
    for (let i = 0; i < n; i++) dz[i] = z[i] > 0 ? dh[i] : 0;
    return;
  }
  const { d } = ELEMENTWISE[a];
  for (let i = 0; i < n; i++) dz[i] = dh[i] * d(z[i], h[i]);
}
