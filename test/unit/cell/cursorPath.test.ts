import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cursorPath } from '../../../src/core/cell/cursorPath';

const CELL = `name: x
data:
  source: moons
  sam
model:
  - dense: 500
    activation: re
    regularize:
      kernel:
        l
  - lstm: 3
    
train:
  lr: 0.0
`;

function at(line: number, character = CELL.split('\n')[line].length) {
  return cursorPath(CELL, line, character);
}

describe('cursorPath', () => {
  it('a key being typed under a section', () => {
    assert.deepEqual(at(3), { parent: ['data'], key: undefined, inValue: false, prefix: 'sam' });
  });
  it('a value inside a list item', () => {
    assert.deepEqual(at(6), { parent: ['model', 0], key: 'activation', inValue: true, prefix: 're' });
  });
  it('a penalty part inside a layer', () => {
    assert.deepEqual(at(9).parent, ['model', 0, 'regularize', 'kernel']);
  });
  it('an empty line inside the second list item', () => {
    assert.deepEqual(at(11).parent, ['model', 1]);
    assert.equal(at(11).inValue, false);
  });
  it('the layer type key on a dash line', () => {
    assert.deepEqual(at(10, 6), { parent: ['model', 1], key: undefined, inValue: false, prefix: 'ls' });
  });
  it('a top-level value', () => {
    assert.deepEqual(at(13), { parent: ['train'], key: 'lr', inValue: true, prefix: '0.0' });
  });
  it('the top level', () => {
    assert.deepEqual(at(12, 2), { parent: [], key: undefined, inValue: false, prefix: 'tr' });
  });
});
