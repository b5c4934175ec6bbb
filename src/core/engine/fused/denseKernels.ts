// A dense layer's forward and backward passes over unit-major values (unit u, row r at
// u * rows + r): hidden units outer, rows inner, so every inner loop runs over one
// contiguous row vector (V8 keeps these tight; the row count is the vector length).

import type { FusedDenseLayer } from './layout';

/** z = hin . W + b for `rows` rows. */
export function denseForward(l: FusedDenseLayer, params: Float64Array, hin: Float64Array, z: Float64Array, rows: number): void {
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

/**
 * The layer's weight gradients from dz (d loss / d z): into grads at the layer's
 * offsets; and, when `dhin` is given, d loss / d hin (overwritten), in the same pass.
 */
export function denseBackward(l: FusedDenseLayer, params: Float64Array, hin: Float64Array, dz: Float64Array, grads: Float64Array, dhin: Float64Array | null, rows: number): void {
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
