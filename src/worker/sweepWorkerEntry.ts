// Where the sweep thread's code is: dist/sweepWorker.js beside the bundle that asks,
// or the TypeScript source when running unbundled (tests, tsx), which the thread then
// loads through tsx's require hook as its parent did.

import * as fs from 'fs';
import * as path from 'path';

/** What `new Worker(code, { eval })` runs: a file, or a bootstrap that loads the source. */
export interface ThreadEntry {
  code: string;
  eval: boolean;
}

export function sweepWorkerEntry(): ThreadEntry {
  const bundled = path.join(__dirname, 'sweepWorker.js');
  if (fs.existsSync(bundled)) return { code: bundled, eval: false };
  const source = path.join(__dirname, 'sweepWorker.ts');
  return { code: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(source)});`, eval: true };
}
