import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, recommendAlpha, movingAverage, ACCURACY_GAP_POINTS } from '../../../src/core/guidance/diagnose';
import type { GridPoint, RunResult } from '../../../src/core/run/result';
import { healthyResult, EPOCHS, flatNorms } from './fixtures';

const kinds = (r: RunResult, ctx?: { standardize?: string | false }) => diagnose(r, ctx).map((f) => f.kind);

test('a healthy run gives only "healthy", with its figures', () => {
  const f = diagnose(healthyResult(), { standardize: 'zscore' });
  assert.deepEqual(f.map((x) => x.kind), ['healthy']);
  assert.equal(f[0]!.severity, 'info');
  assert.match(f[0]!.message, /train accuracy 97\.0%, test 95\.0% \(gap 2\.0 points\)/);
  assert.ok(Math.abs(f[0]!.figures.penaltyShare! - 0.011 / 0.111) < 1e-12);
});

test('overfitting from the train-test accuracy gap, with the figures in the message', () => {
  const r = healthyResult({ final: { train: { loss: 0.01, accuracy: 1 }, test: { loss: 0.4, accuracy: 0.886 }, penalty: 0.001 } });
  const f = diagnose(r).find((x) => x.kind === 'overfitting');
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /^Overfitting: train accuracy 100\.0% vs test 88\.6% \(gap 11\.4 points\)/);
  assert.ok(Math.abs(f.figures.gapPoints! - 11.4) < 1e-9);
  assert.ok(f.figures.gapPoints! > ACCURACY_GAP_POINTS);
});

test('overfitting from a test loss that turned upward (smoothed), training loss still falling', () => {
  const r = healthyResult();
  // V shape with equal slopes: the smoothed minimum stays at index 40 (epoch 41).
  r.history.testLoss = Array.from({ length: EPOCHS }, (_, i) => 0.6 + 0.01 * Math.abs(i - 40));
  r.history.testLoss[10] = 0.2; // one noisy low point far before: smoothed away (0.2 vs neighbours 0.9)
  const f = diagnose(r).find((x) => x.kind === 'overfitting');
  assert.ok(f, 'overfitting expected');
  assert.equal(f.figures.testLossMinEpoch, 41);
  assert.match(f.message, /the test loss turned upward at epoch 41 .* while the training loss kept falling/);
  const smooth = movingAverage(r.history.testLoss);
  assert.ok(Math.abs(f.figures.testLossRise! - (smooth[EPOCHS - 1]! - smooth[40]!) / smooth[40]!) < 1e-12);
  assert.ok(f.figures.testLossRise! > 0.1);
});

test('a test loss rising less than 10% after its minimum is not overfitting', () => {
  const r = healthyResult();
  r.history.testLoss = Array.from({ length: EPOCHS }, (_, i) => (i < 50 ? 1 - 0.008 * i : 0.6 + 0.0005 * (i - 50)));
  assert.ok(!kinds(r).includes('overfitting'));
});

test('overfitting from the R² gap on regression', () => {
  const r = healthyResult({ task: 'regression', metric: 'r2', final: { train: { loss: 0.01, r2: 0.98 }, test: { loss: 0.5, r2: 0.71 }, penalty: 0 } });
  const f = diagnose(r).find((x) => x.kind === 'overfitting');
  assert.ok(f);
  assert.match(f.message, /train R² 0\.980 vs test 0\.710 \(gap 0\.270\)/);
  const ok = healthyResult({ task: 'regression', metric: 'r2', final: { train: { loss: 0.01, r2: 0.9 }, test: { loss: 0.5, r2: 0.85 }, penalty: 0 } });
  assert.ok(!kinds(ok).includes('overfitting'));
});

test('underfitting when the penalty dominates the training loss and the train metric is low', () => {
  const r = healthyResult({ final: { train: { loss: 0.4, accuracy: 0.75 }, test: { loss: 0.42, accuracy: 0.74 }, penalty: 0.6 } });
  const f = diagnose(r).find((x) => x.kind === 'underfitting');
  assert.ok(f);
  assert.match(f.message, /the penalty is 60\.0% of the final training loss \(0\.6 of 1\) and train accuracy is only 75\.0%/);
  assert.equal(f.figures.penaltyShare, 0.6);
  // high share but a good fit: not underfitting
  const good = healthyResult({ final: { train: { loss: 0.1, accuracy: 0.95 }, test: { loss: 0.12, accuracy: 0.94 }, penalty: 0.3 } });
  assert.ok(!kinds(good).includes('underfitting'));
  // low metric but a small penalty: not underfitting from the penalty
  const weak = healthyResult({ final: { train: { loss: 0.6, accuracy: 0.7 }, test: { loss: 0.6, accuracy: 0.7 }, penalty: 0.01 } });
  assert.ok(!kinds(weak).includes('underfitting'));
});

test('unstandardized inputs under a penalty', () => {
  const f = diagnose(healthyResult(), { standardize: false }).find((x) => x.kind === 'unstandardized');
  assert.ok(f);
  assert.match(f.message, /2 layers have a penalty: the penalty sums weights of inputs on different scales.*standardize: true/);
  assert.equal(f.figures.penalizedLayers, 2);
  assert.ok(!kinds(healthyResult(), { standardize: 'zscore' }).includes('unstandardized'));
  const noPenalty = healthyResult({ layers: healthyResult().layers.map((l) => ({ ...l, penalty: {} })) });
  assert.ok(!kinds(noPenalty, { standardize: false }).includes('unstandardized'));
  // falls back to the result's own data description
  const fromData = healthyResult({ data: { source: 'moons', nTrain: 30, nTest: 70, inputShape: [2], standardize: false } });
  assert.ok(kinds(fromData).includes('unstandardized'));
});

test('growing weights: an L2 norm up by more than 5% over the last 10% of epochs', () => {
  const r = healthyResult();
  r.history.norms.dense_1 = { ...flatNorms(), l2: Array.from({ length: EPOCHS }, (_, i) => (i < 89 ? 1 : 1 + 0.02 * (i - 89))) };
  const f = diagnose(r).find((x) => x.kind === 'growing-weights');
  assert.ok(f);
  assert.equal(f.figures.from, 1);
  assert.ok(Math.abs(f.figures.to! - 1.2) < 1e-12);
  assert.match(f.message, /epochs 90–100\): dense_1 L2 norm 1 → 1\.2 \(\+20\.0%\)\. Train longer or add a penalty/);
  const slow = healthyResult();
  slow.history.norms.dense_1 = { ...flatNorms(), l2: Array.from({ length: EPOCHS }, (_, i) => 1 + 0.001 * i) };
  assert.ok(!kinds(slow).includes('growing-weights'));
});

function gridResult(means: Record<string, number[]>, select?: string): RunResult {
  const alphas = Object.keys(means).map(Number).sort((a, b) => b - a);
  const runs: GridPoint[] = [];
  for (const a of alphas) {
    means[String(a)]!.forEach((v, repeat) =>
      runs.push({ alpha: a, repeat, final: { train: { loss: 1 - v, accuracy: v }, test: { loss: 1 - v, accuracy: v }, penalty: 0 }, norms: {} }),
    );
  }
  return healthyResult({ grid: { alpha: alphas, runs, best: null, ...(select ? { select } : {}) } });
}

test('recommendAlpha: best mean ± std over repeats', () => {
  const best = [0.9, 0.92, 0.91, 0.93, 0.91];
  const r = gridResult({ '0.1': [0.6, 0.6, 0.6, 0.6, 0.6], '0.01': [0.85, 0.86, 0.85, 0.86, 0.85], '0.001': best, '0.0001': [0.88, 0.9, 0.89, 0.88, 0.9], '0.00001': [0.87, 0.87, 0.87, 0.87, 0.87] });
  const rec = recommendAlpha(r);
  assert.ok(rec);
  const mean = best.reduce((s, v) => s + v, 0) / 5;
  const std = Math.sqrt(best.reduce((s, v) => s + (v - mean) ** 2, 0) / 4);
  assert.equal(rec.alpha, 0.001);
  assert.ok(Math.abs(rec.mean - mean) < 1e-12);
  assert.ok(Math.abs(rec.std - std) < 1e-12);
  assert.equal(rec.select, 'test.accuracy');
  assert.equal(rec.atEdge, null);
  assert.equal(rec.message, `alpha 0.001 (test accuracy ${mean.toFixed(3)} ± ${std.toFixed(3)} over 5 repeats)`);
  assert.equal(recommendAlpha(healthyResult()), null);
});

test('recommendAlpha flags a best value at the edge of the range', () => {
  const low = recommendAlpha(gridResult({ '0.1': [0.6, 0.62], '0.01': [0.8, 0.82], '0.001': [0.9, 0.92] }));
  assert.ok(low);
  assert.equal(low.alpha, 0.001);
  assert.equal(low.atEdge, 'low');
  assert.match(low.message, /the best value is at the edge of the range \(smallest value searched, 0\.001\): extend it/);
  const high = recommendAlpha(gridResult({ '0.1': [0.95, 0.95], '0.01': [0.8, 0.82], '0.001': [0.7, 0.72] }));
  assert.equal(high?.atEdge, 'high');
  assert.match(high!.message, /edge of the range \(largest value searched, 0\.1\)/);
  // loss: lower is better
  const byLoss = recommendAlpha(gridResult({ '0.1': [0.6, 0.62], '0.01': [0.95, 0.95], '0.001': [0.9, 0.92] }, 'test.loss'));
  assert.equal(byLoss?.alpha, 0.01);
  assert.match(byLoss!.message, /^alpha 0\.01 \(test loss 0\.050 ± 0\.000 over 2 repeats\)$/);
});
