import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCell } from '../../../src/core/cell/parseCell';
import { formatProblem } from '../../../src/core/cell/problems';
import type { ExperimentSpec } from '../../../src/core/experiment/experiment';
import { assertProblemAt, cell, errors, moons, problemWith } from './helpers';

const parse = (source: string, index = 0) => parseCell(source, { index });

// The example of contract section 2, verbatim.
const CONTRACT_EXAMPLE = `name: l2-moons                 # unique in the notebook; default cell-<n>
data:
  source: moons                # see the list below
  samples: 100
  noise: 0.2
  seed: 1
  shuffle: false               # default true; false keeps generator/file order
  train: 30                    # first N rows (int) or a fraction (0 < f < 1); the rest is the test set
  standardize: true            # z-score with TRAINING statistics (default); minmax; false
model:
  - dense: 500
    activation: relu
  - dense: 1
    activation: sigmoid        # output defaults: sigmoid (binary), softmax (multiclass), linear (regression)
regularize:                    # default penalty for every layer's kernel (and recurrent kernel)
  l2: 0.001
train:
  epochs: 4000
  batch: 32
  optimizer: adam              # adam | sgd | rmsprop | adamw
  lr: 0.001
  seed: 1
`;

describe('parseCell: valid cells', () => {
  it('parses the contract example into the full spec with defaults', () => {
    const r = parse(CONTRACT_EXAMPLE);
    assert.deepEqual(r.problems, []);
    assert.equal(r.kind, 'experiment');
    const expected: ExperimentSpec = {
      name: 'l2-moons',
      data: {
        source: 'moons',
        samples: 100,
        noise: 0.2,
        seed: 1,
        shuffle: false,
        train: 30,
        standardize: 'zscore',
        standardizeTarget: false,
        features: 20,
        informative: 5,
        classes: 3,
        window: 20,
      },
      model: [
        { type: 'dense', size: 500, name: 'dense_1', activation: 'relu', bias: true, penalties: { kernel: { l2: 0.001 } } },
        { type: 'dense', size: 1, name: 'dense_2', activation: 'sigmoid', bias: true, penalties: { kernel: { l2: 0.001 } } },
      ],
      regularize: { l2: 0.001 },
      train: { epochs: 4000, batch: 32, optimizer: 'adam', lr: 0.001, seed: 1, momentum: 0, weightDecay: 0 },
      task: 'binary',
      metric: 'accuracy',
      classes: 2,
      loss: 'binary-crossentropy',
      outputActivation: 'sigmoid',
    };
    assert.deepEqual(r.spec, expected);
  });

  it('fills every default of a minimal cell', () => {
    const r = parse(moons(), 4);
    assert.deepEqual(r.problems, []);
    const spec = r.spec as ExperimentSpec;
    assert.equal(spec.name, 'cell-5');
    assert.deepEqual(spec.data, {
      source: 'moons', samples: 100, noise: 0.2, seed: 1, shuffle: true, train: 0.7, standardize: 'zscore',
      standardizeTarget: false, features: 20, informative: 5, classes: 3, window: 20,
    });
    assert.deepEqual(spec.train, { epochs: 100, batch: 32, optimizer: 'adam', lr: 0.001, seed: 1, momentum: 0, weightDecay: 0 });
    assert.deepEqual(spec.model.map((l) => [l.name, l.activation, l.bias, l.penalties]), [
      ['dense_1', 'relu', true, {}],
      ['dense_2', 'sigmoid', true, {}],
    ]);
    assert.equal(spec.regularize, undefined);
    assert.equal(spec.grid, undefined);
  });

  it('picks noise defaults per source and the output activation per task', () => {
    const blobs = parse(cell('data: {source: blobs}', 'model: [{dense: 3}]')).spec as ExperimentSpec;
    assert.equal(blobs.data.noise, 1.0);
    assert.equal(blobs.model[0].activation, 'softmax');
    const reg = parse(cell('data: {source: regression}', 'model: [{dense: 1}]')).spec as ExperimentSpec;
    assert.equal(reg.data.noise, 10);
    assert.equal(reg.model[0].activation, 'linear');
    const two = parse(cell('data: {source: spiral, classes: 2}', 'model: [{dense: 1}]')).spec as ExperimentSpec;
    assert.equal(two.model[0].activation, 'sigmoid', 'a two-class spiral is binary');
  });

  it('reads standardize values, fractions and CSV sources', () => {
    const mm = parse(cell('data: {source: iris, standardize: minmax, train: 0.5}', 'model: [{dense: 3}]')).spec as ExperimentSpec;
    assert.equal(mm.data.standardize, 'minmax');
    assert.equal(mm.data.train, 0.5);
    const off = parse(cell('data: {source: iris, standardize: false}', 'model: [{dense: 3}]')).spec as ExperimentSpec;
    assert.equal(off.data.standardize, false);
    const on = parse(cell('data: {source: iris, standardize: true}', 'model: [{dense: 3}]')).spec as ExperimentSpec;
    assert.equal(on.data.standardize, 'zscore');
    const typo = parse(cell('data: {source: iris, standardize: minmx}', 'model: [{dense: 3}]'));
    assertProblemAt(typo.problems, "unknown standardize value 'minmx'; did you mean 'minmax'?", 1, 35, [1, 40]);
    const quoted = parse(cell("data: {source: iris, standardize: 'true'}", 'model: [{dense: 3}]'));
    assertProblemAt(quoted.problems, 'standardize: write true without quotes', 1, 35);
    const csv = parse(cell('data:', '  file: data/houses.csv', '  target: price', '  task: regression', 'model: [{dense: 1}]'));
    assert.deepEqual(csv.problems, []);
    const spec = csv.spec as ExperimentSpec;
    assert.deepEqual([spec.data.source, spec.data.file, spec.data.target, spec.data.task], ['file', 'data/houses.csv', 'price', 'regression']);
    assert.equal(spec.model[0].activation, 'linear');
    assert.equal(csv.pending, undefined);
  });

  it('leaves the output activation of a CSV file without task to completeForTask', () => {
    const r = parse(cell('data: {file: a.csv, target: y}', 'model: [{dense: 4}, {dense: 1}]', 'regularize: {l1: 0.1}', 'grid: {alpha: [0.1]}'));
    assert.deepEqual(r.problems, []);
    const spec = r.spec as ExperimentSpec;
    assert.equal(spec.model[1].activation, undefined);
    assert.equal(spec.grid?.select, 'validation.loss');
    assert.deepEqual(r.pending, { outputActivation: true, select: true });
  });

  it('reads layer options, conv defaults and default names', () => {
    const r = parse(cell(
      'data: {source: digits}',
      'model:',
      '  - conv2d: 4',
      '    kernel: 2',
      '    padding: same',
      '  - maxpool2d: 2',
      '  - conv2d: 8',
      '    stride: [2, 1]',
      '    bias: false',
      '  - flatten:',
      '  - dropout: 0.25',
      '  - dense: 16',
      '    name: hidden',
      '  - dense: 10',
    ));
    assert.deepEqual(r.problems, []);
    const m = (r.spec as ExperimentSpec).model;
    assert.deepEqual(m.map((l) => l.name), ['conv2d_1', 'maxpool2d_1', 'conv2d_2', 'flatten_1', 'dropout_1', 'hidden', 'dense_2']);
    assert.deepEqual([m[0].kernel, m[0].stride, m[0].padding, m[0].activation], [[2, 2], [1, 1], 'same', 'relu']);
    assert.deepEqual([m[2].kernel, m[2].stride, m[2].padding, m[2].bias], [[3, 3], [2, 1], 'valid', false]);
    assert.deepEqual([m[3].size, m[3].bias, m[3].activation], [0, false, undefined]);
    assert.equal(m[4].size, 0.25);
    assert.equal(m[6].activation, 'softmax');
  });

  it('defaults returnSequences to true before another recurrent layer and recurrent activations to tanh', () => {
    const r = parse(cell('data: {source: sine}', 'model:', '  - lstm: 8', '  - gru: 4', '  - dense: 1'));
    assert.deepEqual(r.problems, []);
    const m = (r.spec as ExperimentSpec).model;
    assert.deepEqual(m.map((l) => [l.returnSequences, l.activation]), [[true, 'tanh'], [false, 'tanh'], [undefined, 'linear']]);
  });

  it('accepts a recurrent first layer on tabular data (the engine reshapes it)', () => {
    const r = parse(cell('data: {source: breast-cancer}', 'model: [{simplernn: 4}, {dense: 1}]'));
    assert.deepEqual(r.problems, []);
  });

  it('reads train settings and the optimizer-dependent learning rate', () => {
    const sgd = parse(moons('train:', '  optimizer: sgd', '  momentum: 0.9', '  weightDecay: 0.0001', '  from: base')).spec as ExperimentSpec;
    assert.deepEqual(sgd.train, { epochs: 100, batch: 32, optimizer: 'sgd', lr: 0.01, seed: 1, momentum: 0.9, weightDecay: 0.0001, from: 'base' });
    const adamw = parse(moons('train: {optimizer: adamw, weightDecay: 0.01, lr: 0.005}')).spec as ExperimentSpec;
    assert.deepEqual([adamw.train.lr, adamw.train.weightDecay], [0.005, 0.01]);
  });

  it('reads a grid with list or range alpha; by default 5-fold validation loss and the 1se rule', () => {
    const list = parse(moons('regularize: {l2: 0.001}', 'grid:', '  alpha: [1e-1, 1e-2, 1e-3]', '  repeats: 5', '  refine: 4')).spec as ExperimentSpec;
    const defaults = { select: 'validation.loss', validate: { kind: 'folds', folds: 5 }, rule: '1se' };
    assert.deepEqual(list.grid, { alpha: [0.1, 0.01, 0.001], repeats: 5, refine: 4, ...defaults });
    const range = parse(cell('data: {source: sine}', 'model: [{dense: 1}]', 'regularize: {l1: 0.1}', 'grid: {alpha: {from: 1e-6, to: 1e-1}}')).spec as ExperimentSpec;
    assert.deepEqual(range.grid, { alpha: { from: 1e-6, to: 0.1, perDecade: 1 }, repeats: 1, refine: 0, ...defaults });
  });

  it('reads grid validate and rule; selecting on the test set warns of the optimism and validates on nothing', () => {
    const grid = (...lines: string[]) => parse(moons('regularize: {l2: 0.001}', 'grid:', '  alpha: [1e-1, 1e-2]', ...lines));
    const holdout = grid('  validate: {holdout: 0.25}', '  rule: best', '  select: validation.accuracy');
    assert.deepEqual(holdout.problems, []);
    assert.deepEqual((holdout.spec as ExperimentSpec).grid, { alpha: [0.1, 0.01], repeats: 1, refine: 0, select: 'validation.accuracy', validate: { kind: 'holdout', fraction: 0.25 }, rule: 'best' });
    assert.deepEqual((grid('  validate: {folds: 3}').spec as ExperimentSpec).grid!.validate, { kind: 'folds', folds: 3 });
    const onTest = grid('  select: test.accuracy');
    assert.deepEqual((onTest.spec as ExperimentSpec).grid!.validate, { kind: 'none' }, 'test selection trains every point on all training rows');
    const w = onTest.problems.find((p) => p.severity === 'warning')!;
    assert.match(w.message, /chooses alpha on the test set, so the test score of the chosen alpha is optimistic/);
    assert.deepEqual([w.line, w.column], [9, 11]);
    const none = grid('  validate: none', '  select: test.loss');
    assert.deepEqual((none.spec as ExperimentSpec).grid!.validate, { kind: 'none' });
    assertProblemAt(grid('  validate: none').problems, 'validate: none leaves no validation rows for select validation.loss', 9, 13);
    assertProblemAt(grid('  validate: {folds: 5}', '  select: test.loss').problems, 'select test.loss scores every point on the test set, so these validation rows would not be used', 9, 13);
    assertProblemAt(grid('  validate: {folds: 1}').problems, 'folds must be', 9, 21);
    assertProblemAt(grid('  validate: {folds: 21}').problems, 'folds must be', 9, 21);
    assertProblemAt(grid('  validate: {holdout: 1}').problems, 'holdout must be', 9, 23);
    assertProblemAt(grid('  validate: {folds: 3, holdout: 0.2}').problems, 'give exactly one of folds and holdout', 9, 13);
    assertProblemAt(grid('  validate: five').problems, 'validate must be {folds: k}', 9, 13);
    assertProblemAt(grid('  rule: 2se').problems, "unknown selection rule '2se'", 9, 9);
  });

  it('reads compare cells', () => {
    const r = parse(cell('name: side-by-side', 'compare: [baseline, l2-moons]'));
    assert.deepEqual([r.kind, r.name, r.compare, r.spec, r.problems], ['compare', 'side-by-side', ['baseline', 'l2-moons'], undefined, []]);
  });
});

describe('parseCell: problems with exact positions', () => {
  it('unknown key, with the closest known key suggested', () => {
    const r = parse(moons('train:', '  epoch: 10'));
    assertProblemAt(r.problems, "unknown key 'epoch' in train; did you mean 'epochs'?", 7, 3, [7, 8]);
    assert.equal(r.spec, undefined);
  });

  it('moons, circles, blobs: a seed scikit-learn refuses, at the value; other sources take any integer', () => {
    const r = parse(cell('data:', '  source: blobs', '  seed: -3', 'model:', '  - dense: 3'));
    assertProblemAt(r.problems, 'blobs draws like scikit-learn, whose random_state must be an integer from 0 to 4294967295; got -3', 3, 9, [3, 11]);
    assert.deepEqual(errors(parse(cell('data:', '  source: xor', '  seed: -3', 'model:', '  - dense: 1')).problems), []);
  });

  it('unknown key without a close match lists the known keys', () => {
    const r = parse(moons('colour: red'));
    const p = assertProblemAt(r.problems, "unknown key 'colour'", 6, 1, [6, 7]);
    assert.match(p.message, /known keys: name, data, model/);
  });

  it('unknown enumerated values suggest the closest', () => {
    const r = parse(cell('data:', '  source: moon', 'model:', '  - dense: 1', '    activation: sigmod', 'train: {optimizer: adan}'));
    assertProblemAt(r.problems, "unknown data source 'moon'; did you mean 'moons'?", 2, 11, [2, 15]);
    assertProblemAt(r.problems, "unknown activation 'sigmod'; did you mean 'sigmoid'?", 5, 17, [5, 23]);
    assertProblemAt(r.problems, "unknown optimizer 'adan'; did you mean 'adam'?", 6, 20, [6, 24]);
  });

  it('wrong types point at the value', () => {
    const r = parse(cell('data:', '  source: moons', '  shuffle: yes', '  samples: "200"', 'model:', '  - dense: 1', 'train:', '  epochs: 2.5', '  batch: [32]'));
    assertProblemAt(r.problems, "shuffle must be true or false, got the text 'yes'", 3, 12, [3, 15]);
    assertProblemAt(r.problems, 'samples must be an integer >= 2, got the text \'200\' (remove the quotes', 4, 12, [4, 17]);
    assertProblemAt(r.problems, 'epochs must be an integer >= 1, got 2.5', 8, 11, [8, 14]);
    assertProblemAt(r.problems, 'batch must be an integer >= 1, got a list', 9, 10, [9, 14]);
  });

  it('negative, NaN and infinite penalty strengths, and non-numbers', () => {
    const r = parse(moons('regularize:', '  l2: -0.1', '  l1: .nan', '  expabs: .inf'));
    assertProblemAt(r.problems, 'penalty strength l2 must be a number >= 0, got -0.1', 7, 7, [7, 11]);
    assertProblemAt(r.problems, 'penalty strength l1 must be a number >= 0, got .nan', 8, 7, [8, 11]);
    assertProblemAt(r.problems, 'penalty strength expabs must be a number >= 0, got .inf', 9, 11, [9, 15]);
    const text = parse(moons('regularize: {l2: small}'));
    assertProblemAt(text.problems, "penalty strength l2 must be a number >= 0, got the text 'small'", 6, 18, [6, 23]);
  });

  it('an empty penalty map, and a penalty that is neither a map nor none', () => {
    const r = parse(moons('regularize: {}'));
    assertProblemAt(r.problems, 'empty penalty map in regularize', 6, 13, [6, 15]);
    const nothing = parse(moons('regularize:'));
    assertProblemAt(nothing.problems, 'regularize must be a penalty like {l2: 0.001}, or none; got nothing', 6, 1, [6, 11]);
    const typo = parse(moons('regularize: nothing'));
    assertProblemAt(typo.problems, "got the text 'nothing'", 6, 13, [6, 20]);
    const none = parse(moons('regularize: None'));
    assertProblemAt(none.problems, "did you mean 'none'?", 6, 13, [6, 17]);
  });

  it('train larger than the data set', () => {
    const r = parse(cell('data:', '  source: moons', '  train: 120', 'model: [{dense: 1}]'));
    assertProblemAt(r.problems, 'train: 120 rows asked but the data set has 100; leave some for the test set', 3, 10, [3, 13]);
    const iris = parse(cell('data: {source: iris, train: 150}', 'model: [{dense: 3}]'));
    assertProblemAt(iris.problems, 'train: 150 rows asked but the data set has 150', 1, 29, [1, 32]);
    const fraction = parse(cell('data: {source: moons, samples: 10, train: 0.99}', 'model: [{dense: 1}]'));
    assertProblemAt(fraction.problems, 'train: 0.99 of 10 rows is all of them', 1, 43);
    const bad = parse(cell('data: {source: moons, train: 1.5}', 'model: [{dense: 1}]'));
    assertProblemAt(bad.problems, 'train must be a whole number of rows or a fraction below 1, got 1.5', 1, 30);
    const zero = parse(cell('data: {source: moons, train: 0}', 'model: [{dense: 1}]'));
    assertProblemAt(zero.problems, 'train must be a number > 0, got 0', 1, 30);
    // A CSV file's row count is unknown before reading it.
    assert.deepEqual(parse(cell('data: {file: a.csv, target: y, task: binary, train: 5000}', 'model: [{dense: 1}]')).problems, []);
  });

  it('output layer size incompatible with the task', () => {
    const r = parse(cell('data: {source: iris}', 'model:', '  - dense: 8', '  - dense: 2'));
    assertProblemAt(r.problems, 'iris has 3 classes, so the output layer needs 3 units', 4, 12, [4, 13]);
    const binary = parse(cell('data: {source: moons}', 'model: [{dense: 2}]'));
    assertProblemAt(binary.problems, 'moons is a binary task: the output is 1 unit', 2, 17, [2, 18]);
    const reg = parse(cell('data: {source: diabetes}', 'model:', '  - dense: 3'));
    assertProblemAt(reg.problems, 'diabetes is a regression task: the output is 1 unit, the predicted value; got 3', 3, 12);
    const blobs = parse(cell('data: {source: blobs, classes: 4}', 'model: [{dense: 3}]'));
    assertProblemAt(blobs.problems, 'blobs has 4 classes', 2, 17);
  });

  it('output activation incompatible with the task', () => {
    const softmax = parse(cell('data: {source: moons}', 'model:', '  - dense: 1', '    activation: softmax'));
    assertProblemAt(softmax.problems, 'softmax on a single unit always outputs 1', 4, 17, [4, 24]);
    const reg = parse(cell('data: {source: regression}', 'model:', '  - dense: 1', '    activation: sigmoid'));
    assertProblemAt(reg.problems, 'sigmoid only outputs values in (0, 1): the output of a regression task (regression) uses linear', 4, 17);
    const relu = parse(cell('data: {source: wine}', 'model:', '  - dense: 3', '    activation: relu'));
    assertProblemAt(relu.problems, 'relu does not give class probabilities: the output of a multiclass task (wine) uses softmax', 4, 17);
    const warn = parse(cell('data: {source: sine}', 'model:', '  - dense: 1', '    activation: relu'));
    assertProblemAt(warn.problems, 'relu output is bounded below', 4, 17, undefined, 'warning');
    assert.ok(warn.spec, 'a warning keeps the spec');
  });

  it('the output layer must be dense and last', () => {
    const lstm = parse(cell('data: {source: sine}', 'model:', '  - dense: 4', '  - lstm: 1'));
    assertProblemAt(lstm.problems, 'lstm needs a sequence as input, but layer 1 (dense) before it gives a flat vector', 4, 5);
    assertProblemAt(lstm.problems, 'the output layer must be dense, but the last layer with weights is layer 2 (lstm)', 4, 5, [4, 9]);
    const trailing = parse(cell('data: {source: moons}', 'model:', '  - dense: 1', '  - dropout: 0.5'));
    assertProblemAt(trailing.problems, 'nothing can follow the output layer, layer 1 (dense): move dropout before it', 4, 5, [4, 12]);
    const none = parse(cell('data: {source: moons}', 'model:', '  - flatten'));
    assertProblemAt(none.problems, 'the model has no layer with weights', 2, 1, [2, 6]);
  });

  it('a recurrent part on a dense layer', () => {
    const r = parse(moons('regularize: {l2: 0.1}').replace('  - dense: 8\n', '  - dense: 8\n    regularize:\n      recurrent: {l2: 0.1}\n'));
    assertProblemAt(r.problems, 'recurrent has no meaning for dense: only lstm, gru and simplernn have recurrent weights', 6, 7, [6, 16]);
  });

  it('options that do not apply to the layer type', () => {
    const r = parse(cell('data: {source: digits}', 'model:', '  - conv2d: 4', '  - maxpool2d: 2', '    activation: relu', '  - dense: 10', '    kernel: 3', '    regularize: {l2: 1}'));
    assertProblemAt(r.problems, 'activation has no meaning for maxpool2d', 5, 5, [5, 15]);
    assertProblemAt(r.problems, 'kernel has no meaning for dense', 7, 5, [7, 11]);
    assert.equal(errors(r.problems).length, 2);
    const drop = parse(cell('data: {source: moons}', 'model:', '  - dropout: 0.2', '    regularize: {l2: 1}', '  - dense: 1'));
    assertProblemAt(drop.problems, 'regularize has no meaning for dropout', 4, 5);
  });

  it('layer sizes: misindented options, bad rates, two types in one item', () => {
    const r = parse(cell(
      'data: {source: moons}',
      'model:',
      '  - dense:',
      '      activation: relu',
      '  - dropout: 1.5',
      '  - dense: 4',
      '    dropout: 0.5',
      '  - dense: 0',
      '  - dense: 1',
    ));
    assertProblemAt(r.problems, 'dense holds its number of units (dense: 32); options go beside dense', 4, 7);
    assertProblemAt(r.problems, 'dropout (rate) must be a number >= 0 and < 1, got 1.5', 5, 14, [5, 17]);
    assertProblemAt(r.problems, 'layer 3 has two layer types (dense and dropout)', 7, 5, [7, 12]);
    assertProblemAt(r.problems, 'dense (number of units) must be an integer >= 1, got 0', 8, 12);
  });

  it('weightDecay with adam, momentum with adam', () => {
    const r = parse(moons('train:', '  optimizer: adam', '  weightDecay: 0.01', '  momentum: 0.9'));
    const p = assertProblemAt(r.problems, 'weightDecay needs optimizer adamw', 8, 3, [8, 14]);
    assert.match(p.message, /use a penalty/);
    assertProblemAt(r.problems, 'momentum is for optimizer sgd only', 9, 3, [9, 11]);
    const implicit = parse(moons('train: {weightDecay: 0.01}'));
    assertProblemAt(implicit.problems, 'weightDecay needs optimizer adamw', 6, 9);
  });

  it('a grid without any penalty to scale', () => {
    const r = parse(moons('grid:', '  alpha: [0.1, 0.01]'));
    assertProblemAt(r.problems, 'grid sweeps alpha, but the cell has no penalty to scale', 6, 1, [6, 5]);
    const zero = parse(moons('regularize: {l2: 0}', 'grid: {alpha: [0.1]}'));
    assertProblemAt(zero.problems, 'no penalty to scale', 7, 1);
    const layerOnly = parse(moons('grid: {alpha: [0.1]}').replace('  - dense: 1\n', '  - dense: 1\n    regularize: {bias: {l1: 0.1}}\n'));
    assert.deepEqual(layerOnly.problems, [], 'a layer penalty is a penalty to scale');
  });

  it('grid values: alpha, range, select against the task', () => {
    const r = parse(moons('regularize: {l2: 1}', 'grid:', '  alpha: [0.1, -1, 0]', '  select: test.r2', '  repeats: 0'));
    assertProblemAt(r.problems, 'each alpha must be a number > 0, got -1', 8, 16, [8, 18]);
    assertProblemAt(r.problems, 'each alpha must be a number > 0, got 0', 8, 20);
    assertProblemAt(r.problems, 'test.r2 has no meaning for a binary task (moons)', 9, 11, [9, 18]);
    assertProblemAt(r.problems, 'repeats must be an integer >= 1, got 0', 10, 12);
    const range = parse(moons('regularize: {l2: 1}', 'grid:', '  alpha: {from: 1e-1, to: 1e-6, perDecade: 0}'));
    assertProblemAt(range.problems, 'alpha to (0.000001) must be greater than from (0.1)', 8, 27);
    assertProblemAt(range.problems, 'perDecade must be an integer >= 1, got 0', 8, 44);
    const acc = parse(cell('data: {source: sine}', 'model: [{dense: 1}]', 'regularize: {l2: 1}', 'grid: {alpha: [1], select: test.accuracy}'));
    assertProblemAt(acc.problems, 'test.accuracy has no meaning for a regression task (sine)', 4, 28);
    const empty = parse(moons('regularize: {l2: 1}', 'grid: {alpha: []}'));
    assertProblemAt(empty.problems, 'alpha is an empty list', 7, 15);
  });

  it('YAML syntax errors use the library positions', () => {
    const r = parse(cell('data: {source: moons', 'model: [{dense: 1}]'));
    assert.ok(r.problems.length >= 1);
    assert.ok(r.problems.every((p) => p.message.startsWith('YAML: ') && p.severity === 'error'));
    assert.equal(r.spec, undefined);
    const tab = parse('data:\n\tsource: moons\nmodel: [{dense: 1}]\n');
    const p = tab.problems[0];
    assert.match(p.message, /^YAML: /);
    assert.deepEqual([p.line, p.column], [2, 1]);
  });

  it('duplicate keys point at the second one', () => {
    const r = parse(moons('train:', '  epochs: 10', '  batch: 8', '  epochs: 20'));
    assertProblemAt(r.problems, "duplicate key 'epochs' in train (first at 7:3)", 9, 3, [9, 9]);
    const top = parse(moons('data: {source: iris}'));
    assertProblemAt(top.problems, "duplicate key 'data' at the top of the cell (first at 1:1)", 6, 1);
  });

  it('empty cells, comment-only cells and non-map cells', () => {
    assertProblemAt(parse('').problems, 'empty experiment cell', 1, 1);
    assertProblemAt(parse('# just a note\n').problems, 'empty experiment cell', 1, 1);
    assertProblemAt(parse('- dense: 1\n').problems, 'an experiment cell is a map of keys', 1, 1, [1, 11]);
    assertProblemAt(parse('moons\n').problems, "got the text 'moons'", 1, 1);
  });

  it('missing data and model, and data given as a bare source', () => {
    const r = parse(cell('name: x', 'train: {epochs: 1}'));
    assertProblemAt(r.problems, 'missing data', 1, 1, [1, 8]);
    assertProblemAt(r.problems, 'missing model', 1, 1);
    const bare = parse(cell('data: moons', 'model: []'));
    assertProblemAt(bare.problems, 'data must be a map with a source, got the text \'moons\' (write data: {source: moons})', 1, 7);
    assertProblemAt(bare.problems, 'model must be a non-empty list of layers (- dense: 32), got an empty list', 2, 8);
  });

  it('a block value of the wrong kind spans its lines, without the trailing newline', () => {
    const r = parse(cell('data:', '  - moons', '  - circles', 'model: [{dense: 1}]'));
    assertProblemAt(r.problems, 'data must be a map with a source, got a list', 2, 3, [3, 12]);
  });

  it('names: invalid cell name, invalid and duplicate layer names', () => {
    const r = parse(cell('name: my run', 'data: {source: moons}', 'model:', '  - dense: 4', '    name: h', '  - dense: 4', '    name: h', '  - dense: 1'));
    assertProblemAt(r.problems, "name 'my run' is not a valid name", 1, 7, [1, 13]);
    assertProblemAt(r.problems, "layer name 'h' is also the name of layer 1 (dense)", 7, 11, [7, 12]);
    const clash = parse(cell('data: {source: moons}', 'model:', '  - dense: 4', '    name: dense_2', '  - dense: 1'));
    assertProblemAt(clash.problems, "layer name 'dense_2' is also the default name of layer 2 (dense)", 4, 11);
    const numeric = parse(cell('name: 2024', 'data: {source: moons}', 'model: [{dense: 1}]'));
    assert.equal(numeric.spec?.name, '2024');
  });

  it('data keys: CSV requirements, keys for other sources, informative above features', () => {
    const csv = parse(cell('data:', '  file: a.csv', 'model: [{dense: 1}]'));
    assertProblemAt(csv.problems, 'a CSV file needs target: COLUMN', 2, 3, [2, 7]);
    const both = parse(cell('data:', '  source: moons', '  file: a.csv', 'model: [{dense: 1}]'));
    assertProblemAt(both.problems, 'file is for CSV data, but source is moons', 3, 3);
    const other = parse(cell('data:', '  source: iris', '  samples: 300', '  target: species', 'model: [{dense: 3}]'));
    assertProblemAt(other.problems, 'samples has no effect on iris (only generated sources use it)', 3, 3, [3, 10], 'warning');
    assertProblemAt(other.problems, 'target is only for CSV files', 4, 3);
    const reg = parse(cell('data:', '  source: regression', '  features: 3', '  informative: 4', 'model: [{dense: 1}]'));
    assertProblemAt(reg.problems, 'informative (4) must be at most features (3)', 4, 16);
    const small = parse(cell('data: {source: regression, features: 3}', 'model: [{dense: 1}]'));
    assert.equal(small.spec?.data.informative, 3, 'the default informative is capped at features');
    const missing = parse(cell('data: {seed: 3}', 'model: [{dense: 1}]'));
    assertProblemAt(missing.problems, 'data needs a source', 1, 1, [1, 5]);
  });

  it('reports every problem, in source order, formatted line:column: message', () => {
    const r = parse(cell('data: {source: moons, noise: -1}', 'model:', '  - dense: 1', '    activation: tanh', 'train: {epochs: 0, lr: 0}'));
    const lines = r.problems.map(formatProblem);
    assert.deepEqual(lines, [
      '1:30: noise must be a number >= 0, got -1',
      '4:17: tanh does not give a probability: the output of a binary task (moons) uses sigmoid',
      '5:17: epochs must be an integer >= 1, got 0',
      '5:24: lr must be a number > 0, got 0',
    ]);
  });

  it('a compare cell holds only name and a non-empty list of names', () => {
    const r = parse(cell('compare: []', 'data: {source: moons}'));
    assert.equal(r.kind, 'compare');
    assertProblemAt(r.problems, 'compare must be a non-empty list of cell names', 1, 10, [1, 12]);
    assertProblemAt(r.problems, "unknown key 'data' in a compare cell", 2, 1);
    const bad = parse(cell('compare: [a, {b: 1}]'));
    assertProblemAt(bad.problems, 'each compared cell must be a name', 1, 14);
  });

  it('does not repeat the same problem twice', () => {
    const r = parse(moons('train:', '  epoch: 10'));
    problemWith(r.problems, 'epoch');
  });
});
