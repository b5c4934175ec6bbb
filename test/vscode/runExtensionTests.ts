// Mode A: runs a mocha test module inside the real extension host of code-server, with
// the extension under development loaded from its folder (no packaging).
//
//   node --import tsx test/vscode/runExtensionTests.ts \
//     --extension <folder with package.json> --workspace <folder> --tests <module>
//
// --tests is either a CommonJS module exporting `run(): Promise<void>` or a .ts entry
// that is bundled (with mocha) first. The extension host inherits this process's
// environment. Exits with the tests' exit code; 1 on timeout or harness errors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { bundleTestModule } from './bundleTestModule';
import { launchChromium } from './chromium';
import { startCodeServer, type CodeServer } from './codeServer';
import { copyWorkspace, makeTempDir, type TempDir } from './tempDir';
import { withTimeout } from './waitFor';

export interface ExtensionTestOptions {
  /** Folder holding the extension's package.json (extensionDevelopmentPath). */
  readonly extensionPath: string;
  /** Folder opened in the window; a fresh copy of it unless `inPlace`. */
  readonly workspace: string;
  /** Open `workspace` itself instead of a copy (tests may then change its files). */
  readonly inPlace?: boolean;
  /** Test module (.js exporting run()) or a .ts entry to bundle. */
  readonly tests: string;
  /** Overall limit for start-up plus all tests. */
  readonly timeoutMs?: number;
  /** Also print the workbench's own browser console (noisy; for debugging the harness). */
  readonly verbose?: boolean;
  /** Where the window's logs go when the tests fail. */
  readonly logsDir?: string;
}

interface AutomationLog {
  readonly relativePath: string;
  readonly contents: string;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * codeAutomationLog carries the window's own log as well as the extension host's
 * console, with nothing to tell them apart. These are the window's routine start-up
 * messages in 1.100.3; they are hidden unless --verbose. Anything else is shown.
 */
const WORKBENCH_CHATTER = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(renderer-/,
  /additional builtin extensions/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution '.*' took \d+ms/,
];

/** Runs the tests and resolves with their exit code (never rejects for test failures). */
export async function runExtensionTests(options: ExtensionTestOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scratch = makeTempDir('regnb-ext-tests');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    const testModule = await testModulePath(options.tests, scratch);
    const workspace = options.inPlace ? options.workspace : copyWorkspace(options.workspace, scratch.path);
    const message = `VS Code extension tests did not finish within ${timeoutMs / 1000} s (--timeout)`;
    let timedOut = false;
    const run = async (): Promise<number> => {
      const started = await startCodeServer({ env: { ...process.env, ...colorEnv() } });
      // After a time-out the finally block below has already run: stop what started late.
      if (timedOut) await started.stop().then(() => Promise.reject(new Error(message)));
      server = started;
      const launched = await launchChromium();
      if (timedOut) await launched.close().then(() => Promise.reject(new Error(message)));
      browser = launched;
      return await runInWindow(server, browser, testModule, { ...options, workspace });
    };
    return await withTimeout(run(), timeoutMs, message).catch((error: Error) => {
      if (error.message === message) timedOut = true;
      throw error;
    });
  } catch (error) {
    console.error(`[vscode-test] ${(error as Error).message}`);
    if (server) console.error(`--- code-server log (tail) ---\n${server.logTail()}`);
    return 1;
  } finally {
    // Cleanup runs on success, failure and timeout alike.
    await browser?.close().catch(() => undefined);
    await server?.stop();
    scratch.remove();
  }
}

async function testModulePath(tests: string, scratch: TempDir): Promise<string> {
  if (/\.[cm]?tsx?$/.test(tests)) return bundleTestModule(tests, scratch.path);
  return resolve(tests);
}

/** Mocha's colours only when a person is watching. */
function colorEnv(): NodeJS.ProcessEnv {
  return process.stdout.isTTY ? { REGNB_TEST_COLOR: '1' } : {};
}

async function runInWindow(server: CodeServer, browser: Browser, testModule: string, options: ExtensionTestOptions): Promise<number> {
  const page = await browser.newPage();
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolveCode) => (resolveExit = resolveCode));

  // The workbench calls these when they exist on window; they must be there before it loads.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (!options.verbose && type === 'info' && WORKBENCH_CHATTER.some((pattern) => pattern.test(line))) return;
    (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number, logs?: AutomationLog[]) => {
    if (code !== 0 && logs) saveLogs(logs, options.logsDir);
    resolveExit(code);
  });
  if (options.verbose) page.on('console', (message) => console.error(`[browser] ${message.text()}`));
  page.on('pageerror', (error) => console.error(`[browser] page error: ${error.message}`));
  const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('The browser page crashed'))));

  const url = server.workbenchUrl(options.workspace, [
    ['extensionDevelopmentPath', server.remoteUri(options.extensionPath)],
    ['extensionTestsPath', server.remoteUri(testModule)],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(url);
  return Promise.race([exited, crashed]);
}

function saveLogs(logs: AutomationLog[], logsDir = join('test-results', 'vscode-logs')): void {
  const root = resolve(logsDir, new Date().toISOString().replace(/[:.]/g, '-'));
  for (const log of logs) {
    const file = join(root, log.relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, log.contents);
  }
  console.error(`[vscode-test] window logs saved in ${root}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      workspace: { type: 'string' },
      tests: { type: 'string' },
      timeout: { type: 'string' },
      'logs-dir': { type: 'string' },
      'in-place': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  if (!values.extension || !values.workspace || !values.tests) {
    console.error('Usage: runExtensionTests.ts --extension DIR --workspace DIR --tests MODULE[.ts|.js] [--timeout SECONDS] [--logs-dir DIR] [--in-place] [--verbose]');
    process.exit(2);
  }
  const code = await runExtensionTests({
    extensionPath: values.extension,
    workspace: values.workspace,
    tests: values.tests,
    timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined,
    logsDir: values['logs-dir'],
    inPlace: values['in-place'],
    verbose: values.verbose,
  });
  console.error(`[vscode-test] extension tests ${code === 0 ? 'passed' : `failed (exit code ${code})`}`);
  process.exit(code);
}

if (require.main === module) void main();
