import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCell } from '../../../src/core/cell/parseCell';
import { formatProblem } from '../../../src/core/cell/problems';
import { cell } from './helpers';

const SOURCE = cell(
  'name: demo', //                   1
  'data:', //                        2
  '  file: data/x.csv', //           3
  '  target: y', //                  4
  'model:', //                       5
  '  - dense: 16', //                6
  '    activation: relu', //         7
  '  - dense: 1', //                 8
  '    regularize:', //              9
  '      kernel: {l2: 0.5}', //      10
  'train:', //                       11
  '  from: base', //                 12
);

describe('SourceMap', () => {
  const map = parseCell(SOURCE, { index: 0 }).sourceMap;
  const at = (path: string) => {
    const s = map(path);
    return [s.line, s.column, s.endLine, s.endColumn];
  };

  it('points at scalar values', () => {
    assert.deepEqual(at('train.from'), [12, 9, 12, 13]);
    assert.deepEqual(at('data.file'), [3, 9, 3, 19]);
    assert.deepEqual(at('model.0.dense'), [6, 12, 6, 14]);
    assert.deepEqual(at('model.1.regularize.kernel.l2'), [10, 20, 10, 23]);
  });

  it('points at the key for map values and at the first line for list items', () => {
    assert.deepEqual(at('data'), [2, 1, 2, 5]);
    assert.deepEqual(at('model.1.regularize'), [9, 5, 9, 15]);
    assert.deepEqual(at('model.0'), [6, 5, 6, 14]);
  });

  it('gives key spans on request', () => {
    const k = map.key('train.from');
    assert.deepEqual([k.line, k.column, k.endLine, k.endColumn], [12, 3, 12, 7]);
    assert.equal(map.has('train.from'), true);
    assert.equal(map.has('train.epochs'), false);
  });

  it('falls back to the nearest existing ancestor, then to the first line', () => {
    assert.deepEqual(at('model.1.regularize.bias.l1'), [9, 5, 9, 15]);
    assert.deepEqual(at('train.epochs'), [11, 1, 11, 6]);
    assert.deepEqual(at('grid.alpha'), [1, 1, 1, 11]);
    assert.deepEqual(at('model.7.dense'), [5, 1, 5, 6]);
  });

  it('works on a cell with YAML errors and on an empty cell', () => {
    const broken = parseCell('data: {source: [\n', { index: 0 }).sourceMap;
    assert.equal(broken('train.from').line, 1);
    const empty = parseCell('', { index: 0 }).sourceMap('data.source');
    assert.deepEqual([empty.line, empty.column], [1, 1]);
  });
});

describe('formatProblem', () => {
  it('writes line:column: message', () => {
    assert.equal(formatProblem({ line: 3, column: 14, endLine: 3, endColumn: 20, message: 'bad thing', severity: 'error' }), '3:14: bad thing');
  });
});
