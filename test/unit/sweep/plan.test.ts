import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bestAlpha, chooseAlpha, coarseAlphas, layersWithAlpha, pointsFor, refineAlphas, repeatSeed, selectValue, summarize } from '../../../src/core/sweep/plan';
import type { ExperimentSpec, GridSpec } from '../../../src/core/experiment/experiment';
import type { GridPoint } from '../../../src/core/run/result';
import { layer, trainSpec } from '../helpers/specs';

const point = (alpha: number, repeat: number, accuracy: number, loss = 1 - accuracy): GridPoint => ({
  alpha, repeat, final: { train: { loss, accuracy }, test: { loss, accuracy }, penalty: 0 }, norms: {}, status: 'completed',
});

describe('sweep plan', () => {
  it('coarse alphas from a list: distinct, largest first', () => {
    assert.deepEqual(coarseAlphas([1e-3, 1e-1, 1e-2, 1e-3]), [1e-1, 1e-2, 1e-3]);
  });

  it('coarse alphas from a range: perDecade values per factor of 10, ends included', () => {
    assert.deepEqual(coarseAlphas({ from: 1e-6, to: 1e-1, perDecade: 1 }), [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6]);
    const two = coarseAlphas({ from: 1e-3, to: 1e-1, perDecade: 2 });
    assert.equal(two.length, 5);
    assert.deepEqual([two[0], two[2], two[4]], [0.1, 0.01, 0.001]);
    assert.ok(Math.abs(two[1] - 0.0316) < 1e-4);
  });

  it('refine puts n values inside the decade around the best value, never repeating a tried one', () => {
    const r = refineAlphas(1e-3, 4, [1e-2, 1e-3, 1e-4]);
    assert.equal(r.length, 4);
    for (const a of r) assert.ok(a > 1e-4 && a < 1e-2 && a !== 1e-3, `${a} inside (1e-4, 1e-2)`);
    assert.deepEqual(r, [...r].sort((a, b) => b - a));
    assert.deepEqual(refineAlphas(1e-3, 1, [1e-3]), [], 'the only value inside would be best itself');
  });

  it('repeats get distinct seeds, the first keeps the cell seed', () => {
    const seeds = [0, 1, 2, 3, 4].map((r) => repeatSeed(7, r));
    assert.equal(seeds[0], 7);
    assert.equal(new Set(seeds).size, 5);
    const spec = { grid: { alpha: [1], repeats: 3, refine: 0, select: 'test.accuracy', validate: { kind: 'none' }, rule: 'best' }, train: trainSpec({ seed: 7 }) } as unknown as ExperimentSpec;
    assert.deepEqual(pointsFor(spec, [0.1, 0.01], false).map((p) => [p.alpha, p.repeat, p.seed]), [
      [0.1, 0, 7], [0.1, 1, repeatSeed(7, 1)], [0.1, 2, repeatSeed(7, 2)],
      [0.01, 0, 7], [0.01, 1, repeatSeed(7, 1)], [0.01, 2, repeatSeed(7, 2)],
    ]);
  });

  it('alpha replaces the coefficient of every penalty, parts and terms alike', () => {
    const layers = [
      layer('dense', 4, { penalties: { kernel: { l1: 0.5, l2: 0.25 }, bias: { l2: 3 }, activity: { expabs: 1 } } }),
      layer('dense', 1, { penalties: {} }),
    ];
    const out = layersWithAlpha(layers, 0.01);
    assert.deepEqual(out[0].penalties, { kernel: { l1: 0.01, l2: 0.01 }, bias: { l2: 0.01 }, activity: { expabs: 0.01 } });
    assert.deepEqual(out[1].penalties, {});
    assert.deepEqual(layers[0].penalties.kernel, { l1: 0.5, l2: 0.25 }, 'the cell itself is untouched');
  });

  it('best selection: mean over repeats, higher accuracy or lower loss wins, with the spread', () => {
    const grid: GridSpec = { alpha: [], repeats: 2, refine: 0, select: 'test.accuracy', validate: { kind: 'none' }, rule: 'best' };
    const runs = [point(0.1, 0, 0.6), point(0.1, 1, 0.7), point(0.01, 0, 0.9), point(0.01, 1, 0.8), point(0.001, 0, 0.95), point(0.001, 1, 0.55)];
    const best = bestAlpha(grid, runs)!;
    assert.equal(best.alpha, 0.01);
    assert.ok(Math.abs(best.mean - 0.85) < 1e-12);
    assert.ok(Math.abs(best.std - Math.SQRT1_2 * 0.1) < 1e-12);
    assert.equal(bestAlpha({ ...grid, select: 'test.loss' }, runs)!.alpha, 0.01);
    const failed = { ...point(0.001, 2, 1), status: 'diverged' as const };
    assert.equal(summarize(grid, [...runs, failed]).find((s) => s.alpha === 0.001)!.n, 2, 'a diverged repeat does not count');
  });

  // Validation points: final.train on the fold's training rows, final.test on the fold
  // (scoredOn validation). Train and validation differ, so a mix-up shows.
  const cv = (alpha: number, fold: number, valLoss: number, trainLoss = valLoss / 4): GridPoint => ({
    alpha, repeat: 0, fold, scoredOn: 'validation', status: 'completed', norms: {},
    final: { train: { loss: trainLoss, accuracy: 1 }, test: { loss: valLoss, accuracy: 1 - valLoss }, penalty: 0 },
  });

  it('1se picks what a hand computation picks: the largest alpha within one standard error of the best mean', () => {
    // Validation losses per alpha (4 folds each). Hand computation:
    //   1e-1: mean 0.600
    //   1e-2: 0.40 0.44 0.36 0.40 -> mean 0.400
    //   3e-3: mean 0.335
    //   1e-3: 0.30 0.40 0.20 0.30 -> mean 0.300 (the best), std sqrt(0.02 / 3) = 0.08165, se = std / 2 = 0.04082
    //   1e-4: 0.33 0.31 0.35 0.33 -> mean 0.330
    // Threshold 0.300 + 0.04082 = 0.34082: 3e-3, 1e-3 and 1e-4 are within, 1e-2 is not;
    // 1se chooses 3e-3 (the largest within), best chooses 1e-3.
    const runs = [
      ...[0.6, 0.6, 0.6, 0.6].map((v, f) => cv(1e-1, f, v)),
      ...[0.4, 0.44, 0.36, 0.4].map((v, f) => cv(1e-2, f, v)),
      ...[0.335, 0.335, 0.335, 0.335].map((v, f) => cv(3e-3, f, v)),
      ...[0.3, 0.4, 0.2, 0.3].map((v, f) => cv(1e-3, f, v)),
      ...[0.33, 0.31, 0.35, 0.33].map((v, f) => cv(1e-4, f, v)),
    ];
    const grid = { select: 'validation.loss', rule: '1se' as const };
    const stats = summarize(grid, runs);
    const at = (a: number) => stats.find((s) => s.alpha === a)!;
    assert.ok(Math.abs(at(1e-3).se - Math.sqrt(0.02 / 3) / 2) < 1e-12);
    assert.ok(Math.abs(at(1e-3).train!.mean - 0.075) < 1e-12, 'the training-row figure is summarized apart');
    assert.ok(Math.abs(at(1e-3).beside!.mean - 0.7) < 1e-12 && at(1e-3).beside!.key === 'validation.accuracy');
    const oneSe = bestAlpha(grid, runs)!;
    assert.equal(oneSe.alpha, 3e-3);
    assert.equal(oneSe.bestAlpha, 1e-3);
    assert.deepEqual(oneSe.within, [3e-3, 1e-3, 1e-4]);
    assert.equal(bestAlpha({ ...grid, rule: 'best' }, runs)!.alpha, 1e-3);
    // Accuracy: higher is better; the threshold is below the best mean.
    const acc = bestAlpha({ select: 'validation.accuracy', rule: '1se' }, runs)!;
    assert.equal(acc.bestAlpha, 1e-3);
    assert.equal(acc.alpha, 3e-3);
  });

  it('ties go to the larger alpha; NaN values and alphas without a finite value are left out', () => {
    const runs = [cv(1e-1, 0, 0.5), cv(1e-1, 1, 0.5), cv(1e-2, 0, 0.5), cv(1e-2, 1, 0.5), cv(1e-3, 0, NaN), cv(1e-3, 1, NaN), cv(1e-4, 0, 0.2), cv(1e-4, 1, NaN)];
    const stats = summarize({ select: 'validation.loss' }, runs);
    assert.deepEqual(stats.map((s) => s.alpha), [1e-4, 1e-2, 1e-1], 'the all-NaN alpha has no statistics');
    assert.equal(stats[0].n, 1, 'the NaN fold does not count');
    assert.equal(bestAlpha({ select: 'validation.loss', rule: 'best' }, runs)!.alpha, 1e-4);
    const tie = runs.filter((r) => r.alpha >= 1e-2);
    assert.equal(bestAlpha({ select: 'validation.loss', rule: 'best' }, tie)!.alpha, 1e-1, 'a tie goes to the larger alpha');
    assert.equal(chooseAlpha([], 'validation.loss', '1se'), null);
  });

  it('validation figures come from validation points only; test figures from test-scored points only', () => {
    const p = cv(1e-2, 0, 0.4);
    assert.equal(selectValue('validation.loss', p).value, 0.4);
    assert.ok(Number.isNaN(selectValue('test.loss', p).value), 'a validation point has no test figure');
    assert.equal(selectValue('train.loss', p).value, 0.1);
    const onTest = point(1e-2, 0, 0.8);
    assert.ok(Number.isNaN(selectValue('validation.accuracy', onTest).value));
    assert.equal(selectValue('test.accuracy', onTest).value, 0.8);
  });
});
