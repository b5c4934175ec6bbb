// The exact train/test rows a run trained on, as the CSV the exported scripts read
// (ScriptContext.dataCsv): a `split` column (train/test), a `target` column, then
// the inputs of one sample flattened row-major, already scaled as RegNB scaled them.

import type { Dataset } from '../data/dataset';

export function datasetCsv(d: Dataset): string {
  const width = d.featureNames.length;
  // Column names must not collide with split/target or repeat, whatever the data calls them.
  const inputs = d.featureNames.map((_, j) => `x${j}`);
  const lines = [['split', 'target', ...inputs].join(',')];
  const rows = (split: string, x: Float32Array, y: Float32Array, n: number) => {
    for (let i = 0; i < n; i++) {
      // Float32 values printed in full: parsing them back as float32 gives the same bits.
      const values = Array.from(x.subarray(i * width, (i + 1) * width), (v) => String(v));
      lines.push([split, String(y[i]), ...values].join(','));
    }
  };
  rows('train', d.xTrain, d.yTrain, d.nTrain);
  rows('test', d.xTest, d.yTest, d.nTest);
  return `${lines.join('\n')}\n`;
}
