"use strict";
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};

// scripts/stubs/node-fetch.cjs
var require_node_fetch = __commonJS({
  "scripts/stubs/node-fetch.cjs"(exports2, module2) {
    module2.exports = (...args) => globalThis.fetch(...args);
  }
});

// src/core/data/random.ts
var TWO_32 = 4294967296;
function splitmix32(state) {
  const next = state + 2654435769 | 0;
  let z = next;
  z = Math.imul(z ^ z >>> 16, 2246822507);
  z = Math.imul(z ^ z >>> 13, 3266489909);
  z ^= z >>> 16;
  return [next, z >>> 0];
}
var Random = class {
  a;
  b;
  c;
  d;
  spare = null;
  /**
   * @param seed any finite number (integers are the norm; the full 53-bit range is used).
   * @param stream an independent stream of the same seed, e.g. the generator uses
   *   stream 0 and the row shuffle before the split another, so that they never share draws.
   */
  constructor(seed, stream = 0) {
    if (!Number.isFinite(seed)) throw new RangeError(`Random: seed must be a finite number, got ${seed}`);
    const whole = Math.trunc(seed);
    const lo = whole >>> 0;
    const hi = Math.floor(whole / TWO_32) >>> 0;
    const frac = Math.round((Math.abs(seed) - Math.abs(whole)) * TWO_32) >>> 0;
    let s = 1779033703 ^ lo;
    let out;
    const words = [];
    for (const extra of [hi, frac ^ Math.imul(stream >>> 0, 668265263), 0, 0]) {
      [s, out] = splitmix32(s ^ extra);
      words.push(out);
    }
    [this.a, this.b, this.c, this.d] = words;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }
  /** The next raw 32-bit output (sfc32). */
  nextUint32() {
    const t = (this.a + this.b | 0) + this.d | 0;
    this.d = this.d + 1 | 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) | 0;
    this.c = this.c << 21 | this.c >>> 11;
    this.c = this.c + t | 0;
    return t >>> 0;
  }
  /** Uniform in [0, 1) with 32 bits of resolution; uniform(lo, hi) is uniform in [lo, hi). */
  uniform(lo = 0, hi = 1) {
    return lo + (hi - lo) * (this.nextUint32() / TWO_32);
  }
  /** Gaussian N(mean, std^2) by the Box-Muller transform (the second value is cached). */
  normal(mean2 = 0, std = 1) {
    let z;
    if (this.spare !== null) {
      z = this.spare;
      this.spare = null;
    } else {
      const u1 = 1 - this.uniform();
      const u2 = this.uniform();
      const r = Math.sqrt(-2 * Math.log(u1));
      z = r * Math.cos(2 * Math.PI * u2);
      this.spare = r * Math.sin(2 * Math.PI * u2);
    }
    return mean2 + std * z;
  }
  /** A uniform integer in [0, n), n an integer in [1, 2^32]. */
  int(n) {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`Random.int: n must be an integer in [1, 2^32], got ${n}`);
    const limit = TWO_32 - TWO_32 % n;
    let r = this.nextUint32();
    while (r >= limit) r = this.nextUint32();
    return r % n;
  }
  /** Shuffles in place (Fisher-Yates) and returns the same array. */
  shuffle(array) {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }
  /** A random permutation of 0..n-1. */
  permutation(n) {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }
};

// src/core/experiment/penalty.ts
var PENALTY_KEYS = ["l1", "l2", "expabs"];
function isZeroPenalty(p) {
  return !p || PENALTY_KEYS.every((k) => !p[k]);
}
function penaltyTerm(p, w) {
  const a = Math.abs(w);
  return (p.l1 ?? 0) * a + (p.l2 ?? 0) * a * a + (p.expabs ? p.expabs * Math.expm1(a) : 0);
}
function penaltyDerivative(p, w) {
  const s = w > 0 ? 1 : -1;
  return (p.l1 ?? 0) * s + 2 * (p.l2 ?? 0) * w + (p.expabs ? p.expabs * Math.exp(Math.abs(w)) * s : 0);
}

// src/core/engine/fused/activations.ts
var SELU_SCALE = 1.0507009873554805;
var SELU_SCALE_ALPHA = 1.7580993408473768;
var ERF_P = 0.3275911;
var ERF_A1 = 0.254829592;
var ERF_A2 = -0.284496736;
var ERF_A3 = 1.421413741;
var ERF_A4 = -1.453152027;
var ERF_A5 = 1.061405429;
var TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
function erfApprox(x) {
  const v = Math.abs(x);
  const t = 1 / (1 + ERF_P * v);
  const y = 1 - ((((ERF_A5 * t + ERF_A4) * t + ERF_A3) * t + ERF_A2) * t + ERF_A1) * t * Math.exp(-v * v);
  return x < 0 ? -y : x > 0 ? y : 0;
}
function sigmoid(x) {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
function softplus(x) {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
function fusedActivation(a) {
  return a in ELEMENTWISE || a === "softmax";
}
var ELEMENTWISE = {
  linear: { f: (z) => z, d: () => 1 },
  relu: { f: (z) => z > 0 ? z : 0, d: (z) => z > 0 ? 1 : 0 },
  relu6: { f: (z) => z > 0 ? z < 6 ? z : 6 : 0, d: (z) => z > 0 && z <= 6 ? 1 : 0 },
  sigmoid: { f: sigmoid, d: (_z, h) => h * (1 - h) },
  tanh: { f: Math.tanh, d: (_z, h) => 1 - h * h },
  elu: { f: (z) => z >= 0 ? z : Math.expm1(z), d: (_z, h) => h >= 0 ? 1 : h + 1 },
  selu: { f: (z) => z > 0 ? SELU_SCALE * z : SELU_SCALE_ALPHA * Math.expm1(z), d: (z) => z > 0 ? SELU_SCALE : SELU_SCALE_ALPHA * Math.exp(z) },
  softplus: { f: softplus, d: (z) => sigmoid(z) },
  softsign: { f: (z) => z / (1 + Math.abs(z)), d: (z) => 1 / ((1 + Math.abs(z)) * (1 + Math.abs(z))) },
  swish: { f: (z) => z * sigmoid(z), d: (z) => {
    const s = sigmoid(z);
    return s + z * s * (1 - s);
  } },
  gelu: {
    f: (z) => 0.5 * z * (1 + erfApprox(z / Math.SQRT2)),
    d: (z) => 0.5 * (1 + erfApprox(z / Math.SQRT2)) + 0.5 * z * TWO_OVER_SQRT_PI * Math.exp(-0.5 * z * z) / Math.SQRT2
  }
};
function activationValue(a) {
  return ELEMENTWISE[a].f;
}
function activate(a, z, h, units, rows) {
  const stride = rows;
  if (a === "softmax") {
    for (let r = 0; r < rows; r++) {
      let max2 = -Infinity;
      for (let u = 0; u < units; u++) max2 = Math.max(max2, z[u * stride + r]);
      let sum2 = 0;
      for (let u = 0; u < units; u++) {
        const e = Math.exp(z[u * stride + r] - max2);
        h[u * stride + r] = e;
        sum2 += e;
      }
      for (let u = 0; u < units; u++) h[u * stride + r] /= sum2;
    }
    return;
  }
  if (a === "linear") {
    if (h !== z) for (let u = 0; u < units; u++) h.set(z.subarray(u * stride, u * stride + rows), u * stride);
    return;
  }
  if (a === "relu") {
    for (let u = 0; u < units; u++) {
      const o = u * stride;
      for (let r = o; r < o + rows; r++) h[r] = z[r] > 0 ? z[r] : 0;
    }
    return;
  }
  const { f } = ELEMENTWISE[a];
  for (let u = 0; u < units; u++) {
    const o = u * stride;
    for (let r = o; r < o + rows; r++) h[r] = f(z[r]);
  }
}
function activationGradient(a, z, h, dh, dz, units, rows) {
  if (a === "softmax") {
    for (let r = 0; r < rows; r++) {
      let dot = 0;
      for (let u = 0; u < units; u++) dot += dh[u * rows + r] * h[u * rows + r];
      for (let u = 0; u < units; u++) dz[u * rows + r] = h[u * rows + r] * (dh[u * rows + r] - dot);
    }
    return;
  }
  const n = units * rows;
  if (a === "linear") {
    if (dz !== dh) dz.set(dh.subarray(0, n));
    return;
  }
  if (a === "relu") {
    for (let i = 0; i < n; i++) dz[i] = z[i] > 0 ? dh[i] : 0;
    return;
  }
  const { d } = ELEMENTWISE[a];
  for (let i = 0; i < n; i++) dz[i] = dh[i] * d(z[i], h[i]);
}

// src/core/engine/fused/denseKernels.ts
function denseForward(l, params, hin, z, rows) {
  const { inputs, units, kernel, bias } = l;
  for (let j = 0; j < units; j++) {
    const o = j * rows;
    z.fill(bias >= 0 ? params[bias + j] : 0, o, o + rows);
    for (let i = 0; i < inputs; i++) {
      const w = params[kernel + i * units + j];
      if (w === 0) continue;
      const hi = i * rows;
      for (let r = 0; r < rows; r++) z[o + r] += w * hin[hi + r];
    }
  }
}
function denseBackward(l, params, hin, dz, grads, dhin, rows) {
  const { inputs, units, kernel, bias } = l;
  if (dhin) dhin.fill(0, 0, inputs * rows);
  for (let j = 0; j < units; j++) {
    const o = j * rows;
    if (bias >= 0) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += dz[o + r];
      grads[bias + j] = s;
    }
    for (let i = 0; i < inputs; i++) {
      const hi = i * rows;
      let dot = 0;
      if (dhin) {
        const w = params[kernel + i * units + j];
        for (let r = 0; r < rows; r++) {
          const d = dz[o + r];
          dot += hin[hi + r] * d;
          dhin[hi + r] += w * d;
        }
      } else {
        for (let r = 0; r < rows; r++) dot += hin[hi + r] * dz[o + r];
      }
      grads[kernel + i * units + j] = dot;
    }
  }
}

// src/core/engine/fused/kernels.ts
var JS_KERNELS = {
  kind: "js",
  denseForward,
  denseBackward,
  denseForwardActivate(l, params, hin, z, h, rows) {
    denseForward(l, params, hin, z, rows);
    activate(l.activation, z, h, l.units, rows);
  },
  denseBackwardThrough(l, params, hin, dz, grads, below, zin, dhin, dzin, rows) {
    denseBackward(l, params, hin, dz, grads, dhin, rows);
    activationGradient(below.activation, zin, hin, dhin, dzin, below.units, rows);
  },
  activate,
  activationGradient,
  adam: null,
  hiddenIntoOutput: null,
  hiddenThroughOutput: null,
  hiddenIntoOutputF32: null
};

// src/core/engine/fused/compilationHints.ts
var import_node_v8 = require("node:v8");
var STRATEGY = { lazy: 1, eager: 2 };
var TURBOFAN = 2;
function turbofanHint(when) {
  return STRATEGY[when] | TURBOFAN << 2 | TURBOFAN << 4;
}
var allowed = false;
function allowCompilationHints() {
  if (allowed) return;
  allowed = true;
  (0, import_node_v8.setFlagsFromString)("--experimental-wasm-compilation-hints");
}
var SECTION = { custom: 0, import: 2, function: 3, export: 7 };
var IMPORT_FUNCTION = 0;
var EXPORT_FUNCTION = 0;
function withCompilationHints(module2, hintOf) {
  const reader = new Reader(module2, 8);
  let importedFunctions = 0;
  let definedFunctions = 0;
  let insertAt = -1;
  const exported = /* @__PURE__ */ new Map();
  while (reader.at < module2.length) {
    const id = module2[reader.at++];
    const size = reader.u32();
    const end = reader.at + size;
    if (id === SECTION.import) importedFunctions = countImportedFunctions(reader);
    else if (id === SECTION.function) {
      definedFunctions = reader.u32();
      insertAt = end;
    } else if (id === SECTION.export) {
      for (let n = reader.u32(); n > 0; n--) {
        const name2 = reader.name();
        const kind = module2[reader.at++];
        const index = reader.u32();
        if (kind === EXPORT_FUNCTION) exported.set(index, name2);
      }
    }
    reader.at = end;
  }
  if (insertAt < 0) return module2;
  const hints = Array.from({ length: definedFunctions }, (_, i) => hintOf(exported.get(importedFunctions + i)));
  const name = new TextEncoder().encode("compilationHints");
  const payload = [...leb128(name.length), ...name, ...leb128(definedFunctions), ...hints];
  const section = [SECTION.custom, ...leb128(payload.length), ...payload];
  const out = new Uint8Array(module2.length + section.length);
  out.set(module2.subarray(0, insertAt));
  out.set(section, insertAt);
  out.set(module2.subarray(insertAt), insertAt + section.length);
  return out;
}
function countImportedFunctions(r) {
  let functions = 0;
  for (let n = r.u32(); n > 0; n--) {
    r.name();
    r.name();
    const kind = r.bytes[r.at++];
    switch (kind) {
      case IMPORT_FUNCTION:
        functions++;
        r.u32();
        break;
      case 1:
        r.at++;
        r.limits();
        break;
      case 2:
        r.limits();
        break;
      case 3:
        r.at += 2;
        break;
      default:
        r.at++;
        r.u32();
    }
  }
  return functions;
}
var Reader = class {
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
  }
  /** An unsigned LEB128 number (up to 2^53: memory64 limits are u64). */
  u32() {
    let value = 0;
    let scale = 1;
    let byte;
    do {
      byte = this.bytes[this.at++];
      value += (byte & 127) * scale;
      scale *= 128;
    } while (byte & 128);
    return value;
  }
  name() {
    const length = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
  limits() {
    const flags = this.bytes[this.at++];
    this.u32();
    if (flags & 1) this.u32();
  }
};
function leb128(n) {
  const out = [];
  do {
    let byte = n & 127;
    n >>>= 7;
    if (n) byte |= 128;
    out.push(byte);
  } while (n);
  return out;
}

// node_modules/@tensorflow/tfjs-core/dist/backends/backend.js
var EPSILON_FLOAT32 = 1e-7;
var EPSILON_FLOAT16 = 1e-4;
var KernelBackend = class {
  refCount(dataId) {
    return notYetImplemented("refCount");
  }
  incRef(dataId) {
    return notYetImplemented("incRef");
  }
  timerAvailable() {
    return true;
  }
  time(f) {
    return notYetImplemented("time");
  }
  read(dataId) {
    return notYetImplemented("read");
  }
  readSync(dataId) {
    return notYetImplemented("readSync");
  }
  readToGPU(dataId, options) {
    return notYetImplemented("readToGPU");
  }
  numDataIds() {
    return notYetImplemented("numDataIds");
  }
  disposeData(dataId, force) {
    return notYetImplemented("disposeData");
  }
  write(values, shape, dtype) {
    return notYetImplemented("write");
  }
  move(dataId, values, shape, dtype, refCount) {
    return notYetImplemented("move");
  }
  createTensorFromGPUData(values, shape, dtype) {
    return notYetImplemented("createTensorFromGPUData");
  }
  memory() {
    return notYetImplemented("memory");
  }
  /** Returns the highest precision for floats in bits (e.g. 16 or 32) */
  floatPrecision() {
    return notYetImplemented("floatPrecision");
  }
  /** Returns the smallest representable number.  */
  epsilon() {
    return this.floatPrecision() === 32 ? EPSILON_FLOAT32 : EPSILON_FLOAT16;
  }
  dispose() {
    return notYetImplemented("dispose");
  }
};
function notYetImplemented(kernelName) {
  throw new Error(`'${kernelName}' not yet implemented or not found in the registry. This kernel may not be supported by the tfjs backend you have chosen`);
}

// node_modules/@tensorflow/tfjs-core/dist/util_base.js
function assert(expr, msg) {
  if (!expr) {
    throw new Error(typeof msg === "string" ? msg : msg());
  }
}
function sizeFromShape(shape) {
  if (shape.length === 0) {
    return 1;
  }
  let size = shape[0];
  for (let i = 1; i < shape.length; i++) {
    size *= shape[i];
  }
  return size;
}
function arraysEqual(n1, n2) {
  if (n1 === n2) {
    return true;
  }
  if (n1 == null || n2 == null) {
    return false;
  }
  if (n1.length !== n2.length) {
    return false;
  }
  for (let i = 0; i < n1.length; i++) {
    if (n1[i] !== n2[i]) {
      return false;
    }
  }
  return true;
}
function rightPad(a, size) {
  if (size <= a.length) {
    return a;
  }
  return a + " ".repeat(size - a.length);
}
function getArrayFromDType(dtype, size) {
  let values = null;
  if (dtype == null || dtype === "float32") {
    values = new Float32Array(size);
  } else if (dtype === "int32") {
    values = new Int32Array(size);
  } else if (dtype === "bool") {
    values = new Uint8Array(size);
  } else if (dtype === "string") {
    values = new Array(size);
  } else {
    throw new Error(`Unknown data type ${dtype}`);
  }
  return values;
}
function checkConversionForErrors(vals, dtype) {
  for (let i = 0; i < vals.length; i++) {
    const num = vals[i];
    if (isNaN(num) || !isFinite(num)) {
      throw Error(`A tensor of type ${dtype} being uploaded contains ${num}.`);
    }
  }
}
function isValidDtype(dtype) {
  return dtype === "bool" || dtype === "complex64" || dtype === "float32" || dtype === "int32" || dtype === "string";
}
function bytesPerElement(dtype) {
  if (dtype === "float32" || dtype === "int32") {
    return 4;
  } else if (dtype === "complex64") {
    return 8;
  } else if (dtype === "bool") {
    return 1;
  } else {
    throw new Error(`Unknown dtype ${dtype}`);
  }
}
function bytesFromStringArray(arr) {
  if (arr == null) {
    return 0;
  }
  let bytes = 0;
  arr.forEach((x) => bytes += x.length);
  return bytes;
}
function isString(value) {
  return typeof value === "string" || value instanceof String;
}
function isBoolean(value) {
  return typeof value === "boolean";
}
function isNumber(value) {
  return typeof value === "number";
}
function inferDtype(values) {
  if (Array.isArray(values)) {
    return inferDtype(values[0]);
  }
  if (values instanceof Float32Array) {
    return "float32";
  } else if (values instanceof Int32Array || values instanceof Uint8Array || values instanceof Uint8ClampedArray) {
    return "int32";
  } else if (isNumber(values)) {
    return "float32";
  } else if (isString(values)) {
    return "string";
  } else if (isBoolean(values)) {
    return "bool";
  }
  return "float32";
}
function isFunction(f) {
  return !!(f && f.constructor && f.call && f.apply);
}
function computeStrides(shape) {
  const rank = shape.length;
  if (rank < 2) {
    return [];
  }
  const strides = new Array(rank - 1);
  strides[rank - 2] = shape[rank - 1];
  for (let i = rank - 3; i >= 0; --i) {
    strides[i] = strides[i + 1] * shape[i + 1];
  }
  return strides;
}
function createNestedArray(offset, shape, a, isComplex = false) {
  const ret = new Array();
  if (shape.length === 1) {
    const d = shape[0] * (isComplex ? 2 : 1);
    for (let i = 0; i < d; i++) {
      ret[i] = a[offset + i];
    }
  } else {
    const d = shape[0];
    const rest2 = shape.slice(1);
    const len = rest2.reduce((acc, c) => acc * c) * (isComplex ? 2 : 1);
    for (let i = 0; i < d; i++) {
      ret[i] = createNestedArray(offset + i * len, rest2, a, isComplex);
    }
  }
  return ret;
}
function toNestedArray(shape, a, isComplex = false) {
  if (shape.length === 0) {
    return a[0];
  }
  const size = shape.reduce((acc, c) => acc * c) * (isComplex ? 2 : 1);
  if (size === 0) {
    return [];
  }
  if (size !== a.length) {
    throw new Error(`[${shape}] does not match the input size ${a.length}${isComplex ? " for a complex tensor" : ""}.`);
  }
  return createNestedArray(0, shape, a, isComplex);
}
function makeOnesTypedArray(size, dtype) {
  const array = makeZerosTypedArray(size, dtype);
  for (let i = 0; i < array.length; i++) {
    array[i] = 1;
  }
  return array;
}
function makeZerosTypedArray(size, dtype) {
  if (dtype == null || dtype === "float32" || dtype === "complex64") {
    return new Float32Array(size);
  } else if (dtype === "int32") {
    return new Int32Array(size);
  } else if (dtype === "bool") {
    return new Uint8Array(size);
  } else {
    throw new Error(`Unknown data type ${dtype}`);
  }
}
function assertNonNegativeIntegerDimensions(shape) {
  shape.forEach((dimSize) => {
    assert(Number.isInteger(dimSize) && dimSize >= 0, () => `Tensor must have a shape comprised of positive integers but got shape [${shape}].`);
  });
}
function isPromise(object) {
  return object && object.then && typeof object.then === "function";
}

// node_modules/@tensorflow/tfjs-core/dist/environment.js
var TENSORFLOWJS_FLAGS_PREFIX = "tfjsflags";
var Environment = class {
  // tslint:disable-next-line: no-any
  constructor(global2) {
    this.global = global2;
    this.flags = {};
    this.flagRegistry = {};
    this.urlFlags = {};
    this.getQueryParams = getQueryParams;
    this.populateURLFlags();
  }
  setPlatform(platformName, platform) {
    if (this.platform != null) {
      if (!(env().getBool("IS_TEST") || env().getBool("PROD"))) {
        console.warn(`Platform ${this.platformName} has already been set. Overwriting the platform with ${platformName}.`);
      }
    }
    this.platformName = platformName;
    this.platform = platform;
  }
  registerFlag(flagName, evaluationFn, setHook) {
    this.flagRegistry[flagName] = { evaluationFn, setHook };
    if (this.urlFlags[flagName] != null) {
      const flagValue = this.urlFlags[flagName];
      if (!(env().getBool("IS_TEST") || env().getBool("PROD"))) {
        console.warn(`Setting feature override from URL ${flagName}: ${flagValue}.`);
      }
      this.set(flagName, flagValue);
    }
  }
  async getAsync(flagName) {
    if (flagName in this.flags) {
      return this.flags[flagName];
    }
    this.flags[flagName] = await this.evaluateFlag(flagName);
    return this.flags[flagName];
  }
  get(flagName) {
    if (flagName in this.flags) {
      return this.flags[flagName];
    }
    const flagValue = this.evaluateFlag(flagName);
    if (isPromise(flagValue)) {
      throw new Error(`Flag ${flagName} cannot be synchronously evaluated. Please use getAsync() instead.`);
    }
    this.flags[flagName] = flagValue;
    return this.flags[flagName];
  }
  getNumber(flagName) {
    return this.get(flagName);
  }
  getBool(flagName) {
    return this.get(flagName);
  }
  getString(flagName) {
    return this.get(flagName);
  }
  getFlags() {
    return this.flags;
  }
  // For backwards compatibility.
  get features() {
    return this.flags;
  }
  set(flagName, value) {
    if (this.flagRegistry[flagName] == null) {
      throw new Error(`Cannot set flag ${flagName} as it has not been registered.`);
    }
    this.flags[flagName] = value;
    if (this.flagRegistry[flagName].setHook != null) {
      this.flagRegistry[flagName].setHook(value);
    }
  }
  evaluateFlag(flagName) {
    if (this.flagRegistry[flagName] == null) {
      throw new Error(`Cannot evaluate flag '${flagName}': no evaluation function found.`);
    }
    return this.flagRegistry[flagName].evaluationFn();
  }
  setFlags(flags) {
    this.flags = Object.assign({}, flags);
  }
  reset() {
    this.flags = {};
    this.urlFlags = {};
    this.populateURLFlags();
  }
  populateURLFlags() {
    if (typeof this.global === "undefined" || typeof this.global.location === "undefined" || typeof this.global.location.search === "undefined") {
      return;
    }
    const urlParams = this.getQueryParams(this.global.location.search);
    if (TENSORFLOWJS_FLAGS_PREFIX in urlParams) {
      const keyValues = urlParams[TENSORFLOWJS_FLAGS_PREFIX].split(",");
      keyValues.forEach((keyValue) => {
        const [key, value] = keyValue.split(":");
        this.urlFlags[key] = parseValue(key, value);
      });
    }
  }
};
function getQueryParams(queryString) {
  const params = {};
  queryString.replace(/[?&]([^=?&]+)(?:=([^&]*))?/g, (s, ...t) => {
    decodeParam(params, t[0], t[1]);
    return t.join("=");
  });
  return params;
}
function decodeParam(params, name, value) {
  params[decodeURIComponent(name)] = decodeURIComponent(value || "");
}
function parseValue(flagName, value) {
  const lowerCaseValue = value.toLowerCase();
  if (lowerCaseValue === "true" || lowerCaseValue === "false") {
    return lowerCaseValue === "true";
  } else if (`${+lowerCaseValue}` === lowerCaseValue) {
    return +lowerCaseValue;
  } else {
    return value;
  }
}
function env() {
  return ENV;
}
var ENV = null;
function setEnvironmentGlobal(environment) {
  ENV = environment;
}

// node_modules/@tensorflow/tfjs-core/dist/global_util.js
var globalNameSpace;
function getGlobalNamespace() {
  if (globalNameSpace == null) {
    let ns;
    if (typeof window !== "undefined") {
      ns = window;
    } else if (typeof global !== "undefined") {
      ns = global;
    } else if (typeof process !== "undefined") {
      ns = process;
    } else if (typeof self !== "undefined") {
      ns = self;
    } else {
      throw new Error("Could not find a global object");
    }
    globalNameSpace = ns;
  }
  return globalNameSpace;
}
function getGlobalMap() {
  const ns = getGlobalNamespace();
  if (ns._tfGlobals == null) {
    ns._tfGlobals = /* @__PURE__ */ new Map();
  }
  return ns._tfGlobals;
}
function getGlobal(key, init) {
  const globalMap = getGlobalMap();
  if (globalMap.has(key)) {
    return globalMap.get(key);
  } else {
    const singleton = init();
    globalMap.set(key, singleton);
    return globalMap.get(key);
  }
}

// node_modules/@tensorflow/tfjs-core/dist/kernel_names.js
var Abs = "Abs";
var Add = "Add";
var Cast = "Cast";
var ComplexAbs = "ComplexAbs";
var RealDiv = "RealDiv";
var Fill = "Fill";
var FloorDiv = "FloorDiv";
var Identity = "Identity";
var Maximum = "Maximum";
var Multiply = "Multiply";
var Pow = "Pow";
var Sqrt = "Sqrt";
var Sub = "Sub";
var ZerosLike = "ZerosLike";

// node_modules/@tensorflow/tfjs-core/dist/log.js
function warn(...msg) {
  if (!(env().getBool("IS_TEST") || env().getBool("PROD"))) {
    console.warn(...msg);
  }
}

// node_modules/@tensorflow/tfjs-core/dist/kernel_registry.js
var kernelRegistry = getGlobal("kernelRegistry", () => /* @__PURE__ */ new Map());
var gradRegistry = getGlobal("gradRegistry", () => /* @__PURE__ */ new Map());
function getKernel(kernelName, backendName) {
  const key = makeKey(kernelName, backendName);
  return kernelRegistry.get(key);
}
function getGradient(kernelName) {
  return gradRegistry.get(kernelName);
}
function getKernelsForBackend(backendName) {
  const it = kernelRegistry.entries();
  const result = [];
  while (true) {
    const { done, value } = it.next();
    if (done) {
      break;
    }
    const [key, config] = value;
    const [backend] = key.split("_");
    if (backend === backendName) {
      result.push(config);
    }
  }
  return result;
}
function makeKey(kernelName, backendName) {
  return `${backendName}_${kernelName}`;
}

// node_modules/@tensorflow/tfjs-core/dist/platforms/is_typed_array_browser.js
function isTypedArrayBrowser(a) {
  return a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array || a instanceof Uint8ClampedArray;
}

// node_modules/@tensorflow/tfjs-core/dist/util.js
function noConversionNeeded(a, dtype) {
  return a instanceof Float32Array && dtype === "float32" || a instanceof Int32Array && dtype === "int32" || a instanceof Uint8Array && dtype === "bool";
}
function toTypedArray(a, dtype) {
  if (dtype === "string") {
    throw new Error("Cannot convert a string[] to a TypedArray");
  }
  if (Array.isArray(a)) {
    a = flatten(a);
  }
  if (env().getBool("DEBUG")) {
    checkConversionForErrors(a, dtype);
  }
  if (noConversionNeeded(a, dtype)) {
    return a;
  }
  if (dtype == null || dtype === "float32" || dtype === "complex64") {
    return new Float32Array(a);
  } else if (dtype === "int32") {
    return new Int32Array(a);
  } else if (dtype === "bool") {
    const bool = new Uint8Array(a.length);
    for (let i = 0; i < bool.length; ++i) {
      if (Math.round(a[i]) !== 0) {
        bool[i] = 1;
      }
    }
    return bool;
  } else {
    throw new Error(`Unknown data type ${dtype}`);
  }
}
function now() {
  return env().platform.now();
}
function encodeString(s, encoding = "utf-8") {
  encoding = encoding || "utf-8";
  return env().platform.encode(s, encoding);
}
function decodeString(bytes, encoding = "utf-8") {
  encoding = encoding || "utf-8";
  return env().platform.decode(bytes, encoding);
}
function isTypedArray(a) {
  if (env().platform.isTypedArray != null) {
    return env().platform.isTypedArray(a);
  } else {
    return isTypedArrayBrowser(a);
  }
}
function flatten(arr, result = [], skipTypedArray = false) {
  if (result == null) {
    result = [];
  }
  if (typeof arr === "boolean" || typeof arr === "number" || typeof arr === "string" || isPromise(arr) || arr == null || isTypedArray(arr) && skipTypedArray) {
    result.push(arr);
  } else if (Array.isArray(arr) || isTypedArray(arr)) {
    for (let i = 0; i < arr.length; ++i) {
      flatten(arr[i], result, skipTypedArray);
    }
  } else {
    let maxIndex = -1;
    for (const key of Object.keys(arr)) {
      if (/^([1-9]+[0-9]*|0)$/.test(key)) {
        maxIndex = Math.max(maxIndex, Number(key));
      }
    }
    for (let i = 0; i <= maxIndex; i++) {
      flatten(arr[i], result, skipTypedArray);
    }
  }
  return result;
}

// node_modules/@tensorflow/tfjs-core/dist/profiler.js
var Profiler = class {
  constructor(backendTimer, logger) {
    this.backendTimer = backendTimer;
    this.logger = logger;
    if (logger == null) {
      this.logger = new Logger();
    }
  }
  profileKernel(kernelName, inputs, f) {
    let outputs;
    const holdResultWrapperFn = () => {
      outputs = f();
    };
    let timer;
    const start = now();
    if (this.backendTimer.timerAvailable()) {
      timer = this.backendTimer.time(holdResultWrapperFn);
    } else {
      holdResultWrapperFn();
      for (const output of outputs) {
        output.dataSync();
      }
      timer = Promise.resolve({ kernelMs: now() - start });
    }
    if (env().getBool("CHECK_COMPUTATION_FOR_ERRORS")) {
      for (let i = 0; i < outputs.length; i++) {
        const output = outputs[i];
        output.data().then((tensorVals) => {
          checkComputationForErrors(tensorVals, output.dtype, kernelName);
        });
      }
    }
    const kernelProfile = {
      kernelName,
      outputs,
      inputs,
      timeMs: timer.then((timing) => timing.kernelMs),
      extraInfo: timer.then((timing) => timing.getExtraProfileInfo != null ? timing.getExtraProfileInfo() : "")
    };
    return kernelProfile;
  }
  logKernelProfile(kernelProfile) {
    const { kernelName, outputs, timeMs, inputs, extraInfo } = kernelProfile;
    outputs.forEach((result) => {
      Promise.all([result.data(), timeMs, extraInfo]).then((valueContainer) => {
        this.logger.logKernelProfile(kernelName, result, valueContainer[0], valueContainer[1], inputs, valueContainer[2]);
      });
    });
  }
};
function checkComputationForErrors(vals, dtype, kernelName) {
  if (dtype !== "float32") {
    return false;
  }
  for (let i = 0; i < vals.length; i++) {
    const num = vals[i];
    if (isNaN(num) || !isFinite(num)) {
      console.warn(`Found ${num} in the result of '${kernelName}'`);
      return true;
    }
  }
  return false;
}
var Logger = class {
  logKernelProfile(name, result, vals, timeMs, inputs, extraInfo) {
    const time = typeof timeMs === "number" ? rightPad(`${timeMs}ms`, 9) : timeMs["error"];
    const paddedName = rightPad(name, 25);
    const rank = result.rank;
    const size = result.size;
    const shape = rightPad(result.shape.toString(), 14);
    let inputShapesDescription = "";
    for (const name2 in inputs) {
      const input = inputs[name2];
      if (input != null) {
        const inputShape = input.shape || result.shape;
        const inputRank = inputShape.length;
        inputShapesDescription += `${name2}: ${inputRank}D ${inputRank > 0 ? inputShape : ""} `;
      }
    }
    console.log(`%c${paddedName}	%c${time}	%c${rank}D ${shape}	%c${size}	%c${inputShapesDescription}	%c${extraInfo}`, "font-weight:bold", "color:red", "color:blue", "color: orange", "color: green", "color: steelblue");
  }
};

// node_modules/@tensorflow/tfjs-core/dist/tape.js
function getFilteredNodesXToY(tape, xs, y) {
  const tensorsFromX = {};
  const nodesFromX = {};
  for (let i = 0; i < xs.length; i++) {
    tensorsFromX[xs[i].id] = true;
  }
  for (let i = 0; i < tape.length; i++) {
    const node = tape[i];
    const nodeInputs = node.inputs;
    for (const inputName in nodeInputs) {
      const input = nodeInputs[inputName];
      let anyInputFromX = false;
      for (let j = 0; j < xs.length; j++) {
        if (tensorsFromX[input.id]) {
          node.outputs.forEach((output) => tensorsFromX[output.id] = true);
          anyInputFromX = true;
          nodesFromX[node.id] = true;
          break;
        }
      }
      if (anyInputFromX) {
        break;
      }
    }
  }
  const tensorsLeadToY = {};
  tensorsLeadToY[y.id] = true;
  const nodesToY = {};
  for (let i = tape.length - 1; i >= 0; i--) {
    const node = tape[i];
    const nodeInputs = node.inputs;
    for (let j = 0; j < node.outputs.length; j++) {
      if (tensorsLeadToY[node.outputs[j].id]) {
        for (const inputName in nodeInputs) {
          tensorsLeadToY[nodeInputs[inputName].id] = true;
          nodesToY[node.id] = true;
        }
        break;
      }
    }
  }
  const filteredTape = [];
  for (let i = 0; i < tape.length; i++) {
    const node = tape[i];
    if (nodesFromX[node.id] && nodesToY[node.id]) {
      const prunedInputs = {};
      for (const inputName in node.inputs) {
        const nodeInput = node.inputs[inputName];
        if (tensorsFromX[nodeInput.id]) {
          prunedInputs[inputName] = nodeInput;
        }
      }
      const prunedNode = Object.assign({}, node);
      prunedNode.inputs = prunedInputs;
      prunedNode.outputs = node.outputs;
      filteredTape.push(prunedNode);
    }
  }
  return filteredTape;
}
function backpropagateGradients(tensorAccumulatedGradientMap, filteredTape, tidy2, add3) {
  for (let i = filteredTape.length - 1; i >= 0; i--) {
    const node = filteredTape[i];
    const dys = [];
    node.outputs.forEach((o) => {
      const gradTensor = tensorAccumulatedGradientMap[o.id];
      if (gradTensor != null) {
        dys.push(gradTensor);
      } else {
        dys.push(null);
      }
    });
    if (node.gradient == null) {
      throw new Error(`Cannot compute gradient: gradient function not found for ${node.kernelName}.`);
    }
    const inputGradients = node.gradient(dys);
    for (const inputName in node.inputs) {
      if (!(inputName in inputGradients)) {
        throw new Error(`Cannot backprop through input ${inputName}. Available gradients found: ${Object.keys(inputGradients)}.`);
      }
      const dx = tidy2(() => inputGradients[inputName]());
      if (dx.dtype !== "float32") {
        throw new Error(`Error in gradient for op ${node.kernelName}. The gradient of input ${inputName} must have 'float32' dtype, but has '${dx.dtype}'`);
      }
      const x = node.inputs[inputName];
      if (!arraysEqual(dx.shape, x.shape)) {
        throw new Error(`Error in gradient for op ${node.kernelName}. The gradient of input '${inputName}' has shape '${dx.shape}', which does not match the shape of the input '${x.shape}'`);
      }
      if (tensorAccumulatedGradientMap[x.id] == null) {
        tensorAccumulatedGradientMap[x.id] = dx;
      } else {
        const curGradient = tensorAccumulatedGradientMap[x.id];
        tensorAccumulatedGradientMap[x.id] = add3(curGradient, dx);
        curGradient.dispose();
      }
    }
  }
}

// node_modules/@tensorflow/tfjs-core/dist/tensor_format.js
var FORMAT_LIMIT_NUM_VALS = 20;
var FORMAT_NUM_FIRST_LAST_VALS = 3;
var FORMAT_NUM_SIG_DIGITS = 7;
function tensorToString(vals, shape, dtype, verbose) {
  const strides = computeStrides(shape);
  const padPerCol = computeMaxSizePerColumn(vals, shape, dtype, strides);
  const rank = shape.length;
  const valsLines = subTensorToString(vals, shape, dtype, strides, padPerCol);
  const lines = ["Tensor"];
  if (verbose) {
    lines.push(`  dtype: ${dtype}`);
    lines.push(`  rank: ${rank}`);
    lines.push(`  shape: [${shape}]`);
    lines.push(`  values:`);
  }
  lines.push(valsLines.map((l) => "    " + l).join("\n"));
  return lines.join("\n");
}
function computeMaxSizePerColumn(vals, shape, dtype, strides) {
  const n = sizeFromShape(shape);
  const numCols = strides[strides.length - 1];
  const padPerCol = new Array(numCols).fill(0);
  const rank = shape.length;
  const valuesOrTuples = dtype === "complex64" ? createComplexTuples(vals) : vals;
  if (rank > 1) {
    for (let row = 0; row < n / numCols; row++) {
      const offset = row * numCols;
      for (let j = 0; j < numCols; j++) {
        padPerCol[j] = Math.max(padPerCol[j], valToString(valuesOrTuples[offset + j], 0, dtype).length);
      }
    }
  }
  return padPerCol;
}
function valToString(val, pad, dtype) {
  let valStr;
  if (Array.isArray(val)) {
    valStr = `${parseFloat(val[0].toFixed(FORMAT_NUM_SIG_DIGITS))} + ${parseFloat(val[1].toFixed(FORMAT_NUM_SIG_DIGITS))}j`;
  } else if (isString(val)) {
    valStr = `'${val}'`;
  } else if (dtype === "bool") {
    valStr = boolNumToString(val);
  } else {
    valStr = parseFloat(val.toFixed(FORMAT_NUM_SIG_DIGITS)).toString();
  }
  return rightPad(valStr, pad);
}
function boolNumToString(v) {
  return v === 0 ? "false" : "true";
}
function subTensorToString(vals, shape, dtype, strides, padPerCol, isLast = true) {
  const storagePerElement = dtype === "complex64" ? 2 : 1;
  const size = shape[0];
  const rank = shape.length;
  if (rank === 0) {
    if (dtype === "complex64") {
      const complexTuple = createComplexTuples(vals);
      return [valToString(complexTuple[0], 0, dtype)];
    }
    if (dtype === "bool") {
      return [boolNumToString(vals[0])];
    }
    return [vals[0].toString()];
  }
  if (rank === 1) {
    if (size > FORMAT_LIMIT_NUM_VALS) {
      const firstValsSize = FORMAT_NUM_FIRST_LAST_VALS * storagePerElement;
      let firstVals = Array.from(vals.slice(0, firstValsSize));
      let lastVals = Array.from(vals.slice((size - FORMAT_NUM_FIRST_LAST_VALS) * storagePerElement, size * storagePerElement));
      if (dtype === "complex64") {
        firstVals = createComplexTuples(firstVals);
        lastVals = createComplexTuples(lastVals);
      }
      return [
        "[" + firstVals.map((x, i) => valToString(x, padPerCol[i], dtype)).join(", ") + ", ..., " + lastVals.map((x, i) => valToString(x, padPerCol[size - FORMAT_NUM_FIRST_LAST_VALS + i], dtype)).join(", ") + "]"
      ];
    }
    const displayVals = dtype === "complex64" ? createComplexTuples(vals) : Array.from(vals);
    return [
      "[" + displayVals.map((x, i) => valToString(x, padPerCol[i], dtype)).join(", ") + "]"
    ];
  }
  const subshape = shape.slice(1);
  const substrides = strides.slice(1);
  const stride = strides[0] * storagePerElement;
  const lines = [];
  if (size > FORMAT_LIMIT_NUM_VALS) {
    for (let i = 0; i < FORMAT_NUM_FIRST_LAST_VALS; i++) {
      const start = i * stride;
      const end = start + stride;
      lines.push(...subTensorToString(
        vals.slice(start, end),
        subshape,
        dtype,
        substrides,
        padPerCol,
        false
        /* isLast */
      ));
    }
    lines.push("...");
    for (let i = size - FORMAT_NUM_FIRST_LAST_VALS; i < size; i++) {
      const start = i * stride;
      const end = start + stride;
      lines.push(...subTensorToString(
        vals.slice(start, end),
        subshape,
        dtype,
        substrides,
        padPerCol,
        i === size - 1
        /* isLast */
      ));
    }
  } else {
    for (let i = 0; i < size; i++) {
      const start = i * stride;
      const end = start + stride;
      lines.push(...subTensorToString(
        vals.slice(start, end),
        subshape,
        dtype,
        substrides,
        padPerCol,
        i === size - 1
        /* isLast */
      ));
    }
  }
  const sep = rank === 2 ? "," : "";
  lines[0] = "[" + (size > 0 ? lines[0] + sep : "");
  for (let i = 1; i < lines.length - 1; i++) {
    lines[i] = " " + lines[i] + sep;
  }
  let newLineSep = ",\n";
  for (let i = 2; i < rank; i++) {
    newLineSep += "\n";
  }
  lines[lines.length - 1] = " " + lines[lines.length - 1] + "]" + (isLast ? "" : newLineSep);
  return lines;
}
function createComplexTuples(vals) {
  const complexTuples = [];
  for (let i = 0; i < vals.length; i += 2) {
    complexTuples.push([vals[i], vals[i + 1]]);
  }
  return complexTuples;
}

// node_modules/@tensorflow/tfjs-core/dist/tensor.js
var TensorBuffer = class {
  constructor(shape, dtype, values) {
    this.dtype = dtype;
    this.shape = shape.slice();
    this.size = sizeFromShape(shape);
    if (values != null) {
      const n = values.length;
      assert(n === this.size, () => `Length of values '${n}' does not match the size inferred by the shape '${this.size}'.`);
    }
    if (dtype === "complex64") {
      throw new Error(`complex64 dtype TensorBuffers are not supported. Please create a TensorBuffer for the real and imaginary parts separately and call tf.complex(real, imag).`);
    }
    this.values = values || getArrayFromDType(dtype, this.size);
    this.strides = computeStrides(shape);
  }
  /**
   * Sets a value in the buffer at a given location.
   *
   * @param value The value to set.
   * @param locs  The location indices.
   *
   * @doc {heading: 'Tensors', subheading: 'Creation'}
   */
  set(value, ...locs) {
    if (locs.length === 0) {
      locs = [0];
    }
    assert(locs.length === this.rank, () => `The number of provided coordinates (${locs.length}) must match the rank (${this.rank})`);
    const index = this.locToIndex(locs);
    this.values[index] = value;
  }
  /**
   * Returns the value in the buffer at the provided location.
   *
   * @param locs The location indices.
   *
   * @doc {heading: 'Tensors', subheading: 'Creation'}
   */
  get(...locs) {
    if (locs.length === 0) {
      locs = [0];
    }
    let i = 0;
    for (const loc of locs) {
      if (loc < 0 || loc >= this.shape[i]) {
        const msg = `Requested out of range element at ${locs}.   Buffer shape=${this.shape}`;
        throw new Error(msg);
      }
      i++;
    }
    let index = locs[locs.length - 1];
    for (let i2 = 0; i2 < locs.length - 1; ++i2) {
      index += this.strides[i2] * locs[i2];
    }
    return this.values[index];
  }
  locToIndex(locs) {
    if (this.rank === 0) {
      return 0;
    } else if (this.rank === 1) {
      return locs[0];
    }
    let index = locs[locs.length - 1];
    for (let i = 0; i < locs.length - 1; ++i) {
      index += this.strides[i] * locs[i];
    }
    return index;
  }
  indexToLoc(index) {
    if (this.rank === 0) {
      return [];
    } else if (this.rank === 1) {
      return [index];
    }
    const locs = new Array(this.shape.length);
    for (let i = 0; i < locs.length - 1; ++i) {
      locs[i] = Math.floor(index / this.strides[i]);
      index -= locs[i] * this.strides[i];
    }
    locs[locs.length - 1] = index;
    return locs;
  }
  get rank() {
    return this.shape.length;
  }
  /**
   * Creates an immutable `tf.Tensor` object from the buffer.
   *
   * @doc {heading: 'Tensors', subheading: 'Creation'}
   */
  toTensor() {
    return trackerFn().makeTensor(this.values, this.shape, this.dtype);
  }
};
var trackerFn = null;
var opHandler = null;
var deprecationWarningFn = null;
function setTensorTracker(fn) {
  trackerFn = fn;
}
function setOpHandler(handler) {
  opHandler = handler;
}
function setDeprecationWarningFn(fn) {
  deprecationWarningFn = fn;
}
var Tensor = class {
  constructor(shape, dtype, dataId, id) {
    this.kept = false;
    this.isDisposedInternal = false;
    this.shape = shape.slice();
    this.dtype = dtype || "float32";
    this.size = sizeFromShape(shape);
    this.strides = computeStrides(shape);
    this.dataId = dataId;
    this.id = id;
    this.rankType = this.rank < 5 ? this.rank.toString() : "higher";
  }
  get rank() {
    return this.shape.length;
  }
  /**
   * Returns a promise of `tf.TensorBuffer` that holds the underlying data.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  async buffer() {
    const vals = await this.data();
    return opHandler.buffer(this.shape, this.dtype, vals);
  }
  /**
   * Returns a `tf.TensorBuffer` that holds the underlying data.
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  bufferSync() {
    return opHandler.buffer(this.shape, this.dtype, this.dataSync());
  }
  /**
   * Returns the tensor data as a nested array. The transfer of data is done
   * asynchronously.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  async array() {
    const vals = await this.data();
    return toNestedArray(this.shape, vals, this.dtype === "complex64");
  }
  /**
   * Returns the tensor data as a nested array. The transfer of data is done
   * synchronously.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  arraySync() {
    return toNestedArray(this.shape, this.dataSync(), this.dtype === "complex64");
  }
  /**
   * Asynchronously downloads the values from the `tf.Tensor`. Returns a
   * promise of `TypedArray` that resolves when the computation has finished.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  async data() {
    this.throwIfDisposed();
    const data = trackerFn().read(this.dataId);
    if (this.dtype === "string") {
      const bytes = await data;
      try {
        return bytes.map((b) => decodeString(b));
      } catch (_a) {
        throw new Error("Failed to decode the string bytes into utf-8. To get the original bytes, call tensor.bytes().");
      }
    }
    return data;
  }
  /**
   * Copy the tensor's data to a new GPU resource. Comparing to the `dataSync()`
   * and `data()`, this method prevents data from being downloaded to CPU.
   *
   * For WebGL backend, the data will be stored on a densely packed texture.
   * This means that the texture will use the RGBA channels to store value.
   *
   * For WebGPU backend, the data will be stored on a buffer. There is no
   * parameter, so can not use a user-defined size to create the buffer.
   *
   * @param options:
   *     For WebGL,
   *         - customTexShape: Optional. If set, will use the user defined
   *     texture shape to create the texture.
   *
   * @returns For WebGL backend, a GPUData contains the new texture and
   *     its information.
   *     {
   *        tensorRef: The tensor that is associated with this texture,
   *        texture: WebGLTexture,
   *        texShape: [number, number] // [height, width]
   *     }
   *
   *     For WebGPU backend, a GPUData contains the new buffer.
   *     {
   *        tensorRef: The tensor that is associated with this buffer,
   *        buffer: GPUBuffer,
   *     }
   *
   *     Remember to dispose the GPUData after it is used by
   *     `res.tensorRef.dispose()`.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  dataToGPU(options) {
    this.throwIfDisposed();
    return trackerFn().readToGPU(this.dataId, options);
  }
  /**
   * Synchronously downloads the values from the `tf.Tensor`. This blocks the
   * UI thread until the values are ready, which can cause performance issues.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  dataSync() {
    this.throwIfDisposed();
    const data = trackerFn().readSync(this.dataId);
    if (this.dtype === "string") {
      try {
        return data.map((b) => decodeString(b));
      } catch (_a) {
        throw new Error("Failed to decode the string bytes into utf-8. To get the original bytes, call tensor.bytes().");
      }
    }
    return data;
  }
  /** Returns the underlying bytes of the tensor's data. */
  async bytes() {
    this.throwIfDisposed();
    const data = await trackerFn().read(this.dataId);
    if (this.dtype === "string") {
      return data;
    } else {
      return new Uint8Array(data.buffer);
    }
  }
  /**
   * Disposes `tf.Tensor` from memory.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  dispose() {
    if (this.isDisposed) {
      return;
    }
    if (this.kerasMask) {
      this.kerasMask.dispose();
    }
    trackerFn().disposeTensor(this);
    this.isDisposedInternal = true;
  }
  get isDisposed() {
    return this.isDisposedInternal;
  }
  throwIfDisposed() {
    if (this.isDisposed) {
      throw new Error(`Tensor is disposed.`);
    }
  }
  /**
   * Prints the `tf.Tensor`. See `tf.print` for details.
   *
   * @param verbose Whether to print verbose information about the tensor,
   *    including dtype and size.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  print(verbose = false) {
    return opHandler.print(this, verbose);
  }
  /**
   * Returns a copy of the tensor. See `tf.clone` for details.
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  clone() {
    this.throwIfDisposed();
    return opHandler.clone(this);
  }
  /**
   * Returns a human-readable description of the tensor. Useful for logging.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  toString(verbose = false) {
    const vals = this.dataSync();
    return tensorToString(vals, this.shape, this.dtype, verbose);
  }
  cast(dtype) {
    this.throwIfDisposed();
    return opHandler.cast(this, dtype);
  }
  variable(trainable = true, name, dtype) {
    this.throwIfDisposed();
    return trackerFn().makeVariable(this, trainable, name, dtype);
  }
};
Object.defineProperty(Tensor, Symbol.hasInstance, {
  value: (instance) => {
    return !!instance && instance.data != null && instance.dataSync != null && instance.throwIfDisposed != null;
  }
});
function getGlobalTensorClass() {
  return getGlobal("Tensor", () => {
    return Tensor;
  });
}
getGlobalTensorClass();
var Variable = class extends Tensor {
  constructor(initialValue, trainable, name, tensorId) {
    super(initialValue.shape, initialValue.dtype, initialValue.dataId, tensorId);
    this.trainable = trainable;
    this.name = name;
  }
  /**
   * Assign a new `tf.Tensor` to this variable. The new `tf.Tensor` must have
   * the same shape and dtype as the old `tf.Tensor`.
   *
   * @param newValue New tensor to be assigned to this variable.
   *
   * @doc {heading: 'Tensors', subheading: 'Classes'}
   */
  assign(newValue) {
    if (newValue.dtype !== this.dtype) {
      throw new Error(`dtype of the new value (${newValue.dtype}) and previous value (${this.dtype}) must match`);
    }
    if (!arraysEqual(newValue.shape, this.shape)) {
      throw new Error(`shape of the new value (${newValue.shape}) and previous value (${this.shape}) must match`);
    }
    trackerFn().disposeTensor(this);
    this.dataId = newValue.dataId;
    trackerFn().incRef(
      this,
      null
      /* backend */
    );
  }
  dispose() {
    trackerFn().disposeVariable(this);
    this.isDisposedInternal = true;
  }
};
Object.defineProperty(Variable, Symbol.hasInstance, {
  value: (instance) => {
    return instance instanceof Tensor && instance.assign != null && instance.assign instanceof Function;
  }
});

// node_modules/@tensorflow/tfjs-core/dist/types.js
var Rank;
(function(Rank2) {
  Rank2["R0"] = "R0";
  Rank2["R1"] = "R1";
  Rank2["R2"] = "R2";
  Rank2["R3"] = "R3";
  Rank2["R4"] = "R4";
  Rank2["R5"] = "R5";
  Rank2["R6"] = "R6";
})(Rank || (Rank = {}));
var UpcastInt32AndMap;
(function(UpcastInt32AndMap2) {
  UpcastInt32AndMap2["float32"] = "float32";
  UpcastInt32AndMap2["int32"] = "int32";
  UpcastInt32AndMap2["bool"] = "int32";
  UpcastInt32AndMap2["complex64"] = "complex64";
})(UpcastInt32AndMap || (UpcastInt32AndMap = {}));
var UpcastBoolAndMap;
(function(UpcastBoolAndMap2) {
  UpcastBoolAndMap2["float32"] = "float32";
  UpcastBoolAndMap2["int32"] = "int32";
  UpcastBoolAndMap2["bool"] = "bool";
  UpcastBoolAndMap2["complex64"] = "complex64";
})(UpcastBoolAndMap || (UpcastBoolAndMap = {}));
var UpcastFloat32AndMap;
(function(UpcastFloat32AndMap2) {
  UpcastFloat32AndMap2["float32"] = "float32";
  UpcastFloat32AndMap2["int32"] = "float32";
  UpcastFloat32AndMap2["bool"] = "float32";
  UpcastFloat32AndMap2["complex64"] = "complex64";
})(UpcastFloat32AndMap || (UpcastFloat32AndMap = {}));
var UpcastComplex64AndMap;
(function(UpcastComplex64AndMap2) {
  UpcastComplex64AndMap2["float32"] = "complex64";
  UpcastComplex64AndMap2["int32"] = "complex64";
  UpcastComplex64AndMap2["bool"] = "complex64";
  UpcastComplex64AndMap2["complex64"] = "complex64";
})(UpcastComplex64AndMap || (UpcastComplex64AndMap = {}));
var upcastTypeMap = {
  "float32": UpcastFloat32AndMap,
  "int32": UpcastInt32AndMap,
  "bool": UpcastBoolAndMap,
  "complex64": UpcastComplex64AndMap
};
function upcastType(typeA, typeB) {
  if (typeA === "string" || typeB === "string") {
    if (typeA === "string" && typeB === "string") {
      return "string";
    }
    throw new Error(`Can not upcast ${typeA} with ${typeB}`);
  }
  return upcastTypeMap[typeA][typeB];
}
function isWebGLData(values) {
  return values != null && typeof values === "object" && "texture" in values && values.texture instanceof WebGLTexture;
}
function isWebGPUData(values) {
  return typeof GPUBuffer !== "undefined" && values != null && typeof values === "object" && "buffer" in values && values.buffer instanceof GPUBuffer;
}

// node_modules/@tensorflow/tfjs-core/dist/tensor_util.js
function makeTypesMatch(a, b) {
  if (a.dtype === b.dtype) {
    return [a, b];
  }
  const dtype = upcastType(a.dtype, b.dtype);
  return [a.cast(dtype), b.cast(dtype)];
}
function getTensorsInContainer(result) {
  const list = [];
  const seen = /* @__PURE__ */ new Set();
  walkTensorContainer(result, list, seen);
  return list;
}
function walkTensorContainer(container, list, seen) {
  if (container == null) {
    return;
  }
  if (container instanceof Tensor) {
    list.push(container);
    return;
  }
  if (!isIterable(container)) {
    return;
  }
  const iterable = container;
  for (const k in iterable) {
    const val = iterable[k];
    if (!seen.has(val)) {
      seen.add(val);
      walkTensorContainer(val, list, seen);
    }
  }
}
function isIterable(obj) {
  return Array.isArray(obj) || typeof obj === "object";
}

// node_modules/@tensorflow/tfjs-core/dist/engine.js
function isRegisteredKernelInvocation(kernelInvocation) {
  return kernelInvocation.kernelName != null;
}
var EngineState = class {
  constructor() {
    this.registeredVariables = {};
    this.nextTapeNodeId = 0;
    this.numBytes = 0;
    this.numTensors = 0;
    this.numStringTensors = 0;
    this.numDataBuffers = 0;
    this.gradientDepth = 0;
    this.kernelDepth = 0;
    this.scopeStack = [];
    this.numDataMovesStack = [];
    this.nextScopeId = 0;
    this.tensorInfo = /* @__PURE__ */ new WeakMap();
    this.profiling = false;
    this.activeProfile = {
      newBytes: 0,
      newTensors: 0,
      peakBytes: 0,
      kernels: [],
      result: null,
      get kernelNames() {
        return Array.from(new Set(this.kernels.map((k) => k.name)));
      }
    };
  }
  dispose() {
    for (const variableName in this.registeredVariables) {
      this.registeredVariables[variableName].dispose();
    }
  }
};
var Engine = class _Engine {
  constructor(ENV3) {
    this.ENV = ENV3;
    this.registry = {};
    this.registryFactory = {};
    this.pendingBackendInitId = 0;
    this.state = new EngineState();
  }
  async ready() {
    if (this.pendingBackendInit != null) {
      return this.pendingBackendInit.then(() => {
      });
    }
    if (this.backendInstance != null) {
      return;
    }
    const sortedBackends = this.getSortedBackends();
    for (let i = 0; i < sortedBackends.length; i++) {
      const backendName = sortedBackends[i];
      const success = await this.initializeBackend(backendName).success;
      if (success) {
        await this.setBackend(backendName);
        return;
      }
    }
    throw new Error(`Could not initialize any backends, all backend initializations failed.`);
  }
  get backend() {
    if (this.pendingBackendInit != null) {
      throw new Error(`Backend '${this.backendName}' has not yet been initialized. Make sure to await tf.ready() or await tf.setBackend() before calling other methods`);
    }
    if (this.backendInstance == null) {
      const { name, asyncInit } = this.initializeBackendsAndReturnBest();
      if (asyncInit) {
        throw new Error(`The highest priority backend '${name}' has not yet been initialized. Make sure to await tf.ready() or await tf.setBackend() before calling other methods`);
      }
      this.setBackend(name);
    }
    return this.backendInstance;
  }
  backendNames() {
    return Object.keys(this.registryFactory);
  }
  findBackend(backendName) {
    if (!(backendName in this.registry)) {
      if (backendName in this.registryFactory) {
        const { asyncInit } = this.initializeBackend(backendName);
        if (asyncInit) {
          return null;
        }
      } else {
        return null;
      }
    }
    return this.registry[backendName];
  }
  findBackendFactory(backendName) {
    if (!(backendName in this.registryFactory)) {
      return null;
    }
    return this.registryFactory[backendName].factory;
  }
  registerBackend(backendName, factory, priority = 1) {
    if (backendName in this.registryFactory) {
      warn(`${backendName} backend was already registered. Reusing existing backend factory.`);
      return false;
    }
    this.registryFactory[backendName] = { factory, priority };
    return true;
  }
  async setBackend(backendName) {
    if (this.registryFactory[backendName] == null) {
      throw new Error(`Backend name '${backendName}' not found in registry`);
    }
    this.backendName = backendName;
    if (this.registry[backendName] == null) {
      this.backendInstance = null;
      const { success, asyncInit } = this.initializeBackend(backendName);
      const result = asyncInit ? await success : success;
      if (!result) {
        return false;
      }
    }
    this.backendInstance = this.registry[backendName];
    this.setupRegisteredKernels();
    this.profiler = new Profiler(this.backendInstance);
    return true;
  }
  setupRegisteredKernels() {
    const kernels = getKernelsForBackend(this.backendName);
    kernels.forEach((kernel) => {
      if (kernel.setupFunc != null) {
        kernel.setupFunc(this.backendInstance);
      }
    });
  }
  disposeRegisteredKernels(backendName) {
    const kernels = getKernelsForBackend(backendName);
    kernels.forEach((kernel) => {
      if (kernel.disposeFunc != null) {
        kernel.disposeFunc(this.registry[backendName]);
      }
    });
  }
  /**
   * Initializes a backend by looking up the backend name in the factory
   * registry and calling the factory method. Returns a boolean representing
   * whether the initialization of the backend succeeded. Throws an error if
   * there is no backend in the factory registry.
   */
  initializeBackend(backendName) {
    const registryFactoryEntry = this.registryFactory[backendName];
    if (registryFactoryEntry == null) {
      throw new Error(`Cannot initialize backend ${backendName}, no registration found.`);
    }
    try {
      const backend = registryFactoryEntry.factory();
      if (backend && !(backend instanceof KernelBackend) && typeof backend.then === "function") {
        const promiseId = ++this.pendingBackendInitId;
        const success = backend.then((backendInstance) => {
          if (promiseId < this.pendingBackendInitId) {
            return false;
          }
          this.registry[backendName] = backendInstance;
          this.pendingBackendInit = null;
          return true;
        }).catch((err) => {
          if (promiseId < this.pendingBackendInitId) {
            return false;
          }
          this.pendingBackendInit = null;
          warn(`Initialization of backend ${backendName} failed`);
          warn(err.stack || err.message);
          return false;
        });
        this.pendingBackendInit = success;
        return { success, asyncInit: true };
      } else {
        this.registry[backendName] = backend;
        return { success: true, asyncInit: false };
      }
    } catch (err) {
      warn(`Initialization of backend ${backendName} failed`);
      warn(err.stack || err.message);
      return { success: false, asyncInit: false };
    }
  }
  removeBackend(backendName) {
    if (!(backendName in this.registryFactory)) {
      throw new Error(`${backendName} backend not found in registry`);
    }
    if (this.backendName === backendName && this.pendingBackendInit != null) {
      this.pendingBackendInitId++;
    }
    if (backendName in this.registry) {
      this.disposeRegisteredKernels(backendName);
      this.registry[backendName].dispose();
      delete this.registry[backendName];
    }
    delete this.registryFactory[backendName];
    if (this.backendName === backendName) {
      this.pendingBackendInit = null;
      this.backendName = null;
      this.backendInstance = null;
    }
  }
  getSortedBackends() {
    if (Object.keys(this.registryFactory).length === 0) {
      throw new Error("No backend found in registry.");
    }
    return Object.keys(this.registryFactory).sort((a, b) => {
      return this.registryFactory[b].priority - this.registryFactory[a].priority;
    });
  }
  initializeBackendsAndReturnBest() {
    const sortedBackends = this.getSortedBackends();
    for (let i = 0; i < sortedBackends.length; i++) {
      const backendName = sortedBackends[i];
      const { success, asyncInit } = this.initializeBackend(backendName);
      if (asyncInit || success) {
        return { name: backendName, asyncInit };
      }
    }
    throw new Error(`Could not initialize any backends, all backend initializations failed.`);
  }
  moveData(backend, dataId) {
    const info = this.state.tensorInfo.get(dataId);
    const srcBackend = info.backend;
    const values = this.readSync(dataId);
    const refCount = srcBackend.refCount(dataId);
    srcBackend.disposeData(dataId, true);
    info.backend = backend;
    backend.move(dataId, values, info.shape, info.dtype, refCount);
    if (this.shouldCheckForMemLeaks()) {
      this.state.numDataMovesStack[this.state.numDataMovesStack.length - 1]++;
    }
  }
  tidy(nameOrFn, fn) {
    let name = null;
    if (fn == null) {
      if (typeof nameOrFn !== "function") {
        throw new Error("Please provide a function to tidy()");
      }
      fn = nameOrFn;
    } else {
      if (typeof nameOrFn !== "string" && !(nameOrFn instanceof String)) {
        throw new Error("When calling with two arguments, the first argument to tidy() must be a string");
      }
      if (typeof fn !== "function") {
        throw new Error("When calling with two arguments, the 2nd argument to tidy() must be a function");
      }
      name = nameOrFn;
    }
    let result;
    return this.scopedRun(() => this.startScope(name), () => this.endScope(result), () => {
      result = fn();
      if (result instanceof Promise) {
        console.error("Cannot return a Promise inside of tidy.");
      }
      return result;
    });
  }
  scopedRun(start, end, f) {
    start();
    try {
      const res = f();
      end();
      return res;
    } catch (ex) {
      end();
      throw ex;
    }
  }
  nextTensorId() {
    return _Engine.nextTensorId++;
  }
  nextVariableId() {
    return _Engine.nextVariableId++;
  }
  /**
   * This method is called instead of the public-facing tensor.clone() when
   * saving a tensor for backwards pass. It makes sure to add the clone
   * operation to the tape regardless of being called inside a kernel
   * execution.
   */
  clone(x) {
    const y = ENGINE.runKernel(Identity, { x });
    const inputs = { x };
    const grad = (dy) => ({
      x: () => {
        const dtype = "float32";
        const gradInputs = { x: dy };
        const attrs = { dtype };
        return ENGINE.runKernel(
          Cast,
          gradInputs,
          // tslint:disable-next-line: no-unnecessary-type-assertion
          attrs
        );
      }
    });
    const saved = [];
    this.addTapeNode(this.state.activeScope.name, inputs, [y], grad, saved, {});
    return y;
  }
  /**
   * Execute a kernel with the given name and return the output tensor.
   *
   * @param kernelName The name of the kernel to execute.
   * @param inputs A map of input names to tensors.
   * @param attrs A map of attribute names to their values. An attribute is a
   *     primitive (non-tensor) input to the kernel.
   * @param inputsToSave A list of tensors, inputs to save for the backprop
   *     computation.
   * @param outputsToSave A list of booleans, specifying which output to save
   *     for the backprop computation. These are booleans since the output
   * tensors are not visible to the user.
   */
  runKernel(kernelName, inputs, attrs) {
    if (this.backendName == null) {
      this.backend;
    }
    const hasKernel = getKernel(kernelName, this.backendName) != null;
    if (!hasKernel) {
      throw new Error(`Kernel '${kernelName}' not registered for backend '${this.backendName}'`);
    }
    return this.runKernelFunc({ kernelName, inputs, attrs });
  }
  shouldCheckForMemLeaks() {
    return this.ENV.getBool("IS_TEST");
  }
  checkKernelForMemLeak(kernelName, numDataIdsBefore, outInfos) {
    const numDataIdsAfter = this.backend.numDataIds();
    let numOutputDataIds = 0;
    outInfos.forEach((info) => {
      numOutputDataIds += info.dtype === "complex64" ? 3 : 1;
    });
    const numMoves = this.state.numDataMovesStack[this.state.numDataMovesStack.length - 1];
    const dataIdsLeaked = numDataIdsAfter - numDataIdsBefore - numOutputDataIds - numMoves;
    if (dataIdsLeaked > 0) {
      throw new Error(`Backend '${this.backendName}' has an internal memory leak (${dataIdsLeaked} data ids) after running '${kernelName}'`);
    }
  }
  /**
   * Internal helper method to execute a kernel Func
   *
   * Use `runKernel` to execute kernels from outside of engine.
   */
  runKernelFunc(kernelParams) {
    let outputs;
    let saved = [];
    const isTapeOn = this.isTapeOn();
    const startingBytecount = this.state.numBytes;
    const startingNumTensors = this.state.numTensors;
    if (this.shouldCheckForMemLeaks()) {
      this.state.numDataMovesStack.push(0);
    }
    let kernelFunc;
    if (this.backendName == null) {
      this.backend;
    }
    let out;
    const kernelOrScopeName = isRegisteredKernelInvocation(kernelParams) ? kernelParams.kernelName : this.state.activeScope != null ? this.state.activeScope.name : "";
    if (isRegisteredKernelInvocation(kernelParams)) {
      const { kernelName, inputs: inputs2, attrs: attrs2 } = kernelParams;
      if (this.backendName == null) {
        this.backend;
      }
      const kernel = getKernel(kernelName, this.backendName);
      assert(kernel != null, () => `Cannot find registered kernel '${kernelName}' for backend '${this.backendName}'`);
      kernelFunc = () => {
        const numDataIdsBefore = this.backend.numDataIds();
        out = kernel.kernelFunc({ inputs: inputs2, attrs: attrs2, backend: this.backend });
        const outInfos = Array.isArray(out) ? out : [out];
        if (this.shouldCheckForMemLeaks()) {
          this.checkKernelForMemLeak(kernelName, numDataIdsBefore, outInfos);
        }
        const outTensors = outInfos.map((outInfo) => {
          if (outInfo.rank != null) {
            return outInfo;
          }
          return this.makeTensorFromTensorInfo(outInfo);
        });
        if (isTapeOn) {
          const tensorsToSave = this.getTensorsForGradient(kernelName, inputs2, outTensors);
          saved = this.saveTensorsForBackwardMode(tensorsToSave);
        }
        return outTensors;
      };
    } else {
      const { forwardFunc } = kernelParams;
      const saveFunc = (tensors) => {
        if (!isTapeOn) {
          return;
        }
        saved = tensors.map((tensor) => this.keep(this.clone(tensor)));
      };
      kernelFunc = () => {
        const numDataIdsBefore = this.backend.numDataIds();
        out = this.tidy(() => forwardFunc(this.backend, saveFunc));
        const outs = Array.isArray(out) ? out : [out];
        if (this.shouldCheckForMemLeaks()) {
          this.checkKernelForMemLeak(kernelOrScopeName, numDataIdsBefore, outs);
        }
        return outs;
      };
    }
    const { inputs, attrs } = kernelParams;
    const backwardsFunc = isRegisteredKernelInvocation(kernelParams) ? null : kernelParams.backwardsFunc;
    let kernelProfile;
    this.scopedRun(
      // Stop recording to a tape when running a kernel.
      () => this.state.kernelDepth++,
      () => this.state.kernelDepth--,
      () => {
        if (!this.ENV.getBool("DEBUG") && !this.state.profiling) {
          outputs = kernelFunc();
        } else {
          kernelProfile = this.profiler.profileKernel(kernelOrScopeName, inputs, () => kernelFunc());
          if (this.ENV.getBool("DEBUG")) {
            this.profiler.logKernelProfile(kernelProfile);
          }
          outputs = kernelProfile.outputs;
        }
      }
    );
    if (isTapeOn) {
      this.addTapeNode(kernelOrScopeName, inputs, outputs, backwardsFunc, saved, attrs);
    }
    if (this.state.profiling) {
      this.state.activeProfile.kernels.push({
        name: kernelOrScopeName,
        bytesAdded: this.state.numBytes - startingBytecount,
        totalBytesSnapshot: this.state.numBytes,
        tensorsAdded: this.state.numTensors - startingNumTensors,
        totalTensorsSnapshot: this.state.numTensors,
        inputShapes: Object.keys(inputs).map((key) => inputs[key] != null ? inputs[key].shape : null),
        outputShapes: outputs.map((item) => item.shape),
        kernelTimeMs: kernelProfile.timeMs,
        extraInfo: kernelProfile.extraInfo
      });
    }
    return Array.isArray(out) ? outputs : outputs[0];
  }
  /**
   * Saves tensors used in forward mode for use in backward mode.
   *
   * @param tensors the list of tensors to save.
   */
  saveTensorsForBackwardMode(tensors) {
    const saved = tensors.map((tensor) => this.keep(this.clone(tensor)));
    return saved;
  }
  /**
   * Returns a list of tensors to save for a given gradient calculation.
   *
   * @param kernelName name of kernel to look up gradient for.
   * @param inputs a map of input tensors.
   * @param outputs an array of output tensors from forward mode of kernel.
   */
  getTensorsForGradient(kernelName, inputs, outputs) {
    const gradConfig = getGradient(kernelName);
    if (gradConfig != null) {
      const inputsToSave = gradConfig.inputsToSave || [];
      const outputsToSave = gradConfig.outputsToSave || [];
      let inputTensorsToSave;
      if (gradConfig.saveAllInputs) {
        assert(Array.isArray(inputs), () => "saveAllInputs is true, expected inputs to be an array.");
        inputTensorsToSave = Object.keys(inputs).map((key) => inputs[key]);
      } else {
        inputTensorsToSave = inputsToSave.map((inputName) => inputs[inputName]);
      }
      const outputTensorsToSave = outputs.filter((_, i) => outputsToSave[i]);
      return inputTensorsToSave.concat(outputTensorsToSave);
    }
    return [];
  }
  /**
   * Internal method used by public APIs for tensor creation. Makes a new
   * tensor with the provided shape, dtype and values. It always
   * creates a new data id and writes the values to the underlying backend.
   */
  makeTensor(values, shape, dtype, backend) {
    if (values == null) {
      throw new Error("Values passed to engine.makeTensor() are null");
    }
    dtype = dtype || "float32";
    backend = backend || this.backend;
    let backendVals = values;
    if (dtype === "string" && isString(values[0])) {
      backendVals = values.map((d) => encodeString(d));
    }
    const dataId = backend.write(backendVals, shape, dtype);
    const t = new Tensor(shape, dtype, dataId, this.nextTensorId());
    this.trackTensor(t, backend);
    if (dtype === "string") {
      const info = this.state.tensorInfo.get(dataId);
      const newBytes = bytesFromStringArray(backendVals);
      this.state.numBytes += newBytes - info.bytes;
      info.bytes = newBytes;
    }
    return t;
  }
  /**
   * Internal method used by backends. Makes a new tensor
   * that is a wrapper around an existing data id. It doesn't create
   * a new data id, only increments the ref count used in memory tracking.
   * @deprecated
   */
  makeTensorFromDataId(dataId, shape, dtype, backend) {
    dtype = dtype || "float32";
    const tensorInfo = { dataId, shape, dtype };
    return this.makeTensorFromTensorInfo(tensorInfo, backend);
  }
  /**
   * Internal method used by backends. Makes a new tensor that is a wrapper
   * around an existing data id in TensorInfo. It doesn't create a new data id,
   * only increments the ref count used in memory tracking.
   */
  makeTensorFromTensorInfo(tensorInfo, backend) {
    const { dataId, shape, dtype } = tensorInfo;
    const t = new Tensor(shape, dtype, dataId, this.nextTensorId());
    this.trackTensor(t, backend);
    return t;
  }
  makeVariable(initialValue, trainable = true, name, dtype) {
    name = name || this.nextVariableId().toString();
    if (dtype != null && dtype !== initialValue.dtype) {
      initialValue = initialValue.cast(dtype);
    }
    const v = new Variable(initialValue, trainable, name, this.nextTensorId());
    if (this.state.registeredVariables[v.name] != null) {
      throw new Error(`Variable with name ${v.name} was already registered`);
    }
    this.state.registeredVariables[v.name] = v;
    this.incRef(v, this.backend);
    return v;
  }
  trackTensor(a, backend) {
    this.state.numTensors++;
    if (a.dtype === "string") {
      this.state.numStringTensors++;
    }
    let bytes = 0;
    if (a.dtype !== "complex64" && a.dtype !== "string") {
      bytes = a.size * bytesPerElement(a.dtype);
    }
    this.state.numBytes += bytes;
    if (!this.state.tensorInfo.has(a.dataId)) {
      this.state.numDataBuffers++;
      this.state.tensorInfo.set(a.dataId, {
        backend: backend || this.backend,
        dtype: a.dtype,
        shape: a.shape,
        bytes
      });
    }
    if (!(a instanceof Variable)) {
      this.track(a);
    }
  }
  // Track the tensor by dataId and increase the refCount for the dataId in the
  // backend.
  // TODO(pyu10055): This is currently used by makeVariable method, to increase
  // refCount on the backend for the dataId. It can potentially be replaced with
  // Identity op indead of calling backend directly.
  incRef(a, backend) {
    this.trackTensor(a, backend);
    this.backend.incRef(a.dataId);
  }
  removeDataId(dataId, backend) {
    if (this.state.tensorInfo.has(dataId) && this.state.tensorInfo.get(dataId).backend === backend) {
      this.state.tensorInfo.delete(dataId);
      this.state.numDataBuffers--;
    }
  }
  disposeTensor(a) {
    if (!this.state.tensorInfo.has(a.dataId)) {
      return;
    }
    const info = this.state.tensorInfo.get(a.dataId);
    this.state.numTensors--;
    if (a.dtype === "string") {
      this.state.numStringTensors--;
      this.state.numBytes -= info.bytes;
    }
    if (a.dtype !== "complex64" && a.dtype !== "string") {
      const bytes = a.size * bytesPerElement(a.dtype);
      this.state.numBytes -= bytes;
    }
    if (info.backend.disposeData(a.dataId)) {
      this.removeDataId(a.dataId, info.backend);
    }
  }
  disposeVariables() {
    for (const varName in this.state.registeredVariables) {
      const v = this.state.registeredVariables[varName];
      this.disposeVariable(v);
    }
  }
  disposeVariable(v) {
    this.disposeTensor(v);
    if (this.state.registeredVariables[v.name] != null) {
      delete this.state.registeredVariables[v.name];
    }
  }
  memory() {
    const info = this.backend.memory();
    info.numTensors = this.state.numTensors;
    info.numDataBuffers = this.state.numDataBuffers;
    info.numBytes = this.state.numBytes;
    if (this.state.numStringTensors > 0) {
      info.unreliable = true;
      if (info.reasons == null) {
        info.reasons = [];
      }
      info.reasons.push("Memory usage by string tensors is approximate (2 bytes per character)");
    }
    return info;
  }
  async profile(query) {
    this.state.profiling = true;
    const startBytes = this.state.numBytes;
    const startNumTensors = this.state.numTensors;
    this.state.activeProfile.kernels = [];
    this.state.activeProfile.result = await query();
    this.state.profiling = false;
    this.state.activeProfile.peakBytes = Math.max(...this.state.activeProfile.kernels.map((d) => d.totalBytesSnapshot));
    this.state.activeProfile.newBytes = this.state.numBytes - startBytes;
    this.state.activeProfile.newTensors = this.state.numTensors - startNumTensors;
    for (const kernel of this.state.activeProfile.kernels) {
      kernel.kernelTimeMs = await kernel.kernelTimeMs;
      kernel.extraInfo = await kernel.extraInfo;
    }
    return this.state.activeProfile;
  }
  isTapeOn() {
    return this.state.gradientDepth > 0 && this.state.kernelDepth === 0;
  }
  addTapeNode(kernelName, inputs, outputs, gradientsFunc, saved, attrs) {
    const tapeNode = { id: this.state.nextTapeNodeId++, kernelName, inputs, outputs, saved };
    const gradConfig = getGradient(kernelName);
    if (gradConfig != null) {
      gradientsFunc = gradConfig.gradFunc;
    }
    if (gradientsFunc != null) {
      tapeNode.gradient = (dys) => {
        dys = dys.map((dy, i) => {
          if (dy == null) {
            const output = outputs[i];
            const vals = makeZerosTypedArray(output.size, output.dtype);
            return this.makeTensor(vals, output.shape, output.dtype);
          }
          return dy;
        });
        return gradientsFunc(dys.length > 1 ? dys : dys[0], saved, attrs);
      };
    }
    this.state.activeTape.push(tapeNode);
  }
  keep(result) {
    result.kept = true;
    return result;
  }
  startTape() {
    if (this.state.gradientDepth === 0) {
      this.state.activeTape = [];
    }
    this.state.gradientDepth++;
  }
  endTape() {
    this.state.gradientDepth--;
  }
  /**
   * Start a scope. Use this with endScope() to achieve the same functionality
   * as scope() without the need for a function closure.
   */
  startScope(name) {
    const scopeInfo = {
      track: [],
      name: "unnamed scope",
      id: this.state.nextScopeId++
    };
    if (name) {
      scopeInfo.name = name;
    }
    this.state.scopeStack.push(scopeInfo);
    this.state.activeScope = scopeInfo;
  }
  /**
   * End a scope. Use this with startScope() to achieve the same functionality
   * as scope() without the need for a function closure.
   */
  endScope(result) {
    const tensorsToTrackInParent = getTensorsInContainer(result);
    const tensorsToTrackInParentSet = new Set(tensorsToTrackInParent.map((t) => t.id));
    for (let i = 0; i < this.state.activeScope.track.length; i++) {
      const tensor = this.state.activeScope.track[i];
      if (!tensor.kept && !tensorsToTrackInParentSet.has(tensor.id)) {
        tensor.dispose();
      }
    }
    const oldScope = this.state.scopeStack.pop();
    this.state.activeScope = this.state.scopeStack.length === 0 ? null : this.state.scopeStack[this.state.scopeStack.length - 1];
    tensorsToTrackInParent.forEach((tensor) => {
      if (!tensor.kept && tensor.scopeId === oldScope.id) {
        this.track(tensor);
      }
    });
  }
  /**
   * Returns gradients of `f` with respect to each of the `xs`. The gradients
   * returned are of the same length as `xs`, but some might be null if `f`
   * was not a function of that `x`. It also takes optional dy to multiply the
   * gradient, which defaults to `1`.
   */
  gradients(f, xs, dy, allowNoGradients = false) {
    assert(xs.length > 0, () => "gradients() received an empty list of xs.");
    if (dy != null && dy.dtype !== "float32") {
      throw new Error(`dy must have 'float32' dtype, but has '${dy.dtype}'`);
    }
    const y = this.scopedRun(() => this.startTape(), () => this.endTape(), () => this.tidy("forward", f));
    assert(y instanceof Tensor, () => "The result y returned by f() must be a tensor.");
    const filteredTape = getFilteredNodesXToY(this.state.activeTape, xs, y);
    if (!allowNoGradients && filteredTape.length === 0 && xs.length > 0) {
      throw new Error("Cannot compute gradient of y=f(x) with respect to x. Make sure that the f you passed encloses all operations that lead from x to y.");
    }
    return this.tidy("backward", () => {
      const accumulatedGradientMap = {};
      accumulatedGradientMap[y.id] = dy == null ? ones(y.shape) : dy;
      backpropagateGradients(
        accumulatedGradientMap,
        filteredTape,
        // Pass the tidy function to avoid circular dep with `tape.ts`.
        (f2) => this.tidy(f2),
        // Pass an add function to avoide a circular dep with `tape.ts`.
        add
      );
      const grads = xs.map((x) => accumulatedGradientMap[x.id]);
      if (this.state.gradientDepth === 0) {
        this.state.activeTape.forEach((node) => {
          for (const tensor of node.saved) {
            tensor.dispose();
          }
        });
        this.state.activeTape = null;
      }
      return { value: y, grads };
    });
  }
  customGrad(f) {
    assert(isFunction(f), () => "The f passed in customGrad(f) must be a function.");
    return (...inputs) => {
      assert(inputs.every((t) => t instanceof Tensor), () => "The args passed in customGrad(f)(x1, x2,...) must all be tensors");
      let res;
      const inputMap = {};
      inputs.forEach((input, i) => {
        inputMap[i] = input;
      });
      const forwardFunc = (_, save) => {
        res = f(...[...inputs, save]);
        assert(res.value instanceof Tensor, () => "The function f passed in customGrad(f) must return an object where `obj.value` is a tensor");
        assert(isFunction(res.gradFunc), () => "The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function.");
        return res.value;
      };
      const backwardsFunc = (dy, saved) => {
        const gradRes = res.gradFunc(dy, saved);
        const grads = Array.isArray(gradRes) ? gradRes : [gradRes];
        assert(grads.length === inputs.length, () => "The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function that returns the same number of tensors as inputs passed to f(...).");
        assert(grads.every((t) => t instanceof Tensor), () => "The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function that returns a list of only tensors.");
        const gradMap = {};
        grads.forEach((grad, i) => {
          gradMap[i] = () => grad;
        });
        return gradMap;
      };
      return this.runKernelFunc({
        forwardFunc,
        backwardsFunc,
        inputs: inputMap
      });
    };
  }
  readSync(dataId) {
    const info = this.state.tensorInfo.get(dataId);
    return info.backend.readSync(dataId);
  }
  read(dataId) {
    const info = this.state.tensorInfo.get(dataId);
    return info.backend.read(dataId);
  }
  readToGPU(dataId, options) {
    const info = this.state.tensorInfo.get(dataId);
    return info.backend.readToGPU(dataId, options);
  }
  async time(query) {
    const start = now();
    const timingInfo = await this.backend.time(query);
    timingInfo.wallMs = now() - start;
    return timingInfo;
  }
  /**
   * Tracks a Tensor in the current scope to be automatically cleaned up
   * when the current scope ends, and returns the value.
   *
   * @param result The Tensor to track in the current scope.
   */
  track(result) {
    if (this.state.activeScope != null) {
      result.scopeId = this.state.activeScope.id;
      this.state.activeScope.track.push(result);
    }
    return result;
  }
  get registeredVariables() {
    return this.state.registeredVariables;
  }
  /**
   * Resets the engine state. Removes all backends but does not remove
   * registered backend factories.
   */
  reset() {
    this.pendingBackendInitId++;
    this.state.dispose();
    this.ENV.reset();
    this.state = new EngineState();
    for (const backendName in this.registry) {
      this.disposeRegisteredKernels(backendName);
      this.registry[backendName].dispose();
      delete this.registry[backendName];
    }
    this.backendName = null;
    this.backendInstance = null;
    this.pendingBackendInit = null;
  }
};
Engine.nextTensorId = 0;
Engine.nextVariableId = 0;
function ones(shape) {
  const values = makeOnesTypedArray(sizeFromShape(shape), "float32");
  return ENGINE.makeTensor(values, shape, "float32");
}
function getOrMakeEngine() {
  const ns = getGlobalNamespace();
  if (ns._tfengine == null) {
    const environment = new Environment(ns);
    ns._tfengine = new Engine(environment);
  }
  setEnvironmentGlobal(ns._tfengine.ENV);
  setTensorTracker(() => ns._tfengine);
  return ns._tfengine;
}
var ENGINE = getOrMakeEngine();
function add(a, b) {
  const inputs = { a, b };
  return ENGINE.runKernel(Add, inputs);
}

// node_modules/@tensorflow/tfjs-core/dist/device_util.js
function isBrowser() {
  return typeof window !== "undefined" && window.document != null || //@ts-ignore
  typeof WorkerGlobalScope !== "undefined";
}

// node_modules/@tensorflow/tfjs-core/dist/flags.js
var ENV2 = env();
ENV2.registerFlag("DEBUG", () => false, (debugValue) => {
  if (debugValue) {
    console.warn("Debugging mode is ON. The output of every math call will be downloaded to CPU and checked for NaNs. This significantly impacts performance.");
  }
});
ENV2.registerFlag("IS_BROWSER", () => isBrowser());
ENV2.registerFlag("IS_NODE", () => typeof process !== "undefined" && typeof process.versions !== "undefined" && typeof process.versions.node !== "undefined");
ENV2.registerFlag("IS_CHROME", () => typeof navigator !== "undefined" && navigator != null && navigator.userAgent != null && /Chrome/.test(navigator.userAgent) && /Google Inc/.test(navigator.vendor));
ENV2.registerFlag("IS_SAFARI", () => typeof navigator !== "undefined" && navigator != null && navigator.userAgent != null && /Safari/.test(navigator.userAgent) && /Apple/.test(navigator.vendor));
ENV2.registerFlag("PROD", () => false);
ENV2.registerFlag("TENSORLIKE_CHECK_SHAPE_CONSISTENCY", () => ENV2.getBool("DEBUG"));
ENV2.registerFlag("DEPRECATION_WARNINGS_ENABLED", () => true);
ENV2.registerFlag("IS_TEST", () => false);
ENV2.registerFlag("CHECK_COMPUTATION_FOR_ERRORS", () => ENV2.getBool("DEBUG"));
ENV2.registerFlag("WRAP_TO_IMAGEBITMAP", () => false);
ENV2.registerFlag("CANVAS2D_WILL_READ_FREQUENTLY_FOR_GPU", () => false);
ENV2.registerFlag("USE_SETTIMEOUTCUSTOM", () => false);

// node_modules/@tensorflow/tfjs-core/dist/tensor_util_env.js
function inferShape(val, dtype) {
  let firstElem = val;
  if (isTypedArray(val)) {
    return dtype === "string" ? [] : [val.length];
  }
  if (isWebGLData(val)) {
    const usedChannels = val.channels || "RGBA";
    return [val.height, val.width * usedChannels.length];
  } else if (isWebGPUData(val)) {
    return [val.buffer.size / (dtype == null ? 4 : bytesPerElement(dtype))];
  }
  if (!Array.isArray(val)) {
    return [];
  }
  const shape = [];
  while (Array.isArray(firstElem) || isTypedArray(firstElem) && dtype !== "string") {
    shape.push(firstElem.length);
    firstElem = firstElem[0];
  }
  if (Array.isArray(val) && env().getBool("TENSORLIKE_CHECK_SHAPE_CONSISTENCY")) {
    deepAssertShapeConsistency(val, shape, []);
  }
  return shape;
}
function deepAssertShapeConsistency(val, shape, indices) {
  indices = indices || [];
  if (!Array.isArray(val) && !isTypedArray(val)) {
    assert(shape.length === 0, () => `Element arr[${indices.join("][")}] is a primitive, but should be an array/TypedArray of ${shape[0]} elements`);
    return;
  }
  assert(shape.length > 0, () => `Element arr[${indices.join("][")}] should be a primitive, but is an array of ${val.length} elements`);
  assert(val.length === shape[0], () => `Element arr[${indices.join("][")}] should have ${shape[0]} elements, but has ${val.length} elements`);
  const subShape = shape.slice(1);
  for (let i = 0; i < val.length; ++i) {
    deepAssertShapeConsistency(val[i], subShape, indices.concat(i));
  }
}
function assertDtype(expectedDtype, actualDType, argName, functionName) {
  if (expectedDtype === "string_or_numeric") {
    return;
  }
  if (expectedDtype == null) {
    throw new Error(`Expected dtype cannot be null.`);
  }
  if (expectedDtype !== "numeric" && expectedDtype !== actualDType || expectedDtype === "numeric" && actualDType === "string") {
    throw new Error(`Argument '${argName}' passed to '${functionName}' must be ${expectedDtype} tensor, but got ${actualDType} tensor`);
  }
}
function convertToTensor(x, argName, functionName, parseAsDtype = "numeric") {
  if (x instanceof getGlobalTensorClass()) {
    assertDtype(parseAsDtype, x.dtype, argName, functionName);
    return x;
  }
  let inferredDtype = inferDtype(x);
  if (inferredDtype !== "string" && ["bool", "int32", "float32"].indexOf(parseAsDtype) >= 0) {
    inferredDtype = parseAsDtype;
  }
  assertDtype(parseAsDtype, inferredDtype, argName, functionName);
  if (x == null || !isTypedArray(x) && !Array.isArray(x) && typeof x !== "number" && typeof x !== "boolean" && typeof x !== "string") {
    const type = x == null ? "null" : x.constructor.name;
    throw new Error(`Argument '${argName}' passed to '${functionName}' must be a Tensor or TensorLike, but got '${type}'`);
  }
  const inferredShape = inferShape(x, inferredDtype);
  if (!isTypedArray(x) && !Array.isArray(x)) {
    x = [x];
  }
  const skipTypedArray = true;
  const values = inferredDtype !== "string" ? toTypedArray(x, inferredDtype) : flatten(x, [], skipTypedArray);
  return ENGINE.makeTensor(values, inferredShape, inferredDtype);
}

// node_modules/@tensorflow/tfjs-core/dist/ops/operation.js
var OP_SCOPE_SUFFIX = "__op";
function op(f) {
  const keys = Object.keys(f);
  if (keys.length !== 1) {
    throw new Error(`Please provide an object with a single key (operation name) mapping to a function. Got an object with ${keys.length} keys.`);
  }
  let opName = keys[0];
  const fn = f[opName];
  if (opName.endsWith("_")) {
    opName = opName.substring(0, opName.length - 1);
  }
  opName = opName + OP_SCOPE_SUFFIX;
  const f2 = (...args) => {
    ENGINE.startScope(opName);
    try {
      const result = fn(...args);
      if (isPromise(result)) {
        console.error("Cannot return a Promise inside of tidy.");
      }
      ENGINE.endScope(result);
      return result;
    } catch (ex) {
      ENGINE.endScope(null);
      throw ex;
    }
  };
  Object.defineProperty(f2, "name", { value: opName, configurable: true });
  return f2;
}

// node_modules/@tensorflow/tfjs-core/dist/ops/tensor_ops_util.js
function makeTensor(values, shape, inferredShape, dtype) {
  if (dtype == null) {
    dtype = inferDtype(values);
  } else if (dtype === "complex64") {
    throw new Error(`Cannot construct a complex64 tensor directly. Please use tf.complex(real, imag).`);
  }
  if (isWebGPUData(values) || isWebGLData(values)) {
    if (dtype !== "float32" && dtype !== "int32") {
      throw new Error(`Creating tensor from GPU data only supports 'float32'|'int32' dtype, while the dtype is ${dtype}.`);
    }
    return ENGINE.backend.createTensorFromGPUData(values, shape || inferredShape, dtype);
  }
  if (!isTypedArray(values) && !Array.isArray(values) && typeof values !== "number" && typeof values !== "boolean" && typeof values !== "string") {
    throw new Error("values passed to tensor(values) must be a number/boolean/string or an array of numbers/booleans/strings, or a TypedArray");
  }
  if (shape != null) {
    assertNonNegativeIntegerDimensions(shape);
    const providedSize = sizeFromShape(shape);
    const inferredSize = sizeFromShape(inferredShape);
    assert(providedSize === inferredSize, () => `Based on the provided shape, [${shape}], the tensor should have ${providedSize} values but has ${inferredSize}`);
    for (let i = 0; i < inferredShape.length; ++i) {
      const inferred = inferredShape[i];
      const flatDimsDontMatch = i === inferredShape.length - 1 ? inferred !== sizeFromShape(shape.slice(i)) : true;
      assert(inferredShape[i] === shape[i] || !flatDimsDontMatch, () => `Error creating a new Tensor. Inferred shape (${inferredShape}) does not match the provided shape (${shape}). `);
    }
  }
  if (!isTypedArray(values) && !Array.isArray(values)) {
    values = [values];
  }
  shape = shape || inferredShape;
  values = dtype !== "string" ? toTypedArray(values, dtype) : flatten(values, [], true);
  return ENGINE.makeTensor(values, shape, dtype);
}

// node_modules/@tensorflow/tfjs-core/dist/io/composite_array_buffer.js
var CompositeArrayBuffer = class _CompositeArrayBuffer {
  /**
   * Concatenate a number of ArrayBuffers into one.
   *
   * @param buffers An array of ArrayBuffers to concatenate, or a single
   *     ArrayBuffer.
   * @returns Result of concatenating `buffers` in order.
   */
  static join(buffers) {
    return new _CompositeArrayBuffer(buffers).slice();
  }
  constructor(buffers) {
    this.shards = [];
    this.previousShardIndex = 0;
    if (buffers == null) {
      return;
    }
    if (!(buffers instanceof Array)) {
      buffers = [buffers];
    }
    buffers = buffers.map((bufferOrTypedArray) => {
      if (isTypedArray(bufferOrTypedArray)) {
        return bufferOrTypedArray.buffer;
      }
      return bufferOrTypedArray;
    });
    if (buffers.length === 0) {
      return;
    }
    this.bufferUniformSize = buffers[0].byteLength;
    let start = 0;
    for (let i = 0; i < buffers.length; i++) {
      const buffer2 = buffers[i];
      if (i !== buffers.length - 1 && buffer2.byteLength !== this.bufferUniformSize) {
        this.bufferUniformSize = void 0;
      }
      const end = start + buffer2.byteLength;
      this.shards.push({ buffer: buffer2, start, end });
      start = end;
    }
    if (this.shards.length === 0) {
      this.byteLength = 0;
    }
    this.byteLength = this.shards[this.shards.length - 1].end;
  }
  slice(start = 0, end = this.byteLength) {
    if (this.shards.length === 0) {
      return new ArrayBuffer(0);
    }
    start = isNaN(Number(start)) ? 0 : start;
    end = isNaN(Number(end)) ? 0 : end;
    start = Math.max(0, start);
    end = Math.min(this.byteLength, end);
    if (end <= start) {
      return new ArrayBuffer(0);
    }
    const startShardIndex = this.findShardForByte(start);
    if (startShardIndex === -1) {
      throw new Error(`Could not find start shard for byte ${start}`);
    }
    const size = end - start;
    const outputBuffer = new ArrayBuffer(size);
    const outputArray = new Uint8Array(outputBuffer);
    let sliced = 0;
    for (let i = startShardIndex; i < this.shards.length; i++) {
      const shard = this.shards[i];
      const globalStart = start + sliced;
      const localStart = globalStart - shard.start;
      const outputStart = sliced;
      const globalEnd = Math.min(end, shard.end);
      const localEnd = globalEnd - shard.start;
      const outputSlice = new Uint8Array(shard.buffer, localStart, localEnd - localStart);
      outputArray.set(outputSlice, outputStart);
      sliced += outputSlice.length;
      if (end < shard.end) {
        break;
      }
    }
    return outputBuffer;
  }
  /**
   * Get the index of the shard that contains the byte at `byteIndex`.
   */
  findShardForByte(byteIndex) {
    if (this.shards.length === 0 || byteIndex < 0 || byteIndex >= this.byteLength) {
      return -1;
    }
    if (this.bufferUniformSize != null) {
      this.previousShardIndex = Math.floor(byteIndex / this.bufferUniformSize);
      return this.previousShardIndex;
    }
    function check(shard) {
      if (byteIndex < shard.start) {
        return -1;
      }
      if (byteIndex >= shard.end) {
        return 1;
      }
      return 0;
    }
    if (check(this.shards[this.previousShardIndex]) === 0) {
      return this.previousShardIndex;
    }
    const index = search(this.shards, check);
    if (index === -1) {
      return -1;
    }
    this.previousShardIndex = index;
    return this.previousShardIndex;
  }
};
function search(sortedArray, compare) {
  let min = 0;
  let max2 = sortedArray.length;
  while (min <= max2) {
    const middle = Math.floor((max2 - min) / 2) + min;
    const side = compare(sortedArray[middle]);
    if (side === 0) {
      return middle;
    } else if (side < 0) {
      max2 = middle;
    } else {
      min = middle + 1;
    }
  }
  return -1;
}

// node_modules/@tensorflow/tfjs-core/dist/globals.js
function deprecationWarn(msg) {
  if (env().getBool("DEPRECATION_WARNINGS_ENABLED")) {
    console.warn(msg + " You can disable deprecation warnings with tf.disableDeprecationWarnings().");
  }
}
setDeprecationWarningFn(deprecationWarn);
function tidy(nameOrFn, fn) {
  return ENGINE.tidy(nameOrFn, fn);
}
function dispose(container) {
  const tensors = getTensorsInContainer(container);
  tensors.forEach((tensor) => tensor.dispose());
}
function keep(result) {
  return ENGINE.keep(result);
}

// node_modules/@tensorflow/tfjs-core/dist/io/io_utils.js
var useNodeBuffer = typeof Buffer !== "undefined" && (typeof Blob === "undefined" || typeof atob === "undefined" || typeof btoa === "undefined");
function stringByteLength(str) {
  if (useNodeBuffer) {
    return Buffer.byteLength(str, "utf8");
  }
  return new Blob([str]).size;
}
function arrayBufferToBase64String(buffer2) {
  if (useNodeBuffer) {
    return Buffer.from(buffer2).toString("base64");
  }
  const buf = new Uint8Array(buffer2);
  let s = "";
  for (let i = 0, l = buf.length; i < l; i++) {
    s += String.fromCharCode(buf[i]);
  }
  return btoa(s);
}
function base64StringToArrayBuffer(str) {
  if (useNodeBuffer) {
    const buf = Buffer.from(str, "base64");
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  }
  const s = atob(str);
  const buffer2 = new Uint8Array(s.length);
  for (let i = 0; i < s.length; ++i) {
    buffer2.set([s.charCodeAt(i)], i);
  }
  return buffer2.buffer;
}
function getModelArtifactsInfoForJSON(modelArtifacts) {
  if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error("Expected JSON model topology, received ArrayBuffer.");
  }
  return {
    dateSaved: /* @__PURE__ */ new Date(),
    modelTopologyType: "JSON",
    modelTopologyBytes: modelArtifacts.modelTopology == null ? 0 : stringByteLength(JSON.stringify(modelArtifacts.modelTopology)),
    weightSpecsBytes: modelArtifacts.weightSpecs == null ? 0 : stringByteLength(JSON.stringify(modelArtifacts.weightSpecs)),
    weightDataBytes: modelArtifacts.weightData == null ? 0 : new CompositeArrayBuffer(modelArtifacts.weightData).byteLength
  };
}

// node_modules/@tensorflow/tfjs-core/dist/io/router_registry.js
var IORouterRegistry = class _IORouterRegistry {
  constructor() {
    this.saveRouters = [];
    this.loadRouters = [];
  }
  static getInstance() {
    if (_IORouterRegistry.instance == null) {
      _IORouterRegistry.instance = new _IORouterRegistry();
    }
    return _IORouterRegistry.instance;
  }
  /**
   * Register a save-handler router.
   *
   * @param saveRouter A function that maps a URL-like string onto an instance
   * of `IOHandler` with the `save` method defined or `null`.
   */
  static registerSaveRouter(saveRouter) {
    _IORouterRegistry.getInstance().saveRouters.push(saveRouter);
  }
  /**
   * Register a load-handler router.
   *
   * @param loadRouter A function that maps a URL-like string onto an instance
   * of `IOHandler` with the `load` method defined or `null`.
   */
  static registerLoadRouter(loadRouter) {
    _IORouterRegistry.getInstance().loadRouters.push(loadRouter);
  }
  /**
   * Look up IOHandler for saving, given a URL-like string.
   *
   * @param url
   * @returns If only one match is found, an instance of IOHandler with the
   * `save` method defined. If no match is found, `null`.
   * @throws Error, if more than one match is found.
   */
  static getSaveHandlers(url) {
    return _IORouterRegistry.getHandlers(url, "save");
  }
  /**
   * Look up IOHandler for loading, given a URL-like string.
   *
   * @param url
   * @param loadOptions Optional, custom load options.
   * @returns All valid handlers for `url`, given the currently registered
   *   handler routers.
   */
  static getLoadHandlers(url, loadOptions) {
    return _IORouterRegistry.getHandlers(url, "load", loadOptions);
  }
  static getHandlers(url, handlerType, loadOptions) {
    const validHandlers = [];
    const routers = handlerType === "load" ? _IORouterRegistry.getInstance().loadRouters : _IORouterRegistry.getInstance().saveRouters;
    routers.forEach((router) => {
      const handler = router(url, loadOptions);
      if (handler !== null) {
        validHandlers.push(handler);
      }
    });
    return validHandlers;
  }
};

// node_modules/@tensorflow/tfjs-core/dist/io/indexed_db.js
var DATABASE_NAME = "tensorflowjs";
var DATABASE_VERSION = 1;
var MODEL_STORE_NAME = "models_store";
var INFO_STORE_NAME = "model_info_store";
function getIndexedDBFactory() {
  if (!env().getBool("IS_BROWSER")) {
    throw new Error("Failed to obtain IndexedDB factory because the current environmentis not a web browser.");
  }
  const theWindow = typeof window === "undefined" ? self : window;
  const factory = theWindow.indexedDB || theWindow.mozIndexedDB || theWindow.webkitIndexedDB || theWindow.msIndexedDB || theWindow.shimIndexedDB;
  if (factory == null) {
    throw new Error("The current browser does not appear to support IndexedDB.");
  }
  return factory;
}
function setUpDatabase(openRequest) {
  const db = openRequest.result;
  db.createObjectStore(MODEL_STORE_NAME, { keyPath: "modelPath" });
  db.createObjectStore(INFO_STORE_NAME, { keyPath: "modelPath" });
}
var BrowserIndexedDB = class {
  constructor(modelPath) {
    this.indexedDB = getIndexedDBFactory();
    if (modelPath == null || !modelPath) {
      throw new Error("For IndexedDB, modelPath must not be null, undefined or empty.");
    }
    this.modelPath = modelPath;
  }
  async save(modelArtifacts) {
    if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
      throw new Error("BrowserLocalStorage.save() does not support saving model topology in binary formats yet.");
    }
    return this.databaseAction(this.modelPath, modelArtifacts);
  }
  async load() {
    return this.databaseAction(this.modelPath);
  }
  /**
   * Perform database action to put model artifacts into or read model artifacts
   * from IndexedDB object store.
   *
   * Whether the action is put or get depends on whether `modelArtifacts` is
   * specified. If it is specified, the action will be put; otherwise the action
   * will be get.
   *
   * @param modelPath A unique string path for the model.
   * @param modelArtifacts If specified, it will be the model artifacts to be
   *   stored in IndexedDB.
   * @returns A `Promise` of `SaveResult`, if the action is put, or a `Promise`
   *   of `ModelArtifacts`, if the action is get.
   */
  databaseAction(modelPath, modelArtifacts) {
    return new Promise((resolve, reject) => {
      const openRequest = this.indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
      openRequest.onupgradeneeded = () => setUpDatabase(openRequest);
      openRequest.onsuccess = () => {
        const db = openRequest.result;
        if (modelArtifacts == null) {
          const modelTx = db.transaction(MODEL_STORE_NAME, "readonly");
          const modelStore = modelTx.objectStore(MODEL_STORE_NAME);
          const getRequest = modelStore.get(this.modelPath);
          getRequest.onsuccess = () => {
            if (getRequest.result == null) {
              db.close();
              return reject(new Error(`Cannot find model with path '${this.modelPath}' in IndexedDB.`));
            } else {
              resolve(getRequest.result.modelArtifacts);
            }
          };
          getRequest.onerror = (error) => {
            db.close();
            return reject(getRequest.error);
          };
          modelTx.oncomplete = () => db.close();
        } else {
          modelArtifacts.weightData = CompositeArrayBuffer.join(modelArtifacts.weightData);
          const modelArtifactsInfo = getModelArtifactsInfoForJSON(modelArtifacts);
          const infoTx = db.transaction(INFO_STORE_NAME, "readwrite");
          let infoStore = infoTx.objectStore(INFO_STORE_NAME);
          let putInfoRequest;
          try {
            putInfoRequest = infoStore.put({ modelPath: this.modelPath, modelArtifactsInfo });
          } catch (error) {
            return reject(error);
          }
          let modelTx;
          putInfoRequest.onsuccess = () => {
            modelTx = db.transaction(MODEL_STORE_NAME, "readwrite");
            const modelStore = modelTx.objectStore(MODEL_STORE_NAME);
            let putModelRequest;
            try {
              putModelRequest = modelStore.put({
                modelPath: this.modelPath,
                modelArtifacts,
                modelArtifactsInfo
              });
            } catch (error) {
              return reject(error);
            }
            putModelRequest.onsuccess = () => resolve({ modelArtifactsInfo });
            putModelRequest.onerror = (error) => {
              infoStore = infoTx.objectStore(INFO_STORE_NAME);
              const deleteInfoRequest = infoStore.delete(this.modelPath);
              deleteInfoRequest.onsuccess = () => {
                db.close();
                return reject(putModelRequest.error);
              };
              deleteInfoRequest.onerror = (error2) => {
                db.close();
                return reject(putModelRequest.error);
              };
            };
          };
          putInfoRequest.onerror = (error) => {
            db.close();
            return reject(putInfoRequest.error);
          };
          infoTx.oncomplete = () => {
            if (modelTx == null) {
              db.close();
            } else {
              modelTx.oncomplete = () => db.close();
            }
          };
        }
      };
      openRequest.onerror = (error) => reject(openRequest.error);
    });
  }
};
BrowserIndexedDB.URL_SCHEME = "indexeddb://";
var indexedDBRouter = (url) => {
  if (!env().getBool("IS_BROWSER")) {
    return null;
  } else {
    if (!Array.isArray(url) && url.startsWith(BrowserIndexedDB.URL_SCHEME)) {
      return browserIndexedDB(url.slice(BrowserIndexedDB.URL_SCHEME.length));
    } else {
      return null;
    }
  }
};
IORouterRegistry.registerSaveRouter(indexedDBRouter);
IORouterRegistry.registerLoadRouter(indexedDBRouter);
function browserIndexedDB(modelPath) {
  return new BrowserIndexedDB(modelPath);
}
function maybeStripScheme(key) {
  return key.startsWith(BrowserIndexedDB.URL_SCHEME) ? key.slice(BrowserIndexedDB.URL_SCHEME.length) : key;
}
var BrowserIndexedDBManager = class {
  constructor() {
    this.indexedDB = getIndexedDBFactory();
  }
  async listModels() {
    return new Promise((resolve, reject) => {
      const openRequest = this.indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
      openRequest.onupgradeneeded = () => setUpDatabase(openRequest);
      openRequest.onsuccess = () => {
        const db = openRequest.result;
        const tx = db.transaction(INFO_STORE_NAME, "readonly");
        const store = tx.objectStore(INFO_STORE_NAME);
        const getAllInfoRequest = store.getAll();
        getAllInfoRequest.onsuccess = () => {
          const out = {};
          for (const item of getAllInfoRequest.result) {
            out[item.modelPath] = item.modelArtifactsInfo;
          }
          resolve(out);
        };
        getAllInfoRequest.onerror = (error) => {
          db.close();
          return reject(getAllInfoRequest.error);
        };
        tx.oncomplete = () => db.close();
      };
      openRequest.onerror = (error) => reject(openRequest.error);
    });
  }
  async removeModel(path) {
    path = maybeStripScheme(path);
    return new Promise((resolve, reject) => {
      const openRequest = this.indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
      openRequest.onupgradeneeded = () => setUpDatabase(openRequest);
      openRequest.onsuccess = () => {
        const db = openRequest.result;
        const infoTx = db.transaction(INFO_STORE_NAME, "readwrite");
        const infoStore = infoTx.objectStore(INFO_STORE_NAME);
        const getInfoRequest = infoStore.get(path);
        let modelTx;
        getInfoRequest.onsuccess = () => {
          if (getInfoRequest.result == null) {
            db.close();
            return reject(new Error(`Cannot find model with path '${path}' in IndexedDB.`));
          } else {
            const deleteInfoRequest = infoStore.delete(path);
            const deleteModelData = () => {
              modelTx = db.transaction(MODEL_STORE_NAME, "readwrite");
              const modelStore = modelTx.objectStore(MODEL_STORE_NAME);
              const deleteModelRequest = modelStore.delete(path);
              deleteModelRequest.onsuccess = () => resolve(getInfoRequest.result.modelArtifactsInfo);
              deleteModelRequest.onerror = (error) => reject(getInfoRequest.error);
            };
            deleteInfoRequest.onsuccess = deleteModelData;
            deleteInfoRequest.onerror = (error) => {
              deleteModelData();
              db.close();
              return reject(getInfoRequest.error);
            };
          }
        };
        getInfoRequest.onerror = (error) => {
          db.close();
          return reject(getInfoRequest.error);
        };
        infoTx.oncomplete = () => {
          if (modelTx == null) {
            db.close();
          } else {
            modelTx.oncomplete = () => db.close();
          }
        };
      };
      openRequest.onerror = (error) => reject(openRequest.error);
    });
  }
};

// node_modules/@tensorflow/tfjs-core/dist/io/local_storage.js
var PATH_SEPARATOR = "/";
var PATH_PREFIX = "tensorflowjs_models";
var INFO_SUFFIX = "info";
var MODEL_TOPOLOGY_SUFFIX = "model_topology";
var WEIGHT_SPECS_SUFFIX = "weight_specs";
var WEIGHT_DATA_SUFFIX = "weight_data";
var MODEL_METADATA_SUFFIX = "model_metadata";
function getModelKeys(path) {
  return {
    info: [PATH_PREFIX, path, INFO_SUFFIX].join(PATH_SEPARATOR),
    topology: [PATH_PREFIX, path, MODEL_TOPOLOGY_SUFFIX].join(PATH_SEPARATOR),
    weightSpecs: [PATH_PREFIX, path, WEIGHT_SPECS_SUFFIX].join(PATH_SEPARATOR),
    weightData: [PATH_PREFIX, path, WEIGHT_DATA_SUFFIX].join(PATH_SEPARATOR),
    modelMetadata: [PATH_PREFIX, path, MODEL_METADATA_SUFFIX].join(PATH_SEPARATOR)
  };
}
function removeItems(keys) {
  for (const key of Object.values(keys)) {
    window.localStorage.removeItem(key);
  }
}
function getModelPathFromKey(key) {
  const items = key.split(PATH_SEPARATOR);
  if (items.length < 3) {
    throw new Error(`Invalid key format: ${key}`);
  }
  return items.slice(1, items.length - 1).join(PATH_SEPARATOR);
}
function maybeStripScheme2(key) {
  return key.startsWith(BrowserLocalStorage.URL_SCHEME) ? key.slice(BrowserLocalStorage.URL_SCHEME.length) : key;
}
var BrowserLocalStorage = class {
  constructor(modelPath) {
    if (!env().getBool("IS_BROWSER") || typeof window === "undefined" || typeof window.localStorage === "undefined") {
      throw new Error("The current environment does not support local storage.");
    }
    this.LS = window.localStorage;
    if (modelPath == null || !modelPath) {
      throw new Error("For local storage, modelPath must not be null, undefined or empty.");
    }
    this.modelPath = modelPath;
    this.keys = getModelKeys(this.modelPath);
  }
  /**
   * Save model artifacts to browser local storage.
   *
   * See the documentation to `browserLocalStorage` for details on the saved
   * artifacts.
   *
   * @param modelArtifacts The model artifacts to be stored.
   * @returns An instance of SaveResult.
   */
  async save(modelArtifacts) {
    if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
      throw new Error("BrowserLocalStorage.save() does not support saving model topology in binary formats yet.");
    } else {
      const topology = JSON.stringify(modelArtifacts.modelTopology);
      const weightSpecs = JSON.stringify(modelArtifacts.weightSpecs);
      const modelArtifactsInfo = getModelArtifactsInfoForJSON(modelArtifacts);
      const weightBuffer = CompositeArrayBuffer.join(modelArtifacts.weightData);
      try {
        this.LS.setItem(this.keys.info, JSON.stringify(modelArtifactsInfo));
        this.LS.setItem(this.keys.topology, topology);
        this.LS.setItem(this.keys.weightSpecs, weightSpecs);
        this.LS.setItem(this.keys.weightData, arrayBufferToBase64String(weightBuffer));
        const metadata = {
          format: modelArtifacts.format,
          generatedBy: modelArtifacts.generatedBy,
          convertedBy: modelArtifacts.convertedBy,
          signature: modelArtifacts.signature != null ? modelArtifacts.signature : void 0,
          userDefinedMetadata: modelArtifacts.userDefinedMetadata != null ? modelArtifacts.userDefinedMetadata : void 0,
          modelInitializer: modelArtifacts.modelInitializer != null ? modelArtifacts.modelInitializer : void 0,
          initializerSignature: modelArtifacts.initializerSignature != null ? modelArtifacts.initializerSignature : void 0,
          trainingConfig: modelArtifacts.trainingConfig != null ? modelArtifacts.trainingConfig : void 0
        };
        this.LS.setItem(this.keys.modelMetadata, JSON.stringify(metadata));
        return { modelArtifactsInfo };
      } catch (err) {
        removeItems(this.keys);
        throw new Error(`Failed to save model '${this.modelPath}' to local storage: size quota being exceeded is a possible cause of this failure: modelTopologyBytes=${modelArtifactsInfo.modelTopologyBytes}, weightSpecsBytes=${modelArtifactsInfo.weightSpecsBytes}, weightDataBytes=${modelArtifactsInfo.weightDataBytes}.`);
      }
    }
  }
  /**
   * Load a model from local storage.
   *
   * See the documentation to `browserLocalStorage` for details on the saved
   * artifacts.
   *
   * @returns The loaded model (if loading succeeds).
   */
  async load() {
    const info = JSON.parse(this.LS.getItem(this.keys.info));
    if (info == null) {
      throw new Error(`In local storage, there is no model with name '${this.modelPath}'`);
    }
    if (info.modelTopologyType !== "JSON") {
      throw new Error("BrowserLocalStorage does not support loading non-JSON model topology yet.");
    }
    const out = {};
    const topology = JSON.parse(this.LS.getItem(this.keys.topology));
    if (topology == null) {
      throw new Error(`In local storage, the topology of model '${this.modelPath}' is missing.`);
    }
    out.modelTopology = topology;
    const weightSpecs = JSON.parse(this.LS.getItem(this.keys.weightSpecs));
    if (weightSpecs == null) {
      throw new Error(`In local storage, the weight specs of model '${this.modelPath}' are missing.`);
    }
    out.weightSpecs = weightSpecs;
    const metadataString = this.LS.getItem(this.keys.modelMetadata);
    if (metadataString != null) {
      const metadata = JSON.parse(metadataString);
      out.format = metadata.format;
      out.generatedBy = metadata.generatedBy;
      out.convertedBy = metadata.convertedBy;
      if (metadata.signature != null) {
        out.signature = metadata.signature;
      }
      if (metadata.userDefinedMetadata != null) {
        out.userDefinedMetadata = metadata.userDefinedMetadata;
      }
      if (metadata.modelInitializer != null) {
        out.modelInitializer = metadata.modelInitializer;
      }
      if (metadata.initializerSignature != null) {
        out.initializerSignature = metadata.initializerSignature;
      }
      if (metadata.trainingConfig != null) {
        out.trainingConfig = metadata.trainingConfig;
      }
    }
    const weightDataBase64 = this.LS.getItem(this.keys.weightData);
    if (weightDataBase64 == null) {
      throw new Error(`In local storage, the binary weight values of model '${this.modelPath}' are missing.`);
    }
    out.weightData = base64StringToArrayBuffer(weightDataBase64);
    return out;
  }
};
BrowserLocalStorage.URL_SCHEME = "localstorage://";
var localStorageRouter = (url) => {
  if (!env().getBool("IS_BROWSER")) {
    return null;
  } else {
    if (!Array.isArray(url) && url.startsWith(BrowserLocalStorage.URL_SCHEME)) {
      return browserLocalStorage(url.slice(BrowserLocalStorage.URL_SCHEME.length));
    } else {
      return null;
    }
  }
};
IORouterRegistry.registerSaveRouter(localStorageRouter);
IORouterRegistry.registerLoadRouter(localStorageRouter);
function browserLocalStorage(modelPath) {
  return new BrowserLocalStorage(modelPath);
}
var BrowserLocalStorageManager = class {
  constructor() {
    assert(env().getBool("IS_BROWSER"), () => "Current environment is not a web browser");
    assert(typeof window === "undefined" || typeof window.localStorage !== "undefined", () => "Current browser does not appear to support localStorage");
    this.LS = window.localStorage;
  }
  async listModels() {
    const out = {};
    const prefix = PATH_PREFIX + PATH_SEPARATOR;
    const suffix = PATH_SEPARATOR + INFO_SUFFIX;
    for (let i = 0; i < this.LS.length; ++i) {
      const key = this.LS.key(i);
      if (key.startsWith(prefix) && key.endsWith(suffix)) {
        const modelPath = getModelPathFromKey(key);
        out[modelPath] = JSON.parse(this.LS.getItem(key));
      }
    }
    return out;
  }
  async removeModel(path) {
    path = maybeStripScheme2(path);
    const keys = getModelKeys(path);
    if (this.LS.getItem(keys.info) == null) {
      throw new Error(`Cannot find model at path '${path}'`);
    }
    const info = JSON.parse(this.LS.getItem(keys.info));
    removeItems(keys);
    return info;
  }
};

// node_modules/@tensorflow/tfjs-core/dist/io/model_management.js
var URL_SCHEME_SUFFIX = "://";
var ModelStoreManagerRegistry = class _ModelStoreManagerRegistry {
  constructor() {
    this.managers = {};
  }
  static getInstance() {
    if (_ModelStoreManagerRegistry.instance == null) {
      _ModelStoreManagerRegistry.instance = new _ModelStoreManagerRegistry();
    }
    return _ModelStoreManagerRegistry.instance;
  }
  /**
   * Register a save-handler router.
   *
   * @param saveRouter A function that maps a URL-like string onto an instance
   * of `IOHandler` with the `save` method defined or `null`.
   */
  static registerManager(scheme, manager) {
    assert(scheme != null, () => "scheme must not be undefined or null.");
    if (scheme.endsWith(URL_SCHEME_SUFFIX)) {
      scheme = scheme.slice(0, scheme.indexOf(URL_SCHEME_SUFFIX));
    }
    assert(scheme.length > 0, () => "scheme must not be an empty string.");
    const registry = _ModelStoreManagerRegistry.getInstance();
    assert(registry.managers[scheme] == null, () => `A model store manager is already registered for scheme '${scheme}'.`);
    registry.managers[scheme] = manager;
  }
  static getManager(scheme) {
    const manager = _ModelStoreManagerRegistry.getInstance().managers[scheme];
    if (manager == null) {
      throw new Error(`Cannot find model manager for scheme '${scheme}'`);
    }
    return manager;
  }
  static getSchemes() {
    return Object.keys(_ModelStoreManagerRegistry.getInstance().managers);
  }
};

// node_modules/@tensorflow/tfjs-core/dist/platforms/platform_browser.js
var PlatformBrowser = class {
  constructor() {
    this.messageName = "setTimeoutCustom";
    this.functionRefs = [];
    this.handledMessageCount = 0;
    this.hasEventListener = false;
  }
  fetch(path, init) {
    return fetch(path, init);
  }
  now() {
    return performance.now();
  }
  encode(text, encoding) {
    if (encoding !== "utf-8" && encoding !== "utf8") {
      throw new Error(`Browser's encoder only supports utf-8, but got ${encoding}`);
    }
    if (this.textEncoder == null) {
      this.textEncoder = new TextEncoder();
    }
    return this.textEncoder.encode(text);
  }
  decode(bytes, encoding) {
    return new TextDecoder(encoding).decode(bytes);
  }
  // If the setTimeout nesting level is greater than 5 and timeout is less
  // than 4ms, timeout will be clamped to 4ms, which hurts the perf.
  // Interleaving window.postMessage and setTimeout will trick the browser and
  // avoid the clamp.
  setTimeoutCustom(functionRef, delay) {
    if (typeof window === "undefined" || !env().getBool("USE_SETTIMEOUTCUSTOM")) {
      setTimeout(functionRef, delay);
      return;
    }
    this.functionRefs.push(functionRef);
    setTimeout(() => {
      window.postMessage({ name: this.messageName, index: this.functionRefs.length - 1 }, "*");
    }, delay);
    if (!this.hasEventListener) {
      this.hasEventListener = true;
      window.addEventListener("message", (event) => {
        if (event.source === window && event.data.name === this.messageName) {
          event.stopPropagation();
          const functionRef2 = this.functionRefs[event.data.index];
          functionRef2();
          this.handledMessageCount++;
          if (this.handledMessageCount === this.functionRefs.length) {
            this.functionRefs = [];
            this.handledMessageCount = 0;
          }
        }
      }, true);
    }
  }
  isTypedArray(a) {
    return isTypedArrayBrowser(a);
  }
};
if (env().get("IS_BROWSER")) {
  env().setPlatform("browser", new PlatformBrowser());
  try {
    ModelStoreManagerRegistry.registerManager(BrowserLocalStorage.URL_SCHEME, new BrowserLocalStorageManager());
  } catch (err) {
  }
  try {
    ModelStoreManagerRegistry.registerManager(BrowserIndexedDB.URL_SCHEME, new BrowserIndexedDBManager());
  } catch (err) {
  }
}

// node_modules/@tensorflow/tfjs-core/dist/platforms/platform_node.js
var getNodeFetch = {
  // tslint:disable-next-line:no-require-imports
  importFetch: () => require_node_fetch()
};
var systemFetch;
var PlatformNode = class {
  constructor() {
    this.util = require("util");
    this.textEncoder = new this.util.TextEncoder();
  }
  fetch(path, requestInits) {
    if (env().global.fetch != null) {
      return env().global.fetch(path, requestInits);
    }
    if (systemFetch == null) {
      systemFetch = getNodeFetch.importFetch();
    }
    return systemFetch(path, requestInits);
  }
  now() {
    const time = process.hrtime();
    return time[0] * 1e3 + time[1] / 1e6;
  }
  encode(text, encoding) {
    if (encoding !== "utf-8" && encoding !== "utf8") {
      throw new Error(`Node built-in encoder only supports utf-8, but got ${encoding}`);
    }
    return this.textEncoder.encode(text);
  }
  decode(bytes, encoding) {
    if (bytes.length === 0) {
      return "";
    }
    return new this.util.TextDecoder(encoding).decode(bytes);
  }
  isTypedArray(a) {
    return this.util.types.isFloat32Array(a) || this.util.types.isInt32Array(a) || this.util.types.isUint8Array(a) || this.util.types.isUint8ClampedArray(a);
  }
};
if (env().get("IS_NODE") && !env().get("IS_BROWSER")) {
  env().setPlatform("node", new PlatformNode());
}

// node_modules/@tensorflow/tfjs-core/dist/ops/buffer.js
function buffer(shape, dtype = "float32", values) {
  dtype = dtype || "float32";
  assertNonNegativeIntegerDimensions(shape);
  return new TensorBuffer(shape, dtype, values);
}

// node_modules/@tensorflow/tfjs-core/dist/ops/cast.js
function cast_(x, dtype) {
  const $x = convertToTensor(x, "x", "cast");
  if (!isValidDtype(dtype)) {
    throw new Error(`Failed to cast to unknown dtype ${dtype}`);
  }
  if (dtype === "string" && $x.dtype !== "string" || dtype !== "string" && $x.dtype === "string") {
    throw new Error("Only strings can be casted to strings");
  }
  const inputs = { x: $x };
  const attrs = { dtype };
  return ENGINE.runKernel(Cast, inputs, attrs);
}
var cast = /* @__PURE__ */ op({ cast_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/clone.js
function clone_(x) {
  const $x = convertToTensor(x, "x", "clone", "string_or_numeric");
  const inputs = { x: $x };
  return ENGINE.runKernel(Identity, inputs);
}
var clone = /* @__PURE__ */ op({ clone_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/print.js
function print(x, verbose = false) {
  console.log(x.toString(verbose));
}

// node_modules/@tensorflow/tfjs-core/dist/base_side_effects.js
getOrMakeEngine();
var opHandler2 = {
  buffer,
  cast,
  clone,
  print
};
setOpHandler(opHandler2);

// node_modules/@tensorflow/tfjs-core/dist/ops/add.js
function add_(a, b) {
  let $a = convertToTensor(a, "a", "add");
  let $b = convertToTensor(b, "b", "add");
  [$a, $b] = makeTypesMatch($a, $b);
  const inputs = { a: $a, b: $b };
  return ENGINE.runKernel(Add, inputs);
}
var add2 = /* @__PURE__ */ op({ add_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/floorDiv.js
function floorDiv_(a, b) {
  let $a = convertToTensor(a, "a", "floorDiv");
  let $b = convertToTensor(b, "b", "floorDiv");
  [$a, $b] = makeTypesMatch($a, $b);
  const inputs = { a: $a, b: $b };
  return ENGINE.runKernel(FloorDiv, inputs);
}
var floorDiv = /* @__PURE__ */ op({ floorDiv_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/div.js
function div_(a, b) {
  let $a = convertToTensor(a, "a", "div");
  let $b = convertToTensor(b, "b", "div");
  [$a, $b] = makeTypesMatch($a, $b);
  if ($a.dtype === "int32" && $b.dtype === "int32") {
    return floorDiv($a, $b);
  }
  const inputs = { a: $a, b: $b };
  const attrs = {};
  return ENGINE.runKernel(RealDiv, inputs, attrs);
}
var div = /* @__PURE__ */ op({ div_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/mul.js
function mul_(a, b) {
  let $a = convertToTensor(a, "a", "mul");
  let $b = convertToTensor(b, "b", "mul");
  [$a, $b] = makeTypesMatch($a, $b);
  const inputs = { a: $a, b: $b };
  return ENGINE.runKernel(Multiply, inputs);
}
var mul = /* @__PURE__ */ op({ mul_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/abs.js
function abs_(x) {
  const $x = convertToTensor(x, "x", "abs");
  if ($x.dtype === "complex64") {
    const inputs = { x: $x };
    return ENGINE.runKernel(ComplexAbs, inputs);
  } else {
    const inputs = { x: $x };
    return ENGINE.runKernel(Abs, inputs);
  }
}
var abs = /* @__PURE__ */ op({ abs_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/fill.js
function fill(shape, value, dtype) {
  assertNonNegativeIntegerDimensions(shape);
  dtype = dtype || inferDtype(value);
  const attrs = { shape, value, dtype };
  return ENGINE.runKernel(Fill, {}, attrs);
}

// node_modules/@tensorflow/tfjs-core/dist/ops/broadcast_util.js
function assertAndGetBroadcastShape(shapeA, shapeB) {
  const l = Math.max(shapeA.length, shapeB.length);
  const result = new Array(l);
  for (let i = 0; i < l; i++) {
    let a = shapeA[shapeA.length - i - 1];
    if (a == null) {
      a = 1;
    }
    let b = shapeB[shapeB.length - i - 1];
    if (b == null) {
      b = 1;
    }
    if (a === 1) {
      result[l - i - 1] = b;
    } else if (b === 1) {
      result[l - i - 1] = a;
    } else if (a !== b) {
      const errMsg = `Operands could not be broadcast together with shapes ${shapeA} and ${shapeB}.`;
      throw Error(errMsg);
    } else {
      result[l - i - 1] = a;
    }
  }
  return result;
}

// node_modules/@tensorflow/tfjs-core/dist/ops/zeros_like.js
function zerosLike_(x) {
  const $x = convertToTensor(x, "x", "zerosLike");
  const inputs = { x: $x };
  return ENGINE.runKernel(ZerosLike, inputs);
}
var zerosLike = /* @__PURE__ */ op({ zerosLike_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/pow.js
function pow_(base, exp) {
  let $base = convertToTensor(base, "base", "pow");
  let $exp = convertToTensor(exp, "exp", "pow");
  [$base, $exp] = makeTypesMatch($base, $exp);
  const inputs = { a: $base, b: $exp };
  return ENGINE.runKernel(Pow, inputs);
}
var pow = /* @__PURE__ */ op({ pow_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/scalar.js
function scalar(value, dtype) {
  if ((isTypedArray(value) && dtype !== "string" || Array.isArray(value)) && dtype !== "complex64") {
    throw new Error("Error creating a new Scalar: value must be a primitive (number|boolean|string)");
  }
  if (dtype === "string" && isTypedArray(value) && !(value instanceof Uint8Array)) {
    throw new Error("When making a scalar from encoded string, the value must be `Uint8Array`.");
  }
  const shape = [];
  const inferredShape = [];
  return makeTensor(value, shape, inferredShape, dtype);
}

// node_modules/@tensorflow/tfjs-core/dist/ops/sqrt.js
function sqrt_(x) {
  const $x = convertToTensor(x, "x", "sqrt", "float32");
  const inputs = { x: $x };
  return ENGINE.runKernel(Sqrt, inputs);
}
var sqrt = /* @__PURE__ */ op({ sqrt_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/square.js
function square_(x) {
  const $x = convertToTensor(x, "x", "square");
  const attrs = {};
  return ENGINE.runKernel("Square", { x: $x }, attrs);
}
var square = /* @__PURE__ */ op({ square_ });

// node_modules/@tensorflow/tfjs-core/dist/gradients.js
function variableGrads(f, varList) {
  assert(isFunction(f), () => "The f passed in variableGrads(f) must be a function");
  assert(varList == null || Array.isArray(varList) && varList.every((v) => v instanceof Variable), () => "The varList passed in variableGrads(f, varList) must be an array of variables");
  const specifiedVarList = varList != null;
  if (!specifiedVarList) {
    varList = [];
    for (const varName in ENGINE.registeredVariables) {
      varList.push(ENGINE.registeredVariables[varName]);
    }
  }
  const specifiedNonTrainable = specifiedVarList ? varList.filter((variable) => !variable.trainable) : null;
  const originalVarCount = varList.length;
  varList = varList.filter((variable) => variable.trainable);
  assert(varList.length > 0, () => `variableGrads() expects at least one of the input variables to be trainable, but none of the ${originalVarCount} variables is trainable.`);
  const allowNoGradients = true;
  const { value, grads } = ENGINE.gradients(f, varList, null, allowNoGradients);
  assert(grads.some((g) => g != null), () => "Cannot find a connection between any variable and the result of the loss function y=f(x). Please make sure the operations that use variables are inside the function f passed to minimize().");
  assert(value.rank === 0, () => `The f passed in variableGrads(f) must return a scalar, but it returned a rank-${value.rank} tensor`);
  const namedGrads = {};
  varList.forEach((v, i) => {
    if (grads[i] != null) {
      namedGrads[v.name] = grads[i];
    }
  });
  if (specifiedNonTrainable != null) {
    specifiedNonTrainable.forEach((v) => namedGrads[v.name] = null);
  }
  return { value, grads: namedGrads };
}

// node_modules/@tensorflow/tfjs-core/dist/ops/sub.js
function sub_(a, b) {
  let $a = convertToTensor(a, "a", "sub");
  let $b = convertToTensor(b, "b", "sub");
  [$a, $b] = makeTypesMatch($a, $b);
  const inputs = { a: $a, b: $b };
  return ENGINE.runKernel(Sub, inputs);
}
var sub = /* @__PURE__ */ op({ sub_ });

// node_modules/@tensorflow/tfjs-core/dist/ops/maximum.js
function maximum_(a, b) {
  let $a = convertToTensor(a, "a", "maximum");
  let $b = convertToTensor(b, "b", "maximum");
  [$a, $b] = makeTypesMatch($a, $b);
  if ($a.dtype === "bool") {
    $a = cast($a, "int32");
    $b = cast($b, "int32");
  }
  assertAndGetBroadcastShape($a.shape, $b.shape);
  const inputs = { a: $a, b: $b };
  return ENGINE.runKernel(Maximum, inputs);
}
var maximum = /* @__PURE__ */ op({ maximum_ });

// node_modules/@tensorflow/tfjs-core/dist/serialization.js
var GLOBAL_CUSTOM_OBJECT = /* @__PURE__ */ new Map();
var GLOBAL_CUSTOM_NAMES = /* @__PURE__ */ new Map();
var Serializable = class {
  /**
   * Return the class name for this class to use in serialization contexts.
   *
   * Generally speaking this will be the same thing that constructor.name
   * would have returned.  However, the class name needs to be robust
   * against minification for serialization/deserialization to work properly.
   *
   * There's also places such as initializers.VarianceScaling, where
   * implementation details between different languages led to different
   * class hierarchies and a non-leaf node is used for serialization purposes.
   */
  getClassName() {
    return this.constructor.className;
  }
  /**
   * Creates an instance of T from a ConfigDict.
   *
   * This works for most descendants of serializable.  A few need to
   * provide special handling.
   * @param cls A Constructor for the class to instantiate.
   * @param config The Configuration for the object.
   */
  /** @nocollapse */
  static fromConfig(cls, config) {
    return new cls(config);
  }
};
var SerializationMap = class _SerializationMap {
  constructor() {
    this.classNameMap = {};
  }
  /**
   * Returns the singleton instance of the map.
   */
  static getMap() {
    if (_SerializationMap.instance == null) {
      _SerializationMap.instance = new _SerializationMap();
    }
    return _SerializationMap.instance;
  }
  /**
   * Registers the class as serializable.
   */
  static register(cls) {
    _SerializationMap.getMap().classNameMap[cls.className] = [cls, cls.fromConfig];
  }
};
function registerClass(cls, pkg, name) {
  assert(cls.className != null, () => `Class being registered does not have the static className property defined.`);
  assert(typeof cls.className === "string", () => `className is required to be a string, but got type ` + typeof cls.className);
  assert(cls.className.length > 0, () => `Class being registered has an empty-string as its className, which is disallowed.`);
  if (typeof pkg === "undefined") {
    pkg = "Custom";
  }
  if (typeof name === "undefined") {
    name = cls.className;
  }
  const className = name;
  const registerName = pkg + ">" + className;
  SerializationMap.register(cls);
  GLOBAL_CUSTOM_OBJECT.set(registerName, cls);
  GLOBAL_CUSTOM_NAMES.set(cls, registerName);
  return cls;
}

// node_modules/@tensorflow/tfjs-core/dist/optimizers/optimizer.js
var Optimizer = class extends Serializable {
  /**
   * Executes `f()` and minimizes the scalar output of `f()` by computing
   * gradients of y with respect to the list of trainable variables provided by
   * `varList`. If no list is provided, it defaults to all trainable variables.
   *
   * @param f The function to execute and whose output to minimize.
   * @param returnCost Whether to return the scalar cost value produced by
   * executing `f()`.
   * @param varList An optional list of variables to update. If specified, only
   * the trainable variables in varList will be updated by minimize. Defaults to
   * all trainable variables.
   *
   * @doc {heading: 'Training', subheading: 'Optimizers'}
   */
  minimize(f, returnCost = false, varList) {
    const { value, grads } = this.computeGradients(f, varList);
    if (varList != null) {
      const gradArray = varList.map((v) => ({ name: v.name, tensor: grads[v.name] }));
      this.applyGradients(gradArray);
    } else {
      this.applyGradients(grads);
    }
    dispose(grads);
    if (returnCost) {
      return value;
    } else {
      value.dispose();
      return null;
    }
  }
  /**
   * The number of iterations that this optimizer instance has been invoked for.
   */
  get iterations() {
    if (this.iterations_ == null) {
      this.iterations_ = 0;
    }
    return this.iterations_;
  }
  incrementIterations() {
    this.iterations_ = this.iterations + 1;
  }
  /**
   * Executes f() and computes the gradient of the scalar output of f() with
   * respect to the list of trainable variables provided by `varList`. If no
   * list is provided, it defaults to all trainable variables.
   *
   * @param f The function to execute and whose output to use for computing
   * gradients with respect to variables.
   * @param varList An optional list of variables to compute gradients with
   * respect to. If specified, only the trainable variables in varList will have
   * gradients computed with respect to. Defaults to all trainable variables.
   *
   * @doc {heading: 'Training', subheading: 'Optimizers'}
   */
  computeGradients(f, varList) {
    return variableGrads(f, varList);
  }
  /**
   * Dispose the variables (if any) owned by this optimizer instance.
   */
  dispose() {
    if (this.iterations_ != null) {
      dispose(this.iterations_);
    }
  }
  async saveIterations() {
    if (this.iterations_ == null) {
      this.iterations_ = 0;
    }
    return {
      name: "iter",
      // TODO(cais): Use 'int64' type when available.
      tensor: scalar(this.iterations_, "int32")
    };
  }
  async getWeights() {
    throw new Error("getWeights() is not implemented for this optimizer yet.");
  }
  async setWeights(weightValues) {
    throw new Error(`setWeights() is not implemented for this optimizer class ${this.getClassName()}`);
  }
  /**
   * Extract the first element of the weight values and set it
   * as the iterations counter variable of this instance of optimizer.
   *
   * @param weightValues
   * @returns Weight values with the first element consumed and excluded.
   */
  async extractIterations(weightValues) {
    this.iterations_ = (await weightValues[0].tensor.data())[0];
    return weightValues.slice(1);
  }
};
Object.defineProperty(Optimizer, Symbol.hasInstance, {
  value: (instance) => {
    return instance.minimize != null && instance.computeGradients != null && instance.applyGradients != null;
  }
});

// node_modules/@tensorflow/tfjs-core/dist/optimizers/adadelta_optimizer.js
var AdadeltaOptimizer = class extends Optimizer {
  /** @nocollapse */
  static get className() {
    return "Adadelta";
  }
  constructor(learningRate, rho, epsilon = null) {
    super();
    this.learningRate = learningRate;
    this.rho = rho;
    this.epsilon = epsilon;
    this.accumulatedGrads = [];
    this.accumulatedUpdates = [];
    if (epsilon == null) {
      this.epsilon = ENGINE.backend.epsilon();
    }
  }
  applyGradients(variableGradients) {
    const variableNames = Array.isArray(variableGradients) ? variableGradients.map((item) => item.name) : Object.keys(variableGradients);
    variableNames.forEach((name, i) => {
      const value = ENGINE.registeredVariables[name];
      const trainable = false;
      if (this.accumulatedGrads[i] == null) {
        this.accumulatedGrads[i] = {
          originalName: `${name}/accum_grad`,
          variable: tidy(() => zerosLike(value).variable(trainable))
        };
      }
      if (this.accumulatedUpdates[i] == null) {
        this.accumulatedUpdates[i] = {
          originalName: `${name}/accum_var`,
          variable: tidy(() => zerosLike(value).variable(trainable))
        };
      }
      const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
      if (gradient == null) {
        return;
      }
      const accumulatedGrad = this.accumulatedGrads[i].variable;
      const accumulatedUpdate = this.accumulatedUpdates[i].variable;
      tidy(() => {
        const newAccumulatedGrad = add2(mul(accumulatedGrad, this.rho), mul(square(gradient), 1 - this.rho));
        const updates = mul(div(sqrt(add2(accumulatedUpdate, this.epsilon)), sqrt(add2(accumulatedGrad, this.epsilon))), gradient);
        const newAccumulatedUpdate = add2(mul(accumulatedUpdate, this.rho), mul(square(updates), 1 - this.rho));
        accumulatedGrad.assign(newAccumulatedGrad);
        accumulatedUpdate.assign(newAccumulatedUpdate);
        const newValue = add2(mul(updates, -this.learningRate), value);
        value.assign(newValue);
      });
    });
    this.incrementIterations();
  }
  dispose() {
    if (this.accumulatedUpdates != null) {
      dispose(this.accumulatedGrads.map((v) => v.variable));
      dispose(this.accumulatedUpdates.map((v) => v.variable));
    }
  }
  async getWeights() {
    const variables = [...this.accumulatedGrads, ...this.accumulatedUpdates];
    return [await this.saveIterations()].concat(variables.map((v) => ({ name: v.originalName, tensor: v.variable })));
  }
  async setWeights(weightValues) {
    weightValues = await this.extractIterations(weightValues);
    const variableCount = weightValues.length / 2;
    const trainable = false;
    this.accumulatedGrads = weightValues.slice(0, variableCount).map((v) => ({
      originalName: v.name,
      variable: v.tensor.variable(trainable)
    }));
    this.accumulatedUpdates = weightValues.slice(variableCount, variableCount * 2).map((v) => ({
      originalName: v.name,
      variable: v.tensor.variable(trainable)
    }));
  }
  getConfig() {
    return {
      "learningRate": this.learningRate,
      "rho": this.rho,
      "epsilon": this.epsilon
    };
  }
  /** @nocollapse */
  static fromConfig(cls, config) {
    return new cls(config["learningRate"], config["rho"], config["epsilon"]);
  }
};

// node_modules/@tensorflow/tfjs-core/dist/optimizers/adagrad_optimizer.js
var AdagradOptimizer = class extends Optimizer {
  /** @nocollapse */
  static get className() {
    return "Adagrad";
  }
  constructor(learningRate, initialAccumulatorValue = 0.1) {
    super();
    this.learningRate = learningRate;
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.accumulatedGrads = [];
  }
  applyGradients(variableGradients) {
    const variableNames = Array.isArray(variableGradients) ? variableGradients.map((item) => item.name) : Object.keys(variableGradients);
    variableNames.forEach((name, i) => {
      const value = ENGINE.registeredVariables[name];
      if (this.accumulatedGrads[i] == null) {
        const trainable = false;
        this.accumulatedGrads[i] = {
          originalName: `${name}/accumulator`,
          variable: tidy(() => fill(value.shape, this.initialAccumulatorValue).variable(trainable))
        };
      }
      const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
      if (gradient == null) {
        return;
      }
      const accumulatedGrad = this.accumulatedGrads[i].variable;
      tidy(() => {
        const newAccumulatedGrad = add2(accumulatedGrad, square(gradient));
        accumulatedGrad.assign(newAccumulatedGrad);
        const newValue = add2(mul(div(gradient, sqrt(add2(newAccumulatedGrad, ENGINE.backend.epsilon()))), -this.learningRate), value);
        value.assign(newValue);
      });
    });
    this.incrementIterations();
  }
  dispose() {
    if (this.accumulatedGrads != null) {
      dispose(this.accumulatedGrads.map((v) => v.variable));
    }
  }
  async getWeights() {
    return [await this.saveIterations()].concat(this.accumulatedGrads.map((v) => ({ name: v.originalName, tensor: v.variable })));
  }
  async setWeights(weightValues) {
    weightValues = await this.extractIterations(weightValues);
    const trainable = false;
    this.accumulatedGrads = weightValues.map((v) => ({ originalName: v.name, variable: v.tensor.variable(trainable) }));
  }
  getConfig() {
    return {
      "learningRate": this.learningRate,
      "initialAccumulatorValue": this.initialAccumulatorValue
    };
  }
  /** @nocollapse */
  static fromConfig(cls, config) {
    return new cls(config["learningRate"], config["initialAccumulatorValue"]);
  }
};

// node_modules/@tensorflow/tfjs-core/dist/optimizers/adam_optimizer.js
var AdamOptimizer = class extends Optimizer {
  /** @nocollapse */
  static get className() {
    return "Adam";
  }
  constructor(learningRate, beta1, beta2, epsilon = null) {
    super();
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.accumulatedFirstMoment = [];
    this.accumulatedSecondMoment = [];
    tidy(() => {
      this.accBeta1 = scalar(beta1).variable();
      this.accBeta2 = scalar(beta2).variable();
    });
    if (epsilon == null) {
      this.epsilon = ENGINE.backend.epsilon();
    }
  }
  applyGradients(variableGradients) {
    const varNames = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    tidy(() => {
      const oneMinusAccBeta1 = sub(1, this.accBeta1);
      const oneMinusAccBeta2 = sub(1, this.accBeta2);
      varNames.forEach((name, i) => {
        const value = ENGINE.registeredVariables[name];
        const trainable = false;
        if (this.accumulatedFirstMoment[i] == null) {
          this.accumulatedFirstMoment[i] = {
            originalName: `${name}/m`,
            variable: tidy(() => zerosLike(value).variable(trainable))
          };
        }
        if (this.accumulatedSecondMoment[i] == null) {
          this.accumulatedSecondMoment[i] = {
            originalName: `${name}/v`,
            variable: tidy(() => zerosLike(value).variable(trainable))
          };
        }
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) {
          return;
        }
        const firstMoment = this.accumulatedFirstMoment[i].variable;
        const secondMoment = this.accumulatedSecondMoment[i].variable;
        const newFirstMoment = add2(mul(firstMoment, this.beta1), mul(gradient, 1 - this.beta1));
        const newSecondMoment = add2(mul(secondMoment, this.beta2), mul(square(gradient), 1 - this.beta2));
        const biasCorrectedFirstMoment = div(newFirstMoment, oneMinusAccBeta1);
        const biasCorrectedSecondMoment = div(newSecondMoment, oneMinusAccBeta2);
        firstMoment.assign(newFirstMoment);
        secondMoment.assign(newSecondMoment);
        const newValue = add2(mul(div(biasCorrectedFirstMoment, add2(sqrt(biasCorrectedSecondMoment), this.epsilon)), -this.learningRate), value);
        value.assign(newValue);
      });
      this.accBeta1.assign(mul(this.accBeta1, this.beta1));
      this.accBeta2.assign(mul(this.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }
  dispose() {
    this.accBeta1.dispose();
    this.accBeta2.dispose();
    if (this.accumulatedFirstMoment != null) {
      dispose(this.accumulatedFirstMoment.map((v) => v.variable));
    }
    if (this.accumulatedSecondMoment != null) {
      dispose(this.accumulatedSecondMoment.map((v) => v.variable));
    }
  }
  async getWeights() {
    const variables = [...this.accumulatedFirstMoment, ...this.accumulatedSecondMoment];
    return [await this.saveIterations()].concat(variables.map((v) => ({ name: v.originalName, tensor: v.variable })));
  }
  async setWeights(weightValues) {
    weightValues = await this.extractIterations(weightValues);
    tidy(() => {
      this.accBeta1.assign(pow(this.beta1, this.iterations_ + 1));
      this.accBeta2.assign(pow(this.beta2, this.iterations_ + 1));
    });
    const variableCount = weightValues.length / 2;
    const trainable = false;
    this.accumulatedFirstMoment = weightValues.slice(0, variableCount).map((v) => ({
      originalName: v.name,
      variable: v.tensor.variable(trainable)
    }));
    this.accumulatedSecondMoment = weightValues.slice(variableCount, variableCount * 2).map((v) => ({
      originalName: v.name,
      variable: v.tensor.variable(trainable)
    }));
  }
  getConfig() {
    return {
      "learningRate": this.learningRate,
      "beta1": this.beta1,
      "beta2": this.beta2,
      "epsilon": this.epsilon
    };
  }
  /** @nocollapse */
  static fromConfig(cls, config) {
    return new cls(config["learningRate"], config["beta1"], config["beta2"], config["epsilon"]);
  }
};

// node_modules/@tensorflow/tfjs-core/dist/optimizers/adamax_optimizer.js
var AdamaxOptimizer = class extends Optimizer {
  /** @nocollapse */
  static get className() {
    return "Adamax";
  }
  constructor(learningRate, beta1, beta2, epsilon = null, decay = 0) {
    super();
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.decay = decay;
    this.accumulatedFirstMoment = [];
    this.accumulatedWeightedInfNorm = [];
    tidy(() => {
      this.iteration = scalar(0).variable();
      this.accBeta1 = scalar(beta1).variable();
    });
    if (epsilon == null) {
      this.epsilon = ENGINE.backend.epsilon();
    }
  }
  applyGradients(variableGradients) {
    const variableNames = Array.isArray(variableGradients) ? variableGradients.map((item) => item.name) : Object.keys(variableGradients);
    tidy(() => {
      const oneMinusAccBeta1 = sub(1, this.accBeta1);
      const lr = div(-this.learningRate, add2(mul(this.iteration, this.decay), 1));
      variableNames.forEach((name, i) => {
        const value = ENGINE.registeredVariables[name];
        const trainable = false;
        if (this.accumulatedFirstMoment[i] == null) {
          this.accumulatedFirstMoment[i] = {
            originalName: `${name}/m`,
            variable: zerosLike(value).variable(trainable)
          };
        }
        if (this.accumulatedWeightedInfNorm[i] == null) {
          this.accumulatedWeightedInfNorm[i] = {
            originalName: `${name}/v`,
            variable: zerosLike(value).variable(trainable)
          };
        }
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) {
          return;
        }
        const firstMoment = this.accumulatedFirstMoment[i].variable;
        const weightedInfNorm = this.accumulatedWeightedInfNorm[i].variable;
        const newFirstMoment = add2(mul(firstMoment, this.beta1), mul(gradient, 1 - this.beta1));
        const ut0 = mul(weightedInfNorm, this.beta2);
        const ut1 = abs(gradient);
        const newWeightedInfNorm = maximum(ut0, ut1);
        firstMoment.assign(newFirstMoment);
        weightedInfNorm.assign(newWeightedInfNorm);
        const newValue = add2(mul(div(lr, oneMinusAccBeta1), div(newFirstMoment, add2(newWeightedInfNorm, this.epsilon))), value);
        value.assign(newValue);
      });
      this.iteration.assign(add2(this.iteration, 1));
      this.accBeta1.assign(mul(this.accBeta1, this.beta1));
    });
    this.incrementIterations();
  }
  dispose() {
    this.accBeta1.dispose();
    this.iteration.dispose();
    if (this.accumulatedFirstMoment != null) {
      dispose(this.accumulatedFirstMoment.map((v) => v.variable));
    }
    if (this.accumulatedWeightedInfNorm != null) {
      dispose(this.accumulatedWeightedInfNorm.map((v) => v.variable));
    }
  }
  async getWeights() {
    throw new Error("getWeights() is not implemented for Adamax yet.");
  }
  async setWeights(weightValues) {
    throw new Error("setWeights() is not implemented for Adamax yet.");
  }
  getConfig() {
    return {
      "learningRate": this.learningRate,
      "beta1": this.beta1,
      "beta2": this.beta2,
      "epsilon": this.epsilon,
      "decay": this.decay
    };
  }
  /** @nocollapse */
  static fromConfig(cls, config) {
    return new cls(config["learningRate"], config["beta1"], config["beta2"], config["epsilon"], config["decay"]);
  }
};

// node_modules/@tensorflow/tfjs-core/dist/optimizers/sgd_optimizer.js
var SGDOptimizer = class extends Optimizer {
  /** @nocollapse */
  static get className() {
    return "SGD";
  }
  constructor(learningRate) {
    super();
    this.learningRate = learningRate;
    this.setLearningRate(learningRate);
  }
  applyGradients(variableGradients) {
    const varNames = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    varNames.forEach((name, i) => {
      const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
      if (gradient == null) {
        return;
      }
      const value = ENGINE.registeredVariables[name];
      tidy(() => {
        const newValue = add2(mul(this.c, gradient), value);
        value.assign(newValue);
      });
    });
    this.incrementIterations();
  }
  /**
   * Sets the learning rate of the optimizer.
   */
  setLearningRate(learningRate) {
    this.learningRate = learningRate;
    if (this.c != null) {
      this.c.dispose();
    }
    this.c = keep(scalar(-learningRate));
  }
  dispose() {
    this.c.dispose();
  }
  async getWeights() {
    return [await this.saveIterations()];
  }
  async setWeights(weightValues) {
    weightValues = await this.extractIterations(weightValues);
    if (weightValues.length !== 0) {
      throw new Error("SGD optimizer does not have settable weights.");
    }
  }
  getConfig() {
    return { "learningRate": this.learningRate };
  }
  /** @nocollapse */
  static fromConfig(cls, config) {
    return new cls(config["learningRate"]);
  }
};

// node_modules/@tensorflow/tfjs-core/dist/optimizers/momentum_optimizer.js
var MomentumOptimizer = class extends SGDOptimizer {
  /** @nocollapse */
  // Name matters for Python compatibility.
  static get className() {
    return "Momentum";
  }
  constructor(learningRate, momentum, useNesterov = false) {
    super(learningRate);
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.useNesterov = useNesterov;
    this.accumulations = [];
    this.m = scalar(this.momentum);
  }
  applyGradients(variableGradients) {
    const variableNames = Array.isArray(variableGradients) ? variableGradients.map((item) => item.name) : Object.keys(variableGradients);
    variableNames.forEach((name, i) => {
      const value = ENGINE.registeredVariables[name];
      if (this.accumulations[i] == null) {
        const trainable = false;
        this.accumulations[i] = {
          originalName: `${name}/momentum`,
          variable: tidy(() => zerosLike(value).variable(trainable))
        };
      }
      const accumulation = this.accumulations[i].variable;
      const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
      if (gradient == null) {
        return;
      }
      tidy(() => {
        let newValue;
        const newAccumulation = add2(mul(this.m, accumulation), gradient);
        if (this.useNesterov) {
          newValue = add2(mul(this.c, add2(gradient, mul(newAccumulation, this.m))), value);
        } else {
          newValue = add2(mul(this.c, newAccumulation), value);
        }
        accumulation.assign(newAccumulation);
        value.assign(newValue);
      });
    });
    this.incrementIterations();
  }
  dispose() {
    this.m.dispose();
    if (this.accumulations != null) {
      dispose(this.accumulations.map((v) => v.variable));
    }
  }
  /**
   * Sets the momentum of the optimizer.
   *
   * @param momentum
   */
  setMomentum(momentum) {
    this.momentum = momentum;
  }
  async getWeights() {
    return [await this.saveIterations()].concat(this.accumulations.map((v) => ({ name: v.originalName, tensor: v.variable })));
  }
  async setWeights(weightValues) {
    weightValues = await this.extractIterations(weightValues);
    const trainable = false;
    this.accumulations = weightValues.map((v) => ({ originalName: v.name, variable: v.tensor.variable(trainable) }));
  }
  getConfig() {
    return {
      "learningRate": this.learningRate,
      "momentum": this.momentum,
      "useNesterov": this.useNesterov
    };
  }
  /** @nocollapse */
  static fromConfig(cls, config) {
    return new cls(config["learningRate"], config["momentum"], config["useNesterov"]);
  }
};

// node_modules/@tensorflow/tfjs-core/dist/optimizers/rmsprop_optimizer.js
var RMSPropOptimizer = class extends Optimizer {
  /** @nocollapse */
  static get className() {
    return "RMSProp";
  }
  constructor(learningRate, decay = 0.9, momentum = 0, epsilon = null, centered = false) {
    super();
    this.learningRate = learningRate;
    this.decay = decay;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.accumulatedMeanSquares = [];
    this.accumulatedMoments = [];
    this.accumulatedMeanGrads = [];
    this.centered = centered;
    if (epsilon == null) {
      this.epsilon = ENGINE.backend.epsilon();
    }
    if (learningRate == null) {
      throw new Error(`learningRate for RMSPropOptimizer must be defined.`);
    }
  }
  applyGradients(variableGradients) {
    const variableNames = Array.isArray(variableGradients) ? variableGradients.map((item) => item.name) : Object.keys(variableGradients);
    variableNames.forEach((name, i) => {
      const value = ENGINE.registeredVariables[name];
      const trainable = false;
      if (this.accumulatedMeanSquares[i] == null) {
        this.accumulatedMeanSquares[i] = {
          originalName: `${name}/rms`,
          variable: tidy(() => zerosLike(value).variable(trainable))
        };
      }
      if (this.accumulatedMoments[i] == null) {
        this.accumulatedMoments[i] = {
          originalName: `${name}/momentum`,
          variable: tidy(() => zerosLike(value).variable(trainable))
        };
      }
      if (this.accumulatedMeanGrads[i] == null && this.centered) {
        this.accumulatedMeanGrads[i] = {
          originalName: `${name}/mg`,
          variable: tidy(() => zerosLike(value).variable(trainable))
        };
      }
      const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
      if (gradient == null) {
        return;
      }
      const accumulatedMeanSquare = this.accumulatedMeanSquares[i].variable;
      const accumulatedMoments = this.accumulatedMoments[i].variable;
      tidy(() => {
        const newAccumulatedMeanSquare = add2(mul(accumulatedMeanSquare, this.decay), mul(square(gradient), 1 - this.decay));
        if (this.centered) {
          const accumulatedMeanGrad = this.accumulatedMeanGrads[i].variable;
          const newAccumulatedMeanGrad = add2(mul(accumulatedMeanGrad, this.decay), mul(gradient, 1 - this.decay));
          const gradContribution = div(mul(gradient, this.learningRate), sqrt(sub(newAccumulatedMeanSquare, add2(square(newAccumulatedMeanGrad), this.epsilon))));
          const newAccumulatedMoments = add2(mul(accumulatedMoments, this.momentum), gradContribution);
          accumulatedMeanSquare.assign(newAccumulatedMeanSquare);
          accumulatedMeanGrad.assign(newAccumulatedMeanGrad);
          accumulatedMoments.assign(newAccumulatedMoments);
          const newValue = sub(value, newAccumulatedMoments);
          value.assign(newValue);
        } else {
          const newAccumulatedMeanSquare2 = add2(mul(accumulatedMeanSquare, this.decay), mul(square(gradient), 1 - this.decay));
          const newAccumulatedMoments = add2(mul(accumulatedMoments, this.momentum), div(mul(gradient, this.learningRate), sqrt(add2(newAccumulatedMeanSquare2, this.epsilon))));
          accumulatedMeanSquare.assign(newAccumulatedMeanSquare2);
          accumulatedMoments.assign(newAccumulatedMoments);
          const newValue = sub(value, newAccumulatedMoments);
          value.assign(newValue);
        }
      });
    });
    this.incrementIterations();
  }
  dispose() {
    if (this.accumulatedMeanSquares != null) {
      dispose(this.accumulatedMeanSquares.map((v) => v.variable));
    }
    if (this.accumulatedMeanGrads != null && this.centered) {
      dispose(this.accumulatedMeanGrads.map((v) => v.variable));
    }
    if (this.accumulatedMoments != null) {
      dispose(this.accumulatedMoments.map((v) => v.variable));
    }
  }
  async getWeights() {
    const variables = [...this.accumulatedMeanSquares, ...this.accumulatedMoments];
    if (this.centered) {
      variables.push(...this.accumulatedMeanGrads);
    }
    return [await this.saveIterations()].concat(variables.map((v) => ({ name: v.originalName, tensor: v.variable })));
  }
  async setWeights(weightValues) {
    weightValues = await this.extractIterations(weightValues);
    const variableCount = this.centered ? weightValues.length / 3 : weightValues.length / 2;
    const trainable = false;
    this.accumulatedMeanSquares = weightValues.slice(0, variableCount).map((v) => ({
      originalName: v.name,
      variable: v.tensor.variable(trainable)
    }));
    this.accumulatedMoments = weightValues.slice(variableCount, variableCount * 2).map((v) => ({
      originalName: v.name,
      variable: v.tensor.variable(trainable)
    }));
    if (this.centered) {
      this.accumulatedMeanGrads = weightValues.slice(variableCount * 2, variableCount * 3).map((v) => ({
        originalName: v.name,
        variable: v.tensor.variable(trainable)
      }));
    }
  }
  getConfig() {
    return {
      "learningRate": this.learningRate,
      "decay": this.decay,
      "momentum": this.momentum,
      "epsilon": this.epsilon,
      "centered": this.centered
    };
  }
  /** @nocollapse */
  static fromConfig(cls, config) {
    return new cls(config["learningRate"], config["decay"], config["momentum"], config["epsilon"], config["centered"]);
  }
};

// node_modules/@tensorflow/tfjs-core/dist/optimizers/register_optimizers.js
var OPTIMIZERS = [
  AdadeltaOptimizer,
  AdagradOptimizer,
  AdamOptimizer,
  AdamaxOptimizer,
  MomentumOptimizer,
  RMSPropOptimizer,
  SGDOptimizer
];
function registerOptimizers() {
  for (const optimizer of OPTIMIZERS) {
    registerClass(optimizer);
  }
}

// node_modules/@tensorflow/tfjs-core/dist/index.js
registerOptimizers();

// src/core/engine/penalties.ts
var SPARSITY_THRESHOLD = 1e-3;

// src/core/engine/fused/optimizer.ts
var f32 = Math.fround;
var ADAM_BETA1 = f32(0.9);
var ADAM_BETA2 = f32(0.999);
var ADAM_ONE_MINUS_BETA1 = f32(1 - 0.9);
var ADAM_ONE_MINUS_BETA2 = f32(1 - 0.999);
var ADAM_EPSILON = f32(1e-7);
var RMSPROP_DECAY = f32(0.9);
var RMSPROP_ONE_MINUS_DECAY = f32(1 - 0.9);
var RMSPROP_EPSILON = f32(1e-7);
function newNormSums() {
  return new Float64Array(5);
}
function addNorms(norms, l1, l2, max2, small, count) {
  norms[0] += l1;
  norms[1] += l2;
  if (max2 > norms[2]) norms[2] = max2;
  norms[3] += small;
  norms[4] += count;
}
function normsFrom(s) {
  return [s[0], Math.sqrt(s[1]), s[2], s[4] > 0 ? s[3] / s[4] : 0];
}
var FusedOptimizer = class {
  /**
   * The moments come from `alloc` (so they can live where `kernels` reach them);
   * kernels.adam, when there is one, runs Adam's loop.
   */
  constructor(train2, size, alloc = (n) => new Float64Array(n), kernels = null) {
    this.kernels = kernels;
    this.kind = train2.optimizer === "adamw" ? "adam" : train2.optimizer === "sgd" && train2.momentum > 0 ? "momentum" : train2.optimizer;
    this.lr = f32(train2.lr);
    this.momentum = f32(train2.momentum);
    this.decayFactor = f32(1 - train2.lr * train2.weightDecay);
    this.s1 = alloc(this.kind === "sgd" ? 0 : size);
    this.s2 = alloc(this.kind === "adam" || this.kind === "rmsprop" ? size : 0);
    this.adamStep = { shrink: 1, lr: this.lr, c1: 1, c2: 1, beta1: ADAM_BETA1, oneMinusBeta1: ADAM_ONE_MINUS_BETA1, beta2: ADAM_BETA2, oneMinusBeta2: ADAM_ONE_MINUS_BETA2, epsilon: ADAM_EPSILON, sparsityThreshold: SPARSITY_THRESHOLD };
  }
  kind;
  lr;
  momentum;
  /** Multiplier of the decayed weights before each update (1 without decay). */
  decayFactor;
  /** Adam: first moment; RMSProp: mean square; momentum: accumulation. */
  s1;
  /** Adam: second moment; RMSProp: moment. */
  s2;
  accBeta1 = 1;
  accBeta2 = 1;
  c1 = 1;
  c2 = 1;
  /** The Adam kernel's scalars, one object rewritten per call (no allocation per step). */
  adamStep;
  /** Starts a step (Adam's bias corrections advance once per step). */
  beginStep() {
    this.accBeta1 = f32(this.accBeta1 * ADAM_BETA1);
    this.accBeta2 = f32(this.accBeta2 * ADAM_BETA2);
    this.c1 = f32(1 - this.accBeta1);
    this.c2 = f32(1 - this.accBeta2);
    this.adamStep.c1 = this.c1;
    this.adamStep.c2 = this.c2;
  }
  /**
   * Updates params[from, to) from their data-loss gradient plus the penalty's, shrinking
   * them first by the weight decay when `decay` (the gradient is the undecayed weights').
   * Returns the penalty of the weights before the update; adds the updated weights to
   * `norms` when given.
   */
  update(params, grads, from, to, penalty, decay, norms) {
    const shrink = decay ? this.decayFactor : 1;
    const kernels = this.kind === "adam" ? this.kernels : null;
    if (kernels?.adam) return this.adamInKernel(kernels.adam, params, grads, from, to, penalty, shrink, norms);
    return this.updateInLoop(params, grads, from, to, penalty, shrink, norms);
  }
  adamInKernel(adam, params, grads, from, to, penalty, shrink, norms) {
    const step = this.adamStep;
    step.shrink = shrink;
    const value = penalty ? addPenaltyGradient(penalty, params, grads, from, to) : 0;
    adam(params, grads, this.s1, this.s2, from, to, step, norms);
    return value;
  }
  updateInLoop(params, grads, from, to, penalty, shrink, norms) {
    const { s1, s2, lr } = this;
    const lrOverC1 = lr / this.c1;
    const invC2 = 1 / this.c2;
    const mom = this.momentum;
    const adam = this.kind === "adam";
    const rmsprop = this.kind === "rmsprop";
    const momentum = this.kind === "momentum";
    let value = 0;
    let l1 = 0;
    let l2 = 0;
    let max2 = 0;
    let small = 0;
    for (let i = from; i < to; i++) {
      let w = params[i];
      let g = grads[i];
      if (penalty) {
        value += penaltyTerm(penalty, w);
        g += penaltyDerivative(penalty, w);
      }
      w *= shrink;
      if (adam) {
        const m = s1[i] = s1[i] * ADAM_BETA1 + g * ADAM_ONE_MINUS_BETA1;
        const v = s2[i] = s2[i] * ADAM_BETA2 + g * g * ADAM_ONE_MINUS_BETA2;
        w -= m * lrOverC1 / (Math.sqrt(v * invC2) + ADAM_EPSILON);
      } else if (rmsprop) {
        const ms = s1[i] = s1[i] * RMSPROP_DECAY + g * g * RMSPROP_ONE_MINUS_DECAY;
        w -= s2[i] = g * lr / Math.sqrt(ms + RMSPROP_EPSILON);
      } else if (momentum) {
        w -= lr * (s1[i] = mom * s1[i] + g);
      } else {
        w -= lr * g;
      }
      params[i] = w;
      if (norms) {
        const a = Math.abs(w);
        l1 += a;
        l2 += a * a;
        if (a > max2) max2 = a;
        if (a < SPARSITY_THRESHOLD) small++;
      }
    }
    if (norms) addNorms(norms, l1, l2, max2, small, to - from);
    return value;
  }
};
function addPenaltyGradient(p, params, grads, from, to) {
  let value = 0;
  for (let i = from; i < to; i++) {
    value += penaltyTerm(p, params[i]);
    grads[i] += penaltyDerivative(p, params[i]);
  }
  return value;
}

// src/core/engine/fused/kernelsWasm.generated.ts
var KERNELS_WASM_BASE64 = "AGFzbQEAAAABaAlgC39/f39/f39/f39/AGAOf39/f39/f39/f39/f38AYAp/f39/fH9/f39/AGAEf39/fwBgA39/fwBgAAF/YAl/f39/f39/f38AYAh/f39/f39/fwBgEH9/f39/fHx8fHx8fHx8f3wAAg8BA2VudgZtZW1vcnkCAAADIyIDBAEBAQEBAQEBAgIAAAAAAAAAAAAAAAAAAAAABQYHAAAIB6MFIghoZWFwQmFzZQAcDGRlbnNlRm9yd2FyZAAeDWRlbnNlQmFja3dhcmQAIARyZWx1AAEMcmVsdUdyYWRpZW50AAAEYWRhbQAhEWhpZGRlbkludG9PdXRwdXQwABsRaGlkZGVuSW50b091dHB1dDEAGhFoaWRkZW5JbnRvT3V0cHV0MgATEWhpZGRlbkludG9PdXRwdXQzABIRaGlkZGVuSW50b091dHB1dDQAERFoaWRkZW5JbnRvT3V0cHV0NQAQEWhpZGRlbkludG9PdXRwdXQ2AA8RaGlkZGVuSW50b091dHB1dDcADhFoaWRkZW5JbnRvT3V0cHV0OAANEWhpZGRlbkludG9PdXRwdXQ5AAwSaGlkZGVuSW50b091dHB1dDEwABkSaGlkZGVuSW50b091dHB1dDExABgSaGlkZGVuSW50b091dHB1dDEyABcSaGlkZGVuSW50b091dHB1dDEzABYSaGlkZGVuSW50b091dHB1dDE0ABUSaGlkZGVuSW50b091dHB1dDE1ABQQZGVuc2VGb3J3YXJkUmVsdQAdEWRlbnNlQmFja3dhcmRSZWx1AB8UaGlkZGVuVGhyb3VnaE91dHB1dDAACRRoaWRkZW5UaHJvdWdoT3V0cHV0MQAIFGhpZGRlblRocm91Z2hPdXRwdXQyAAcUaGlkZGVuVGhyb3VnaE91dHB1dDMABhRoaWRkZW5UaHJvdWdoT3V0cHV0NAAFFGhpZGRlblRocm91Z2hPdXRwdXQ1AAQUaGlkZGVuVGhyb3VnaE91dHB1dDYAAxRoaWRkZW5UaHJvdWdoT3V0cHV0NwACF2hpZGRlbkludG9PdXRwdXRGMzJSZWx1AAoZaGlkZGVuSW50b091dHB1dEYzMkxpbmVhcgALCvSHAiKRAQEDfyADQX5xIQYDQCAEIAZIBEAgBEEDdCIFIAJqIAEgBWr9AAQAIAAgBWr9AAQA/QwAAAAAAAAAAAAAAAAAAAAA/Ur9Tv0LBAAgBEECaiEEDAELCyADIARKBEAgBEEDdCIDIAJqIAAgA2orAwBEAAAAAAAAAABkBHwgASADaisDAAVEAAAAAAAAAAALOQMACwuEAQIDfwF8IAJBfnEhBANAIAMgBEgEQCADQQN0IgUgAWr9DAAAAAAAAAAAAAAAAAAAAAAgACAFav0ABAD99wH9CwQAIANBAmohAwwBCwsgAiADSgRAIANBA3QiAiAAaisDACEGIAEgAmogBkQAAAAAAAAAACAGRAAAAAAAAAAAZBs5AwALC6oGAwh8DHsFfyABIQ0DQCADICJKBEAgDSAiQQN0IgFqKwMAIhL9FCEaIAAgAWorAwAiE/0UIRsgA0EDdCIlIABqIAFqKwMAIhT9FCEcIAUgBiAibEEDdGorAwAiFf0UIR0gBEEDdCACaiEj/QwAAAAAAAAAAAAAAAAAAAAAIRb9DAAAAAAAAAAAAAAAAAAAAAAhF/0MAAAAAAAAAAAAAAAAAAAAACEY/QwAAAAAAAAAAAAAAAAAAAAAIRkgBEF+cSEmQQAhAQNAIAEgJkgEQCAW/QwAAAAAAAAAAAAAAAAAAAAAIBogGyABQQN0IiQgAmr9AAQAIiH98gH98AEgHCAjICRq/QAEACIe/fIB/fABIiD99wEgByAkav0ABAAiH/3yAf3wASEWIBggIf0MAAAAAAAAAAAAAAAAAAAAACAdIB/98gH98AEgIP0MAAAAAAAAAAAAAAAAAAAAAP1K/U4iH/3yAf3wASEYIBkgHiAf/fIB/fABIRkgFyAf/fABIRcgAUECaiEBDAELCyAW/SEAIBb9IQGgIQ8gF/0hACAX/SEBoCEOIBj9IQAgGP0hAaAhECAZ/SEAIBn9IQGgIREgASAESARAIA8gEiATIAFBA3QiASACaisDACIToqAgFCABICNqKwMAIhSioCIPRAAAAAAAAAAAIA9EAAAAAAAAAABkIiMbIAEgB2orAwAiEqKgIQ8gECATIBUgEqJEAAAAAAAAAACgRAAAAAAAAAAAICMbIhKioCEQIBEgFCASoqAhESAOIBKgIQ4LICJBA3QiASAIaiAQOQMAIAggJWogAWogETkDACABIAlqIA45AwAgASAKaiAPOQMAICJBAWohIgwBCwsgDARAIARBA3QhAEEAIQIDQCACIAZIBEAgByAAIAJsaiEB/QwAAAAAAAAAAAAAAAAAAAAAIRYgBEF+cSEFQQAhAwNAIAMgBUgEQCAWIAEgA0EDdGr9AAQA/fABIRYgA0ECaiEDDAELCyAW/SEAIBb9IQGgIQ4gCyACQQN0aiADIARIBHwgDiABIANBA3RqKwMAoAUgDgs5AwAgAkEBaiECDAELCwsLnggDCn8IfAt7IAIhDkEAIQIDQCADIBJKBEAgASASQQN0Ig9qKwMAIhn9FCElIAAgD2orAwAiHP0UISQgA0EDdCIUIABqIA9qKwMAIh39FCEjIAUgBiASbEEDdGoiFSsDABogBEEDdCIQIA5qIRb9DAAAAAAAAAAAAAAAAAAAAAAhKf0MAAAAAAAAAAAAAAAAAAAAACEo/QwAAAAAAAAAAAAAAAAAAAAAIScgBEF+cSEXQQAhEQNAIBEgF0gEQP0MAAAAAAAAAAAAAAAAAAAAACAlICQgEUEDdCIPIA5q/QAEACIi/fIB/fABICMgDyAWav0ABAAiIf3yAf3wASIg/fcBISr9DAAAAAAAAAAAAAAAAAAAAAAhJkEAIRMDQCAGIBNKBEAgJiAVIBNBA3Rq/QoDACAHIBAgE2xqIA9q/QAEAP3yAf3wASEmIBNBAWohEwwBCwsgDSAPaiAq/QsEACAoICIgJiAg/QwAAAAAAAAAAAAAAAAAAAAA/Ur9TiIg/fIB/fABISggJyAhICD98gH98AEhJyApICD98AEhKSARQQJqIREMAQsLICn9IQAgKf0hAaAhGCAo/SEAICj9IQGgIRogJ/0hACAn/SEBoCEbIAQgEUoEQCAZIBwgEUEDdCIRIA5qKwMAIhmioCAdIBEgFmorAwAiHaKgIh5EAAAAAAAAAAAgHkQAAAAAAAAAAGQbIR9EAAAAAAAAAAAhHEEAIQ8DQCAGIA9KBEAgHCAVIA9BA3RqKwMAIAcgDyAQbGogEWorAwCioCEcIA9BAWohDwwBCwsgDSARaiAfOQMAIBogGSAcRAAAAAAAAAAAIB5EAAAAAAAAAABkGyIZoqAhGiAbIB0gGaKgIRsgGCAZoCEYCyASQQN0Ig8gCGogGjkDACAIIBRqIA9qIBs5AwAgCSAPaiAYOQMAQQAhDwNAIAYgD0oEQCAHIA8gEGxqIRH9DAAAAAAAAAAAAAAAAAAAAAAhICAEQX5xIRRBACETA0AgEyAUSARAICAgE0EDdCIVIA1q/QAEACARIBVq/QAEAP3yAf3wASEgIBNBAmohEwwBCwsgIP0hACAg/SEBoCEYIAogBiASbCAPakEDdGogBCATSgR8IBggE0EDdCITIA1qKwMAIBEgE2orAwCioAUgGAs5AwAgD0EBaiEPDAELCyASQQFqIRIMAQsLIAwEQCAEQQN0IQADQCACIAZIBEAgByAAIAJsaiEB/QwAAAAAAAAAAAAAAAAAAAAAISAgBEF+cSEFQQAhAwNAIAMgBUgEQCAgIAEgA0EDdGr9AAQA/fABISAgA0ECaiEDDAELCyAg/SEAICD9IQGgIRggCyACQQN0aiADIARIBHwgGCABIANBA3RqKwMAoAUgGAs5AwAgAkEBaiECDAELCwsL9AUDB3wKewN/A0AgAyAfSgRAIB9BA3QiASAAaisDACIR/RQhGCADQQN0Ig0gAGogAWorAwAiEv0UIRkgBSAGIB9sQQN0aisDACIT/RQhGiAEQQN0IAJqISD9DAAAAAAAAAAAAAAAAAAAAAAhFf0MAAAAAAAAAAAAAAAAAAAAACEW/QwAAAAAAAAAAAAAAAAAAAAAIRcgBEF+cSEhQQAhAQNAIAEgIUgEQCAV/QwAAAAAAAAAAAAAAAAAAAAA/QwAAAAAAAAAAAAAAAAAAAAAIBggAUEDdCIJIAJq/QAEACIe/fIB/fABIBkgCSAgav0ABAAiG/3yAf3wASId/fcBIAcgCWr9AAQAIhz98gH98AEhFSAWIB79DAAAAAAAAAAAAAAAAAAAAAAgGiAc/fIB/fABIB39DAAAAAAAAAAAAAAAAAAAAAD9Sv1OIhz98gH98AEhFiAXIBsgHP3yAf3wASEXIAFBAmohAQwBCwsgFf0hACAV/SEBoCEPIBb9IQAgFv0hAaAhECAX/SEAIBf9IQGgIQ4gASAESARAIA8gESABQQN0IgEgAmorAwAiFKJEAAAAAAAAAACgIBIgASAgaisDACISoqAiD0QAAAAAAAAAACAPRAAAAAAAAAAAZCIJGyABIAdqKwMAIhGioCEPIBAgFCATIBGiRAAAAAAAAAAAoEQAAAAAAAAAACAJGyIRoqAhECAOIBIgEaKgIQ4LIB9BA3QiASAIaiAQOQMAIAggDWogAWogDjkDACABIApqIA85AwAgH0EBaiEfDAELCyAMBEAgBEEDdCEAQQAhAgNAIAIgBkgEQCAHIAAgAmxqIQH9DAAAAAAAAAAAAAAAAAAAAAAhFSAEQX5xIQVBACEDA0AgAyAFSARAIBUgASADQQN0av0ABAD98AEhFSADQQJqIQMMAQsLIBX9IQAgFf0hAaAhDiALIAJBA3RqIAMgBEgEfCAOIAEgA0EDdGorAwCgBSAOCzkDACACQQFqIQIMAQsLCwvsBwMHfAl7CH8gAiEBQQAhAgNAIAMgH0oEQCAfQQN0IgkgAGorAwAiD/0UIRggA0EDdCIjIABqIAlqKwMAIhL9FCEZIAUgBiAfbEEDdGoiJCsDABogBEEDdCIgIAFqISH9DAAAAAAAAAAAAAAAAAAAAAAhFf0MAAAAAAAAAAAAAAAAAAAAACEWIARBfnEhIkEAIR4DQCAeICJIBED9DAAAAAAAAAAAAAAAAAAAAAD9DAAAAAAAAAAAAAAAAAAAAAAgGCAeQQN0IiUgAWr9AAQAIhr98gH98AEgGSAhICVq/QAEACIb/fIB/fABIhz99wEhHf0MAAAAAAAAAAAAAAAAAAAAACEXQQAhCQNAIAYgCUoEQCAXICQgCUEDdGr9CgMAIAcgCSAgbGogJWr9AAQA/fIB/fABIRcgCUEBaiEJDAELCyANICVqIB39CwQAIBUgGiAXIBz9DAAAAAAAAAAAAAAAAAAAAAD9Sv1OIhf98gH98AEhFSAWIBsgF/3yAf3wASEWIB5BAmohHgwBCwsgFf0hACAV/SEBoCEQIBb9IQAgFv0hAaAhDiAEIB5KBEAgDyAeQQN0Ih4gAWorAwAiEaJEAAAAAAAAAACgIBIgHiAhaisDACISoqAiFEQAAAAAAAAAACAURAAAAAAAAAAAZBshE0QAAAAAAAAAACEPQQAhCQNAIAYgCUoEQCAPICQgCUEDdGorAwAgByAJICBsaiAeaisDAKKgIQ8gCUEBaiEJDAELCyANIB5qIBM5AwAgECARIA9EAAAAAAAAAAAgFEQAAAAAAAAAAGQbIg+ioCEQIA4gEiAPoqAhDgsgH0EDdCIJIAhqIBA5AwAgCCAjaiAJaiAOOQMAQQAhHgNAIAYgHkoEQCAHIB4gIGxqISH9DAAAAAAAAAAAAAAAAAAAAAAhFSAEQX5xISJBACEJA0AgCSAiSARAIBUgCUEDdCIjIA1q/QAEACAhICNq/QAEAP3yAf3wASEVIAlBAmohCQwBCwsgFf0hACAV/SEBoCEOIAogBiAfbCAeakEDdGogBCAJSgR8IA4gCUEDdCIJIA1qKwMAIAkgIWorAwCioAUgDgs5AwAgHkEBaiEeDAELCyAfQQFqIR8MAQsLIAwEQCAEQQN0IQADQCACIAZIBEAgByAAIAJsaiEB/QwAAAAAAAAAAAAAAAAAAAAAIRUgBEF+cSEFQQAhAwNAIAMgBUgEQCAVIAEgA0EDdGr9AAQA/fABIRUgA0ECaiEDDAELCyAV/SEAIBX9IQGgIQ4gCyACQQN0aiADIARIBHwgDiABIANBA3RqKwMAoAUgDgs5AwAgAkEBaiECDAELCwsL1QUDCHwLewV/IAEhDQNAIAMgIUoEQCANICFBA3QiAWorAwAiEv0UIRogACABaisDACIT/RQhGyADQQN0IiQgAGogAWorAwAiFP0UIRwgBSAGICFsQQN0aisDACIV/RQhHSAEQQN0IAJqISL9DAAAAAAAAAAAAAAAAAAAAAAhFv0MAAAAAAAAAAAAAAAAAAAAACEX/QwAAAAAAAAAAAAAAAAAAAAAIRj9DAAAAAAAAAAAAAAAAAAAAAAhGSAEQX5xISVBACEBA0AgASAlSARAIBYgGiAbIAFBA3QiIyACav0ABAAiIP3yAf3wASAcICIgI2r9AAQAIh798gH98AEgByAjav0ABAAiH/3yAf3wASEWIBggIP0MAAAAAAAAAAAAAAAAAAAAACAdIB/98gH98AEiH/3yAf3wASEYIBkgHiAf/fIB/fABIRkgFyAf/fABIRcgAUECaiEBDAELCyAW/SEAIBb9IQGgIQ8gF/0hACAX/SEBoCEOIBj9IQAgGP0hAaAhECAZ/SEAIBn9IQGgIREgASAESARAIA8gEiATIAFBA3QiASACaisDACISoqAgFCABICJqKwMAIhOioCABIAdqKwMAIhSioCEPIBAgEiAVIBSiRAAAAAAAAAAAoCISoqAhECARIBMgEqKgIREgDiASoCEOCyAhQQN0IgEgCGogEDkDACAIICRqIAFqIBE5AwAgASAJaiAOOQMAIAEgCmogDzkDACAhQQFqISEMAQsLIAwEQCAEQQN0IQBBACECA0AgAiAGSARAIAcgACACbGohAf0MAAAAAAAAAAAAAAAAAAAAACEWIARBfnEhBUEAIQMDQCADIAVIBEAgFiABIANBA3Rq/QAEAP3wASEWIANBAmohAwwBCwsgFv0hACAW/SEBoCEOIAsgAkEDdGogAyAESAR8IA4gASADQQN0aisDAKAFIA4LOQMAIAJBAWohAgwBCwsLC7wHAwp/B3wKeyACIQ5BACECA0AgAyASSgRAIAEgEkEDdCIPaisDACIa/RQhJCAAIA9qKwMAIhv9FCEjIANBA3QiEyAAaiAPaisDACIc/RQhIiAFIAYgEmxBA3RqIhQrAwAaIARBA3QiESAOaiEV/QwAAAAAAAAAAAAAAAAAAAAAISf9DAAAAAAAAAAAAAAAAAAAAAAhJv0MAAAAAAAAAAAAAAAAAAAAACElIARBfnEhFkEAIRADQCAQIBZIBEAgJCAjIBBBA3QiFyAOav0ABAAiIf3yAf3wASAiIBUgF2r9AAQAIiD98gH98AEhH/0MAAAAAAAAAAAAAAAAAAAAACEoQQAhDwNAIAYgD0oEQCAoIBQgD0EDdGr9CgMAIAcgDyARbGogF2r9AAQA/fIB/fABISggD0EBaiEPDAELCyANIBdqIB/9CwQAICYgISAo/fIB/fABISYgJSAgICj98gH98AEhJSAnICj98AEhJyAQQQJqIRAMAQsLICf9IQAgJ/0hAaAhGCAm/SEAICb9IQGgIR0gJf0hACAl/SEBoCEZIBJBA3QiFiAIaiAEIBBKBHwgGiAbIBBBA3QiECAOaisDACIboqAgHCAQIBVqKwMAIhyioCEeRAAAAAAAAAAAIRpBACEPA0AgBiAPSgRAIBogFCAPQQN0aisDACAHIA8gEWxqIBBqKwMAoqAhGiAPQQFqIQ8MAQsLIA0gEGogHjkDACAYIBqgIRggGSAcIBqioCEZIB0gGyAaoqAFIB0LOQMAIAggE2ogFmogGTkDACAJIBZqIBg5AwBBACEPA0AgBiAPSgRAIAcgDyARbGohE/0MAAAAAAAAAAAAAAAAAAAAACEoIARBfnEhFEEAIRADQCAQIBRIBEAgKCAQQQN0IhUgDWr9AAQAIBMgFWr9AAQA/fIB/fABISggEEECaiEQDAELCyAo/SEAICj9IQGgIRggCiAGIBJsIA9qQQN0aiAEIBBKBHwgGCAQQQN0IhAgDWorAwAgECATaisDAKKgBSAYCzkDACAPQQFqIQ8MAQsLIBJBAWohEgwBCwsgDARAIARBA3QhAANAIAIgBkgEQCAHIAAgAmxqIQH9DAAAAAAAAAAAAAAAAAAAAAAhKCAEQX5xIQVBACEDA0AgAyAFSARAICggASADQQN0av0ABAD98AEhKCADQQJqIQMMAQsLICj9IQAgKP0hAaAhGCALIAJBA3RqIAMgBEgEfCAYIAEgA0EDdGorAwCgBSAYCzkDACACQQFqIQIMAQsLCwufBQMHfAl7A38DQCADIB5KBEAgHkEDdCIBIABqKwMAIhH9FCEYIANBA3QiDSAAaiABaisDACIS/RQhGSAFIAYgHmxBA3RqKwMAIhP9FCEaIARBA3QgAmohH/0MAAAAAAAAAAAAAAAAAAAAACEV/QwAAAAAAAAAAAAAAAAAAAAAIRb9DAAAAAAAAAAAAAAAAAAAAAAhFyAEQX5xISBBACEBA0AgASAgSARAIBX9DAAAAAAAAAAAAAAAAAAAAAAgGCABQQN0IgkgAmr9AAQAIh398gH98AEgGSAJIB9q/QAEACIb/fIB/fABIAcgCWr9AAQAIhz98gH98AEhFSAWIB39DAAAAAAAAAAAAAAAAAAAAAAgGiAc/fIB/fABIhz98gH98AEhFiAXIBsgHP3yAf3wASEXIAFBAmohAQwBCwsgFf0hACAV/SEBoCEPIBb9IQAgFv0hAaAhECAX/SEAIBf9IQGgIQ4gASAESARAIA8gESABQQN0IgEgAmorAwAiFKJEAAAAAAAAAACgIBIgASAfaisDACISoqAgASAHaisDACIRoqAhDyAQIBQgEyARokQAAAAAAAAAAKAiEaKgIRAgDiASIBGioCEOCyAeQQN0IgEgCGogEDkDACAIIA1qIAFqIA45AwAgASAKaiAPOQMAIB5BAWohHgwBCwsgDARAIARBA3QhAEEAIQIDQCACIAZIBEAgByAAIAJsaiEB/QwAAAAAAAAAAAAAAAAAAAAAIRUgBEF+cSEFQQAhAwNAIAMgBUgEQCAVIAEgA0EDdGr9AAQA/fABIRUgA0ECaiEDDAELCyAV/SEAIBX9IQGgIQ4gCyACQQN0aiADIARIBHwgDiABIANBA3RqKwMAoAUgDgs5AwAgAkEBaiECDAELCwsLiwcDBnwIewh/IAIhAUEAIQIDQCADIB1KBEAgHUEDdCIJIABqKwMAIg/9FCEXIANBA3QiISAAaiAJaisDACIS/RQhGCAFIAYgHWxBA3RqIiIrAwAaIARBA3QiHiABaiEj/QwAAAAAAAAAAAAAAAAAAAAAIRT9DAAAAAAAAAAAAAAAAAAAAAAhFSAEQX5xIR9BACEJA0AgCSAfSARA/QwAAAAAAAAAAAAAAAAAAAAAIBcgCUEDdCIgIAFq/QAEACIZ/fIB/fABIBggICAjav0ABAAiGv3yAf3wASEb/QwAAAAAAAAAAAAAAAAAAAAAIRZBACEcA0AgBiAcSgRAIBYgIiAcQQN0av0KAwAgByAcIB5saiAgav0ABAD98gH98AEhFiAcQQFqIRwMAQsLIA0gIGogG/0LBAAgFCAZIBb98gH98AEhFCAVIBogFv3yAf3wASEVIAlBAmohCQwBCwsgFP0hACAU/SEBoCEQIBX9IQAgFf0hAaAhDiAEIAlKBEAgDyAJQQN0IhwgAWorAwAiEaJEAAAAAAAAAACgIBIgHCAjaisDACIToqAhEkQAAAAAAAAAACEPQQAhCQNAIAYgCUoEQCAPICIgCUEDdGorAwAgByAJIB5saiAcaisDAKKgIQ8gCUEBaiEJDAELCyANIBxqIBI5AwAgECARIA+ioCEQIA4gEyAPoqAhDgsgHUEDdCIJIAhqIBA5AwAgCCAhaiAJaiAOOQMAQQAhHANAIAYgHEoEQCAHIBwgHmxqIR/9DAAAAAAAAAAAAAAAAAAAAAAhFCAEQX5xISBBACEJA0AgCSAgSARAIBQgCUEDdCIhIA1q/QAEACAfICFq/QAEAP3yAf3wASEUIAlBAmohCQwBCwsgFP0hACAU/SEBoCEOIAogBiAdbCAcakEDdGogBCAJSgR8IA4gCUEDdCIJIA1qKwMAIAkgH2orAwCioAUgDgs5AwAgHEEBaiEcDAELCyAdQQFqIR0MAQsLIAwEQCAEQQN0IQADQCACIAZIBEAgByAAIAJsaiEB/QwAAAAAAAAAAAAAAAAAAAAAIRQgBEF+cSEFQQAhAwNAIAMgBUgEQCAUIAEgA0EDdGr9AAQA/fABIRQgA0ECaiEDDAELCyAU/SEAIBT9IQGgIQ4gCyACQQN0aiADIARIBHwgDiABIANBA3RqKwMAoAUgDgs5AwAgAkEBaiECDAELCwsLjwUDDnsBfQR/IAVBA3QhHANAIAUgGUoEQCAIIBlBBHRqIhpDAAAAACAZQQN0IhsgAGorAwC2IhggGItDAACAJl0bOAIAIBpDAAAAACAAIBxqIBtqKwMAtiIYIBiLQwAAgCZdGzgCBCAaIAIEfUMAAAAAIAEgG2orAwC2IhggGItDAACAJl0bBUMAAAAACzgCCCAaQwAAAAAgAyAbaisDALYiGCAYi0MAAIAmXRs4AgwgGUEBaiEZDAELCyAHQQJ0IQIgBLb9EyELQQAhAANAIAAgB0gEQCAGIABBAnRqIgH9AAQAIRIgAf0ABBAhEyAB/QAEICEUIAEgAmoiAf0ABAAhFSAB/QAEECEWIAH9AAQgIRcgCyIKIQ0gCiEMQQAhAQNAIAEgBUgEQCAIIAFBBHRqIgP9CQIAIQ4gCiADQQxq/QkCACIP/QwAAAAAAAAAAAAAAAAAAAAAIANBCGr9CQIAIhAgDiAS/eYB/eQBIANBBGr9CQIAIhEgFf3mAf3kAf3rAf3mAf3kASEKIA0gD/0MAAAAAAAAAAAAAAAAAAAAACAQIA4gE/3mAf3kASARIBb95gH95AH96wH95gH95AEhDSAMIA/9DAAAAAAAAAAAAAAAAAAAAAAgECAOIBT95gH95AEgESAX/eYB/eQB/esB/eYB/eQBIQwgAUEBaiEBDAELCyAJIABBA3RqIgEgCv1f/QsEACABIAogCv0NCAkKCwwNDg8AAQIDBAUGB/1f/QsEECABIA39X/0LBCAgASANIA39DQgJCgsMDQ4PAAECAwQFBgf9X/0LBDAgASAM/V/9CwRAIAEgDCAM/Q0ICQoLDA0ODwABAgMEBQYH/V/9CwRQIABBDGohAAwBCwsL0AQDDnsBfQR/IAVBA3QhHANAIAUgGUoEQCAIIBlBBHRqIhpDAAAAACAZQQN0IhsgAGorAwC2IhggGItDAACAJl0bOAIAIBpDAAAAACAAIBxqIBtqKwMAtiIYIBiLQwAAgCZdGzgCBCAaIAIEfUMAAAAAIAEgG2orAwC2IhggGItDAACAJl0bBUMAAAAACzgCCCAaQwAAAAAgAyAbaisDALYiGCAYi0MAAIAmXRs4AgwgGUEBaiEZDAELCyAHQQJ0IQIgBLb9EyELQQAhAANAIAAgB0gEQCAGIABBAnRqIgH9AAQAIRIgAf0ABBAhEyAB/QAEICEUIAEgAmoiAf0ABAAhFSAB/QAEECEWIAH9AAQgIRcgCyIKIQ0gCiEMQQAhAQNAIAEgBUgEQCAIIAFBBHRqIgP9CQIAIQ4gCiADQQxq/QkCACIPIANBCGr9CQIAIhAgDiAS/eYB/eQBIANBBGr9CQIAIhEgFf3mAf3kAf3mAf3kASEKIA0gDyAQIA4gE/3mAf3kASARIBb95gH95AH95gH95AEhDSAMIA8gECAOIBT95gH95AEgESAX/eYB/eQB/eYB/eQBIQwgAUEBaiEBDAELCyAJIABBA3RqIgEgCv1f/QsEACABIAogCv0NCAkKCwwNDg8AAQIDBAUGB/1f/QsEECABIA39X/0LBCAgASANIA39DQgJCgsMDQ4PAAECAwQFBgf9X/0LBDAgASAM/V/9CwRAIAEgDCAM/Q0ICQoLDA0ODwABAgMEBQYH/V/9CwRQIABBDGohAAwBCwsLlAsDCXsJfwF8IAUhAUEAIQUDQCAUQQhqIAFMBEAgAUEDdCEXIARBA3QhGCAUQQN0IhUgAmohGSAKIBVqIRogCAR8IAcrAwAFRAAAAAAAAAAAC/0UIgwhDiAMIgshDSAZ/QAEABogGf0ABBAaIBn9AAQgGiAZ/QAEMBpBACEWA0AgBCAWSgRAIAAgFkEDdGohG/0MAAAAAAAAAAAAAAAAAAAAACEP/QwAAAAAAAAAAAAAAAAAAAAAIRD9DAAAAAAAAAAAAAAAAAAAAAAhEv0MAAAAAAAAAAAAAAAAAAAAACERQQAhFQNAIAMgFUoEQCAPIBsgFSAYbGr9CgMAIhMgGSAVIBdsaiIc/QAEAP3yAf3wASEPIBAgEyAc/QAEEP3yAf3wASEQIBIgEyAc/QAEIP3yAf3wASESIBEgEyAc/QAEMP3yAf3wASERIBVBAWohFQwBCwsgDCAGIBZBA3Rq/QoDACIT/QwAAAAAAAAAAAAAAAAAAAAAIA/99wH98gH98AEhDCAOIBP9DAAAAAAAAAAAAAAAAAAAAAAgEP33Af3yAf3wASEOIAsgE/0MAAAAAAAAAAAAAAAAAAAAACAS/fcB/fIB/fABIQsgDSAT/QwAAAAAAAAAAAAAAAAAAAAAIBH99wH98gH98AEhDSAWQQFqIRYMAQsLIBogDP0LBAAgGiAO/QsEECAaIAv9CwQgIBogDf0LBDAgFEEIaiEUDAELCwNAIBRBBGogAUwEQCABQQN0IRcgBEEDdCEYIBRBA3QiFSACaiEZIAogFWohGiAIBHwgBysDAAVEAAAAAAAAAAAL/RQiDCEOIBn9AAQAGiAZ/QAEEBpBACEWA0AgBCAWSgRAIAAgFkEDdGohG/0MAAAAAAAAAAAAAAAAAAAAACEP/QwAAAAAAAAAAAAAAAAAAAAAIRBBACEVA0AgAyAVSgRAIA8gGyAVIBhsav0KAwAiCyAZIBUgF2xqIhz9AAQA/fIB/fABIQ8gECALIBz9AAQQ/fIB/fABIRAgFUEBaiEVDAELCyAMIAYgFkEDdGr9CgMAIgv9DAAAAAAAAAAAAAAAAAAAAAAgD/33Af3yAf3wASEMIA4gC/0MAAAAAAAAAAAAAAAAAAAAACAQ/fcB/fIB/fABIQ4gFkEBaiEWDAELCyAaIAz9CwQAIBogDv0LBBAgFEEEaiEUDAELCyAUQQJqIAFMBEAgAUEDdCEXIARBA3QhGCAUQQN0IhUgAmohGSAKIBVqIAgEfCAHKwMABUQAAAAAAAAAAAv9FCENIBn9AAQAGkEAIRYDQCAEIBZKBEAgACAWQQN0aiEb/QwAAAAAAAAAAAAAAAAAAAAAIRFBACEVA0AgAyAVSgRAIBEgGyAVIBhsav0KAwAgGSAVIBdsav0ABAD98gH98AEhESAVQQFqIRUMAQsLIA0gBiAWQQN0av0KAwD9DAAAAAAAAAAAAAAAAAAAAAAgEf33Af3yAf3wASENIBZBAWohFgwBCwsgDf0LBAAgFEECaiEUCyABIBRKBEAgAUEDdCEBIARBA3QhFSAUQQN0IhQgAmohAiAKIBRqIQoDQCAFIAlIBEAgCiABIAVsaiAIBHwgByAFQQN0aisDAAVEAAAAAAAAAAALOQMAIAVBAWohBQwBCwtBACEFA0AgBCAFSgRAIAAgBUEDdGohCEQAAAAAAAAAACEdQQAhBwNAIAMgB0oEQCAdIAggByAVbGorAwAgAiABIAdsaisDAKKgIR0gB0EBaiEHDAELCyAdRAAAAAAAAAAAIB1EAAAAAAAAAABkGyEdIAYgBSAJbEEDdGohCEEAIQcDQCAHIAlIBEAgCiABIAdsaiIUIBQrAwAgCCAHQQN0aisDACAdoqA5AwAgB0EBaiEHDAELCyAFQQFqIQUMAQsLCwuQDgMJfwV7AXwgBSEBQQAhBQNAIAtBCGogAUwEQCALQQN0IgwgAmohDiAIBHwgBysDAAVEAAAAAAAAAAALGiABQQN0IQ8gBEEDdCEQIAogDGohEUEAIQwDQCAJIAxKBEAgESAMIA9saiINIAgEfCAHIAxBA3RqKwMABUQAAAAAAAAAAAv9FCIU/QsEACANIBT9CwQQIA0gFP0LBCAgDSAU/QsEMCAMQQFqIQwMAQsLIA79AAQAGiAO/QAEEBogDv0ABCAaIA79AAQwGkEAIQwDQCAEIAxKBEAgACAMQQN0aiES/QwAAAAAAAAAAAAAAAAAAAAAIRX9DAAAAAAAAAAAAAAAAAAAAAAhFv0MAAAAAAAAAAAAAAAAAAAAACEX/QwAAAAAAAAAAAAAAAAAAAAAIRRBACENA0AgAyANSgRAIBUgEiANIBBsav0KAwAiGCAOIA0gD2xqIhP9AAQA/fIB/fABIRUgFiAYIBP9AAQQ/fIB/fABIRYgFyAYIBP9AAQg/fIB/fABIRcgFCAYIBP9AAQw/fIB/fABIRQgDUEBaiENDAELC/0MAAAAAAAAAAAAAAAAAAAAACAV/fcBIRX9DAAAAAAAAAAAAAAAAAAAAAAgFv33ASEW/QwAAAAAAAAAAAAAAAAAAAAAIBf99wEhF/0MAAAAAAAAAAAAAAAAAAAAACAU/fcBIRQgBiAJIAxsQQN0aiESQQAhDQNAIAkgDUoEQCARIA0gD2xqIhMgE/0ABAAgEiANQQN0av0KAwAiGCAV/fIB/fAB/QsEACATIBP9AAQQIBggFv3yAf3wAf0LBBAgEyAT/QAEICAYIBf98gH98AH9CwQgIBMgE/0ABDAgGCAU/fIB/fAB/QsEMCANQQFqIQ0MAQsLIAxBAWohDAwBCwsgC0EIaiELDAELCwNAIAtBBGogAUwEQCALQQN0IgwgAmohDiAIBHwgBysDAAVEAAAAAAAAAAALGiABQQN0IQ8gBEEDdCEQIAogDGohEUEAIQwDQCAJIAxKBEAgESAMIA9saiINIAgEfCAHIAxBA3RqKwMABUQAAAAAAAAAAAv9FCIU/QsEACANIBT9CwQQIAxBAWohDAwBCwsgDv0ABAAaIA79AAQQGkEAIQwDQCAEIAxKBEAgACAMQQN0aiES/QwAAAAAAAAAAAAAAAAAAAAAIRX9DAAAAAAAAAAAAAAAAAAAAAAhFkEAIQ0DQCADIA1KBEAgFSASIA0gEGxq/QoDACIUIA4gDSAPbGoiE/0ABAD98gH98AEhFSAWIBQgE/0ABBD98gH98AEhFiANQQFqIQ0MAQsL/QwAAAAAAAAAAAAAAAAAAAAAIBX99wEhFP0MAAAAAAAAAAAAAAAAAAAAACAW/fcBIRUgBiAJIAxsQQN0aiESQQAhDQNAIAkgDUoEQCARIA0gD2xqIhMgE/0ABAAgEiANQQN0av0KAwAiFiAU/fIB/fAB/QsEACATIBP9AAQQIBYgFf3yAf3wAf0LBBAgDUEBaiENDAELCyAMQQFqIQwMAQsLIAtBBGohCwwBCwsgC0ECaiABTARAIAtBA3QiDCACaiEOIAgEfCAHKwMABUQAAAAAAAAAAAsaIAFBA3QhDyAEQQN0IRAgCiAMaiERQQAhDQNAIAkgDUoEQCARIA0gD2xqIAgEfCAHIA1BA3RqKwMABUQAAAAAAAAAAAv9FP0LBAAgDUEBaiENDAELCyAO/QAEABpBACENA0AgBCANSgRAIAAgDUEDdGohEv0MAAAAAAAAAAAAAAAAAAAAACEUQQAhDANAIAMgDEoEQCAUIBIgDCAQbGr9CgMAIA4gDCAPbGr9AAQA/fIB/fABIRQgDEEBaiEMDAELC/0MAAAAAAAAAAAAAAAAAAAAACAU/fcBIRQgBiAJIA1sQQN0aiESQQAhDANAIAkgDEoEQCARIAwgD2xqIhMgE/0ABAAgEiAMQQN0av0KAwAgFP3yAf3wAf0LBAAgDEEBaiEMDAELCyANQQFqIQ0MAQsLIAtBAmohCwsgASALSgRAIAFBA3QhASAEQQN0IQwgC0EDdCILIAJqIQIgCiALaiEKA0AgBSAJSARAIAogASAFbGogCAR8IAcgBUEDdGorAwAFRAAAAAAAAAAACzkDACAFQQFqIQUMAQsLQQAhBQNAIAQgBUoEQCAAIAVBA3RqIQhEAAAAAAAAAAAhGUEAIQcDQCADIAdKBEAgGSAIIAcgDGxqKwMAIAIgASAHbGorAwCioCEZIAdBAWohBwwBCwsgGUQAAAAAAAAAACAZRAAAAAAAAAAAZBshGSAGIAUgCWxBA3RqIQhBACEHA0AgByAJSARAIAogASAHbGoiCyALKwMAIAggB0EDdGorAwAgGaKgOQMAIAdBAWohBwwBCwsgBUEBaiEFDAELCwsL5QUDBn8KewF8A0AgC0EEaiAFTARAIAVBA3QgBEEDdCENIAtBA3QiDiACaiEPIAogDmohDiAIBHwgBysDAAVEAAAAAAAAAAAL/RQiESESIA/9AAQAIRogD2oiDP0ABAAhEyAP/QAEECEUIAz9AAQQIRVBACEMA0AgBCAMSgRAIAxBA3QiDyAAaiEQIBEgBiAPav0KAwAiFiABIA9qKwMA/RQiGSAQ/QoDACIXIBr98gH98AEgDSAQav0KAwAiGCAT/fIB/fAB/fIB/fABIREgEiAWIBkgFyAU/fIB/fABIBggFf3yAf3wAf3yAf3wASESIAxBAWohDAwBCwsgDiAR/QsEACAOIBL9CwQQIAtBBGohCwwBCwsgC0ECaiAFTARAIAVBA3QgBEEDdCENIAtBA3QiDiACaiEPIAogDmohDiAIBHwgBysDAAVEAAAAAAAAAAAL/RQhESAP/QAEACESIA9q/QAEACETQQAhDANAIAQgDEoEQCAMQQN0Ig8gAGohECARIAYgD2r9CgMAIAEgD2orAwD9FCAQ/QoDACAS/fIB/fABIA0gEGr9CgMAIBP98gH98AH98gH98AEhESAMQQFqIQwMAQsLIA4gEf0LBAAgC0ECaiELCyAFIAtKBEAgBUEDdCEMIARBA3QhDSALQQN0IgUgAmohAiAFIApqIQpBACEFA0AgBSAJSARAIAogBSAMbGogCAR8IAcgBUEDdGorAwAFRAAAAAAAAAAACzkDACAFQQFqIQUMAQsLQQAhBQNAIAQgBUoEQCAFQQN0IgcgAGohCCABIAdqKwMAIRtBACEHA0AgAyAHSgRAIBsgCCAHIA1saisDACACIAcgDGxqKwMAoqAhGyAHQQFqIQcMAQsLIAYgBSAJbEEDdGohCEEAIQcDQCAHIAlIBEAgCiAHIAxsaiILIAsrAwAgCCAHQQN0aisDACAboqA5AwAgB0EBaiEHDAELCyAFQQFqIQUMAQsLCwvdBwMIfwh7AXwDQCALQQRqIAVMBEAgC0EDdCIMIAJqIQ0gCAR8IAcrAwAFRAAAAAAAAAAACxogBUEDdCEOIARBA3QhDyAKIAxqIRBBACEMA0AgCSAMSgRAIBAgDCAObGoiESAIBHwgByAMQQN0aisDAAVEAAAAAAAAAAAL/RQiE/0LBAAgESAT/QsEECAMQQFqIQwMAQsLIA39AAQAIRYgDSAOaiIM/QAEACEXIA39AAQQIRggDP0ABBAhE0EAIQwDQCAEIAxKBEAgDEEDdCINIABqIREgASANaisDAP0UIhkgEf0KAwAiFCAW/fIB/fABIA8gEWr9CgMAIhogF/3yAf3wASEVIBkgFCAY/fIB/fABIBogE/3yAf3wASEUIAYgCSAMbEEDdGohEUEAIQ0DQCAJIA1KBEAgECANIA5saiISIBL9AAQAIBEgDUEDdGr9CgMAIhkgFf3yAf3wAf0LBAAgEiAS/QAEECAZIBT98gH98AH9CwQQIA1BAWohDQwBCwsgDEEBaiEMDAELCyALQQRqIQsMAQsLIAtBAmogBUwEQCALQQN0IgwgAmohDSAIBHwgBysDAAVEAAAAAAAAAAALGiAFQQN0IQ4gBEEDdCEPIAogDGohEEEAIQwDQCAJIAxKBEAgECAMIA5saiAIBHwgByAMQQN0aisDAAVEAAAAAAAAAAAL/RT9CwQAIAxBAWohDAwBCwsgDf0ABAAhEyANIA5q/QAEACEUQQAhDANAIAQgDEoEQCAMQQN0Ig0gAGohESABIA1qKwMA/RQgEf0KAwAgE/3yAf3wASAPIBFq/QoDACAU/fIB/fABIRUgBiAJIAxsQQN0aiERQQAhDQNAIAkgDUoEQCAQIA0gDmxqIhIgEv0ABAAgESANQQN0av0KAwAgFf3yAf3wAf0LBAAgDUEBaiENDAELCyAMQQFqIQwMAQsLIAtBAmohCwsgBSALSgRAIAVBA3QhDCAEQQN0IQ0gC0EDdCIFIAJqIQIgBSAKaiEKQQAhBQNAIAUgCUgEQCAKIAUgDGxqIAgEfCAHIAVBA3RqKwMABUQAAAAAAAAAAAs5AwAgBUEBaiEFDAELC0EAIQUDQCAEIAVKBEAgBUEDdCIHIABqIQggASAHaisDACEbQQAhBwNAIAMgB0oEQCAbIAggByANbGorAwAgAiAHIAxsaisDAKKgIRsgB0EBaiEHDAELCyAGIAUgCWxBA3RqIQhBACEHA0AgByAJSARAIAogByAMbGoiCyALKwMAIAggB0EDdGorAwAgG6KgOQMAIAdBAWohBwwBCwsgBUEBaiEFDAELCwsLggYDBX8JewF8A0AgC0EEaiAFTARAIAVBA3QgBEEDdCEMIAtBA3QiDSACaiEOIAogDWohDSAIBHwgBysDAAVEAAAAAAAAAAAL/RQiECERIA79AAQAIRIgDmoiAf0ABAAhEyAO/QAEECEUIAH9AAQQIRdBACEBA0AgASAESARAIAAgAUEDdCIOaiIP/QoDACEYIBAgBiAOav0KAwAiFf0MAAAAAAAAAAAAAAAAAAAAACAYIBL98gH98AEgDCAPav0KAwAiFiAT/fIB/fAB/fIB/fABIRAgESAV/QwAAAAAAAAAAAAAAAAAAAAAIBggFP3yAf3wASAWIBf98gH98AH98gH98AEhESABQQFqIQEMAQsLIA0gEP0LBAAgDSAR/QsEECALQQRqIQsMAQsLIAtBAmogBUwEQCAFQQN0IARBA3QhDCALQQN0Ig0gAmohDiAKIA1qIQ0gCAR8IAcrAwAFRAAAAAAAAAAAC/0UIRAgDv0ABAAhESAOav0ABAAhEkEAIQEDQCABIARIBEAgACABQQN0Ig5qIQ8gECAGIA5q/QoDAP0MAAAAAAAAAAAAAAAAAAAAACAP/QoDACAR/fIB/fABIAwgD2r9CgMAIBL98gH98AH98gH98AEhECABQQFqIQEMAQsLIA0gEP0LBAAgC0ECaiELCyAFIAtKBEAgBUEDdCEBIARBA3QhDCALQQN0IgUgAmohAiAFIApqIQpBACEFA0AgBSAJSARAIAogASAFbGogCAR8IAcgBUEDdGorAwAFRAAAAAAAAAAACzkDACAFQQFqIQUMAQsLQQAhBQNAIAQgBUoEQCAAIAVBA3RqIQhEAAAAAAAAAAAhGUEAIQcDQCADIAdKBEAgGSAIIAcgDGxqKwMAIAIgASAHbGorAwCioCEZIAdBAWohBwwBCwsgBiAFIAlsQQN0aiEIQQAhBwNAIAcgCUgEQCAKIAEgB2xqIgsgCysDACAIIAdBA3RqKwMAIBmioDkDACAHQQFqIQcMAQsLIAVBAWohBQwBCwsLC/IHAwd/B3sBfANAIAtBBGogBUwEQCALQQN0IgEgAmohDCAIBHwgBysDAAVEAAAAAAAAAAALGiAFQQN0IQ0gBEEDdCEOIAEgCmohD0EAIQEDQCABIAlIBEAgDyABIA1saiIQIAgEfCAHIAFBA3RqKwMABUQAAAAAAAAAAAv9FCIS/QsEACAQIBL9CwQQIAFBAWohAQwBCwsgDP0ABAAhEyAMIA1qIgH9AAQAIRQgDP0ABBAhFSAB/QAEECEWQQAhAQNAIAEgBEgEQP0MAAAAAAAAAAAAAAAAAAAAACAAIAFBA3RqIgz9CgMAIhcgE/3yAf3wASAMIA5q/QoDACIYIBT98gH98AEhEv0MAAAAAAAAAAAAAAAAAAAAACAXIBX98gH98AEgGCAW/fIB/fABIRcgBiABIAlsQQN0aiEQQQAhDANAIAkgDEoEQCAPIAwgDWxqIhEgEf0ABAAgECAMQQN0av0KAwAiGCAS/fIB/fAB/QsEACARIBH9AAQQIBggF/3yAf3wAf0LBBAgDEEBaiEMDAELCyABQQFqIQEMAQsLIAtBBGohCwwBCwsgC0ECaiAFTARAIAtBA3QiASACaiEMIAgEfCAHKwMABUQAAAAAAAAAAAsaIAVBA3QhDSAEQQN0IQ4gASAKaiEPQQAhAQNAIAEgCUgEQCAPIAEgDWxqIAgEfCAHIAFBA3RqKwMABUQAAAAAAAAAAAv9FP0LBAAgAUEBaiEBDAELCyAM/QAEACESIAwgDWr9AAQAIRNBACEBA0AgASAESARA/QwAAAAAAAAAAAAAAAAAAAAAIAAgAUEDdGoiDP0KAwAgEv3yAf3wASAMIA5q/QoDACAT/fIB/fABIRQgBiABIAlsQQN0aiEQQQAhDANAIAkgDEoEQCAPIAwgDWxqIhEgEf0ABAAgECAMQQN0av0KAwAgFP3yAf3wAf0LBAAgDEEBaiEMDAELCyABQQFqIQEMAQsLIAtBAmohCwsgBSALSgRAIAVBA3QhASAEQQN0IQwgC0EDdCIFIAJqIQIgBSAKaiEKQQAhBQNAIAUgCUgEQCAKIAEgBWxqIAgEfCAHIAVBA3RqKwMABUQAAAAAAAAAAAs5AwAgBUEBaiEFDAELC0EAIQUDQCAEIAVKBEAgACAFQQN0aiEIRAAAAAAAAAAAIRlBACEHA0AgAyAHSgRAIBkgCCAHIAxsaisDACACIAEgB2xqKwMAoqAhGSAHQQFqIQcMAQsLIAYgBSAJbEEDdGohCEEAIQcDQCAHIAlIBEAgCiABIAdsaiILIAsrAwAgCCAHQQN0aisDACAZoqA5AwAgB0EBaiEHDAELCyAFQQFqIQUMAQsLCwuMCQMJfwl7AXwDQCALQQhqIAVMBEAgBUEDdCERIARBA3QhECALQQN0IgwgAmohDyAKIAxqIQ4gCAR8IAcrAwAFRAAAAAAAAAAAC/0UIhUhGiAVIhchHCAP/QAEABogD/0ABBAaIA/9AAQgGiAP/QAEMBpBACESA0AgBCASSgRAIBJBA3QiDCAAaiENIAEgDGorAwD9FCIUIRkgFCIWIRtBACETA0AgAyATSgRAIBQgDSAQIBNsav0KAwAiGCAPIBEgE2xqIgz9AAQA/fIB/fABIRQgGSAYIAz9AAQQ/fIB/fABIRkgFiAYIAz9AAQg/fIB/fABIRYgGyAYIAz9AAQw/fIB/fABIRsgE0EBaiETDAELCyAVIAYgEkEDdGr9CgMAIhggFP3yAf3wASEVIBogGCAZ/fIB/fABIRogFyAYIBb98gH98AEhFyAcIBggG/3yAf3wASEcIBJBAWohEgwBCwsgDiAV/QsEACAOIBr9CwQQIA4gF/0LBCAgDiAc/QsEMCALQQhqIQsMAQsLA0AgC0EEaiAFTARAIAVBA3QhESAEQQN0IRAgC0EDdCIMIAJqIQ8gCiAMaiEOIAgEfCAHKwMABUQAAAAAAAAAAAv9FCIVIRogD/0ABAAaIA/9AAQQGkEAIRIDQCAEIBJKBEAgEkEDdCIMIABqIQ0gASAMaisDAP0UIhQhGUEAIRMDQCADIBNKBEAgFCANIBAgE2xq/QoDACIWIA8gESATbGoiDP0ABAD98gH98AEhFCAZIBYgDP0ABBD98gH98AEhGSATQQFqIRMMAQsLIBUgBiASQQN0av0KAwAiFiAU/fIB/fABIRUgGiAWIBn98gH98AEhGiASQQFqIRIMAQsLIA4gFf0LBAAgDiAa/QsEECALQQRqIQsMAQsLIAtBAmogBUwEQCAFQQN0IREgBEEDdCEQIAtBA3QiDCACaiEPIAogDGogCAR8IAcrAwAFRAAAAAAAAAAAC/0UIRwgD/0ABAAaQQAhEgNAIAQgEkoEQCASQQN0Ig0gAGohDCABIA1qKwMA/RQhG0EAIRMDQCADIBNKBEAgGyAMIBAgE2xq/QoDACAPIBEgE2xq/QAEAP3yAf3wASEbIBNBAWohEwwBCwsgHCAGIBJBA3Rq/QoDACAb/fIB/fABIRwgEkEBaiESDAELCyAc/QsEACALQQJqIQsLIAUgC0oEQCAFQQN0IQ0gBEEDdCEMIAtBA3QiBSACaiELIAUgCmohCkEAIQUDQCAFIAlIBEAgCiAFIA1saiAIBHwgByAFQQN0aisDAAVEAAAAAAAAAAALOQMAIAVBAWohBQwBCwtBACEFA0AgBCAFSgRAIAVBA3QiByAAaiECIAEgB2orAwAhHUEAIQcDQCADIAdKBEAgHSACIAcgDGxqKwMAIAsgByANbGorAwCioCEdIAdBAWohBwwBCwsgBiAFIAlsQQN0aiEIQQAhBwNAIAcgCUgEQCAKIAcgDWxqIgIgAisDACAIIAdBA3RqKwMAIB2ioDkDACAHQQFqIQcMAQsLIAVBAWohBQwBCwsLC+wLAwV7CX8BfANAIBBBCGogBUwEQCAQQQN0IhEgAmohEyAIBHwgBysDAAVEAAAAAAAAAAALGiAFQQN0IRQgBEEDdCEVIAogEWohFkEAIRIDQCAJIBJKBEAgFiASIBRsaiIRIAgEfCAHIBJBA3RqKwMABUQAAAAAAAAAAAv9FCIL/QsEACARIAv9CwQQIBEgC/0LBCAgESAL/QsEMCASQQFqIRIMAQsLIBP9AAQAGiAT/QAEEBogE/0ABCAaIBP9AAQwGkEAIRIDQCAEIBJKBEAgEkEDdCIRIABqIRcgASARaisDAP0UIgwhDiAMIgshDUEAIREDQCADIBFKBEAgDCAXIBEgFWxq/QoDACIPIBMgESAUbGoiGP0ABAD98gH98AEhDCAOIA8gGP0ABBD98gH98AEhDiALIA8gGP0ABCD98gH98AEhCyANIA8gGP0ABDD98gH98AEhDSARQQFqIREMAQsLIAYgCSASbEEDdGohF0EAIREDQCAJIBFKBEAgFiARIBRsaiIYIBj9AAQAIBcgEUEDdGr9CgMAIg8gDP3yAf3wAf0LBAAgGCAY/QAEECAPIA798gH98AH9CwQQIBggGP0ABCAgDyAL/fIB/fAB/QsEICAYIBj9AAQwIA8gDf3yAf3wAf0LBDAgEUEBaiERDAELCyASQQFqIRIMAQsLIBBBCGohEAwBCwsDQCAQQQRqIAVMBEAgEEEDdCIRIAJqIRMgCAR8IAcrAwAFRAAAAAAAAAAACxogBUEDdCEUIARBA3QhFSAKIBFqIRZBACESA0AgCSASSgRAIBYgEiAUbGoiESAIBHwgByASQQN0aisDAAVEAAAAAAAAAAAL/RQiC/0LBAAgESAL/QsEECASQQFqIRIMAQsLIBP9AAQAGiAT/QAEEBpBACESA0AgBCASSgRAIBJBA3QiESAAaiEXIAEgEWorAwD9FCIMIQ5BACERA0AgAyARSgRAIAwgFyARIBVsav0KAwAiCyATIBEgFGxqIhj9AAQA/fIB/fABIQwgDiALIBj9AAQQ/fIB/fABIQ4gEUEBaiERDAELCyAGIAkgEmxBA3RqIRdBACERA0AgCSARSgRAIBYgESAUbGoiGCAY/QAEACAXIBFBA3Rq/QoDACILIAz98gH98AH9CwQAIBggGP0ABBAgCyAO/fIB/fAB/QsEECARQQFqIREMAQsLIBJBAWohEgwBCwsgEEEEaiEQDAELCyAQQQJqIAVMBEAgEEEDdCIRIAJqIRMgCAR8IAcrAwAFRAAAAAAAAAAACxogBUEDdCEUIARBA3QhFSAKIBFqIRZBACESA0AgCSASSgRAIBYgEiAUbGogCAR8IAcgEkEDdGorAwAFRAAAAAAAAAAAC/0U/QsEACASQQFqIRIMAQsLIBP9AAQAGkEAIRIDQCAEIBJKBEAgEkEDdCIRIABqIRcgASARaisDAP0UIQ1BACERA0AgAyARSgRAIA0gFyARIBVsav0KAwAgEyARIBRsav0ABAD98gH98AEhDSARQQFqIREMAQsLIAYgCSASbEEDdGohF0EAIREDQCAJIBFKBEAgFiARIBRsaiIYIBj9AAQAIBcgEUEDdGr9CgMAIA398gH98AH9CwQAIBFBAWohEQwBCwsgEkEBaiESDAELCyAQQQJqIRALIAUgEEoEQCAFQQN0IREgBEEDdCESIBBBA3QiBSACaiECIAUgCmohCkEAIQUDQCAFIAlIBEAgCiAFIBFsaiAIBHwgByAFQQN0aisDAAVEAAAAAAAAAAALOQMAIAVBAWohBQwBCwtBACEFA0AgBCAFSgRAIAVBA3QiByAAaiEIIAEgB2orAwAhGUEAIQcDQCADIAdKBEAgGSAIIAcgEmxqKwMAIAIgByARbGorAwCioCEZIAdBAWohBwwBCwsgBiAFIAlsQQN0aiEIQQAhBwNAIAcgCUgEQCAKIAcgEWxqIhAgECsDACAIIAdBA3RqKwMAIBmioDkDACAHQQFqIQcMAQsLIAVBAWohBQwBCwsLC74GAwZ/CnsBfANAIAtBBGogBUwEQCAFQQN0IARBA3QhDSALQQN0Ig4gAmohDyAKIA5qIQ4gCAR8IAcrAwAFRAAAAAAAAAAAC/0UIhEhEiAP/QAEACEXIA9qIgz9AAQAIRMgD/0ABBAhFCAM/QAEECEVQQAhDANAIAQgDEoEQCAMQQN0Ig8gAGohECARIAYgD2r9CgMAIhr9DAAAAAAAAAAAAAAAAAAAAAAgASAPaisDAP0UIhggEP0KAwAiFiAX/fIB/fABIA0gEGr9CgMAIhkgE/3yAf3wAf33Af3yAf3wASERIBIgGv0MAAAAAAAAAAAAAAAAAAAAACAYIBYgFP3yAf3wASAZIBX98gH98AH99wH98gH98AEhEiAMQQFqIQwMAQsLIA4gEf0LBAAgDiAS/QsEECALQQRqIQsMAQsLIAtBAmogBUwEQCAFQQN0IARBA3QhDSALQQN0Ig4gAmohDyAKIA5qIQ4gCAR8IAcrAwAFRAAAAAAAAAAAC/0UIREgD/0ABAAhEiAPav0ABAAhE0EAIQwDQCAEIAxKBEAgDEEDdCIPIABqIRAgESAGIA9q/QoDAP0MAAAAAAAAAAAAAAAAAAAAACABIA9qKwMA/RQgEP0KAwAgEv3yAf3wASANIBBq/QoDACAT/fIB/fAB/fcB/fIB/fABIREgDEEBaiEMDAELCyAOIBH9CwQAIAtBAmohCwsgBSALSgRAIAVBA3QhDCAEQQN0IQ0gC0EDdCIFIAJqIQIgBSAKaiEKQQAhBQNAIAUgCUgEQCAKIAUgDGxqIAgEfCAHIAVBA3RqKwMABUQAAAAAAAAAAAs5AwAgBUEBaiEFDAELC0EAIQUDQCAEIAVKBEAgBUEDdCIHIABqIQggASAHaisDACEbQQAhBwNAIAMgB0oEQCAbIAggByANbGorAwAgAiAHIAxsaisDAKKgIRsgB0EBaiEHDAELCyAbRAAAAAAAAAAAIBtEAAAAAAAAAABkGyEbIAYgBSAJbEEDdGohCEEAIQcDQCAHIAlIBEAgCiAHIAxsaiILIAsrAwAgCCAHQQN0aisDACAboqA5AwAgB0EBaiEHDAELCyAFQQFqIQUMAQsLCwu6CAMJfwF8CHsgBSEMQQAhBQNAIAtBBGogDEwEQCALQQN0Ig0gAmohDiAIBHwgBysDAAVEAAAAAAAAAAALGiAMQQN0IQ8gBEEDdCEQIAogDWohEUEAIQ0DQCAJIA1KBEAgESANIA9saiISIAgEfCAHIA1BA3RqKwMABUQAAAAAAAAAAAv9FCIV/QsEACASIBX9CwQQIA1BAWohDQwBCwsgDv0ABAAhGCAOIA9qIg39AAQAIRkgDv0ABBAhGiAN/QAEECEVQQAhDQNAIAQgDUoEQCANQQN0Ig4gAGohEv0MAAAAAAAAAAAAAAAAAAAAACABIA5qKwMA/RQiGyAS/QoDACIcIBj98gH98AEgECASav0KAwAiFiAZ/fIB/fAB/fcBIRf9DAAAAAAAAAAAAAAAAAAAAAAgGyAcIBr98gH98AEgFiAV/fIB/fAB/fcBIRYgBiAJIA1sQQN0aiESQQAhDgNAIAkgDkoEQCARIA4gD2xqIhMgE/0ABAAgEiAOQQN0av0KAwAiGyAX/fIB/fAB/QsEACATIBP9AAQQIBsgFv3yAf3wAf0LBBAgDkEBaiEODAELCyANQQFqIQ0MAQsLIAtBBGohCwwBCwsgC0ECaiAMTARAIAtBA3QiDSACaiEOIAgEfCAHKwMABUQAAAAAAAAAAAsaIAxBA3QhDyAEQQN0IRAgCiANaiERQQAhDQNAIAkgDUoEQCARIA0gD2xqIAgEfCAHIA1BA3RqKwMABUQAAAAAAAAAAAv9FP0LBAAgDUEBaiENDAELCyAO/QAEACEVIA4gD2r9AAQAIRZBACENA0AgBCANSgRAIA1BA3QiDiAAaiES/QwAAAAAAAAAAAAAAAAAAAAAIAEgDmorAwD9FCAS/QoDACAV/fIB/fABIBAgEmr9CgMAIBb98gH98AH99wEhFyAGIAkgDWxBA3RqIRJBACEOA0AgCSAOSgRAIBEgDiAPbGoiEyAT/QAEACASIA5BA3Rq/QoDACAX/fIB/fAB/QsEACAOQQFqIQ4MAQsLIA1BAWohDQwBCwsgC0ECaiELCyALIAxIBEAgDEEDdCEMIARBA3QhDSALQQN0IgsgAmohAiAKIAtqIQoDQCAFIAlIBEAgCiAFIAxsaiAIBHwgByAFQQN0aisDAAVEAAAAAAAAAAALOQMAIAVBAWohBQwBCwtBACEFA0AgBCAFSgRAIAVBA3QiByAAaiEIIAEgB2orAwAhFEEAIQcDQCADIAdKBEAgFCAIIAcgDWxqKwMAIAIgByAMbGorAwCioCEUIAdBAWohBwwBCwsgFEQAAAAAAAAAACAURAAAAAAAAAAAZBshFCAGIAUgCWxBA3RqIQhBACEHA0AgByAJSARAIAogByAMbGoiCyALKwMAIAggB0EDdGorAwAgFKKgOQMAIAdBAWohBwwBCwsgBUEBaiEFDAELCwsL3wYDBX8KewF8A0AgC0EEaiAFTARAIAVBA3QgBEEDdCEMIAtBA3QiDSACaiEOIAogDWohDSAIBHwgBysDAAVEAAAAAAAAAAAL/RQiECERIA79AAQAIRUgDmoiAf0ABAAhFiAO/QAEECESIAH9AAQQIRNBACEBA0AgASAESARA/QwAAAAAAAAAAAAAAAAAAAAAIAAgAUEDdCIOaiIP/QoDACIXIBX98gH98AEgDCAPav0KAwAiGCAW/fIB/fABIRQgECAGIA5q/QoDACIZ/QwAAAAAAAAAAAAAAAAAAAAAIBT99wH98gH98AEhECARIBn9DAAAAAAAAAAAAAAAAAAAAAD9DAAAAAAAAAAAAAAAAAAAAAAgFyAS/fIB/fABIBggE/3yAf3wAf33Af3yAf3wASERIAFBAWohAQwBCwsgDSAQ/QsEACANIBH9CwQQIAtBBGohCwwBCwsgC0ECaiAFTARAIAVBA3QgBEEDdCEMIAtBA3QiDSACaiEOIAogDWohDSAIBHwgBysDAAVEAAAAAAAAAAAL/RQhECAO/QAEACERIA5q/QAEACESQQAhAQNAIAEgBEgEQP0MAAAAAAAAAAAAAAAAAAAAAP0MAAAAAAAAAAAAAAAAAAAAACAAIAFBA3QiDmoiD/0KAwAgEf3yAf3wASAMIA9q/QoDACAS/fIB/fAB/fcBIRMgECAGIA5q/QoDACAT/fIB/fABIRAgAUEBaiEBDAELCyANIBD9CwQAIAtBAmohCwsgBSALSgRAIAVBA3QhASAEQQN0IQwgC0EDdCIFIAJqIQIgBSAKaiEKQQAhBQNAIAUgCUgEQCAKIAEgBWxqIAgEfCAHIAVBA3RqKwMABUQAAAAAAAAAAAs5AwAgBUEBaiEFDAELC0EAIQUDQCAEIAVKBEAgACAFQQN0aiEIRAAAAAAAAAAAIRpBACEHA0AgAyAHSgRAIBogCCAHIAxsaisDACACIAEgB2xqKwMAoqAhGiAHQQFqIQcMAQsLIBpEAAAAAAAAAAAgGkQAAAAAAAAAAGQbIRogBiAFIAlsQQN0aiEIQQAhBwNAIAcgCUgEQCAKIAEgB2xqIgsgCysDACAIIAdBA3RqKwMAIBqioDkDACAHQQFqIQcMAQsLIAVBAWohBQwBCwsLC88IAwh/AXwHeyAFIQFBACEFA0AgC0EEaiABTARAIAtBA3QiDCACaiENIAgEfCAHKwMABUQAAAAAAAAAAAsaIAFBA3QhDiAEQQN0IQ8gCiAMaiEQQQAhDANAIAkgDEoEQCAQIAwgDmxqIhEgCAR8IAcgDEEDdGorAwAFRAAAAAAAAAAAC/0UIhT9CwQAIBEgFP0LBBAgDEEBaiEMDAELCyAN/QAEACEWIA0gDmoiDP0ABAAhFyAN/QAEECEYIAz9AAQQIRRBACEMA0AgBCAMSgRA/QwAAAAAAAAAAAAAAAAAAAAA/QwAAAAAAAAAAAAAAAAAAAAAIAAgDEEDdGoiDf0KAwAiGSAW/fIB/fABIA0gD2r9CgMAIhogF/3yAf3wAf33ASEV/QwAAAAAAAAAAAAAAAAAAAAA/QwAAAAAAAAAAAAAAAAAAAAAIBkgGP3yAf3wASAaIBT98gH98AH99wEhGSAGIAkgDGxBA3RqIRFBACENA0AgCSANSgRAIBAgDSAObGoiEiAS/QAEACARIA1BA3Rq/QoDACIaIBX98gH98AH9CwQAIBIgEv0ABBAgGiAZ/fIB/fAB/QsEECANQQFqIQ0MAQsLIAxBAWohDAwBCwsgC0EEaiELDAELCyALQQJqIAFMBEAgC0EDdCIMIAJqIQ0gCAR8IAcrAwAFRAAAAAAAAAAACxogAUEDdCEOIARBA3QhDyAKIAxqIRBBACEMA0AgCSAMSgRAIBAgDCAObGogCAR8IAcgDEEDdGorAwAFRAAAAAAAAAAAC/0U/QsEACAMQQFqIQwMAQsLIA39AAQAIRQgDSAOav0ABAAhFUEAIQwDQCAEIAxKBED9DAAAAAAAAAAAAAAAAAAAAAD9DAAAAAAAAAAAAAAAAAAAAAAgACAMQQN0aiIN/QoDACAU/fIB/fABIA0gD2r9CgMAIBX98gH98AH99wEhFiAGIAkgDGxBA3RqIRFBACENA0AgCSANSgRAIBAgDSAObGoiEiAS/QAEACARIA1BA3Rq/QoDACAW/fIB/fAB/QsEACANQQFqIQ0MAQsLIAxBAWohDAwBCwsgC0ECaiELCyABIAtKBEAgAUEDdCEBIARBA3QhDCALQQN0IgsgAmohAiAKIAtqIQoDQCAFIAlIBEAgCiABIAVsaiAIBHwgByAFQQN0aisDAAVEAAAAAAAAAAALOQMAIAVBAWohBQwBCwtBACEFA0AgBCAFSgRAIAAgBUEDdGohCEQAAAAAAAAAACETQQAhBwNAIAMgB0oEQCATIAggByAMbGorAwAgAiABIAdsaisDAKKgIRMgB0EBaiEHDAELCyATRAAAAAAAAAAAIBNEAAAAAAAAAABkGyETIAYgBSAJbEEDdGohCEEAIQcDQCAHIAlIBEAgCiABIAdsaiILIAsrAwAgCCAHQQN0aisDACAToqA5AwAgB0EBaiEHDAELCyAFQQFqIQUMAQsLCwu9CgMJewp/AXwgBSEVQQAhBQNAIBRBCGogFUwEQCAVQQN0IRggBEEDdCEZIBRBA3QiFiACaiEaIAogFmohGyAIBHwgBysDAAVEAAAAAAAAAAAL/RQiDSERIA0iCyEQIBr9AAQAGiAa/QAEEBogGv0ABCAaIBr9AAQwGkEAIRcDQCAEIBdKBEAgF0EDdCIWIABqIRwgASAWaisDAP0UIg4hEiAOIgwhD0EAIRYDQCADIBZKBEAgDiAcIBYgGWxq/QoDACITIBogFiAYbGoiHf0ABAD98gH98AEhDiASIBMgHf0ABBD98gH98AEhEiAMIBMgHf0ABCD98gH98AEhDCAPIBMgHf0ABDD98gH98AEhDyAWQQFqIRYMAQsLIA0gBiAXQQN0av0KAwAiE/0MAAAAAAAAAAAAAAAAAAAAACAO/fcB/fIB/fABIQ0gESAT/QwAAAAAAAAAAAAAAAAAAAAAIBL99wH98gH98AEhESALIBP9DAAAAAAAAAAAAAAAAAAAAAAgDP33Af3yAf3wASELIBAgE/0MAAAAAAAAAAAAAAAAAAAAACAP/fcB/fIB/fABIRAgF0EBaiEXDAELCyAbIA39CwQAIBsgEf0LBBAgGyAL/QsEICAbIBD9CwQwIBRBCGohFAwBCwsDQCAUQQRqIBVMBEAgFUEDdCEYIARBA3QhGSAUQQN0IhYgAmohGiAKIBZqIRsgCAR8IAcrAwAFRAAAAAAAAAAAC/0UIg0hESAa/QAEABogGv0ABBAaQQAhFwNAIAQgF0oEQCAXQQN0IhYgAGohHCABIBZqKwMA/RQiDiESQQAhFgNAIAMgFkoEQCAOIBwgFiAZbGr9CgMAIgsgGiAWIBhsaiId/QAEAP3yAf3wASEOIBIgCyAd/QAEEP3yAf3wASESIBZBAWohFgwBCwsgDSAGIBdBA3Rq/QoDACIL/QwAAAAAAAAAAAAAAAAAAAAAIA799wH98gH98AEhDSARIAv9DAAAAAAAAAAAAAAAAAAAAAAgEv33Af3yAf3wASERIBdBAWohFwwBCwsgGyAN/QsEACAbIBH9CwQQIBRBBGohFAwBCwsgFEECaiAVTARAIBVBA3QhGCAEQQN0IRkgFEEDdCIWIAJqIRogCiAWaiAIBHwgBysDAAVEAAAAAAAAAAAL/RQhECAa/QAEABpBACEXA0AgBCAXSgRAIBdBA3QiFiAAaiEcIAEgFmorAwD9FCEPQQAhFgNAIAMgFkoEQCAPIBwgFiAZbGr9CgMAIBogFiAYbGr9AAQA/fIB/fABIQ8gFkEBaiEWDAELCyAQIAYgF0EDdGr9CgMA/QwAAAAAAAAAAAAAAAAAAAAAIA/99wH98gH98AEhECAXQQFqIRcMAQsLIBD9CwQAIBRBAmohFAsgFCAVSARAIBVBA3QhFSAEQQN0IRYgFEEDdCIUIAJqIQIgCiAUaiEKA0AgBSAJSARAIAogBSAVbGogCAR8IAcgBUEDdGorAwAFRAAAAAAAAAAACzkDACAFQQFqIQUMAQsLQQAhBQNAIAQgBUoEQCAFQQN0IgcgAGohCCABIAdqKwMAIR5BACEHA0AgAyAHSgRAIB4gCCAHIBZsaisDACACIAcgFWxqKwMAoqAhHiAHQQFqIQcMAQsLIB5EAAAAAAAAAAAgHkQAAAAAAAAAAGQbIR4gBiAFIAlsQQN0aiEIQQAhBwNAIAcgCUgEQCAKIAcgFWxqIhQgFCsDACAIIAdBA3RqKwMAIB6ioDkDACAHQQFqIQcMAQsLIAVBAWohBQwBCwsLC7kNAwV7Cn8BfCAFIRFBACEFA0AgEEEIaiARTARAIBBBA3QiEiACaiEUIAgEfCAHKwMABUQAAAAAAAAAAAsaIBFBA3QhFSAEQQN0IRYgCiASaiEXQQAhEgNAIAkgEkoEQCAXIBIgFWxqIhMgCAR8IAcgEkEDdGorAwAFRAAAAAAAAAAAC/0UIgv9CwQAIBMgC/0LBBAgEyAL/QsEICATIAv9CwQwIBJBAWohEgwBCwsgFP0ABAAaIBT9AAQQGiAU/QAEIBogFP0ABDAaQQAhEgNAIAQgEkoEQCASQQN0IhMgAGohGCABIBNqKwMA/RQiDCEOIAwiCyENQQAhEwNAIAMgE0oEQCAMIBggEyAWbGr9CgMAIg8gFCATIBVsaiIZ/QAEAP3yAf3wASEMIA4gDyAZ/QAEEP3yAf3wASEOIAsgDyAZ/QAEIP3yAf3wASELIA0gDyAZ/QAEMP3yAf3wASENIBNBAWohEwwBCwv9DAAAAAAAAAAAAAAAAAAAAAAgDP33ASEM/QwAAAAAAAAAAAAAAAAAAAAAIA799wEhDv0MAAAAAAAAAAAAAAAAAAAAACAL/fcBIQv9DAAAAAAAAAAAAAAAAAAAAAAgDf33ASENIAYgCSASbEEDdGohGEEAIRMDQCAJIBNKBEAgFyATIBVsaiIZIBn9AAQAIBggE0EDdGr9CgMAIg8gDP3yAf3wAf0LBAAgGSAZ/QAEECAPIA798gH98AH9CwQQIBkgGf0ABCAgDyAL/fIB/fAB/QsEICAZIBn9AAQwIA8gDf3yAf3wAf0LBDAgE0EBaiETDAELCyASQQFqIRIMAQsLIBBBCGohEAwBCwsDQCAQQQRqIBFMBEAgEEEDdCISIAJqIRQgCAR8IAcrAwAFRAAAAAAAAAAACxogEUEDdCEVIARBA3QhFiAKIBJqIRdBACESA0AgCSASSgRAIBcgEiAVbGoiEyAIBHwgByASQQN0aisDAAVEAAAAAAAAAAAL/RQiC/0LBAAgEyAL/QsEECASQQFqIRIMAQsLIBT9AAQAGiAU/QAEEBpBACESA0AgBCASSgRAIBJBA3QiEyAAaiEYIAEgE2orAwD9FCIMIQ5BACETA0AgAyATSgRAIAwgGCATIBZsav0KAwAiCyAUIBMgFWxqIhn9AAQA/fIB/fABIQwgDiALIBn9AAQQ/fIB/fABIQ4gE0EBaiETDAELC/0MAAAAAAAAAAAAAAAAAAAAACAM/fcBIQv9DAAAAAAAAAAAAAAAAAAAAAAgDv33ASEMIAYgCSASbEEDdGohGEEAIRMDQCAJIBNKBEAgFyATIBVsaiIZIBn9AAQAIBggE0EDdGr9CgMAIg0gC/3yAf3wAf0LBAAgGSAZ/QAEECANIAz98gH98AH9CwQQIBNBAWohEwwBCwsgEkEBaiESDAELCyAQQQRqIRAMAQsLIBBBAmogEUwEQCAQQQN0IhIgAmohFCAIBHwgBysDAAVEAAAAAAAAAAALGiARQQN0IRUgBEEDdCEWIAogEmohF0EAIRMDQCAJIBNKBEAgFyATIBVsaiAIBHwgByATQQN0aisDAAVEAAAAAAAAAAAL/RT9CwQAIBNBAWohEwwBCwsgFP0ABAAaQQAhEwNAIAQgE0oEQCATQQN0IhIgAGohGCABIBJqKwMA/RQhDUEAIRIDQCADIBJKBEAgDSAYIBIgFmxq/QoDACAUIBIgFWxq/QAEAP3yAf3wASENIBJBAWohEgwBCwv9DAAAAAAAAAAAAAAAAAAAAAAgDf33ASELIAYgCSATbEEDdGohGEEAIRIDQCAJIBJKBEAgFyASIBVsaiIZIBn9AAQAIBggEkEDdGr9CgMAIAv98gH98AH9CwQAIBJBAWohEgwBCwsgE0EBaiETDAELCyAQQQJqIRALIBAgEUgEQCARQQN0IREgBEEDdCESIBBBA3QiECACaiECIAogEGohCgNAIAUgCUgEQCAKIAUgEWxqIAgEfCAHIAVBA3RqKwMABUQAAAAAAAAAAAs5AwAgBUEBaiEFDAELC0EAIQUDQCAEIAVKBEAgBUEDdCIHIABqIQggASAHaisDACEaQQAhBwNAIAMgB0oEQCAaIAggByASbGorAwAgAiAHIBFsaisDAKKgIRogB0EBaiEHDAELCyAaRAAAAAAAAAAAIBpEAAAAAAAAAABkGyEaIAYgBSAJbEEDdGohCEEAIQcDQCAHIAlIBEAgCiAHIBFsaiIQIBArAwAgCCAHQQN0aisDACAaoqA5AwAgB0EBaiEHDAELCyAFQQFqIQUMAQsLCwvjCQMJewh/AXwDQCAUQQhqIAVMBEAgBUEDdCEWIARBA3QhFyAUQQN0IgEgAmohGCABIApqIRkgCAR8IAcrAwAFRAAAAAAAAAAAC/0UIgwhDiAMIgshDSAY/QAEABogGP0ABBAaIBj9AAQgGiAY/QAEMBpBACEVA0AgBCAVSgRAIAAgFUEDdGohGv0MAAAAAAAAAAAAAAAAAAAAACEP/QwAAAAAAAAAAAAAAAAAAAAAIRD9DAAAAAAAAAAAAAAAAAAAAAAhEv0MAAAAAAAAAAAAAAAAAAAAACERQQAhAQNAIAEgA0gEQCAPIBogASAXbGr9CgMAIhMgGCABIBZsaiIb/QAEAP3yAf3wASEPIBAgEyAb/QAEEP3yAf3wASEQIBIgEyAb/QAEIP3yAf3wASESIBEgEyAb/QAEMP3yAf3wASERIAFBAWohAQwBCwsgDCAGIBVBA3Rq/QoDACITIA/98gH98AEhDCAOIBMgEP3yAf3wASEOIAsgEyAS/fIB/fABIQsgDSATIBH98gH98AEhDSAVQQFqIRUMAQsLIBkgDP0LBAAgGSAO/QsEECAZIAv9CwQgIBkgDf0LBDAgFEEIaiEUDAELCwNAIBRBBGogBUwEQCAFQQN0IRYgBEEDdCEXIBRBA3QiASACaiEYIAEgCmohGSAIBHwgBysDAAVEAAAAAAAAAAAL/RQiDCEOIBj9AAQAGiAY/QAEEBpBACEVA0AgBCAVSgRAIAAgFUEDdGohGv0MAAAAAAAAAAAAAAAAAAAAACEP/QwAAAAAAAAAAAAAAAAAAAAAIRBBACEBA0AgASADSARAIA8gGiABIBdsav0KAwAiCyAYIAEgFmxqIhv9AAQA/fIB/fABIQ8gECALIBv9AAQQ/fIB/fABIRAgAUEBaiEBDAELCyAMIAYgFUEDdGr9CgMAIgsgD/3yAf3wASEMIA4gCyAQ/fIB/fABIQ4gFUEBaiEVDAELCyAZIAz9CwQAIBkgDv0LBBAgFEEEaiEUDAELCyAUQQJqIAVMBEAgBUEDdCEWIARBA3QhFyAUQQN0IgEgAmohGCABIApqIAgEfCAHKwMABUQAAAAAAAAAAAv9FCENIBj9AAQAGkEAIRUDQCAEIBVKBEAgACAVQQN0aiEa/QwAAAAAAAAAAAAAAAAAAAAAIRFBACEBA0AgASADSARAIBEgGiABIBdsav0KAwAgGCABIBZsav0ABAD98gH98AEhESABQQFqIQEMAQsLIA0gBiAVQQN0av0KAwAgEf3yAf3wASENIBVBAWohFQwBCwsgDf0LBAAgFEECaiEUCyAFIBRKBEAgBUEDdCEBIARBA3QhFSAUQQN0IgUgAmohAiAFIApqIQpBACEFA0AgBSAJSARAIAogASAFbGogCAR8IAcgBUEDdGorAwAFRAAAAAAAAAAACzkDACAFQQFqIQUMAQsLQQAhBQNAIAQgBUoEQCAAIAVBA3RqIQhEAAAAAAAAAAAhHEEAIQcDQCADIAdKBEAgHCAIIAcgFWxqKwMAIAIgASAHbGorAwCioCEcIAdBAWohBwwBCwsgBiAFIAlsQQN0aiEIQQAhBwNAIAcgCUgEQCAKIAEgB2xqIhQgFCsDACAIIAdBA3RqKwMAIByioDkDACAHQQFqIQcMAQsLIAVBAWohBQwBCwsLC8MMAwh/BXsBfANAIAtBCGogBUwEQCALQQN0IgEgAmohDSAIBHwgBysDAAVEAAAAAAAAAAALGiAFQQN0IQ4gBEEDdCEPIAEgCmohEEEAIQEDQCABIAlIBEAgECABIA5saiIMIAgEfCAHIAFBA3RqKwMABUQAAAAAAAAAAAv9FCIT/QsEACAMIBP9CwQQIAwgE/0LBCAgDCAT/QsEMCABQQFqIQEMAQsLIA39AAQAGiAN/QAEEBogDf0ABCAaIA39AAQwGkEAIQEDQCABIARIBEAgACABQQN0aiER/QwAAAAAAAAAAAAAAAAAAAAAIRT9DAAAAAAAAAAAAAAAAAAAAAAhFf0MAAAAAAAAAAAAAAAAAAAAACEW/QwAAAAAAAAAAAAAAAAAAAAAIRNBACEMA0AgAyAMSgRAIBQgESAMIA9sav0KAwAiFyANIAwgDmxqIhL9AAQA/fIB/fABIRQgFSAXIBL9AAQQ/fIB/fABIRUgFiAXIBL9AAQg/fIB/fABIRYgEyAXIBL9AAQw/fIB/fABIRMgDEEBaiEMDAELCyAGIAEgCWxBA3RqIRFBACEMA0AgCSAMSgRAIBAgDCAObGoiEiAS/QAEACARIAxBA3Rq/QoDACIXIBT98gH98AH9CwQAIBIgEv0ABBAgFyAV/fIB/fAB/QsEECASIBL9AAQgIBcgFv3yAf3wAf0LBCAgEiAS/QAEMCAXIBP98gH98AH9CwQwIAxBAWohDAwBCwsgAUEBaiEBDAELCyALQQhqIQsMAQsLA0AgC0EEaiAFTARAIAtBA3QiASACaiENIAgEfCAHKwMABUQAAAAAAAAAAAsaIAVBA3QhDiAEQQN0IQ8gASAKaiEQQQAhAQNAIAEgCUgEQCAQIAEgDmxqIgwgCAR8IAcgAUEDdGorAwAFRAAAAAAAAAAAC/0UIhP9CwQAIAwgE/0LBBAgAUEBaiEBDAELCyAN/QAEABogDf0ABBAaQQAhAQNAIAEgBEgEQCAAIAFBA3RqIRH9DAAAAAAAAAAAAAAAAAAAAAAhFP0MAAAAAAAAAAAAAAAAAAAAACEVQQAhDANAIAMgDEoEQCAUIBEgDCAPbGr9CgMAIhMgDSAMIA5saiIS/QAEAP3yAf3wASEUIBUgEyAS/QAEEP3yAf3wASEVIAxBAWohDAwBCwsgBiABIAlsQQN0aiERQQAhDANAIAkgDEoEQCAQIAwgDmxqIhIgEv0ABAAgESAMQQN0av0KAwAiEyAU/fIB/fAB/QsEACASIBL9AAQQIBMgFf3yAf3wAf0LBBAgDEEBaiEMDAELCyABQQFqIQEMAQsLIAtBBGohCwwBCwsgC0ECaiAFTARAIAtBA3QiASACaiENIAgEfCAHKwMABUQAAAAAAAAAAAsaIAVBA3QhDiAEQQN0IQ8gASAKaiEQQQAhAQNAIAEgCUgEQCAQIAEgDmxqIAgEfCAHIAFBA3RqKwMABUQAAAAAAAAAAAv9FP0LBAAgAUEBaiEBDAELCyAN/QAEABpBACEBA0AgASAESARAIAAgAUEDdGohEf0MAAAAAAAAAAAAAAAAAAAAACETQQAhDANAIAMgDEoEQCATIBEgDCAPbGr9CgMAIA0gDCAObGr9AAQA/fIB/fABIRMgDEEBaiEMDAELCyAGIAEgCWxBA3RqIRFBACEMA0AgCSAMSgRAIBAgDCAObGoiEiAS/QAEACARIAxBA3Rq/QoDACAT/fIB/fAB/QsEACAMQQFqIQwMAQsLIAFBAWohAQwBCwsgC0ECaiELCyAFIAtKBEAgBUEDdCEBIARBA3QhDCALQQN0IgUgAmohAiAFIApqIQpBACEFA0AgBSAJSARAIAogASAFbGogCAR8IAcgBUEDdGorAwAFRAAAAAAAAAAACzkDACAFQQFqIQUMAQsLQQAhBQNAIAQgBUoEQCAAIAVBA3RqIQhEAAAAAAAAAAAhGEEAIQcDQCADIAdKBEAgGCAIIAcgDGxqKwMAIAIgASAHbGorAwCioCEYIAdBAWohBwwBCwsgBiAFIAlsQQN0aiEIQQAhBwNAIAcgCUgEQCAKIAEgB2xqIgsgCysDACAIIAdBA3RqKwMAIBiioDkDACAHQQFqIQcMAQsLIAVBAWohBQwBCwsLCwUAQYAIC4QMAw1/BXwFeyAIQQN0IRIDQCAHIBFKBEAgBCARIBJsaiEPIAhBA3QhFSACBHwgASARQQN0aisDAAVEAAAAAAAAAAALIRpBASEOQQAhCUQAAAAAAAAAACEXRAAAAAAAAAAAIRhEAAAAAAAAAAAhGUEAIQtBACENQQAhDEEAIRADQCAGIBBKBEAgACAHIBBsIBFqQQN0aisDACIWRAAAAAAAAAAAYgRAIAMgECAVbGohCiAJBH8gCUEBRgR/IBYhGCAKIQ1BAgUgCUECRgR/IBYhGSAKIQxBAwUgF/0UIR0gGP0UIRsgGf0UIRwgFv0UIR4gCEF+cSETIBr9FCEfQQAhCQNAIAkgE0gEQCAJQQN0IhQgD2ogDgR7IB8FIA8gFGr9AAQACyAdIAsgFGr9AAQA/fIB/fABIBsgDSAUav0ABAD98gH98AEgHCAMIBRq/QAEAP3yAf3wASAeIAogFGr9AAQA/fIB/fAB/QsEACAJQQJqIQkMAQsLIAggCUoEQCAJQQN0IgkgD2ogDgR8IBoFIAkgD2orAwALIBcgCSALaisDAKKgIBggCSANaisDAKKgIBkgCSAMaisDAKKgIBYgCSAKaisDAKKgOQMAC0EAIQ5BAAsLBSAWIRcgCiELQQELIQkLIBBBAWohEAwBCwsgCUEBRgRAIBf9FCEbIAhBfnEhCkEAIQkgDgRAIBr9FCEcA0AgCSAKSARAIAlBA3QiDCAPaiAcIBsgCyAMav0ABAD98gH98AH9CwQAIAlBAmohCQwBCwsFA0AgCSAKSARAIAlBA3QiDCAPaiINIA39AAQAIBsgCyAMav0ABAD98gH98AH9CwQAIAlBAmohCQwBCwsLIAggCUoEQCAJQQN0IgkgD2ogDgR8IBoFIAkgD2orAwALIBcgCSALaisDAKKgOQMACwUgCUECRgRAIBf9FCEbIBj9FCEcIAhBfnEhCUEAIQwgDgRAIBr9FCEdA0AgCSAMSgRAIAxBA3QiCiAPaiAdIBsgCiALav0ABAD98gH98AEgHCAKIA1q/QAEAP3yAf3wAf0LBAAgDEECaiEMDAELCwUDQCAJIAxKBEAgDEEDdCIKIA9qIhAgEP0ABAAgGyAKIAtq/QAEAP3yAf3wASAcIAogDWr9AAQA/fIB/fAB/QsEACAMQQJqIQwMAQsLCyAIIAxKBEAgDEEDdCIJIA9qIA4EfCAaBSAJIA9qKwMACyAXIAkgC2orAwCioCAYIAkgDWorAwCioDkDAAsFIAlBA0YEQCAX/RQhGyAY/RQhHCAIQX5xIQpBACEJIA4EQCAa/RQhHQNAIAkgCkgEQCAJQQN0IhAgD2ogHSAbIAsgEGr9AAQA/fIB/fABIBwgDSAQav0ABAD98gH98AH9CwQAIAlBAmohCQwBCwsFA0AgCSAKSARAIAlBA3QiECAPaiITIBP9AAQAIBsgCyAQav0ABAD98gH98AEgHCANIBBq/QAEAP3yAf3wAf0LBAAgCUECaiEJDAELCwsgCCAJSgRAIAlBA3QiCSAPaiAOBHwgGgUgCSAPaisDAAsgFyAJIAtqKwMAoqAgGCAJIA1qKwMAoqA5AwALIBn9FCEbIAhBfnEhCUEAIQ4DQCAJIA5KBEAgDkEDdCIKIA9qIgsgC/0ABAAgGyAKIAxq/QAEAP3yAf3wAf0LBAAgDkECaiEODAELCyAIIA5KBEAgDkEDdCIJIA9qIgogCisDACAZIAkgDGorAwCioDkDAAsFIA4EQCAa/RQhGyAIQX5xIQlBACEOA0AgCSAOSgRAIA8gDkEDdGogG/0LBAAgDkECaiEODAELCyAIIA5KBEAgDyAOQQN0aiAaOQMACwsLCwsgBSARIBJsaiEJIAhBfnEhCkEAIQsDQCAKIAtKBEAgC0EDdCIMIAlq/QwAAAAAAAAAAAAAAAAAAAAAIAwgD2r9AAQA/fcB/QsEACALQQJqIQsMAQsLIAggC0oEQCALQQN0IgogD2orAwAhFiAJIApqIBZEAAAAAAAAAAAgFkQAAAAAAAAAAGQbOQMACyARQQFqIREMAQsLC/gKAwV8DX8FeyAHQQN0IRYDQCAGIBVKBEAgBCAVIBZsaiETIAdBA3QhGSACBHwgASAVQQN0aisDAAVEAAAAAAAAAAALIQxBASESQQAhDUQAAAAAAAAAACEJRAAAAAAAAAAAIQpEAAAAAAAAAAAhC0EAIRBBACERQQAhD0EAIRQDQCAFIBRKBEAgACAGIBRsIBVqQQN0aisDACIIRAAAAAAAAAAAYgRAIAMgFCAZbGohDiANBH8gDUEBRgR/IAghCiAOIRFBAgUgDUECRgR/IAghCyAOIQ9BAwUgCf0UIRwgCv0UIRogC/0UIRsgCP0UIR0gB0F+cSEXIAz9FCEeQQAhDQNAIA0gF0gEQCANQQN0IhggE2ogEgR7IB4FIBMgGGr9AAQACyAcIBAgGGr9AAQA/fIB/fABIBogESAYav0ABAD98gH98AEgGyAPIBhq/QAEAP3yAf3wASAdIA4gGGr9AAQA/fIB/fAB/QsEACANQQJqIQ0MAQsLIAcgDUoEQCANQQN0Ig0gE2ogEgR8IAwFIA0gE2orAwALIAkgDSAQaisDAKKgIAogDSARaisDAKKgIAsgDSAPaisDAKKgIAggDSAOaisDAKKgOQMAC0EAIRJBAAsLBSAIIQkgDiEQQQELIQ0LIBRBAWohFAwBCwsgDUEBRgRAIAn9FCEaIAdBfnEhDkEAIQ0gEgRAIAz9FCEbA0AgDSAOSARAIA1BA3QiDyATaiAbIBogDyAQav0ABAD98gH98AH9CwQAIA1BAmohDQwBCwsFA0AgDSAOSARAIA1BA3QiDyATaiIRIBH9AAQAIBogDyAQav0ABAD98gH98AH9CwQAIA1BAmohDQwBCwsLIAcgDUoEQCANQQN0Ig0gE2ogEgR8IAwFIA0gE2orAwALIAkgDSAQaisDAKKgOQMACwUgDUECRgRAIAn9FCEaIAr9FCEbIAdBfnEhDUEAIQ8gEgRAIAz9FCEcA0AgDSAPSgRAIA9BA3QiDiATaiAcIBogDiAQav0ABAD98gH98AEgGyAOIBFq/QAEAP3yAf3wAf0LBAAgD0ECaiEPDAELCwUDQCANIA9KBEAgD0EDdCIOIBNqIhQgFP0ABAAgGiAOIBBq/QAEAP3yAf3wASAbIA4gEWr9AAQA/fIB/fAB/QsEACAPQQJqIQ8MAQsLCyAHIA9KBEAgD0EDdCINIBNqIBIEfCAMBSANIBNqKwMACyAJIA0gEGorAwCioCAKIA0gEWorAwCioDkDAAsFIA1BA0YEQCAJ/RQhGiAK/RQhGyAHQX5xIQ5BACENIBIEQCAM/RQhHANAIA0gDkgEQCANQQN0IhQgE2ogHCAaIBAgFGr9AAQA/fIB/fABIBsgESAUav0ABAD98gH98AH9CwQAIA1BAmohDQwBCwsFA0AgDSAOSARAIA1BA3QiFCATaiIXIBf9AAQAIBogECAUav0ABAD98gH98AEgGyARIBRq/QAEAP3yAf3wAf0LBAAgDUECaiENDAELCwsgByANSgRAIA1BA3QiDSATaiASBHwgDAUgDSATaisDAAsgCSANIBBqKwMAoqAgCiANIBFqKwMAoqA5AwALIAv9FCEaIAdBfnEhDUEAIRIDQCANIBJKBEAgEkEDdCIOIBNqIhAgEP0ABAAgGiAOIA9q/QAEAP3yAf3wAf0LBAAgEkECaiESDAELCyAHIBJKBEAgEkEDdCINIBNqIg4gDisDACALIA0gD2orAwCioDkDAAsFIBIEQCAM/RQhGiAHQX5xIQ1BACESA0AgDSASSgRAIBMgEkEDdGogGv0LBAAgEkECaiESDAELCyAHIBJKBEAgEyASQQN0aiAMOQMACwsLCwsgFUEBaiEVDAELCwuzCQMNfwN7A3wgCkEDdCEPIAlBAWshEANAIAkgDUoEQCACIA0gD2xqIQwgBQRA/QwAAAAAAAAAAAAAAAAAAAAAIRggCkF+cSEOQQAhCwNAIAsgDkgEQCAYIAwgC0EDdGr9AAQA/fABIRggC0ECaiELDAELCyAY/SEAIBj9IQGgIRsgBCANQQN0aiAKIAtKBHwgGyAMIAtBA3RqKwMAoAUgGws5AwALQQAhDgNAIAggDkoEQCAOIA9sIgsgAWohESAGIAtqIRQgByALaiEVIAkgDmwgDWpBA3QiEiAAaisDACEcIA1FIA0gEEZxBED9DAAAAAAAAAAAAAAAAAAAAAAhGCAc/RQhGSAKQX5xIRNBACELA0AgCyATSARAIAtBA3QiFiAMav0ABAAhGiAYIBEgFmr9AAQAIBr98gH98AEhGCAUIBZq/QwAAAAAAAAAAAAAAAAAAAAAIBkgGv3yAf3wASAVIBZq/QAEAP0MAAAAAAAAAAAAAAAAAAAAAP1K/U79CwQAIAtBAmohCwwBCwsgGP0hACAY/SEBoCEbIAogC0oEQCALQQN0IgsgDGorAwAhHSAbIAsgEWorAwAgHaKgIRsgCyAUaiAcIB2iRAAAAAAAAAAAoEQAAAAAAAAAACALIBVqKwMARAAAAAAAAAAAZBs5AwALBSANBEAgDSAQRgRA/QwAAAAAAAAAAAAAAAAAAAAAIRggHP0UIRkgCkF+cSEWQQAhCwNAIAsgFkgEQCALQQN0IhMgDGr9AAQAIRogGCARIBNq/QAEACAa/fIB/fABIRggEyAUaiIXIBf9AAQAIBkgGv3yAf3wASATIBVq/QAEAP0MAAAAAAAAAAAAAAAAAAAAAP1K/U79CwQAIAtBAmohCwwBCwsgGP0hACAY/SEBoCEbIAogC0oEQCALQQN0IgsgDGorAwAhHSAbIAsgEWorAwAgHaKgIRsgCyAUaiIRIBErAwAgHCAdoqBEAAAAAAAAAAAgCyAVaisDAEQAAAAAAAAAAGQbOQMACwX9DAAAAAAAAAAAAAAAAAAAAAAhGCAc/RQhGSAKQX5xIRNBACELA0AgCyATSARAIAtBA3QiFSAMav0ABAAhGiAYIBEgFWr9AAQAIBr98gH98AEhGCAUIBVqIhUgFf0ABAAgGSAa/fIB/fAB/QsEACALQQJqIQsMAQsLIBj9IQAgGP0hAaAhGyAKIAtKBEAgC0EDdCILIAxqKwMAIR0gGyALIBFqKwMAIB2ioCEbIAsgFGoiCyALKwMAIBwgHaKgOQMACwsF/QwAAAAAAAAAAAAAAAAAAAAAIRggHP0UIRkgCkF+cSETQQAhCwNAIAsgE0gEQCALQQN0IhUgDGr9AAQAIRogGCARIBVq/QAEACAa/fIB/fABIRggFCAVav0MAAAAAAAAAAAAAAAAAAAAACAZIBr98gH98AH9CwQAIAtBAmohCwwBCwsgGP0hACAY/SEBoCEbIAogC0oEQCALQQN0IgsgDGorAwAhHSAbIAsgEWorAwAgHaKgIRsgCyAUaiAcIB2iRAAAAAAAAAAAoDkDAAsLCyADIBJqIBs5AwAgDkEBaiEODAELCyANQQFqIQ0MAQsLC9UKAwt/BHsEfCAKQQN0IRAgBwRAIAZBACAIIBBs/AsACwNAIAkgD0oEQCACIA8gEGxqIQ4CQCAHRQRAQQAhDSAFRSEMA0AgDUEBaiAISARAIAkgDWwgD2pBA3QhCyABIA0gEGxqIREgDARAIBAgEWohEiADIAtqIgsgCUEDdGr9DAAAAAAAAAAAAAAAAAAAAAAhFv0MAAAAAAAAAAAAAAAAAAAAACEXIApBfnEhFEEAIQwDQCAMIBRIBEAgDEEDdCIVIA5q/QAEACEYIBYgESAVav0ABAAgGP3yAf3wASEWIBcgEiAVav0ABAAgGP3yAf3wASEXIAxBAmohDAwBCwsgFv0hACAW/SEBoCEbIBf9IQAgF/0hAaAhGiALIAogDEoEfCAMQQN0IgsgDmorAwAhHCAaIAsgEmorAwAgHKKgIRogGyALIBFqKwMAIByioAUgGws5AwAgGjkDAAUgECARaiESIAMgC2oiCyAJQQN0av0MAAAAAAAAAAAAAAAAAAAAACEW/QwAAAAAAAAAAAAAAAAAAAAAIRf9DAAAAAAAAAAAAAAAAAAAAAAhGCAKQX5xIRRBACEMA0AgDCAUSARAIAxBA3QiFSAOav0ABAAhGSAWIBEgFWr9AAQAIBn98gH98AEhFiAXIBIgFWr9AAQAIBn98gH98AEhFyAYIBn98AEhGCAMQQJqIQwMAQsLIBb9IQAgFv0hAaAhHSAX/SEAIBf9IQGgIRogGP0hACAY/SEBoCEbIAsgCiAMSgR8IAxBA3QiCyAOaisDACEcIBogCyASaisDACAcoqAhGiAbIBygIRsgHSALIBFqKwMAIByioAUgHQs5AwAgGjkDACAEIA9BA3RqIBs5AwALQQEhDCANQQJqIQ0MAQsLIAggDUoEQCABIA0gEGxqIRH9DAAAAAAAAAAAAAAAAAAAAAAhFiAKQX5xIRJBACELA0AgCyASSARAIBYgC0EDdCITIBFq/QAEACAOIBNq/QAEAP3yAf3wASEWIAtBAmohCwwBCwsgFv0hACAW/SEBoCEaIAMgCSANbCAPakEDdGogCiALSgR8IBogC0EDdCILIBFqKwMAIAsgDmorAwCioAUgGgs5AwALIAxFBED9DAAAAAAAAAAAAAAAAAAAAAAhFiAKQX5xIQxBACELA0AgCyAMSARAIBYgDiALQQN0av0ABAD98AEhFiALQQJqIQsMAQsLIBb9IQAgFv0hAaAhGiAEIA9BA3RqIAogC0oEfCAaIA4gC0EDdGorAwCgBSAaCzkDAAsMAQsgBQRA/QwAAAAAAAAAAAAAAAAAAAAAIRYgCkF+cSEMQQAhCwNAIAsgDEgEQCAWIA4gC0EDdGr9AAQA/fABIRYgC0ECaiELDAELCyAW/SEAIBb9IQGgIRogBCAPQQN0aiAKIAtKBHwgGiAOIAtBA3RqKwMAoAUgGgs5AwALQQAhCwNAIAggC0oEQCAJIAtsIA9qQQN0IgwgA2ogCyAQbCINIAFqIRIgBiANaiET/QwAAAAAAAAAAAAAAAAAAAAAIRYgACAMaisDACIb/RQhFyAKQX5xIQxBACENA0AgDCANSgRAIA1BA3QiFCAOav0ABAAhGCAWIBIgFGr9AAQAIBj98gH98AEhFiATIBRqIhQgFP0ABAAgFyAY/fIB/fAB/QsEACANQQJqIQ0MAQsLIBb9IQAgFv0hAaAhGiAKIA1KBEAgDUEDdCIMIA5qKwMAIRwgGiAMIBJqKwMAIByioCEaIAwgE2oiDCAMKwMAIBsgHKKgOQMACyAaOQMAIAtBAWohCwwBCwsLIA9BAWohDwwBCwsLvAQDD3sEfAV/IAX9FCEUIAYgB6MiIf0UIRVEAAAAAAAA8D8gCKMiIv0UIRYgCf0UIRcgCv0UIRggC/0UIRkgDP0UIRogDf0UIRsgD/0UIRwgBEF+cSEkA0AgIyAkSARAICNBA3QiJiABav0ABAAhHSADICZqIif9AAQAIBn98gEgHSAd/fIBIBr98gH98AEhHiACICZqIiX9AAQAIBf98gEgHSAY/fIB/fABIR0gJSAd/QsEACAnIB79CwQAIAAgJmoiJf0ABAAgFP3yASAdIBX98gEgHiAW/fIB/e8BIBv98AH98wH98QEhHSAlIB39CwQAIBAgHf3sASId/fABIRAgESAdIB398gH98AEhESASIB399wEhEiATIB0gHP1J/dEBIRMgI0ECaiEjDAELCyAQ/SEAIBD9IQGgIQcgEf0hACAR/SEBoCEIIBL9IQEiBiAS/SEAIh8gBiAfZBshBiAT/R0AIBP9HQF8uSEfIAQgI0oEQCAjQQN0IgQgAWorAwAhICADIARqIgErAwAgC6IgICAgoiAMoqAhCyACIARqIgIrAwAgCaIgICAKoqAhCSACIAk5AwAgASALOQMAIAAgBGoiACsDACAFoiAJICGiIAsgIqKfIA2go6EhBSAAIAU5AwAgByAFmSIFoCEHIAggBSAFoqAhCCAfRAAAAAAAAPA/oCAfIAUgD2MbIR8gBSAGIAUgBmQbIQYLIA4EQCAOIAc5AwAgDiAIOQMIIA4gBjkDECAOIB85AxgLCw==";

// src/core/engine/fused/wasmKernels.ts
var wasmApi = globalThis.WebAssembly;
var HIDDEN_INTO_OUTPUT_CASES = 16;
var HIDDEN_THROUGH_OUTPUT_CASES = 8;
var KERNEL_SCRATCH_BYTES = 32;
var EAGER_EXPORTS = /* @__PURE__ */ new Set(["heapBase", "denseForward", "denseBackward", "relu", "reluGradient", "adam", "denseForwardRelu", "denseBackwardRelu"]);
var compiled;
var prepared;
function kernelsBinary() {
  return Buffer.from(KERNELS_WASM_BASE64, "base64");
}
function hintedKernelsBinary() {
  allowCompilationHints();
  return withCompilationHints(kernelsBinary(), (name) => turbofanHint(name !== void 0 && EAGER_EXPORTS.has(name) ? "eager" : "lazy"));
}
function kernelsModule() {
  if (compiled === void 0) {
    compiled = instantiable(() => prepared ?? new wasmApi.Module(hintedKernelsBinary())) ?? instantiable(() => new wasmApi.Module(kernelsBinary()));
  }
  return compiled;
}
function instantiable(compile) {
  try {
    const module2 = compile();
    const probe = new wasmApi.Instance(module2, { env: { memory: new wasmApi.Memory({ initial: 1 }) } });
    return { module: module2, heapBase: probe.exports.heapBase() };
  } catch {
    return null;
  }
}
function wasmKernels(module2, memory, scratch) {
  const exports2 = new wasmApi.Instance(module2, { env: { memory } }).exports;
  const e = exports2;
  const hiddenIntoOutputCases = Array.from({ length: HIDDEN_INTO_OUTPUT_CASES }, (_, n) => exports2[`hiddenIntoOutput${n}`]);
  const hiddenThroughOutputCases = Array.from({ length: HIDDEN_THROUGH_OUTPUT_CASES }, (_, n) => exports2[`hiddenThroughOutput${n}`]);
  const buffer2 = memory.buffer;
  const sums = new Float64Array(buffer2, scratch, 5);
  const inMemory = /* @__PURE__ */ new WeakSet();
  const at = (a, i) => {
    if (!inMemory.has(a)) {
      if (a.buffer !== buffer2) throw new Error("a fused kernel was given an array outside its wasm memory");
      inMemory.add(a);
    }
    return a.byteOffset + i * 8;
  };
  const denseForward2 = (l, params, hin, z, rows) => {
    const hasBias = l.bias >= 0;
    e.denseForward(at(params, l.kernel), hasBias ? at(params, l.bias) : 0, hasBias ? 1 : 0, at(hin, 0), at(z, 0), l.inputs, l.units, rows);
  };
  const denseBackward2 = (l, params, hin, dz, grads, dhin, rows) => {
    const hasBias = l.bias >= 0;
    e.denseBackward(at(params, l.kernel), at(hin, 0), at(dz, 0), at(grads, l.kernel), hasBias ? at(grads, l.bias) : 0, hasBias ? 1 : 0, dhin ? at(dhin, 0) : 0, dhin ? 1 : 0, l.inputs, l.units, rows);
  };
  const activateWasm = (a, z, h, units, rows) => {
    if (a === "relu") e.relu(at(z, 0), at(h, 0), units * rows);
    else activate(a, z, h, units, rows);
  };
  const activationGradientWasm = (a, z, h, dh, dz, units, rows) => {
    if (a === "relu") e.reluGradient(at(z, 0), at(dh, 0), at(dz, 0), units * rows);
    else activationGradient(a, z, h, dh, dz, units, rows);
  };
  return {
    kind: "wasm-simd",
    denseForward: denseForward2,
    denseBackward: denseBackward2,
    denseForwardActivate(l, params, hin, z, h, rows) {
      if (l.activation !== "relu") {
        denseForward2(l, params, hin, z, rows);
        activateWasm(l.activation, z, h, l.units, rows);
        return;
      }
      const hasBias = l.bias >= 0;
      e.denseForwardRelu(at(params, l.kernel), hasBias ? at(params, l.bias) : 0, hasBias ? 1 : 0, at(hin, 0), at(z, 0), at(h, 0), l.inputs, l.units, rows);
    },
    denseBackwardThrough(l, params, hin, dz, grads, below, zin, dhin, dzin, rows) {
      if (below.activation !== "relu") {
        denseBackward2(l, params, hin, dz, grads, dhin, rows);
        activationGradientWasm(below.activation, zin, hin, dhin, dzin, below.units, rows);
        return;
      }
      const hasBias = l.bias >= 0;
      e.denseBackwardRelu(at(params, l.kernel), at(hin, 0), at(dz, 0), at(grads, l.kernel), hasBias ? at(grads, l.bias) : 0, hasBias ? 1 : 0, at(dzin, 0), at(zin, 0), l.inputs, l.units, rows);
    },
    activate: activateWasm,
    activationGradient: activationGradientWasm,
    adam(params, grads, s1, s2, from, to, k, norms) {
      e.adam(at(params, from), at(grads, from), at(s1, from), at(s2, from), to - from, k.shrink, k.lr, k.c1, k.c2, k.beta1, k.oneMinusBeta1, k.beta2, k.oneMinusBeta2, k.epsilon, norms ? scratch : 0, k.sparsityThreshold);
      if (norms) addNorms(norms, sums[0], sums[1], sums[2], sums[3], to - from);
    },
    hiddenIntoOutputF32(l, o, params, x32, padded, relu, scratch2, outZ) {
      const hasBias = l.bias >= 0;
      const pair = relu ? e.hiddenIntoOutputF32Relu : e.hiddenIntoOutputF32Linear;
      pair(at(params, l.kernel), hasBias ? at(params, l.bias) : 0, hasBias ? 1 : 0, at(params, o.kernel), o.bias >= 0 ? params[o.bias] : 0, l.units, at(x32, 0), padded, at(scratch2, 0), at(outZ, 0));
    },
    hiddenIntoOutput(l, o, params, hin, rows, relu, outZ) {
      const hasBias = l.bias >= 0;
      const hasBiasO = o.bias >= 0;
      const n = (relu ? 8 : 0) | (l.inputs === 2 ? 4 : 0) | (hasBias ? 2 : 0) | (o.units === 1 ? 1 : 0);
      hiddenIntoOutputCases[n](at(params, l.kernel), hasBias ? at(params, l.bias) : 0, at(hin, 0), l.inputs, l.units, rows, at(params, o.kernel), hasBiasO ? at(params, o.bias) : 0, hasBiasO ? 1 : 0, o.units, at(outZ, 0));
    },
    hiddenThroughOutput(l, o, params, hin, dOut, grads, rows, relu, hs) {
      if (l.inputs !== 2) throw new Error("hiddenThroughOutput takes a hidden layer of two inputs");
      const hasBias = l.bias >= 0;
      const hasBiasO = o.bias >= 0;
      const n = (relu ? 4 : 0) | (hasBias ? 2 : 0) | (o.units === 1 ? 1 : 0);
      hiddenThroughOutputCases[n](at(params, l.kernel), hasBias ? at(params, l.bias) : 0, at(hin, 0), l.units, rows, at(params, o.kernel), o.units, at(dOut, 0), at(grads, l.kernel), hasBias ? at(grads, l.bias) : 0, at(grads, o.kernel), hasBiasO ? at(grads, o.bias) : 0, hasBiasO ? 1 : 0, at(hs, 0));
    }
  };
}

// src/core/engine/fused/fusedMemory.ts
var PAGE_BYTES = 65536;
var MAX_PAGES = 65536;
var ALIGN_DOUBLES = 2;
var EMPTY = new Float64Array(0);
var aligned = (n) => Math.ceil(n / ALIGN_DOUBLES) * ALIGN_DOUBLES;
function fusedMemory(build, engine = "auto") {
  const wasm = engine === "auto" ? kernelsModule() : null;
  if (wasm) {
    let doubles = 0;
    build((n) => {
      doubles += aligned(n);
      return EMPTY;
    }, JS_KERNELS);
    const scratch = Math.ceil(wasm.heapBase / 16) * 16;
    const start = scratch + KERNEL_SCRATCH_BYTES;
    const pages = Math.max(1, Math.ceil((start + doubles * 8) / PAGE_BYTES));
    const memory = pages <= MAX_PAGES ? memoryOf(pages) : null;
    if (memory) {
      const kernels = wasmKernels(wasm.module, memory, scratch);
      let at = start;
      const arrays = build((n) => {
        const a = new Float64Array(memory.buffer, at, n);
        at += aligned(n) * 8;
        return a;
      }, kernels);
      return { arrays, kernels };
    }
  }
  return { arrays: build((n) => new Float64Array(n), JS_KERNELS), kernels: JS_KERNELS };
}
function memoryOf(pages) {
  try {
    return new wasmApi.Memory({ initial: pages });
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

// src/core/engine/fused/loss.ts
function lossAndGradient(loss, z, h, y, rows, dz, dh) {
  let sum2 = 0;
  switch (loss.task) {
    case "binary":
      for (let r = 0; r < rows; r++) {
        sum2 += softplus(z[r]) - y[r] * z[r];
        dz[r] = (sigmoid(z[r]) - y[r]) / rows;
      }
      break;
    case "multiclass": {
      const C = loss.classes;
      for (let r = 0; r < rows; r++) {
        let max2 = -Infinity;
        for (let c = 0; c < C; c++) max2 = Math.max(max2, z[c * rows + r]);
        let e = 0;
        for (let c = 0; c < C; c++) e += Math.exp(z[c * rows + r] - max2);
        const label = y[r];
        sum2 += max2 + Math.log(e) - z[label * rows + r];
        for (let c = 0; c < C; c++) dz[c * rows + r] = (Math.exp(z[c * rows + r] - max2) / e - (c === label ? 1 : 0)) / rows;
      }
      break;
    }
    case "regression":
      for (let r = 0; r < rows; r++) {
        const d = h[r] - y[r];
        sum2 += d * d;
        dh[r] += 2 * d / rows;
      }
      break;
  }
  return sum2 / rows;
}
function lossAndMetric(loss, z, h, rows, from, count, y) {
  let sum2 = 0;
  let hits = 0;
  switch (loss.task) {
    case "binary":
      for (let i = 0; i < count; i++) {
        const zi = z[from + i];
        sum2 += softplus(zi) - y[i] * zi;
        if ((zi > 0 ? 1 : 0) === y[i]) hits++;
      }
      return [sum2 / count, hits / count];
    case "multiclass": {
      const C = loss.classes;
      for (let i = 0; i < count; i++) {
        const r = from + i;
        let max2 = -Infinity;
        let arg = 0;
        for (let c = 0; c < C; c++) {
          const v = z[c * rows + r];
          if (v > max2) {
            max2 = v;
            arg = c;
          }
        }
        let e = 0;
        for (let c = 0; c < C; c++) e += Math.exp(z[c * rows + r] - max2);
        sum2 += max2 + Math.log(e) - z[y[i] * rows + r];
        if (arg === y[i]) hits++;
      }
      return [sum2 / count, hits / count];
    }
    case "regression": {
      let mean2 = 0;
      for (let i = 0; i < count; i++) mean2 += y[i];
      mean2 /= count;
      let ssTot = 0;
      for (let i = 0; i < count; i++) {
        const d = h[from + i] - y[i];
        sum2 += d * d;
        ssTot += (y[i] - mean2) * (y[i] - mean2);
      }
      return [sum2 / count, 1 - sum2 / Math.max(ssTot, 1e-12)];
    }
  }
}

// src/core/engine/fused/inferencePass.ts
var newArray = (n) => new Float64Array(n);
var InferencePass = class {
  /**
   * Its arrays come from `alloc` (so they can live where `kernels` reach them: see
   * fusedMemory.ts, which calls the constructor once with arrays it must not write to).
   * Without `withActivations` it leaves the output's activation out (a classifier's
   * loss and metric read its logits only: 70 exp an epoch saved on the tutorial).
   */
  constructor(layout, rows, alloc = newArray, kernels = JS_KERNELS, withActivations = true) {
    this.layout = layout;
    this.rows = rows;
    this.kernels = kernels;
    this.withActivations = withActivations;
    const L = layout.layers.length;
    const hidden = L >= 2 ? layout.layers[L - 2].activation : "softmax";
    const relu = hidden === "relu";
    this.fused = hidden === "softmax" ? null : { f: activationValue(hidden), relu, inKernels: kernels.hiddenIntoOutput !== null && (relu || hidden === "linear") };
    this.x = alloc(layout.inputs * rows);
    const outUnits = layout.layers[L - 1].units;
    const isPlane = L === 2 && layout.inputs === 2 && outUnits === 1 && (hidden === "relu" || hidden === "linear");
    const padded = Math.ceil(rows / PLANE_BLOCK) * PLANE_BLOCK;
    this.plane = isPlane ? { x32: alloc(padded), w32: alloc(2 * layout.layers[0].units), relu, padded } : null;
    this.outZ = alloc(outUnits * (isPlane ? padded : rows));
    this.outH = alloc(withActivations ? outUnits * rows : 0);
    const plain = this.fused ? L - 2 : L - 1;
    this.z = layout.layers.slice(0, plain).map((l) => alloc(l.units * rows));
    this.h = layout.layers.slice(0, plain).map((l, k) => l.activation === "linear" ? this.z[k] : alloc(l.units * rows));
    const hid = layout.layers[Math.max(L - 2, 0)];
    const units = this.fused && !this.fused.inKernels && !isPlane ? hid.units : 0;
    this.scratch = { wt: alloc(Math.ceil(hid.inputs / 2) * 2 * units), b: alloc(units), v: alloc(units) };
  }
  /** The inputs, [inputs, rows] (setInputs()). */
  x;
  /**
   * The output layer's pre-activations and activations, [output units, rows] (unit c,
   * row r at c * rows + r); outH is empty unless the pass was built `withActivations`.
   */
  outZ;
  outH;
  /** The layers before the fused pair, computed layer by layer: [units, rows]. */
  z;
  h;
  /** The last hidden layer's activation; null when the network has none to fuse (one layer, or softmax). */
  fused;
  /** The JavaScript fused pair's scratch (when the kernels do not run the pair). */
  scratch;
  /**
   * The float32 pair's inputs [2, padded rows] and rounded weights (4 per hidden unit),
   * float32 values in the bytes of float64 arrays (where the kernels reach them); null
   * unless the network is a plane one (see the top of this file).
   */
  plane;
  /** Sets x to row-major blocks of rows, one after the other. */
  setInputs(blocks) {
    const inputs = this.layout.inputs;
    const total = this.rows;
    let r0 = 0;
    for (const [x, n] of blocks) {
      for (let r = 0; r < n; r++) for (let i = 0; i < inputs; i++) this.x[i * total + r0 + r] = x[r * inputs + i];
      r0 += n;
    }
    if (this.plane) {
      const { x32, padded } = this.plane;
      const f = new Float32Array(x32.buffer, x32.byteOffset, 2 * padded);
      for (let i = 0; i < 2; i++) for (let r = 0; r < total; r++) f[i * padded + r] = this.x[i * total + r];
    }
  }
  /** outZ and outH of the inputs x at the weights `params`. */
  run(params) {
    const { layers } = this.layout;
    const { rows, kernels, outZ } = this;
    const L = layers.length;
    let hin = this.x;
    for (let k = 0; k < this.z.length; k++) {
      const l = layers[k];
      kernels.denseForwardActivate(l, params, hin, this.z[k], this.h[k], rows);
      hin = this.h[k];
    }
    const out = layers[L - 1];
    const fused = this.fused;
    const plane = this.plane;
    if (plane) {
      if (kernels.hiddenIntoOutputF32) kernels.hiddenIntoOutputF32(layers[0], out, params, plane.x32, plane.padded, plane.relu, plane.w32, outZ);
      else planeF32(layers[0], out, params, plane.x32, plane.padded, plane.relu, plane.w32, outZ);
    } else if (fused?.inKernels) kernels.hiddenIntoOutput(layers[L - 2], out, params, hin, rows, fused.relu, outZ);
    else if (fused) hiddenIntoOutput(layers[L - 2], out, params, hin, rows, this.scratch, outZ, fused.f, fused.relu);
    else kernels.denseForward(out, params, hin, outZ, rows);
    if (this.withActivations) kernels.activate(out.activation, outZ, this.outH, out.units, rows);
  }
};
function hiddenIntoOutput(l, o, params, hin, rows, s, outZ, f, relu) {
  const { inputs: n, units, kernel, bias } = l;
  const C = o.units;
  const { wt, b, v } = s;
  const blocks = Math.ceil(n / 2);
  for (let i = 0; i < 2 * blocks; i++) {
    const to = (i >> 1) * units * 2 + (i & 1);
    if (i < n) for (let j = 0; j < units; j++) wt[to + 2 * j] = params[kernel + i * units + j];
    else for (let j = 0; j < units; j++) wt[to + 2 * j] = 0;
  }
  for (let j = 0; j < units; j++) b[j] = bias >= 0 ? params[bias + j] : 0;
  const x = (i, r) => i < n ? hin[i * rows + r] : 0;
  for (let r = 0; r < rows; r++) {
    for (let blk = 0; blk < blocks - 1; blk++) {
      const [x02, x12] = [x(2 * blk, r), x(2 * blk + 1, r)];
      const at2 = blk * units * 2;
      const from2 = blk === 0 ? b : v;
      for (let j = 0; j < units; j++) v[j] = plus2(from2[j], wt, at2 + 2 * j, x02, x12);
    }
    const last = blocks - 1;
    const [x0, x1] = [x(2 * last, r), x(2 * last + 1, r)];
    const at = last * units * 2;
    const from = last === 0 ? b : v;
    if (C === 1) {
      const wo = o.kernel;
      let sum2 = o.bias >= 0 ? params[o.bias] : 0;
      if (relu) {
        for (let j = 0; j < units; j++) {
          const a = plus2(from[j], wt, at + 2 * j, x0, x1);
          if (a > 0) sum2 += params[wo + j] * a;
        }
      } else {
        for (let j = 0; j < units; j++) sum2 += params[wo + j] * f(plus2(from[j], wt, at + 2 * j, x0, x1));
      }
      outZ[r] = sum2;
      continue;
    }
    for (let j = 0; j < units; j++) v[j] = plus2(from[j], wt, at + 2 * j, x0, x1);
    if (relu) for (let j = 0; j < units; j++) v[j] = v[j] > 0 ? v[j] : 0;
    else for (let j = 0; j < units; j++) v[j] = f(v[j]);
    for (let c = 0; c < C; c++) {
      let sum2 = o.bias >= 0 ? params[o.bias + c] : 0;
      for (let j = 0; j < units; j++) sum2 += params[o.kernel + j * C + c] * v[j];
      outZ[c * rows + r] = sum2;
    }
  }
}
var PLANE_BLOCK = 12;
function planeF32(l, o, params, x32, padded, relu, w32, outZ) {
  const fr = Math.fround;
  const { units, kernel, bias } = l;
  const w = new Float32Array(w32.buffer, w32.byteOffset, 4 * units);
  const x = new Float32Array(x32.buffer, x32.byteOffset, 2 * padded);
  const flushed = (v) => Math.abs(fr(v)) < 2 ** -50 ? 0 : v;
  for (let j = 0; j < units; j++) {
    w[4 * j] = flushed(params[kernel + j]);
    w[4 * j + 1] = flushed(params[kernel + units + j]);
    w[4 * j + 2] = bias >= 0 ? flushed(params[bias + j]) : 0;
    w[4 * j + 3] = flushed(params[o.kernel + j]);
  }
  const bo = fr(o.bias >= 0 ? params[o.bias] : 0);
  for (let r = 0; r < padded; r++) {
    const x0 = x[r];
    const x1 = x[padded + r];
    let sum2 = bo;
    for (let j = 0; j < units; j++) {
      let a = fr(fr(w[4 * j + 2] + fr(w[4 * j] * x0)) + fr(w[4 * j + 1] * x1));
      if (relu) a = 0 < a ? a : 0;
      sum2 = fr(sum2 + fr(w[4 * j + 3] * a));
    }
    outZ[r] = sum2;
  }
}
function plus2(base, w, at, x0, x1) {
  return base + w[at] * x0 + w[at + 1] * x1;
}

// src/core/engine/fused/fusedTrainee.ts
var FusedTrainee = class {
  constructor(layout, loss, train2, data, random, order, initial, kernelKind = "auto") {
    this.layout = layout;
    this.loss = loss;
    this.data = data;
    this.random = random;
    this.order = order;
    this.n = data.nTrain;
    this.batch = Math.min(train2.batch, this.n);
    this.nBatches = Math.ceil(this.n / this.batch);
    const oneBatch = this.nBatches === 1;
    const inputs = layout.inputs;
    const evalRows = oneBatch ? data.nTest : data.nTrain + data.nTest;
    const { arrays, kernels } = fusedMemory((alloc, kernels2) => {
      const z = layout.layers.map((l) => alloc(l.units * this.batch));
      return {
        params: alloc(layout.size),
        grads: alloc(layout.size),
        z,
        h: layout.layers.map((l, k) => l.activation === "linear" ? z[k] : alloc(l.units * this.batch)),
        dh: layout.layers.map((l) => alloc(l.units * this.batch)),
        dz: layout.layers.map((l) => alloc(l.units * this.batch)),
        xb: alloc(inputs * this.batch),
        optimizer: new FusedOptimizer(train2, layout.size, alloc, kernels2),
        pairScratch: alloc(layout.layers.length === 2 && inputs === 2 ? this.batch : 0),
        // Only regression's loss and metric read the output's activations (loss.ts).
        inference: new InferencePass(layout, evalRows, alloc, kernels2, loss.task === "regression")
      };
    }, kernelKind);
    ({ params: this.params, grads: this.grads, z: this.z, h: this.h, dh: this.dh, dz: this.dz, xb: this.xb, optimizer: this.optimizer, inference: this.inference } = arrays);
    this.kernels = kernels;
    const hidden = layout.layers[0];
    const pairFused = layout.layers.length === 2 && inputs === 2 && kernels.hiddenIntoOutput !== null && kernels.hiddenThroughOutput !== null && (hidden.activation === "relu" || hidden.activation === "linear") && !hidden.activityPenalty;
    this.pair = pairFused ? { relu: hidden.activation === "relu", hs: arrays.pairScratch } : null;
    this.params.set(initial);
    this.decay = train2.weightDecay > 0;
    this.yb = new Float64Array(this.batch);
    this.inference.setInputs(oneBatch ? [[data.xTest, data.nTest]] : [[data.xTrain, data.nTrain], [data.xTest, data.nTest]]);
    if (oneBatch) {
      for (let r = 0; r < this.n; r++) {
        for (let i = 0; i < inputs; i++) this.xb[i * this.n + r] = data.xTrain[r * inputs + i];
        this.yb[r] = data.yTrain[r];
      }
    }
    this.norms = layout.layers.map(() => newNormSums());
    this.penaltySums = new Float64Array(layout.layers.length);
  }
  params;
  /** The loops over every value of a layer, run on the arrays below (fusedMemory.ts). */
  kernels;
  grads;
  optimizer;
  decay;
  n;
  batch;
  nBatches;
  /** Per layer: pre-activations and activations, [units, max rows] (h is z for linear layers). */
  z;
  h;
  /** Per layer: gradients of the batch's objective by the activations and pre-activations, [units, batch]. */
  dh;
  dz;
  /** The batch's inputs [inputs, batch] and labels. */
  xb;
  yb;
  /**
   * The record's inference pass. One batch: the training rows' forward pass (into z and
   * h over xb), which is then also the next step's (same weights, same rows, no dropout
   * here), and the test rows through `inference`. Mini-batches: the training then test
   * rows through `inference` (its arrays in the kernels' memory).
   */
  inference;
  /** z and h hold the forward pass of the current weights over xb (set by evaluate()). */
  forwardDone = false;
  /**
   * A network of two inputs, one hidden layer (relu or linear, no activity penalty) and
   * its output, when the kernels run the pair fused (kernels.ts hiddenIntoOutput and
   * hiddenThroughOutput): a step then never stores the hidden layer, whose [units, rows]
   * arrays outgrow the caches on many rows (48 MB each at 3000 rows x 2000 units); z[0],
   * h[0], dh[0] and dz[0] stay unused. hs: the pair's scratch. null: the layer by layer pass.
   */
  pair;
  norms;
  penaltySums;
  /** Trains one epoch and returns its record (the epoch number is the caller's). */
  runEpoch(epoch) {
    return this.scored(this.trainedEpoch(epoch));
  }
  /**
   * Trains one epoch and returns the part of its record the training gives (losses,
   * penalties, norms); the inference pass's scores are NaN until scored() fills them.
   * A caller that wants only some epochs' scores (a sweep point's last) skips the pass
   * on the others.
   */
  trainedEpoch(epoch) {
    const dl = this.trainEpoch();
    const layers = this.penaltySums.length;
    const penalty = new Array(layers);
    const norms = new Array(layers);
    let totalLoss = dl;
    for (let k = 0; k < layers; k++) {
      totalLoss += penalty[k] = this.penaltySums[k] / this.nBatches;
      norms[k] = normsFrom(this.norms[k]);
    }
    return { epoch, dataLoss: dl, penalty, totalLoss, trainLoss: NaN, testLoss: NaN, trainMetric: NaN, testMetric: NaN, norms };
  }
  /** Fills `row`'s inference-pass scores at the current weights (those right after its epoch) and returns it. */
  scored(row) {
    [row.trainLoss, row.trainMetric, row.testLoss, row.testMetric] = this.evaluate();
    return row;
  }
  /**
   * `row` scored at the weights `at` (an earlier epoch's); the trainee's own weights are
   * put back, and the next step computes its forward pass afresh, since the one the
   * scoring left belongs to `at`.
   */
  scoredAt(row, at) {
    const now2 = this.params.slice();
    this.params.set(at);
    try {
      return this.scored(row);
    } finally {
      this.params.set(now2);
      this.forwardDone = false;
    }
  }
  /**
   * Trains one epoch without the inference pass of its record (what pricing the record
   * compares with); returns the mean data loss over its batches.
   */
  trainEpoch() {
    this.penaltySums.fill(0);
    for (const s of this.norms) s.fill(0);
    let dataLoss = 0;
    for (let b = 0; b < this.nBatches; b++) {
      if (this.nBatches > 1 && b === 0) this.random.shuffle(this.order);
      this.random.int(2 ** 31);
      const lo = b * this.batch;
      const rows = Math.min(this.n, lo + this.batch) - lo;
      if (this.nBatches > 1) this.gather(lo, rows);
      dataLoss += this.step(rows, b === this.nBatches - 1);
    }
    return dataLoss / this.nBatches;
  }
  gather(lo, rows) {
    const { xb, yb, order, data } = this;
    const inputs = this.layout.inputs;
    for (let r = 0; r < rows; r++) {
      const row = order[lo + r];
      for (let i = 0; i < inputs; i++) xb[i * rows + r] = data.xTrain[row * inputs + i];
      yb[r] = data.yTrain[row];
    }
  }
  /** One optimizer step on the current batch; returns its data loss and adds its penalties to the sums. */
  step(rows, last) {
    const loss = this.backpropagate(rows, this.penaltySums);
    const { layout, params, grads } = this;
    const layers = layout.layers;
    const opt = this.optimizer;
    opt.beginStep();
    for (let k = 0; k < layers.length; k++) {
      const l = layers[k];
      const norms = last ? this.norms[k] : null;
      let p = opt.update(params, grads, l.kernel, l.kernel + l.inputs * l.units, l.kernelPenalty, this.decay, norms);
      if (l.bias >= 0) p += opt.update(params, grads, l.bias, l.bias + l.units, l.biasPenalty, false, l.biasPenalty ? norms : null);
      this.penaltySums[k] += p;
    }
    return loss;
  }
  /**
   * The objective on all training rows at the current weights, without training: its
   * data loss, each layer's penalty and the gradient of their sum by every parameter.
   * For tests (finite differences, the TensorFlow.js path); needs one batch per epoch.
   */
  objective() {
    if (this.nBatches !== 1) throw new Error("objective() needs a network trained in one batch per epoch");
    this.forwardDone = false;
    const layers = this.layout.layers;
    const penalties = new Float64Array(layers.length);
    const dataLoss = this.backpropagate(this.n, penalties);
    const gradient = this.grads.slice();
    layers.forEach((l, k) => {
      const parts = [[l.kernel, l.inputs * l.units, l.kernelPenalty], [l.bias, l.bias >= 0 ? l.units : 0, l.biasPenalty]];
      for (const [at, count, p] of parts) {
        if (!p) continue;
        for (let i = at; i < at + count; i++) {
          penalties[k] += penaltyTerm(p, this.params[i]);
          gradient[i] += penaltyDerivative(p, this.params[i]);
        }
      }
    });
    return { dataLoss, penalties: Array.from(penalties), gradient };
  }
  /**
   * Forward and backward pass of the current batch: the data loss (returned) and the
   * activity penalties (added to `activity`, per layer), and the gradient of both by
   * every parameter in `grads` (the weight penalties' gradients are the optimizer pass's).
   */
  backpropagate(rows, activity) {
    const { layout, params, grads, z, h, dh, dz } = this;
    const layers = layout.layers;
    const L = layers.length;
    if (!this.forwardDone) this.forward(this.xb, z, h, rows);
    this.forwardDone = false;
    const out = layers[L - 1];
    const n = out.units * rows;
    const outGradThroughH = this.loss.task === "regression" || out.activityPenalty !== null;
    if (outGradThroughH) dh[L - 1].fill(0, 0, n);
    const loss = lossAndGradient(this.loss, z[L - 1], h[L - 1], this.yb, rows, dz[L - 1], dh[L - 1]);
    let dzDone = false;
    for (let k = L - 1; k >= 0; k--) {
      const l = layers[k];
      const m = l.units * rows;
      if (l.activityPenalty) activity[k] += activityPenalty(l.activityPenalty, h[k], dh[k], m, rows);
      if (k < L - 1) {
        if (!dzDone) this.kernels.activationGradient(l.activation, z[k], h[k], dh[k], dz[k], l.units, rows);
      } else if (outGradThroughH) {
        if (this.loss.task === "regression") {
          this.kernels.activationGradient(l.activation, z[k], h[k], dh[k], dz[k], l.units, rows);
        } else {
          this.kernels.activationGradient(l.activation, z[k], h[k], dh[k], dh[k], l.units, rows);
          const dzk = dz[k];
          const dhk = dh[k];
          for (let i = 0; i < m; i++) dzk[i] += dhk[i];
        }
      }
      if (this.pair) {
        this.kernels.hiddenThroughOutput(layers[0], l, params, this.xb, dz[k], grads, rows, this.pair.relu, this.pair.hs);
        break;
      }
      dzDone = k > 0 && !layers[k - 1].activityPenalty;
      if (dzDone) this.kernels.denseBackwardThrough(l, params, h[k - 1], dz[k], grads, layers[k - 1], z[k - 1], dh[k - 1], dz[k - 1], rows);
      else this.kernels.denseBackward(l, params, k === 0 ? this.xb : h[k - 1], dz[k], grads, k > 0 ? dh[k - 1] : null, rows);
    }
    return loss;
  }
  /** [trainLoss, trainMetric, testLoss, testMetric] in inference mode, at the current weights. */
  evaluate() {
    const { z, h, data, inference } = this;
    const { outZ, outH } = inference;
    const last = this.layout.layers.length - 1;
    if (this.nBatches === 1) {
      this.forward(this.xb, z, h, data.nTrain);
      this.forwardDone = true;
      inference.run(this.params);
      const [trainLoss2, trainMetric2] = lossAndMetric(this.loss, z[last], h[last], data.nTrain, 0, data.nTrain, data.yTrain);
      const [testLoss2, testMetric2] = lossAndMetric(this.loss, outZ, outH, data.nTest, 0, data.nTest, data.yTest);
      return [trainLoss2, trainMetric2, testLoss2, testMetric2];
    }
    const rows = data.nTrain + data.nTest;
    inference.run(this.params);
    const [trainLoss, trainMetric] = lossAndMetric(this.loss, outZ, outH, rows, 0, data.nTrain, data.yTrain);
    const [testLoss, testMetric] = lossAndMetric(this.loss, outZ, outH, rows, data.nTrain, data.nTest, data.yTest);
    return [trainLoss, trainMetric, testLoss, testMetric];
  }
  forward(x, z, h, rows) {
    const { layers } = this.layout;
    if (this.pair) {
      const out = layers[1];
      this.kernels.hiddenIntoOutput(layers[0], out, this.params, x, rows, this.pair.relu, z[1]);
      this.kernels.activate(out.activation, z[1], h[1], out.units, rows);
      return;
    }
    let hin = x;
    for (let k = 0; k < layers.length; k++) {
      const l = layers[k];
      this.kernels.denseForwardActivate(l, this.params, hin, z[k], h[k], rows);
      hin = h[k];
    }
  }
};
function activityPenalty(p, h, dh, m, rows) {
  let sum2 = 0;
  for (let i = 0; i < m; i++) {
    sum2 += penaltyTerm(p, h[i]);
    dh[i] += penaltyDerivative(p, h[i]) / rows;
  }
  return sum2 / rows;
}

// src/core/engine/fused/layout.ts
var penaltyOrNull = (p) => isZeroPenalty(p) ? null : { l1: p.l1 ?? 0, l2: p.l2 ?? 0, expabs: p.expabs ?? 0 };
function fusedLayoutOf(specs, inputShape, task, classes) {
  if (inputShape.length !== 1 || specs.length === 0) return null;
  if (specs.some((s) => s.type !== "dense" || !fusedActivation(s.activation ?? "linear"))) return null;
  const outUnits = specs[specs.length - 1].size;
  if (outUnits !== (task === "multiclass" ? classes : 1)) return null;
  let inputs = inputShape[0];
  let at = 0;
  const layers = specs.map((s) => {
    const kernel = at;
    at += inputs * s.size;
    const bias = s.bias ? at : -1;
    if (s.bias) at += s.size;
    const layer = {
      name: s.name,
      inputs,
      units: s.size,
      activation: s.activation ?? "linear",
      kernel,
      bias,
      kernelPenalty: penaltyOrNull(s.penalties.kernel),
      biasPenalty: s.bias ? penaltyOrNull(s.penalties.bias) : null,
      activityPenalty: penaltyOrNull(s.penalties.activity)
    };
    inputs = s.size;
    return layer;
  });
  return { inputs: inputShape[0], layers, size: at };
}

// test/unit/helpers/specs.ts
function trainSpec(extra = {}) {
  return { epochs: 10, batch: 32, optimizer: "adam", lr: 0.01, seed: 1, momentum: 0, weightDecay: 0, ...extra };
}

// bench/fusedKernels.ts
var CASES = [
  { name: "tutorial", nTrain: 30, nTest: 70, hidden: 500 },
  { name: "large", nTrain: 3e3, nTest: 1e3, hidden: 2e3 }
];
function datasetOf(c) {
  const random = new Random(1);
  const points = (n) => {
    const x = Float32Array.from({ length: 2 * n }, () => random.uniform(-1, 1));
    return { x, y: Float32Array.from({ length: n }, (_, r) => x[2 * r] * x[2 * r + 1] > 0 ? 1 : 0) };
  };
  const train2 = points(c.nTrain);
  const test = points(c.nTest);
  return {
    task: "binary",
    inputShape: [2],
    classes: 2,
    featureNames: ["x1", "x2"],
    nTrain: c.nTrain,
    nTest: c.nTest,
    xTrain: train2.x,
    yTrain: train2.y,
    xTest: test.x,
    yTest: test.y,
    scaling: { kind: "none", offset: [], scale: [] }
  };
}
function layersOf(c) {
  return [
    { type: "dense", size: c.hidden, name: "hidden", bias: true, activation: "relu", penalties: { kernel: { l2: 1e-3 } } },
    { type: "dense", size: 1, name: "out", bias: true, activation: "sigmoid", penalties: { kernel: { l2: 1e-3 } } }
  ];
}
function initialWeights(layout) {
  const random = new Random(2);
  const params = new Float64Array(layout.size);
  for (const l of layout.layers) {
    const limit = Math.sqrt(6 / (l.inputs + l.units));
    for (let i = 0; i < l.inputs * l.units; i++) params[l.kernel + i] = random.uniform(-limit, limit);
  }
  return params;
}
function traineeOf(c, kernels) {
  const data = datasetOf(c);
  const layout = fusedLayoutOf(layersOf(c), data.inputShape, data.task, data.classes);
  const loss = { task: "binary", classes: 2, outputActivation: "sigmoid" };
  const t = trainSpec({ batch: 1e5, optimizer: "adam", lr: 0.01, seed: 1 });
  return new FusedTrainee(layout, loss, t, data, new Random(1), Int32Array.from({ length: data.nTrain }, (_, i) => i), initialWeights(layout), kernels);
}
var median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function interleaved(fns, secondsPerRound, rounds) {
  const calls = fns.map((f) => {
    for (let i = 0; i < 20; i++) f();
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 50) {
      f();
      n++;
    }
    return Math.max(1, Math.round(n * secondsPerRound * 1e3 / (performance.now() - t0)));
  });
  const times = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((f, k) => {
      const t0 = performance.now();
      for (let i = 0; i < calls[k]; i++) f();
      times[k].push((performance.now() - t0) / 1e3 / calls[k]);
    });
  }
  return times.map(median);
}
function micro() {
  console.log("kernel                                   js (us)   wasm simd (us)   speedup");
  for (const c of CASES) {
    const data = datasetOf(c);
    const layout = fusedLayoutOf(layersOf(c), data.inputShape, data.task, data.classes);
    const [l1, l2] = layout.layers;
    const rows = c.nTrain;
    const random = new Random(3);
    const { arrays: a, kernels } = fusedMemory((alloc) => ({
      params: alloc(layout.size),
      grads: alloc(layout.size),
      x: alloc(2 * rows),
      z1: alloc(c.hidden * rows),
      h1: alloc(c.hidden * rows),
      dh1: alloc(c.hidden * rows),
      dz1: alloc(c.hidden * rows),
      z2: alloc(rows),
      dz2: alloc(rows)
    }));
    if (kernels.kind !== "wasm-simd") throw new Error("WebAssembly SIMD is unavailable here");
    a.params.set(initialWeights(layout));
    for (const v of [a.x, a.z1, a.dh1, a.dz2]) for (let i = 0; i < v.length; i++) v[i] = random.normal();
    const jobs = [
      [`forward ${l1.inputs}->${l1.units}`, (k) => k.denseForward(l1, a.params, a.x, a.z1, rows)],
      ["relu", (k) => k.activate("relu", a.z1, a.h1, l1.units, rows)],
      [`forward ${l2.inputs}->${l2.units}`, (k) => k.denseForward(l2, a.params, a.h1, a.z2, rows)],
      [`backward ${l2.inputs}->${l2.units} (+dhin)`, (k) => k.denseBackward(l2, a.params, a.h1, a.dz2, a.grads, a.dh1, rows)],
      ["relu gradient", (k) => k.activationGradient("relu", a.z1, a.h1, a.dh1, a.dz1, l1.units, rows)],
      [`backward ${l1.inputs}->${l1.units}`, (k) => k.denseBackward(l1, a.params, a.x, a.dz1, a.grads, null, rows)]
    ];
    for (const [name, job] of jobs) {
      const [js, wasm] = interleaved([() => job(JS_KERNELS), () => job(kernels)], c.name === "large" ? 0.3 : 0.1, c.name === "large" ? 5 : 9);
      console.log(`${`${c.name}, ${rows} rows: ${name}`.padEnd(40)} ${(js * 1e6).toFixed(2).padStart(8)}  ${(wasm * 1e6).toFixed(2).padStart(15)}  ${(js / wasm).toFixed(2).padStart(8)}x`);
    }
  }
}
function epochs() {
  console.log("network                       js epochs/s   wasm simd epochs/s   speedup");
  for (const c of CASES) {
    const js = traineeOf(c, "js");
    const wasm = traineeOf(c, "auto");
    let e = 0;
    for (const what of ["runEpoch", "trainEpoch"]) {
      const [tj, tw] = interleaved([() => what === "runEpoch" ? js.runEpoch(e++) : js.trainEpoch(), () => what === "runEpoch" ? wasm.runEpoch(e++) : wasm.trainEpoch()], c.name === "large" ? 1 : 0.2, c.name === "large" ? 5 : 9);
      console.log(`${`${c.name}, ${what}`.padEnd(30)} ${(1 / tj).toFixed(1).padStart(11)}  ${(1 / tw).toFixed(1).padStart(19)}  ${(tj / tw).toFixed(2).padStart(8)}x`);
    }
  }
}
function record() {
  console.log("network      runEpoch epochs/s   trainEpoch epochs/s   record cost");
  for (const c of CASES) {
    const withRecord = traineeOf(c, "auto");
    const without = traineeOf(c, "auto");
    let e = 0;
    const [tr, tt] = interleaved([() => withRecord.runEpoch(e++), () => without.trainEpoch()], c.name === "large" ? 1 : 0.2, c.name === "large" ? 5 : 15);
    console.log(`${c.name.padEnd(12)} ${(1 / tr).toFixed(1).padStart(17)}  ${(1 / tt).toFixed(1).padStart(20)}  ${((tr - tt) / tt * 100).toFixed(1).padStart(10)}%`);
  }
}
function train(args) {
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const c = CASES.find((k) => k.name === opt("case", "tutorial"));
  const kernels = opt("kernels", "auto");
  if (!c || kernels !== "auto" && kernels !== "js") throw new Error("usage: train --kernels auto|js --case tutorial|large --epochs N [--record no]");
  const trainee = traineeOf(c, kernels);
  const n = Number(opt("epochs", "1000"));
  if (opt("record", "yes") === "no") for (let e = 0; e < n; e++) trainee.trainEpoch();
  else for (let e = 0; e < n; e++) trainee.runEpoch(e);
}
var [mode, ...rest] = process.argv.slice(2);
if (mode === "micro") micro();
else if (mode === "epochs") epochs();
else if (mode === "record") record();
else if (mode === "train") train(rest);
else throw new Error("usage: bench/fusedKernels.ts micro | epochs | record | train --kernels auto|js --case tutorial|large --epochs N [--record no]");
/*! Bundled license information:

@tensorflow/tfjs-core/dist/backends/backend.js:
@tensorflow/tfjs-core/dist/util_base.js:
@tensorflow/tfjs-core/dist/global_util.js:
@tensorflow/tfjs-core/dist/ops/clone.js:
@tensorflow/tfjs-core/dist/ops/add.js:
@tensorflow/tfjs-core/dist/ops/floorDiv.js:
@tensorflow/tfjs-core/dist/ops/div.js:
@tensorflow/tfjs-core/dist/ops/mul.js:
@tensorflow/tfjs-core/dist/ops/fill.js:
@tensorflow/tfjs-core/dist/ops/pow.js:
@tensorflow/tfjs-core/dist/ops/sub.js:
@tensorflow/tfjs-core/dist/ops/maximum.js:
@tensorflow/tfjs-core/dist/ops/ops.js:
  (**
   * @license
   * Copyright 2020 Google LLC. All Rights Reserved.
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   * http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   * =============================================================================
   *)

@tensorflow/tfjs-core/dist/environment.js:
@tensorflow/tfjs-core/dist/util.js:
@tensorflow/tfjs-core/dist/tape.js:
@tensorflow/tfjs-core/dist/tensor.js:
@tensorflow/tfjs-core/dist/types.js:
@tensorflow/tfjs-core/dist/device_util.js:
@tensorflow/tfjs-core/dist/ops/broadcast_util.js:
@tensorflow/tfjs-core/dist/index.js:
  (**
   * @license
   * Copyright 2017 Google LLC. All Rights Reserved.
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   * http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   * =============================================================================
   *)

@tensorflow/tfjs-core/dist/log.js:
@tensorflow/tfjs-core/dist/profiler.js:
@tensorflow/tfjs-core/dist/tensor_format.js:
@tensorflow/tfjs-core/dist/tensor_util.js:
@tensorflow/tfjs-core/dist/engine.js:
@tensorflow/tfjs-core/dist/tensor_util_env.js:
@tensorflow/tfjs-core/dist/ops/operation.js:
@tensorflow/tfjs-core/dist/ops/tensor_ops_util.js:
@tensorflow/tfjs-core/dist/io/types.js:
@tensorflow/tfjs-core/dist/globals.js:
@tensorflow/tfjs-core/dist/io/io_utils.js:
@tensorflow/tfjs-core/dist/io/router_registry.js:
@tensorflow/tfjs-core/dist/io/indexed_db.js:
@tensorflow/tfjs-core/dist/io/local_storage.js:
@tensorflow/tfjs-core/dist/io/model_management.js:
@tensorflow/tfjs-core/dist/ops/abs.js:
@tensorflow/tfjs-core/dist/ops/zeros_like.js:
@tensorflow/tfjs-core/dist/ops/scalar.js:
@tensorflow/tfjs-core/dist/ops/sqrt.js:
@tensorflow/tfjs-core/dist/gradients.js:
@tensorflow/tfjs-core/dist/serialization.js:
@tensorflow/tfjs-core/dist/optimizers/optimizer.js:
@tensorflow/tfjs-core/dist/optimizers/adadelta_optimizer.js:
@tensorflow/tfjs-core/dist/optimizers/adagrad_optimizer.js:
@tensorflow/tfjs-core/dist/optimizers/adam_optimizer.js:
@tensorflow/tfjs-core/dist/optimizers/adamax_optimizer.js:
@tensorflow/tfjs-core/dist/optimizers/sgd_optimizer.js:
@tensorflow/tfjs-core/dist/optimizers/momentum_optimizer.js:
@tensorflow/tfjs-core/dist/optimizers/rmsprop_optimizer.js:
  (**
   * @license
   * Copyright 2018 Google LLC. All Rights Reserved.
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   * http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   * =============================================================================
   *)

@tensorflow/tfjs-core/dist/kernel_registry.js:
@tensorflow/tfjs-core/dist/flags.js:
@tensorflow/tfjs-core/dist/platforms/platform_browser.js:
@tensorflow/tfjs-core/dist/platforms/platform_node.js:
@tensorflow/tfjs-core/dist/ops/square.js:
  (**
   * @license
   * Copyright 2019 Google LLC. All Rights Reserved.
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   * http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   * =============================================================================
   *)

@tensorflow/tfjs-core/dist/platforms/is_typed_array_browser.js:
  (**
   * @license
   * Copyright 2023 Google LLC.
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   * http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   * =============================================================================
   *)

@tensorflow/tfjs-core/dist/ops/buffer.js:
@tensorflow/tfjs-core/dist/ops/cast.js:
@tensorflow/tfjs-core/dist/ops/print.js:
@tensorflow/tfjs-core/dist/base_side_effects.js:
  (**
   * @license
   * Copyright 2020 Google Inc. All Rights Reserved.
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   * http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   * =============================================================================
   *)

@tensorflow/tfjs-core/dist/optimizers/register_optimizers.js:
  (**
   * @license
   * Copyright 2022 Google LLC.
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   * http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   * =============================================================================
   *)
*/
//# sourceMappingURL=fusedKernels.js.map
