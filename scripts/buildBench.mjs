// Bundles the bench's RegNB jobs into bench/.bundle (gitignored) with the options of the
// bundles users run (scripts/esbuildNode.mjs): under tsx every cross-module call goes
// through a CommonJS export getter, which cost the fused epochs ~1.3x, a cost no user pays.
// The folder is two levels below the repo, as bench/regnb is, so the jobs' REPO_ROOT
// (bench/regnb/common.ts) holds in both; the sweep thread's bundle sits beside the worker,
// where src/worker/sweepWorkerEntry.ts looks for it.
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { nodeBundle, vegaChunk } from './esbuildNode.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench/.bundle');

await import('./buildWasm.mjs');
const node = nodeBundle(false);
// worker.js is loaded through V8's code cache (bench/regnb/launch.ts), which cannot run
// import(): written as require, as the CLI's cached bundles are (scripts/build.mjs).
const cached = { ...node, supported: { 'dynamic-import': false } };
await esbuild.build({ ...cached, entryPoints: [join(root, 'bench/regnb/worker.ts')], outfile: join(out, 'worker.js') });
await Promise.all([
  ['bench/regnb/launch.ts', 'launch.js'],
  ['src/worker/sweepWorker.ts', 'sweepWorker.js'],
  ['src/worker/scoringWorker.ts', 'scoringWorker.js'],
  ['bench/fusedKernels.ts', 'fusedKernels.js'],
].map(([entry, file]) => esbuild.build({ ...node, entryPoints: [join(root, entry)], outfile: join(out, file) })).concat(esbuild.build(vegaChunk(false, out))));
