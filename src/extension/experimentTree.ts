// The Experiments tree: notebooks in the workspace, their experiment cells, and each
// cell's sharded sweeps (shards in of N, Merge once all are in) and runs read from the
// run store; runs and sweeps in the store folders of regnb.storeFolders (a CLI
// `--store DIR`) under one node per store. It refreshes when a run finishes or when run
// folders change on disk (another window, the CLI). What each store holds is
// notebookStores' (pure) business.

import * as vscode from 'vscode';
import * as path from 'path';
import { parseNotebook } from '../core/notebook/parse';
import { parseCell } from '../core/cell/parseCell';
import { escapeMarkdown } from '../core/text/escapeMarkdown';
import { runTooltip } from '../core/store/runTooltip';
import type { RunSummary } from '../core/store/runStore';
import { sweepKey, type SweepProgress } from '../core/store/shardStore';
import { notebookStores, type StoreCell } from '../core/store/notebookStores';
import { shardedSweepItem, type ShardedSweepItem } from '../core/store/shardedSweepItem';
import { TREE_VIEW_ID } from './ids';

/** An experiment cell of a notebook in the tree: the sweep key of its source names its sharded sweeps. */
interface TreeCell {
  name: string;
  index: number;
  sweepKey: string;
}

/**
 * `store` on a node: the store folder it was read from (absolute), undefined for the
 * default store beside the notebook.
 */
export type TreeNode =
  | { kind: 'notebook'; uri: vscode.Uri }
  | { kind: 'store'; notebook: vscode.Uri; store: string; cells: StoreCell<TreeCell>[]; problems: string[] }
  | { kind: 'cell'; notebook: vscode.Uri; store: string | undefined; name: string; cellIndex: number; runs: RunSummary[]; sweeps: SweepProgress[]; sweepKey: string }
  | { kind: 'shards'; notebook: vscode.Uri; store: string | undefined; cell: string; cellIndex: number; progress: SweepProgress; item: ShardedSweepItem }
  | { kind: 'run'; notebook: vscode.Uri; store: string | undefined; cell: string; cellIndex: number; run: RunSummary }
  | { kind: 'problem'; message: string };

export class ExperimentTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly watcher: vscode.FileSystemWatcher;
  /** One watcher per folder of regnb.storeFolders (they may lie outside the workspace). */
  private storeWatchers: vscode.FileSystemWatcher[] = [];
  private folders: string[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(storeFolders: readonly string[] = []) {
    this.view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: this, canSelectMany: true, showCollapseAll: true });
    this.watcher = this.watch(vscode.workspace.createFileSystemWatcher('**/{*.regnb,.regnb/runs/**/result.json,.regnb/shards/**/*.json}'));
    this.setStoreFolders(storeFolders);
  }

  /** The store folders besides the default one (regnb.storeFolders, resolved). */
  get storeFolders(): readonly string[] {
    return this.folders;
  }

  /** Lists (and watches) these store folders from now on. */
  setStoreFolders(folders: readonly string[]): void {
    if (JSON.stringify(folders) === JSON.stringify(this.folders)) return;
    for (const w of this.storeWatchers) w.dispose();
    this.folders = [...folders];
    this.storeWatchers = this.folders.map((f) => this.watch(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(f), '{runs/**/result.json,shards/**/*.json}'))));
    this.refresh();
  }

  private watch(watcher: vscode.FileSystemWatcher): vscode.FileSystemWatcher {
    const soon = () => this.refreshSoon();
    watcher.onDidCreate(soon);
    watcher.onDidChange(soon);
    watcher.onDidDelete(soon);
    return watcher;
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
    for (const w of this.storeWatchers) w.dispose();
    this.changed.dispose();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const files = await vscode.workspace.findFiles('**/*.regnb', '**/{node_modules,.regnb}/**');
      return files.sort((a, b) => a.fsPath.localeCompare(b.fsPath)).map((uri) => ({ kind: 'notebook', uri }));
    }
    if (node.kind === 'notebook') return this.cellsOf(node.uri);
    if (node.kind === 'store') return storeChildren(node.notebook, node.store, node.cells, node.problems);
    if (node.kind === 'cell') {
      const { notebook, store } = node;
      const sweeps: TreeNode[] = node.sweeps.map((progress) => ({ kind: 'shards', notebook, store, cell: node.name, cellIndex: node.cellIndex, progress, item: shardedSweepItem(progress, node.sweepKey) }));
      return [...sweeps, ...[...node.runs].reverse().map((run): TreeNode => ({ kind: 'run', notebook, store, cell: node.name, cellIndex: node.cellIndex, run }))];
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
      case 'store': {
        const runs = node.cells.reduce((n, c) => n + c.runs.length, 0);
        const sweeps = node.cells.reduce((n, c) => n + c.sweeps.length, 0);
        const item = new vscode.TreeItem(`store ${vscode.workspace.asRelativePath(node.store)}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.notebook.toString()}#store:${node.store}`;
        item.iconPath = new vscode.ThemeIcon('database');
        item.description = [runs ? `${runs} run${runs > 1 ? 's' : ''}` : '', sweeps ? `${sweeps} sharded sweep${sweeps > 1 ? 's' : ''}` : ''].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString(`Runs of this notebook in the store folder ${escapeMarkdown(node.store)} (setting \`regnb.storeFolders\`)`);
        item.contextValue = 'store';
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
        item.id = `${node.notebook.toString()}#${node.store ? `store:${node.store}#` : ''}${r.runId}`;
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
        item.id = `${node.notebook.toString()}#${node.store ? `store:${node.store}#` : ''}shards/${node.cell}/${node.progress.sweep}`;
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
    const cells: TreeCell[] = [];
    doc.cells.forEach((cell, index) => {
      if (cell.kind !== 'experiment') return;
      const parsed = parseCell(cell.source, { index });
      cells.push({ name: parsed.spec?.name ?? parsed.name ?? `cell-${index + 1}`, index, sweepKey: sweepKey(cell.source) });
    });
    const [home, ...others] = await notebookStores(uri.fsPath, cells, this.folders);
    return [
      ...storeChildren(uri, undefined, home.cells, home.problems),
      ...others.map((s): TreeNode => ({ kind: 'store', notebook: uri, store: s.store!, cells: s.cells, problems: s.problems })),
    ];
  }
}

/** A store's cells (with their runs and sweeps), then its problems. */
function storeChildren(notebook: vscode.Uri, store: string | undefined, cells: readonly StoreCell<TreeCell>[], problems: readonly string[]): TreeNode[] {
  return [
    ...cells.map((c): TreeNode => ({ kind: 'cell', notebook, store, name: c.name, cellIndex: c.index, runs: c.runs, sweeps: c.sweeps, sweepKey: c.sweepKey })),
    ...problems.map((message): TreeNode => ({ kind: 'problem', message })),
  ];
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
