import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCell } from '../../../src/core/cell/parseCell';
import type { ExperimentSpec } from '../../../src/core/experiment/experiment';
import { assertProblemAt, cell } from './helpers';

/** The resolved penalties of each layer, by layer name. */
function penalties(...lines: string[]): Record<string, unknown> {
  const r = parseCell(cell(...lines), { index: 0 });
  assert.deepEqual(r.problems, []);
  const spec = r.spec as ExperimentSpec;
  return Object.fromEntries(spec.model.map((l) => [l.name, l.penalties]));
}

describe('penalty resolution', () => {
  it('the cell default covers the kernel of every weighted layer, and the recurrent kernel of recurrent layers', () => {
    assert.deepEqual(
      penalties('data: {source: sine}', 'model:', '  - lstm: 4', '  - dropout: 0.1', '  - dense: 3', '  - dense: 1', 'regularize: {l1: 0.01, l2: 0.02}'),
      {
        lstm_1: { kernel: { l1: 0.01, l2: 0.02 }, recurrent: { l1: 0.01, l2: 0.02 } },
        dropout_1: {},
        dense_1: { kernel: { l1: 0.01, l2: 0.02 } },
        dense_2: { kernel: { l1: 0.01, l2: 0.02 } },
      },
    );
  });

  it('no default: nothing is penalized', () => {
    assert.deepEqual(penalties('data: {source: moons}', 'model: [{dense: 4}, {dense: 1}]'), { dense_1: {}, dense_2: {} });
  });

  it('a layer penalty replaces the default for kernel and recurrent kernel', () => {
    assert.deepEqual(
      penalties('data: {source: sine}', 'model:', '  - gru: 4', '    regularize: {expabs: 0.5}', '  - dense: 1', 'regularize: {l2: 0.1}'),
      { gru_1: { kernel: { expabs: 0.5 }, recurrent: { expabs: 0.5 } }, dense_1: { kernel: { l2: 0.1 } } },
    );
  });

  it('a layer none removes the default from that layer only', () => {
    assert.deepEqual(
      penalties('data: {source: moons}', 'model:', '  - dense: 4', '    regularize: none', '  - dense: 1', 'regularize: {l2: 0.1}'),
      { dense_1: {}, dense_2: { kernel: { l2: 0.1 } } },
    );
  });

  it('a parts map replaces the parts it names and keeps the default for the kernels it leaves out', () => {
    assert.deepEqual(
      penalties(
        'data: {source: sine}',
        'model:',
        '  - lstm: 4',
        '    regularize:',
        '      recurrent: {l1: 0.3}',
        '      bias: {l2: 0.2}',
        '      activity: {l1: 0.05}',
        '  - dense: 1',
        '    regularize:',
        '      kernel: none',
        '      bias: {l2: 0.4}',
        'regularize: {l2: 0.1}',
      ),
      {
        lstm_1: { kernel: { l2: 0.1 }, recurrent: { l1: 0.3 }, bias: { l2: 0.2 }, activity: { l1: 0.05 } },
        dense_1: { bias: { l2: 0.4 } },
      },
    );
  });

  it('parts without a cell default: only the named parts', () => {
    assert.deepEqual(
      penalties('data: {source: moons}', 'model:', '  - dense: 4', '    regularize: {activity: {l2: 0.01}}', '  - dense: 1'),
      { dense_1: { activity: { l2: 0.01 } }, dense_2: {} },
    );
  });

  it('zero strengths are dropped from resolved parts, but the cell default stays as written', () => {
    const r = parseCell(cell('data: {source: moons}', 'model: [{dense: 1}]', 'regularize: {l1: 0, l2: 0.5}'), { index: 0 });
    const spec = r.spec as ExperimentSpec;
    assert.deepEqual(spec.regularize, { l1: 0, l2: 0.5 });
    assert.deepEqual(spec.model[0].penalties, { kernel: { l2: 0.5 } });
  });

  it('a cell default of none is no default', () => {
    const r = parseCell(cell('data: {source: moons}', 'model: [{dense: 1}]', 'regularize: none'), { index: 0 });
    assert.equal(r.spec?.regularize, undefined);
    assert.deepEqual(r.spec?.model[0].penalties, {});
  });
});

describe('penalty problems', () => {
  const parse = (...lines: string[]) => parseCell(cell(...lines), { index: 0 }).problems;

  it('mixing penalty terms and parts', () => {
    const p = parse('data: {source: moons}', 'model:', '  - dense: 1', '    regularize: {l2: 0.1, bias: {l1: 1}}');
    assertProblemAt(p, 'regularize mixes a penalty term (l2) with a part (bias)', 4, 27, [4, 31]);
  });

  it('parts at the top level', () => {
    const p = parse('data: {source: moons}', 'model: [{dense: 1}]', 'regularize:', '  kernel: {l2: 1}');
    assertProblemAt(p, "the cell's regularize is one penalty for every layer's kernel; 'kernel' is a part", 4, 3, [4, 9]);
  });

  it('a bias penalty on a layer without bias', () => {
    const p = parse('data: {source: moons}', 'model:', '  - dense: 1', '    bias: false', '    regularize: {bias: {l2: 1}}');
    assertProblemAt(p, 'has bias: false, so there is no bias to penalize', 5, 18, [5, 22]);
  });

  it('unknown keys in a layer regularize are matched against terms and parts', () => {
    const p = parse('data: {source: moons}', 'model:', '  - dense: 1', '    regularize: {kernal: {l2: 1}}');
    assertProblemAt(p, "unknown key 'kernal' in regularize of layer 1 (dense); did you mean 'kernel'?", 4, 18);
    const q = parse('data: {source: moons}', 'model: [{dense: 1}]', 'regularize: {L2: 1}');
    assertProblemAt(q, "unknown key 'L2' in regularize; did you mean 'l2'?", 3, 14);
  });

  it('an empty part penalty', () => {
    const p = parse('data: {source: moons}', 'model:', '  - dense: 1', '    regularize:', '      bias: {}');
    assertProblemAt(p, 'empty penalty map in bias', 5, 13, [5, 15]);
  });
});
