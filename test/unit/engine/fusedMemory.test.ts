// A finished trainee's memory goes to the next trainee of its thread (fused/fusedMemory.ts):
// zeroed where the new arrays go, so the next trains exactly as on a fresh memory; a
// disposed trainee refuses to train; memories far larger than asked are not handed on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../src/core/data/random';
import type { Dataset } from '../../../src/core/data/dataset';
import type { LayerSpec, TrainSpec } from '../../../src/core/experiment/experiment';
import { fusedLayoutOf, readWeights } from '../../../src/core/engine/fused/layout';
import { FusedTrainee } from '../../../src/core/engine/fused/fusedTrainee';
import { fusedMemory, POOL } from '../../../src/core/engine/fused/fusedMemory';
import { buildNetwork } from '../../../src/core/engine/network';
import type { EpochRow } from '../../../src/core/run/epochRow';
import { testBackend } from '../helpers/backend';
import { layer, trainSpec } from '../helpers/specs';
import { tinyBinary } from '../helpers/datasets';

function traineeOf(data: Dataset, layers: LayerSpec[], t: TrainSpec): FusedTrainee {
  const layout = fusedLayoutOf(layers, data.inputShape, data.task, data.classes)!;
  const net = buildNetwork(layers, data.inputShape, t.seed);
  const params = new Float64Array(layout.size);
  readWeights(layout, net, params);
  net.model.dispose();
  return new FusedTrainee(layout, { task: data.task, classes: data.classes, outputActivation: 'sigmoid' }, t, data, new Random(t.seed), Int32Array.from({ length: data.nTrain }, (_, i) => i), params);
}

const history = (trainee: FusedTrainee, epochs: number): EpochRow[] => Array.from({ length: epochs }, (_, e) => trainee.runEpoch(e + 1));

describe('trainee memories handed on', () => {
  const layers = [layer('dense', 24, { activation: 'relu', penalties: { kernel: { l2: 1e-3 } } }), layer('dense', 1, { activation: 'sigmoid' })];

  it('the next trainee of the same size gets the memory, zeroed: the same 300-epoch history as on a fresh memory', async () => {
    await testBackend();
    const data = tinyBinary(30, 20);
    const t = trainSpec({ optimizer: 'adam', lr: 0.01, seed: 7 });
    // A fresh memory's history: this trainee is not disposed, its memory not handed on.
    const fresh = history(traineeOf(data, layers, t), 300);
    // Another trainee fills a memory with its own values (moments, activations) and hands it on.
    const first = traineeOf(data, layers, trainSpec({ optimizer: 'adam', lr: 0.05, seed: 8 }));
    history(first, 50);
    const buffer = first.params.buffer;
    first.dispose();
    const next = traineeOf(data, layers, t);
    assert.equal(next.params.buffer, buffer, 'the next trainee trains in the memory handed on');
    assert.deepEqual(history(next, 300), fresh);
    next.dispose();
  });

  it('a disposed trainee refuses to train (its arrays are another\'s), and disposing twice hands the memory on once', async () => {
    await testBackend();
    const data = tinyBinary(30, 20);
    const trainee = traineeOf(data, layers, trainSpec({ seed: 9 }));
    trainee.runEpoch(1);
    const before = POOL.size;
    trainee.dispose();
    trainee.dispose();
    assert.equal(POOL.size, Math.min(before + 1, 4));
    assert.throws(() => trainee.runEpoch(2), /after dispose/);
    assert.throws(() => trainee.trainEpoch(), /after dispose/);
  });

  it('hands on a memory only to an allocation that needs at least half of it, the smallest that fits first', () => {
    const allocate = (doubles: number) => fusedMemory((alloc) => alloc(doubles));
    POOL.clear();
    const small = allocate(8192 * 3); // 3-4 pages
    const large = allocate(8192 * 40); // ~41 pages
    small.release();
    large.release();
    const tiny = allocate(8192); // 2 pages: the small memory is within twice its size, the large is not
    assert.equal(tiny.arrays.buffer, small.arrays.buffer);
    const big = allocate(8192 * 30); // ~31 pages: only the large one fits
    assert.equal(big.arrays.buffer, large.arrays.buffer);
    assert.ok(big.arrays.every((v) => v === 0), 'zeroed');
    const huge = allocate(8192 * 200);
    assert.notEqual(huge.arrays.buffer, large.arrays.buffer);
  });
});
