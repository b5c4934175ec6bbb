// The subset of numpy's legacy `RandomState` that scikit-learn's make_moons,
// make_circles and make_blobs draw from, reproduced draw for draw so that a RegNB cell
// with `seed: s` holds the very rows of `make_moons(..., random_state=s)`:
// - MT19937 seeded like `RandomState(int)` (numpy's `mt19937_seed`, Matsumoto and
//   Nishimura's init_genrand), the state regenerated on the first draw;
// - doubles with 53 random bits from two 32-bit words, (a >> 5) * 2^26 + (b >> 6), / 2^53;
// - normals by the polar (Marsaglia) method, the second value of each pair cached and
//   returned by the next call (numpy's `legacy_gauss`);
// - `shuffle` of a 1-D array: Fisher-Yates from the end, j uniform in [0, i] by masked
//   rejection on 32-bit words (numpy's `random_interval`).
// The polar method's log is the C library's `log` in numpy (legacy_gauss is C, not a
// ufunc, so never numpy's SIMD log); here it is the correctly rounded log
// (correctlyRounded.ts), which glibc's equals on all but about 1 value in 1000.
// Only RandomState's arithmetic is copied here; which draws a data set makes, and in
// which order, is the generators' business (generators.ts).

import { crLog } from './correctlyRounded';

const N = 624;
const M = 397;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

/** The largest seed `numpy.random.RandomState(seed)` accepts (2^32 - 1). */
export const MAX_NUMPY_SEED = 0xffffffff;

export class NumpyRandomState {
  private readonly mt = new Uint32Array(N);
  private pos = N;
  private gauss: number | null = null;

  /**
   * @param seed an integer in [0, 2^32 - 1], as `RandomState(seed)` requires.
   * @param log the polar method's logarithm (tests inject numpy's own to isolate it).
   */
  constructor(
    seed: number,
    private readonly log: (x: number) => number = crLog,
  ) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_NUMPY_SEED) {
      throw new RangeError(`NumpyRandomState: seed must be an integer in [0, ${MAX_NUMPY_SEED}], got ${seed}`);
    }
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] as number;
      // 1812433253 * (prev ^ (prev >>> 30)) + i, modulo 2^32.
      mt[i] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + i) >>> 0;
    }
  }

  /** Regenerates the 624 words of state (the MT19937 "twist"). */
  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = ((mt[i] as number) & UPPER_MASK) | ((mt[(i + 1) % N] as number) & LOWER_MASK);
      mt[i] = ((mt[(i + M) % N] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
    }
    this.pos = 0;
  }

  /** The next 32-bit word (genrand_int32, tempered). */
  nextUint32(): number {
    if (this.pos >= N) this.twist();
    let y = this.mt[this.pos++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits (`random_sample`). */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `uniform(low, high)`: low + (high - low) * random_sample(). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.randomSample();
  }

  /** A standard normal value (`legacy_gauss`, the polar method with its cached second value). */
  gaussian(): number {
    if (this.gauss !== null) {
      const cached = this.gauss;
      this.gauss = null;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * this.log(r2)) / r2);
    this.gauss = f * x1;
    return f * x2;
  }

  /** `normal(loc, scale)`: loc + scale * gaussian(). */
  normal(loc: number, scale: number): number {
    return loc + scale * this.gaussian();
  }

  /** A uniform integer in [0, max], max < 2^32 (`random_interval`: masked rejection). */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do value = (this.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /** Shuffles a 1-D array in place as `RandomState.shuffle` does, and returns it. */
  shuffle<A extends { length: number; [index: number]: unknown }>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }
}
