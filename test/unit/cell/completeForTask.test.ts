import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completeForTask } from '../../../src/core/cell/completeForTask';
import { parseCell } from '../../../src/core/cell/parseCell';
import { assertProblemAt, cell } from './helpers';

const csv = (...lines: string[]) => parseCell(cell('data: {file: data/x.csv, target: y}', ...lines), { index: 0 });

describe('completeForTask (CSV files without task:)', () => {
  it('fills the output activation and the grid select from the task', () => {
    const parsed = csv('model: [{dense: 4}, {dense: 3}]', 'regularize: {l2: 0.1}', 'grid: {alpha: [0.1]}');
    const done = completeForTask(parsed, 'multiclass', 3);
    assert.deepEqual(done.problems, []);
    assert.equal(done.spec?.model[1].activation, 'softmax');
    assert.equal(done.spec?.grid?.select, 'validation.loss', 'the validation data loss suits every task');
    assert.equal(parsed.spec?.model[1].activation, undefined, 'the parsed spec is left as it was');
  });

  it('checks the output size and a written activation against the task', () => {
    const parsed = csv('model:', '  - dense: 3', '    activation: sigmoid');
    const done = completeForTask(parsed, 'regression');
    assert.equal(done.spec, undefined);
    assertProblemAt(done.problems, 'the CSV file data/x.csv is a regression task: the output is 1 unit', 3, 12);
    assertProblemAt(done.problems, 'sigmoid only outputs values in (0, 1)', 4, 17);
  });

  it('checks a written select against the task', () => {
    const parsed = csv('model: [{dense: 1}]', 'regularize: {l2: 0.1}', 'grid: {alpha: [0.1], select: test.r2}');
    const done = completeForTask(parsed, 'binary');
    assertProblemAt(done.problems, 'test.r2 has no meaning for a binary task', 4, 30);
  });

  it('gives nothing for a cell with errors', () => {
    assert.deepEqual(completeForTask(csv('model: []'), 'binary'), { problems: [] });
  });
});
