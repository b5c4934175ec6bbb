// A sharded sweep in the sidebar of a real VS Code: shards trained by the bundled CLI (as a
// job array would) show under their cell as shards in of N, Merge Shards is offered once all
// are in, and merging stores the sweep's run and writes the cell's output into the notebook.
import { describe, it } from 'mocha';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { spawnSync } from 'child_process';
import { api, RUN_MIME, waitFor, writeNotebook } from './helpers';
import type { TreeNode } from '../../../src/extension/experimentTree';
import { tinySweepSource } from '../../unit/helpers/tinySweep';

const SWEEP = tinySweepSource('sw', '  alpha: [1e-1, 1e-2]\n  repeats: 2');

/** One shard, trained by the extension's bundled CLI in a child process. */
function shard(notebook: string, index: number, count: number): void {
  const cli = path.join(vscode.extensions.getExtension('regnb.regnb')!.extensionPath, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'run', notebook, '--cell', 'sw', '--shard', `${index}/${count}`, '--backend', 'cpu', '--workers', '1', '--quiet'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
}

describe('sharded sweeps in the sidebar', () => {
  it('shows shards in of N, offers Merge Shards when all are in, and the merge stores the sweep', async () => {
    const uri = writeNotebook('sharded', [{ kind: 'experiment', source: SWEEP }]);
    const tree = (await api()).experimentTree;
    const children = async () => {
      tree.refresh();
      const nb = (await tree.getChildren()).find((n) => n.kind === 'notebook' && n.uri.fsPath === uri.fsPath)!;
      const [cell] = await tree.getChildren(nb);
      return tree.getChildren(cell);
    };
    const shardsNode = async () => (await children()).find((n): n is Extract<TreeNode, { kind: 'shards' }> => n.kind === 'shards');

    shard(uri.fsPath, 0, 2);
    const partial = await waitFor('the sweep in the tree', shardsNode);
    assert.strictEqual(partial.item.description, '1 of 2 shards in');
    assert.strictEqual(tree.getTreeItem(partial).contextValue, 'shards.running');

    shard(uri.fsPath, 1, 2);
    const ready = await waitFor('all shards in', async () => {
      const n = await shardsNode();
      return n?.item.mergeable ? n : undefined;
    });
    assert.strictEqual(tree.getTreeItem(ready).contextValue, 'shards.mergeable');

    await vscode.commands.executeCommand('regnb.mergeShards', ready);
    const merged = await waitFor('the merged sweep', async () => {
      const n = await shardsNode();
      return n?.item.state === 'merged' ? n : undefined;
    });
    assert.strictEqual(merged.item.description, 'merged (2 shards)');
    const run = (await children()).find((n) => n.kind === 'run');
    assert.ok(run && run.kind === 'run' && run.run.runId === merged.progress.merged?.runId, 'the merged run is listed under the cell');
    const saved = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')) as { cells: { outputs?: { mime: string; data: { runId: string } }[] }[] };
    assert.strictEqual(saved.cells[0].outputs?.find((o) => o.mime === RUN_MIME)?.data.runId, merged.progress.merged?.runId, 'the notebook holds the merged run');
  });
});
