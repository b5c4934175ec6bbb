"""Writes test/unit/data/fixtures/sklearn-samples.json: scikit-learn's make_moons,
make_circles and make_blobs arrays and numpy's legacy RandomState streams, for the
tests of src/core/data/numpyRandom.ts and sklearnSamples.ts to hold RegNB against
when scikit-learn is not installed.

Run once with the Debian python that has scikit-learn:
    /usr/bin/python3 scripts/make-sklearn-fixtures.py
The cases here are also the ones the live test (sklearnSamples.test.ts) recomputes.

For the float64 tests (sklearnFloat64.test.ts), JSON on stdin, JSON on stdout:
    --cases           scikit-learn's arrays of the cases given, and which numpy path ran
    --numpy-values    {"cos": [x...], "sin": [x...], "log": [x...]}: np.cos and np.sin of
                      those arrays (numpy's own path: SIMD/SVML on AVX-512 CPUs, the C
                      library otherwise) and the C library's log (math.log), the one
                      RandomState's polar method calls
    --reference FNS   {"cases": [...]}: make_moons, make_circles and make_blobs rewritten
                      on RandomState's uniform draws with the elementary functions FNS,
                      "libm" (the C library's, via math) or "cr" (correctly rounded, by
                      mpmath at 200 bits)
numpy's portable (non-AVX-512) path: NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD
AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" in the environment.
"""
import json
import math
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_circles, make_moons

from write_fixture import write_fixture

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


def avx512():
    """Whether numpy's AVX-512 loops (SVML's cos, sin, log) are on."""
    from numpy.core._multiarray_umath import __cpu_features__

    return bool(__cpu_features__.get("AVX512F")) and bool(__cpu_features__.get("AVX512_SKX"))


def numpy_values(inputs):
    return {
        "cos": [float(v) for v in np.cos(np.array(inputs["cos"], dtype=np.float64))],
        "sin": [float(v) for v in np.sin(np.array(inputs["sin"], dtype=np.float64))],
        "log": [math.log(v) for v in inputs["log"]],
        "avx512": avx512(),
    }


def elementary(name):
    if name == "libm":
        return math.cos, math.sin, math.log
    import mpmath

    mpmath.mp.prec = 200
    # float(mpf) rounds to nearest; 200 bits leave no doubt for doubles (worst cases ~2^-120).
    return (lambda x: float(mpmath.cos(x)), lambda x: float(mpmath.sin(x)), lambda x: float(mpmath.log(x)))


def reference(case, fns):
    """scikit-learn 1.2's make_* line for line, np.cos/np.sin and the polar method's log replaced by fns."""
    from sklearn.utils import shuffle as util_shuffle

    cos, sin, log = fns
    vcos = lambda t: np.array([cos(float(v)) for v in t])  # noqa: E731
    vsin = lambda t: np.array([sin(float(v)) for v in t])  # noqa: E731
    generator = np.random.RandomState(case["seed"])
    cached = []

    def gauss():
        # numpy's legacy_gauss: the polar method, the second value cached.
        if cached:
            return cached.pop()
        while True:
            x1 = 2.0 * generator.random_sample() - 1.0
            x2 = 2.0 * generator.random_sample() - 1.0
            r2 = x1 * x1 + x2 * x2
            if r2 < 1.0 and r2 != 0.0:
                break
        f = math.sqrt(-2.0 * log(r2) / r2)
        cached.append(f * x1)
        return f * x2

    def normal(loc, scale, shape):
        return np.array([loc + scale * gauss() for _ in range(shape[0] * shape[1])]).reshape(shape)

    n = case["samples"]
    if case["kind"] == "blobs":
        k = case["classes"]
        centers = generator.uniform(-10.0, 10.0, size=(k, 2))
        counts = [n // k + (1 if i < n % k else 0) for i in range(k)]
        X = np.vstack([np.array([[c[0] + case["noise"] * gauss(), c[1] + case["noise"] * gauss()] for _ in range(m)]).reshape(m, 2)
                       for c, m in zip(centers, counts)])
        y = np.hstack([np.full(m, i, dtype=np.intp) for i, m in enumerate(counts)])
        if case["shuffle"]:
            X, y = util_shuffle(X, y, random_state=generator)
        return {"x": [float(v) for v in X.ravel()], "y": [int(v) for v in y], "centers": [float(v) for v in centers.ravel()]}
    n_out = n // 2
    n_in = n - n_out
    if case["kind"] == "moons":
        t_out, t_in = np.linspace(0, np.pi, n_out), np.linspace(0, np.pi, n_in)
        outer_x, outer_y = vcos(t_out), vsin(t_out)
        inner_x, inner_y = 1 - vcos(t_in), 1 - vsin(t_in) - 0.5
    else:
        t_out, t_in = np.linspace(0, 2 * np.pi, n_out, endpoint=False), np.linspace(0, 2 * np.pi, n_in, endpoint=False)
        outer_x, outer_y = vcos(t_out), vsin(t_out)
        inner_x, inner_y = vcos(t_in) * 0.5, vsin(t_in) * 0.5
    X = np.vstack([np.append(outer_x, inner_x), np.append(outer_y, inner_y)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    if case["shuffle"]:
        X, y = util_shuffle(X, y, random_state=generator)
    X += normal(0.0, case["noise"], X.shape)
    return {"x": [float(v) for v in X.ravel()], "y": [int(v) for v in y]}


def main():
    if sys.argv[1:] == ["--cases"]:
        # For the live tests: the arrays of the cases given as JSON on stdin.
        out = []
        for case in json.load(sys.stdin):
            out.append(arrays(case))
        json.dump(out, sys.stdout)
        return
    if sys.argv[1:] == ["--avx512"]:
        json.dump(avx512(), sys.stdout)
        return
    if sys.argv[1:] == ["--numpy-values"]:
        json.dump(numpy_values(json.load(sys.stdin)), sys.stdout)
        return
    if sys.argv[1:2] == ["--reference"]:
        fns = elementary(sys.argv[2])
        json.dump([reference(case, fns) for case in json.load(sys.stdin)["cases"]], sys.stdout)
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
    path = write_fixture("sklearn-samples.json", fixture)
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
