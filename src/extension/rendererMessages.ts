// Messages the renderer sends besides live-progress syncs: "I drew these charts"
// (kept for tests and diagnostics) and "save this exported chart" (a save dialog,
// since a webview cannot write files).

import * as vscode from 'vscode';
import type { FromRenderer } from '../core/protocol/notebookRenderer';

type Rendered = Extract<FromRenderer, { type: 'rendered' }>;

/** Latest report per run id: which charts were drawn, their mark counts and legends. */
export const renderedCharts = new Map<string, Rendered['charts']>();

/** Latest whole report per run id, with the theme kind and background the charts were drawn in. */
export const renderedReports = new Map<string, Rendered>();

export function handleRendererMessage(m: FromRenderer): void {
  if (m.type === 'rendered') {
    renderedCharts.set(m.runId, m.charts);
    renderedReports.set(m.runId, m);
  } else if (m.type === 'save') {
    void saveExport(m.fileName, m.format, m.data);
  }
}

async function saveExport(fileName: string, format: 'svg' | 'png', data: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    title: `Export chart as ${format.toUpperCase()}`,
  });
  if (!target) return;
  const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}.`);
}
