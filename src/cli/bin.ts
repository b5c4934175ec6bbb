// What `regnb` runs (dist/cli.js): loads the CLI's bundle, dist/cliMain.js, through V8's
// code cache (src/worker/cachedBundle.ts), which took the bundle's parse and compile,
// about a third of every start, out of every run after the first. REGNB_CODE_CACHE=0,
// or no per-user cache folder, loads it as `require` does.

import * as path from 'node:path';
import { codeCacheDir, loadCachedBundle } from '../worker/cachedBundle';

type Cli = { runFromCommandLine(): void };

const bundle = path.join(__dirname, 'cliMain.js');
const cacheDir = codeCacheDir();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cli = (cacheDir ? loadCachedBundle(bundle, cacheDir).exports : require(bundle)) as Cli;
cli.runFromCommandLine();
