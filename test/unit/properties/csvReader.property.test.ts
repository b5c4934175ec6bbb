// Property: any text given to the CSV reader gives a consistent table or a DataError
// positioned inside the file (row within its lines, column within its widest row + 1):
// never another exception, never a hang (`timeout` is the guard), never a value that
// float32 training would turn into Infinity.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCsv } from '../../../src/core/data/csv';
import { DataError } from '../../../src/core/data/dataset';

const GUARD = { timeout: 300_000 };
const RUNS = Number(process.env.REGNB_PROPERTY_RUNS ?? 300);

const PIECES = [',', '\n', '\r\n', '\r', '"', '""', ' ', 'y', 'a', 'b', '1', '0', '-2.5', '1e39', '-1e39', '3.4e38', '1e-50', 'NA', 'nan', '?', '', 'x y', '\ufeff', '\u0000', '\t', 'é', '😀'];
const csvish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 150 }).map((p) => p.join(''));
// Mostly well-formed: a header with y and rows of numbers or labels, then a few edits.
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(fc.oneof(fc.double({ noNaN: false }).map(String), fc.constantFrom('a', 'b', '0', '1', '')), { minLength: 1, maxLength: 5 }), { maxLength: 12 }))
  .map(([features, rows]) => [[...Array.from({ length: features }, (_, j) => `f${j}`), 'y'].join(','), ...rows.map((r) => r.join(','))].join('\n'));
const anyCsv = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), csvish, table);

describe('property: the CSV reader', () => {
  it('any text gives a consistent table or a DataError inside the file', GUARD, () => {
    fc.assert(
      fc.property(anyCsv, fc.constantFrom(undefined, 'binary', 'multiclass', 'regression') as fc.Arbitrary<'binary' | 'multiclass' | 'regression' | undefined>, (text, task) => {
        let t;
        try {
          t = parseCsv(text, { file: 'f.csv', target: 'y', task });
        } catch (e) {
          assert.ok(e instanceof DataError, `not a DataError: ${String(e)}`);
          assert.equal(e.where?.file, 'f.csv');
          const lines = text.split(/\r\n|\r|\n/);
          if (e.where?.row !== undefined) assert.ok(e.where.row >= 1 && e.where.row <= lines.length, `row ${e.where.row} of ${lines.length}: ${e.message}`);
          const widest = Math.max(...lines.map((l) => l.split(',').length));
          if (e.where?.column !== undefined) assert.ok(e.where.column >= 1 && e.where.column <= widest + 1, `column ${e.where.column}: ${e.message}`);
          assert.ok(e.message.length < 600, 'a message is short');
          return;
        }
        const p = t.sampleShape[0];
        assert.equal(t.x.length, t.n * p);
        assert.equal(t.y.length, t.n);
        assert.equal(t.featureNames.length, p);
        assert.ok(t.x.every(Number.isFinite) && t.y.every(Number.isFinite), 'every value fits float32');
        if (t.task !== 'regression') {
          assert.equal(t.classes, t.classNames?.length);
          assert.ok(t.y.every((v) => Number.isInteger(v) && v >= 0 && v < t.classes));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
