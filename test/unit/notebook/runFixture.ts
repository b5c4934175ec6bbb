// Synthetic run results for the notebook, store and chart tests.
import type { GridPoint, History, NormSeries, RunResult } from '../../../src/core/run/result';
import { chooseAlpha, summarize } from '../../../src/core/sweep/plan';

export interface FixtureOptions {
  name?: string;
  runId?: string;
  epochs?: number;
  layers?: string[];
  status?: RunResult['status'];
  startedAt?: string;
  metric?: 'accuracy' | 'r2';
  /** Add a grid of this many alphas x repeats (x 5 folds scored on validation rows, chosen by 1se, when `validated`). */
  grid?: { alphas: number[]; repeats: number; validated?: boolean };
}

export function makeHistory(epochs: number, layers: string[]): History {
  const ep = Array.from({ length: epochs }, (_, i) => i + 1);
  const penalty: Record<string, number[]> = {};
  const norms: Record<string, NormSeries> = {};
  layers.forEach((l, k) => {
    penalty[l] = ep.map((e) => 0.01 * (k + 1) * (1 + Math.exp(-e / 300)));
    norms[l] = {
      l1: ep.map((e) => 10 * (k + 1) + Math.log(e)),
      l2: ep.map((e) => 2 * (k + 1) + Math.sqrt(e) / 10),
      max: ep.map((e) => 0.5 + (k + 1) * 0.1 + e / 1e5),
      sparsity: ep.map((e) => Math.min(1, e / (epochs * 2))),
    };
  });
  const dataLoss = ep.map((e) => 0.7 * Math.exp(-e / 200) + 0.02);
  const totalLoss = ep.map((_, i) => dataLoss[i] + layers.reduce((a, l) => a + penalty[l][i], 0));
  return {
    epoch: ep,
    dataLoss,
    penalty,
    totalLoss,
    testLoss: ep.map((e) => 0.6 * Math.exp(-e / 250) + 0.15 + e / 1e5),
    trainMetric: ep.map((e) => 1 - 0.5 * Math.exp(-e / 150)),
    testMetric: ep.map((e) => 0.9 - 0.4 * Math.exp(-e / 150)),
    norms,
    trainLoss: ep.map((e) => 0.69 * Math.exp(-e / 210) + 0.02),
  };
}

export function makeRun(opts: FixtureOptions = {}): RunResult {
  const layers = opts.layers ?? ['dense_1', 'dense_2'];
  const epochs = opts.epochs ?? 50;
  const name = opts.name ?? 'l2-moons';
  const history = makeHistory(epochs, layers);
  const last = epochs - 1;
  const result: RunResult = {
    regnb: 1,
    name,
    runId: opts.runId ?? `20261125T101500Z-${name}-3f2a`,
    status: opts.status ?? 'completed',
    error: null,
    task: opts.metric === 'r2' ? 'regression' : 'binary',
    metric: opts.metric ?? 'accuracy',
    backend: 'wasm',
    durationMs: 5210,
    layers: layers.map((l, k) => ({ name: l, type: 'dense', params: 100 * (k + 1), penalty: { kernel: { l2: 0.001 } } })),
    history,
    final: {
      train: { loss: history.trainLoss![last] ?? 0, [opts.metric ?? 'accuracy']: history.trainMetric[last] ?? 0 },
      test: { loss: history.testLoss[last] ?? 0, [opts.metric ?? 'accuracy']: history.testMetric[last] ?? 0 },
      penalty: layers.reduce((a, l) => a + (history.penalty[l][last] ?? 0), 0),
    },
    store: `.regnb/runs/moons/${name}/20261125T101500Z-${name}-3f2a`,
    startedAt: opts.startedAt ?? '2026-11-25T10:15:00.000Z',
  };
  if (opts.grid) {
    const runs: GridPoint[] = [];
    for (const alpha of opts.grid.alphas) {
      for (let repeat = 0; repeat < opts.grid.repeats; repeat++) {
        const peak = Math.exp(-((Math.log10(alpha) + 3) ** 2));
        runs.push({
          alpha,
          repeat,
          status: 'completed',
          final: { train: { loss: 0.1, accuracy: 1 - alpha - repeat * 0.002 }, test: { loss: 0.2, accuracy: 0.8 + 0.1 * peak + repeat * 0.004 }, penalty: alpha },
          norms: Object.fromEntries(layers.map((l) => [l, { l1: 1 / alpha, l2: 2, max: 0.5, sparsity: 0.1 }])),
        });
      }
    }
    result.grid = { alpha: opts.grid.alphas, runs, best: { alpha: 1e-3, mean: 0.906, std: 0.004 }, select: 'test.accuracy' };
    if (opts.grid.validated) {
      // Validation loss lowest at 1e-3 (0.30), 1e-2 within one SE (0.31): 1se chooses 1e-2.
      const folds: GridPoint[] = [];
      for (const alpha of opts.grid.alphas) {
        for (let repeat = 0; repeat < opts.grid.repeats; repeat++) {
          for (let fold = 0; fold < 5; fold++) {
            const loss = 0.3 + 0.2 * (Math.log10(alpha) + 3) ** 2 / 4 + (alpha === 1e-2 ? -0.04 : 0) + 0.06 * ((fold + repeat) % 3 - 1);
            folds.push({ alpha, repeat, fold, scoredOn: 'validation', status: 'completed', final: { train: { loss: loss / 3, accuracy: 0.99 }, test: { loss, accuracy: 1 - loss / 2 }, penalty: alpha }, norms: {} });
          }
        }
      }
      const grid = { select: 'validation.loss', rule: '1se' as const };
      const stats = summarize(grid, folds);
      const best = chooseAlpha(stats, grid.select, grid.rule);
      result.grid = { alpha: opts.grid.alphas, runs: folds, best, stats, select: grid.select, rule: grid.rule, validate: { kind: 'folds', folds: 5 }, test: { alpha: best!.alpha, loss: 0.35, accuracy: 0.87 } };
    }
  }
  return result;
}
