// moons, circles and blobs against scikit-learn's make_moons, make_circles, make_blobs:
// the stored fixtures always (scripts/make-sklearn-fixtures.py), scikit-learn itself
// when /usr/bin/python3 has it.
//
// What is bit for bit here. Every random draw is: the MT19937 words, the 53-bit doubles,
// uniform() (blobs' centers), the shuffle permutations (so y and the row order), and with
// them every value that needs no cos, sin or log. The arcs (cos/sin) and the Gaussians
// (the polar method's log) go through elementary functions, which RegNB rounds correctly
// and numpy does not: the stored arrays come from numpy's AVX-512 (SVML) path, up to 3 ulp
// off, so they are held to a few ulp in float64 and exactly in float32, the values RegNB
// trains on. sklearnFloat64.test.ts holds the float64 values to scikit-learn bit for bit.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NumpyRandomState } from '../../../src/core/data/numpyRandom';
import { numpyLinspace, type SampleArrays } from '../../../src/core/data/sklearnSamples';
import { blobs, circles, moons } from '../../../src/core/data/generators';
import { loadDataset } from '../../../src/core/data/loadDataset';
import { DATA_DIR, dataSpec, readDisk } from './helpers';
import { PY, peersOrSkip } from '../helpers/peers';
import { SKLEARN_SCRIPT as SCRIPT, label, ours, type Arrays, type Case } from './sklearnCases';

interface Stream {
  seed: number;
  words: number[];
  doubles: number[];
  gauss: number[];
  normal: number[];
  uniform: number[];
  shuffle37: number[];
  after: number[];
}

const FIXTURE = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'sklearn-samples.json'), 'utf8')) as {
  streams: Stream[];
  cases: (Case & Arrays)[];
};

/** Allowed float64 difference: a few ulp of max(1, |x|) (see the top). */
const ULPS = 8;
const EPS = 2 ** -52;

/** The case's arrays equal scikit-learn's: y and centers bit for bit, x to float32 and within ULPS in float64. */
function assertSame(c: Case, got: SampleArrays & { centers?: Float64Array }, want: Arrays): void {
  const what = label(c);
  assert.deepEqual(Array.from(got.y), want.y, `${what}: labels and row order`);
  assert.equal(got.x.length, want.x.length, `${what}: size`);
  if (want.centers) assert.deepEqual(Array.from(got.centers as Float64Array), want.centers, `${what}: centers, bit for bit`);
  let worst = 0;
  want.x.forEach((w, i) => {
    const g = got.x[i] as number;
    assert.equal(Math.fround(g), Math.fround(w), `${what}: x[${i}] as float32 (${g} vs ${w})`);
    worst = Math.max(worst, Math.abs(g - w) / (Math.max(1, Math.abs(w)) * EPS));
  });
  assert.ok(worst <= ULPS, `${what}: float64 values ${worst} ulp apart`);
}

describe('numpy legacy RandomState', () => {
  for (const s of FIXTURE.streams) {
    it(`seed ${s.seed}: words, doubles, uniform and shuffle bit for bit, Gaussians to the ulp`, () => {
      const rs = new NumpyRandomState(s.seed);
      assert.deepEqual(s.words.map(() => rs.nextUint32()), s.words);
      assert.deepEqual(s.doubles.map(() => rs.randomSample()), s.doubles);
      // The polar method's log is the only inexact step: x1, x2, r2 and the rejection are exact.
      const gauss = s.gauss.map(() => rs.gaussian());
      gauss.forEach((g, i) => assert.ok(Math.abs(g - (s.gauss[i] as number)) <= 2 * EPS * Math.abs(g), `gauss[${i}] ${g} vs ${s.gauss[i]}`));
      const normal = s.normal.map(() => rs.normal(3, 0.5));
      normal.forEach((g, i) => assert.ok(Math.abs(g - (s.normal[i] as number)) <= 4 * EPS * Math.abs(g), `normal[${i}] ${g} vs ${s.normal[i]}`));
      assert.deepEqual(s.uniform.map(() => rs.uniform(-10, 10)), s.uniform);
      assert.deepEqual(rs.shuffle(Array.from({ length: 37 }, (_, i) => i)), s.shuffle37);
      assert.deepEqual(s.after.map(() => rs.randomSample()), s.after, 'the stream continues where numpy does');
    });
  }

  it('seeds outside numpy range are refused', () => {
    assert.throws(() => new NumpyRandomState(-1), RangeError);
    assert.throws(() => new NumpyRandomState(2 ** 32), RangeError);
    assert.throws(() => new NumpyRandomState(1.5), RangeError);
  });

  it('interval(max) is uniform on [0, max] (masked rejection, no modulo bias)', () => {
    const rs = new NumpyRandomState(3);
    const hits = new Array<number>(5).fill(0);
    for (let i = 0; i < 50000; i++) hits[rs.interval(4)]! += 1;
    // 10,000 expected per value, binomial sd 89: 5 sd.
    for (const h of hits) assert.ok(Math.abs(h - 10000) < 450, `counts ${hits}`);
    assert.equal(rs.interval(0), 0);
  });
});

describe('numpy.linspace rounding', () => {
  it('i * step + start, the last point exactly stop (not start + (stop - start) * i / div)', () => {
    const v = numpyLinspace(0, Math.PI, 50);
    const step = Math.PI / 49;
    v.forEach((x, i) => assert.equal(x, i === 49 ? Math.PI : i * step));
    // A value where the two formulas differ, so that the test can tell them apart.
    assert.ok(Array.from(v).some((x, i) => i < 49 && x !== (Math.PI * i) / 49));
    assert.deepEqual(Array.from(numpyLinspace(0, 2 * Math.PI, 4, false)), [0, Math.PI / 2, Math.PI, 1.5 * Math.PI]);
    assert.deepEqual(Array.from(numpyLinspace(0, Math.PI, 1)), [0]);
  });
});

describe('make_moons, make_circles, make_blobs: stored scikit-learn arrays', () => {
  for (const c of FIXTURE.cases) it(label(c), () => assertSame(c, ours(c), c));
});

describe('the generators are scikit-learn\'s, cast to float32', () => {
  it('moons, circles, blobs tables hold float32(scikit-learn) with its default shuffle', () => {
    for (const c of FIXTURE.cases.filter((k) => k.shuffle)) {
      const o = { samples: c.samples, noise: c.noise, seed: c.seed };
      const t = c.kind === 'moons' ? moons(o) : c.kind === 'circles' ? circles(o) : blobs({ ...o, classes: c.classes as number });
      assert.deepEqual(Array.from(t.x), c.x.map(Math.fround), label(c));
      assert.deepEqual(Array.from(t.y), c.y, label(c));
    }
  });

  it('the tutorial cell (seed 1, shuffle false, train 30) trains on X[:30] of make_moons(100, noise=0.2, random_state=1)', async () => {
    const tutorial = FIXTURE.cases[0] as Case & Arrays;
    assert.deepEqual([tutorial.kind, tutorial.samples, tutorial.noise, tutorial.seed, tutorial.shuffle], ['moons', 100, 0.2, 1, true]);
    const ds = await loadDataset(dataSpec({ source: 'moons', samples: 100, noise: 0.2, seed: 1, shuffle: false, train: 30, standardize: false }), {
      baseDir: '/',
      dataDir: DATA_DIR,
      readText: readDisk,
    });
    assert.deepEqual(Array.from(ds.xTrain), tutorial.x.slice(0, 60).map(Math.fround));
    assert.deepEqual(Array.from(ds.yTrain), tutorial.y.slice(0, 30));
    assert.deepEqual(Array.from(ds.xTest), tutorial.x.slice(60).map(Math.fround));
    assert.deepEqual(Array.from(ds.yTest), tutorial.y.slice(30));
  });

  it('a seed numpy refuses is a data.seed error', () => {
    for (const seed of [-1, 2 ** 32]) {
      assert.throws(() => moons({ samples: 10, noise: 0.1, seed }), (e: Error & { where?: { key?: string } }) => e.where?.key === 'data.seed' && /0 to 4294967295/.test(e.message));
    }
  });
});

describe('make_moons, make_circles, make_blobs: scikit-learn itself', () => {
  it('fresh cases computed by /usr/bin/python3', (t) => {
    if (!peersOrSkip(t, ['sklearn'])) return;
    const cases: Case[] = [];
    for (const seed of [2, 77, 31337]) {
      for (const shuffle of [true, false]) {
        cases.push({ kind: 'moons', samples: 200 + seed % 7, noise: 0.15, seed, shuffle });
        cases.push({ kind: 'circles', samples: 151, noise: 0.08, seed, shuffle });
        cases.push({ kind: 'blobs', samples: 120, noise: 1.7, seed, shuffle, classes: 2 + (seed % 4) });
      }
    }
    const out = execFileSync(PY, [SCRIPT, '--cases'], { input: JSON.stringify(cases), maxBuffer: 64 << 20 }).toString();
    const want = JSON.parse(out) as Arrays[];
    assert.equal(want.length, cases.length);
    cases.forEach((c, i) => assertSame(c, ours(c), want[i] as Arrays));
  });
});
