// Bundles a TypeScript test module (and mocha with it) into one CommonJS file that the
// extension host can require from anywhere: nothing is resolved from node_modules at
// run time, so the test module works from a temp folder and in an installed extension.
import { build } from 'esbuild';
import { join, resolve } from 'node:path';

/**
 * Bundles `entry` into `outDir` and returns the path of the module to hand to the
 * extension host. Only `vscode` stays external.
 */
export async function bundleTestModule(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, 'test-module.js');
  const result = await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // No source map: the extension host replaces Error.prepareStackTrace, so Node would
    // not apply it. The bundle is not minified, so stack frames stay readable.
    sourcemap: false,
    logLevel: 'silent',
  });
  for (const warning of result.warnings) {
    // mocha's parallel mode (never used in the extension host) resolves files at run time.
    if (/parallel-buffered|"\.\/worker\.js"/.test(warning.text)) continue;
    console.error(`[bundle] ${warning.text}`);
  }
  return outfile;
}
