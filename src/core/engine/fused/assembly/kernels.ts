// The fused engine's hot loops in AssemblyScript, compiled to WebAssembly with 128-bit
// SIMD (two float64 lanes) by scripts/buildWasm.mjs. They are the loops of
// ../denseKernels.ts and ../activations.ts (relu) over the same unit-major values (unit
// u, row r at u * rows + r), in float64 as there: every sum of products is added in the
// same order as the JavaScript loops (bit-identical results) except the reductions over
// rows (dot products, bias gradients), which keep two lanes of partial sums.
//
// Pointers are byte offsets into the imported memory (the arena of one FusedTrainee,
// fused/fusedMemory.ts). Nothing here allocates. The module's only data is the table
// of AssemblyScript's exp (for the expabs penalty), below heapBase().

// The penalty's formulas are not copied here: this is their one scalar definition,
// compiled as AssemblyScript too.
import { penaltyDerivativeOf, penaltyTermOf } from '../../../experiment/penaltyFormulas';

const F64 = 8;

/** Where the arena may start: after anything the compiler placed in the memory. */
export function heapBase(): usize {
  return __heap_base;
}

// ---- dense forward ------------------------------------------------------------------

// z[0, rows) = (first ? b : z) + w0 * h0 (+ w1 * h1 ...), pairs of rows, then the odd one.
@inline function axpy1(z: usize, rows: i32, first: bool, b: f64, w0: f64, h0: usize): void {
  const v0 = f64x2.splat(w0);
  const even = rows & ~1;
  const init = f64x2.splat(b);
  let r = 0;
  if (first) {
    for (; r < even; r += 2) {
      const o = <usize>r * F64;
      v128.store(z + o, f64x2.add(init, f64x2.mul(v0, v128.load(h0 + o))));
    }
  } else {
    for (; r < even; r += 2) {
      const o = <usize>r * F64;
      v128.store(z + o, f64x2.add(v128.load(z + o), f64x2.mul(v0, v128.load(h0 + o))));
    }
  }
  if (r < rows) {
    const o = <usize>r * F64;
    store<f64>(z + o, (first ? b : load<f64>(z + o)) + w0 * load<f64>(h0 + o));
  }
}

@inline function axpy2(z: usize, rows: i32, first: bool, b: f64, w0: f64, h0: usize, w1: f64, h1: usize): void {
  const v0 = f64x2.splat(w0);
  const v1 = f64x2.splat(w1);
  const even = rows & ~1;
  const init = f64x2.splat(b);
  let r = 0;
  if (first) {
    for (; r < even; r += 2) {
      const o = <usize>r * F64;
      let a = f64x2.add(init, f64x2.mul(v0, v128.load(h0 + o)));
      v128.store(z + o, f64x2.add(a, f64x2.mul(v1, v128.load(h1 + o))));
    }
  } else {
    for (; r < even; r += 2) {
      const o = <usize>r * F64;
      let a = f64x2.add(v128.load(z + o), f64x2.mul(v0, v128.load(h0 + o)));
      v128.store(z + o, f64x2.add(a, f64x2.mul(v1, v128.load(h1 + o))));
    }
  }
  if (r < rows) {
    const o = <usize>r * F64;
    const a = (first ? b : load<f64>(z + o)) + w0 * load<f64>(h0 + o);
    store<f64>(z + o, a + w1 * load<f64>(h1 + o));
  }
}

@inline function axpy4(z: usize, rows: i32, first: bool, b: f64, w0: f64, h0: usize, w1: f64, h1: usize, w2: f64, h2: usize, w3: f64, h3: usize): void {
  const v0 = f64x2.splat(w0);
  const v1 = f64x2.splat(w1);
  const v2 = f64x2.splat(w2);
  const v3 = f64x2.splat(w3);
  const even = rows & ~1;
  const init = f64x2.splat(b);
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    let a = first ? init : v128.load(z + o);
    a = f64x2.add(a, f64x2.mul(v0, v128.load(h0 + o)));
    a = f64x2.add(a, f64x2.mul(v1, v128.load(h1 + o)));
    a = f64x2.add(a, f64x2.mul(v2, v128.load(h2 + o)));
    v128.store(z + o, f64x2.add(a, f64x2.mul(v3, v128.load(h3 + o))));
  }
  if (r < rows) {
    const o = <usize>r * F64;
    let a = (first ? b : load<f64>(z + o)) + w0 * load<f64>(h0 + o);
    a += w1 * load<f64>(h1 + o);
    a += w2 * load<f64>(h2 + o);
    store<f64>(z + o, a + w3 * load<f64>(h3 + o));
  }
}

/**
 * z = hin . W + b for `rows` rows (W [inputs, units] row-major at `w`; b at `b`, or
 * none when hasBias is 0). Each unit's row vector takes the non-zero weights four at a
 * time, the first group starting from the bias: one pass over z per four inputs.
 */
export function denseForward(w: usize, b: usize, hasBias: i32, hin: usize, z: usize, inputs: i32, units: i32, rows: i32): void {
  const rowBytes = <usize>rows * F64;
  let j = 0;
  if (blockedForward(inputs, rows)) for (; j + 3 < units; j += 4) denseUnits4(w, b, hasBias, hin, z + <usize>j * rowBytes, inputs, units, j, rows);
  for (; j < units; j++) denseUnit(w, b, hasBias, hin, z + <usize>j * rowBytes, inputs, units, j, rows);
}

/**
 * From how many inputs a layer's forward and backward passes take four units at a time
 * (denseUnits4, dotAxpyRelu4): one pass over the inputs' row vectors per four units
 * instead of one per unit. A layer of 500 inputs on 30 rows streamed 120 KB of them from
 * the second-level cache per unit. Below it the layer's inputs sit in the first-level
 * cache anyway.
 */
const BLOCK_INPUTS = 16;

/**
 * Whether the forward pass takes four units at a time: on up to BLOCK_ROWS rows. On
 * more, its walk down the inputs four rows at a time loses to denseUnit's streams along
 * each input's rows (measured on 500 x 500: 1.2x faster at 30 and 120 rows, even at 300;
 * 64 x 500 on 1258 rows, 6% slower). The backward pass's blocks win at every size
 * (about 2x from 30 to 1258 rows).
 */
const BLOCK_ROWS = 256;

@inline function blockedForward(inputs: i32, rows: i32): bool {
  return inputs >= BLOCK_INPUTS && rows <= BLOCK_ROWS;
}

/**
 * Units j .. j + 3 of denseForward, two pairs of rows at a time with their sums in
 * registers across every input: each unit's sum the bias's plus its non-zero weights'
 * products in input order, as denseUnit adds them (the same values, bit for bit).
 */
@inline function denseUnits4(w: usize, b: usize, hasBias: i32, hin: usize, z0: usize, inputs: i32, units: i32, j: i32, rows: i32): void {
  const rowBytes = <usize>rows * F64;
  const unitBytes = <usize>units * F64;
  const b0 = hasBias ? load<f64>(b + <usize>j * F64) : 0.0;
  const b1 = hasBias ? load<f64>(b + <usize>(j + 1) * F64) : 0.0;
  const b2 = hasBias ? load<f64>(b + <usize>(j + 2) * F64) : 0.0;
  const b3 = hasBias ? load<f64>(b + <usize>(j + 3) * F64) : 0.0;
  const wj = w + <usize>j * F64;
  const fours = rows & ~3;
  let r = 0;
  for (; r < fours; r += 4) {
    const o = <usize>r * F64;
    let a0 = f64x2.splat(b0), c0 = f64x2.splat(b0);
    let a1 = f64x2.splat(b1), c1 = f64x2.splat(b1);
    let a2 = f64x2.splat(b2), c2 = f64x2.splat(b2);
    let a3 = f64x2.splat(b3), c3 = f64x2.splat(b3);
    let hi = hin + o;
    let wi = wj;
    for (let i = 0; i < inputs; i++) {
      const h0 = v128.load(hi);
      const h1 = v128.load(hi, 16);
      const w0 = load<f64>(wi);
      const w1 = load<f64>(wi, 8);
      const w2 = load<f64>(wi, 16);
      const w3 = load<f64>(wi, 24);
      if (w0 != 0) { const v = f64x2.splat(w0); a0 = f64x2.add(a0, f64x2.mul(v, h0)); c0 = f64x2.add(c0, f64x2.mul(v, h1)); }
      if (w1 != 0) { const v = f64x2.splat(w1); a1 = f64x2.add(a1, f64x2.mul(v, h0)); c1 = f64x2.add(c1, f64x2.mul(v, h1)); }
      if (w2 != 0) { const v = f64x2.splat(w2); a2 = f64x2.add(a2, f64x2.mul(v, h0)); c2 = f64x2.add(c2, f64x2.mul(v, h1)); }
      if (w3 != 0) { const v = f64x2.splat(w3); a3 = f64x2.add(a3, f64x2.mul(v, h0)); c3 = f64x2.add(c3, f64x2.mul(v, h1)); }
      hi += rowBytes;
      wi += unitBytes;
    }
    const z = z0 + o;
    v128.store(z, a0); v128.store(z, c0, 16);
    v128.store(z + rowBytes, a1); v128.store(z + rowBytes, c1, 16);
    v128.store(z + 2 * rowBytes, a2); v128.store(z + 2 * rowBytes, c2, 16);
    v128.store(z + 3 * rowBytes, a3); v128.store(z + 3 * rowBytes, c3, 16);
  }
  // The last 1-3 rows, one at a time.
  for (; r < rows; r++) {
    const o = <usize>r * F64;
    let a0 = b0, a1 = b1, a2 = b2, a3 = b3;
    let hi = hin + o;
    let wi = wj;
    for (let i = 0; i < inputs; i++) {
      const h = load<f64>(hi);
      const w0 = load<f64>(wi);
      const w1 = load<f64>(wi, 8);
      const w2 = load<f64>(wi, 16);
      const w3 = load<f64>(wi, 24);
      if (w0 != 0) a0 += w0 * h;
      if (w1 != 0) a1 += w1 * h;
      if (w2 != 0) a2 += w2 * h;
      if (w3 != 0) a3 += w3 * h;
      hi += rowBytes;
      wi += unitBytes;
    }
    const z = z0 + o;
    store<f64>(z, a0);
    store<f64>(z + rowBytes, a1);
    store<f64>(z + 2 * rowBytes, a2);
    store<f64>(z + 3 * rowBytes, a3);
  }
}

/** Unit j of denseForward: its row vector zj. */
@inline function denseUnit(w: usize, b: usize, hasBias: i32, hin: usize, zj: usize, inputs: i32, units: i32, j: i32, rows: i32): void {
  const rowBytes = <usize>rows * F64;
  const bias = hasBias ? load<f64>(b + <usize>j * F64) : 0.0;
  let first = true;
  let n = 0;
  let w0 = 0.0, w1 = 0.0, w2 = 0.0;
  let h0: usize = 0, h1: usize = 0, h2: usize = 0;
  for (let i = 0; i < inputs; i++) {
    const wi = load<f64>(w + (<usize>i * <usize>units + <usize>j) * F64);
    if (wi == 0) continue;
    const hi = hin + <usize>i * rowBytes;
    if (n == 0) { w0 = wi; h0 = hi; n = 1; }
    else if (n == 1) { w1 = wi; h1 = hi; n = 2; }
    else if (n == 2) { w2 = wi; h2 = hi; n = 3; }
    else {
      axpy4(zj, rows, first, bias, w0, h0, w1, h1, w2, h2, wi, hi);
      first = false;
      n = 0;
    }
  }
  if (n == 1) axpy1(zj, rows, first, bias, w0, h0);
  else if (n == 2) axpy2(zj, rows, first, bias, w0, h0, w1, h1);
  else if (n == 3) {
    axpy2(zj, rows, first, bias, w0, h0, w1, h1);
    axpy1(zj, rows, false, 0, w2, h2);
  } else if (first) fill(zj, rows, bias);
}

@inline function fill(z: usize, rows: i32, value: f64): void {
  const v = f64x2.splat(value);
  const even = rows & ~1;
  let r = 0;
  for (; r < even; r += 2) v128.store(z + <usize>r * F64, v);
  if (r < rows) store<f64>(z + <usize>r * F64, value);
}

// ---- dense backward -----------------------------------------------------------------

@inline function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** sum over rows of h[r] * d[r]. */
@inline function dot(h: usize, d: usize, rows: i32): f64 {
  let a = f64x2.splat(0);
  const even = rows & ~1;
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    a = f64x2.add(a, f64x2.mul(v128.load(h + o), v128.load(d + o)));
  }
  let s = hsum(a);
  if (r < rows) s += load<f64>(h + <usize>r * F64) * load<f64>(d + <usize>r * F64);
  return s;
}

/** sum over rows of h[r] * d[r], while dh[r] += w * d[r]. */
@inline function dotAxpy(h: usize, d: usize, dh: usize, w: f64, rows: i32): f64 {
  return dotAxpyRelu(h, d, dh, 0, w, rows, false, false);
}

/** sum over rows of d[r] (a bias gradient). */
@inline function sum(d: usize, rows: i32): f64 {
  let a = f64x2.splat(0);
  const even = rows & ~1;
  let r = 0;
  for (; r < even; r += 2) a = f64x2.add(a, v128.load(d + <usize>r * F64));
  let s = hsum(a);
  if (r < rows) s += load<f64>(d + <usize>r * F64);
  return s;
}

/**
 * The weight gradients of a dense layer from dz (into gw [inputs, units] and gb, when
 * hasBias) and, when hasDhin, d loss / d hin (overwritten with the sum over units of
 * w * dz, added unit by unit as the JavaScript loop does).
 */
export function denseBackward(w: usize, hin: usize, dz: usize, gw: usize, gb: usize, hasBias: i32, dhin: usize, hasDhin: i32, inputs: i32, units: i32, rows: i32): void {
  const rowBytes = <usize>rows * F64;
  if (hasDhin) memory.fill(dhin, 0, <usize>inputs * rowBytes);
  for (let j = 0; j < units; j++) {
    const dzj = dz + <usize>j * rowBytes;
    if (!hasDhin && inputs >= BLOCK_INPUTS && j + 3 < units) {
      // Four units and two inputs per pass (dot2x4), the units' bias gradients first.
      if (hasBias) for (let k = 0; k < 4; k++) store<f64>(gb + <usize>(j + k) * F64, sum(dzj + <usize>k * rowBytes, rows));
      const unitBytes = <usize>units * F64;
      let i = 0;
      for (; i + 1 < inputs; i += 2) dot2x4(hin + <usize>i * rowBytes, rowBytes, dzj, rows, gw + (<usize>i * <usize>units + <usize>j) * F64, unitBytes);
      if (i < inputs) {
        const at = gw + (<usize>i * <usize>units + <usize>j) * F64;
        for (let k = 0; k < 4; k++) store<f64>(at + <usize>k * F64, dot(hin + <usize>i * rowBytes, dzj + <usize>k * rowBytes, rows));
      }
      j += 3;
      continue;
    }
    if (!hasDhin) {
      // Two inputs' gradients per pass over dz's row vector, the bias's in the first.
      let i = 0;
      let biasDone = !hasBias;
      for (; i + 1 < inputs; i += 2) {
        const at = (<usize>i * <usize>units + <usize>j) * F64;
        const hi = hin + <usize>i * rowBytes;
        if (biasDone) dot2(hi, hi + rowBytes, dzj, rows, gw + at, gw + at + <usize>units * F64, false, 0);
        else dot2(hi, hi + rowBytes, dzj, rows, gw + at, gw + at + <usize>units * F64, true, gb + <usize>j * F64);
        biasDone = true;
      }
      if (i < inputs) store<f64>(gw + (<usize>i * <usize>units + <usize>j) * F64, dot(hin + <usize>i * rowBytes, dzj, rows));
      if (!biasDone) store<f64>(gb + <usize>j * F64, sum(dzj, rows));
      continue;
    }
    if (hasBias) store<f64>(gb + <usize>j * F64, sum(dzj, rows));
    if (inputs >= BLOCK_INPUTS && j + 3 < units) {
      // Four units at a time (their bias gradients first), as dotAxpyRelu4 says.
      if (hasBias) for (let k = 1; k < 4; k++) store<f64>(gb + <usize>(j + k) * F64, sum(dzj + <usize>k * rowBytes, rows));
      for (let i = 0; i < inputs; i++) {
        const at = (<usize>i * <usize>units + <usize>j) * F64;
        const wi = w + at;
        dotAxpyRelu4(hin + <usize>i * rowBytes, dzj, rowBytes, dhin + <usize>i * rowBytes, 0, load<f64>(wi), load<f64>(wi, 8), load<f64>(wi, 16), load<f64>(wi, 24), rows, false, false, gw + at);
      }
      j += 3;
      continue;
    }
    for (let i = 0; i < inputs; i++) {
      const at = (<usize>i * <usize>units + <usize>j) * F64;
      const hi = hin + <usize>i * rowBytes;
      store<f64>(gw + at, dotAxpy(hi, dzj, dhin + <usize>i * rowBytes, load<f64>(w + at), rows));
    }
  }
}

/**
 * dot2() of units j .. j + 3 (their row vectors of dz from d0, rowBytes apart) and
 * inputs i, i + 1 (from h0): the eight weight gradients into g (input i's four) and
 * g + unitBytes (input i + 1's), the sums dot() adds, in one pass over the six row vectors.
 */
@inline function dot2x4(h0: usize, rowBytes: usize, d0: usize, rows: i32, g: usize, unitBytes: usize): void {
  const h1 = h0 + rowBytes;
  const d1 = d0 + rowBytes;
  const d2 = d1 + rowBytes;
  const d3 = d2 + rowBytes;
  const zero = f64x2.splat(0);
  let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
  let b0 = zero, b1 = zero, b2 = zero, b3 = zero;
  const even = rows & ~1;
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    const x = v128.load(h0 + o);
    const y = v128.load(h1 + o);
    let e = v128.load(d0 + o);
    a0 = f64x2.add(a0, f64x2.mul(x, e));
    b0 = f64x2.add(b0, f64x2.mul(y, e));
    e = v128.load(d1 + o);
    a1 = f64x2.add(a1, f64x2.mul(x, e));
    b1 = f64x2.add(b1, f64x2.mul(y, e));
    e = v128.load(d2 + o);
    a2 = f64x2.add(a2, f64x2.mul(x, e));
    b2 = f64x2.add(b2, f64x2.mul(y, e));
    e = v128.load(d3 + o);
    a3 = f64x2.add(a3, f64x2.mul(x, e));
    b3 = f64x2.add(b3, f64x2.mul(y, e));
  }
  let s0 = hsum(a0), s1 = hsum(a1), s2 = hsum(a2), s3 = hsum(a3);
  let t0 = hsum(b0), t1 = hsum(b1), t2 = hsum(b2), t3 = hsum(b3);
  if (r < rows) {
    const o = <usize>r * F64;
    const x = load<f64>(h0 + o);
    const y = load<f64>(h1 + o);
    const e0 = load<f64>(d0 + o), e1 = load<f64>(d1 + o), e2 = load<f64>(d2 + o), e3 = load<f64>(d3 + o);
    s0 += x * e0; s1 += x * e1; s2 += x * e2; s3 += x * e3;
    t0 += y * e0; t1 += y * e1; t2 += y * e2; t3 += y * e3;
  }
  store<f64>(g, s0); store<f64>(g, s1, 8); store<f64>(g, s2, 16); store<f64>(g, s3, 24);
  const g1 = g + unitBytes;
  store<f64>(g1, t0); store<f64>(g1, t1, 8); store<f64>(g1, t2, 16); store<f64>(g1, t3, 24);
}

/** dot(h0, d) into gw0 and dot(h1, d) into gw1 and, when withSum, sum(d) into gb: one pass over d, the same sums. */
@inline function dot2(h0: usize, h1: usize, d: usize, rows: i32, gw0: usize, gw1: usize, withSum: bool, gb: usize): void {
  let a0 = f64x2.splat(0);
  let a1 = f64x2.splat(0);
  let a2 = f64x2.splat(0);
  const even = rows & ~1;
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    const dv = v128.load(d + o);
    a0 = f64x2.add(a0, f64x2.mul(v128.load(h0 + o), dv));
    a1 = f64x2.add(a1, f64x2.mul(v128.load(h1 + o), dv));
    if (withSum) a2 = f64x2.add(a2, dv);
  }
  let s0 = hsum(a0);
  let s1 = hsum(a1);
  let s2 = hsum(a2);
  if (r < rows) {
    const o = <usize>r * F64;
    const dr = load<f64>(d + o);
    s0 += load<f64>(h0 + o) * dr;
    s1 += load<f64>(h1 + o) * dr;
    s2 += dr;
  }
  store<f64>(gw0, s0);
  store<f64>(gw1, s1);
  if (withSum) store<f64>(gb, s2);
}

// ---- float32 copies ------------------------------------------------------------------

/**
 * to[i] = from[i] rounded to float32 (to nearest, ties to even: Math.fround's rounding)
 * for n values; `to` holds float32 values. f32x4.demote_f64x2_zero rounds two at a
 * time into the low 64 bits.
 */
export function toFloat32(from: usize, to: usize, n: i32): void {
  const fours = n & ~3;
  const even = n & ~1;
  let i = 0;
  // Four at a time into one 16-byte store: the slot is usually in another core's cache,
  // and fewer, wider stores keep more of its lines in flight.
  for (; i < fours; i += 4) {
    const lo = f32x4.demote_f64x2_zero(v128.load(from + <usize>i * F64));
    const hi = f32x4.demote_f64x2_zero(v128.load(from + <usize>i * F64 + 16));
    v128.store(to + <usize>i * 4, i8x16.shuffle(lo, hi, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23));
  }
  for (; i < even; i += 2) store<i64>(to + <usize>i * 4, i64x2.extract_lane(f32x4.demote_f64x2_zero(v128.load(from + <usize>i * F64)), 0));
  if (i < n) store<f32>(to + <usize>i * 4, <f32>load<f64>(from + <usize>i * F64));
}

// ---- relu ---------------------------------------------------------------------------

/** h = relu(z) over n values: z > 0 ? z : 0 (pmax(0, z) is 0 < z ? z : 0, NaN to 0 too). */
export function relu(z: usize, h: usize, n: i32): void {
  const zero = f64x2.splat(0);
  const even = n & ~1;
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    v128.store(h + o, f64x2.pmax(zero, v128.load(z + o)));
  }
  if (r < n) {
    const o = <usize>r * F64;
    const v = load<f64>(z + o);
    store<f64>(h + o, v > 0 ? v : 0);
  }
}

/** dz = z > 0 ? dh : 0 over n values (the mask of z > 0 keeps dh's bits, else +0). */
export function reluGradient(z: usize, dh: usize, dz: usize, n: i32): void {
  const zero = f64x2.splat(0);
  const even = n & ~1;
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    v128.store(dz + o, v128.and(v128.load(dh + o), f64x2.gt(v128.load(z + o), zero)));
  }
  if (r < n) {
    const o = <usize>r * F64;
    store<f64>(dz + o, load<f64>(z + o) > 0 ? load<f64>(dh + o) : 0);
  }
}

// ---- the penalty's gradient ---------------------------------------------------------

/**
 * g[i] += d penalty / d w at w = p[i] for n weights (l1 |w| + l2 w^2 + expabs
 * (e^|w| - 1)); returns the penalty's value there. ../optimizer.ts's JavaScript loop,
 * summed in its order: the same values bit for bit, but that e^|w| and e^|w| - 1 are
 * AssemblyScript's functions, not V8's (both within an ulp of the exact value).
 * Scalar, one weight a turn, because the formulas are penaltyFormulas.ts's functions of
 * one number. Each is called from one place only: Binaryen inlines a function called
 * once, and a second call site (a loop for expabs = 0, two partial sums) made them calls,
 * 2.0 -> 3.9 ns a weight. In JavaScript the loop took ~15% of a tutorial epoch's steps.
 */
export function penaltyGradient(p: usize, g: usize, n: i32, l1: f64, l2: f64, expabs: f64): f64 {
  let value = 0.0;
  for (let i = 0; i < n; i++) {
    const o = <usize>i * F64;
    const w = load<f64>(p + o);
    value += penaltyTermOf(l1, l2, expabs, w);
    store<f64>(g + o, load<f64>(g + o) + penaltyDerivativeOf(l1, l2, expabs, w));
  }
  return value;
}

// ---- Adam ---------------------------------------------------------------------------

/**
 * Adam on n parameters at p (gradients g, penalty's included; moments m and v), each
 * first shrunk by `shrink` (decoupled weight decay; 1 without), with the formula and
 * float32 constants of ../optimizer.ts, given by the caller. When `out` is not 0 it
 * gets the norms' sums of the updated weights: [sum |w|, sum w^2, max |w|, count of
 * |w| < threshold]. When `out32` is not 0 it gets the updated weights rounded to float32
 * (as toFloat32 rounds them): the record's ring slot, written in this pass, whose
 * divisions leave room for it, rather than in a pass of its own (~0.5 us a tutorial epoch).
 */
export function adam(p: usize, g: usize, m: usize, v: usize, n: i32, shrink: f64, lr: f64, c1: f64, c2: f64, beta1: f64, oneMinusBeta1: f64, beta2: f64, oneMinusBeta2: f64, epsilon: f64, out: usize, threshold: f64, out32: usize): void {
  const vShrink = f64x2.splat(shrink);
  // m / c1 * lr and v / c2 as products by this step's factors, as optimizer.ts's loop
  // does: two divisions fewer per weight (they bound this loop), within an ulp.
  const lrOverC1 = lr / c1;
  const invC2 = 1 / c2;
  const vLrOverC1 = f64x2.splat(lrOverC1);
  const vInvC2 = f64x2.splat(invC2);
  const vB1 = f64x2.splat(beta1);
  const vOB1 = f64x2.splat(oneMinusBeta1);
  const vB2 = f64x2.splat(beta2);
  const vOB2 = f64x2.splat(oneMinusBeta2);
  const vEps = f64x2.splat(epsilon);
  const vThreshold = f64x2.splat(threshold);
  let l1 = f64x2.splat(0);
  let l2 = f64x2.splat(0);
  let max = f64x2.splat(0);
  let small = i64x2.splat(0);
  const even = n & ~1;
  let i = 0;
  for (; i < even; i += 2) {
    const o = <usize>i * F64;
    const gi = v128.load(g + o);
    const mi = f64x2.add(f64x2.mul(v128.load(m + o), vB1), f64x2.mul(gi, vOB1));
    const vi = f64x2.add(f64x2.mul(v128.load(v + o), vB2), f64x2.mul(f64x2.mul(gi, gi), vOB2));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const step = f64x2.div(f64x2.mul(mi, vLrOverC1), f64x2.add(f64x2.sqrt(f64x2.mul(vi, vInvC2)), vEps));
    const w = f64x2.sub(f64x2.mul(v128.load(p + o), vShrink), step);
    v128.store(p + o, w);
    if (out32) v128.store64_lane(out32 + <usize>i * 4, f32x4.demote_f64x2_zero(w), 0);
    const a = f64x2.abs(w);
    l1 = f64x2.add(l1, a);
    l2 = f64x2.add(l2, f64x2.mul(a, a));
    max = f64x2.pmax(max, a);
    // The lanes where a < threshold are all ones (-1): subtracting counts them.
    small = i64x2.sub(small, f64x2.lt(a, vThreshold));
  }
  let sl1 = hsum(l1);
  let sl2 = hsum(l2);
  let smax = max2(f64x2.extract_lane(max, 0), f64x2.extract_lane(max, 1));
  let ssmall = <f64>(i64x2.extract_lane(small, 0) + i64x2.extract_lane(small, 1));
  if (i < n) {
    const o = <usize>i * F64;
    const gi = load<f64>(g + o);
    const mi = load<f64>(m + o) * beta1 + gi * oneMinusBeta1;
    const vi = load<f64>(v + o) * beta2 + gi * gi * oneMinusBeta2;
    store<f64>(m + o, mi);
    store<f64>(v + o, vi);
    const w = load<f64>(p + o) * shrink - (mi * lrOverC1) / (Math.sqrt(vi * invC2) + epsilon);
    store<f64>(p + o, w);
    if (out32) store<f32>(out32 + <usize>i * 4, <f32>w);
    const a = Math.abs(w);
    sl1 += a;
    sl2 += a * a;
    smax = max2(smax, a);
    if (a < threshold) ssmall += 1;
  }
  if (out) {
    store<f64>(out, sl1);
    store<f64>(out + F64, sl2);
    store<f64>(out + 2 * F64, smax);
    store<f64>(out + 3 * F64, ssmall);
  }
}

/** a > b ? a : b, as optimizer.ts keeps its maximum. */
@inline function max2(a: f64, b: f64): f64 {
  return b > a ? b : a;
}

// ---- the record's inference pass ----------------------------------------------------

/**
 * outZ = act(hin . W + b) . Wo + bo for `rows` rows of hin [inputs, rows], without
 * storing the hidden layer: ../inferencePass.ts's hiddenIntoOutput. W [inputs, units]
 * at w (bias at b when the case has one), Wo [units, C] at wo (bias bo when hasBiasO);
 * outZ [C, rows]. BLOCK rows at a time (vectors of two rows) share each weight load:
 * unit by unit, the pre-activation starts from the bias and adds input 0, 1, ...; the
 * output's sums start from its bias and add unit 0, 1, ...: denseForward's order, so
 * every value is the JavaScript one to the last bit (a zero weight that denseForward
 * skips adds a zero here, which can only turn a -0 sum into +0).
 *
 * hiddenIntoOutputN, N the case's flags (8: act relu, else linear; 4: two inputs, else
 * any number; 2: the hidden layer has a bias; 1: one output unit): one export per case,
 * so that no test is left in the loop over units (measured: ~20% of the time with them)
 * and each case compiles alone. V8 compiles a function with its baseline compiler
 * (Liftoff) at its first call and with TurboFan once it is hot; one function of all
 * sixteen cases (15 KB) took TurboFan 100-300 ms, during which it ran on Liftoff: most
 * of a cold 1000-epoch run. ../wasmKernels.ts calls its case's export (~1 KB). A
 * network of two inputs straight into the pair with one output (the plane data sets')
 * runs hiddenIntoOutputF32Relu/Linear below instead.
 */
export function hiddenIntoOutput0(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, false, hin, inputs, units, rows, false, false, wo, bo, hasBiasO, C, false, outZ); }
export function hiddenIntoOutput1(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, false, hin, inputs, units, rows, false, false, wo, bo, hasBiasO, C, true, outZ); }
export function hiddenIntoOutput2(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, true, hin, inputs, units, rows, false, false, wo, bo, hasBiasO, C, false, outZ); }
export function hiddenIntoOutput3(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, true, hin, inputs, units, rows, false, false, wo, bo, hasBiasO, C, true, outZ); }
export function hiddenIntoOutput4(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, false, hin, inputs, units, rows, false, true, wo, bo, hasBiasO, C, false, outZ); }
export function hiddenIntoOutput5(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, false, hin, inputs, units, rows, false, true, wo, bo, hasBiasO, C, true, outZ); }
export function hiddenIntoOutput6(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, true, hin, inputs, units, rows, false, true, wo, bo, hasBiasO, C, false, outZ); }
export function hiddenIntoOutput7(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, true, hin, inputs, units, rows, false, true, wo, bo, hasBiasO, C, true, outZ); }
export function hiddenIntoOutput8(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, false, hin, inputs, units, rows, true, false, wo, bo, hasBiasO, C, false, outZ); }
export function hiddenIntoOutput9(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, false, hin, inputs, units, rows, true, false, wo, bo, hasBiasO, C, true, outZ); }
export function hiddenIntoOutput10(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, true, hin, inputs, units, rows, true, false, wo, bo, hasBiasO, C, false, outZ); }
export function hiddenIntoOutput11(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, true, hin, inputs, units, rows, true, false, wo, bo, hasBiasO, C, true, outZ); }
export function hiddenIntoOutput12(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, false, hin, inputs, units, rows, true, true, wo, bo, hasBiasO, C, false, outZ); }
export function hiddenIntoOutput13(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, false, hin, inputs, units, rows, true, true, wo, bo, hasBiasO, C, true, outZ); }
export function hiddenIntoOutput14(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, true, hin, inputs, units, rows, true, true, wo, bo, hasBiasO, C, false, outZ); }
export function hiddenIntoOutput15(w: usize, b: usize, hin: usize, inputs: i32, units: i32, rows: i32, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize): void { allRows(w, b, true, hin, inputs, units, rows, true, true, wo, bo, hasBiasO, C, true, outZ); }

/**
 * Four rows at a time (measured on two inputs: beat 2, 6 and 8), then two, then one.
 * With more inputs, eight rows first: each vector's sum over the inputs is a chain of
 * adds that waits on each one's latency, and four chains side by side hide it.
 */
@inline function allRows(w: usize, b: usize, bias: bool, hin: usize, inputs: i32, units: i32, rows: i32, relu: bool, two: bool, wo: usize, bo: usize, hasBiasO: i32, C: i32, single: bool, outZ: usize): void {
  let r = 0;
  if (!two) for (; r + 8 <= rows; r += 8) rowVectors(w, b, bias, hin, inputs, units, rows, relu, two, wo, bo, hasBiasO, C, single, outZ, r, 4);
  for (; r + 4 <= rows; r += 4) rowVectors(w, b, bias, hin, inputs, units, rows, relu, two, wo, bo, hasBiasO, C, single, outZ, r, 2);
  if (r + 2 <= rows) {
    rowVectors(w, b, bias, hin, inputs, units, rows, relu, two, wo, bo, hasBiasO, C, single, outZ, r, 1);
    r += 2;
  }
  if (r < rows) oneRow(w, b, bias, hin, inputs, units, rows, relu, wo, bo, hasBiasO, C, outZ, r);
}

/** Rows r to r + 2 k - 1 (k: 1 or 2 vectors of two rows) of hiddenIntoOutput. */
@inline function rowVectors(w: usize, b: usize, bias: bool, hin: usize, inputs: i32, units: i32, rows: i32, relu: bool, two: bool, wo: usize, bo: usize, hasBiasO: i32, C: i32, single: bool, outZ: usize, r: i32, k: i32): void {
  const rowBytes = <usize>rows * F64;
  const unitBytes = <usize>units * F64;
  const x = hin + <usize>r * F64;
  const out = outZ + <usize>r * F64;
  const zero = f64x2.splat(0);
  let s0 = f64x2.splat(hasBiasO ? load<f64>(bo) : 0);
  let s1 = s0, s2 = s0, s3 = s0;
  if (!single) {
    for (let c = 0; c < C; c++) {
      const v = f64x2.splat(hasBiasO ? load<f64>(bo + <usize>c * F64) : 0);
      const o = out + <usize>c * rowBytes;
      v128.store(o, v);
      if (k > 1) v128.store(o, v, 16);
      if (k > 2) v128.store(o, v, 32);
      if (k > 3) v128.store(o, v, 48);
    }
  }
  // Two inputs (the plane's data sets): their row vectors stay in registers.
  const x00 = v128.load(x), x10 = two ? v128.load(x + rowBytes) : zero;
  const x01 = k > 1 ? v128.load(x, 16) : zero, x11 = two && k > 1 ? v128.load(x + rowBytes, 16) : zero;
  const x02 = k > 2 ? v128.load(x, 32) : zero, x12 = two && k > 2 ? v128.load(x + rowBytes, 32) : zero;
  const x03 = k > 3 ? v128.load(x, 48) : zero, x13 = two && k > 3 ? v128.load(x + rowBytes, 48) : zero;
  for (let j = 0; j < units; j++) {
    const wj = w + <usize>j * F64;
    let a0 = f64x2.splat(bias ? load<f64>(b + <usize>j * F64) : 0);
    let a1 = a0, a2 = a0, a3 = a0;
    if (two) {
      const w0 = v128.load64_splat(wj);
      const w1 = v128.load64_splat(wj + unitBytes);
      a0 = f64x2.add(f64x2.add(a0, f64x2.mul(w0, x00)), f64x2.mul(w1, x10));
      if (k > 1) a1 = f64x2.add(f64x2.add(a1, f64x2.mul(w0, x01)), f64x2.mul(w1, x11));
      if (k > 2) a2 = f64x2.add(f64x2.add(a2, f64x2.mul(w0, x02)), f64x2.mul(w1, x12));
      if (k > 3) a3 = f64x2.add(f64x2.add(a3, f64x2.mul(w0, x03)), f64x2.mul(w1, x13));
    } else {
      for (let i = 0; i < inputs; i++) {
        const wi = v128.load64_splat(wj + <usize>i * unitBytes);
        const xi = x + <usize>i * rowBytes;
        a0 = f64x2.add(a0, f64x2.mul(wi, v128.load(xi)));
        if (k > 1) a1 = f64x2.add(a1, f64x2.mul(wi, v128.load(xi, 16)));
        if (k > 2) a2 = f64x2.add(a2, f64x2.mul(wi, v128.load(xi, 32)));
        if (k > 3) a3 = f64x2.add(a3, f64x2.mul(wi, v128.load(xi, 48)));
      }
    }
    if (relu) {
      a0 = f64x2.pmax(zero, a0);
      if (k > 1) a1 = f64x2.pmax(zero, a1);
      if (k > 2) a2 = f64x2.pmax(zero, a2);
      if (k > 3) a3 = f64x2.pmax(zero, a3);
    }
    if (single) {
      const v = v128.load64_splat(wo + <usize>j * F64);
      s0 = f64x2.add(s0, f64x2.mul(v, a0));
      if (k > 1) s1 = f64x2.add(s1, f64x2.mul(v, a1));
      if (k > 2) s2 = f64x2.add(s2, f64x2.mul(v, a2));
      if (k > 3) s3 = f64x2.add(s3, f64x2.mul(v, a3));
    } else {
      const woj = wo + <usize>j * <usize>C * F64;
      for (let c = 0; c < C; c++) {
        const v = v128.load64_splat(woj + <usize>c * F64);
        const o = out + <usize>c * rowBytes;
        v128.store(o, f64x2.add(v128.load(o), f64x2.mul(v, a0)));
        if (k > 1) v128.store(o, f64x2.add(v128.load(o, 16), f64x2.mul(v, a1)), 16);
        if (k > 2) v128.store(o, f64x2.add(v128.load(o, 32), f64x2.mul(v, a2)), 32);
        if (k > 3) v128.store(o, f64x2.add(v128.load(o, 48), f64x2.mul(v, a3)), 48);
      }
    }
  }
  if (single) {
    v128.store(out, s0);
    if (k > 1) v128.store(out, s1, 16);
    if (k > 2) v128.store(out, s2, 32);
    if (k > 3) v128.store(out, s3, 48);
  }
}

/** Row r of hiddenIntoOutput (the last of an odd count). */
@inline function oneRow(w: usize, b: usize, bias: bool, hin: usize, inputs: i32, units: i32, rows: i32, relu: bool, wo: usize, bo: usize, hasBiasO: i32, C: i32, outZ: usize, r: i32): void {
  const rowBytes = <usize>rows * F64;
  const unitBytes = <usize>units * F64;
  const x = hin + <usize>r * F64;
  const out = outZ + <usize>r * F64;
  for (let c = 0; c < C; c++) store<f64>(out + <usize>c * rowBytes, hasBiasO ? load<f64>(bo + <usize>c * F64) : 0);
  for (let j = 0; j < units; j++) {
    const wj = w + <usize>j * F64;
    let a = bias ? load<f64>(b + <usize>j * F64) : 0;
    for (let i = 0; i < inputs; i++) a += load<f64>(wj + <usize>i * unitBytes) * load<f64>(x + <usize>i * rowBytes);
    if (relu) a = a > 0 ? a : 0;
    const woj = wo + <usize>j * <usize>C * F64;
    for (let c = 0; c < C; c++) {
      const o = out + <usize>c * rowBytes;
      store<f64>(o, load<f64>(o) + load<f64>(woj + <usize>c * F64) * a);
    }
  }
}

// ---- appended: the training step's fused kernels ------------------------------------

/**
 * denseForward() then h = relu(z), unit by unit while the unit's row vector is in
 * cache, instead of a second pass over the whole layer.
 */
export function denseForwardRelu(w: usize, b: usize, hasBias: i32, hin: usize, z: usize, h: usize, inputs: i32, units: i32, rows: i32): void {
  const rowBytes = <usize>rows * F64;
  let j = 0;
  if (blockedForward(inputs, rows)) {
    for (; j + 3 < units; j += 4) {
      const zj = z + <usize>j * rowBytes;
      denseUnits4(w, b, hasBias, hin, zj, inputs, units, j, rows);
      relu(zj, h + <usize>j * rowBytes, 4 * rows);
    }
  }
  for (; j < units; j++) {
    const zj = z + <usize>j * rowBytes;
    denseUnit(w, b, hasBias, hin, zj, inputs, units, j, rows);
    relu(zj, h + <usize>j * rowBytes, rows);
  }
}

/**
 * denseBackward() of a layer whose input is a relu layer's output, giving that layer's
 * d loss / d z (dzin = zin > 0 ? d loss / d hin : 0) instead of d loss / d hin: the
 * first unit stores its products (no zeroing pass), the last one masks them as it adds
 * (no reluGradient pass). The same values as denseBackward then reluGradient.
 */
export function denseBackwardRelu(w: usize, hin: usize, dz: usize, gw: usize, gb: usize, hasBias: i32, dzin: usize, zin: usize, inputs: i32, units: i32, rows: i32): void {
  const rowBytes = <usize>rows * F64;
  const last = units - 1;
  let j = 0;
  if (inputs >= BLOCK_INPUTS) {
    for (; j + 3 < units; j += 4) {
      const d0 = dz + <usize>j * rowBytes;
      if (hasBias) for (let k = 0; k < 4; k++) store<f64>(gb + <usize>(j + k) * F64, sum(d0 + <usize>k * rowBytes, rows));
      const first = j == 0;
      const mask = j + 3 == last;
      for (let i = 0; i < inputs; i++) {
        const at = (<usize>i * <usize>units + <usize>j) * F64;
        const wi = w + at;
        const w0 = load<f64>(wi), w1 = load<f64>(wi, 8), w2 = load<f64>(wi, 16), w3 = load<f64>(wi, 24);
        const hi = hin + <usize>i * rowBytes;
        const di = dzin + <usize>i * rowBytes;
        const zi = zin + <usize>i * rowBytes;
        if (first && mask) dotAxpyRelu4(hi, d0, rowBytes, di, zi, w0, w1, w2, w3, rows, true, true, gw + at);
        else if (first) dotAxpyRelu4(hi, d0, rowBytes, di, zi, w0, w1, w2, w3, rows, true, false, gw + at);
        else if (mask) dotAxpyRelu4(hi, d0, rowBytes, di, zi, w0, w1, w2, w3, rows, false, true, gw + at);
        else dotAxpyRelu4(hi, d0, rowBytes, di, zi, w0, w1, w2, w3, rows, false, false, gw + at);
      }
    }
  }
  for (; j < units; j++) {
    const dzj = dz + <usize>j * rowBytes;
    if (hasBias) store<f64>(gb + <usize>j * F64, sum(dzj, rows));
    for (let i = 0; i < inputs; i++) {
      const at = (<usize>i * <usize>units + <usize>j) * F64;
      const hi = hin + <usize>i * rowBytes;
      const di = dzin + <usize>i * rowBytes;
      const zi = zin + <usize>i * rowBytes;
      const wij = load<f64>(w + at);
      let s: f64;
      if (j == 0 && j == last) s = dotAxpyRelu(hi, dzj, di, zi, wij, rows, true, true);
      else if (j == 0) s = dotAxpyRelu(hi, dzj, di, zi, wij, rows, true, false);
      else if (j == last) s = dotAxpyRelu(hi, dzj, di, zi, wij, rows, false, true);
      else s = dotAxpyRelu(hi, dzj, di, zi, wij, rows, false, false);
      store<f64>(gw + at, s);
    }
  }
}

/**
 * dotAxpyRelu() of units j .. j + 3 at once (their row vectors of dz from d0, rowBytes
 * apart; their weights w0 .. w3 of this input): the four dot products into g .. g + 24
 * (gw's four entries), and dh gets the four units' products added in unit order, then
 * masked: the values of four calls, bit for bit, in one pass over h, dh and z.
 */
@inline function dotAxpyRelu4(h: usize, d0: usize, rowBytes: usize, dh: usize, z: usize, w0: f64, w1: f64, w2: f64, w3: f64, rows: i32, first: bool, mask: bool, g: usize): void {
  const d1 = d0 + rowBytes;
  const d2 = d1 + rowBytes;
  const d3 = d2 + rowBytes;
  const zero = f64x2.splat(0);
  let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
  const v0 = f64x2.splat(w0), v1 = f64x2.splat(w1), v2 = f64x2.splat(w2), v3 = f64x2.splat(w3);
  const even = rows & ~1;
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    const hv = v128.load(h + o);
    const e0 = v128.load(d0 + o), e1 = v128.load(d1 + o), e2 = v128.load(d2 + o), e3 = v128.load(d3 + o);
    a0 = f64x2.add(a0, f64x2.mul(hv, e0));
    a1 = f64x2.add(a1, f64x2.mul(hv, e1));
    a2 = f64x2.add(a2, f64x2.mul(hv, e2));
    a3 = f64x2.add(a3, f64x2.mul(hv, e3));
    let x = f64x2.add(first ? zero : v128.load(dh + o), f64x2.mul(v0, e0));
    x = f64x2.add(x, f64x2.mul(v1, e1));
    x = f64x2.add(x, f64x2.mul(v2, e2));
    x = f64x2.add(x, f64x2.mul(v3, e3));
    if (mask) x = v128.and(x, f64x2.gt(v128.load(z + o), zero));
    v128.store(dh + o, x);
  }
  let s0 = hsum(a0), s1 = hsum(a1), s2 = hsum(a2), s3 = hsum(a3);
  if (r < rows) {
    const o = <usize>r * F64;
    const hr = load<f64>(h + o);
    const e0 = load<f64>(d0 + o), e1 = load<f64>(d1 + o), e2 = load<f64>(d2 + o), e3 = load<f64>(d3 + o);
    s0 += hr * e0;
    s1 += hr * e1;
    s2 += hr * e2;
    s3 += hr * e3;
    let x = (first ? 0.0 : load<f64>(dh + o)) + w0 * e0;
    x += w1 * e1;
    x += w2 * e2;
    x += w3 * e3;
    store<f64>(dh + o, mask ? (load<f64>(z + o) > 0 ? x : 0.0) : x);
  }
  store<f64>(g, s0);
  store<f64>(g, s1, 8);
  store<f64>(g, s2, 16);
  store<f64>(g, s3, 24);
}

/** dotAxpy(), where dh starts at 0 when `first` and ends masked by z > 0 when `mask`. */
@inline function dotAxpyRelu(h: usize, d: usize, dh: usize, z: usize, w: f64, rows: i32, first: bool, mask: bool): f64 {
  let a = f64x2.splat(0);
  const zero = f64x2.splat(0);
  const v = f64x2.splat(w);
  const even = rows & ~1;
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    const dv = v128.load(d + o);
    a = f64x2.add(a, f64x2.mul(v128.load(h + o), dv));
    let x = f64x2.add(first ? zero : v128.load(dh + o), f64x2.mul(v, dv));
    if (mask) x = v128.and(x, f64x2.gt(v128.load(z + o), zero));
    v128.store(dh + o, x);
  }
  let s = hsum(a);
  if (r < rows) {
    const o = <usize>r * F64;
    const dr = load<f64>(d + o);
    s += load<f64>(h + o) * dr;
    const x = (first ? 0.0 : load<f64>(dh + o)) + w * dr;
    store<f64>(dh + o, mask ? (load<f64>(z + o) > 0 ? x : 0.0) : x);
  }
  return s;
}

// ---- the training step's backward pass through one hidden layer ---------------------

/**
 * The weight gradients of a hidden layer of two inputs (W [2, units] at w, bias at b
 * when the case has one; act relu or linear) and of the output layer above it (Wo
 * [units, C] at wo), from the hidden layer's inputs hin [2, rows] and dOut [C, rows], d
 * loss / d the output's pre-activations: into gw, gb, gwo and, when hasBiasO, gbo. The
 * hidden layer never lands in memory: unit by unit, its pre-activations are computed
 * again (two products: cheaper than reading them back), its d loss / d z and the sums
 * of the gradients stay in registers (the activations of several outputs' units in one
 * scratch row vector hs, rows values). At 3000 rows x 2000 units the layer by layer
 * pass streams four 48 MB [units, rows] arrays from main memory each step; here all a
 * unit reads (hin, dOut, hs) stays in cache. With more inputs the recomputation costs
 * more than the memory it saves (measured: 4, 8, 16 and 64 inputs slower, 1 input
 * even), so those networks keep the layer by layer pass.
 *
 * The values are those of denseBackwardRelu (or denseBackward) of the output layer
 * then denseBackward of the hidden one, to the last bit: the pre-activation in
 * denseForward's order, d loss / d z starting from 0 and adding output 0, 1, ... as
 * there, then masked by z > 0; every sum over rows keeps two lanes of partial sums,
 * added pair of rows by pair of rows, then its odd row, as dot() and dot2() do.
 *
 * hiddenThroughOutputN, N the case's flags (4: relu, else linear; 2: hidden bias; 1:
 * one output unit, whose gradient then stays in registers too).
 */
export function hiddenThroughOutput0(w: usize, b: usize, hin: usize, units: i32, rows: i32, wo: usize, C: i32, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void { throughAllUnits(w, b, false, hin, units, rows, false, wo, C, false, dOut, gw, gb, gwo, gbo, hasBiasO, hs); }
export function hiddenThroughOutput1(w: usize, b: usize, hin: usize, units: i32, rows: i32, wo: usize, C: i32, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void { throughAllUnits(w, b, false, hin, units, rows, false, wo, C, true, dOut, gw, gb, gwo, gbo, hasBiasO, hs); }
export function hiddenThroughOutput2(w: usize, b: usize, hin: usize, units: i32, rows: i32, wo: usize, C: i32, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void { throughAllUnits(w, b, true, hin, units, rows, false, wo, C, false, dOut, gw, gb, gwo, gbo, hasBiasO, hs); }
export function hiddenThroughOutput3(w: usize, b: usize, hin: usize, units: i32, rows: i32, wo: usize, C: i32, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void { throughAllUnits(w, b, true, hin, units, rows, false, wo, C, true, dOut, gw, gb, gwo, gbo, hasBiasO, hs); }
export function hiddenThroughOutput4(w: usize, b: usize, hin: usize, units: i32, rows: i32, wo: usize, C: i32, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void { throughAllUnits(w, b, false, hin, units, rows, true, wo, C, false, dOut, gw, gb, gwo, gbo, hasBiasO, hs); }
export function hiddenThroughOutput5(w: usize, b: usize, hin: usize, units: i32, rows: i32, wo: usize, C: i32, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void { throughAllUnits(w, b, false, hin, units, rows, true, wo, C, true, dOut, gw, gb, gwo, gbo, hasBiasO, hs); }
export function hiddenThroughOutput6(w: usize, b: usize, hin: usize, units: i32, rows: i32, wo: usize, C: i32, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void { throughAllUnits(w, b, true, hin, units, rows, true, wo, C, false, dOut, gw, gb, gwo, gbo, hasBiasO, hs); }
export function hiddenThroughOutput7(w: usize, b: usize, hin: usize, units: i32, rows: i32, wo: usize, C: i32, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void { throughAllUnits(w, b, true, hin, units, rows, true, wo, C, true, dOut, gw, gb, gwo, gbo, hasBiasO, hs); }

@inline function throughAllUnits(w: usize, b: usize, bias: bool, hin: usize, units: i32, rows: i32, relu: bool, wo: usize, C: i32, single: bool, dOut: usize, gw: usize, gb: usize, gwo: usize, gbo: usize, hasBiasO: i32, hs: usize): void {
  const rowBytes = <usize>rows * F64;
  for (let j = 0; j < units; j++) throughUnit(w, b, bias, hin, units, rows, relu, wo, C, single, dOut, gw, gb, gwo, hs, j);
  if (hasBiasO) for (let c = 0; c < C; c++) store<f64>(gbo + <usize>c * F64, sum(dOut + <usize>c * rowBytes, rows));
}

/** Hidden unit j of hiddenThroughOutput. */
@inline function throughUnit(w: usize, b: usize, bias: bool, hin: usize, units: i32, rows: i32, relu: bool, wo: usize, C: i32, single: bool, dOut: usize, gw: usize, gb: usize, gwo: usize, hs: usize, j: i32): void {
  const rowBytes = <usize>rows * F64;
  const unitBytes = <usize>units * F64;
  const woj = wo + <usize>j * <usize>C * F64;
  const zero = f64x2.splat(0);
  const bj = bias ? load<f64>(b + <usize>j * F64) : 0.0;
  const w0 = load<f64>(w + <usize>j * F64);
  const w1 = load<f64>(w + unitBytes + <usize>j * F64);
  const wo0 = load<f64>(woj);
  const vb = f64x2.splat(bj);
  const vw0 = f64x2.splat(w0);
  const vw1 = f64x2.splat(w1);
  const vwo0 = f64x2.splat(wo0);
  const x0 = hin;
  const x1 = hin + rowBytes;
  // The sums of d loss / d wo (one output), w0, w1 and b.
  let aOut = zero;
  let aB = zero;
  let a0 = zero;
  let a1 = zero;
  const even = rows & ~1;
  let r = 0;
  for (; r < even; r += 2) {
    const o = <usize>r * F64;
    const xv0 = v128.load(x0 + o);
    const xv1 = v128.load(x1 + o);
    const z = f64x2.add(f64x2.add(vb, f64x2.mul(vw0, xv0)), f64x2.mul(vw1, xv1));
    const h = relu ? f64x2.pmax(zero, z) : z;
    let d: v128;
    if (single) {
      const dv = v128.load(dOut + o);
      // Not 0 + wo * dOut as the layer by layer pass adds it: that differs only in the
      // sign of a zero, and d only goes into sums that start at +0, where -0 adds
      // nothing. One vector operation of 16 a pair of rows (3% of a tutorial epoch).
      d = f64x2.mul(vwo0, dv);
      aOut = f64x2.add(aOut, f64x2.mul(h, dv));
    } else {
      d = zero;
      for (let c = 0; c < C; c++) d = f64x2.add(d, f64x2.mul(v128.load64_splat(woj + <usize>c * F64), v128.load(dOut + <usize>c * rowBytes + o)));
      v128.store(hs + o, h);
    }
    if (relu) d = v128.and(d, f64x2.gt(z, zero));
    a0 = f64x2.add(a0, f64x2.mul(xv0, d));
    a1 = f64x2.add(a1, f64x2.mul(xv1, d));
    if (bias) aB = f64x2.add(aB, d);
  }
  let sOut = hsum(aOut);
  let sB = hsum(aB);
  let s0 = hsum(a0);
  let s1 = hsum(a1);
  if (r < rows) {
    const o = <usize>r * F64;
    const xr0 = load<f64>(x0 + o);
    const xr1 = load<f64>(x1 + o);
    const z = bj + w0 * xr0 + w1 * xr1;
    const h = relu ? (z > 0 ? z : 0.0) : z;
    let d = 0.0;
    if (single) {
      const dr = load<f64>(dOut + o);
      d += wo0 * dr;
      sOut += h * dr;
    } else {
      for (let c = 0; c < C; c++) d += load<f64>(woj + <usize>c * F64) * load<f64>(dOut + <usize>c * rowBytes + o);
      store<f64>(hs + o, h);
    }
    if (relu && !(z > 0)) d = 0.0;
    s0 += xr0 * d;
    s1 += xr1 * d;
    sB += d;
  }
  store<f64>(gw + <usize>j * F64, s0);
  store<f64>(gw + unitBytes + <usize>j * F64, s1);
  if (bias) store<f64>(gb + <usize>j * F64, sB);
  if (single) store<f64>(gwo + <usize>j * F64, sOut);
  else for (let c = 0; c < C; c++) store<f64>(gwo + (<usize>j * <usize>C + <usize>c) * F64, dot(hs, dOut + <usize>c * rowBytes, rows));
}

// ---- the record's inference pass in float32: two inputs, one output -----------------

/**
 * outZ = act(x . W + b) . wo + bo for the plane data sets' networks (two inputs, one
 * hidden layer of `units`, one output) in float32, four rows a lane vector, twelve rows
 * (three vectors) sharing each weight load: twice the lanes of hiddenIntoOutput's
 * float64 (the pass is bound by its adds, ~7 per unit and row, not by memory).
 * ../inferencePass.ts's planeF32 is the same arithmetic in JavaScript, bit for bit:
 * the weights rounded to float32 (W at w [2, units], b at b unless hasBias is 0, wo at
 * wo, bo given), then every value rounded as float32 arithmetic rounds it, added in
 * denseForward's order. x32: float32 [2, padded] (rows zero-padded to a multiple of
 * 12), outZ: float64 [padded]; scratch: 16 bytes per unit (the rounded weights).
 * One export per activation, so that no test is left in the loop over units.
 */
export function hiddenIntoOutputF32Relu(w: usize, b: usize, hasBias: i32, wo: usize, bo: f64, units: i32, x32: usize, padded: i32, scratch: usize, outZ: usize): void {
  planeF32(w, b, hasBias, wo, bo, units, x32, padded, scratch, outZ, true);
}
export function hiddenIntoOutputF32Linear(w: usize, b: usize, hasBias: i32, wo: usize, bo: f64, units: i32, x32: usize, padded: i32, scratch: usize, outZ: usize): void {
  planeF32(w, b, hasBias, wo, bo, units, x32, padded, scratch, outZ, false);
}

/**
 * 0 for |v| < 2^-50, else v. Training leaves some weights tiny (a dead unit's, under a
 * penalty: hundreds of the tutorial network's below 1e-38 after 3000 epochs of the
 * bench's data), and a subnormal float32 term (an output weight times an activation)
 * made the pass up to ~1.6x slower. A weight below 2^-50 adds nothing a float32 sum of
 * the network's terms can hold (its unit in the last place is 2^-23 of the largest).
 */
@inline function flushed(v: f32): f32 {
  return abs<f32>(v) < PLANE_TINY ? <f32>0 : v;
}
const PLANE_TINY: f32 = 8.881784197001252e-16; // 2^-50

@inline function planeF32(w: usize, b: usize, hasBias: i32, wo: usize, bo: f64, units: i32, x32: usize, padded: i32, scratch: usize, outZ: usize, relu: bool): void {
  const unitBytes = <usize>units * F64;
  // Unit j's four weights side by side: [w0, w1, b, wo], flushed to zero below 2^-50.
  for (let j = 0; j < units; j++) {
    const at = scratch + <usize>j * 16;
    const o = <usize>j * F64;
    store<f32>(at, flushed(<f32>load<f64>(w + o)));
    store<f32>(at + 4, flushed(<f32>load<f64>(w + unitBytes + o)));
    store<f32>(at + 8, hasBias ? flushed(<f32>load<f64>(b + o)) : <f32>0);
    store<f32>(at + 12, flushed(<f32>load<f64>(wo + o)));
  }
  const rowBytes = <usize>padded * 4;
  const zero = f32x4.splat(0);
  const init = f32x4.splat(<f32>bo);
  for (let r = 0; r < padded; r += 12) {
    const x = x32 + <usize>r * 4;
    // The twelve rows' inputs stay in registers.
    const x00 = v128.load(x), x01 = v128.load(x, 16), x02 = v128.load(x, 32);
    const x10 = v128.load(x + rowBytes), x11 = v128.load(x + rowBytes, 16), x12 = v128.load(x + rowBytes, 32);
    let s0 = init, s1 = init, s2 = init;
    for (let j = 0; j < units; j++) {
      const at = scratch + <usize>j * 16;
      const w0 = v128.load32_splat(at);
      const w1 = v128.load32_splat(at + 4);
      const bj = v128.load32_splat(at + 8);
      const v = v128.load32_splat(at + 12);
      let a0 = f32x4.add(f32x4.add(bj, f32x4.mul(w0, x00)), f32x4.mul(w1, x10));
      let a1 = f32x4.add(f32x4.add(bj, f32x4.mul(w0, x01)), f32x4.mul(w1, x11));
      let a2 = f32x4.add(f32x4.add(bj, f32x4.mul(w0, x02)), f32x4.mul(w1, x12));
      if (relu) {
        a0 = f32x4.pmax(zero, a0);
        a1 = f32x4.pmax(zero, a1);
        a2 = f32x4.pmax(zero, a2);
      }
      s0 = f32x4.add(s0, f32x4.mul(v, a0));
      s1 = f32x4.add(s1, f32x4.mul(v, a1));
      s2 = f32x4.add(s2, f32x4.mul(v, a2));
    }
    // Widened to float64 (exactly), two rows a store.
    const o = outZ + <usize>r * F64;
    v128.store(o, f64x2.promote_low_f32x4(s0));
    v128.store(o, f64x2.promote_low_f32x4(v128.shuffle<u32>(s0, s0, 2, 3, 0, 1)), 16);
    v128.store(o, f64x2.promote_low_f32x4(s1), 32);
    v128.store(o, f64x2.promote_low_f32x4(v128.shuffle<u32>(s1, s1, 2, 3, 0, 1)), 48);
    v128.store(o, f64x2.promote_low_f32x4(s2), 64);
    v128.store(o, f64x2.promote_low_f32x4(v128.shuffle<u32>(s2, s2, 2, 3, 0, 1)), 80);
  }
}
