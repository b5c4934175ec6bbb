// Compare Runs: opens a new untitled notebook whose output overlays the chosen runs
// (test loss, penalty and norms), drawn by the same renderer as run outputs.

import * as vscode from 'vscode';
import type { RunResult } from '../core/run/result';
import { COMPARE_MIME, comparisonOf } from '../core/run/comparison';
import { LANGUAGE_ID, NOTEBOOK_TYPE } from './ids';

export async function openComparison(runs: RunResult[]): Promise<void> {
  const names = runs.map((r) => `${r.name} (${r.runId})`);
  const intro = new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, `# Comparing ${runs.length} runs\n\n${names.map((n) => `- ${n}`).join('\n')}`, 'markdown');
  const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, `compare: [${[...new Set(runs.map((r) => r.name))].join(', ')}]`, LANGUAGE_ID);
  cell.outputs = [new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(comparisonOf(runs), COMPARE_MIME)])];
  const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData([intro, cell]));
  await vscode.window.showNotebookDocument(doc);
}
