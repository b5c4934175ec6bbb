// The sidebar's Merge on a sharded sweep whose shards are all in: the CLI's own merge
// (`regnb merge NOTEBOOK --cell NAME`, the bundled dist/cli.js) in a child process. The
// final merge trains one model (the chosen alpha's refit), which must not run on the
// extension host's thread; the child runs it on the backend the shards trained on, stores
// the run, and writes the cell's output into the notebook file, exactly as on a cluster.

import * as vscode from 'vscode';
import * as path from 'path';
import { spawn } from 'child_process';
import type { TreeNode } from './experimentTree';
import { escapeControl } from '../core/text/escapeControl';

type ShardsNode = Extract<TreeNode, { kind: 'shards' }>;

/** What the merge said: its exit status and its last lines (the outcome, or what is missing). */
function runCliMerge(extensionRoot: string, notebookPath: string, cell: string, store: string | undefined): Promise<{ code: number | null; said: string }> {
  const cli = path.join(extensionRoot, 'dist', 'cli.js');
  return new Promise((resolve, reject) => {
    // The editor's executable runs as plain Node with ELECTRON_RUN_AS_NODE.
    // A sweep of a store in regnb.storeFolders merges there, as `--store DIR` trained it.
    const child = spawn(process.execPath, [cli, 'merge', notebookPath, '--cell', cell, ...(store ? ['--store', store] : []), '--quiet'], {
      cwd: path.dirname(notebookPath),
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, said: escapeControl(stderr.trim().split('\n').slice(-3).join(' ')) }));
  });
}

export function registerMergeShards(context: vscode.ExtensionContext, refresh: () => void): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('regnb.mergeShards', async (node: ShardsNode) => {
      if (node?.kind !== 'shards') {
        void vscode.window.showInformationMessage('Merge works on a sharded sweep in the RegNB sidebar.');
        return;
      }
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Merging trains a model (the chosen alpha refit): trust this workspace first.');
        return;
      }
      if (!node.item.mergeable) {
        void vscode.window.showWarningMessage(`${node.cell}: ${node.item.description}. Merge needs every shard of the stage in.`);
        return;
      }
      // The merge writes the cell's output into the file: unsaved edits would conflict with it.
      const open = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === node.notebook.toString());
      if (open?.isDirty) {
        void vscode.window.showWarningMessage(`Save ${path.basename(node.notebook.fsPath)} first: the merge writes the sweep's output into it.`);
        return;
      }
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Merging the shards of ${node.cell}` },
        () => runCliMerge(context.extensionPath, node.notebook.fsPath, node.cell, node.store),
      );
      refresh();
      if (r.code === 0) void vscode.window.showInformationMessage(r.said || `${node.cell}: merged`);
      else void vscode.window.showErrorMessage(`${node.cell}: the merge failed (exit ${r.code}): ${r.said}`);
    }),
  );
}
