import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { metric } from '../../../src/core/engine/objective';
import { testBackend } from '../helpers/backend';

const regression = { task: 'regression' as const, classes: 1, outputActivation: 'linear' as const };

describe('R²', () => {
  before(testBackend);

  it('is 1 - SSres / SStot by hand, and undefined (NaN) for a constant target instead of -1e14', async () => {
    // y = [1, 2, 3, 4], predictions [1, 2, 3, 5]: SSres = 1, SStot = 5, R² = 0.8.
    const r2 = await metric(regression, tf.tensor2d([[1], [2], [3], [5]]), tf.tensor1d([1, 2, 3, 4])).data();
    assert.ok(Math.abs(r2[0] - 0.8) < 1e-6, `${r2[0]}`);
    const constant = await metric(regression, tf.tensor2d([[5.3], [5.1], [5.2]]), tf.tensor1d([5.3, 5.3, 5.3])).data();
    assert.ok(Number.isNaN(constant[0]), `constant target: ${constant[0]}`);
    // Per member of a stack: one constant, one not.
    const stacked = await metric(regression, tf.tensor3d([[[1], [2]], [[1], [3]]]), tf.tensor2d([[2, 2], [1, 2]]), true).data();
    assert.ok(Number.isNaN(stacked[0]));
    assert.ok(Math.abs(stacked[1] - (1 - 1 / 0.5)) < 1e-6, `${stacked[1]}`);
  });
});
