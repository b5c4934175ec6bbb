// Shared helpers of the data tests (not a test file itself).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as os from 'node:os';
import * as realFs from 'node:fs';
import type { DataSpec } from '../../../src/core/experiment/experiment';
import type { ReadText } from '../../../src/core/data/dataset';

export const DATA_DIR = path.resolve(__dirname, '../../../data');

export function dataSpec(extra: Partial<DataSpec> = {}): DataSpec {
  return {
    source: 'moons',
    samples: 100,
    noise: 0.1,
    seed: 1,
    shuffle: true,
    train: 0.7,
    standardize: 'zscore',
    standardizeTarget: false,
    features: 10,
    informative: 3,
    classes: 3,
    window: 10,
    ...extra,
  };
}

export const readDisk: ReadText = (p) => fs.readFile(p, 'utf8');

/** A ReadText over in-memory files keyed by absolute path; records what was read. */
export function memoryFs(files: Record<string, string>): ReadText & { reads: string[] } {
  const reads: string[] = [];
  const fn = async (p: string) => {
    reads.push(p);
    const text = files[p];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
    return text;
  };
  return Object.assign(fn, { reads });
}

/** A fresh notebook folder under the system's temp folder holding `files` (relative paths). */
export function notebookFolder(files: Record<string, string>): string {
  const dir = realFs.mkdtempSync(path.join(os.tmpdir(), 'regnb-data-'));
  for (const [name, text] of Object.entries(files)) {
    realFs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    realFs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s / values.length;
}

/** Column j of a row-major matrix with `width` columns. */
export function column(x: Float32Array, width: number, j: number): number[] {
  const out: number[] = [];
  for (let i = j; i < x.length; i += width) out.push(x[i] as number);
  return out;
}

export function counts(y: ArrayLike<number>): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < y.length; i++) m.set(y[i] as number, (m.get(y[i] as number) ?? 0) + 1);
  return m;
}
