import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALPHA_RANGE_KEYS,
  VALIDATE_KEYS,
  DATA_KEYS,
  GRID_KEYS,
  LAYER_OPTION_KEYS,
  LAYER_TYPE_KEYS,
  PENALTY_PART_KEYS,
  PENALTY_TERM_KEYS,
  SELECT_VALUES,
  TOP_KEYS,
  TRAIN_KEYS,
  VALUE_DOCS,
  keyDocAt,
  keyTablesAt,
} from '../../../src/core/cell/keys';
import { BUNDLED_FACTS } from '../../../src/core/cell/sources';
import { closest } from '../../../src/core/cell/suggest';
import { BUNDLED } from '../../../src/core/data/bundled';
import { ACTIVATIONS, BUNDLED_SOURCES, GENERATED_SOURCES, LAYER_TYPES, OPTIMIZERS, type DataSpec, type TrainSpec } from '../../../src/core/experiment/experiment';
import { PENALTY_KEYS, PENALTY_PARTS } from '../../../src/core/experiment/penalty';

describe('key documentation', () => {
  it('documents every enumerated value of the spec', () => {
    assert.deepEqual(Object.keys(VALUE_DOCS.source).sort(), [...GENERATED_SOURCES, ...BUNDLED_SOURCES, 'file'].sort());
    assert.deepEqual(Object.keys(VALUE_DOCS.activation).sort(), [...ACTIVATIONS].sort());
    assert.deepEqual(Object.keys(VALUE_DOCS.optimizer).sort(), [...OPTIMIZERS].sort());
    assert.deepEqual(Object.keys(VALUE_DOCS.select).sort(), [...SELECT_VALUES].sort());
    assert.deepEqual(Object.keys(LAYER_TYPE_KEYS).sort(), [...LAYER_TYPES].sort());
    assert.deepEqual(Object.keys(PENALTY_TERM_KEYS).sort(), [...PENALTY_KEYS].sort());
    assert.deepEqual(Object.keys(PENALTY_PART_KEYS).sort(), [...PENALTY_PARTS].sort());
  });

  it('documents every field of the data and train specs as a key', () => {
    const dataFields: (keyof DataSpec)[] = ['source', 'file', 'target', 'task', 'samples', 'noise', 'seed', 'shuffle', 'train', 'standardize', 'standardizeTarget', 'features', 'informative', 'classes', 'window'];
    assert.deepEqual(Object.keys(DATA_KEYS).sort(), [...dataFields].sort());
    const trainFields: (keyof TrainSpec)[] = ['epochs', 'batch', 'optimizer', 'lr', 'seed', 'momentum', 'weightDecay', 'from'];
    assert.deepEqual(Object.keys(TRAIN_KEYS).sort(), [...trainFields].sort());
    assert.deepEqual(Object.keys(GRID_KEYS).sort(), ['alpha', 'refine', 'repeats', 'rule', 'select', 'validate']);
    assert.deepEqual(Object.keys(VALIDATE_KEYS).sort(), ['folds', 'holdout']);
    assert.deepEqual(Object.keys(ALPHA_RANGE_KEYS).sort(), ['from', 'perDecade', 'to']);
  });

  it('every entry has a one-line description and a type', () => {
    const tables = [TOP_KEYS, DATA_KEYS, LAYER_TYPE_KEYS, LAYER_OPTION_KEYS, PENALTY_TERM_KEYS, PENALTY_PART_KEYS, TRAIN_KEYS, GRID_KEYS, ALPHA_RANGE_KEYS, VALIDATE_KEYS];
    for (const table of tables) {
      for (const [key, doc] of Object.entries(table)) {
        assert.ok(doc.type.length > 0, `${key}: type`);
        assert.ok(doc.description.length > 10 && !doc.description.includes('\n'), `${key}: description`);
      }
    }
    for (const [kind, values] of Object.entries(VALUE_DOCS)) {
      for (const [v, text] of Object.entries(values)) assert.ok(text.length > 5 && !text.includes('\n'), `${kind}.${v}`);
    }
  });

  it('says how parts left out of a layer regularize behave', () => {
    assert.match(LAYER_OPTION_KEYS.regularize.description, /keep the cell default \(kernel, recurrent\)/);
    assert.match(LAYER_OPTION_KEYS.regularize.description, /unpenalized \(bias, activity\)/);
  });

  it('finds the tables and docs for a path (completion and hover)', () => {
    assert.deepEqual(keyTablesAt([]), [TOP_KEYS]);
    assert.deepEqual(keyTablesAt(['model', 2]), [LAYER_TYPE_KEYS, LAYER_OPTION_KEYS]);
    assert.deepEqual(keyTablesAt(['model', 0, 'regularize']), [PENALTY_TERM_KEYS, PENALTY_PART_KEYS]);
    assert.deepEqual(keyTablesAt(['model', 0, 'regularize', 'bias']), [PENALTY_TERM_KEYS]);
    assert.deepEqual(keyTablesAt(['grid', 'alpha']), [ALPHA_RANGE_KEYS]);
    assert.equal(keyDocAt(['train', 'weightDecay']), TRAIN_KEYS.weightDecay);
    assert.equal(keyDocAt(['model', 1, 'lstm']), LAYER_TYPE_KEYS.lstm);
    assert.equal(keyDocAt(['model', 1, 'regularize', 'l1']), PENALTY_TERM_KEYS.l1);
    assert.equal(keyDocAt(['train', 'nope']), undefined);
  });
});

describe('suggestions', () => {
  it('finds typos, transpositions and spelling variants', () => {
    assert.equal(closest('epoch', Object.keys(TRAIN_KEYS)), 'epochs');
    assert.equal(closest('weight_decay', Object.keys(TRAIN_KEYS)), 'weightDecay');
    assert.equal(closest('optmizer', Object.keys(TRAIN_KEYS)), 'optimizer');
    assert.equal(closest('lstn', LAYER_TYPES), 'lstm');
    assert.equal(closest('sigmiod', ACTIVATIONS), 'sigmoid');
  });

  it('suggests nothing for unrelated words', () => {
    assert.equal(closest('colour', Object.keys(TOP_KEYS)), undefined);
    assert.equal(closest('x', ['epochs', 'batch']), undefined);
  });
});

describe('bundled data set facts', () => {
  it('match the data loader', () => {
    for (const name of BUNDLED_SOURCES) {
      const mine = BUNDLED_FACTS[name];
      const theirs = BUNDLED[name];
      assert.deepEqual([mine.task, mine.rows, mine.features, mine.classes], [theirs.task, theirs.rows, theirs.features, theirs.classes], name);
      assert.deepEqual(mine.image ? [...mine.image] : undefined, theirs.imageShape, name);
    }
  });
});
