// The completed spec: the task's objective filled once, every layer default filled once,
// and every reader (engine, exports, equivalents) agreeing with it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCell } from '../../../src/core/cell/parseCell';
import { completeSpec, withLayerDefaults } from '../../../src/core/cell/completeSpec';
import { isCompleted, type CompletedSpec } from '../../../src/core/experiment/experiment';
import { kerasScript, pytorchScript } from '../../../src/core/guidance/scriptExport';
import { buildNetwork } from '../../../src/core/engine/network';
import { testBackend } from '../helpers/backend';
import { layer, spec } from '../guidance/fixtures';
import { cell } from './helpers';

const parsed = (...lines: string[]) => parseCell(cell(...lines), { index: 0 });

describe('completeSpec', () => {
  it('blobs with classes: 2 is binary everywhere: one sigmoid unit, binary cross-entropy in Keras and PyTorch', () => {
    const p = parsed('data: {source: blobs, classes: 2}', 'model: [{dense: 8}, {dense: 1}]');
    const s = p.spec as CompletedSpec;
    assert.ok(isCompleted(s));
    assert.deepEqual([s.task, s.classes, s.loss, s.metric, s.outputActivation], ['binary', 2, 'binary-crossentropy', 'accuracy', 'sigmoid']);
    const keras = kerasScript(s);
    assert.match(keras, /loss="binary_crossentropy"/);
    assert.doesNotMatch(keras, /sparse_categorical_crossentropy/);
    assert.match(keras, /layers\.Dense\(1, activation="sigmoid"/);
    assert.match(pytorchScript(s), /F\.binary_cross_entropy/);
  });

  it('blobs with 3 classes: softmax over 3 units, categorical cross-entropy', () => {
    const s = parsed('data: {source: blobs, classes: 3}', 'model: [{dense: 8}, {dense: 3}]').spec as CompletedSpec;
    assert.deepEqual([s.task, s.classes, s.loss, s.outputActivation], ['multiclass', 3, 'categorical-crossentropy', 'softmax']);
    assert.match(kerasScript(s), /loss="sparse_categorical_crossentropy"/);
  });

  it('a CSV file without task: is left incomplete until read', () => {
    const p = parsed('data: {file: data/x.csv, target: y}', 'model: [{dense: 4}, {dense: 1}]');
    assert.equal(isCompleted(p.spec!), false);
    assert.equal(p.spec!.model[1].activation, undefined, 'the output activation waits for the task');
    assert.equal(p.spec!.model[0].activation, 'relu', 'hidden defaults do not depend on the task');
  });

  it('fills every layer field: conv kernel/stride/padding, recurrent returnSequences (dropout skipped)', () => {
    const model = withLayerDefaults([
      layer('conv1d', 4, { name: 'c' }), layer('lstm', 8, { name: 'a' }), layer('dropout', 0.2, { name: 'd' }), layer('gru', 4, { name: 'b' }), layer('dense', 1, { name: 'o' }),
    ]);
    assert.deepEqual([model[0].activation, model[0].kernel, model[0].stride, model[0].padding], ['relu', [3], [1], 'valid']);
    assert.deepEqual(model.map((l) => l.returnSequences), [undefined, true, undefined, false, undefined]);
    assert.deepEqual(model.map((l) => l.activation), ['relu', 'tanh', undefined, 'tanh', undefined]);
  });

  it('a conv layer written without activation gets the same one in the engine and in both exports', async () => {
    await testBackend();
    const s = spec([layer('conv1d', 4, { name: 'conv', kernel: [3] }), layer('flatten', 0, { name: 'f' }), layer('dense', 1, { name: 'out' })], {
      data: { ...spec([]).data, source: 'sine', window: 8 },
    });
    const net = buildNetwork(s.model, [8, 1], 1);
    try {
      const engine = (net.layers[0].layer.getConfig() as { activation: string }).activation;
      assert.equal(engine, 'relu');
      assert.match(kerasScript(s), /layers\.Conv1D\(4, kernel_size=\(3,\), strides=\(1,\), padding="valid", activation="relu"/);
      assert.match(pytorchScript(s), /x = self\.conv\(x\)\n\s+x = torch\.relu\(x\)/);
    } finally {
      net.model.dispose();
    }
  });

  it('is idempotent: completing a completed spec changes nothing', () => {
    const s = parsed('data: {source: iris}', 'model: [{dense: 8}, {dense: 3}]').spec as CompletedSpec;
    assert.deepEqual(completeSpec(s, s.task, s.classes), s);
  });
});
