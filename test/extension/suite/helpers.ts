import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import type { RegnbApi } from '../../../src/extension/extension';

export const RUN_MIME = 'application/vnd.regnb.run+json';
export const EXTENSION_ID = 'regnb.regnb';

export async function api(): Promise<RegnbApi> {
  const ext = vscode.extensions.getExtension<RegnbApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext.activate();
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return folder.uri.fsPath;
}

/** Writes a notebook into a fresh folder of the workspace and returns its URI. */
export function writeNotebook(name: string, cells: { kind: 'markdown' | 'experiment'; source: string }[], extra: object = {}): vscode.Uri {
  const dir = path.join(workspaceDir(), 'ext-tests', `${name}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.regnb`);
  fs.writeFileSync(file, `${JSON.stringify({ regnb: 1, metadata: {}, cells, ...extra }, null, 2)}\n`);
  return vscode.Uri.file(file);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The run result in a cell's outputs, once it is there. */
export function runResultOf(cell: vscode.NotebookCell): { status: string; runId: string; history: { epoch: number[] }; [k: string]: unknown } | undefined {
  for (const output of cell.outputs) {
    for (const item of output.items) {
      if (item.mime === RUN_MIME) return JSON.parse(new TextDecoder().decode(item.data));
    }
  }
  return undefined;
}

export const SMALL_CELL = (name: string, epochs = 20, extra = '') => `name: ${name}
data: { source: moons, samples: 60, noise: 0.2, seed: 1, train: 30 }
model:
  - dense: 16
  - dense: 1
regularize: { l2: 0.001 }
train: { epochs: ${epochs}, lr: 0.01${extra} }`;
