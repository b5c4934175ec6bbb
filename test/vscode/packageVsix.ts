// Packages an extension folder into a .vsix with @vscode/vsce (works offline). Uses the
// repo's devDependency when installed, else npx fetches vsce 3 from the npm registry once.
// vsce 3 is the last major that runs on Node 20.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export async function packageVsix(extensionDir: string, outFile: string): Promise<string> {
  const dir = resolve(extensionDir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  // Without runtime dependencies vsce need not run `npm list`. An extension that bundles
  // everything it imports (RegNB: its `dependencies` serve the CLI) says so with a
  // .vscodeignore, and is packaged without node_modules too.
  const bundled = existsSync(join(dir, '.vscodeignore'));
  const noDependencies = bundled || Object.keys(manifest.dependencies ?? {}).length === 0 ? ['--no-dependencies'] : [];
  const args = ['--yes', '@vscode/vsce@^3', 'package', ...noDependencies, '--out', resolve(outFile)];
  try {
    const run = promisify(execFile)('npx', args, { cwd: dir, env: { ...process.env, CI: 'true' }, timeout: 300_000 });
    // A vsce prompt (e.g. "LICENSE not found, continue?") reads EOF and fails instead of hanging.
    run.child.stdin?.end();
    await run;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`vsce package failed in ${dir}:\n${stdout}${stderr}`);
  }
  return resolve(outFile);
}
