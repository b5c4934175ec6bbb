// The esbuild options of every Node bundle users run (the CLI, the sweep thread, the
// extension, the training worker), shared with the bench's bundles (scripts/buildBench.mjs)
// so that the bench times the code as users run it.
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

// Native or optional packages stay outside the bundle and load from node_modules.
// tsx/cjs: only asked for when running unbundled (sweepWorkerEntry.ts).
const external = ['vscode', '@tensorflow/tfjs-node', '@resvg/resvg-js', 'tsx/cjs'];

// vega and vega-lite are ES modules whose only top-level await is vega-canvas probing
// for the optional `canvas` package. Unbundled (tsx, tests) they must be loaded with a
// real dynamic import, which src/core/charts/renderSvg.ts does through a variable
// specifier. Bundled, they are a bundle of their own, dist/vega.js (VEGA_CHUNK, built
// from scripts/vegaChunk.mjs, vega-canvas a stub: SVG output needs no canvas), which
// renderSvg.ts requires from beside the bundle that runs, only when a chart is drawn:
// 1.9 MB of code that every start of the CLI and of the extension parsed, 0.22 G
// instructions of a 0.73 G start, for the few runs that write charts. Neither the CLI
// nor the .vsix needs vega in node_modules.
export const VEGA_CHUNK = 'vega.js';
const stubs = {
  name: 'stubs',
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: join(root, 'scripts/stubs/vega-canvas.cjs') }));
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: join(root, 'scripts/stubs/node-fetch.cjs') }));
  },
};
const vegaFromChunk = {
  name: 'vega-from-chunk',
  setup(build) {
    build.onLoad({ filter: /charts[\\/]renderSvg\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      const exportName = { vega: 'vega', 'vega-lite': 'vegaLite' };
      // A variable path: esbuild leaves the require to run time instead of bundling the chunk.
      const contents = text.replace(/importModule\('(vega|vega-lite)'\)/g, (_, m) => `Promise.resolve().then(() => { const chunk = require('node:path').join(__dirname, '${VEGA_CHUNK}'); return require(chunk).${exportName[m]}; })`);
      if (contents === text) throw new Error('vega-from-chunk: renderSvg.ts no longer calls importModule(...)');
      return { contents, loader: 'ts' };
    });
  },
};

/** esbuild options of dist/vega.js, the chunk the Node bundles load vega and vega-lite from. */
export function vegaChunk(production, outdir) {
  return { ...nodeBundle(production), plugins: [stubs], entryPoints: [join(root, 'scripts/vegaChunk.mjs')], outfile: join(outdir, VEGA_CHUNK) };
}

/** esbuild options for a Node bundle; `production` minifies and drops the source map. */
export function nodeBundle(production) {
  return {
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
    plugins: [stubs, vegaFromChunk],
    logLevel: 'warning',
  };
}
