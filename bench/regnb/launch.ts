// Loads RegNB's bench jobs (bench/.bundle/worker.js) as `regnb run` loads the CLI
// (src/cli/bin.ts): the fused kernels' V8 flag first, then the bundle through V8's code
// cache, one cache per job kind, written when the kind's first process exits. The bench
// gives each of its runs a fresh cache folder (REGNB_BENCH_CODE_CACHE), which benchmark
// 1's warm job fills: the cold runs then start as a user's every run but the first does.
// Without the variable (the cold row "first run") the bundle loads as `require` does.

import * as path from 'node:path';
import { allowCompilationHints } from '../../src/core/engine/fused/compilationHints';
import { loadCachedBundle } from '../../src/worker/cachedBundle';

allowCompilationHints();
const bundle = path.join(__dirname, 'worker.js');
const cacheDir = process.env.REGNB_BENCH_CODE_CACHE;
if (cacheDir) loadCachedBundle(bundle, cacheDir, undefined, { variant: process.env.REGNB_BENCH_CACHE_VARIANT, writeAt: 'exit' });
// eslint-disable-next-line @typescript-eslint/no-require-imports
else require(bundle);
