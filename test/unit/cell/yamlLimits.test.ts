// The limits on a cell's YAML (yamlSource.ts CELL_LIMITS): aliases of aliases, alias
// cycles, deep nesting and long cells are refused with a positioned problem, and
// everything that reads a cell (parser, source map, notebook check) finishes on them.
// The `timeout` options are hang guards: before the limits, the ten-level cell below
// never finished (each level multiplied the source-map walk by ten).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCell } from '../../../src/core/cell/parseCell';
import { checkNotebook } from '../../../src/core/cell/checkNotebook';
import { CELL_LIMITS } from '../../../src/core/cell/yamlSource';
import { assertProblemAt, cell, errors, moons, problemWith } from './helpers';

const parse = (source: string) => parseCell(source, { index: 0 });
const GUARD = { timeout: 20_000 };

/** `a0: &a0 [1..9]`, then `aK: &aK [*a(K-1) x 9]`: 9^levels values in a few hundred bytes. */
function billionLaughs(levels: number): string {
  const lines = [`a0: &a0 [${[1, 2, 3, 4, 5, 6, 7, 8, 9].join(', ')}]`];
  for (let k = 1; k < levels; k++) lines.push(`a${k}: &a${k} [${new Array(9).fill(`*a${k - 1}`).join(', ')}]`);
  return cell(...lines);
}

describe('cell YAML limits', () => {
  it('refuses ten levels of nested aliases at the alias that passes the value limit', GUARD, () => {
    const source = billionLaughs(10);
    assert.ok(source.length < 600, `the attack is small: ${source.length} characters`);
    const r = parse(source);
    // Counting from the top: the map 1, a0 its key + list + 9 = 11 (12), a1 2 + 9*10 (104),
    // a2 2 + 9*91 (925), a3 2 + 9*820 (8307); a4's key and list (8309), then its first
    // *a3, 7381 values, passes 10000. It stands at column 10 of line 5.
    const p = assertProblemAt(r.problems, 'more than 10000 values', 5, 10, [5, 13]);
    assert.match(p.message, /alias \*a3/);
    assert.equal(r.spec, undefined);
    assert.equal(errors(r.problems).length, 1, 'nothing else is read from a refused cell');
    // The source map of the refused cell is still usable.
    assert.equal(r.sourceMap('a9').line, 10);
  });

  it('finishes checkNotebook (what regnb check and the editor run) on the same cell', GUARD, () => {
    const checked = checkNotebook([{ source: billionLaughs(10) }, { source: moons('name: fine') }]);
    assert.equal(checked.ok, false);
    assert.deepEqual(checked.specs.map((s) => s.name), ['fine']);
    assert.equal(checked.problems.filter((p) => p.cell === 0).length, 1);
  });

  it('counts values exactly: 10000 pass, 10001 are refused (hand count)', GUARD, () => {
    // The map 1; a: key + list + 98 items = 100; b: key + list + 99 * (list + 98) = 9803;
    // c: key + list + j. Total 9906 + j.
    const body = (j: number) =>
      cell(`a: &a [${new Array(98).fill('0').join(',')}]`, `b: [${new Array(99).fill('*a').join(',')}]`, `c: [${new Array(j).fill('1').join(',')}]`);
    const at = parse(body(94));
    assert.equal(at.problems.filter((p) => p.message.includes('values')).length, 0);
    problemWith(at.problems, "unknown key 'a'"); // read normally
    const over = parse(body(95));
    // The 95th 1 of c, at column 5 + 2*94.
    assertProblemAt(over.problems, 'the cell holds more than 10000 values', 3, 193);
  });

  it('counts an alias as the values it stands for', GUARD, () => {
    const anchor = `a: &a [${new Array(98).fill('0').join(',')}]`;
    const beyond = parse(cell(anchor, `b: [${new Array(101).fill('*a').join(',')}]`));
    const p = problemWith(beyond.problems, 'with alias *a the cell stands for more than 10000 values');
    // 103 + 99k > 10000 first at k = 100: the 100th *a, at column 5 + 3*99.
    assert.deepEqual([p.line, p.column], [2, 302]);
  });

  it('refuses an alias cycle where the alias stands', GUARD, () => {
    const r = parse(cell('name: loop', 'a: &x', '  - 1', '  - *x'));
    assertProblemAt(r.problems, 'alias *x stands for a value that contains the alias itself', 4, 5, [4, 7]);
  });

  it('refuses nesting deeper than 32 levels, written or through aliases', GUARD, () => {
    const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    // The top map is level 1, so the list value may nest 31 lists around its scalar... minus the scalar's own level.
    const ok = parse(cell(`x: ${nested(CELL_LIMITS.maxDepth - 2)}`));
    assert.equal(ok.problems.filter((p) => p.message.includes('nested')).length, 0);
    const deep = parse(cell(`x: ${nested(CELL_LIMITS.maxDepth - 1)}`));
    // Level 33 is the scalar 1, after 31 brackets: column 4 + 31.
    assertProblemAt(deep.problems, 'nested more than 32 levels deep; a cell may nest at most 32', 1, 35);
    const viaAlias = parse(cell(`a: &a ${nested(20)}`, `b: [${'['.repeat(15)}*a${']'.repeat(15)}]`));
    assertProblemAt(viaAlias.problems, 'nested more than 32 levels deep once aliases are expanded', 2, 20);
  });

  it('refuses a cell longer than 16 KiB before parsing it', GUARD, () => {
    const r = parse(moons(`# ${'x'.repeat(CELL_LIMITS.maxChars)}`));
    assertProblemAt(r.problems, `a cell may have at most ${CELL_LIMITS.maxChars}`, 1, 1);
    assert.equal(errors(r.problems).length, 1);
  });

  it('still reads aliases used as intended, and points through them at the anchor', GUARD, () => {
    const r = parse(cell('data: {source: moons}', 'model:', '  - dense: 8', '    regularize: &r {l2: 0.01}', '  - dense: 1', '    regularize: *r'));
    assert.deepEqual(errors(r.problems), []);
    assert.deepEqual(r.spec?.model.map((l) => l.penalties.kernel), [{ l2: 0.01 }, { l2: 0.01 }]);
    // The shared map keeps its anchor's spans; a path through the alias falls back to the alias's key.
    assert.equal(r.sourceMap('model.0.regularize.l2').line, 4);
    assert.equal(r.sourceMap('model.1.regularize.l2').line, 6);
  });
});
