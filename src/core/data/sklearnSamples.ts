// scikit-learn's make_moons, make_circles and make_blobs (1.2, 2-D, integer n_samples),
// in float64, draw for draw: the same arithmetic in the same order on the same random
// stream (numpyRandom.ts). The elementary functions (np.cos/np.sin of the arcs, the C
// log of the Gaussians) are correctly rounded ones (correctlyRounded.ts): numpy's own
// differ from CPU to CPU, and given numpy's values (tests inject them) the arrays equal
// scikit-learn's bit for bit. The generators (generators.ts) cast them to float32 tables.
//
// The order of the draws is scikit-learn's: make_moons and make_circles shuffle the
// noiseless rows first and add the noise after (row-major, x1 then x2 of each row);
// make_blobs draws the centers, then every cluster's points, then shuffles.

import { CORRECTLY_ROUNDED, type ElementaryFunctions } from './correctlyRounded';
import { NumpyRandomState } from './numpyRandom';

export interface SampleArrays {
  /** n rows of 2 values, row-major. */
  x: Float64Array;
  /** The class of each row. */
  y: Int32Array;
}

export interface SampleOptions {
  samples: number;
  /** random_state: an integer in [0, 2^32 - 1]. */
  seed: number;
  shuffle: boolean;
}

/** numpy.linspace(start, stop, num, endpoint) with numpy's rounding: i * step + start, last = stop. */
export function numpyLinspace(start: number, stop: number, num: number, endpoint = true): Float64Array {
  const out = new Float64Array(num);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) {
    if (div <= 0) out[i] = i * delta + start;
    else if (step === 0) out[i] = (i / div) * delta + start;
    else out[i] = i * step + start;
  }
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}

/** sklearn.utils.shuffle(X, y, random_state=rng): one permutation of the rows, drawn by RandomState.shuffle. */
function shuffleRows(s: SampleArrays, rng: NumpyRandomState): SampleArrays {
  const n = s.y.length;
  const width = s.x.length / n;
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const x = new Float64Array(s.x.length);
  const y = new Int32Array(n);
  order.forEach((src, i) => {
    for (let j = 0; j < width; j++) x[i * width + j] = s.x[src * width + j] as number;
    y[i] = s.y[src] as number;
  });
  return { x, y };
}

/** Two classes of points (outer then inner), then the shuffle, then N(0, noise^2) added. */
function twoCurves(
  o: SampleOptions & { noise: number },
  fns: ElementaryFunctions,
  outer: (nOut: number) => [Float64Array, Float64Array],
  inner: (nIn: number) => [Float64Array, Float64Array],
): SampleArrays {
  const rng = new NumpyRandomState(o.seed, fns.log);
  const nOut = Math.floor(o.samples / 2);
  const nIn = o.samples - nOut;
  const [ox, oy] = outer(nOut);
  const [ix, iy] = inner(nIn);
  let s: SampleArrays = { x: new Float64Array(2 * o.samples), y: new Int32Array(o.samples) };
  for (let i = 0; i < nOut; i++) {
    s.x[2 * i] = ox[i] as number;
    s.x[2 * i + 1] = oy[i] as number;
  }
  for (let i = 0; i < nIn; i++) {
    s.x[2 * (nOut + i)] = ix[i] as number;
    s.x[2 * (nOut + i) + 1] = iy[i] as number;
    s.y[nOut + i] = 1;
  }
  if (o.shuffle) s = shuffleRows(s, rng);
  // X += generator.normal(scale=noise, size=X.shape)
  for (let k = 0; k < s.x.length; k++) s.x[k] = (s.x[k] as number) + rng.normal(0, o.noise);
  return s;
}

/**
 * make_moons(n_samples=samples, shuffle=shuffle, noise=noise, random_state=seed).
 * @param fns the elementary functions (tests inject numpy's own values).
 */
export function makeMoons(o: SampleOptions & { noise: number }, fns: ElementaryFunctions = CORRECTLY_ROUNDED): SampleArrays {
  const { cos, sin } = fns;
  return twoCurves(
    o,
    fns,
    (n) => {
      const t = numpyLinspace(0, Math.PI, n);
      return [t.map(cos), t.map(sin)];
    },
    (n) => {
      const t = numpyLinspace(0, Math.PI, n);
      return [t.map((v) => 1 - cos(v)), t.map((v) => 1 - sin(v) - 0.5)];
    },
  );
}

/** make_circles(n_samples=samples, shuffle=shuffle, noise=noise, random_state=seed, factor=factor). */
export function makeCircles(o: SampleOptions & { noise: number; factor: number }, fns: ElementaryFunctions = CORRECTLY_ROUNDED): SampleArrays {
  const { cos, sin } = fns;
  return twoCurves(
    o,
    fns,
    (n) => {
      const t = numpyLinspace(0, 2 * Math.PI, n, false);
      return [t.map(cos), t.map(sin)];
    },
    (n) => {
      const t = numpyLinspace(0, 2 * Math.PI, n, false);
      return [t.map((v) => cos(v) * o.factor), t.map((v) => sin(v) * o.factor)];
    },
  );
}

/**
 * make_blobs(n_samples=samples, n_features=2, centers=classes, cluster_std=std,
 * center_box=(-10.0, 10.0), shuffle=shuffle, random_state=seed, return_centers=True).
 */
export function makeBlobs(
  o: SampleOptions & { classes: number; std: number },
  fns: ElementaryFunctions = CORRECTLY_ROUNDED,
): SampleArrays & { centers: Float64Array } {
  const rng = new NumpyRandomState(o.seed, fns.log);
  const centers = new Float64Array(2 * o.classes);
  for (let k = 0; k < centers.length; k++) centers[k] = rng.uniform(-10, 10);
  let s: SampleArrays = { x: new Float64Array(2 * o.samples), y: new Int32Array(o.samples) };
  let row = 0;
  for (let c = 0; c < o.classes; c++) {
    // n_samples // n_centers each, the first n_samples % n_centers one more.
    const count = Math.floor(o.samples / o.classes) + (c < o.samples % o.classes ? 1 : 0);
    for (let i = 0; i < count; i++, row++) {
      s.x[2 * row] = rng.normal(centers[2 * c] as number, o.std);
      s.x[2 * row + 1] = rng.normal(centers[2 * c + 1] as number, o.std);
      s.y[row] = c;
    }
  }
  if (o.shuffle) s = shuffleRows(s, rng);
  return { ...s, centers };
}
