import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bestAlpha, coarseAlphas, layersWithAlpha, pointsFor, refineAlphas, repeatSeed, summarize } from '../../../src/core/sweep/plan';
import type { ExperimentSpec, GridSpec } from '../../../src/core/spec/experiment';
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
    const spec = { grid: { alpha: [1], repeats: 3, refine: 0, select: 'test.accuracy' }, train: trainSpec({ seed: 7 }) } as unknown as ExperimentSpec;
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
    const grid: GridSpec = { alpha: [], repeats: 2, refine: 0, select: 'test.accuracy' };
    const runs = [point(0.1, 0, 0.6), point(0.1, 1, 0.7), point(0.01, 0, 0.9), point(0.01, 1, 0.8), point(0.001, 0, 0.95), point(0.001, 1, 0.55)];
    const best = bestAlpha(grid, runs)!;
    assert.equal(best.alpha, 0.01);
    assert.ok(Math.abs(best.mean - 0.85) < 1e-12);
    assert.ok(Math.abs(best.std - Math.SQRT1_2 * 0.1) < 1e-12);
    assert.equal(bestAlpha({ ...grid, select: 'test.loss' }, runs)!.alpha, 0.01);
    const failed = { ...point(0.001, 2, 1), status: 'diverged' as const };
    assert.equal(summarize(grid, [...runs, failed]).find((s) => s.alpha === 0.001)!.n, 2, 'a diverged repeat does not count');
  });
});
