// Epoch rows as they cross between threads: one Float64Array, not an array of objects.
// A sweep thread sends every row of each alpha's repeat 0 when its chunk is done (3000
// rows for a chunk of 3 alphas x 1000 epochs): as objects, the structured clone took
// ~10 ms to write in the thread and ~25 ms to read in the coordinating thread, the last
// chunk's on the path to the run's end; packed, both are a copy. Every field travels
// as it is (float64 holds each number to the bit, -0 and NaN included): nothing is
// recomputed on the other side.

import type { EpochRow } from '../core/run/epochRow';

export interface PackedRows {
  /** Weighted layers of the rows' network (the length of `penalty` and `norms`). */
  layers: number;
  /** Per row: epoch, dataLoss, totalLoss, trainLoss, testLoss, trainMetric, testMetric, penalty (layers), norms (4 per layer). */
  values: Float64Array;
}

const SCALARS = 7;
const NORMS = 4;

const widthOf = (layers: number) => SCALARS + layers * (1 + NORMS);

export function packRows(rows: readonly EpochRow[]): PackedRows {
  const layers = rows.length > 0 ? rows[0].penalty.length : 0;
  const width = widthOf(layers);
  const values = new Float64Array(rows.length * width);
  rows.forEach((r, i) => {
    let at = i * width;
    values[at++] = r.epoch;
    values[at++] = r.dataLoss;
    values[at++] = r.totalLoss;
    values[at++] = r.trainLoss;
    values[at++] = r.testLoss;
    values[at++] = r.trainMetric;
    values[at++] = r.testMetric;
    for (let k = 0; k < layers; k++) values[at++] = r.penalty[k];
    for (let k = 0; k < layers; k++) for (let j = 0; j < NORMS; j++) values[at++] = r.norms[k][j];
  });
  return { layers, values };
}

export function unpackRows({ layers, values }: PackedRows): EpochRow[] {
  const width = widthOf(layers);
  const rows: EpochRow[] = new Array(values.length / width);
  for (let i = 0; i < rows.length; i++) {
    const at = i * width;
    const penalty = new Array<number>(layers);
    const norms = new Array<[number, number, number, number]>(layers);
    for (let k = 0; k < layers; k++) {
      penalty[k] = values[at + SCALARS + k];
      const n = at + SCALARS + layers + NORMS * k;
      norms[k] = [values[n], values[n + 1], values[n + 2], values[n + 3]];
    }
    rows[i] = {
      epoch: values[at],
      dataLoss: values[at + 1],
      penalty,
      totalLoss: values[at + 2],
      trainLoss: values[at + 3],
      testLoss: values[at + 4],
      trainMetric: values[at + 5],
      testMetric: values[at + 6],
      norms,
    };
  }
  return rows;
}
