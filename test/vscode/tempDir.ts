// Fresh scratch folders for one run. Every run gets its own so parallel runs never share
// a user-data-dir (VS Code locks it) and nothing leaks between runs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { onExit } from './exitCleanup';

export interface TempDir {
  readonly path: string;
  /** Removes the folder unless REGNB_KEEP_TEMP=1 asks to keep it for debugging. */
  remove(): void;
}

export function makeTempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const removeNow = (): void => {
    if (process.env.REGNB_KEEP_TEMP === '1') {
      console.error(`[vscode-test] kept ${path}`);
      return;
    }
    // maxRetries: the extension host can still be closing files for a moment after it died.
    rmSync(path, { recursive: true, force: true, maxRetries: 5 });
  };
  // Also removed when the run is interrupted before remove() is reached.
  const forget = onExit(removeNow);
  return {
    path,
    remove() {
      forget();
      removeNow();
    },
  };
}

/**
 * Copies a workspace folder into `parent` (keeping its name, which the window shows) and
 * returns the copy. Tests then run against the copy: VS Code saves notebooks and the
 * extension writes run stores, and neither may change files in the repository.
 */
export function copyWorkspace(folder: string, parent: string): string {
  const copy = join(parent, basename(resolve(folder)));
  cpSync(resolve(folder), copy, { recursive: true });
  return copy;
}
