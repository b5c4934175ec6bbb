// Command palette and tree actions. Each command is a thin adapter over the pure
// store, chart and notebook code.

import * as vscode from 'vscode';
import * as path from 'path';
import * as fs from 'fs/promises';
import { deleteRun, listRuns, readRun, runDir, type RunSummary } from '../core/store/runStore';
import { buildCharts } from '../core/charts/catalogue';
import { renderSvg } from '../core/charts/renderSvg';
import { BACKEND_CHOICES, type BackendChoice } from '../core/engine/backendChoice';
import type { ExperimentTree, TreeNode } from './experimentTree';
import type { TrainingClient } from './trainingClient';
import { LANGUAGE_ID, NOTEBOOK_TYPE } from './ids';
import type { RegnbController } from './controller';
import { formatProblem } from '../core/cell/problems';
import { exportCell } from '../core/runner/exportCell';

type RunNode = Extract<TreeNode, { kind: 'run' }>;

/** Export Run without its pickers: the format, and the file (CSV, JSON) or folder (charts). */
export interface ExportOptions {
  format: 'csv' | 'json' | 'charts';
  target: vscode.Uri;
}
type CellNode = Extract<TreeNode, { kind: 'cell' }>;

/**
 * Delete Run and Clear Runs without their modal confirmation (scripts, keybindings,
 * tests): `{ confirmed: true }` as the trailing argument. Delete Run:
 * `(node, { confirmed: true })` or `(node, selectedNodes, { confirmed: true })` (the tree's
 * context menu passes `(node, selectedNodes)`). Clear Runs: `(notebookUri, { confirmed: true })`
 * (without a notebook it picks one: the active one, the only one, or asks).
 */
export interface ConfirmOptions {
  confirmed?: boolean;
}

const isConfirm = (x: unknown): x is ConfirmOptions => !!x && typeof x === 'object' && !Array.isArray(x) && 'confirmed' in x;

export function registerCommands(context: vscode.ExtensionContext, tree: ExperimentTree, client: TrainingClient, controller: RegnbController): void {
  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register('regnb.newNotebook', async () => {
    const template = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', 'weight-regularization.regnb'));
    const data = await new (await import('./serializer')).RegnbSerializer().deserializeNotebook(template);
    const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
    await vscode.window.showNotebookDocument(doc);
  });

  register('regnb.runAll', async () => {
    const editor = vscode.window.activeNotebookEditor;
    if (!editor || editor.notebook.notebookType !== NOTEBOOK_TYPE) {
      void vscode.window.showInformationMessage('Open a RegNB notebook to run its experiments.');
      return;
    }
    await vscode.commands.executeCommand('notebook.execute', editor.notebook.uri);
  });

  register('regnb.selectBackend', async () => {
    const config = vscode.workspace.getConfiguration('regnb');
    const current = config.get<BackendChoice>('backend', 'auto');
    const active = await client.activeBackend().catch(() => undefined);
    const pick = await vscode.window.showQuickPick(
      BACKEND_CHOICES.map((b) => ({ label: b, description: b === current ? `current setting${active ? `, running on ${active}` : ''}` : '' })),
      { title: 'TensorFlow.js backend for training' },
    );
    if (pick) await config.update('backend', pick.label, vscode.ConfigurationTarget.Global);
  });

  register('regnb.refreshTree', () => tree.refresh());

  // The cell as a runnable Keras or PyTorch script: copied to the clipboard and opened.
  const copyAsScript = (flavour: 'keras' | 'pytorch') => async (cell?: vscode.NotebookCell) => {
    const target = cell ?? activeExperimentCell();
    if (!target) {
      void vscode.window.showInformationMessage('Select an experiment cell of a RegNB notebook first.');
      return;
    }
    // The same step as `regnb export`: the cell checked with its notebook, CSV file read.
    const nb = target.notebook;
    const cells = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === LANGUAGE_ID);
    const exported = await exportCell(cells.map((c) => ({ source: c.document.getText(), index: c.index })), target.index, flavour, {
      notebookPath: nb.uri.fsPath,
      dataDir: client.dataDir,
      readText: (p) => fs.readFile(p, 'utf8'),
    });
    if (!('script' in exported)) {
      void vscode.window.showErrorMessage(`Cannot export: ${exported.message}${exported.problems.length ? `: ${exported.problems.map(formatProblem).join('; ')}` : ''}`);
      return;
    }
    const script = exported.script;
    await vscode.env.clipboard.writeText(script);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'python', content: script }), { preview: false });
  };
  register('regnb.copyAsKeras', copyAsScript('keras'));
  register('regnb.copyAsPyTorch', copyAsScript('pytorch'));

  register('regnb.revealCell', async (node: CellNode | RunNode | Extract<TreeNode, { kind: 'shards' }>) => {
    const doc = await vscode.workspace.openNotebookDocument(node.notebook);
    const range = new vscode.NotebookRange(node.cellIndex, node.cellIndex + 1);
    await vscode.window.showNotebookDocument(doc, { selections: [range] });
    vscode.window.activeNotebookEditor?.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
  });

  register('regnb.openResult', async (node: RunNode) => {
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(runFolder(node), 'result.json')), { preview: true });
  });

  register('regnb.openRunFolder', async (node: RunNode) => {
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(path.join(runFolder(node), 'result.json')));
  });

  register('regnb.deleteRun', async (node: RunNode, selected?: RunNode[] | ConfirmOptions, options?: ConfirmOptions) => {
    const confirm = isConfirm(selected) ? selected : options;
    const chosen = Array.isArray(selected) ? selected : undefined;
    const nodes = chosen?.length ? chosen : [node];
    const what = nodes.length === 1 ? `run ${nodes[0].run.runId}` : `${nodes.length} runs`;
    if (!confirm?.confirmed) {
      const ok = await vscode.window.showWarningMessage(`Delete ${what}? Its history and trained model are removed from the run store.`, { modal: true }, 'Delete');
      if (ok !== 'Delete') return;
    }
    // A run of a store in regnb.storeFolders is a run folder too; nothing else is.
    for (const n of nodes) await deleteRun(runFolder(n), tree.storeFolders);
    tree.refresh();
  });

  register('regnb.clearRuns', async (target?: vscode.Uri | TreeNode, options?: ConfirmOptions) => {
    const given = target instanceof vscode.Uri ? target : target && 'kind' in target && target.kind === 'notebook' ? target.uri : undefined;
    const notebook = given ?? (await pickNotebook());
    if (!notebook) return;
    const listing = await listRuns(notebook.fsPath);
    if (listing.runs.length === 0) {
      void vscode.window.showInformationMessage(`${path.basename(notebook.fsPath)} has no runs in its .regnb store.`);
      return;
    }
    if (!options?.confirmed) {
      const ok = await vscode.window.showWarningMessage(
        `Delete all ${listing.runs.length} runs of ${path.basename(notebook.fsPath)} in its .regnb store? Runs in the folders of regnb.storeFolders are kept. Cells that start from another cell's weights (train.from) will need it to run again.`,
        { modal: true },
        'Delete All',
      );
      if (ok !== 'Delete All') return;
    }
    for (const r of listing.runs) await deleteRun(r.dir);
    tree.refresh();
  });

  // With `options` (scripts, keybindings, tests) no picker or dialog is shown.
  register('regnb.exportRun', async (node?: RunNode, options?: ExportOptions | RunNode[]) => {
    const given = options && !Array.isArray(options) ? options : undefined;
    const run = node ? { dir: runFolder(node), name: node.cell } : await pickRun('Export which run?');
    if (!run) return;
    const format =
      given?.format ??
      (
        await vscode.window.showQuickPick(
          [
            { label: 'CSV', description: 'history, one row per epoch', id: 'csv' as const },
            { label: 'JSON', description: 'the full run result', id: 'json' as const },
            { label: 'Charts', description: 'SVG files of every chart', id: 'charts' as const },
          ],
          { title: 'Export run as' },
        )
      )?.id;
    if (!format) return;
    if (format === 'charts') {
      const folder = given?.target ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export charts here' }))?.[0];
      if (!folder) return;
      const result = await readRun(run.dir);
      for (const chart of buildCharts(result)) {
        const target = vscode.Uri.joinPath(folder, `${result.name}-${chart.id}.svg`);
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(await renderSvg(chart.spec)));
      }
      void vscode.window.showInformationMessage(`Charts of ${result.name} exported to ${folder.fsPath}.`);
      return;
    }
    const target = given?.target ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${run.name}.${format}`), filters: { [format.toUpperCase()]: [format] } }));
    if (!target) return;
    // JSON: the result as the store reads it, with the advice revised by later sweeps (the run-time findings in guidance.revised.atRun).
    const content = format === 'csv' ? await fs.readFile(path.join(run.dir, 'history.csv')) : new TextEncoder().encode(`${JSON.stringify(await readRun(run.dir), null, 2)}\n`);
    await vscode.workspace.fs.writeFile(target, content);
    void vscode.window.showInformationMessage(`Exported ${path.basename(target.fsPath)}.`);
  });

  register('regnb.compareRuns', async (node?: RunNode, selected?: RunNode[]) => {
    let dirs = (selected?.length ? selected : node ? [node] : tree.view.selection.filter((n): n is RunNode => n.kind === 'run')).map(runFolder);
    if (dirs.length < 2) {
      const notebook = await pickNotebook();
      if (!notebook) return;
      const listing = await listRuns(notebook.fsPath);
      const picks = await vscode.window.showQuickPick(
        listing.runs.map((r) => ({ label: r.cell, description: r.runId, detail: summary(r), dir: r.dir })),
        { canPickMany: true, title: 'Runs to compare (pick two or more)' },
      );
      if (!picks || picks.length < 2) return;
      dirs = picks.map((p) => p.dir);
    }
    await controller.compare(await Promise.all(dirs.map(readRun)));
  });
}

function activeExperimentCell(): vscode.NotebookCell | undefined {
  const editor = vscode.window.activeNotebookEditor;
  if (!editor || editor.notebook.notebookType !== NOTEBOOK_TYPE) return undefined;
  const cell = editor.notebook.cellAt(editor.selection.start);
  return cell.kind === vscode.NotebookCellKind.Code ? cell : undefined;
}

function runFolder(node: RunNode): string {
  return runDir(node.notebook.fsPath, node.cell, node.run.runId, node.store);
}

function summary(r: RunSummary): string {
  const m = r.metric === 'r2' ? 'R²' : 'accuracy';
  return `${r.status}${r.testMetric !== undefined && r.testMetric !== null ? ` · test ${m} ${r.testMetric.toFixed(3)}` : ''}`;
}

async function pickNotebook(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeNotebookEditor?.notebook;
  if (active?.notebookType === NOTEBOOK_TYPE && !active.isUntitled) return active.uri;
  const files = await vscode.workspace.findFiles('**/*.regnb', '**/node_modules/**');
  if (files.length === 1) return files[0];
  const pick = await vscode.window.showQuickPick(files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { title: 'Which notebook?' });
  return pick?.uri;
}

async function pickRun(title: string): Promise<{ dir: string; name: string } | undefined> {
  const notebook = await pickNotebook();
  if (!notebook) return undefined;
  const listing = await listRuns(notebook.fsPath);
  const pick = await vscode.window.showQuickPick(
    [...listing.runs].reverse().map((r) => ({ label: r.cell, description: r.runId, detail: summary(r), dir: r.dir })),
    { title },
  );
  return pick ? { dir: pick.dir, name: pick.label } : undefined;
}
