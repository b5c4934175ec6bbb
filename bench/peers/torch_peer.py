"""PyTorch's side of the bench: the moons network timed (job kind "moons") and the
alpha sweep looped model by model ("sweep"). Prints one `@@RESULT <json>` line.

The network, objective and optimizer are RegNB's, so the figures compare like with like:
- the same float32 data and the same initial weights (RegNB's seeded glorot-uniform
  kernels, zero biases), read from the data file the driver wrote;
- binary cross-entropy from logits (mean) + l2 * sum(W^2) over the kernels only, added to
  the loss (NOT weight_decay, which would also decay the biases);
- Adam with tfjs's epsilon (1e-7; PyTorch's default is 1e-8).
One thread: the fastest setting for a network this small (2 threads were 8x slower here).
"""
import json
import sys
import time

import numpy as np
import torch

import torch_growth
from common import emit, load_job, maxrss_mb, scores

torch.set_num_threads(1)


def build(init):
    k0, k1 = (np.asarray(k, dtype=np.float32) for k in init["kernels"])
    model = torch.nn.Sequential(torch.nn.Linear(k0.shape[0], k0.shape[1]), torch.nn.ReLU(), torch.nn.Linear(k1.shape[0], k1.shape[1]))
    with torch.no_grad():
        for lin, k, b in zip((model[0], model[2]), (k0, k1), init["biases"]):
            lin.weight.copy_(torch.from_numpy(k.T.copy()))  # tfjs kernels are [in, out]
            lin.bias.copy_(torch.tensor(b, dtype=torch.float32))
    return model


def fit(model, x, y, epochs, lr, l2, batch):
    opt = torch.optim.Adam(model.parameters(), lr=lr, eps=1e-7)
    kernels = [model[0].weight, model[2].weight]
    loss_fn = torch.nn.BCEWithLogitsLoss()
    n = x.shape[0]
    for _ in range(epochs):
        if n <= batch:
            batches = [(x, y)]
        else:  # mini-batches of a fresh shuffle every epoch, as RegNB (another order: speed only)
            perm = torch.randperm(n)
            batches = [(x[perm[i:i + batch]], y[perm[i:i + batch]]) for i in range(0, n, batch)]
        for xb, yb in batches:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb).squeeze(1), yb) + l2 * sum((w * w).sum() for w in kernels)
            loss.backward()
            opt.step()


def weights(model):
    return ([model[0].weight.detach().numpy().T, model[2].weight.detach().numpy().T],
            [model[0].bias.detach().numpy(), model[2].bias.detach().numpy()])


def main():
    with open(sys.argv[1]) as f:
        growth = json.load(f)
    if growth["kind"] == "growth":  # benchmark 6 reads its own data and weight files
        emit(torch_growth.run(growth))
        return
    job, data = load_job()
    x, y = torch.from_numpy(data["xTrain"]), torch.from_numpy(data["yTrain"])
    backend = "cpu, %d thread%s" % (torch.get_num_threads(), "" if torch.get_num_threads() == 1 else "s")
    base = maxrss_mb()
    if job["kind"] == "moons":
        init = data["init"][0]
        fit(build(init), x, y, job["warmup"], job["lr"], job["l2"], job["batch"])
        times, cpu = [], []
        for _ in range(job["reps"]):
            model = build(init)
            t0, c0 = time.perf_counter(), time.process_time()
            fit(model, x, y, job["epochs"], job["lr"], job["l2"], job["batch"])
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        emit({"tool": "PyTorch", "backend": backend, "times": times, "cpu": cpu, "epochs": job["epochs"],
              "scores": scores(*weights(model), data, job["l2"]),
              "memory": {"baseMB": base, "peakMB": maxrss_mb()}})
    elif job["kind"] == "sweep":
        inits = {e["seed"]: e for e in data["init"]}
        acc, loss = [], []
        fit(build(data["init"][0]), x, y, job["warmup"], job["lr"], job["alphas"][0], job["batch"])  # untimed
        t0, c0 = time.perf_counter(), time.process_time()
        for alpha in job["alphas"]:
            runs = []
            for seed in job["seeds"]:
                model = build(inits[seed])
                fit(model, x, y, job["epochs"], job["lr"], alpha, job["batch"])
                runs.append(scores(*weights(model), data, alpha))
            acc.append(float(np.mean([r["testAcc"] for r in runs])))
            loss.append(float(np.mean([r["trainLoss"] for r in runs])))
        emit({"tool": "PyTorch loop", "backend": backend, "ms": (time.perf_counter() - t0) * 1000,
              "cpuMs": (time.process_time() - c0) * 1000,
              "meanTestAcc": acc, "meanTrainLoss": loss})
    else:
        raise SystemExit("unknown job kind " + job["kind"])


main()
