// One VS Code window for UI tests (mode B): the packaged extension installed the way
// users get it (.vsix), code-server, headless Chromium and a page showing the workspace.
import { delimiter, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { installVsix, startCodeServer, type CodeServer } from './codeServer';
import { copyWorkspace, makeTempDir } from './tempDir';
import { screenshot, UI_TIMEOUT_MS, waitForWorkbench } from './workbench';

export interface UiSessionOptions {
  /** .vsix files to install; defaults to REGNB_UI_VSIX (set by runUiTests.ts). */
  readonly vsix?: readonly string[];
  /** Folder to open (a fresh copy of it); defaults to REGNB_UI_WORKSPACE (set by runUiTests.ts). */
  readonly workspace?: string;
  /** Settings merged over the harness defaults. */
  readonly settings?: Record<string, unknown>;
}

export interface UiSession {
  readonly page: Page;
  readonly server: CodeServer;
  /** Page errors and console errors so far, without the two known `vsda` 404s. */
  pageErrors(): string[];
  /** Runs `body`; on failure saves a screenshot named `name` before rethrowing. */
  capture<T>(name: string, body: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** This build of code-server asks for `vsda` (a signing module it does not ship): two 404s, harmless. */
const isKnownNoise = (text: string): boolean => /vsda/.test(text);

export async function startUiSession(options: UiSessionOptions = {}): Promise<UiSession> {
  const vsixFiles = options.vsix ?? (process.env.REGNB_UI_VSIX ?? '').split(delimiter).filter(Boolean);
  const workspace = options.workspace ?? process.env.REGNB_UI_WORKSPACE;
  if (vsixFiles.length === 0 || !workspace) {
    throw new Error('startUiSession needs a .vsix and a workspace (options, or REGNB_UI_VSIX and REGNB_UI_WORKSPACE as runUiTests.ts sets them)');
  }

  const scratch = makeTempDir('regnb-ui');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const cleanup = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    scratch.remove();
  };
  try {
    const extensionsDir = join(scratch.path, 'extensions');
    for (const vsix of vsixFiles) await installVsix(vsix, extensionsDir, join(scratch.path, 'install-user-data'));
    server = await startCodeServer({ extensionsDir, settings: options.settings });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // Also the limit for waits written directly in tests, e.g. locator.waitFor().
    page.setDefaultTimeout(UI_TIMEOUT_MS);

    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = `${message.text()} (${message.location().url})`;
      if (!isKnownNoise(text)) errors.push(`console error: ${text}`);
    });

    await page.goto(server.workbenchUrl(copyWorkspace(workspace, scratch.path)));
    await waitForWorkbench(page);
    const session: UiSession = {
      page,
      server,
      pageErrors: () => [...errors],
      async capture(name, body) {
        try {
          return await body();
        } catch (error) {
          const file = await screenshot(page, `FAILED-${name}`).catch(() => undefined);
          if (file) console.error(`[vscode-ui] screenshot of the failure: ${file}`);
          throw error;
        }
      },
      close: cleanup,
    };
    return session;
  } catch (error) {
    await cleanup();
    throw error;
  }
}
