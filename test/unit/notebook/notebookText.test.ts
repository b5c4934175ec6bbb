import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stringifyAt } from '../../../src/core/notebook/notebookText';
import { randomValue, seeded } from './jsonFixture';

/** The definition: JSON.stringify's 2-space text with every line after the first indented `level` more. */
function indented(value: unknown, level: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text?.replace(/\n/g, `\n${'  '.repeat(level)}`);
}

describe('stringifyAt', () => {
  it('is JSON.stringify(value, null, 2) indented to its level, for any JSON-like value', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = seeded(seed);
      const value = randomValue(next, 8);
      const level = Math.floor(next() * 7);
      assert.equal(stringifyAt(value, level), indented(value, level), `seed ${seed}, level ${level}`);
    }
  });

  it('writes what JSON.stringify writes for values it leaves out or converts (undefined, functions, toJSON)', () => {
    const told: string[] = [];
    const values = [undefined, () => 1, { toJSON: (key: string) => (told.push(key), undefined) }, { toJSON: () => ({ a: [1, 2] }) }, new Date(0), [], {}, [undefined], { a: undefined }];
    for (const v of values) for (const level of [0, 1, 3]) assert.equal(stringifyAt(v, level), indented(v, level));
    assert.ok(told.every((k) => k === ''), 'a toJSON is told the key JSON.stringify(value) tells it');
  });
});
