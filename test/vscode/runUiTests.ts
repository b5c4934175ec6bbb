// Mode B: UI smoke tests (node:test files using uiSession.ts and workbench.ts) against
// code-server with the extension installed from a .vsix, as users get it.
//
//   node --import tsx test/vscode/runUiTests.ts (--vsix FILE | --extension DIR) \
//     --workspace DIR [--timeout SECONDS] TEST_FILE...
//
// --extension packages the folder with vsce first. The test files run one after the
// other (each starts its own window), under an overall time-out. Exits with node:test's
// exit code; screenshots land in test-results/vscode-ui/.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageVsix } from './packageVsix';
import { killListedGroups, spawnGroup, stopGroup, sweepOnExit } from './processGroup';
import { makeTempDir } from './tempDir';

export interface UiTestOptions {
  readonly vsix: string;
  readonly workspace: string;
  readonly files: readonly string[];
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Runs the test files in a child `node --test` and resolves with its exit code. */
export async function runUiTests(options: UiTestOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scratch = makeTempDir('regnb-ui-run');
  const groupsFile = join(scratch.path, 'process-groups');
  const forgetSweep = sweepOnExit(groupsFile);
  const args = ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...options.files.map((f) => resolve(f))];
  const child = spawnGroup(process.execPath, args, {
    // `--import tsx` resolves from here, whatever the caller's folder.
    cwd: resolve(__dirname, '..', '..'),
    stdio: 'inherit',
    env: {
      ...process.env,
      REGNB_UI_VSIX: resolve(options.vsix),
      REGNB_UI_WORKSPACE: resolve(options.workspace),
      REGNB_PROCESS_GROUPS_FILE: groupsFile,
    },
  });
  const pgid = child.pid as number;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<number>((resolveCode) => {
      child.once('exit', (code, signal) => resolveCode(code ?? (signal ? 1 : 0)));
      timer = setTimeout(() => {
        console.error(`[vscode-ui] UI tests did not finish within ${timeoutMs / 1000} s (--timeout); stopping them`);
        // SIGTERM first: the test processes then stop their code-server and browser.
        void stopGroup(pgid, 10_000);
      }, timeoutMs);
    });
  } finally {
    clearTimeout(timer);
    // Anything a killed test process could not clean up itself.
    const leftovers = killListedGroups(groupsFile);
    if (leftovers > 0) console.error(`[vscode-ui] killed ${leftovers} code-server process group(s) still running after the tests`);
    forgetSweep();
    scratch.remove();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      vsix: { type: 'string' },
      extension: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  if ((!values.vsix && !values.extension) || !values.workspace || positionals.length === 0) {
    console.error('Usage: runUiTests.ts (--vsix FILE | --extension DIR) --workspace DIR [--timeout SECONDS] TEST_FILE...');
    process.exit(2);
  }
  const scratch = makeTempDir('regnb-vsix');
  try {
    const vsix = values.vsix ?? (await packageVsix(values.extension as string, join(scratch.path, 'extension.vsix')));
    const code = await runUiTests({
      vsix,
      workspace: values.workspace,
      files: positionals,
      timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined,
    });
    console.error(`[vscode-ui] UI tests ${code === 0 ? 'passed' : `failed (exit code ${code})`}`);
    process.exitCode = code;
  } catch (error) {
    console.error(`[vscode-ui] ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    scratch.remove();
  }
}

if (require.main === module) void main();
