// regnb.storeFolders in a real VS Code: a run the bundled CLI stored with `--store DIR`
// shows in the sidebar under its store once the setting names the folder (relative to
// the workspace folder), Delete Run removes it there, and a bad entry is reported with
// the setting and the entry named.
import { describe, it } from 'mocha';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { spawnSync } from 'child_process';
import { api, SMALL_CELL, waitFor, workspaceDir, writeNotebook } from './helpers';
import type { TreeNode } from '../../../src/extension/experimentTree';
import { readSettings } from '../../../src/extension/settings';

/** `regnb run NOTEBOOK --store DIR`, by the extension's bundled CLI in a child process. */
function runWithStore(notebook: string, store: string): void {
  const cli = path.join(vscode.extensions.getExtension('regnb.regnb')!.extensionPath, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'run', notebook, '--store', store, '--backend', 'cpu', '--workers', '1', '--quiet'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
}

describe('store folders in the sidebar', () => {
  it('lists the runs of a --store folder named in regnb.storeFolders under its store, and Delete Run removes one', async () => {
    const uri = writeNotebook('stores', [{ kind: 'experiment', source: SMALL_CELL('far', 3) }]);
    const store = path.join(path.dirname(uri.fsPath), 'shared-store');
    runWithStore(uri.fsPath, store);
    const tree = (await api()).experimentTree;
    const notebookNode = async () => (await tree.getChildren()).find((n) => n.kind === 'notebook' && n.uri.fsPath === uri.fsPath)!;
    const storeNode = async () => (await tree.getChildren(await notebookNode())).find((n): n is Extract<TreeNode, { kind: 'store' }> => n.kind === 'store');
    // Not named yet: the default store holds nothing, and no store node shows.
    const [cell] = await tree.getChildren(await notebookNode());
    assert.ok(cell.kind === 'cell' && cell.runs.length === 0 && !(await storeNode()));

    const config = vscode.workspace.getConfiguration('regnb');
    await config.update('storeFolders', [path.relative(workspaceDir(), store)], vscode.ConfigurationTarget.Global);
    try {
      const node = await waitFor('the store in the tree', storeNode, 10_000);
      assert.strictEqual(node.store, store);
      assert.strictEqual(tree.getTreeItem(node).description, '1 run');
      const [far] = await tree.getChildren(node);
      assert.ok(far.kind === 'cell' && far.name === 'far' && far.store === store);
      const [run] = await tree.getChildren(far);
      assert.ok(run.kind === 'run' && run.store === store && run.run.dir.startsWith(store + path.sep));
      await vscode.commands.executeCommand('regnb.deleteRun', run, { confirmed: true });
      assert.strictEqual(fs.existsSync(run.run.dir), false, 'the run in the named store is deleted');
      await waitFor('the store node to go', async () => ((await storeNode()) ? undefined : true), 10_000);

      await config.update('storeFolders', ['ok', 42], vscode.ConfigurationTarget.Global);
      const { settings, problems } = readSettings();
      assert.deepStrictEqual(settings.storeFolders, [path.join(workspaceDir(), 'ok')]);
      assert.deepStrictEqual(problems.map((p) => [p.setting, p.message]), [['regnb.storeFolders', 'regnb.storeFolders: entry 2 (42) is not a folder path (a string); it is left out']]);
    } finally {
      await config.update('storeFolders', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
