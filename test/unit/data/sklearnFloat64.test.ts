// make_moons, make_circles, make_blobs in float64, bit for bit, against live scikit-learn
// on both of numpy's paths on this CPU: the default (AVX-512: SVML's cos and sin) and the
// portable one (NPY_DISABLE_CPU_FEATURES: the C library's). Three independent facts:
// - given numpy's own cos/sin/log values for the very inputs RegNB asks for, RegNB's
//   arrays ARE scikit-learn's on both paths: everything but the elementary functions is
//   exact (and the polar method's log is the C library's on both: it is C, not a ufunc);
// - a Python rewrite of scikit-learn's generators with the C library's functions is
//   scikit-learn on the portable path, and the same rewrite with correctly rounded
//   functions (mpmath) is RegNB, every value;
// - so against the portable path RegNB differs exactly where glibc is not correctly rounded.

import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CORRECTLY_ROUNDED, type ElementaryFunctions } from '../../../src/core/data/correctlyRounded';
import type { SampleArrays } from '../../../src/core/data/sklearnSamples';
import { PY, peersOrSkip } from '../helpers/peers';
import { SKLEARN_SCRIPT as SCRIPT, label, ours, type Arrays, type Case } from './sklearnCases';

type Name = keyof ElementaryFunctions;

const PORTABLE = 'AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL';
const PATHS = { default: process.env, portable: { ...process.env, NPY_DISABLE_CPU_FEATURES: PORTABLE } };
type NumpyPath = keyof typeof PATHS;

const TUTORIAL: Case = { kind: 'moons', samples: 100, noise: 0.2, seed: 1, shuffle: true };
const CASES: Case[] = [0, 1, 7, 42, 2024, 31337, 4294967295].flatMap((seed) =>
  [true, false].flatMap((shuffle): Case[] => [
    { kind: 'moons', samples: 100, noise: 0.2, seed, shuffle },
    { kind: 'moons', samples: 257, noise: 0.05, seed, shuffle },
    { kind: 'circles', samples: 151, noise: 0.08, seed, shuffle },
    { kind: 'blobs', samples: 120, noise: 1.7, seed, shuffle, classes: 3 },
  ]),
);

const answers = new Map<string, unknown>();
/** The script's JSON answer, each question asked once (the mpmath rewrite takes seconds). */
function python<T>(args: string[], input: unknown, numpyPath: NumpyPath = 'default'): T {
  const question = JSON.stringify([args, input, numpyPath]);
  if (!answers.has(question)) {
    const out = execFileSync(PY, [SCRIPT, ...args], { input: JSON.stringify(input), env: PATHS[numpyPath], maxBuffer: 256 << 20 });
    answers.set(question, JSON.parse(out.toString()));
  }
  return answers.get(question) as T;
}

/** The indices where two cases' x values differ as doubles; labels and centers must be equal. */
function differences(c: Case, got: SampleArrays & { centers?: Float64Array }, want: Arrays): number[] {
  assert.deepEqual(Array.from(got.y), want.y, `${label(c)}: labels and row order`);
  if (want.centers) assert.deepEqual(Array.from(got.centers as Float64Array), want.centers, `${label(c)}: centers`);
  assert.equal(got.x.length, want.x.length);
  return want.x.flatMap((w, i) => (Object.is(got.x[i], w) ? [] : [i]));
}

const toArrays = (s: SampleArrays & { centers?: Float64Array }): Arrays => ({
  x: Array.from(s.x),
  y: Array.from(s.y),
  ...(s.centers ? { centers: Array.from(s.centers) } : {}),
});

function peers(t: TestContext): boolean {
  return peersOrSkip(t, ['sklearn', 'mpmath']);
}

/** Runs RegNB's generators once to learn which cos, sin and log inputs they ask for. */
function elementaryInputs(cases: Case[]): Record<Name, number[]> {
  const inputs: Record<Name, Set<number>> = { cos: new Set(), sin: new Set(), log: new Set() };
  const recording = Object.fromEntries(
    (Object.keys(inputs) as Name[]).map((name) => [name, (x: number) => (inputs[name].add(x), CORRECTLY_ROUNDED[name](x))]),
  ) as unknown as ElementaryFunctions;
  for (const c of cases) ours(c, recording);
  return { cos: [...inputs.cos], sin: [...inputs.sin], log: [...inputs.log] };
}

/** Elementary functions that answer from a table of (input, value) and refuse anything else. */
function lookup(inputs: Record<Name, number[]>, values: Record<Name, number[]>): ElementaryFunctions {
  const fn = (name: Name): ((x: number) => number) => {
    const table = new Map(inputs[name].map((x, i) => [x, values[name][i] as number]));
    return (x) => {
      const v = table.get(x);
      if (v === undefined) throw new Error(`${name}(${x}) was not asked for in the recording run`);
      return v;
    };
  };
  return { cos: fn('cos'), sin: fn('sin'), log: fn('log') };
}

describe('make_moons, make_circles, make_blobs in float64, bit for bit (live scikit-learn)', () => {
  for (const numpyPath of ['default', 'portable'] as NumpyPath[]) {
    it(`given numpy's own cos/sin/log values, RegNB's arrays are scikit-learn's on numpy's ${numpyPath} path`, (t) => {
      if (!peers(t)) return;
      const inputs = elementaryInputs(CASES);
      const numpy = python<Record<Name, number[]> & { avx512: boolean }>(['--numpy-values'], inputs, numpyPath);
      if (numpyPath === 'portable') assert.equal(numpy.avx512, false, 'NPY_DISABLE_CPU_FEATURES turned numpy\'s AVX-512 loops off');
      const want = python<Arrays[]>(['--cases'], CASES, numpyPath);
      const fns = lookup(inputs, numpy);
      let values = 0;
      CASES.forEach((c, i) => {
        const w = want[i] as Arrays;
        assert.deepEqual(differences(c, ours(c, fns), w), [], `${label(c)}: values that differ`);
        values += w.x.length;
      });
      const offCr = (name: Name): number => inputs[name].filter((x, i) => !Object.is(numpy[name][i], CORRECTLY_ROUNDED[name](x))).length;
      t.diagnostic(
        `numpy ${numpyPath} path (AVX-512 ${numpy.avx512 ? 'on' : 'off'}): ${CASES.length} cases, ${values} values equal; ` +
          `numpy's values off the correctly rounded ones: cos ${offCr('cos')}/${inputs.cos.length}, sin ${offCr('sin')}/${inputs.sin.length}, log ${offCr('log')}/${inputs.log.length}`,
      );
    });
  }

  it("a Python rewrite of scikit-learn's generators with the C library's cos/sin/log is scikit-learn on the portable path", (t) => {
    if (!peers(t)) return;
    const rewrite = python<Arrays[]>(['--reference', 'libm'], { cases: CASES });
    const sklearn = python<Arrays[]>(['--cases'], CASES, 'portable');
    assert.deepEqual(rewrite, sklearn);
  });

  it('RegNB equals that rewrite with correctly rounded cos/sin/log (mpmath), every value of every case', (t) => {
    if (!peers(t)) return;
    const rewrite = python<Arrays[]>(['--reference', 'cr'], { cases: CASES });
    CASES.forEach((c, i) => assert.deepEqual(toArrays(ours(c)), rewrite[i], label(c)));
  });

  it('against scikit-learn on the portable path, RegNB differs exactly where glibc is not correctly rounded', (t) => {
    if (!peers(t)) return;
    const sklearn = python<Arrays[]>(['--cases'], CASES, 'portable');
    const correct = python<Arrays[]>(['--reference', 'cr'], { cases: CASES });
    let values = 0;
    let differ = 0;
    let casesEqual = 0;
    CASES.forEach((c, i) => {
      const s = sklearn[i] as Arrays;
      const d = differences(c, ours(c), s);
      // Where glibc's value differs from the correctly rounded one, and nowhere else.
      const glibcOff = s.x.flatMap((v, k) => (Object.is(v, (correct[i] as Arrays).x[k]) ? [] : [k]));
      assert.deepEqual(d, glibcOff, label(c));
      values += s.x.length;
      differ += d.length;
      if (!d.length) casesEqual += 1;
    });
    t.diagnostic(`portable path: ${values - differ} of ${values} values equal, ${casesEqual} of ${CASES.length} cases entirely`);
  });

  it("the tutorial's data: make_moons(100, noise=0.2, random_state=1) on both numpy paths", (t) => {
    if (!peers(t)) return;
    const got = ours(TUTORIAL);
    const report = (['default', 'portable'] as NumpyPath[]).map((p) => {
      const d = differences(TUTORIAL, got, (python<Arrays[]>(['--cases'], [TUTORIAL], p)[0]) as Arrays);
      return `${p} path: ${got.x.length - d.length} of ${got.x.length} values bit for bit`;
    });
    // Which path is equal depends on the CPU and the C library (the tests above say why); this states it.
    t.diagnostic(report.join('; '));
  });
});
