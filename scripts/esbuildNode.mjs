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
    plugins: [bundleVega],
    logLevel: 'warning',
  };
}
