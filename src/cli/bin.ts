// What `regnb` runs (dist/cli.js): loads the CLI's bundle, dist/cliMain.js, through V8's
// code cache (src/worker/cachedBundle.ts), which took the bundle's parse and compile,
// about a third of every start, out of every run after the first. REGNB_CODE_CACHE=0,
// or no per-user cache folder, loads it as `require` does.
//
// `regnb run` keeps a cache of its own, made when its first run exits: it then also holds
// the training code that run compiled, which a later run would otherwise compile in its
// first epochs. The V8 flag the fused kernels need is set before the load, since V8
// rejects a cache made under other flags (set later, it would reject every one).

import * as path from 'node:path';
import { allowCompilationHints } from '../core/engine/fused/compilationHints';
import { codeCacheDir, loadCachedBundle } from '../worker/cachedBundle';

type Cli = { runFromCommandLine(): void };

allowCompilationHints();
const bundle = path.join(__dirname, 'cliMain.js');
const cacheDir = codeCacheDir();
const training = process.argv[2] === 'run';
const options = training ? { variant: 'run', writeAt: 'exit' as const } : {};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cli = (cacheDir ? loadCachedBundle(bundle, cacheDir, undefined, options).exports : require(bundle)) as Cli;
cli.runFromCommandLine();
