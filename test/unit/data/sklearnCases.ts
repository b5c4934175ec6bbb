// The cases the scikit-learn tests share: what a case is, scikit-learn's arrays as JSON,
// and RegNB's arrays of a case (not a test file itself).
import * as path from 'node:path';
import type { ElementaryFunctions } from '../../../src/core/data/correctlyRounded';
import { CORRECTLY_ROUNDED } from '../../../src/core/data/correctlyRounded';
import { makeBlobs, makeCircles, makeMoons, type SampleArrays } from '../../../src/core/data/sklearnSamples';

/** One call of make_moons / make_circles (factor 0.5) / make_blobs (centers = classes, cluster_std = noise). */
export interface Case {
  kind: 'moons' | 'circles' | 'blobs';
  samples: number;
  noise: number;
  seed: number;
  shuffle: boolean;
  classes?: number;
}

/** A case's arrays as scikit-learn's script prints them. */
export interface Arrays {
  x: number[];
  y: number[];
  centers?: number[];
}

export const SKLEARN_SCRIPT = path.resolve(__dirname, '../../../scripts/make-sklearn-fixtures.py');

/** RegNB's arrays of the case, with the given elementary functions. */
export function ours(c: Case, fns: ElementaryFunctions = CORRECTLY_ROUNDED): SampleArrays & { centers?: Float64Array } {
  if (c.kind === 'moons') return makeMoons(c, fns);
  if (c.kind === 'circles') return makeCircles({ ...c, factor: 0.5 }, fns);
  return makeBlobs({ ...c, classes: c.classes as number, std: c.noise }, fns);
}

export function label(c: Case): string {
  return `${c.kind} n=${c.samples} noise=${c.noise} seed=${c.seed} shuffle=${c.shuffle}${c.classes ? ` classes=${c.classes}` : ''}`;
}
