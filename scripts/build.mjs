// Bundles the CLI, the sweep thread (and, when present, the extension, training worker and renderer)
// with esbuild, and copies the wasm binaries the wasm backend loads at run time.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// Native or optional packages stay outside the bundle and load from node_modules.
// tsx/cjs: only asked for when running unbundled (sweepWorkerEntry.ts).
const external = ['vscode', '@tensorflow/tfjs-node', '@resvg/resvg-js', 'tsx/cjs'];

// vega and vega-lite are ES modules whose only top-level await is vega-canvas probing
// for the optional `canvas` package. Unbundled (tsx, tests) they must be loaded with a
// real dynamic import, which src/core/charts/renderSvg.ts does through a variable
// specifier. In the bundles, vega-canvas becomes a stub (SVG output needs no canvas)
// and those imports become literal ones that esbuild bundles, so neither the CLI nor
// the .vsix needs vega in node_modules.
const bundleVega = {
  name: 'bundle-vega',
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: join(root, 'scripts/stubs/vega-canvas.cjs') }));
    build.onLoad({ filter: /charts[\\/]renderSvg\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      const contents = text.replace(/importModule\('(vega|vega-lite)'\)/g, "import('$1')");
      if (contents === text) throw new Error('bundle-vega: renderSvg.ts no longer calls importModule(...)');
      return { contents, loader: 'ts' };
    });
  },
};

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The packages' ES module builds: bundled as CommonJS builds, every module importing
  // tfjs-core got its own copy of its ~1,000 exports (esbuild's __toESM), 0.16 s of
  // every start of the CLI and of each sweep thread.
  mainFields: ['module', 'main'],
  target: 'node20',
  sourcemap: !production,
  minify: production,
  external,
  plugins: [bundleVega],
  logLevel: 'warning',
};

const targets = [
  { ...node, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
];
if (existsSync(join(root, 'src/worker/trainingWorker.ts'))) {
  targets.push({ ...node, entryPoints: [join(root, 'src/worker/trainingWorker.ts')], outfile: join(dist, 'worker.js') });
}
targets.push({ ...node, entryPoints: [join(root, 'src/worker/sweepWorker.ts')], outfile: join(dist, 'sweepWorker.js') });
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
}
