// The Experiments tree: notebooks in the workspace, their experiment cells, and each
// cell's sharded sweeps (shards in of N, Merge once all are in) and runs read from the
// run store. It refreshes when a run finishes or when run
// folders change on disk (another window, the CLI).

import * as vscode from 'vscode';
import * as path from 'path';
import { parseNotebook } from '../core/notebook/parse';
import { parseCell } from '../core/cell/parseCell';
import { escapeMarkdown } from '../core/text/escapeMarkdown';
import { runTooltip } from '../core/store/runTooltip';
import { listRuns, type RunSummary } from '../core/store/runStore';
import { listShardedSweeps, sweepKey, type SweepProgress } from '../core/store/shardStore';
import { shardedSweepItem, type ShardedSweepItem } from '../core/store/shardedSweepItem';
import { TREE_VIEW_ID } from './ids';

export type TreeNode =
  | { kind: 'notebook'; uri: vscode.Uri }
  | { kind: 'cell'; notebook: vscode.Uri; name: string; cellIndex: number; runs: RunSummary[]; sweeps: SweepProgress[]; sweepKey: string }
  | { kind: 'shards'; notebook: vscode.Uri; cell: string; cellIndex: number; progress: SweepProgress; item: ShardedSweepItem }
  | { kind: 'run'; notebook: vscode.Uri; cell: string; cellIndex: number; run: RunSummary }
  | { kind: 'problem'; message: string };

export class ExperimentTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly watcher: vscode.FileSystemWatcher;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor() {
    this.view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: this, canSelectMany: true, showCollapseAll: true });
    this.watcher = vscode.workspace.createFileSystemWatcher('**/{*.regnb,.regnb/runs/**/result.json,.regnb/shards/**/*.json}');
    const soon = () => this.refreshSoon();
    this.watcher.onDidCreate(soon);
    this.watcher.onDidChange(soon);
    this.watcher.onDidDelete(soon);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Coalesces bursts of file events (a run writes several files) into one refresh. */
  refreshSoon(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 300);
  }

  dispose(): void {
    this.view.dispose();
    this.watcher.dispose();
    this.changed.dispose();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const files = await vscode.workspace.findFiles('**/*.regnb', '**/{node_modules,.regnb}/**');
      return files.sort((a, b) => a.fsPath.localeCompare(b.fsPath)).map((uri) => ({ kind: 'notebook', uri }));
    }
    if (node.kind === 'notebook') return this.cellsOf(node.uri);
    if (node.kind === 'cell') {
      const sweeps: TreeNode[] = node.sweeps.map((progress) => ({ kind: 'shards', notebook: node.notebook, cell: node.name, cellIndex: node.cellIndex, progress, item: shardedSweepItem(progress, node.sweepKey) }));
      return [...sweeps, ...[...node.runs].reverse().map((run): TreeNode => ({ kind: 'run', notebook: node.notebook, cell: node.name, cellIndex: node.cellIndex, run }))];
    }
    return [];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'notebook': {
        const item = new vscode.TreeItem(path.basename(node.uri.fsPath), vscode.TreeItemCollapsibleState.Expanded);
        item.resourceUri = node.uri;
        item.description = vscode.workspace.asRelativePath(path.dirname(node.uri.fsPath));
        item.contextValue = 'notebook';
        item.command = { command: 'vscode.openWith', title: 'Open', arguments: [node.uri, 'regnb'] };
        return item;
      }
      case 'cell': {
        const item = new vscode.TreeItem(node.name, node.runs.length || node.sweeps.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('beaker');
        item.description = node.runs.length ? `${node.runs.length} run${node.runs.length > 1 ? 's' : ''}` : 'not run';
        item.contextValue = 'cell';
        item.command = { command: 'regnb.revealCell', title: 'Reveal Cell', arguments: [node] };
        return item;
      }
      case 'run': {
        const r = node.run;
        const item = new vscode.TreeItem(r.startedAt ? new Date(r.startedAt).toLocaleString() : r.runId, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.notebook.toString()}#${r.runId}`;
        item.iconPath = statusIcon(r.status);
        item.description = runDescription(r);
        item.tooltip = new vscode.MarkdownString(runTooltip(node.cell, r));
        item.contextValue = `run.${r.status}`;
        item.command = { command: 'regnb.openResult', title: 'Open Run Result', arguments: [node] };
        return item;
      }
      case 'shards': {
        const i = node.item;
        const item = new vscode.TreeItem(i.label, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.notebook.toString()}#shards/${node.cell}/${node.progress.sweep}`;
        item.iconPath = shardsIcon(i);
        item.description = i.description;
        // The store's text (cell names, errors) is anyone's: escaped, one fact a line.
        item.tooltip = new vscode.MarkdownString(i.tooltip.split('\n').map(escapeMarkdown).join('\n\n'));
        item.contextValue = `shards.${i.mergeable ? 'mergeable' : i.state}`;
        item.command = { command: 'regnb.revealCell', title: 'Reveal Cell', arguments: [node] };
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.contextValue = 'problem';
        return item;
      }
    }
  }

  private async cellsOf(uri: vscode.Uri): Promise<TreeNode[]> {
    let doc;
    try {
      doc = parseNotebook(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), uri.fsPath);
    } catch (e) {
      return [{ kind: 'problem', message: (e as Error).message }];
    }
    const [listing, sharded] = await Promise.all([listRuns(uri.fsPath), listShardedSweeps(uri.fsPath)]);
    const nodes: TreeNode[] = [];
    doc.cells.forEach((cell, index) => {
      if (cell.kind !== 'experiment') return;
      const parsed = parseCell(cell.source, { index });
      const name = parsed.spec?.name ?? parsed.name ?? `cell-${index + 1}`;
      const sweeps = sharded.sweeps.filter((s) => s.cell === name);
      nodes.push({ kind: 'cell', notebook: uri, name, cellIndex: index, runs: listing.runs.filter((r) => r.cell === name), sweeps, sweepKey: sweepKey(cell.source) });
    });
    for (const p of [...listing.problems, ...sharded.problems]) nodes.push({ kind: 'problem', message: p });
    return nodes;
  }
}

function statusIcon(status: string): vscode.ThemeIcon {
  switch (status) {
    case 'completed': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'cancelled': return new vscode.ThemeIcon('circle-slash');
    case 'diverged': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    default: return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
  }
}

function shardsIcon(i: ShardedSweepItem): vscode.ThemeIcon {
  if (i.stale) return new vscode.ThemeIcon('history');
  switch (i.state) {
    case 'merged': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'mergeable': return new vscode.ThemeIcon('git-merge');
    case 'failed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    default: return new vscode.ThemeIcon('clock');
  }
}

function runDescription(r: RunSummary): string {
  if (r.status === 'failed') return 'failed';
  const parts: string[] = [];
  const metric = r.metric === 'r2' ? 'R²' : 'acc';
  if (r.testMetric !== undefined && r.testMetric !== null) parts.push(`test ${metric} ${r.testMetric.toFixed(3)}`);
  if (r.penaltyShare !== undefined && r.penaltyShare !== null) parts.push(`penalty ${(100 * r.penaltyShare).toFixed(0)}%`);
  if (r.status !== 'completed') parts.push(r.status);
  return parts.join(' · ');
}
