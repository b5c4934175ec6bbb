import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blobs, circles, generate, moons, regression, sine, spiral, SINE_PERIOD, xor } from '../../../src/core/data/generators';
import { DataError } from '../../../src/core/data/dataset';
import { GENERATED_SOURCES } from '../../../src/core/experiment/experiment';
import { counts, dataSpec } from './helpers';

describe('generators: determinism', () => {
  for (const source of GENERATED_SOURCES) {
    it(`${source}: same seed -> identical arrays, other seed -> different`, () => {
      const a = generate(dataSpec({ source, seed: 3 }));
      const b = generate(dataSpec({ source, seed: 3 }));
      const c = generate(dataSpec({ source, seed: 4 }));
      assert.deepEqual(a.x, b.x);
      assert.deepEqual(a.y, b.y);
      assert.notDeepEqual(a.x, c.x);
      assert.equal(a.x.length, a.n * a.sampleShape.reduce((p, q) => p * q, 1));
      assert.equal(a.y.length, a.n);
      assert.equal(a.featureNames.length, a.x.length / a.n);
      for (const v of a.x) assert.ok(Number.isFinite(v));
    });
  }
});

describe('moons', () => {
  it('balanced classes on the two arcs (noise 0), classes mixed in generator order', () => {
    const t = moons({ samples: 101, noise: 0, seed: 1 });
    assert.equal(t.task, 'binary');
    assert.deepEqual(t.sampleShape, [2]);
    assert.equal(t.n, 101);
    assert.deepEqual([...counts(t.y)].sort(), [[0, 50], [1, 51]]);
    for (let i = 0; i < t.n; i++) {
      const x = t.x[2 * i]!;
      const y = t.x[2 * i + 1]!;
      if (t.y[i] === 0) {
        assert.ok(Math.abs(Math.hypot(x, y) - 1) < 1e-6 && y >= -1e-6, `outer moon point ${x},${y}`);
      } else {
        assert.ok(Math.abs(Math.hypot(x - 1, y - 0.5) - 1) < 1e-6 && y <= 0.5 + 1e-6, `inner moon point ${x},${y}`);
      }
    }
    // The contract example: shuffle false, train 30 -> the first 30 rows hold both moons.
    const first30 = counts(t.y.subarray(0, 30));
    assert.ok((first30.get(0) ?? 0) >= 5 && (first30.get(1) ?? 0) >= 5, `first 30 rows: ${[...first30]}`);
  });

  it('noise moves points off the arcs by about `noise`', () => {
    const t = moons({ samples: 2000, noise: 0.1, seed: 2 });
    let sq = 0;
    for (let i = 0; i < t.n; i++) {
      const x = t.x[2 * i]!;
      const y = t.x[2 * i + 1]!;
      const d = t.y[i] === 0 ? Math.hypot(x, y) - 1 : Math.hypot(x - 1, y - 0.5) - 1;
      sq += d * d;
    }
    // Radial part of a 2-D N(0, 0.1^2) offset: rms about 0.1 (a bit less near the arc ends).
    const rms = Math.sqrt(sq / t.n);
    assert.ok(rms > 0.07 && rms < 0.12, `rms distance to the arc ${rms}`);
  });
});

describe('circles', () => {
  it('outer radius 1 (class 0), inner 0.5 (class 1)', () => {
    const t = circles({ samples: 80, noise: 0, seed: 1 });
    assert.deepEqual([...counts(t.y)].sort(), [[0, 40], [1, 40]]);
    for (let i = 0; i < t.n; i++) {
      const r = Math.hypot(t.x[2 * i]!, t.x[2 * i + 1]!);
      assert.ok(Math.abs(r - (t.y[i] === 0 ? 1 : 0.5)) < 1e-6, `radius ${r} for class ${t.y[i]}`);
    }
  });
});

describe('blobs', () => {
  it('centers in [-10, 10]^2, points around their center with std `noise`', () => {
    const t = blobs({ samples: 3000, noise: 0.5, seed: 4, classes: 4 });
    assert.equal(t.task, 'multiclass');
    assert.equal(t.classes, 4);
    assert.deepEqual([...counts(t.y)].sort(), [[0, 750], [1, 750], [2, 750], [3, 750]]);
    for (const [cx, cy] of t.centers) assert.ok(Math.abs(cx) <= 10 && Math.abs(cy) <= 10);
    for (let k = 0; k < 4; k++) {
      const [cx, cy] = t.centers[k]!;
      let sx = 0;
      let sq = 0;
      let m = 0;
      for (let i = 0; i < t.n; i++) {
        if (t.y[i] !== k) continue;
        sx += t.x[2 * i]! - cx;
        sq += (t.x[2 * i]! - cx) ** 2 + (t.x[2 * i + 1]! - cy) ** 2;
        m++;
      }
      assert.ok(Math.abs(sx / m) < 0.1, 'centered on its center');
      const sd = Math.sqrt(sq / (2 * m));
      assert.ok(Math.abs(sd - 0.5) < 0.05, `class ${k} std ${sd}`);
    }
    assert.equal(blobs({ samples: 10, noise: 1, seed: 1, classes: 2 }).task, 'binary');
  });
});

describe('xor', () => {
  it('labels follow the sign of x1 * x2 without noise; balanced classes', () => {
    const t = xor({ samples: 200, noise: 0, seed: 1 });
    assert.deepEqual([...counts(t.y)].sort(), [[0, 100], [1, 100]]);
    for (let i = 0; i < t.n; i++) {
      const a = t.x[2 * i]!;
      const b = t.x[2 * i + 1]!;
      assert.ok(Math.abs(a) <= 1 && Math.abs(b) <= 1);
      assert.equal(t.y[i], a * b > 0 ? 1 : 0);
    }
  });

  it('noise makes some points disagree with their quadrant', () => {
    const t = xor({ samples: 1000, noise: 0.3, seed: 1 });
    let wrong = 0;
    for (let i = 0; i < t.n; i++) if ((t.x[2 * i]! * t.x[2 * i + 1]! > 0 ? 1 : 0) !== t.y[i]) wrong++;
    assert.ok(wrong > 50 && wrong < 400, `${wrong} of 1000 across the boundary`);
  });
});

describe('spiral', () => {
  it('arms of radius 0..1, angle 4k..4(k+1) per class (noise 0)', () => {
    const t = spiral({ samples: 300, noise: 0, seed: 1, classes: 3 });
    assert.equal(t.classes, 3);
    assert.deepEqual([...counts(t.y)].sort(), [[0, 100], [1, 100], [2, 100]]);
    for (let i = 0; i < t.n; i++) {
      const a = t.x[2 * i]!;
      const b = t.x[2 * i + 1]!;
      const r = Math.hypot(a, b);
      assert.ok(r <= 1 + 1e-6);
      if (r < 1e-3) continue;
      // point = r (sin t, cos t): t = atan2(a, b) modulo 2 pi must match the arm.
      const k = t.y[i]!;
      const radius = r; // radii are linspace(0, 1): angle = 4k + 4 r
      const expected = 4 * k + 4 * radius;
      const diff = Math.atan2(a, b) - expected;
      const wrapped = Math.atan2(Math.sin(diff), Math.cos(diff));
      assert.ok(Math.abs(wrapped) < 1e-4, `class ${k}: angle off by ${wrapped}`);
    }
  });
});

/** Solves A w = b (A square, float64) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const w = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * w[k]!;
    w[r] = s / m[r]![r]!;
  }
  return w;
}

function leastSquares(x: Float32Array, y: Float32Array, p: number): number[] {
  const n = y.length;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      xty[j]! += x[i * p + j]! * y[i]!;
      for (let k = 0; k < p; k++) xtx[j]![k]! += x[i * p + j]! * x[i * p + k]!;
    }
  }
  return solve(xtx, xty);
}

describe('regression', () => {
  it('least squares on noise-free data recovers the true coefficients', () => {
    const t = regression({ samples: 60, noise: 0, seed: 5, features: 12, informative: 4 });
    assert.equal(t.task, 'regression');
    assert.equal(t.classes, 1);
    assert.deepEqual(t.featureNames, Array.from({ length: 12 }, (_, j) => `x${j + 1}`));
    assert.equal(t.truth.informative.length, 4);
    const w = leastSquares(t.x, t.y, 12);
    for (let j = 0; j < 12; j++) {
      const truth = t.truth.coefficients[j]!;
      if (t.truth.informative.includes(j)) {
        assert.ok(Math.abs(truth) >= 10 && Math.abs(truth) <= 100, `|w${j}| = ${truth}`);
      } else {
        assert.equal(truth, 0);
      }
      assert.ok(Math.abs(w[j]! - truth) < 1e-3, `feature ${j}: fitted ${w[j]} vs true ${truth}`);
    }
  });

  it('informative features are chosen at random, signs vary, inputs are N(0, 1)', () => {
    const sets = new Set<string>();
    let negative = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const t = regression({ samples: 5, noise: 1, seed, features: 20, informative: 3 });
      sets.add(t.truth.informative.join(','));
      negative += t.truth.coefficients.filter((c) => c < 0).length;
    }
    assert.ok(sets.size >= 8, 'informative sets differ between seeds');
    assert.ok(negative > 5 && negative < 25, `${negative} negative coefficients of 30`);
    const big = regression({ samples: 2000, noise: 0, seed: 1, features: 5, informative: 5 });
    const m = big.x.reduce((a, b) => a + b, 0) / big.x.length;
    const v = big.x.reduce((a, b) => a + (b - m) ** 2, 0) / big.x.length;
    assert.ok(Math.abs(m) < 0.05 && Math.abs(v - 1) < 0.05, `mean ${m} var ${v}`);
  });

  it('noise adds N(0, noise^2) to the target', () => {
    const t = regression({ samples: 4000, noise: 3, seed: 2, features: 3, informative: 2 });
    let sq = 0;
    for (let i = 0; i < t.n; i++) {
      let dot = 0;
      for (let j = 0; j < 3; j++) dot += t.x[i * 3 + j]! * t.truth.coefficients[j]!;
      sq += (t.y[i]! - dot) ** 2;
    }
    const sd = Math.sqrt(sq / t.n);
    assert.ok(Math.abs(sd - 3) < 0.15, `residual sd ${sd}`);
  });

  it('rejects informative > features', () => {
    assert.throws(
      () => regression({ samples: 10, noise: 0, seed: 1, features: 3, informative: 4 }),
      (e: unknown) => e instanceof DataError && e.where?.key === 'data.informative',
    );
  });
});

describe('sine', () => {
  it('windows of past values [window, 1], target the next value, in time order', () => {
    const t = sine({ samples: 50, noise: 0, seed: 1, window: 8 });
    assert.deepEqual(t.sampleShape, [8, 1]);
    assert.equal(t.task, 'regression');
    assert.equal(t.featureNames[0], 't-8');
    assert.equal(t.featureNames[7], 't-1');
    for (let i = 0; i + 1 < t.n; i++) {
      for (let k = 0; k + 1 < 8; k++) assert.equal(t.x[i * 8 + k + 1], t.x[(i + 1) * 8 + k]);
      assert.equal(t.y[i], t.x[(i + 1) * 8 + 7]);
    }
    // Noise-free: a sine of period SINE_PERIOD: s[t + P] = s[t].
    for (let i = 0; i + SINE_PERIOD < t.n; i++) assert.ok(Math.abs(t.x[i * 8]! - t.x[(i + SINE_PERIOD) * 8]!) < 1e-5);
    for (const v of t.x) assert.ok(Math.abs(v) <= 1);
  });

  it('noise perturbs the series', () => {
    const clean = sine({ samples: 500, noise: 0, seed: 1, window: 4 });
    const noisy = sine({ samples: 500, noise: 0.2, seed: 1, window: 4 });
    let sq = 0;
    for (let i = 0; i < 500; i++) sq += (noisy.y[i]! - clean.y[i]!) ** 2;
    const sd = Math.sqrt(sq / 500);
    assert.ok(Math.abs(sd - 0.2) < 0.03, `noise sd ${sd}`);
  });
});

describe('generator argument checks', () => {
  it('reject bad samples, noise and classes with the key to blame', () => {
    const key = (k: string) => (e: unknown) => e instanceof DataError && e.where?.key === k;
    assert.throws(() => moons({ samples: 1, noise: 0, seed: 1 }), key('data.samples'));
    assert.throws(() => moons({ samples: 10, noise: -1, seed: 1 }), key('data.noise'));
    assert.throws(() => blobs({ samples: 10, noise: 1, seed: 1, classes: 1 }), key('data.classes'));
    assert.throws(() => spiral({ samples: 2, noise: 1, seed: 1, classes: 3 }), key('data.samples'));
    assert.throws(() => sine({ samples: 10, noise: 1, seed: 1, window: 0 }), key('data.window'));
  });
});
