// The correctly rounded cos, sin and log against mpmath at 200 bits: the stored fixture
// always (scripts/make-correctly-rounded-fixture.py), mpmath itself on fresh inputs when
// /usr/bin/python3 has it. Equality is of the doubles themselves, every bit.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORRECTLY_ROUNDED, EXACT_PATH, crCos, crLog, crSin, type ElementaryFunctions } from '../../../src/core/data/correctlyRounded';
import { numpyLinspace } from '../../../src/core/data/sklearnSamples';
import { PY, peersOrSkip } from '../helpers/peers';

type Name = 'cos' | 'sin' | 'log';
const FIXTURE = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'correctly-rounded.json'), 'utf8')) as Record<Name, number[]> & {
  angles: number[];
  logInputs: number[];
};
const SCRIPT = path.resolve(__dirname, '../../../scripts/make-correctly-rounded-fixture.py');
const NAMES: Name[] = ['cos', 'sin', 'log'];

function assertRounded(fns: ElementaryFunctions, name: Name, xs: number[], want: number[], what: string): void {
  assert.equal(xs.length, want.length);
  const wrong = xs.flatMap((x, i) => (Object.is(fns[name](x), want[i]) ? [] : [`${name}(${x}) = ${fns[name](x)}, correctly rounded ${want[i]}`]));
  assert.deepEqual(wrong.slice(0, 5), [], `${what}: ${wrong.length} of ${xs.length} not correctly rounded`);
}

const inputs = (name: Name): number[] => (name === 'log' ? FIXTURE.logInputs : FIXTURE.angles);

describe('correctly rounded cos, sin, log: the stored mpmath values', () => {
  for (const name of NAMES) {
    it(`${name}: every value of the fixture, bit for bit (${inputs(name).length} inputs)`, () => {
      assertRounded(CORRECTLY_ROUNDED, name, inputs(name), FIXTURE[name], 'double-double path');
    });
    it(`${name}: the exact (BigInt) path alone gives the same doubles`, () => {
      assertRounded(EXACT_PATH, name, inputs(name), FIXTURE[name], 'exact path');
    });
  }

  it('NaN and the infinities as Math.* gives them', () => {
    for (const f of [crCos, crSin]) for (const x of [NaN, Infinity, -Infinity]) assert.ok(Number.isNaN(f(x)));
    assert.equal(crLog(0), -Infinity);
    assert.equal(crLog(-0), -Infinity);
    assert.ok(Number.isNaN(crLog(-1)));
    assert.ok(Number.isNaN(crLog(NaN)));
    assert.equal(crLog(Infinity), Infinity);
    assert.equal(crLog(1), 0);
    assert.ok(Object.is(crSin(-0), -0));
  });

  it('Math.cos/Math.log are not correctly rounded on some of these inputs (so the fixture can tell)', () => {
    const off = (name: Name): number => inputs(name).filter((x, i) => !Object.is((Math[name] as (v: number) => number)(x), FIXTURE[name][i])).length;
    for (const name of NAMES) assert.ok(off(name) > 0, `Math.${name} matches mpmath everywhere on the fixture`);
  });
});

describe('correctly rounded cos, sin, log: mpmath itself', () => {
  it('fresh inputs: other linspaces, random angles and random doubles in (0, 1]', (t) => {
    if (!peersOrSkip(t, ['mpmath'])) return;
    // A fixed LCG keeps the inputs reproducible; none of them is in the fixture's sets.
    let state = 987654321;
    const next = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const angles = [...numpyLinspace(0, Math.PI, 731), ...numpyLinspace(0, 2 * Math.PI, 443, false)];
    for (let i = 0; i < 800; i++) angles.push((next() - 0.5) * 2 ** (next() * 24 - 2));
    const logs: number[] = [];
    for (let i = 0; i < 2000; i++) logs.push(1 - (next() * 2 ** 26 + next()) / 2 ** 26 / 2); // in (1/2, 1]
    for (let i = 0; i < 500; i++) logs.push(next() * 2 ** (next() * 200 - 100));
    const inputsByName: Record<Name, number[]> = { cos: angles, sin: angles, log: logs };
    const out = execFileSync(PY, [SCRIPT, '--values'], { input: JSON.stringify(inputsByName), maxBuffer: 64 << 20 }).toString();
    const want = JSON.parse(out) as Record<Name, number[]>;
    for (const name of NAMES) assertRounded(CORRECTLY_ROUNDED, name, inputsByName[name], want[name], 'mpmath, live');
  });
});
