import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCell } from '../../../src/core/cell/parseCell';
import { assertProblemAt, cell } from './helpers';

const parse = (...lines: string[]) => parseCell(cell(...lines), { index: 0 });

describe('layer layout', () => {
  it('conv2d only on digits or after another conv2d/maxpool2d', () => {
    const moons = parse('data: {source: moons}', 'model:', '  - conv2d: 4', '  - dense: 1');
    assertProblemAt(moons.problems, 'conv2d needs image input: only the digits data set has images (moons rows are not images)', 3, 5, [3, 11]);
    const csv = parse('data: {file: a.csv, target: y}', 'model:', '  - conv2d: 4', '  - dense: 1');
    assertProblemAt(csv.problems, 'a CSV file gives flat rows', 3, 5);
    const afterDense = parse('data: {source: digits}', 'model:', '  - dense: 16', '  - conv2d: 4', '  - dense: 10');
    assertProblemAt(afterDense.problems, 'conv2d needs images as input, but layer 1 (dense) before it gives a flat vector', 4, 5);
    const ok = parse('data: {source: digits}', 'model:', '  - dropout: 0.1', '  - conv2d: 4', '  - maxpool2d: 2', '  - conv2d: 4', '  - dense: 10');
    assert.deepEqual(ok.problems, []);
  });

  it('recurrent and conv1d layers need a sequence', () => {
    const r = parse('data: {source: sine}', 'model:', '  - dense: 8', '  - conv1d: 4', '  - dense: 1');
    assertProblemAt(r.problems, 'conv1d needs a sequence as input, but layer 1 (dense) before it gives a flat vector', 4, 5);
    const chain = parse('data: {source: sine}', 'model:', '  - conv1d: 4', '  - maxpool1d: 2', '  - lstm: 4', '  - dense: 1');
    assert.deepEqual(chain.problems, []);
  });

  it('returnSequences: false before another recurrent layer is an error at its value', () => {
    const r = parse('data: {source: sine}', 'model:', '  - lstm: 8', '    returnSequences: false', '  - dropout: 0.2', '  - simplernn: 4', '  - dense: 1');
    assertProblemAt(r.problems, 'layer 1 (lstm) must return sequences because layer 3 (simplernn) after it reads a sequence', 4, 22, [4, 27]);
  });

  it('returnSequences defaults to true before conv1d, false before dense; explicit true before dense is kept', () => {
    const r = parse('data: {source: sine}', 'model:', '  - gru: 8', '  - conv1d: 4', '  - lstm: 2', '    returnSequences: true', '  - dense: 1');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.spec?.model.map((l) => l.returnSequences), [true, undefined, true, undefined]);
  });

  it('kernels and pools must fit their input', () => {
    const k = parse('data: {source: sine, window: 2}', 'model:', '  - conv1d: 4', '  - dense: 1');
    assertProblemAt(k.problems, 'layer 1 (conv1d): kernel 3 does not fit its input of 2 steps', 3, 5, [3, 11]);
    const written = parse('data: {source: digits}', 'model:', '  - conv2d: 4', '    kernel: [3, 9]', '  - dense: 10');
    assertProblemAt(written.problems, 'kernel 9 does not fit its input of 8 pixels', 4, 13, [4, 19]);
    const same = parse('data: {source: digits}', 'model:', '  - conv2d: 4', '    kernel: [3, 9]', '    padding: same', '  - dense: 10');
    assert.deepEqual(same.problems, []);
    const shrink = parse('data: {source: digits}', 'model:', '  - conv2d: 4', '  - conv2d: 4', '  - conv2d: 4', '  - conv2d: 4', '  - dense: 10');
    assertProblemAt(shrink.problems, 'layer 4 (conv2d): kernel 3 does not fit its input of 2 pixels', 6, 5);
    const pool = parse('data: {source: digits}', 'model:', '  - maxpool2d: 9', '  - dense: 10');
    assertProblemAt(pool.problems, 'pool size 9 is larger than its input of 8 pixels', 3, 16, [3, 17]);
  });

  it('kernel lists need one number per dimension', () => {
    const r = parse('data: {source: sine}', 'model:', '  - conv1d: 4', '    kernel: [3, 3]', '  - dense: 1');
    assertProblemAt(r.problems, 'kernel: conv1d takes 1 number, got 2', 4, 13);
    const bad = parse('data: {source: digits}', 'model:', '  - conv2d: 4', '    stride: [1, 0]', '  - dense: 10');
    assertProblemAt(bad.problems, 'each stride value must be an integer >= 1, got 0', 4, 17);
  });
});
