import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../src/core/data/random';

function draws(r: Random, n: number): number[] {
  return Array.from({ length: n }, () => r.uniform());
}

describe('Random', () => {
  it('is deterministic per seed and differs between seeds and streams', () => {
    assert.deepEqual(draws(new Random(42), 20), draws(new Random(42), 20));
    assert.notDeepEqual(draws(new Random(42), 20), draws(new Random(43), 20));
    assert.notDeepEqual(draws(new Random(42), 20), draws(new Random(42, 1), 20));
    assert.notDeepEqual(draws(new Random(0), 20), draws(new Random(2 ** 32), 20), 'high bits of the seed count');
  });

  it('uniform() lies in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Random(7);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      assert.ok(u >= 0 && u < 1);
      s += u;
      s2 += u * u;
    }
    const m = s / n;
    assert.ok(Math.abs(m - 0.5) < 0.005, `mean ${m}`);
    assert.ok(Math.abs(s2 / n - m * m - 1 / 12) < 0.002);
    const v = new Random(7).uniform(-3, 5);
    assert.ok(v >= -3 && v < 5);
  });

  it('normal() has the asked mean and standard deviation', () => {
    const r = new Random(3);
    const n = 100_000;
    const xs = Array.from({ length: n }, () => r.normal(2, 3));
    const m = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / n);
    assert.ok(Math.abs(m - 2) < 0.05, `mean ${m}`);
    assert.ok(Math.abs(sd - 3) < 0.05, `sd ${sd}`);
    // About 68.3% within one standard deviation: a Gaussian, not a uniform.
    const within = xs.filter((x) => Math.abs(x - 2) < 3).length / n;
    assert.ok(Math.abs(within - 0.6827) < 0.01, `within 1 sd: ${within}`);
  });

  it('int(n) covers 0..n-1 evenly and rejects bad n', () => {
    const r = new Random(5);
    const hist = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const k = r.int(6);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 6);
      hist[k]!++;
    }
    for (const h of hist) assert.ok(Math.abs(h - 10_000) < 400, `histogram ${hist}`);
    assert.ok(r.int(2 ** 31) < 2 ** 31);
    assert.throws(() => r.int(0), RangeError);
    assert.throws(() => r.int(2.5), RangeError);
  });

  it('shuffle() permutes plain and typed arrays in place, deterministically', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = Int32Array.from(a);
    const outA = new Random(9).shuffle(a);
    const outB = new Random(9).shuffle(b);
    assert.equal(outA, a);
    assert.equal(outB, b);
    assert.deepEqual(Array.from(b), a, 'same seed, same permutation for both array kinds');
    assert.notDeepEqual(a, Array.from({ length: 50 }, (_, i) => i));
    assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
    // Each of the 6 orders of 3 items about equally often.
    const seen = new Map<string, number>();
    const r = new Random(11);
    for (let i = 0; i < 6000; i++) {
      const key = r.shuffle(['a', 'b', 'c']).join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    assert.equal(seen.size, 6);
    for (const c of seen.values()) assert.ok(Math.abs(c - 1000) < 150, `orders ${[...seen]}`);
  });

  it('rejects a non-finite seed', () => {
    assert.throws(() => new Random(NaN), RangeError);
  });
});
