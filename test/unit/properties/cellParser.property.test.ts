// Property: any text given to the cell parser (parseCell, and checkNotebook over several
// cells) gives a result or positioned problems: never an exception, never a hang, and a
// spec exactly when there is no error. The inputs mix arbitrary text with text built
// from the cell language's own keys and YAML's syntax (anchors, aliases, flow and block
// collections, odd numbers), and with mutations of a valid cell.
// `timeout` is the hang guard (no timing is asserted).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCell } from '../../../src/core/cell/parseCell';
import { checkNotebook } from '../../../src/core/cell/checkNotebook';
import type { Problem } from '../../../src/core/experiment/experiment';

const GUARD = { timeout: 300_000 };
const RUNS = Number(process.env.REGNB_PROPERTY_RUNS ?? 300);

const WORDS = ['name', 'data', 'source', 'moons', 'file', 'target', 'samples', 'train', 'model', 'dense', 'lstm', 'conv2d', 'activation', 'relu', 'regularize',
  'l1', 'l2', 'kernel', 'bias', 'recurrent', 'activity', 'none', 'epochs', 'lr', 'optimizer', 'adam', 'from', 'grid', 'alpha', 'repeats', 'refine', 'compare',
  'task', 'x', 'y', 'a0', 'cell-1'];
const SYNTAX = [': ', ':', '\n', '\n  ', '\n    ', '- ', '[', ']', '{', '}', ', ', '&a ', '*a', '&b ', '*b', '"', "'", '# c', '|', '>', '? ', '!!str ', '!!map ',
  '---', '...', '%YAML 1.2\n', '\t', ' ', '\\', '\u0000', '\u001b[2J', '\u202e', '😀', '\r\n'];
const VALUES = ['1', '0', '-1', '1e39', '-0', '.5', '1e-400', '1e12', '0x1F', '.inf', '-.inf', '.nan', 'NaN', 'null', '~', 'true', 'no', '2.', '1_000', '"1"', "''"];

const token = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...SYNTAX), fc.constantFrom(...VALUES), fc.string({ maxLength: 4 }));
const yamlish = fc.array(token, { maxLength: 120 }).map((parts) => parts.join(''));

const VALID = 'name: ok\ndata: {source: moons, samples: 40, train: 20}\nmodel:\n  - dense: 4\n    regularize: {l2: 0.01}\n  - dense: 1\ntrain: {epochs: 3}\ngrid: {alpha: [0.1, 0.01]}\n';
const mutated = fc
  .array(fc.tuple(fc.nat(VALID.length), fc.nat(6), fc.oneof(token, fc.constant(''))), { minLength: 1, maxLength: 6 })
  .map((edits) => edits.reduce((s, [at, cut, put]) => s.slice(0, at) + put + s.slice(Math.min(s.length, at + cut)), VALID));

const anyCell = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), yamlish, mutated);

function assertPositioned(problems: readonly Problem[], source: string): void {
  const lines = source.split(/\r\n|\r|\n/).length;
  for (const p of problems) {
    assert.ok(typeof p.message === 'string' && p.message.length > 0, 'a problem says something');
    assert.ok(p.severity === 'error' || p.severity === 'warning');
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1, `line ${p.line} of ${lines}: ${p.message}`);
    assert.ok(Number.isInteger(p.column) && p.column >= 1, `column ${p.column}: ${p.message}`);
    assert.ok(p.endLine > p.line || (p.endLine === p.line && p.endColumn >= p.column), `span ${JSON.stringify(p)}`);
  }
}

describe('property: the cell parser', () => {
  it('any cell text gives a spec without errors, or positioned errors and no spec', GUARD, () => {
    fc.assert(
      fc.property(anyCell, fc.nat(50), (source, index) => {
        const r = parseCell(source, { index });
        assertPositioned(r.problems, source);
        const hasError = r.problems.some((p) => p.severity === 'error');
        assert.equal(r.spec === undefined, hasError || r.kind === 'compare', `spec and errors disagree: ${JSON.stringify(r.problems)}`);
        assert.equal(typeof r.name, 'string');
        assert.ok(typeof r.sourceMap('model.0.dense').line === 'number');
      }),
      { numRuns: RUNS },
    );
  });

  it('checkNotebook over any cells gives positioned problems per cell and specs only from valid cells', GUARD, () => {
    fc.assert(
      fc.property(fc.array(anyCell, { maxLength: 5 }), (sources) => {
        const r = checkNotebook(sources.map((source) => ({ source })));
        assert.equal(r.cells.length, sources.length);
        r.cells.forEach((c, i) => assertPositioned(c.problems, sources[i]));
        assert.equal(r.ok, !r.problems.some((p) => p.severity === 'error'));
        for (const spec of r.specs) assert.ok(r.cells.some((c) => c.spec === spec && !c.problems.some((p) => p.severity === 'error')));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
