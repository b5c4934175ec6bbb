import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareTableRows,
  finalSparsity,
  formatCoefficient,
  formatDuration,
  formatNumber,
  formatPenaltySpec,
  gridBestText,
  penaltyShareOf,
  runSummary,
} from '../../../renderers/summary';
import { makeRun } from '../notebook/runFixture';
import type { RunResult } from '../../../src/core/run/result';

describe('renderer summary', () => {
  it('penalty share is penalty / (train loss + penalty)', () => {
    assert.equal(penaltyShareOf({ train: { loss: 0.3 }, test: { loss: 0.5 }, penalty: 0.1 }), 0.1 / 0.4);
    assert.equal(penaltyShareOf({ train: { loss: 0.2 }, test: { loss: 0.5 }, penalty: 0 }), 0);
    assert.equal(penaltyShareOf({ train: { loss: Number.NaN }, test: { loss: 0.5 }, penalty: 0.1 }), null);
    assert.equal(penaltyShareOf({ train: { loss: 0 }, test: { loss: 0 }, penalty: 0 }), null);
    const s = runSummary({ ...makeRun(), final: { train: { loss: 0.3, accuracy: 0.9 }, test: { loss: 0.4, accuracy: 0.8 }, penalty: 0.1 } });
    assert.equal(s.penaltyShare, 0.25);
    assert.equal(s.penaltyShareText, '25.0%');
  });

  it('formats penalty specs per part, elastic net joined, zero terms left out', () => {
    assert.equal(formatPenaltySpec({ kernel: { l2: 0.001 }, bias: { l1: 0.01 } }), 'kernel L2 0.001, bias L1 0.01');
    assert.equal(formatPenaltySpec({ kernel: { l1: 0.01, l2: 0.001 } }), 'kernel L1 0.01 + L2 0.001');
    assert.equal(formatPenaltySpec({ recurrent: { l2: 1e-5 }, kernel: { expabs: 0.1 }, activity: { l1: 2.5e-4 } }), 'kernel expabs 0.1, recurrent L2 1e-5, activity L1 2.5e-4');
    assert.equal(formatPenaltySpec({ kernel: { l2: 0 } }), 'none');
    assert.equal(formatPenaltySpec({}), 'none');
    assert.equal(formatPenaltySpec(undefined), 'none');
    assert.equal(formatCoefficient(0.001), '0.001');
    assert.equal(formatCoefficient(1e-6), '1e-6');
    assert.equal(formatCoefficient(0.5), '0.5');
  });

  it('per layer: params, penalty, final sparsity and L2 norm; total params', () => {
    const run = makeRun({ epochs: 20 });
    run.layers[0].penalty = { kernel: { l2: 0.001 }, bias: { l1: 0.01 } };
    // The last finite value counts (a diverged last epoch is NaN).
    run.history.norms.dense_1.sparsity[19] = Number.NaN;
    run.history.norms.dense_1.sparsity[18] = 0.125;
    const s = runSummary(run);
    assert.deepEqual(
      s.layers.map((l) => [l.name, l.type, l.params, l.penalty, l.sparsity]),
      [
        ['dense_1', 'dense', '100', 'kernel L2 0.001, bias L1 0.01', '12.5%'],
        ['dense_2', 'dense', '200', 'kernel L2 0.001', `${(100 * run.history.norms.dense_2.sparsity[19]).toFixed(1)}%`],
      ],
    );
    assert.equal(s.layers[1].l2, formatNumber(run.history.norms.dense_2.l2[19]));
    assert.equal(s.totalParams, 300);
    assert.equal(finalSparsity(run.history, 'nope'), null);
    assert.equal(finalSparsity(run.history, '__proto__'), null);
  });

  it('scores: accuracy in percent, R² with 3 decimals, losses and penalty', () => {
    const s = runSummary({ ...makeRun(), final: { train: { loss: 0.12345, accuracy: 0.9876 }, test: { loss: 0.2, accuracy: 0.9 }, penalty: 0.05 } });
    assert.deepEqual(s.scores[0], { label: 'accuracy', train: '98.8%', test: '90.0%' });
    assert.deepEqual(s.scores[1], { label: 'loss (data)', train: '0.1235', test: '0.2' });
    assert.equal(s.scores[2].train, '0.05');
    const r = runSummary({ ...makeRun({ metric: 'r2' }), final: { train: { loss: 1, r2: 0.81234 }, test: { loss: 2, r2: -0.5 }, penalty: 0 } });
    assert.deepEqual(r.scores[0], { label: 'R²', train: '0.812', test: '-0.500' });
  });

  it('header: status, error text for cancelled / failed / diverged, backend, duration', () => {
    const ok = runSummary(makeRun()).header;
    assert.equal(ok.status, 'completed');
    assert.equal(ok.error, null);
    assert.equal(ok.backend, 'wasm');
    assert.equal(ok.duration, '5.2 s');
    const diverged = runSummary({ ...makeRun({ status: 'diverged' }), error: 'loss became NaN at epoch 31' }).header;
    assert.equal(diverged.error, 'loss became NaN at epoch 31');
    const failed = runSummary({ ...makeRun({ status: 'failed' }), error: null }).header;
    assert.equal(failed.error, 'The run failed.');
    const cancelled = runSummary({ ...makeRun({ status: 'cancelled', epochs: 12 }), error: null }).header;
    assert.equal(cancelled.error, 'Cancelled after epoch 12.');
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(125_000), '2 min 05 s');
    assert.equal(formatDuration(3_725_000), '1 h 02 min');
  });

  it('names stay plain text in the summary (no markup interpretation needed downstream)', () => {
    const run = makeRun({ name: '<img src=x onerror=alert(1)>' });
    run.layers[0].name = '<b>layer</b>';
    const s = runSummary(run);
    assert.equal(s.header.name, '<img src=x onerror=alert(1)>');
    assert.equal(s.layers[0].name, '<b>layer</b>');
  });

  it('grid best: alpha and mean ± std of the selected score', () => {
    const run = makeRun({ grid: { alphas: [1e-4, 1e-3, 1e-2], repeats: 3 } });
    // A result stored before the sweep kept its statistics: the std it has.
    assert.equal(gridBestText(run), 'alpha 0.001 · test accuracy 90.6% ± 0.4 points (std, 3 models)');
    const validated = makeRun({ grid: { alphas: [1e-4, 1e-3, 1e-2], repeats: 2, validated: true } });
    assert.equal(
      gridBestText(validated),
      'alpha 0.01 by 1se · validation loss 0.31 ± 0.0155 (standard error, 10 models), validation accuracy 84.5% · test accuracy 87.0%, test loss 0.35 (alpha 0.01 refit on all training rows, scored once)',
    );
    assert.ok(runSummary(validated).notes.includes('Sweep: 0.001 and 0.01 are within one standard error of the best mean: the data cannot tell them apart.'));
    assert.equal(runSummary(run).gridBest, gridBestText(run));
    assert.equal(gridBestText(makeRun()), null);
  });

  it('tolerates results with missing parts', () => {
    const bare = { regnb: 1, name: 'x', runId: 'r', status: 'failed', error: 'boom', final: {} } as unknown as RunResult;
    const s = runSummary(bare);
    assert.equal(s.layers.length, 0);
    assert.equal(s.penaltyShare, null);
    assert.equal(s.scores[0].train, '–');
  });

  it('comparison rows: run label (name · short id) and final scores', () => {
    const rows = compareTableRows([makeRun({ name: 'a', runId: '20261125T101500Z-a-1111' }), makeRun({ name: 'b', runId: '20261125T101500Z-b-2222', metric: 'r2' })]);
    assert.deepEqual(
      rows.map((r) => r.run),
      ['a · 1111', 'b · 2222'],
    );
    assert.match(rows[0].testMetric, /% accuracy$/);
    assert.match(rows[1].testMetric, /R²$/);
    assert.match(rows[0].penaltyShare, /%$/);
  });
});
