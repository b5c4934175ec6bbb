// Crafted run results and specs for the guidance tests.
import type { RunResult, History, NormSeries } from '../../../src/core/run/result';
import type { CompletedSpec, DataSpec, ExperimentSpec, LayerSpec } from '../../../src/core/experiment/experiment';
import { completeSpec } from '../../../src/core/cell/completeSpec';
import { classesOf, taskOf } from '../../../src/core/cell/sources';
import { layer, trainSpec } from '../helpers/specs';

export const EPOCHS = 100;
const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

export function flatNorms(n = EPOCHS, value = 2): NormSeries {
  return { l1: range(n, () => value * 3), l2: range(n, () => value), max: range(n, () => value / 2), sparsity: range(n, () => 0) };
}

/** A healthy binary run: both losses fall steadily, small gap, flat norms, small penalty. */
export function healthyResult(extra: Partial<RunResult> = {}): RunResult {
  const n = EPOCHS;
  const history: History = {
    epoch: range(n, (i) => i + 1),
    dataLoss: range(n, (i) => 0.7 * Math.exp(-i / 30) + 0.1),
    penalty: { dense_1: range(n, () => 0.01), dense_2: range(n, () => 0.001) },
    totalLoss: range(n, (i) => 0.7 * Math.exp(-i / 30) + 0.111),
    testLoss: range(n, (i) => 0.7 * Math.exp(-i / 30) + 0.15),
    trainMetric: range(n, (i) => 0.5 + 0.47 * (1 - Math.exp(-i / 20))),
    testMetric: range(n, (i) => 0.5 + 0.45 * (1 - Math.exp(-i / 20))),
    norms: { dense_1: flatNorms(), dense_2: flatNorms(n, 1) },
  };
  return {
    regnb: 1, name: 'cell', runId: 'r1', status: 'completed', error: null, task: 'binary', metric: 'accuracy', backend: 'wasm',
    durationMs: 100,
    layers: [
      { name: 'dense_1', type: 'dense', params: 30, penalty: { kernel: { l2: 0.001 } } },
      { name: 'dense_2', type: 'dense', params: 11, penalty: { kernel: { l2: 0.001 } } },
    ],
    history,
    final: { train: { loss: 0.1, accuracy: 0.97 }, test: { loss: 0.15, accuracy: 0.95 }, penalty: 0.011 },
    store: null,
    ...extra,
  };
}

export function dataSpec(extra: Partial<DataSpec> = {}): DataSpec {
  return {
    source: 'moons', samples: 100, noise: 0.2, seed: 1, shuffle: true, train: 30, standardize: 'zscore', standardizeTarget: false,
    features: 10, informative: 3, classes: 3, window: 8, ...extra,
  };
}

/** A hand-built spec, completed as the parser completes cells (the task from its data source). */
export function spec(model: LayerSpec[], extra: Partial<ExperimentSpec> = {}): CompletedSpec {
  const s: ExperimentSpec = { name: 'cell', data: dataSpec(), model, train: trainSpec({ epochs: 5, batch: 32, lr: 0.001 }), ...extra };
  return completeSpec(s, taskOf(s.data) ?? 'regression', classesOf(s.data));
}

export { layer, trainSpec };
