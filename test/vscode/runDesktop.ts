// Runs the same test module as mode A in desktop VS Code through @vscode/test-electron,
// for contributors who have (or can download) VS Code. On machines without internet,
// use runExtensionTests.ts (code-server) instead; this runner says so when it cannot
// find or download VS Code.
//
//   node --import tsx test/vscode/runDesktop.ts --extension DIR --workspace DIR \
//     --tests MODULE[.ts|.js] [--vscode /path/to/code]
//
// Without --vscode (or REGNB_VSCODE_EXECUTABLE) it downloads the version in
// package.json's engines to .vscode-test/. On Linux without a display run it under xvfb-run.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { bundleTestModule } from './bundleTestModule';
import { makeTempDir } from './tempDir';

const DOWNLOAD_TIMEOUT_MS = 20_000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      workspace: { type: 'string' },
      tests: { type: 'string' },
      vscode: { type: 'string' },
    },
  });
  if (!values.extension || !values.workspace || !values.tests) {
    console.error('Usage: runDesktop.ts --extension DIR --workspace DIR --tests MODULE[.ts|.js] [--vscode PATH]');
    return 2;
  }
  const executable = values.vscode ?? process.env.REGNB_VSCODE_EXECUTABLE;
  if (executable && !existsSync(executable)) {
    console.error(`[vscode-desktop] No VS Code at ${executable}.`);
    return 1;
  }

  const scratch = makeTempDir('regnb-desktop');
  try {
    const tests = /\.[cm]?tsx?$/.test(values.tests) ? await bundleTestModule(values.tests, scratch.path) : resolve(values.tests);
    return await runTests({
      extensionDevelopmentPath: resolve(values.extension),
      extensionTestsPath: tests,
      ...(executable ? { vscodeExecutablePath: executable } : { timeout: DOWNLOAD_TIMEOUT_MS }),
      launchArgs: [resolve(values.workspace), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    // VS Code ran and the tests failed: their output is already printed.
    if (error instanceof TestRunFailedError) return 1;
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `[vscode-desktop] Could not run desktop VS Code: ${message}\n` +
        '  No VS Code could be found or downloaded (this machine may have no internet).\n' +
        '  Pass --vscode /path/to/code (or REGNB_VSCODE_EXECUTABLE), or run the same tests in\n' +
        '  code-server: node --import tsx test/vscode/runExtensionTests.ts (see test/vscode/README.md).',
    );
    return 1;
  } finally {
    scratch.remove();
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
