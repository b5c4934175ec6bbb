// Compare Runs: opens a new untitled notebook whose output overlays the chosen runs
// (test loss, penalty and norms), drawn by the same renderer as run outputs. The output
// is written through a cell execution: outputs handed to openNotebookDocument in the
// notebook data do not reach the renderer intact.

import * as vscode from 'vscode';
import type { RunResult } from '../core/run/result';
import { comparisonOf } from '../core/run/comparison';
import { COMPARE_MIME } from '../core/protocol/notebookRenderer';
import { EXTENSION_ID, LANGUAGE_ID, NOTEBOOK_TYPE } from './ids';

export async function openComparison(runs: RunResult[], controller: vscode.NotebookController): Promise<void> {
  const names = runs.map((r) => `${r.name} (${r.runId})`);
  const intro = new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, `# Comparing ${runs.length} runs\n\n${names.map((n) => `- ${n}`).join('\n')}`, 'markdown');
  const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, `compare: [${[...new Set(runs.map((r) => r.name))].join(', ')}]`, LANGUAGE_ID);
  const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData([intro, cell]));
  await vscode.window.showNotebookDocument(doc);
  // An execution needs the controller selected for this (new) notebook.
  await vscode.commands.executeCommand('notebook.selectKernel', { notebookEditor: vscode.window.activeNotebookEditor, id: controller.id, extension: EXTENSION_ID });
  const execution = controller.createNotebookCellExecution(doc.cellAt(1));
  execution.start(Date.now());
  await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(comparisonOf(runs), COMPARE_MIME)]));
  execution.end(true, Date.now());
}
