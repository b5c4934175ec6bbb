"""PyTorch's side of benchmark 6 (how cost grows): one network of `layers` relu hidden
layers of `hidden` units, trained full-batch for `epochs` epochs after `warmup` untimed
ones, from RegNB's initial weights (a float32 file: kernel [in, out] then bias, layer by
layer) on RegNB's exported data. The objective is RegNB's: mean binary cross-entropy
from logits (moons) or softmax cross-entropy (digits, 10 classes) + l2 * sum(W^2) over
the kernels only; Adam with tfjs's epsilon. Timed in float32; then trained again, untimed,
in float64, whose final loss is the reference the driver compares RegNB's with. Called by
torch_peer.py (job kind "growth").
"""
import json
import time

import numpy as np
import torch


def build(sizes, init):
    layers, at = [], 0
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        lin = torch.nn.Linear(n_in, n_out)
        k = init[at:at + n_in * n_out].reshape(n_in, n_out)
        at += n_in * n_out
        b = init[at:at + n_out]
        at += n_out
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(k.T.copy()))  # tfjs kernels are [in, out]
            lin.bias.copy_(torch.from_numpy(b.copy()))
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    if at != init.size:
        raise SystemExit(f"the initial weights hold {init.size} values, the network {at}")
    return torch.nn.Sequential(*layers)


def run(job):
    with open(job["file"]) as f:
        data = json.load(f)
    multiclass = data["task"] == "multiclass"
    x32 = torch.from_numpy(np.asarray(data["xTrain"], dtype=np.float32))
    y = torch.from_numpy(np.asarray(data["yTrain"], dtype=np.int64 if multiclass else np.float32))
    sizes = [x32.shape[1]] + [job["hidden"]] * job["layers"] + [data["classes"] if multiclass else 1]
    init = np.fromfile(job["init"], dtype=np.float32)
    loss_fn = torch.nn.CrossEntropyLoss() if multiclass else torch.nn.BCEWithLogitsLoss()

    def train(epochs, dtype):
        """A model from the initial weights trained `epochs` full-batch epochs in `dtype`."""
        model = build(sizes, init).to(dtype)
        x, t = x32.to(dtype), (y if multiclass else y.to(dtype))

        def data_loss():
            z = model(x)
            return loss_fn(z, t) if multiclass else loss_fn(z.squeeze(1), t)

        opt = torch.optim.Adam(model.parameters(), lr=job["lr"], eps=1e-7)
        kernels = [m.weight for m in model if isinstance(m, torch.nn.Linear)]
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(epochs):  # one full batch per epoch, as RegNB's
            opt.zero_grad(set_to_none=True)
            loss = data_loss() + job["l2"] * sum((w * w).sum() for w in kernels)
            loss.backward()
            opt.step()
        ms, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
        with torch.no_grad():
            return {"ms": ms, "cpu": cpu, "trainLoss": float(data_loss())}

    if job["warmup"] > 0:
        train(job["warmup"], torch.float32)
    timed = train(job["epochs"], torch.float32)
    # Untimed: the same training in float64, the reference for the final losses (RegNB's
    # fused engine computes in float64; float32 rounding alone moves a long run's loss).
    reference = train(job["epochs"], torch.float64)
    n = torch.get_num_threads()
    return {"backend": "cpu, %d thread%s" % (n, "" if n == 1 else "s"), "run": timed, "float64Loss": reference["trainLoss"]}
