// The mapped settings must give the same objective: checked numerically in float64 on
// random weights and data, by writing each tool's objective out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { equivalentSettings, type Equivalent } from '../../../src/core/guidance/equivalents';
import type { CompletedSpec } from '../../../src/core/experiment/experiment';
import type { Penalty } from '../../../src/core/experiment/penalty';
import { spec, layer, dataSpec, trainSpec } from './fixtures';
import { PY, peersOrSkip } from '../helpers/peers';

// Deterministic random numbers (mulberry32) and a Box-Muller normal.
function rng(seed: number) {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { u, n: () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()) };
}

interface Problem { X: number[][]; y: number[]; w: number[]; b: number }
function problem(n: number, p: number, seed: number, binary = false): Problem {
  const r = rng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: p }, () => r.n()));
  const w = Array.from({ length: p }, () => r.n());
  const y = X.map((row) => (binary ? (r.u() < 0.5 ? 1 : 0) : row.reduce((s, v, j) => s + v * (j + 1), 0) + r.n()));
  return { X, y, w, b: r.n() };
}
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const sumSq = (w: number[]) => w.reduce((s, v) => s + v * v, 0);
const sumAbs = (w: number[]) => w.reduce((s, v) => s + Math.abs(v), 0);
const residuals = ({ X, y, w, b }: Problem) => X.map((row, i) => y[i]! - dot(row, w) - b);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const loglosses = ({ X, y, w, b }: Problem) => X.map((row, i) => { const p = sigmoid(dot(row, w) + b); return -(y[i]! * Math.log(p) + (1 - y[i]!) * Math.log(1 - p)); });
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);

/** Our objective: mean data loss + l1 ||w||_1 + l2 ||w||^2 (the intercept is not penalized). */
const oursMse = (pr: Problem, p: Penalty) => mean(residuals(pr).map((r) => r * r)) + (p.l1 ?? 0) * sumAbs(pr.w) + (p.l2 ?? 0) * sumSq(pr.w);
const oursLog = (pr: Problem, p: Penalty) => mean(loglosses(pr)) + (p.l1 ?? 0) * sumAbs(pr.w) + (p.l2 ?? 0) * sumSq(pr.w);

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b)), `${a} vs ${b}`);

function linearSpec(penalty: Penalty, source: 'regression' | 'moons' = 'regression'): CompletedSpec {
  return spec([layer('dense', 1, { name: 'dense_1', activation: source === 'moons' ? 'sigmoid' : 'linear', penalties: { kernel: penalty } })], {
    data: dataSpec({ source }),
  });
}
function find(eqs: Equivalent[], tool: string, what: string): Equivalent {
  const e = eqs.find((x) => x.tool === tool && x.what === what);
  assert.ok(e, `${tool} ${what} expected among ${eqs.map((x) => `${x.tool}:${x.what}`).join(', ')}`);
  return e;
}

const N = 37;

test('Ridge(alpha = n * l2): its objective is n times ours', () => {
  const l2 = 0.0123;
  const e = find(equivalentSettings(linearSpec({ l2 }), N), 'sklearn', 'Ridge');
  assert.equal(e.values.alpha, N * l2);
  assert.match(e.code, /^Ridge\(alpha=0\.4551\)$/);
  const pr = problem(N, 4, 1);
  const sk = sumSq(residuals(pr)) + e.values.alpha! * sumSq(pr.w);
  close(sk, N * oursMse(pr, { l2 }));
});

test('Lasso(alpha = l1 / 2): its objective is half of ours', () => {
  const l1 = 0.07;
  const e = find(equivalentSettings(linearSpec({ l1 }), N), 'sklearn', 'Lasso');
  assert.equal(e.values.alpha, l1 / 2);
  const pr = problem(N, 5, 2);
  const sk = sumSq(residuals(pr)) / (2 * N) + e.values.alpha! * sumAbs(pr.w);
  close(sk, oursMse(pr, { l1 }) / 2);
});

test('ElasticNet(alpha = l1/2 + l2, l1_ratio = (l1/2)/alpha): half of ours', () => {
  const l1 = 0.03;
  const l2 = 0.02;
  const e = find(equivalentSettings(linearSpec({ l1, l2 }), N), 'sklearn', 'ElasticNet');
  const { alpha, l1_ratio: r } = e.values as { alpha: number; l1_ratio: number };
  close(alpha, l1 / 2 + l2);
  close(r, l1 / 2 / (l1 / 2 + l2));
  const pr = problem(N, 5, 3);
  const sk = sumSq(residuals(pr)) / (2 * N) + alpha * r * sumAbs(pr.w) + 0.5 * alpha * (1 - r) * sumSq(pr.w);
  close(sk, oursMse(pr, { l1, l2 }) / 2);
});

test('LogisticRegression(C): 0.5||w||^2 + C sum(logloss) is ours / (2 l2); elastic net too', () => {
  const l2 = 0.004;
  const e = find(equivalentSettings(linearSpec({ l2 }, 'moons'), N), 'sklearn', 'LogisticRegression');
  close(e.values.C!, 1 / (2 * N * l2));
  const pr = problem(N, 3, 4, true);
  close(0.5 * sumSq(pr.w) + e.values.C! * sum(loglosses(pr)), oursLog(pr, { l2 }) / (2 * l2));
  const l1 = 0.01;
  const en = find(equivalentSettings(linearSpec({ l1, l2 }, 'moons'), N), 'sklearn', 'LogisticRegression');
  const { C, l1_ratio: r } = en.values as { C: number; l1_ratio: number };
  assert.match(en.code, /penalty='elasticnet'/);
  const sk = r * sumAbs(pr.w) + ((1 - r) / 2) * sumSq(pr.w) + C * sum(loglosses(pr));
  close(sk, oursLog(pr, { l1, l2 }) / (l1 + 2 * l2));
});

function mlpSpec(penalties: Penalty[], task: 'moons' | 'regression', batch: number): CompletedSpec {
  const last = penalties.length - 1;
  return spec(
    penalties.map((p, i) =>
      layer('dense', i === last ? 1 : 8, { name: `dense_${i + 1}`, activation: i === last ? (task === 'moons' ? 'sigmoid' : 'linear') : 'relu', penalties: { kernel: p } }),
    ),
    { data: dataSpec({ source: task }), train: trainSpec({ batch }) },
  );
}

test('MLPClassifier(alpha = 2 * batch * l2): per-batch objective equals ours, batch capped at nTrain', () => {
  const l2 = 0.001;
  for (const [batch, nTrain, eff] of [[8, 40, 8], [64, 30, 30]] as const) {
    const e = find(equivalentSettings(mlpSpec([{ l2 }, { l2 }], 'moons', batch), nTrain), 'sklearn', 'MLPClassifier');
    assert.equal(e.values.batch_size, eff);
    close(e.values.alpha!, 2 * eff * l2);
    // One batch of `eff` rows; W = all kernels (here one flat vector stands for them).
    const pr = problem(eff, 6, 5 + batch, true);
    const sk = mean(loglosses(pr)) + (0.5 * e.values.alpha! * sumSq(pr.w)) / eff;
    close(sk, oursLog(pr, { l2 }));
  }
});

test('MLPRegressor(alpha = batch * l2): its squared loss has a 1/2, so its objective is half of ours', () => {
  const l2 = 0.002;
  const e = find(equivalentSettings(mlpSpec([{ l2 }, { l2 }, { l2 }], 'regression', 16), 100), 'sklearn', 'MLPRegressor');
  close(e.values.alpha!, 16 * l2);
  const pr = problem(16, 6, 9);
  const sk = mean(residuals(pr).map((r) => r * r)) / 2 + (0.5 * e.values.alpha! * sumSq(pr.w)) / 16;
  close(sk, oursMse(pr, { l2 }) / 2);
  assert.match(e.note, /the last batch has 4 rows/);
});

test('PyTorch weight_decay = 2 * l2: the gradient of ours equals grad(data) + weight_decay * w', () => {
  const l2 = 0.015;
  const s = mlpSpec([{ l2 }, { l2 }], 'regression', 32);
  const e = find(equivalentSettings(s, 50), 'pytorch', 'weight_decay');
  close(e.values.weight_decay!, 2 * l2);
  assert.match(e.code, /'weight_decay': 0\.0\}/); // biases in their own group, not decayed
  assert.match(e.note, /AdamW.*NOT equivalent/);
  const pr = problem(20, 4, 11);
  const res = residuals(pr);
  // Analytic gradient of the data loss mean((y - Xw - b)^2) in w.
  const gradData = pr.w.map((_, j) => mean(res.map((r, i) => -2 * r * pr.X[i]![j]!)));
  const torchGrad = gradData.map((g, j) => g + e.values.weight_decay! * pr.w[j]!);
  // Central differences of our objective.
  const h = 1e-6;
  pr.w.forEach((wj, j) => {
    const at = (v: number) => { const w = [...pr.w]; w[j] = v; return oursMse({ ...pr, w }, { l2 }); };
    const numeric = (at(wj + h) - at(wj - h)) / (2 * h);
    assert.ok(Math.abs(numeric - torchGrad[j]!) < 1e-6, `dw${j}: ${numeric} vs ${torchGrad[j]}`);
  });
});

test('PyTorch: L1, expabs, activity and AdamW become explicit loss terms; train.weightDecay maps to AdamW', () => {
  const s = spec([
    layer('dense', 8, { name: 'dense_1', activation: 'relu', penalties: { kernel: { l1: 0.01 }, activity: { l2: 0.001 } } }),
    layer('dense', 1, { name: 'dense_2', activation: 'sigmoid', penalties: { kernel: { expabs: 0.1 } } }),
  ], { train: trainSpec({ optimizer: 'adamw', weightDecay: 0.004 }) });
  const eqs = equivalentSettings(s, 30);
  const term = find(eqs, 'pytorch', 'explicit penalty term');
  assert.match(term.code, /0\.01 \* dense_1\.weight\.abs\(\)\.sum\(\)/);
  assert.match(term.code, /0\.1 \* torch\.expm1\(dense_2\.weight\.abs\(\)\)\.sum\(\)/);
  assert.match(term.code, /dense_1_out.*\/ batch_size/);
  assert.match(term.note, /AdamW's weight_decay is decoupled and NOT equivalent/);
  const wd = find(eqs, 'pytorch', 'weight_decay');
  assert.equal(wd.values.weight_decay, 0.004);
  assert.match(wd.code, /AdamW\(.*weight_decay=0\.004\)/);
  // Keras: same numbers, custom regularizer for expabs
  const k1 = find(eqs, 'keras', 'dense_1 regularizers');
  assert.match(k1.code, /kernel_regularizer=regularizers\.L1L2\(l1=0\.01, l2=0\), activity_regularizer=regularizers\.L1L2\(l1=0, l2=0\.001\)/);
  assert.equal(k1.exact, true);
  const k2 = find(eqs, 'keras', 'dense_2 regularizers');
  assert.equal(k2.exact, false);
  assert.match(k2.note, /no exp\(\|w\|\) - 1 penalty: a custom regularizer is needed/);
  // sklearn: none, with the reason
  const sk = eqs.filter((e) => e.tool === 'sklearn');
  assert.equal(sk.length, 1);
  assert.equal(sk[0]!.exact, false);
  assert.match(sk[0]!.note, /no exp\(\|w\|\) - 1 penalty/);
});

test('sklearn MLP: mixed per-layer penalties have no single alpha, and the reason names them', () => {
  const eqs = equivalentSettings(mlpSpec([{ l2: 0.001 }, {}], 'moons', 32), 30);
  const e = find(eqs, 'sklearn', 'MLPClassifier');
  assert.equal(e.exact, false);
  assert.match(e.note, /single alpha for all layers.*dense_1: l2 0\.001, dense_2: none/);
  // Keras still maps one-to-one
  assert.match(find(eqs, 'keras', 'dense_1 regularizers').code, /L1L2\(l1=0, l2=0\.001\)/);
  // PyTorch: not the same L2 everywhere → explicit term
  assert.ok(eqs.some((x) => x.tool === 'pytorch' && x.what === 'explicit penalty term'));
});


/** Solves A x = b (Gaussian elimination with partial pivoting). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

test('sklearn Ridge(alpha = n * l2) matches the closed form (X\'X + n l2 I)^-1 X\'y on centered data', (t) => {
  if (!peersOrSkip(t, ['sklearn'])) return;
  const n = 30;
  const p = 4;
  const l2 = 0.05;
  const pr = problem(n, p, 21);
  const alpha = find(equivalentSettings(linearSpec({ l2 }), n), 'sklearn', 'Ridge').values.alpha!;
  const xm = Array.from({ length: p }, (_, j) => mean(pr.X.map((r) => r[j]!)));
  const ym = mean(pr.y);
  const Xc = pr.X.map((r) => r.map((v, j) => v - xm[j]!));
  const yc = pr.y.map((v) => v - ym);
  const A = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => sum(Xc.map((r) => r[a]! * r[b]!)) + (a === b ? n * l2 : 0)));
  const rhs = Array.from({ length: p }, (_, a) => sum(Xc.map((r, i) => r[a]! * yc[i]!)));
  const closed = solve(A, rhs);
  const script = [
    'import json, sys',
    'import numpy as np',
    'from sklearn.linear_model import Ridge',
    'd = json.load(sys.stdin)',
    'm = Ridge(alpha=d["alpha"], fit_intercept=True, solver="cholesky").fit(np.array(d["X"]), np.array(d["y"]))',
    'print(json.dumps({"coef": m.coef_.tolist(), "intercept": float(m.intercept_)}))',
  ].join('\n');
  const out = JSON.parse(execFileSync(PY, ['-c', script], { input: JSON.stringify({ X: pr.X, y: pr.y, alpha }), encoding: 'utf8' })) as { coef: number[]; intercept: number };
  closed.forEach((c, j) => assert.ok(Math.abs(out.coef[j]! - c) <= 1e-6 * Math.abs(c), `coef ${j}: sklearn ${out.coef[j]} vs closed form ${c}`));
  // and the closed-form solution is a stationary point of OUR objective (gradient 0 in w)
  const sol: Problem = { ...pr, w: closed, b: ym - dot(xm, closed) };
  const res = residuals(sol);
  closed.forEach((wj, j) => assert.ok(Math.abs(mean(res.map((r, i) => -2 * r * pr.X[i]![j]!)) + 2 * l2 * wj) < 1e-9));
});
