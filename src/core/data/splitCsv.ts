// A data set as CSV with its train/test split, so that another tool can train on the
// very rows RegNB trains on (`regnb data`): one row per sample, training rows first in
// training order, then the test rows; the raw inputs (before any scaling), the target
// (the class index RegNB trains on, or the raw regression value), the class name when
// the classes have names, and a `split` column (train / test).
//
// Values are written as the float32 numbers RegNB holds, in the shortest decimal form
// that reads back to the same double (so reading a value as float64 and casting it to
// float32 gives RegNB's value exactly).

import type { Split } from './split';
import { sizeOf, type Table } from './table';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, inner quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** True when the class names say more than the class indices (iris' `setosa`, not moons' `0`). */
function namedClasses(table: Table): boolean {
  return table.classNames !== undefined && table.classNames.some((name, i) => name !== String(i));
}

/** `name`, or `regnb_name` (and so on) when an input column already has that name. */
function freeName(name: string, taken: readonly string[]): string {
  let n = name;
  while (taken.includes(n)) n = `regnb_${n}`;
  return n;
}

/** The CSV text of `table` split by `split`, lines ended by \n. */
export function splitCsv(table: Table, split: Split): string {
  const width = sizeOf(table.sampleShape);
  const named = namedClasses(table);
  const extra = ['target', ...(named ? ['class'] : []), 'split'].map((name) => freeName(name, table.featureNames));
  const header = [...table.featureNames, ...extra];
  const lines = [header.map(field).join(',')];
  const rows = (index: Int32Array, part: 'train' | 'test') => {
    for (const r of index) {
      const values: string[] = [];
      for (let j = 0; j < width; j++) values.push(String(table.x[r * width + j]));
      const y = table.y[r] as number;
      values.push(String(y));
      if (named) values.push(field((table.classNames as string[])[y] as string));
      values.push(part);
      lines.push(values.join(','));
    }
  };
  rows(split.train, 'train');
  rows(split.test, 'test');
  return `${lines.join('\n')}\n`;
}
