// Where a worker thread's code is (a sweep thread's, the record's scoring thread's):
// dist/<name>.js beside the bundle that asks, or the TypeScript source when running
// unbundled (tests, tsx), which the thread then loads through tsx's require hook as its
// parent did.

import * as fs from 'fs';
import * as path from 'path';

/** What `new Worker(code, { eval })` runs: a file, or a bootstrap that loads the source. */
export interface ThreadEntry {
  code: string;
  eval: boolean;
}

/**
 * `codeCacheDir`: the per-user folder of V8 code caches (cachedBundle.ts), which the
 * thread loads its bundle through when dist/cachedBundle.js is there. The CLI passes
 * it; the editor's threads do not (its extension host's V8 is the editor's to manage).
 */
export function sweepWorkerEntry(codeCacheDir?: string): ThreadEntry {
  return threadEntry('sweepWorker', codeCacheDir);
}

/** The thread whose source is src/worker/<name>.ts and whose bundle is <name>.js. */
export function threadEntry(name: string, codeCacheDir?: string): ThreadEntry {
  const bundled = path.join(__dirname, `${name}.js`);
  if (fs.existsSync(bundled)) {
    const loader = path.join(__dirname, 'cachedBundle.js');
    if (!codeCacheDir || !fs.existsSync(loader)) return { code: bundled, eval: false };
    return { code: `require(${JSON.stringify(loader)}).loadCachedBundle(${JSON.stringify(bundled)}, ${JSON.stringify(codeCacheDir)});`, eval: true };
  }
  const source = path.join(__dirname, `${name}.ts`);
  return { code: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(source)});`, eval: true };
}
