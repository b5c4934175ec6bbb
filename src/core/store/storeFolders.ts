// The store folders a user names besides the default one (`.regnb` beside each
// notebook): the folders a CLI `--store DIR` wrote to, e.g. a cluster's shared volume
// mounted into the workspace. The editor's setting `regnb.storeFolders` lists them;
// each is checked here, before anything reads it, and a bad entry is named with the
// setting and its place. Pure: no `vscode`.

import * as path from 'path';
import { escapeControl } from '../text/escapeControl';

export const STORE_FOLDERS_SETTING = 'regnb.storeFolders';
/** More store folders than anyone mounts; each is read for every notebook in the tree. */
export const MAX_STORE_FOLDERS = 32;
/** Longest entry, in characters (far beyond any real path). */
export const MAX_STORE_FOLDER_LENGTH = 4096;

export interface StoreFolders {
  /** Absolute, normalized, without duplicates, in the order given. */
  folders: string[];
  /** One message per bad entry (the entry left out), naming the setting and the entry. */
  problems: string[];
}

/**
 * The folders of the setting's `value`: paths relative to `base` (the workspace folder
 * the setting belongs to) or absolute. Entries that are not non-empty strings, hold
 * control characters, are relative without a folder to resolve them against, or are
 * past the limits are left out, each with a problem.
 */
export function resolveStoreFolders(value: unknown, base: string | undefined): StoreFolders {
  if (value === undefined || value === null) return { folders: [], problems: [] };
  if (!Array.isArray(value)) return { folders: [], problems: [`${STORE_FOLDERS_SETTING} must be an array of folder paths, not ${shown(value)}`] };
  const folders: string[] = [];
  const problems: string[] = [];
  value.forEach((entry: unknown, i) => {
    const bad = (why: string) => problems.push(`${STORE_FOLDERS_SETTING}: entry ${i + 1} (${shown(entry)}) ${why}; it is left out`);
    if (i >= MAX_STORE_FOLDERS) {
      if (i === MAX_STORE_FOLDERS) problems.push(`${STORE_FOLDERS_SETTING}: more than ${MAX_STORE_FOLDERS} folders; entries from ${MAX_STORE_FOLDERS + 1} on are left out`);
      return;
    }
    if (typeof entry !== 'string') return bad('is not a folder path (a string)');
    if (entry.trim() === '') return bad('is empty');
    if (entry.length > MAX_STORE_FOLDER_LENGTH) return bad(`is longer than ${MAX_STORE_FOLDER_LENGTH} characters`);
    if (escapeControl(entry) !== entry) return bad('holds a control character');
    if (!path.isAbsolute(entry) && base === undefined) return bad('is a relative path, and there is no workspace folder to resolve it against');
    const folder = path.resolve(base ?? '/', entry);
    if (!folders.includes(folder)) folders.push(folder);
  });
  return { folders, problems };
}

/** A value as a message shows it: JSON, control characters escaped, cut to 60 characters. */
function shown(value: unknown): string {
  const text = escapeControl(JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
