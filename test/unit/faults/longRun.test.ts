// Long runs do not leak: the tensor count and the backend's bytes stay flat from the
// first flush to the last (no tensor left behind per epoch), and everything is released
// after the run. 100,000 epochs on the fused engine (what dense networks train on); on
// the TensorFlow.js engine (conv, LSTM, dropout...), whose per-epoch kernels are where a
// leak would come from, as many epochs as a test can afford there.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import type { TrainOptions } from '../../../src/core/engine/trainer';
import { trainFor } from '../helpers/trainFor';
import { testBackend } from '../helpers/backend';
import { tinyBinary } from '../helpers/datasets';
import { layer, trainSpec } from '../helpers/specs';

async function memoryOverRun(epochs: number, engine: TrainOptions['engine']) {
  const data = tinyBinary(8, 4);
  const before = tf.memory();
  const samples: { epoch: number; numTensors: number; numBytes: number }[] = [];
  const [outcome] = await trainFor(
    data,
    [{ layers: [layer('dense', 3, { activation: 'tanh', penalties: { kernel: { l2: 1e-3 } } }), layer('dense', 1, { activation: 'sigmoid' })], train: trainSpec({ epochs, batch: 8, lr: 0.01 }) }],
    {
      engine,
      // Rows are read back (and memory sampled) at every flush: often, to sample the whole run.
      flushMs: 10,
      onRows: (_m, rows) => {
        const epoch = rows[rows.length - 1].epoch;
        if (samples.length === 0 || epoch >= samples[samples.length - 1].epoch + epochs / 10 || epoch === epochs) samples.push({ epoch, ...tf.memory() });
      },
    },
  );
  assert.equal(outcome.rows.length, epochs);
  assert.ok(samples.length >= 3 && samples[samples.length - 1].epoch === epochs, JSON.stringify(samples.map((s) => s.epoch)));
  const first = samples[0];
  for (const s of samples) assert.deepEqual([s.numTensors, s.numBytes], [first.numTensors, first.numBytes], `epoch ${s.epoch} vs epoch ${first.epoch}`);
  outcome.network.model.dispose();
  assert.deepEqual([tf.memory().numTensors, tf.memory().numBytes], [before.numTensors, before.numBytes], 'everything released after the run');
  return outcome.engine;
}

describe('a long run does not leak', () => {
  before(() => testBackend());

  it('100,000 epochs on the fused engine: tf.memory() tensors and bytes the same early, late and after as before', async () => {
    assert.equal(await memoryOverRun(100_000, 'auto'), 'fused');
  });

  it('20,000 epochs on the TensorFlow.js engine: tensors and bytes the same early, late and after as before', async () => {
    assert.equal(await memoryOverRun(20_000, 'tfjs'), 'tfjs');
  });
});
