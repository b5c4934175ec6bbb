// Hand-built specs for engine tests, independent of the cell parser.
import type { CompletedSpec, ExperimentSpec, GridSpec, LayerSpec, TrainSpec } from '../../../src/core/experiment/experiment';
import { completeSpec } from '../../../src/core/cell/completeSpec';

export function layer(type: LayerSpec['type'], size: number, extra: Partial<LayerSpec> = {}): LayerSpec {
  return { type, size, name: extra.name ?? `${type}_${size}`, bias: true, penalties: {}, ...extra };
}

export function trainSpec(extra: Partial<TrainSpec> = {}): TrainSpec {
  return { epochs: 10, batch: 32, optimizer: 'adam', lr: 0.01, seed: 1, momentum: 0, weightDecay: 0, ...extra };
}

/**
 * A grid cell over a relu network with L2 on both kernels (alpha replaces the 1).
 * Unless given: validate none when `select` reads the test set (5 folds otherwise), rule best.
 * Completed for a binary task (the sigmoid output's).
 */
export function sweepSpec(partial: Omit<GridSpec, 'validate' | 'rule'> & Partial<GridSpec>, epochs = 300, hidden = 64): CompletedSpec {
  const grid: GridSpec = {
    validate: partial.select.startsWith('test.') ? { kind: 'none' } : { kind: 'folds', folds: 5 },
    rule: 'best',
    ...partial,
  };
  const l2 = { kernel: { l2: 1 } };
  const spec: ExperimentSpec = {
    name: 'sweep',
    data: {} as ExperimentSpec['data'],
    model: [layer('dense', hidden, { name: 'hidden', activation: 'relu', penalties: l2 }), layer('dense', 1, { name: 'out', activation: 'sigmoid', penalties: l2 })],
    train: trainSpec({ epochs, batch: 32, lr: 0.01 }),
    grid,
  };
  return completeSpec(spec, 'binary', undefined);
}
