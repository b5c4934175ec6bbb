#!/usr/bin/env python3
# How far numpy's, glibc's and V8's cos, sin and log are from the correctly rounded value
# (mpmath at 200 bits) on the values make_moons/make_circles and RandomState's Gaussians
# feed them, beside RegNB's correctly rounded ones (src/core/data/correctlyRounded.ts):
# README, Data sets. Needs numpy, mpmath and node on PATH; run from the repository root
# (NPY_DISABLE_CPU_FEATURES="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL"
# for numpy's portable path).
import json
import math
import struct
import subprocess

import mpmath
import numpy as np

mpmath.mp.prec = 200


def ordered(x):
    i = struct.unpack('<q', struct.pack('<d', x))[0]
    return -(i & 0x7FFFFFFFFFFFFFFF) if i < 0 else i


def compare(xs, ys):
    d = [abs(ordered(x) - ordered(y)) for x, y in zip(xs, ys)]
    return {'differ': sum(1 for e in d if e), 'max_ulp': max(d)}


def node(fn, xs, module=None):
    """Math.fn (V8), or fn from a RegNB module, of xs."""
    load = f'require("./{module}").{fn}' if module else f'Math.{fn}'
    code = f'const xs = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(JSON.stringify(xs.map((x) => {load}(x)).map(String)))'
    out = subprocess.run(['node', '--import', 'tsx', '-e', code], input=json.dumps(xs), capture_output=True, text=True, check=True)
    return [float(s) for s in json.loads(out.stdout)]


angles = np.concatenate([np.linspace(0, stop, n, endpoint=ep) for n, stop, ep in [(100, math.pi, True), (1000, math.pi, True), (100, 2 * math.pi, False), (1000, 2 * math.pi, False)]])
uniform = np.random.RandomState(0).random_sample(20000)
report = {'numpy': np.__version__, 'values': {'angles': len(angles), 'uniform': len(uniform)}}
for name, xs, np_fn, libm, exact in [('cos', angles, np.cos, math.cos, mpmath.cos), ('sin', angles, np.sin, math.sin, mpmath.sin), ('log', uniform, np.log, math.log, mpmath.log)]:
    xs = [float(x) for x in xs]
    rounded = [float(exact(mpmath.mpf(x))) for x in xs]
    report[name] = {
        'numpy_vs_exact': compare(list(np_fn(np.array(xs))), rounded),
        'glibc_vs_exact': compare([libm(x) for x in xs], rounded),
        'v8_vs_exact': compare(node(name, xs), rounded),
        'regnb_vs_exact': compare(node('cr' + name.capitalize(), xs, 'src/core/data/correctlyRounded'), rounded),
        'numpy_vs_glibc': compare(list(np_fn(np.array(xs))), [libm(x) for x in xs]),
    }
print(json.dumps(report, indent=1))
