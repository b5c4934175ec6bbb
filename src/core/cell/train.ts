// The `train:` section: optimizer and its settings, and the warm start (`from`).

import { isMap } from 'yaml';
import { OPTIMIZERS, type OptimizerName, type TrainSpec } from '../experiment/experiment';
import { TRAIN_KEYS } from './keys';
import { describe, entries, keySpan, readChoice, readName, readNumber, valueSpan, type Ctx, type Entry } from './reader';

export function defaultLr(optimizer: OptimizerName): number {
  return optimizer === 'sgd' ? 0.01 : 0.001;
}

export function readTrainSection(ctx: Ctx, e: Entry | undefined): TrainSpec {
  const spec: TrainSpec = { epochs: 100, batch: 32, optimizer: 'adam', lr: 0.001, seed: 1, momentum: 0, weightDecay: 0 };
  if (!e) return spec;
  if (!isMap(e.value)) {
    ctx.problems.error(valueSpan(ctx, e), `train must be a map (epochs, batch, optimizer, lr, ...), got ${describe(e.value)}`);
    return spec;
  }
  const keys = entries(ctx, e.value, Object.keys(TRAIN_KEYS), 'in train');
  const oe = keys.get('optimizer');
  const optimizer = oe ? readChoice(ctx, oe, 'optimizer', OPTIMIZERS, 'optimizer') : 'adam';
  if (optimizer) spec.optimizer = optimizer;
  spec.lr = defaultLr(spec.optimizer);

  const num = (key: string, rule: Parameters<typeof readNumber>[3]): number | undefined => {
    const ke = keys.get(key);
    return ke ? readNumber(ctx, ke, key, rule) : undefined;
  };
  spec.epochs = num('epochs', { integer: true, min: 1 }) ?? spec.epochs;
  spec.batch = num('batch', { integer: true, min: 1 }) ?? spec.batch;
  spec.lr = num('lr', { above: 0 }) ?? spec.lr;
  spec.seed = num('seed', { integer: true }) ?? spec.seed;

  // Settings of other optimizers would be silently ignored: say so instead.
  const me = keys.get('momentum');
  if (me && optimizer && optimizer !== 'sgd') {
    ctx.problems.error(keySpan(ctx, me), `momentum is for optimizer sgd only; ${optimizer} has its own moment estimates`);
  } else {
    spec.momentum = num('momentum', { min: 0, below: 1 }) ?? spec.momentum;
  }
  const we = keys.get('weightDecay');
  if (we && optimizer && optimizer !== 'adamw' && optimizer !== 'sgd') {
    ctx.problems.error(
      keySpan(ctx, we),
      `weightDecay needs optimizer adamw (or sgd): it is decoupled weight decay; with ${optimizer}, use a penalty (regularize: {l2: ...}) instead`,
    );
  } else {
    spec.weightDecay = num('weightDecay', { min: 0 }) ?? spec.weightDecay;
  }
  const fe = keys.get('from');
  if (fe) {
    const from = readName(ctx, fe, 'from');
    if (from !== undefined) spec.from = from;
  }
  return spec;
}
