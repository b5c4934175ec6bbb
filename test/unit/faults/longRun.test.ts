// 100,000 epochs of a tiny network: the tensor count and the backend's bytes stay flat
// (no tensor leaks per epoch), read at the first flush and at the end.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { train } from '../../../src/core/engine/trainer';
import { testBackend } from '../helpers/backend';
import { tinyBinary } from '../helpers/datasets';
import { layer, trainSpec } from '../helpers/specs';

describe('a long run does not leak', () => {
  before(() => testBackend());

  it('100,000 epochs: tf.memory() tensors and bytes are the same early, late and after as before', async () => {
    const data = tinyBinary(8, 4);
    const before = tf.memory();
    const samples: { epoch: number; numTensors: number; numBytes: number }[] = [];
    const [outcome] = await train(
      data,
      [{ layers: [layer('dense', 3, { activation: 'tanh', penalties: { kernel: { l2: 1e-3 } } }), layer('dense', 1, { activation: 'sigmoid' })], train: trainSpec({ epochs: 100_000, batch: 8, lr: 0.01 }) }],
      {
        onRows: (_m, rows) => {
          const epoch = rows[rows.length - 1].epoch;
          if (samples.length === 0 || epoch >= samples[samples.length - 1].epoch + 10_000 || epoch === 100_000) samples.push({ epoch, ...tf.memory() });
        },
      },
    );
    assert.equal(outcome.rows.length, 100_000);
    assert.ok(samples.length >= 10 && samples[samples.length - 1].epoch === 100_000, JSON.stringify(samples.map((s) => s.epoch)));
    const first = samples[0];
    for (const s of samples) assert.deepEqual([s.numTensors, s.numBytes], [first.numTensors, first.numBytes], `epoch ${s.epoch} vs epoch ${first.epoch}`);
    outcome.network.model.dispose();
    assert.deepEqual([tf.memory().numTensors, tf.memory().numBytes], [before.numTensors, before.numBytes], 'everything released after the run');
  });
});
