// What a model's held-out figures (its `testLoss`, `testMetric`, `final.test`) are
// scored on. A validated sweep point is scored on training rows it held out, never on
// the test set, and every view names them so; anything that does not say so (a plain
// run, a sweep's refit model, `validate: none`, results from before the field) was
// scored on the test set.

import type { ScoredOn } from './result';

/** `validation` only when `value` says so; anything else is the test set. */
export function scoredOnOf(value: unknown): ScoredOn {
  return value === 'validation' ? 'validation' : 'test';
}
