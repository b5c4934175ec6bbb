// The decision boundary of a model the fused engine trained is drawn by the fused
// inference pass (float64), of any other model by TensorFlow.js (float32). The two must
// agree: the same plane, the same points, and values within the rounding of the stored
// 4 decimals (probabilities) or the same classes but at near ties (multiclass); the
// pass's two implementations (wasm SIMD, JavaScript) must give the same values.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decisionBoundary } from '../../../src/core/engine/finalViews';
import type { MemberConfig } from '../../../src/core/engine/trainer';
import type { Dataset } from '../../../src/core/data/dataset';
import { testBackend } from '../helpers/backend';
import { trainFor } from '../helpers/trainFor';
import { layer, trainSpec } from '../helpers/specs';
import { tinyMulticlass, tutorialMoons } from '../helpers/datasets';

function net(hidden: number, out: { size: number; activation: 'sigmoid' | 'softmax' }, epochs: number, dropout = false): MemberConfig {
  return {
    layers: [
      layer('dense', hidden, { name: 'hidden', activation: 'relu', penalties: { kernel: { l2: 0.001 } } }),
      ...(dropout ? [layer('dropout', 0.1, { name: 'drop' })] : []),
      layer('dense', out.size, { name: 'out', activation: out.activation }),
    ],
    train: trainSpec({ epochs, batch: 32, optimizer: 'adam', lr: 0.01 }),
  };
}

async function trained(data: Dataset, config: MemberConfig) {
  const [out] = await trainFor(data, [config]);
  assert.equal(out.status, 'completed', out.error ?? '');
  return out;
}

describe('decision boundary by the engine that trained the model', () => {
  before(testBackend);

  it('binary, the tutorial network: the fused pass agrees with TensorFlow.js to the stored rounding', async () => {
    const data = await tutorialMoons();
    const out = await trained(data, net(500, { size: 1, activation: 'sigmoid' }, 200));
    assert.equal(out.engine, 'fused');
    const tfjs = decisionBoundary(out.network, data, 'binary', 'tfjs')!;
    const fused = decisionBoundary(out.network, data, 'binary', 'fused')!;
    const js = decisionBoundary(out.network, data, 'binary', 'fused', 'js')!;
    assert.deepEqual({ ...fused, values: [] }, { ...tfjs, values: [] });
    assert.deepEqual(js.values, fused.values);
    let differ = 0;
    for (let i = 0; i < tfjs.values.length; i++) {
      // float32 against float64: a few 1e-5 apart before rounding, so at most one step of the 4th decimal after.
      assert.ok(Math.abs(fused.values[i] - tfjs.values[i]) <= 1e-4 + 1e-12, `value ${i}: fused ${fused.values[i]}, tfjs ${tfjs.values[i]}`);
      if (fused.values[i] !== tfjs.values[i]) differ++;
    }
    assert.ok(differ <= tfjs.values.length / 100, `${differ} of ${tfjs.values.length} values differ`);
    // Not a constant plane: the moons are told apart.
    assert.ok(Math.min(...fused.values) < 0.1 && Math.max(...fused.values) > 0.9);
    out.network.model.dispose();
  });

  it('multiclass: the same class at every point but near ties', async () => {
    const data = tinyMulticlass(60, 30);
    const out = await trained(data, net(16, { size: 3, activation: 'softmax' }, 150));
    assert.equal(out.engine, 'fused');
    const tfjs = decisionBoundary(out.network, data, 'multiclass', 'tfjs')!;
    const fused = decisionBoundary(out.network, data, 'multiclass', 'fused')!;
    assert.equal(fused.kind, 'class');
    const differ = fused.values.filter((v, i) => v !== tfjs.values[i]).length;
    assert.ok(differ <= 3, `${differ} classes differ`);
    assert.deepEqual(new Set(fused.values), new Set([0, 1, 2]));
    out.network.model.dispose();
  });

  it('a network the fused engine does not cover is drawn by TensorFlow.js whatever the engine says', async () => {
    const data = await tutorialMoons();
    const out = await trained(data, net(20, { size: 1, activation: 'sigmoid' }, 20, true));
    assert.equal(out.engine, 'tfjs');
    assert.deepEqual(decisionBoundary(out.network, data, 'binary', 'fused'), decisionBoundary(out.network, data, 'binary', 'tfjs'));
    out.network.model.dispose();
  });
});
