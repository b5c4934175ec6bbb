#!/usr/bin/python3
"""Convert scikit-learn's bundled toy data sets into the CSVs under data/.

Run with Debian's Python and scikit-learn (apt-get install python3-sklearn):

    /usr/bin/python3 scripts/make-datasets.py

Reads the raw files in sklearn/datasets/data/ (not the load_* arrays, so that the
numbers keep their original text), takes the column and class names from the
load_* functions, checks that both agree, and writes data/<name>.csv with a header
row and a `target` column. The output is deterministic (same input, same bytes).
"""

import csv
import gzip
import io
import os
import sys

import numpy as np
import sklearn
from sklearn import datasets

SRC = os.path.join(os.path.dirname(datasets.__file__), "data")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


def read_text(name):
    path = os.path.join(SRC, name)
    if name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return f.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def number(text):
    """The shortest text of a value: '151.0' and '1.51e+02' become '151'."""
    value = float(text)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def write(name, header, rows):
    path = os.path.join(OUT, name + ".csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{path}: {len(rows)} rows x {len(header) - 1} features + target")


def check(rows, bunch, classes=None):
    data = np.array([[float(v) for v in r[:-1]] for r in rows])
    assert data.shape == bunch.data.shape, (data.shape, bunch.data.shape)
    assert np.array_equal(data, bunch.data)
    if classes is None:
        assert np.array_equal(np.array([float(r[-1]) for r in rows]), bunch.target)
    else:
        assert [r[-1] for r in rows] == [classes[t] for t in bunch.target]


def sklearn_style(file, bunch, name):
    """iris.csv, wine_data.csv, breast_cancer.csv: a first line `n,features,class names...`
    then rows of features and the class index."""
    lines = list(csv.reader(io.StringIO(read_text(file))))
    n, p = int(lines[0][0]), int(lines[0][1])
    classes = lines[0][2:]
    assert classes == list(bunch.target_names), (classes, bunch.target_names)
    rows = [[number(v) for v in line[:p]] + [classes[int(line[p])]] for line in lines[1:] if line]
    assert len(rows) == n
    check(rows, bunch, classes)
    write(name, list(bunch.feature_names) + ["target"], rows)


def main():
    print(f"scikit-learn {sklearn.__version__}, {SRC}", file=sys.stderr)
    os.makedirs(OUT, exist_ok=True)
    sklearn_style("iris.csv", datasets.load_iris(), "iris")
    sklearn_style("wine_data.csv", datasets.load_wine(), "wine")
    sklearn_style("breast_cancer.csv", datasets.load_breast_cancer(), "breast-cancer")

    # digits.csv.gz: 64 pixel counts (0..16) then the digit, no header line.
    digits = datasets.load_digits()
    rows = [[number(v) for v in line] for line in csv.reader(io.StringIO(read_text("digits.csv.gz"))) if line]
    check(rows, digits)
    write("digits", list(digits.feature_names) + ["target"], rows)

    # diabetes: the RAW, unscaled measurements (age in years, sex 1/2, bmi, ...), i.e.
    # load_diabetes(scaled=False), not the mean-centred, norm-scaled default copy.
    diabetes = datasets.load_diabetes(scaled=False)
    x = [line.split() for line in read_text("diabetes_data_raw.csv.gz").splitlines() if line.strip()]
    y = [line.strip() for line in read_text("diabetes_target.csv.gz").splitlines() if line.strip()]
    assert len(x) == len(y)
    rows = [[number(v) for v in xi] + [number(yi)] for xi, yi in zip(x, y)]
    check(rows, diabetes)
    write("diabetes", list(diabetes.feature_names) + ["target"], rows)


if __name__ == "__main__":
    main()
