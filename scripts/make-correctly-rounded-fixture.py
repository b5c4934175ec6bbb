"""Correctly rounded cos, sin and log by mpmath at 200 bits, for the tests of
src/core/data/correctlyRounded.ts.

    /usr/bin/python3 scripts/make-correctly-rounded-fixture.py
        writes test/unit/data/fixtures/correctly-rounded.json: the inputs below and their
        correctly rounded values.
    /usr/bin/python3 scripts/make-correctly-rounded-fixture.py --values < inputs.json
        {"cos": [x...], "sin": [x...], "log": [x...]} on stdin, the same keys with the
        correctly rounded values on stdout (the live test's fresh inputs).

200 bits, then rounded to nearest: the known worst cases of these functions for doubles
lie about 2^-120 from a midpoint, so rounding a 200-bit value cannot go the wrong way.
"""
import json
import math
import sys

import mpmath

from write_fixture import write_fixture

mpmath.mp.prec = 200
FUNCTIONS = {"cos": mpmath.cos, "sin": mpmath.sin, "log": mpmath.log}


def rounded(name, xs):
    f = FUNCTIONS[name]
    # float(mpf) rounds to nearest (the context's rounding, 'n').
    return [float(f(mpmath.mpf(x))) for x in xs]


def neighbours(x, count):
    """x and the `count` doubles either side of it."""
    out = [x]
    lo = hi = x
    for _ in range(count):
        lo = math.nextafter(lo, -math.inf)
        hi = math.nextafter(hi, math.inf)
        out += [lo, hi]
    return out


def angles():
    import numpy as np  # only to write the fixture: --values needs mpmath alone

    xs = []
    # The arcs of make_moons (linspace(0, pi, n)) and make_circles (linspace(0, 2 pi, n, endpoint=False)).
    for n in list(range(2, 31)) + [50, 100, 101, 333]:
        xs += list(np.linspace(0, math.pi, n)) + list(np.linspace(0, 2 * math.pi, n, endpoint=False))
    # Near multiples of pi/2 (where the reduced angle is smallest), tiny, negative and large.
    for k in range(1, 9):
        xs += neighbours(float(k * mpmath.pi / 2), 2)
    xs += [0.0, 5e-324, 1e-300, 2.0 ** -27, math.nextafter(2.0 ** -27, 0), 1e-8, 0.5, 1.0, 2.0, 3.0, -1.0, -math.pi, -100.0]
    xs += neighbours(2.0 ** 20, 1) + [1e6, 12345.678, 1e10, 1e22, 2.0 ** 60, 1e300, sys.float_info.max, -1e15]
    return [float(x) for x in xs]


def log_inputs():
    import numpy as np

    rs = np.random.RandomState(20240601)
    # Uniform doubles in (0, 1] (what the polar method's r2 is like) and a spread of magnitudes.
    xs = list(1.0 - rs.random_sample(1500)) + list(10.0 ** rs.uniform(-307, 308, 400)) + list(2.0 ** rs.uniform(-1074, -1022, 30))
    xs += neighbours(1.0, 5) + neighbours(2.0, 2) + neighbours(0.5, 2) + neighbours(math.sqrt(2), 2) + neighbours(math.sqrt(0.5), 2)
    xs += [5e-324, 2.2250738585072014e-308, 1e-300, 0.1, 0.3, 3.0, 10.0, math.e, 1e300, sys.float_info.max]
    return [float(x) for x in xs]


def main():
    if sys.argv[1:] == ["--values"]:
        inputs = json.load(sys.stdin)
        json.dump({name: rounded(name, xs) for name, xs in inputs.items()}, sys.stdout)
        return
    fixture = {"generatedBy": "scripts/make-correctly-rounded-fixture.py", "mpmathBits": mpmath.mp.prec}
    fixture["angles"] = angles()
    fixture["cos"] = rounded("cos", fixture["angles"])
    fixture["sin"] = rounded("sin", fixture["angles"])
    fixture["logInputs"] = log_inputs()
    fixture["log"] = rounded("log", fixture["logInputs"])
    path = write_fixture("correctly-rounded.json", fixture)
    print(f"wrote {len(fixture['cos']) + len(fixture['sin']) + len(fixture['log'])} values to {path}")


if __name__ == "__main__":
    main()
