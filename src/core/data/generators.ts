// Seeded, deterministic generators of the synthetic data sets (contract section 2).
//
// moons, circles and blobs are scikit-learn's make_moons, make_circles (factor 0.5) and
// make_blobs with random_state = seed and scikit-learn's default shuffle=True
// (sklearnSamples.ts): the same rows in the same order, so a cell holds the data of a
// tutorial that called them. `data.shuffle: false` keeps that order: `seed: 1,
// shuffle: false, train: 30` trains on `X[:30]` of `make_moons(..., random_state=1)` and
// tests on `X[30:]`, as the weight-regularization tutorial does.
//
// The other generators build their points class by class and then permute the rows with
// their own random stream (Random). So every classification generator's order is
// already a random mix of the classes: `shuffle: false` with `train: 30` gives 30 rows of
// both moons, not 30 rows of the outer moon. `data.shuffle` (default true) controls a
// separate, second row shuffle before the split (see split.ts), drawn from another
// stream of the same seed.
// `regression` rows are independent draws (no order to mix) and `sine` rows stay in
// time order, so that `shuffle: false` gives a proper forecasting split (train on the
// past, test on the future).

import type { DataSpec } from '../experiment/experiment';
import { DataError, type RegressionTruth } from './dataset';
import { MAX_NUMPY_SEED } from './numpyRandom';
import { Random } from './random';
import { makeBlobs, makeCircles, makeMoons, type SampleArrays } from './sklearnSamples';
import type { Table } from './table';

export interface GeneratorOptions {
  samples: number;
  noise: number;
  seed: number;
}


/** `sine`: the period of the series, in steps. */
export const SINE_PERIOD = 25;

function check(ok: boolean, key: string, message: string): void {
  if (!ok) throw new DataError(message, { key });
}

function checkCommon(o: GeneratorOptions, minSamples = 2): void {
  check(Number.isInteger(o.samples) && o.samples >= minSamples, 'data.samples', `samples must be an integer >= ${minSamples}, got ${o.samples}`);
  check(Number.isFinite(o.noise) && o.noise >= 0, 'data.noise', `noise must be a number >= 0, got ${o.noise}`);
}

/** n evenly spaced values from a to b (numpy.linspace; endpoint included unless told). */
function linspace(a: number, b: number, n: number, endpoint = true): number[] {
  const out: number[] = [];
  const div = endpoint ? n - 1 : n;
  for (let i = 0; i < n; i++) out.push(div > 0 ? a + ((b - a) * i) / div : a);
  return out;
}

/** How many rows each of k classes gets: n / k, the first n % k classes one more (sklearn). */
function perClass(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

/** Permutes 2-D points and their labels together, in place. */
function permuteRows(x: Float32Array, y: Float32Array, rng: Random): void {
  const n = y.length;
  const p = rng.permutation(n);
  const x0 = x.slice();
  const y0 = y.slice();
  for (let i = 0; i < n; i++) {
    const src = p[i] as number;
    x[2 * i] = x0[2 * src] as number;
    x[2 * i + 1] = x0[2 * src + 1] as number;
    y[i] = y0[src] as number;
  }
}

/** A 2-D classification table from points built class by class, then mixed (see the top). */
function planar(source: string, points: [number, number, number][], classes: number, rng: Random): Table {
  const n = points.length;
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  points.forEach(([a, b, label], i) => {
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = label;
  });
  permuteRows(x, y, rng);
  return {
    source,
    task: classes === 2 ? 'binary' : 'multiclass',
    n,
    sampleShape: [2],
    featureNames: ['x1', 'x2'],
    x,
    y,
    classes,
    classNames: Array.from({ length: classes }, (_, i) => String(i)),
    scaleBy: 'feature',
  };
}

/** numpy's RandomState accepts seeds 0 .. 2^32 - 1 only. */
function checkNumpySeed(source: string, seed: number): void {
  check(
    Number.isInteger(seed) && seed >= 0 && seed <= MAX_NUMPY_SEED,
    'data.seed',
    `${source} draws like scikit-learn, whose random_state must be an integer from 0 to ${MAX_NUMPY_SEED}; got seed ${seed}`,
  );
}

/** A float32 table of scikit-learn's float64 arrays, rows in scikit-learn's (shuffled) order. */
function sklearnTable(source: string, s: SampleArrays, classes: number): Table {
  return {
    source,
    task: classes === 2 ? 'binary' : 'multiclass',
    n: s.y.length,
    sampleShape: [2],
    featureNames: ['x1', 'x2'],
    x: Float32Array.from(s.x),
    y: Float32Array.from(s.y),
    classes,
    classNames: Array.from({ length: classes }, (_, i) => String(i)),
    scaleBy: 'feature',
  };
}

/**
 * Two interleaving half circles: make_moons(n_samples=samples, noise=noise,
 * random_state=seed). The outer moon (class 0) is the upper half of the
 * unit circle, the inner one (class 1) the lower half shifted to (1, 0.5); points evenly
 * spaced along each arc, then N(0, noise^2) added to both coordinates.
 */
export function moons(o: GeneratorOptions): Table {
  checkCommon(o);
  checkNumpySeed('moons', o.seed);
  return sklearnTable('moons', makeMoons({ ...o, shuffle: true }), 2);
}

/**
 * Two concentric circles: make_circles(n_samples=samples, noise=noise, factor=0.5,
 * random_state=seed). The outer circle of radius 1 is class 0, the inner
 * one of radius `factor` class 1; N(0, noise^2) on both coordinates.
 */
export function circles(o: GeneratorOptions & { factor?: number }): Table {
  checkCommon(o);
  checkNumpySeed('circles', o.seed);
  return sklearnTable('circles', makeCircles({ ...o, shuffle: true, factor: o.factor ?? 0.5 }), 2);
}

/**
 * Gaussian blobs: make_blobs(n_samples=samples, centers=classes, cluster_std=noise,
 * center_box=(-10, 10), random_state=seed). The centers are drawn
 * uniformly in [-10, 10]^2, each class an isotropic Gaussian with standard deviation
 * `noise`. The centers are returned too (for tests and charts).
 */
export function blobs(o: GeneratorOptions & { classes: number }): Table & { centers: [number, number][] } {
  checkCommon(o);
  check(Number.isInteger(o.classes) && o.classes >= 2, 'data.classes', `classes must be an integer >= 2, got ${o.classes}`);
  check(o.samples >= o.classes, 'data.samples', `samples (${o.samples}) must be at least the number of classes (${o.classes})`);
  checkNumpySeed('blobs', o.seed);
  const s = makeBlobs({ samples: o.samples, seed: o.seed, shuffle: true, classes: o.classes, std: o.noise });
  const centers = Array.from({ length: o.classes }, (_, k): [number, number] => [s.centers[2 * k] as number, s.centers[2 * k + 1] as number]);
  return { ...sklearnTable('blobs', s, o.classes), centers };
}

/**
 * XOR: points uniform in [-1, 1]^2, label 1 when sign(x1) * sign(x2) > 0, else 0. The
 * points are drawn quadrant by quadrant in turn (still uniform over the square) so that
 * the classes are balanced to within one row. The label is that of the clean point; then
 * N(0, noise^2) is added to both coordinates, so points pushed across an axis carry the
 * "wrong" label: noise blurs the boundary.
 */
export function xor(o: GeneratorOptions): Table {
  checkCommon(o);
  const rng = new Random(o.seed);
  const quadrants: [number, number][] = [[1, 1], [-1, 1], [-1, -1], [1, -1]];
  const pts: [number, number, number][] = [];
  for (let i = 0; i < o.samples; i++) {
    const [sx, sy] = quadrants[i % 4] as [number, number];
    // 1 - uniform() is in (0, 1]: never exactly on an axis.
    const a = sx * (1 - rng.uniform());
    const b = sy * (1 - rng.uniform());
    pts.push([a + rng.normal(0, o.noise), b + rng.normal(0, o.noise), sx * sy > 0 ? 1 : 0]);
  }
  return planar('xor', pts, 2, rng);
}

/**
 * Spiral arms (the CS231n data set): class j has radii evenly spaced in [0, 1] and angles
 * evenly spaced in [4j, 4(j + 1)] radians plus N(0, noise^2) (CS231n uses noise 0.2);
 * point = r * (sin t, cos t).
 */
export function spiral(o: GeneratorOptions & { classes: number }): Table {
  checkCommon(o);
  check(Number.isInteger(o.classes) && o.classes >= 2, 'data.classes', `classes must be an integer >= 2, got ${o.classes}`);
  check(o.samples >= o.classes, 'data.samples', `samples (${o.samples}) must be at least the number of classes (${o.classes})`);
  const rng = new Random(o.seed);
  const pts: [number, number, number][] = [];
  perClass(o.samples, o.classes).forEach((count, k) => {
    const radii = linspace(0, 1, count);
    const angles = linspace(4 * k, 4 * (k + 1), count);
    for (let i = 0; i < count; i++) {
      const r = radii[i] as number;
      const t = (angles[i] as number) + rng.normal(0, o.noise);
      pts.push([r * Math.sin(t), r * Math.cos(t), k]);
    }
  });
  return planar('spiral', pts, o.classes, rng);
}

/**
 * Linear regression (like sklearn make_regression): `features` standard-normal inputs, of
 * which `informative` (chosen at random) have a true coefficient of random sign and
 * magnitude uniform in [10, 100]; the others have 0. y = X . w + noise * N(0, 1), no bias.
 * The true model is in `truth` (0-based feature indices).
 */
export function regression(o: GeneratorOptions & { features: number; informative: number }): Table & { truth: RegressionTruth } {
  checkCommon(o);
  check(Number.isInteger(o.features) && o.features >= 1, 'data.features', `features must be an integer >= 1, got ${o.features}`);
  check(
    Number.isInteger(o.informative) && o.informative >= 0 && o.informative <= o.features,
    'data.informative',
    `informative must be an integer from 0 to features (${o.features}), got ${o.informative}`,
  );
  const rng = new Random(o.seed);
  const p = o.features;
  const informative = Array.from(rng.permutation(p).subarray(0, o.informative)).sort((a, b) => a - b);
  const w = new Array<number>(p).fill(0);
  for (const j of informative) w[j] = (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(10, 100);
  const n = o.samples;
  const x = new Float32Array(n * p);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < p; j++) {
      // The target is computed from the stored (float32) inputs, so that noise 0 is exact.
      const v = Math.fround(rng.normal());
      x[i * p + j] = v;
      dot += v * (w[j] as number);
    }
    y[i] = dot + o.noise * rng.normal();
  }
  const truth: RegressionTruth = { coefficients: w, informative, bias: 0, noise: o.noise };
  return {
    source: 'regression',
    task: 'regression',
    n,
    sampleShape: [p],
    featureNames: Array.from({ length: p }, (_, j) => `x${j + 1}`),
    x,
    y,
    classes: 1,
    truth,
    scaleBy: 'feature',
  };
}

/**
 * Sequence forecasting on a noisy sine: s[t] = sin(2 pi t / SINE_PERIOD + phase) +
 * noise * N(0, 1), with a random phase. Sample i is the window s[i .. i + window - 1]
 * (shape [window, 1]) and its target is the next value s[i + window]. Rows stay in time order.
 */
export function sine(o: GeneratorOptions & { window: number }): Table {
  checkCommon(o);
  check(Number.isInteger(o.window) && o.window >= 1, 'data.window', `window must be an integer >= 1, got ${o.window}`);
  const rng = new Random(o.seed);
  const n = o.samples;
  const len = n + o.window;
  const phase = rng.uniform(0, 2 * Math.PI);
  const s = new Float32Array(len);
  for (let t = 0; t < len; t++) s[t] = Math.sin((2 * Math.PI * t) / SINE_PERIOD + phase) + o.noise * rng.normal();
  const x = new Float32Array(n * o.window);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x.set(s.subarray(i, i + o.window), i * o.window);
    y[i] = s[i + o.window] as number;
  }
  return {
    source: 'sine',
    task: 'regression',
    n,
    sampleShape: [o.window, 1],
    featureNames: Array.from({ length: o.window }, (_, k) => `t-${o.window - k}`),
    x,
    y,
    classes: 1,
    scaleBy: 'channel',
  };
}

/** The table of a generated source, from the validated data spec. */
export function generate(spec: DataSpec): Table {
  const o: GeneratorOptions = { samples: spec.samples, noise: spec.noise, seed: spec.seed };
  switch (spec.source) {
    case 'moons':
      return moons(o);
    case 'circles':
      return circles(o);
    case 'blobs':
      return blobs({ ...o, classes: spec.classes });
    case 'xor':
      return xor(o);
    case 'spiral':
      return spiral({ ...o, classes: spec.classes });
    case 'regression':
      return regression({ ...o, features: spec.features, informative: spec.informative });
    case 'sine':
      return sine({ ...o, window: spec.window });
    default:
      throw new DataError(`"${spec.source}" is not a generated data source`, { key: 'data.source' });
  }
}
