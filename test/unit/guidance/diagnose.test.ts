import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, recommendAlpha, movingAverage, ACCURACY_GAP_POINTS } from '../../../src/core/guidance/diagnose';
import { chooseAlpha, summarize } from '../../../src/core/sweep/plan';
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
  // By hand, a centred window of 5: at epoch 41 the mean of 0.62, 0.61, 0.60, 0.61, 0.62
  // = 0.612; at the last epoch the window shrinks to 1.17, 1.18, 1.19 = 1.18.
  assert.ok(Math.abs(f.figures.testLossMin! - 0.612) < 1e-12);
  assert.ok(Math.abs(f.figures.testLossFinal! - 1.18) < 1e-12);
  assert.ok(Math.abs(f.figures.testLossRise! - (1.18 - 0.612) / 0.612) < 1e-12);
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

/** A sweep result whose statistics and choice come from the sweep's own derivation (plan.ts), rule best unless given. */
function gridResult(means: Record<string, number[]>, select = 'test.accuracy', rule: 'best' | '1se' = 'best'): RunResult {
  const alphas = Object.keys(means).map(Number).sort((a, b) => b - a);
  const runs: GridPoint[] = [];
  for (const a of alphas) {
    means[String(a)]!.forEach((v, repeat) =>
      runs.push({ alpha: a, repeat, final: { train: { loss: 1 - v, accuracy: v }, test: { loss: 1 - v, accuracy: v }, penalty: 0 }, norms: {} }),
    );
  }
  const stats = summarize({ select }, runs);
  return healthyResult({ grid: { alpha: alphas, runs, stats, best: chooseAlpha(stats, select, rule), select, rule } });
}

test('movingAverage: a centred window, shorter at the ends, NaN skipped', () => {
  assert.deepEqual(movingAverage([1, 2, 3, 4, 5, 6], 3), [1.5, 2, 3, 4, 5, 5.5]);
  assert.deepEqual(movingAverage([2, NaN, 4], 3), [2, 3, 4]);
});

test('recommendAlpha reads the sweep\'s choice: mean ± standard error over the models', () => {
  const best = [0.9, 0.92, 0.91, 0.93, 0.91];
  const r = gridResult({ '0.1': [0.6, 0.6, 0.6, 0.6, 0.6], '0.01': [0.85, 0.86, 0.85, 0.86, 0.85], '0.001': best, '0.0001': [0.88, 0.9, 0.89, 0.88, 0.9], '0.00001': [0.87, 0.87, 0.87, 0.87, 0.87] });
  const rec = recommendAlpha(r);
  assert.ok(rec);
  // By hand: mean 0.914, squared deviations sum to 0.00052, std sqrt(0.00052 / 4) = 0.011402, se = std / sqrt(5) = 0.005099.
  assert.equal(rec.alpha, 0.001);
  assert.ok(Math.abs(rec.mean - 0.914) < 1e-12);
  assert.ok(Math.abs(rec.std - Math.sqrt(0.00052 / 4)) < 1e-12);
  assert.ok(Math.abs(rec.se! - Math.sqrt(0.00052 / 4) / Math.sqrt(5)) < 1e-12);
  assert.equal(rec.select, 'test.accuracy');
  assert.equal(rec.atEdge, null);
  // Beside it, the loss on the same rows: 1 - 0.914 = 0.086.
  assert.equal(rec.message, 'alpha 0.001 (test accuracy 91.4% ± 0.51 points (standard error, 5 models), test loss 0.086)');
  assert.equal(recommendAlpha(healthyResult()), null);
  // It never picks again: a stored choice is the one reported.
  const stored = gridResult({ '0.1': [0.6, 0.6], '0.01': [0.9, 0.9] });
  stored.grid!.best = { ...stored.grid!.best!, alpha: 0.1, mean: 0.6 };
  assert.equal(recommendAlpha(stored)!.alpha, 0.1);
});

test('recommendAlpha names the alphas the data cannot tell apart and the 1se choice', () => {
  const r = gridResult({ '0.01': [0.88, 0.9, 0.92], '0.001': [0.89, 0.91, 0.93], '0.0001': [0.7, 0.72, 0.74] }, 'test.accuracy', '1se');
  const rec = recommendAlpha(r)!;
  assert.equal(rec.alpha, 0.01);
  assert.deepEqual(rec.within, [0.01, 0.001]);
  assert.match(rec.message, /chosen as the largest alpha within one standard error of the best mean \(91\.0% at alpha 0\.001\)/);
  assert.match(rec.message, /0\.001 and 0\.01 are within one standard error of the best mean: the data cannot tell them apart/);
});

test('recommendAlpha flags a chosen value at the edge of the range', () => {
  const low = recommendAlpha(gridResult({ '0.1': [0.6, 0.62], '0.01': [0.8, 0.82], '0.001': [0.9, 0.92] }));
  assert.ok(low);
  assert.equal(low.alpha, 0.001);
  assert.equal(low.atEdge, 'low');
  assert.match(low.message, /the chosen value is at the edge of the range \(smallest value searched, 0\.001\): extend it/);
  const high = recommendAlpha(gridResult({ '0.1': [0.95, 0.95], '0.01': [0.8, 0.82], '0.001': [0.7, 0.72] }));
  assert.equal(high?.atEdge, 'high');
  assert.match(high!.message, /edge of the range \(largest value searched, 0\.1\)/);
  // loss: lower is better
  const byLoss = recommendAlpha(gridResult({ '0.1': [0.6, 0.62], '0.01': [0.95, 0.95], '0.001': [0.9, 0.92] }, 'test.loss'));
  assert.equal(byLoss?.alpha, 0.01);
  assert.match(byLoss!.message, /^alpha 0\.01 \(test loss 0\.05 ± 0 \(standard error, 2 models\), test accuracy 95\.0%\)$/);
});

// ---------------------------------------------------------------------------------
// Noise-aware gaps and the evidence of sweeps

const moonsData = { source: 'moons', nTrain: 30, nTest: 70, inputShape: [2], standardize: 'zscore' as const };
const scored = (train: number, test: number, trainLoss = 0.05, testLoss = 0.08) =>
  healthyResult({ data: moonsData, final: { train: { loss: trainLoss, accuracy: train }, test: { loss: testLoss, accuracy: test }, penalty: 0.001 } });

test('an accuracy gap smaller than its binomial standard error is reported as within noise, with n', () => {
  // By hand: sqrt(0.97 * 0.03 / 30 + 0.95 * 0.05 / 70) = sqrt(0.00097 + 0.00067857) = 0.040604 -> 4.1 points.
  const f = diagnose(scored(0.97, 0.95));
  assert.deepEqual(f.map((x) => x.kind), ['healthy']);
  assert.match(f[0]!.message, /gap 2\.0 points, within noise: binomial standard error 4\.1 points on 70 test rows/);
  assert.ok(Math.abs(f[0]!.figures.gapSePoints! - 4.0604) < 1e-3);
});

test('a gap above 5 points but inside its 95% interval is possible overfitting: the advice is to sweep, not to strengthen', () => {
  // By hand: train 100%, test 94.5% on 30 test rows: se = sqrt(0.945 * 0.055 / 30) = 4.16 points,
  // 1.96 se = 8.2 points > the 5.5-point gap: inside the interval.
  const r = healthyResult({ data: { ...moonsData, nTest: 30 }, final: { train: { loss: 0.05, accuracy: 1 }, test: { loss: 0.08, accuracy: 0.945 }, penalty: 0.001 } });
  const f = diagnose(r).find((x) => x.kind === 'overfitting')!;
  assert.equal(f.severity, 'info');
  assert.match(f.message, /^Possible overfitting: train accuracy 100\.0% vs test 94\.5% \(gap 5\.5 points, inside the 95% interval of the gap ±8\.2 points on 30 test rows: it may be noise\)/);
  assert.match(f.message, /not clear evidence that a stronger penalty would help: sweep alpha/);
  assert.ok(!/should help/.test(f.message));
});

test('a gap beyond its 95% interval is overfitting; classification is judged on the loss as well', () => {
  const f = diagnose(scored(1, 0.9, 0.02, 0.3)).find((x) => x.kind === 'overfitting')!;
  assert.equal(f.severity, 'warning');
  // se = sqrt(0.9 * 0.1 / 70) = 3.59 points; 1.96 se = 7.0 points < 10.
  assert.match(f.message, /gap 10\.0 points, beyond the 95% interval of the gap ±7\.0 points on 70 test rows/);
  assert.match(f.message, /test loss 0\.3 vs train loss 0\.02 \(15\.0×\)/);
  assert.match(f.message, /A stronger penalty \(or more data, or stopping earlier\) should help/);
  // Accuracy equal, but the test loss far above the training loss: overconfidence, possible overfitting.
  const loss = diagnose(scored(0.95, 0.95, 0.05, 0.4)).find((x) => x.kind === 'overfitting')!;
  assert.equal(loss.severity, 'info');
  assert.match(loss.message, /test loss 0\.4 vs train loss 0\.05 \(8\.0×\)/);
});

test('no run is told to strengthen its penalty when a sweep of the same data and network chose no stronger alpha', () => {
  const rising = (r: RunResult) => {
    r.history.testLoss = Array.from({ length: EPOCHS }, (_, i) => 0.6 + 0.01 * Math.abs(i - 40));
    return r;
  };
  let cases = 0;
  for (const train of [1, 0.98]) {
    for (const test of [0.7, 0.85, 0.9, 0.97]) {
      for (const withRise of [false, true]) {
        for (const alpha of [1e-5, 1e-3]) {
          // The run's penalty is l2 0.001 on each layer: a sweep choosing 1e-5 or 1e-3 is no stronger.
          const r = scored(train, test, 0.02, 0.4);
          const findings = diagnose(withRise ? rising(r) : r, { sweeps: [{ cell: 'l2-sweep', alpha, select: 'validation.loss' }] });
          for (const f of findings) {
            assert.ok(!/stronger penalty .*should help|try that strength/.test(f.message), f.message);
          }
          const over = findings.find((f) => f.kind === 'overfitting');
          if (over) {
            cases++;
            assert.match(over.message, new RegExp(`The sweep 'l2-sweep' of the same data and network chose alpha ${alpha === 1e-5 ? '1e-5' : '0\\.001'}`));
            assert.match(over.message, /the evidence does not favour a stronger penalty/);
          }
        }
      }
    }
  }
  assert.ok(cases >= 10, `overfitting found in ${cases} cases`);
  // A sweep that chose a stronger alpha is named as such.
  const f = diagnose(scored(1, 0.8), { sweeps: [{ cell: 's', alpha: 0.01, select: 'validation.loss' }] }).find((x) => x.kind === 'overfitting')!;
  assert.match(f.message, /chose alpha 0\.01, stronger than this run's 0\.001: try that strength/);
});

test('underfitting is not told to lower a penalty that a sweep chose at least as strong', () => {
  const r = healthyResult({ final: { train: { loss: 0.4, accuracy: 0.75 }, test: { loss: 0.42, accuracy: 0.74 }, penalty: 0.6 } });
  const f = diagnose(r, { sweeps: [{ cell: 's', alpha: 0.01, select: 'validation.loss' }] }).find((x) => x.kind === 'underfitting')!;
  assert.match(f.message, /the sweep 's' of the same data and network chose alpha 0\.01, no weaker than this run's 0\.001/);
  assert.ok(!/lower its strength/.test(f.message));
});

test('R² of a constant target is said to be undefined', () => {
  const r = healthyResult({ task: 'regression', metric: 'r2', final: { train: { loss: 0.01, r2: 0.9 }, test: { loss: 0.02, r2: null as unknown as number }, penalty: 0 } });
  const f = diagnose(r).find((x) => x.kind === 'undefined-r2')!;
  assert.match(f.message, /R² is undefined on the test rows: the target is constant there/);
  assert.equal(f.figures.testLoss, 0.02);
});
