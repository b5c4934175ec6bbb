// A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so that
// generated data sets, row shuffles and batch orders are identical across runs,
// machines and Node versions. Not for cryptography.

/** Anything indexable and writable: plain arrays and typed arrays. */
export interface MutableArrayLike<T> {
  readonly length: number;
  [index: number]: T;
}

const TWO_32 = 4294967296;

/** splitmix32: spreads one 32-bit word into a well-mixed one (used for seeding only). */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  /**
   * @param seed any finite number (integers are the norm; the full 53-bit range is used).
   * @param stream an independent stream of the same seed, e.g. the generator uses
   *   stream 0 and the row shuffle before the split another, so that they never share draws.
   */
  constructor(seed: number, stream = 0) {
    if (!Number.isFinite(seed)) throw new RangeError(`Random: seed must be a finite number, got ${seed}`);
    const whole = Math.trunc(seed);
    const lo = whole >>> 0;
    const hi = Math.floor(whole / TWO_32) >>> 0;
    const frac = Math.round((Math.abs(seed) - Math.abs(whole)) * TWO_32) >>> 0;
    let s = 0x6a09e667 ^ lo;
    let out: number;
    const words: number[] = [];
    for (const extra of [hi, frac ^ Math.imul(stream >>> 0, 0x27d4eb2f), 0, 0]) {
      [s, out] = splitmix32(s ^ extra);
      words.push(out);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    // Warm up: the first outputs of sfc32 are weakly mixed.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** The next raw 32-bit output (sfc32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution; uniform(lo, hi) is uniform in [lo, hi). */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * (this.nextUint32() / TWO_32);
  }

  /** Gaussian N(mean, std^2) by the Box-Muller transform (the second value is cached). */
  normal(mean = 0, std = 1): number {
    let z: number;
    if (this.spare !== null) {
      z = this.spare;
      this.spare = null;
    } else {
      const u1 = 1 - this.uniform(); // (0, 1]: log(u1) is finite
      const u2 = this.uniform();
      const r = Math.sqrt(-2 * Math.log(u1));
      z = r * Math.cos(2 * Math.PI * u2);
      this.spare = r * Math.sin(2 * Math.PI * u2);
    }
    return mean + std * z;
  }

  /** A uniform integer in [0, n), n an integer in [1, 2^32]. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`Random.int: n must be an integer in [1, 2^32], got ${n}`);
    // Rejection sampling: no modulo bias even for large n.
    const limit = TWO_32 - (TWO_32 % n);
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return r % n;
  }

  /** Shuffles in place (Fisher-Yates) and returns the same array. */
  shuffle<A extends MutableArrayLike<unknown>>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }
}
