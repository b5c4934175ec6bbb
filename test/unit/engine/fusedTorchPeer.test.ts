// The fused engine against PyTorch (Debian's python3-torch), from the same initial
// weights: the tutorial's network shape on the tutorial's moons rows, binary
// cross-entropy from logits plus l2 * sum(W^2) on the kernels, full batch. After every
// epoch both tools report the training and test loss at the new weights: the same
// 200-epoch curves, to 1e-4 for SGD with momentum and 5e-4 for Adam (tfjs's epsilon
// 1e-7): RegNB keeps tfjs's float32 bias correction (1 - 0.999 rounded to float32 is
// 1.3e-5 off), which moves each early Adam step by about 6e-6 from PyTorch's.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { trainFor } from '../helpers/trainFor';
import { buildNetwork } from '../../../src/core/engine/network';
import type { TrainSpec } from '../../../src/core/experiment/experiment';
import { testBackend } from '../helpers/backend';
import { layer, trainSpec } from '../helpers/specs';
import { tutorialMoons } from '../helpers/datasets';
import { PY, peersOrSkip } from '../helpers/peers';

const TORCH_TRAIN = `
import json, sys, torch
torch.set_num_threads(1)
d = json.load(sys.stdin)
f64 = torch.float64
x, y = torch.tensor(d["x"], dtype=f64), torch.tensor(d["y"], dtype=f64)
xt, yt = torch.tensor(d["xt"], dtype=f64), torch.tensor(d["yt"], dtype=f64)
W = [torch.tensor(k, dtype=f64, requires_grad=True) for k in d["kernels"]]  # [in, out], as tfjs
B = [torch.tensor(b, dtype=f64, requires_grad=True) for b in d["biases"]]
def logits(x):
    h = torch.relu(x @ W[0] + B[0])
    return (h @ W[1] + B[1]).squeeze(1)
bce = torch.nn.BCEWithLogitsLoss()
if d["optimizer"] == "adam":
    opt = torch.optim.Adam(W + B, lr=d["lr"], eps=1e-7)
else:
    opt = torch.optim.SGD(W + B, lr=d["lr"], momentum=d["momentum"])
out = []
for _ in range(d["epochs"]):
    opt.zero_grad()
    loss = bce(logits(x), y) + d["l2"] * sum((w * w).sum() for w in W)
    loss.backward()
    opt.step()
    with torch.no_grad():
        out.append([bce(logits(x), y).item(), bce(logits(xt), yt).item()])
print(json.dumps(out))
`;

describe('fused engine vs PyTorch, same initial weights', () => {
  before(testBackend);

  const cases: { what: string; train: Partial<TrainSpec>; tol: number }[] = [
    { what: 'Adam', train: { optimizer: 'adam', lr: 0.01 }, tol: 5e-4 },
    { what: 'SGD with momentum', train: { optimizer: 'sgd', lr: 0.1, momentum: 0.9 }, tol: 1e-4 },
  ];
  for (const c of cases) {
    it(`the same training and test loss curves over 200 epochs: ${c.what}`, async (t) => {
      if (!peersOrSkip(t, ['torch'])) return;
      const data = await tutorialMoons();
      const l2 = 0.001;
      const layers = [
        layer('dense', 32, { name: 'hidden', activation: 'relu', penalties: { kernel: { l2 } } }),
        layer('dense', 1, { name: 'out', activation: 'sigmoid', penalties: { kernel: { l2 } } }),
      ];
      const spec = trainSpec({ epochs: 200, batch: 1000, seed: 7, ...c.train });
      const init = buildNetwork(layers, data.inputShape, spec.seed);
      const kernels = init.weighted.map((l) => l.kernel!.arraySync());
      const biases = init.weighted.map((l) => l.bias!.arraySync());
      init.model.dispose();
      const [ours] = await trainFor(data, [{ layers, train: spec }]);
      assert.equal(ours.engine, 'fused');
      const rows = (x: Float32Array, n: number) => Array.from({ length: n }, (_, i) => Array.from(x.subarray(2 * i, 2 * i + 2)));
      const input = JSON.stringify({
        x: rows(data.xTrain, data.nTrain), y: Array.from(data.yTrain), xt: rows(data.xTest, data.nTest), yt: Array.from(data.yTest),
        kernels, biases, l2, epochs: spec.epochs, optimizer: spec.optimizer, lr: spec.lr, momentum: spec.momentum,
      });
      const r = spawnSync(PY, ['-c', TORCH_TRAIN], { input, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const torch = JSON.parse(r.stdout) as [number, number][];
      assert.equal(torch.length, ours.rows.length);
      ours.rows.forEach((row, e) => {
        const [trainLoss, testLoss] = torch[e];
        assert.ok(Math.abs(row.trainLoss - trainLoss) <= c.tol * Math.max(1, trainLoss), `epoch ${e + 1} training loss: ${row.trainLoss} vs PyTorch ${trainLoss}`);
        assert.ok(Math.abs(row.testLoss - testLoss) <= c.tol * Math.max(1, testLoss), `epoch ${e + 1} test loss: ${row.testLoss} vs PyTorch ${testLoss}`);
      });
      // The curves are not flat: training moved the loss.
      assert.ok(ours.rows.at(-1)!.trainLoss < 0.8 * ours.rows[0].trainLoss);
      ours.network.model.dispose();
    });
  }
});
