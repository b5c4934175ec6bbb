"""Writes test/unit/data/fixtures/sklearn-samples.json: scikit-learn's make_moons,
make_circles and make_blobs arrays and numpy's legacy RandomState streams, for the
tests of src/core/data/numpyRandom.ts and sklearnSamples.ts to hold RegNB against
when scikit-learn is not installed.

Run once with the Debian python that has scikit-learn:
    /usr/bin/python3 scripts/make-sklearn-fixtures.py
The cases here are also the ones the live test (sklearnSamples.test.ts) recomputes.
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_circles, make_moons

CASES = (
    # The weight-regularization tutorial's data: make_moons(100, noise=0.2, random_state=1).
    [{"kind": "moons", "samples": 100, "noise": 0.2, "seed": 1, "shuffle": True}]
    + [{"kind": k, "samples": n, "noise": noise, "seed": seed, "shuffle": shuffle}
       for k in ("moons", "circles")
       for (n, noise, seed) in ((25, 0.05, 0), (9, 0.0, 42), (31, 1.3, 4294967295))
       for shuffle in (True, False)]
    + [{"kind": "blobs", "samples": n, "noise": std, "seed": seed, "shuffle": shuffle, "classes": classes}
       for (n, std, seed, classes) in ((20, 1.0, 1, 3), (23, 0.5, 7, 2), (17, 2.5, 123456, 5))
       for shuffle in (True, False)]
)


def sample(case):
    k = case["kind"]
    if k == "moons":
        return make_moons(case["samples"], shuffle=case["shuffle"], noise=case["noise"], random_state=case["seed"])
    if k == "circles":
        return make_circles(case["samples"], shuffle=case["shuffle"], noise=case["noise"], random_state=case["seed"], factor=0.5)
    return make_blobs(case["samples"], centers=case["classes"], cluster_std=case["noise"], shuffle=case["shuffle"],
                      random_state=case["seed"], return_centers=True)


def arrays(case):
    """The case's arrays as JSON lists (float64 values round-trip exactly through repr)."""
    X, y, *centers = sample(case)
    out = {"x": [float(v) for v in X.ravel()], "y": [int(v) for v in y]}
    if centers:
        out["centers"] = [float(v) for v in centers[0].ravel()]
    return out


def streams(seed):
    """One RandomState(seed), every kind of draw in turn (each continues the stream)."""
    rs = np.random.RandomState(seed)
    words = [int(w) for w in rs.randint(0, 2**32, size=8, dtype=np.uint64)]
    doubles = [float(v) for v in rs.random_sample(5)]
    gauss = [float(v) for v in rs.standard_normal(7)]  # odd: leaves a cached value
    normal = [float(v) for v in rs.normal(3.0, 0.5, size=3)]  # starts with the cached one
    uniform = [float(v) for v in rs.uniform(-10.0, 10.0, size=4)]
    perm = np.arange(37)
    rs.shuffle(perm)
    after = [float(v) for v in rs.random_sample(2)]
    return {"seed": seed, "words": words, "doubles": doubles, "gauss": gauss, "normal": normal,
            "uniform": uniform, "shuffle37": [int(v) for v in perm], "after": after}


def main():
    if sys.argv[1:] == ["--cases"]:
        # For the live test: the arrays of the cases given as JSON on stdin.
        out = []
        for case in json.load(sys.stdin):
            out.append(arrays(case))
        json.dump(out, sys.stdout)
        return
    cases = []
    for case in CASES:
        cases.append({**case, **arrays(case)})
    fixture = {
        "generatedBy": "scripts/make-sklearn-fixtures.py",
        "numpy": np.__version__,
        "sklearn": sklearn.__version__,
        "streams": [streams(s) for s in (0, 1, 42, 4294967295)],
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(__file__), "..", "test", "unit", "data", "fixtures", "sklearn-samples.json")
    with open(path, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
