// A data set's fingerprint: the shards of a sweep and its merge must have trained and
// scored on the same rows (a CSV file edited between two jobs of an array must not
// mix into one sweep). Covers what training reads: the task, the shapes and the rows.

import { createHash } from 'crypto';
import type { Dataset } from './dataset';

/** SHA-256 (hex) of the task, the shapes and every training and test value of `data`. */
export function datasetFingerprint(data: Dataset): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ task: data.task, classes: data.classes, inputShape: data.inputShape, nTrain: data.nTrain, nTest: data.nTest }));
  for (const a of [data.xTrain, data.yTrain, data.xTest, data.yTest]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest('hex');
}
