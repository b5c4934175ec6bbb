"""scikit-learn's side of the bench: MLPClassifier on the moons network ("moons",
"sweep") and Ridge as the closed-form check of RegNB's L2 ("ridge").
Prints one `@@RESULT <json>` line.

Conversions (see shared notes): MLPClassifier's penalty is 0.5 * alpha * sum(W^2) / batch,
so RegNB's l2 * sum(W^2) is alpha = 2 * batch * l2 (biases unpenalized in both). Ridge
minimizes ||y - Xw||^2 + alpha ||w||^2, RegNB mean squared error + l2 ||w||^2: alpha = n * l2.
MLPClassifier cannot be given initial weights, so each model is first fitted for one
epoch (untimed) to create its arrays, which are then overwritten with RegNB's initial
weights and trained with warm_start (each fit() starts a fresh Adam).
"""
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Ridge
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_info

from common import emit, load_job, maxrss_mb, scores

warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter is reached on purpose


def backend():
    blas = [f'{i["internal_api"]} {i["num_threads"]} thr' for i in threadpool_info() if i.get("user_api") == "blas"]
    return "numpy float32" + (", " + ", ".join(blas) if blas else "")


def mlp(job, data, l2, epochs):
    n = data["xTrain"].shape[0]
    batch = min(job["batch"], n)
    clf = MLPClassifier(hidden_layer_sizes=(job["hidden"],), activation="relu", solver="adam",
                        alpha=2 * batch * l2, batch_size=batch, learning_rate_init=job["lr"],
                        epsilon=1e-7,  # tfjs's Adam epsilon
                        max_iter=1, tol=0.0, n_iter_no_change=max(epochs, 1),
                        shuffle=False, warm_start=True, random_state=0)
    clf.fit(data["xTrain"], data["yTrain"])  # creates the arrays; untimed
    clf.set_params(max_iter=epochs)
    return clf


def start_from(clf, init):
    """Puts RegNB's initial weights in and resets what _initialize would (so the
    no-improvement counter cannot stop the run early)."""
    dtype = clf.coefs_[0].dtype
    clf.coefs_ = [np.array(k, dtype=dtype) for k in init["kernels"]]
    clf.intercepts_ = [np.array(b, dtype=dtype) for b in init["biases"]]
    clf.n_iter_ = 0
    clf.loss_curve_ = []
    clf.best_loss_ = np.inf
    clf._no_improvement_count = 0


def fit(clf, data, epochs):
    clf.fit(data["xTrain"], data["yTrain"])
    if clf.n_iter_ != epochs:
        raise SystemExit(f"MLPClassifier stopped after {clf.n_iter_} of {epochs} epochs")


def main():
    job, data = load_job()
    base = maxrss_mb()
    if job["kind"] == "moons":
        init = data["init"][0]
        clf = mlp(job, data, job["l2"], max(job["warmup"], 1))
        if job["warmup"] > 0:  # a cold run (warmup 0) is timed from the first epoch
            start_from(clf, init)
            fit(clf, data, job["warmup"])
        clf.set_params(max_iter=job["epochs"], n_iter_no_change=job["epochs"])
        times, cpu = [], []
        for _ in range(job["reps"]):
            start_from(clf, init)
            t0, c0 = time.perf_counter(), time.process_time()
            fit(clf, data, job["epochs"])
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        emit({"tool": "scikit-learn", "backend": backend(), "times": times, "cpu": cpu, "epochs": job["epochs"],
              "scores": scores(clf.coefs_, clf.intercepts_, data, job["l2"]),
              "memory": {"baseMB": base, "peakMB": maxrss_mb()}})
    elif job["kind"] == "sweep":
        inits = {e["seed"]: e for e in data["init"]}
        acc, loss, ms, cpu = [], [], 0.0, 0.0
        warm = mlp(job, data, job["alphas"][0], job["warmup"])  # untimed warm-up
        start_from(warm, data["init"][0])
        fit(warm, data, job["warmup"])
        for alpha in job["alphas"]:
            runs = []
            for seed in job["seeds"]:
                clf = mlp(job, data, alpha, job["epochs"])
                start_from(clf, inits[seed])
                t0, c0 = time.perf_counter(), time.process_time()  # the set-up fit above is not counted
                fit(clf, data, job["epochs"])
                ms += (time.perf_counter() - t0) * 1000
                cpu += (time.process_time() - c0) * 1000
                runs.append(scores(clf.coefs_, clf.intercepts_, data, alpha))
            acc.append(float(np.mean([r["testAcc"] for r in runs])))
            loss.append(float(np.mean([r["trainLoss"] for r in runs])))
        emit({"tool": "scikit-learn loop", "backend": backend(), "ms": ms, "cpuMs": cpu, "meanTestAcc": acc, "meanTrainLoss": loss})
    elif job["kind"] == "ridge":
        x, y = data["xTrain"].astype(np.float64), data["yTrain"].astype(np.float64)
        alpha = x.shape[0] * job["l2"]
        ridge = Ridge(alpha=alpha, fit_intercept=True).fit(x, y)
        emit({"tool": "scikit-learn Ridge", "coef": ridge.coef_.tolist(), "intercept": float(ridge.intercept_),
              "n": x.shape[0], "alpha": alpha})
    else:
        raise SystemExit("unknown job kind " + job["kind"])


main()
