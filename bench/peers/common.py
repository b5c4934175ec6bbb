"""Shared by the peer scripts: the job and data files the driver wrote, the final
scores computed the same way for every tool, and the process's memory figures.

Run with Debian's /usr/bin/python3 (python3-torch, python3-sklearn); the driver does.
"""
import json
import resource
import sys

import numpy as np


def load_job():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    with open(job["data"]) as f:
        data = json.load(f)
    # float32, as RegNB trains: the JSON holds each float32's exact value.
    for k in ("xTrain", "yTrain", "xTest", "yTest"):
        data[k] = np.asarray(data[k], dtype=np.float32)
    return job, data


def maxrss_mb():
    # Linux reports ru_maxrss in KB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def logits(kernels, biases, x):
    """The moons network's output before its sigmoid: relu hidden layers, linear last."""
    h = np.asarray(x, dtype=np.float64)
    for i, (k, b) in enumerate(zip(kernels, biases)):
        h = h @ np.asarray(k, dtype=np.float64) + np.asarray(b, dtype=np.float64)
        if i < len(kernels) - 1:
            h = np.maximum(h, 0)
    return h.ravel()


def bce_logits(z, y):
    # The stable form RegNB (tf.losses.sigmoidCrossEntropy) uses.
    return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def scores(kernels, biases, data, l2):
    """Data loss (no penalty) and accuracy on each set, from the weights, the same for every
    tool; objective = train loss + l2 * sum of squared kernels (the training objective)."""
    zt, zs = logits(kernels, biases, data["xTrain"]), logits(kernels, biases, data["xTest"])
    yt, ys = data["yTrain"].astype(np.float64), data["yTest"].astype(np.float64)
    train_loss = bce_logits(zt, yt)
    penalty = l2 * sum(float(np.sum(np.square(np.asarray(k, dtype=np.float64)))) for k in kernels)
    return {
        "trainLoss": train_loss,
        "testLoss": bce_logits(zs, ys),
        "trainAcc": float(np.mean((zt > 0) == (yt > 0.5))),
        "testAcc": float(np.mean((zs > 0) == (ys > 0.5))),
        "objective": train_loss + penalty,
    }


def emit(result):
    sys.stdout.write("@@RESULT " + json.dumps(result) + "\n")
