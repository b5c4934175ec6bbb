// The extension's settings, read and checked in one place. A value that is not valid
// (settings.json edited by hand) falls back to its default with a warning that names
// the setting and the value, rather than failing a run later with a stack trace.

import * as vscode from 'vscode';
import { BACKEND_CHOICES, type BackendChoice } from '../core/engine/backendChoice';
import { defaultSweepThreads } from '../worker/threadCount';
import { DEFAULT_LIMITS, LIMIT_NAMES, limitValueProblem, MAX_WORKERS, type Limits } from '../core/limits/limits';
import { STORE_FOLDERS_SETTING, resolveStoreFolders } from '../core/store/storeFolders';

export interface Settings {
  backend: BackendChoice;
  /** Sweep threads, resolved: `regnb.workers` 0 means one per core (defaultSweepThreads). */
  workers: number;
  liveUpdateMs: number;
  /** The limits every cell is checked against (`regnb.limits.*`). */
  limits: Limits;
  /** CSV files may lie outside the notebook's folder (user settings only: a cloned workspace cannot widen it). */
  allowDataOutside: boolean;
  /** Store folders besides `.regnb` (regnb.storeFolders), absolute: each workspace folder's entries resolved against it. */
  storeFolders: string[];
}

export interface SettingsProblem {
  setting: string;
  message: string;
}

export function readSettings(): { settings: Settings; problems: SettingsProblem[] } {
  const config = vscode.workspace.getConfiguration('regnb');
  const problems: SettingsProblem[] = [];
  const pick = <T>(key: string, fallback: T, valid: (v: unknown) => v is T, expected: string): T => {
    const value = config.get<unknown>(key, fallback);
    if (valid(value)) return value;
    problems.push({ setting: `regnb.${key}`, message: `regnb.${key} must be ${expected}, not ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}` });
    return fallback;
  };
  const wholeIn = (lo: number, hi: number) => (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  const backend = pick<BackendChoice>('backend', 'auto', (v): v is BackendChoice => BACKEND_CHOICES.includes(v as BackendChoice), `one of ${BACKEND_CHOICES.join(', ')}`);
  const workers = pick('workers', 0, wholeIn(0, MAX_WORKERS), `a whole number from 0 (one per core) to ${MAX_WORKERS}`);
  const liveUpdateMs = pick('liveUpdateMs', 250, wholeIn(50, 5000), 'a whole number of milliseconds from 50 to 5000');
  const allowDataOutside = pick('allowDataOutsideNotebook', false, (v): v is boolean => typeof v === 'boolean', 'true or false');
  const limits = { ...DEFAULT_LIMITS };
  for (const name of LIMIT_NAMES) {
    limits[name] = pick(`limits.${name}`, DEFAULT_LIMITS[name], (v): v is number => limitValueProblem(v) === undefined, 'a number of at least 1');
  }
  const storeFolders = readStoreFolders(problems);
  return { settings: { backend, workers: workers === 0 ? defaultSweepThreads() : workers, liveUpdateMs, limits, allowDataOutside, storeFolders }, problems };
}

/** regnb.storeFolders of every workspace folder, relative entries resolved against their folder; bad entries left out, each a problem. */
function readStoreFolders(problems: SettingsProblem[]): string[] {
  const scopes = vscode.workspace.workspaceFolders?.map((f) => ({ config: vscode.workspace.getConfiguration('regnb', f.uri), base: f.uri.fsPath as string | undefined })) ?? [{ config: vscode.workspace.getConfiguration('regnb'), base: undefined }];
  const folders = new Set<string>();
  for (const { config, base } of scopes) {
    const resolved = resolveStoreFolders(config.get<unknown>('storeFolders', []), base);
    resolved.folders.forEach((f) => folders.add(f));
    for (const message of resolved.problems) if (!problems.some((p) => p.message === message)) problems.push({ setting: STORE_FOLDERS_SETTING, message });
  }
  return [...folders];
}

/** The limits from the settings (invalid values fall back to the defaults; SettingsReader reports them). */
export function readLimits(): Limits {
  return readSettings().settings.limits;
}

/** Reads the settings and tells the user, once per distinct problem, what was wrong. */
export class SettingsReader {
  private readonly reported = new Set<string>();

  read(): Settings {
    const { settings, problems } = readSettings();
    for (const p of problems) {
      if (this.reported.has(p.message)) continue;
      this.reported.add(p.message);
      void vscode.window.showWarningMessage(`RegNB: ${p.message}.`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', p.setting);
      });
    }
    return settings;
  }
}
