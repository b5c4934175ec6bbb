// Page helpers for UI tests against the VS Code workbench (1.100.3 in code-server).
// Each waits on a visible condition with a generous time-out: a cold start to a
// rendered notebook output takes about 8 s idle and up to 20 s on a loaded machine.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/**
 * Wait for each UI condition. Opening a notebook took 22 s with six VS Code windows on
 * two cores, so the default leaves room; REGNB_UI_TIMEOUT_MS overrides it.
 */
export const UI_TIMEOUT_MS = Number(process.env.REGNB_UI_TIMEOUT_MS) || 60_000;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string): RegExp => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

/** Resolves once the workbench has laid out its parts and connected to the server. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 2 * UI_TIMEOUT_MS });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 2 * UI_TIMEOUT_MS });
}

/** A row of the open quick-input list whose label is exactly `label`. */
function quickPickRow(page: Page, label: string): Locator {
  return page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
    .first();
}

async function closeQuickInput(page: Page): Promise<void> {
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P). `name` is the file name as the
 * list shows it; the row with exactly that name is clicked, not the first fuzzy match.
 */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(name);
  // File search is asynchronous and the list refills while it runs.
  await quickPickRow(page, name).click({ timeout: UI_TIMEOUT_MS });
  await closeQuickInput(page);
}

/** Waits until a notebook editor shows at least one code cell. */
export async function waitForNotebook(page: Page): Promise<void> {
  await page.locator('.notebookOverlay .monaco-list-row.code-cell-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * Runs a command from the palette (F1) by its exact title as shown, e.g.
 * "RegNB: Run All Experiments" (category, colon, title).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(`>${title}`);
  // The list filters asynchronously and fuzzy neighbours exist: click the exact title.
  await quickPickRow(page, title).click({ timeout: UI_TIMEOUT_MS });
  await closeQuickInput(page);
}

/**
 * The frame that holds the active notebook's rendered outputs. They live two frames
 * deep: the notebook webview, then its active content frame.
 */
export function notebookOutputFrame(page: Page): FrameLocator {
  return page.locator('.notebookOverlay').frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

/** A notification toast containing `text` (e.g. from showInformationMessage). */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
}

/** Opens an activity-bar view container by its title (the `title` in viewsContainers). */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const button = page.locator(`.activitybar a[aria-label^="${title.replace(/"/g, '\\"')}"]`).first();
  await button.click({ timeout: UI_TIMEOUT_MS });
}

/** A tree item in the visible side bar, by its accessible name. */
export function treeItem(page: Page, name: string | RegExp): Locator {
  return page.locator('.part.sidebar').getByRole('treeitem', { name }).first();
}

/** Saves a full-page screenshot to test-results/vscode-ui/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string, dir = join('test-results', 'vscode-ui')): Promise<string> {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}
