// When `regnb run` starts the record's scoring thread between cells: once a cell is done
// and a single run (no grid) is still to come, so that it finds the thread warm.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { singleRunFollows } from '../../../src/cli/scoringWarmUp';

describe('the scoring thread between cells', () => {
  const cells = [{ name: 'baseline' }, { name: 'sweep', grid: { alpha: [0.1] } }, { name: 'l2' }, { name: 'late-sweep', grid: { alpha: [0.1] } }];

  it('starts after a cell, a sweep too, while a single run follows in the run order', () => {
    assert.deepEqual(cells.map((c) => singleRunFollows(cells, c.name)), [true, true, false, false]);
  });

  it('not after the last single run, nor for a notebook of one cell, nor for a cell it does not know', () => {
    assert.equal(singleRunFollows([{ name: 'only' }], 'only'), false);
    assert.equal(singleRunFollows(cells, 'missing'), false);
    assert.equal(singleRunFollows([{ name: 'a', grid: {} }, { name: 'b', grid: {} }], 'a'), false);
  });
});
