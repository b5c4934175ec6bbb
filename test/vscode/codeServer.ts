// Starts and stops code-server (VS Code 1.100.3's server, run in a browser) for one test
// run: free port, fresh user-data-dir, settings that keep the welcome page, the trust
// prompt and all network checks out of the way. Install it first with
// test/vscode/install-code-server.sh.
import { execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { spawnGroup, stopGroup } from './processGroup';
import { makeTempDir, type TempDir } from './tempDir';
import { waitFor } from './waitFor';

export const CODE_SERVER_VERSION = '4.100.3';
const HOST = '127.0.0.1';

/**
 * Settings for a fresh profile. Restricted Mode is the one real source of flakiness:
 * in it `notebook.execute` silently does nothing, so trust is switched off here and on
 * the command line.
 */
const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  // An installed extension's walkthrough would otherwise open and take the editor area.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // Git scanning of the workspace is noise for these tests.
  'git.enabled': false,
  // Files change only when a test saves them (they are copies anyway, see copyWorkspace).
  'files.autoSave': 'off',
};

export interface CodeServerOptions {
  /** Extensions folder; a fresh empty one when omitted. It is created if missing. */
  readonly extensionsDir?: string;
  /** Settings merged over the defaults above. */
  readonly settings?: Record<string, unknown>;
  /** Environment of the server, inherited by the extension host (defaults to process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Folder opened when the page URL names none. */
  readonly workspace?: string;
  /** Fixed port (for people serving it by hand); a free one when omitted. */
  readonly port?: number;
}

export interface CodeServer {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** code-server's own output (also holds the extension host's stderr). */
  readonly logFile: string;
  /** `vscode-remote://` URI of a path on this machine, as the workbench payload wants it. */
  remoteUri(path: string): string;
  /** Workbench URL opening `folder`, with `payload` entries (e.g. extensionDevelopmentPath). */
  workbenchUrl(folder: string, payload?: ReadonlyArray<readonly [string, string]>): string;
  /** Last lines of the log, for error messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** Folder holding the installed code-server (see install-code-server.sh). */
export function codeServerCacheDir(): string {
  return process.env.REGNB_CODE_SERVER_CACHE ?? join(homedir(), '.cache', 'regnb', `code-server-${CODE_SERVER_VERSION}`);
}

/** Path of code-server's entry script; throws a how-to-fix message when it is not installed. */
export function codeServerEntry(): string {
  const cache = codeServerCacheDir();
  const entry = join(cache, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(join(cache, '.install-complete')) || !existsSync(entry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${cache}. Run test/vscode/install-code-server.sh first.`);
  }
  return entry;
}

/** Installs a .vsix into `extensionsDir` with code-server's own CLI (what users get). */
export async function installVsix(vsix: string, extensionsDir: string, userDataDir: string): Promise<void> {
  // code-server refuses to install into a folder that does not exist yet.
  mkdirSync(extensionsDir, { recursive: true });
  const args = [codeServerEntry(), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', resolve(vsix), '--force'];
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { env: galleryOff(process.env), timeout: 120_000 });
  if (!/successfully installed/i.test(stdout + stderr)) {
    throw new Error(`Installing ${vsix} failed:\n${stdout}${stderr}`);
  }
}

/** Starts code-server on a free port and resolves once /healthz answers. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  // The free port can be taken between probing and binding; a fresh port on retry fixes that.
  let lastError: unknown;
  for (let attempt = 0; attempt < (options.port ? 1 : 3); attempt++) {
    const temp = makeTempDir('regnb-code-server');
    try {
      return await startOnce(temp, options);
    } catch (error) {
      temp.remove();
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(temp: TempDir, options: CodeServerOptions): Promise<CodeServer> {
  const entry = codeServerEntry();
  const port = options.port ?? (await freePort());
  const userDataDir = join(temp.path, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(temp.path, 'extensions');
  const logFile = join(temp.path, 'code-server.log');
  writeSettings(userDataDir, { ...DEFAULT_SETTINGS, ...options.settings });
  mkdirSync(extensionsDir, { recursive: true });

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    // Without --config code-server creates ~/.config/code-server/config.yaml.
    '--config', join(temp.path, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    // Off unless the settings switch trust on (a test of Restricted Mode).
    ...(options.settings?.['security.workspace.trust.enabled'] === true ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(options.workspace ? [resolve(options.workspace)] : []),
  ];
  const log = createWriteStream(logFile);
  const child = spawnGroup(process.execPath, args, {
    env: galleryOff(options.env ?? process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const pgid = child.pid as number;

  let stopped = false;
  const server: CodeServer = {
    port,
    origin: `http://${HOST}:${port}`,
    userDataDir,
    extensionsDir,
    logFile,
    remoteUri: (path) => `vscode-remote://${HOST}:${port}${encodeURI(resolve(path))}`,
    workbenchUrl(folder, payload = []) {
      const query = new URLSearchParams({ folder: resolve(folder) });
      if (payload.length > 0) query.set('payload', JSON.stringify(payload));
      return `${server.origin}/?${query.toString()}`;
    },
    logTail: (lines = 40) => readLog(logFile).split('\n').slice(-lines).join('\n'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopGroup(pgid);
      log.end();
      temp.remove();
    },
  };

  try {
    await waitForHealthy(server, child);
  } catch (error) {
    const tail = server.logTail();
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- code-server log ---\n${tail}`);
  }
  return server;
}

async function waitForHealthy(server: CodeServer, child: ChildProcess): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `code-server exited early (code ${code}, signal ${signal})`));
  await waitFor(
    async () => {
      if (exited) throw new Error(exited);
      const response = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      return response.status === 200;
    },
    { what: `${server.origin}/healthz`, timeoutMs: 60_000, intervalMs: 100 },
  ).catch((error: Error) => {
    throw exited ? new Error(exited) : error;
  });
}

function writeSettings(userDataDir: string, settings: Record<string, unknown>): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** An empty gallery: the marketplace is unreachable here and must not be tried. */
function galleryOff(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, EXTENSIONS_GALLERY: '{}' };
}

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
