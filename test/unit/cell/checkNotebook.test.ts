import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkNotebook, runOrder } from '../../../src/core/cell/checkNotebook';
import type { ExperimentSpec } from '../../../src/core/experiment/experiment';
import { assertProblemAt, cell } from './helpers';

const check = (...sources: string[]) => checkNotebook(sources.map((source) => ({ source })));

/** A valid moons cell with a name, its hidden layer size and optional extra lines. */
function moonsCell(name: string, hidden = 8, ...extra: string[]): string {
  return cell(`name: ${name}`, 'data: {source: moons}', 'model:', `  - dense: ${hidden}`, '  - dense: 1', ...extra);
}

describe('checkNotebook', () => {
  it('accepts a consistent notebook and lists specs in run order', () => {
    const r = check(moonsCell('tuned', 8, 'train:', '  from: base'), moonsCell('base'), moonsCell('other'), cell('compare: [base, tuned]'));
    assert.deepEqual(r.problems, []);
    assert.equal(r.ok, true);
    assert.deepEqual(r.specs.map((s) => s.name), ['base', 'tuned', 'other']);
    assert.deepEqual(r.cells.map((c) => [c.index, c.kind, c.name]), [[0, 'experiment', 'tuned'], [1, 'experiment', 'base'], [2, 'experiment', 'other'], [3, 'compare', 'cell-4']]);
  });

  it('uses the notebook index given with each cell for default names and reports', () => {
    const r = checkNotebook([{ source: moonsCell('a'), index: 1 }, { source: cell('data: {source: moons}', 'model: [{dense: 1}]'), index: 4 }]);
    assert.equal(r.cells[1].name, 'cell-5');
    assert.equal(r.cells[1].index, 4);
  });

  it('a duplicate cell name is an error on the second name key', () => {
    const r = check(moonsCell('base'), moonsCell('other'), moonsCell('base'));
    assert.equal(r.ok, false);
    assert.deepEqual(r.cells[0].problems, []);
    assertProblemAt(r.cells[2].problems, "name 'base' is already used by cell 1; names must be unique in the notebook", 1, 1, [1, 5]);
    assert.equal(r.cells[2].spec, undefined, 'a cell with a cross-cell error has no spec');
    assert.deepEqual(r.problems.map((p) => [p.cell, p.name, p.line, p.column]), [[2, 'base', 1, 1]]);
    assert.deepEqual(r.specs.map((s) => s.name), ['base', 'other']);
  });

  it('a written name equal to an earlier default name: the error goes to the written one', () => {
    const r = check(cell('data: {source: moons}', 'model: [{dense: 1}]'), moonsCell('cell-1'));
    assertProblemAt(r.cells[1].problems, "name 'cell-1' is already used by cell 1", 1, 1);
    const later = check(moonsCell('cell-2'), cell('data: {source: moons}', 'model: [{dense: 1}]'));
    assertProblemAt(later.cells[0].problems, "name 'cell-2' is already used by cell 2", 1, 1);
  });

  it('train.from naming a missing cell, with a suggestion', () => {
    const r = check(moonsCell('baseline'), moonsCell('tuned', 8, 'train:', '  epochs: 5', '  from: baseline2'));
    assertProblemAt(r.cells[1].problems, "train.from: no cell named 'baseline2' in this notebook; did you mean 'baseline'?", 8, 9, [8, 18]);
  });

  it('train.from naming the cell itself', () => {
    const r = check(moonsCell('solo', 8, 'train: {from: solo}'));
    assertProblemAt(r.cells[0].problems, 'train.from names this cell itself', 6, 15, [6, 19]);
  });

  it('a from cycle is reported on every cell of the cycle', () => {
    const r = check(moonsCell('a', 8, 'train: {from: c}'), moonsCell('b', 8, 'train: {from: a}'), moonsCell('c', 8, 'train: {from: b}'), moonsCell('d', 8, 'train: {from: a}'));
    assertProblemAt(r.cells[0].problems, 'train.from makes a cycle (a → c → b → a)', 6, 15, [6, 16]);
    assertProblemAt(r.cells[1].problems, 'train.from makes a cycle (b → a → c → b)', 6, 15);
    assertProblemAt(r.cells[2].problems, 'train.from makes a cycle (c → b → a → c)', 6, 15);
    assert.deepEqual(r.cells[3].problems, [], 'a cell hanging off a cycle is not itself in it');
  });

  it('from requires the same architecture', () => {
    const r = check(moonsCell('base', 8), moonsCell('wide', 16, 'train:', '  from: base'));
    assertProblemAt(r.cells[1].problems, "train.from: dense_1 has size 16 here but 8 in 'base'; from needs the same architecture", 7, 9, [7, 13]);
    const deeper = check(moonsCell('base', 8), cell('name: deep', 'data: {source: moons}', 'model: [{dense: 8}, {dense: 8}, {dense: 1}]', 'train: {from: base}'));
    assertProblemAt(deeper.cells[1].problems, "train.from: dense_2 has size 8 here but 1 in 'base'", 4, 15);
    const kinds = check(
      cell('name: rnn', 'data: {source: sine}', 'model: [{lstm: 4}, {dense: 1}]'),
      cell('name: gru', 'data: {source: sine}', 'model: [{gru: 4}, {dense: 1}]', 'train: {from: rnn}'),
    );
    assertProblemAt(kinds.cells[1].problems, "train.from: gru_1 is gru here but lstm in 'rnn'", 4, 15);
    const bias = check(moonsCell('base'), cell('name: nb', 'data: {source: moons}', 'model: [{dense: 8, bias: false}, {dense: 1}]', 'train: {from: base}'));
    assertProblemAt(bias.cells[1].problems, "dense_1 differs in bias (false here, true in 'base')", 4, 15);
  });

  it('from requires the same input data', () => {
    const r = check(moonsCell('base'), cell('name: c', 'data: {source: circles}', 'model: [{dense: 8}, {dense: 1}]', 'train: {from: base}'));
    assertProblemAt(r.cells[1].problems, "train.from: 'base' trained on moons, this cell uses circles; from needs the same input data", 4, 15);
    const features = check(
      cell('name: r20', 'data: {source: regression}', 'model: [{dense: 1}]'),
      cell('name: r10', 'data: {source: regression, features: 10}', 'model: [{dense: 1}]', 'train: {from: r20}'),
    );
    assertProblemAt(features.cells[1].problems, "'r20' had 20 features, this cell has 10", 4, 15);
  });

  it('from accepts added dropout, different activations and penalties', () => {
    const r = check(
      moonsCell('base'),
      cell('name: ft', 'data: {source: moons, noise: 0.3}', 'model:', '  - dense: 8', '    activation: tanh', '  - dropout: 0.5', '  - dense: 1', 'regularize: {l1: 0.01}', 'train: {from: base}'),
    );
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.specs.map((s) => s.name), ['base', 'ft']);
  });

  it('from naming a compare cell', () => {
    const r = check(cell('name: cmp', 'compare: [x]'), moonsCell('x', 8, 'train: {from: cmp}'));
    assertProblemAt(r.cells[1].problems, "train.from: 'cmp' is a compare cell", 6, 15);
  });

  it('compare naming a missing cell or a compare cell', () => {
    const r = check(moonsCell('baseline'), cell('name: c1', 'compare:', '  - baseline', '  - baseline-l2', '  - c1'));
    assertProblemAt(r.cells[1].problems, "compare: no cell named 'baseline-l2' in this notebook; did you mean 'baseline'?", 4, 5, [4, 16]);
    assertProblemAt(r.cells[1].problems, "compare: 'c1' is a compare cell", 5, 5);
  });

  it('a cell with its own errors still takes part in name checks', () => {
    const r = check(cell('name: x', 'data: {source: moons}', 'model: []'), moonsCell('y', 8, 'train: {from: x}'));
    assert.equal(r.cells[0].spec, undefined);
    assert.deepEqual(r.cells[1].problems, [], 'from a broken but existing cell: not "missing"');
    assert.equal(r.ok, false);
  });
});

describe('runOrder', () => {
  const spec = (name: string, from?: string): ExperimentSpec => {
    const s = { name, train: { from } } as unknown as ExperimentSpec;
    if (from === undefined) delete (s.train as { from?: string }).from;
    return s;
  };
  const names = (specs: ExperimentSpec[]) => runOrder(specs);

  it('keeps notebook order without from', () => {
    assert.deepEqual(names([spec('a'), spec('b'), spec('c')]), ['a', 'b', 'c']);
  });

  it('pulls a from cell forward to run just before the cell that needs it', () => {
    assert.deepEqual(names([spec('c', 'b'), spec('a'), spec('b')]), ['b', 'c', 'a']);
  });

  it('follows chains of from', () => {
    assert.deepEqual(names([spec('d', 'c'), spec('x'), spec('c', 'b'), spec('b', 'a'), spec('a')]), ['a', 'b', 'c', 'd', 'x']);
  });

  it('leaves a from that runs earlier anyway in place', () => {
    assert.deepEqual(names([spec('a'), spec('b', 'a'), spec('c', 'a')]), ['a', 'b', 'c']);
  });

  it('ignores a from to an absent cell and terminates on cycles', () => {
    assert.deepEqual(names([spec('a', 'zzz'), spec('b')]), ['a', 'b']);
    const cyc = names([spec('a', 'b'), spec('b', 'a'), spec('c')]);
    assert.deepEqual([...cyc].sort(), ['a', 'b', 'c']);
    assert.equal(cyc.length, 3);
  });
});
