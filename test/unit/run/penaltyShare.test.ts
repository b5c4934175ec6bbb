// One penalty share: the sidebar (run store listing), the notebook summary, the CLI
// summary line, the sweep chart and the diagnosis show the same number for one run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { penaltyShare } from '../../../src/core/run/penaltyShare';
import { summarize } from '../../../src/core/store/runStore';
import { runSummary } from '../../../renderers/summary';
import { summaryLine } from '../../../src/cli/main';
import { runPenaltyShare } from '../../../src/core/charts/gridSpecs';
import { diagnose } from '../../../src/core/guidance/diagnose';
import { healthyResult } from '../guidance/fixtures';

test('penalty share = penalty / (final train loss + penalty), the same in every view of one run', () => {
  // The history's last total loss (an epoch mean of batch losses) differs from the
  // final train loss + penalty: a second denominator would show.
  const r = healthyResult();
  const expected = 0.011 / (0.1 + 0.011);
  assert.notEqual(r.history.totalLoss.at(-1), r.final.train.loss + r.final.penalty);
  assert.equal(penaltyShare(r.final), expected);

  assert.equal(summarize(r, { dir: '/tmp/x', hasModel: false }).penaltyShare, expected, 'sidebar');
  assert.equal(runSummary(r).penaltyShare, expected, 'notebook');
  const cli = /penalty ([\d.]+)% of the loss/.exec(summaryLine(r));
  assert.equal(cli?.[1], (100 * expected).toFixed(1), 'CLI');
  // A stored figure from an older definition does not win over the one definition.
  assert.equal(runPenaltyShare({ alpha: 1, repeat: 0, final: r.final, norms: {}, penaltyShare: 0.5 }), expected, 'sweep chart');
  const healthy = diagnose(r, { standardize: 'zscore' }).find((f) => f.kind === 'healthy');
  assert.equal(healthy?.figures.penaltyShare, expected, 'diagnosis');
});

test('penalty share is undefined, not 0, when a loss is missing or the sum is not positive', () => {
  assert.equal(penaltyShare({ train: { loss: Number.NaN }, test: { loss: 1 }, penalty: 0.1 }), null);
  assert.equal(penaltyShare({ train: { loss: 0 }, test: { loss: 1 }, penalty: 0 }), null);
  assert.equal(penaltyShare({ train: { loss: 0.2 }, test: { loss: 1 }, penalty: 0 }), 0);
  assert.equal(penaltyShare(null), null);
});
