// Run results with the renderer's extension fields (boundary, weights, grid) for tests.
import type { DecisionBoundary, RunResult, WeightHistogram } from '../../../src/core/run/result';
import { makeRun, type FixtureOptions } from '../notebook/runFixture';

/** A binary-moons-like boundary: P(class 1) = sigmoid(x - y) on an n x n grid, with points. */
export function makeBoundary(n = 40, kind: 'probability' | 'class' = 'probability', classes = 2): DecisionBoundary {
  const xs = Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
  const ys = Array.from({ length: n }, (_, i) => -1.5 + (3 * i) / (n - 1));
  const values: number[] = [];
  for (const y of ys) {
    for (const x of xs) {
      const p = 1 / (1 + Math.exp(-3 * (x - y)));
      values.push(kind === 'probability' ? p : Math.min(classes - 1, Math.floor(p * classes)));
    }
  }
  const points = Array.from({ length: 60 }, (_, k) => {
    const x = -1.8 + ((k * 37) % 60) / 16.7;
    const y = -1.3 + ((k * 11) % 60) / 23;
    return { x, y, label: x > y ? 1 : 0, set: (k % 3 === 0 ? 'test' : 'train') as 'train' | 'test' };
  });
  return { xs, ys, values, kind, points, classNames: kind === 'class' ? Array.from({ length: classes }, (_, i) => `c${i}`) : undefined };
}

export function makeHistogram(center: number, spread: number, bins = 30, total = 500): WeightHistogram {
  const edges = Array.from({ length: bins + 1 }, (_, i) => center - 3 * spread + (6 * spread * i) / bins);
  const raw = Array.from({ length: bins }, (_, i) => Math.exp(-(((edges[i] + edges[i + 1]) / 2 - center) ** 2) / (2 * spread * spread)));
  const sum = raw.reduce((a, b) => a + b, 0);
  const counts = raw.map((r) => Math.round((r / sum) * total));
  return { edges, counts, nearZero: Math.round(total * 0.1), total: counts.reduce((a, b) => a + b, 0) };
}

/** A run with everything the renderer can draw. */
export function makeFullRun(opts: FixtureOptions = {}): RunResult {
  const run = makeRun({ grid: { alphas: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], repeats: 3 }, ...opts });
  const layers = run.layers.map((l) => l.name);
  run.boundary = makeBoundary();
  run.weights = Object.fromEntries(layers.map((l, k) => [l, makeHistogram(0, 0.2 * (k + 1))]));
  // Norms that shrink with alpha, as a regularization path does.
  for (const p of run.grid!.runs) {
    p.norms = Object.fromEntries(layers.map((l, k) => [l, { l1: (k + 1) / Math.sqrt(p.alpha), l2: (k + 1) * (1 + 0.1 * p.repeat) / Math.pow(p.alpha, 0.25), max: 0.5, sparsity: Math.min(1, p.alpha * 8) }]));
  }
  return run;
}
