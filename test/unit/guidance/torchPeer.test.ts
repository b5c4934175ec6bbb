// The PyTorch mapping checked by PyTorch itself (Debian's python3-torch, when installed):
// one SGD step with the mapped weight_decay (biases in their own group) moves the weights
// exactly as one gradient step on RegNB's objective, mean squared error + l2 * sum(w^2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { equivalentSettings } from '../../../src/core/guidance/equivalents';
import { layer, spec } from './fixtures';
import { PY, peersOrSkip } from '../helpers/peers';


const TORCH_STEP = `
import json, sys, torch
d = json.load(sys.stdin)
X = torch.tensor(d["X"], dtype=torch.float64); y = torch.tensor(d["y"], dtype=torch.float64)
w = torch.tensor(d["w"], dtype=torch.float64, requires_grad=True)
b = torch.tensor([d["b"]], dtype=torch.float64, requires_grad=True)
opt = torch.optim.SGD([{"params": [w], "weight_decay": d["weight_decay"]}, {"params": [b], "weight_decay": 0.0}], lr=d["lr"])
opt.zero_grad()
loss = torch.mean((X @ w + b - y) ** 2)
loss.backward()
opt.step()
print(json.dumps({"w": w.detach().tolist(), "b": b.detach().item()}))
`;

test('PyTorch SGD with the mapped weight_decay takes the same step as RegNB\'s L2 objective', (t) => {
  if (!peersOrSkip(t, ['torch'])) return;
  const l2 = 0.037;
  const cell = spec([layer('dense', 1, { name: 'linear', activation: 'linear', penalties: { kernel: { l2 } } })], {
    data: { ...spec([]).data, source: 'regression' },
  });
  cell.train = { ...cell.train, optimizer: 'sgd', lr: 0.1 };
  const mapped = equivalentSettings(cell, 20).find((e) => e.tool === 'pytorch' && e.what === 'weight_decay');
  assert.ok(mapped, 'a PyTorch weight_decay mapping exists for a uniform L2');
  const weightDecay = mapped.values.weight_decay;

  const n = 20;
  const p = 4;
  const X = Array.from({ length: n }, (_, i) => Array.from({ length: p }, (_, j) => Math.sin(1.7 * i + 0.9 * j)));
  const y = X.map((row, i) => row.reduce((a, v, j) => a + (j + 1) * v, 0) + 0.1 * Math.cos(i));
  const w = [0.3, -0.2, 0.5, 0.1];
  const b = 0.05;
  const lr = 0.1;
  // RegNB's objective J = mean((Xw + b - y)^2) + l2 * |w|^2; one gradient step in float64.
  const r = X.map((row, i) => row.reduce((a, v, j) => a + v * w[j], b) - y[i]);
  const gw = w.map((wj, j) => (2 / n) * r.reduce((a, ri, i) => a + ri * X[i][j], 0) + 2 * l2 * wj);
  const gb = (2 / n) * r.reduce((a, ri) => a + ri, 0);
  const ours = { w: w.map((wj, j) => wj - lr * gw[j]), b: b - lr * gb };

  const torch = JSON.parse(execFileSync(PY, ['-c', TORCH_STEP], { input: JSON.stringify({ X, y, w, b, lr, weight_decay: weightDecay }), encoding: 'utf8' })) as { w: number[]; b: number };
  ours.w.forEach((v, j) => assert.ok(Math.abs(torch.w[j] - v) < 1e-12, `w[${j}]: torch ${torch.w[j]} vs ours ${v}`));
  assert.ok(Math.abs(torch.b - ours.b) < 1e-12, 'the bias is not decayed');
  // And the mapping really is needed: weight_decay = l2 (a common mistake) takes another step.
  const wrong = JSON.parse(execFileSync(PY, ['-c', TORCH_STEP], { input: JSON.stringify({ X, y, w, b, lr, weight_decay: l2 }), encoding: 'utf8' })) as { w: number[] };
  assert.ok(Math.abs(wrong.w[0] - ours.w[0]) > 1e-4);
});
