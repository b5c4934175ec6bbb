// Hand-built specs for engine tests, independent of the cell parser.
import type { LayerSpec, TrainSpec } from '../../../src/core/spec/experiment';

export function layer(type: LayerSpec['type'], size: number, extra: Partial<LayerSpec> = {}): LayerSpec {
  return { type, size, name: extra.name ?? `${type}_${size}`, bias: true, penalties: {}, ...extra };
}

export function trainSpec(extra: Partial<TrainSpec> = {}): TrainSpec {
  return { epochs: 10, batch: 32, optimizer: 'adam', lr: 0.01, seed: 1, momentum: 0, weightDecay: 0, ...extra };
}
