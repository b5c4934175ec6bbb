// Bundles the CLI, the sweep and scoring threads, the charts' vega chunk (and, when present, the
// extension, training worker and renderer) with esbuild, and copies the wasm binaries the wasm backend loads at run time.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeBundle, vegaChunk } from './esbuildNode.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = nodeBundle(production);
// The bundles the CLI loads through V8's code cache (src/worker/cachedBundle.ts), which
// cannot run import(): esbuild writes each as a require, and the build checks.
const cached = { ...node, supported: { 'dynamic-import': false } };
const CACHED = ['cliMain.js', 'sweepWorker.js', 'scoringWorker.js'];

const targets = [
  // `regnb` itself: a few KB that load the CLI's bundle, dist/cliMain.js, through V8's code cache.
  { ...node, entryPoints: [join(root, 'src/cli/bin.ts')], outfile: join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
  { ...cached, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(dist, 'cliMain.js') },
];
if (existsSync(join(root, 'src/worker/trainingWorker.ts'))) {
  targets.push({ ...node, entryPoints: [join(root, 'src/worker/trainingWorker.ts')], outfile: join(dist, 'worker.js') });
}
targets.push({ ...cached, entryPoints: [join(root, 'src/worker/sweepWorker.ts')], outfile: join(dist, 'sweepWorker.js') });
// The record's scoring thread (src/worker/scoringThread.ts): the fused engine's scorer, no TensorFlow.js.
targets.push({ ...cached, entryPoints: [join(root, 'src/worker/scoringWorker.ts')], outfile: join(dist, 'scoringWorker.js') });
// What the CLI's sweep threads load their bundle through, with V8's code cache (src/worker/cachedBundle.ts).
targets.push({ ...node, entryPoints: [join(root, 'src/worker/cachedBundle.ts')], outfile: join(dist, 'cachedBundle.js') });
// vega and vega-lite, which the CLI and the extension load only to draw charts.
targets.push(vegaChunk(production, dist));
if (existsSync(join(root, 'src/extension/extension.ts'))) {
  targets.push({ ...node, entryPoints: [join(root, 'src/extension/extension.ts')], outfile: join(dist, 'extension.js') });
}
if (existsSync(join(root, 'renderers/index.ts'))) {
  targets.push({
    bundle: true, platform: 'browser', format: 'esm', target: 'es2022', sourcemap: !production, minify: production,
    entryPoints: [join(root, 'renderers/index.ts')], outfile: join(dist, 'renderer.js'), logLevel: 'warning',
  });
}

// The fused engine's WebAssembly kernels, as the module the bundles embed.
await import('./buildWasm.mjs');

mkdirSync(dist, { recursive: true });
const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
for (const f of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) copyFileSync(join(wasmDir, f), join(dist, f));

if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
  for (const f of CACHED) {
    if (/\bimport\(/.test(readFileSync(join(dist, f), 'utf8'))) throw new Error(`dist/${f} calls import(), which fails when it is loaded from the code cache`);
  }
}
