// Correctly rounded cos, sin and log of doubles: the double nearest to the exact value,
// for every finite input. scikit-learn's make_moons/make_circles take np.cos/np.sin of a
// linspace and RandomState's Gaussians take the C library's log; those are not correctly
// rounded (numpy's SIMD cos is up to 3 ulp off, glibc's about 1 value in 1000, V8's
// Math.cos/log a few in 100), so the only elementary functions that every machine can
// agree on are correctly rounded ones (README, Data sets).
//
// Two paths:
// - Fast: double-double arithmetic (a value is hi + lo, error-free TwoSum and TwoProd by
//   Veltkamp splitting, as JavaScript has no fma). Every double-double operation here
//   errs by less than 2^-102 of its result; the series below take at most 30 of them on
//   terms that shrink geometrically, and the argument reduction keeps the reduced angle
//   to 2^-98 of itself (|r| >= 2^-30 is required, see `reduce`), so the double-double
//   result is within 2^-95 of the exact value, relatively. It is rounded to a double
//   only when every value within 2^-80 of it (a margin 2^15 times that bound) rounds to
//   the same double: the exact value is among them, so the double is its correct rounding.
// - Exact: otherwise (the exact value within 2^-80 of a midpoint between two doubles,
//   about 1 input in 2^26; an angle within 2^-30 of a multiple of pi/2; |x| > 2^20), the
//   value is recomputed in BigInt fixed point with a stated error bound, with more bits
//   until the interval it leaves rounds to one double. cos, sin and log of a double other
//   than log(1) and sin(0) are transcendental (Lindemann), never a midpoint, so this
//   ends; the worst cases known for doubles (Lefevre and Muller) need about 120 bits,
//   and the first try uses 256.

// --- double-double (fast path) ---------------------------------------------------------

/** A double-double: the unevaluated sum hi + lo, |lo| <= ulp(hi) / 2. */
type DD = [number, number];

const SPLITTER = 134217729; // 2^27 + 1: Veltkamp's split of a double into two 26-bit halves.

/** a + b = s + e exactly (Knuth's TwoSum). */
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a * b = p + e exactly (Dekker's TwoProd), for |a|, |b| < 2^995. */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** (a + b) with both errors carried (the accurate double-double sum). */
function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = twoSum(s, e + t);
  const [hi, lo] = twoSum(s2, e2 + f);
  return [hi, lo];
}

function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function ddDiv(a: DD, b: DD): DD {
  // One quotient digit, the remainder a - q1 * b exactly in double-double, a second digit.
  const q1 = a[0] / b[0];
  const r = ddAdd(a, ddMul([-q1, 0], b));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul([-q2, 0], b));
  return twoSum(q1, q2 + r2[0] / b[0]);
}

const MARGIN = 2 ** -80;

/** The double nearest hi + lo if that is also nearest to everything within MARGIN of it, else NaN. */
function roundIfSure([hi, lo]: DD): number {
  const e = Math.abs(hi) * MARGIN;
  const below = hi + (lo - e);
  return below === hi + (lo + e) ? below : NaN;
}

// --- BigInt fixed point (exact path) -----------------------------------------------------

/** A real number v as the integer V = v * 2^bits, with |V - v * 2^bits| <= err. */
interface Fixed {
  value: bigint;
  err: bigint;
  bits: number;
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);
/** a * b / 2^bits, truncated toward zero (a right shift would floor negatives to -1, never 0). */
const mulFixed = (a: bigint, b: bigint, bits: bigint): bigint => (a * b) / (1n << bits);
/** round(a / b) for b > 0. */
const divRound = (a: bigint, b: bigint): bigint => (a >= 0n ? (2n * a + b) / (2n * b) : -((-2n * a + b) / (2n * b)));

/** arctanh(1 / q) * 2^bits, |error| <= 2 + terms (truncated divisions). */
function atanhInv(q: bigint, bits: number): bigint {
  const one = 1n << BigInt(bits);
  let power = one / q;
  const q2 = q * q;
  let sum = 0n;
  for (let k = 1n; power !== 0n; k += 2n) {
    sum += power / k;
    power /= q2;
  }
  return sum;
}

/** arctan(1 / q) * 2^bits by its alternating series. */
function atanInv(q: bigint, bits: number): bigint {
  const one = 1n << BigInt(bits);
  let power = one / q;
  const q2 = q * q;
  let sum = 0n;
  for (let k = 1n, sign = 1n; power !== 0n; k += 2n, sign = -sign) {
    sum += (sign * power) / k;
    power /= q2;
  }
  return sum;
}

const constants = new Map<string, bigint>();
/**
 * pi/2 and ln 2 times 2^bits, within 2 units (Machin's formula; ln 2 = 2 atanh(1/3)),
 * cached. The series err by at most 3 units a term, a few hundred terms at 1,400 bits:
 * 16 guard bits absorb that.
 */
function constant(name: 'halfPi' | 'ln2', bits: number): bigint {
  const key = `${name}:${bits}`;
  let v = constants.get(key);
  if (v === undefined) {
    const g = bits + 16;
    const raw = name === 'halfPi' ? 2n * (4n * atanInv(5n, g) - atanInv(239n, g)) : 2n * atanhInv(3n, g);
    v = raw >> 16n;
    constants.set(key, v);
  }
  return v;
}

const view = new DataView(new ArrayBuffer(8));

/** The biased exponent field of a double (0 for zero and subnormals). */
function biasedExponent(x: number): number {
  view.setFloat64(0, x);
  return (view.getUint32(0) >>> 20) & 0x7ff;
}

/** The exact value of a finite double as (integer mantissa, power of two). */
function decompose(x: number): { mant: bigint; exp: number } {
  view.setFloat64(0, x);
  const hiWord = view.getUint32(0);
  const biased = (hiWord >>> 20) & 0x7ff;
  const frac = (BigInt(hiWord & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const mant = biased === 0 ? frac : frac | (1n << 52n);
  const exp = (biased === 0 ? 1 : biased) - 1075;
  return { mant: x < 0 ? -mant : mant, exp };
}

/** x * 2^bits exactly (bits + exp >= 0 for every input that reaches it). */
function toFixed(x: number, bits: number): bigint {
  const { mant, exp } = decompose(x);
  return exp + bits >= 0 ? mant << BigInt(exp + bits) : divRound(mant, 1n << BigInt(-(exp + bits)));
}

/** value * 2^-bits as a double, rounded to nearest (as Number(bigint) rounds). */
function fixedToDouble(value: bigint, bits: number): number {
  // Past 128 bits, the dropped ones leave a sticky 1 so that Number() still rounds
  // correctly and never overflows; two scalings keep each power of two a normal double.
  let a = abs(value);
  const drop = Math.max(0, a.toString(16).length * 4 - 128);
  if (drop > 0) {
    const kept = a >> BigInt(drop);
    a = kept << BigInt(drop) === a ? kept : kept | 1n;
    bits -= drop;
  }
  const half = bits >> 1;
  const y = Number(a) * 2 ** -half * 2 ** -(bits - half);
  return value < 0n ? -y : y;
}

/** The double nearest f's value if its whole error interval rounds to that double, else NaN. */
function roundFixed(f: Fixed): number {
  const lo = fixedToDouble(f.value - f.err, f.bits);
  return lo === fixedToDouble(f.value + f.err, f.bits) ? lo : NaN;
}

/** Recomputes with 256, 512, ... bits until the result's interval holds one double. */
function exactly(compute: (bits: number) => Fixed): number {
  for (let bits = 256; ; bits *= 2) {
    const y = roundFixed(compute(bits));
    if (!Number.isNaN(y)) return y;
  }
}

/**
 * sin(r) and cos(r) times 2^bits, |r| <= 1: each term errs by < 4 units (two truncations,
 * and the previous term's error times |r| / n < 1), so each sum by < 8 units a term.
 */
function fixedSinCos(r: bigint, bits: number): { sin: bigint; cos: bigint; err: bigint } {
  const shift = BigInt(bits);
  let sin = 0n;
  let cos = 0n;
  let term = 1n << shift; // r^n / n!
  let n = 0n;
  let count = 0n;
  while (term !== 0n) {
    // n = 0, 1, 2, 3, ...: cos takes even n, sin odd, with signs + - + - by pairs.
    cos += n % 4n === 0n ? term : -term;
    term = mulFixed(term, r, shift);
    term /= n + 1n;
    sin += n % 4n === 0n ? term : -term;
    term = mulFixed(term, r, shift);
    term /= n + 2n;
    n += 2n;
    count += 1n;
  }
  return { sin, cos, err: 8n * count + 8n };
}

/** sin (which = 0) or cos (which = 1) of x, any finite x, in fixed point. */
function exactSinCos(x: number, which: 0 | 1, bits: number): Fixed {
  const { exp } = decompose(x);
  // pi/2 to bits + exp + 64 bits: k * pi/2 keeps bits + 64 fraction bits for k up to 2^(exp + 53).
  const extra = Math.max(0, exp + 53) + 64;
  const p = bits + extra;
  const halfPi = constant('halfPi', p);
  const X = toFixed(x, p);
  const k = divRound(X, halfPi);
  // The reduced angle, |r| <= pi/4 (+ rounding): it errs by 2|k| units of 2^-p (the
  // constant's) < 2^-63 units of 2^-bits, and by < 1 unit from the shift.
  const r = (X - k * halfPi) >> BigInt(extra);
  const sc = fixedSinCos(r, bits);
  const quadrant = Number(((k % 4n) + 4n) % 4n + BigInt(which)) % 4;
  const value = quadrant === 0 ? sc.sin : quadrant === 1 ? sc.cos : quadrant === 2 ? -sc.sin : -sc.cos;
  // That error moves sin and cos by at most as much.
  return { value, err: sc.err + 2n, bits };
}

/** log(x) for a finite x > 0, in fixed point: e ln 2 + 2 atanh((m - 1) / (m + 1)), m in [sqrt(1/2), sqrt(2)). */
function exactLog(x: number, bits: number): Fixed {
  const { mant, exp } = decompose(x);
  // x = mant * 2^exp; normalize the mantissa to [2^52, 2^53) first (subnormals).
  const lead = mant.toString(2).length - 53;
  let e = exp + lead + 52; // x = (mant / 2^(52 + lead)) * 2^e, the fraction in [1, 2)
  const shift = BigInt(bits);
  let m = lead >= 0 ? (mant << shift) >> BigInt(52 + lead) : (mant << shift) << BigInt(-lead) >> 52n;
  const one = 1n << shift;
  // m > sqrt(2) <=> m^2 > 2 (exact integers).
  if (m * m > 2n * one * one) {
    m >>= 1n; // exact: m has trailing zeros (bits > 53)
    e += 1;
  }
  const f = ((m - one) << shift) / (m + one);
  const f2 = mulFixed(f, f, shift);
  let power = f;
  let sum = 0n;
  let count = 0n;
  for (let k = 1n; power !== 0n; k += 2n) {
    sum += power / k;
    power = mulFixed(power, f2, shift);
    count += 1n;
  }
  const value = 2n * sum + BigInt(e) * constant('ln2', bits);
  return { value, err: 4n * count + 8n + 2n * BigInt(Math.abs(e)), bits };
}

// --- cos, sin, log -------------------------------------------------------------------

// pi/2 = P1 + P2 + P3 to 2^-160, each the double nearest what the previous ones leave;
// derived from the fixed-point pi/2 so that the two paths share one constant.
const [P1, P2, P3] = ((): [number, number, number] => {
  const bits = 256;
  let rest = constant('halfPi', bits);
  const parts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const part = fixedToDouble(rest, bits);
    parts.push(part);
    rest -= toFixed(part, bits);
  }
  return parts as [number, number, number];
})();
const LN2: DD = ((): DD => {
  const bits = 256;
  const v = constant('ln2', bits);
  const hi = fixedToDouble(v, bits);
  return [hi, fixedToDouble(v - toFixed(hi, bits), bits)];
})();

const REDUCE_LIMIT = 2 ** 20;
const TWO_OVER_PI = 2 / Math.PI;

/**
 * x - k pi/2 in double-double for |x| <= 2^20, with k the nearest integer to x * 2/pi; null
 * when |r| < 2^-30 (there the three-part pi/2 may not leave 2^-98 of r: the exact path's).
 * Error: k P1 is exact (TwoProd) and x - hi(k P1) exact (for k != 0 both are multiples of
 * 2^-53 and the difference is below 1 in magnitude); each following sum
 * errs by < 2^-104 |r|, the dropped k (pi/2 - P1 - P2 - P3) and k P3's rounding by
 * < 2^(21 - 160) < 2^-98 |r|.
 */
function reduce(x: number): { k: number; r: DD } | null {
  const k = Math.round(x * TWO_OVER_PI);
  const [ph, pl] = twoProd(k, P1);
  let r = twoSum(x - ph, -pl);
  r = ddAdd(r, twoProd(-k, P2));
  r = ddAdd(r, [-k * P3, 0]);
  return Math.abs(r[0]) < 2 ** -30 ? null : { k, r };
}

/** 1 / n! as double-doubles, n = 0..31, each within 2^-100 of itself. */
const INV_FACTORIAL: DD[] = ((): DD[] => {
  const out: DD[] = [[1, 0]];
  for (let n = 1; n < 32; n++) out.push(ddDiv(out[n - 1] as DD, [n, 0]));
  return out;
})();
/** 1/n! with the sign of the series' term: + for n = 0, 1 (mod 4), - for n = 2, 3. */
const SIGNED_INV_FACTORIAL: DD[] = INV_FACTORIAL.map(([hi, lo], n) => (n % 4 < 2 ? [hi, lo] : [-hi, -lo]));

/**
 * sin(r) (odd = true) or cos(r), |r| <= pi/4 + 2^-30, by the Taylor series to r^29 / 29!
 * or r^28 / 28! (what is left is < 2^-110 of the result), in Horner form in r^2. The
 * terms from r^16 on sum to < 2^-49 of the result, so plain doubles carry them (their
 * rounding errs by < 2^-99 of the result); the rest is double-double.
 */
function ddSinOrCos(r: DD, odd: boolean): DD {
  const r2 = ddMul(r, r);
  const first = odd ? 1 : 0; // 1/(2j + first)!
  let tail = 0;
  for (let j = 14; j >= 8; j--) tail = tail * r2[0] + alternating(j, first)[0];
  let s: DD = [tail, 0];
  for (let j = 7; j >= 0; j--) s = ddAdd(ddMul(s, r2), alternating(j, first));
  return odd ? ddMul(s, r) : s;
}

/** (-1)^j / (2j + first)!: the series' coefficients, signs precomputed. */
function alternating(j: number, first: number): DD {
  return SIGNED_INV_FACTORIAL[2 * j + first] as DD;
}

function sinCos(x: number, which: 0 | 1, fast = true): number {
  if (!Number.isFinite(x)) return NaN;
  // |x| < 2^-27: sin x rounds to x and cos x to 1 (x^3/6 < ulp(x)/4, x^2/2 < ulp(1)/4).
  if (Math.abs(x) < 2 ** -27) return which === 0 ? x : 1;
  const reduced = fast && Math.abs(x) <= REDUCE_LIMIT ? reduce(x) : null;
  if (reduced) {
    // Quadrant q of x + which * pi/2: sin, cos, -sin, -cos of r.
    const q = (((reduced.k % 4) + 4) % 4 + which) % 4;
    const v = ddSinOrCos(reduced.r, q % 2 === 0);
    const y = roundIfSure(q < 2 ? v : [-v[0], -v[1]]);
    if (!Number.isNaN(y)) return y;
  }
  return exactly((bits) => exactSinCos(x, which, bits));
}

/** The correctly rounded cosine of x (NaN for infinities and NaN). */
export function crCos(x: number): number {
  return sinCos(x, 1);
}

/** The correctly rounded sine of x (NaN for infinities and NaN). */
export function crSin(x: number): number {
  return sinCos(x, 0);
}

const ATANH_TERMS = 22;
const INV_ODD: DD[] = Array.from({ length: ATANH_TERMS }, (_, j) => ddDiv([1, 0], [2 * j + 1, 0]));

/** The correctly rounded natural logarithm of x (log(0) = -Infinity, NaN below 0, as Math.log). */
export function crLog(x: number): number {
  return log(x, true);
}

function log(x: number, fast: boolean): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  if (x === 1) return 0;
  if (!fast) return exactly((bits) => exactLog(x, bits));
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)); subnormals scaled up first.
  let e = 0;
  let m = x;
  if (m < 2 ** -1022) {
    m *= 2 ** 54;
    e -= 54;
  }
  const exp = biasedExponent(m) - 1023; // m = 1.f * 2^exp
  e += exp;
  m *= 2 ** -exp;
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // log m = 2 atanh(f), f = (m - 1) / (m + 1), |f| < 0.1716: 22 terms of f^(2j) / (2j + 1)
  // leave < 0.0295^22 / 45 < 2^-117. m - 1 is exact (Sterbenz), m + 1 exact as a TwoSum.
  const f = ddDiv([m - 1, 0], twoSum(m, 1));
  const f2 = ddMul(f, f);
  // Terms from f^18 on sum to < 2^-50 of the result: plain doubles carry them (as in ddSinOrCos).
  let tail = 0;
  for (let j = ATANH_TERMS - 1; j >= 9; j--) tail = tail * f2[0] + (INV_ODD[j] as DD)[0];
  let s: DD = [tail, 0];
  for (let j = 8; j >= 0; j--) s = ddAdd(ddMul(s, f2), INV_ODD[j] as DD);
  const logM = ddMul(ddMul(s, f), [2, 0]);
  // e ln 2: |e| <= 1074, ln 2's double-double within 2^-107 of itself: < 2^-96 of e ln 2.
  const y = roundIfSure(ddAdd(ddMul(LN2, [e, 0]), logM));
  return Number.isNaN(y) ? exactly((bits) => exactLog(x, bits)) : y;
}

/** The elementary functions the scikit-learn generators take (tests inject others). */
export interface ElementaryFunctions {
  cos: (x: number) => number;
  sin: (x: number) => number;
  log: (x: number) => number;
}

export const CORRECTLY_ROUNDED: ElementaryFunctions = { cos: crCos, sin: crSin, log: crLog };

/** The same functions by the exact (BigInt) path alone, ~100 times slower: for tests to hold it to mpmath too. */
export const EXACT_PATH: ElementaryFunctions = {
  cos: (x) => sinCos(x, 1, false),
  sin: (x) => sinCos(x, 0, false),
  log: (x) => log(x, false),
};
