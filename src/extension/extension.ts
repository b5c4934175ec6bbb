// Activation: wires the pure core (cell language, engine, store, charts) to VS Code.
// Everything here is an adapter; the logic lives in src/core.

import * as vscode from 'vscode';
import { RegnbSerializer } from './serializer';
import { RegnbController } from './controller';
import { TrainingClient } from './trainingClient';
import { LiveChannel } from './liveChannel';
import { ExperimentTree } from './experimentTree';
import { registerCommands } from './commands';
import { registerMergeShards } from './mergeShards';
import { registerLanguage } from './language';
import { handleRendererMessage, renderedCharts, renderedReports } from './rendererMessages';
import { NOTEBOOK_TYPE } from './ids';
import { SettingsReader } from './settings';

/** What the extension exports: for other extensions and the extension-host tests. */
export interface RegnbApi {
  /** What the renderer reported after drawing each run. */
  renderedCharts: typeof renderedCharts;
  /** The renderer's latest whole report per run: charts, theme kind and chart background. */
  renderedReports: typeof renderedReports;
  backend(): Promise<string>;
  experimentTree: ExperimentTree;
  /** Live runs starting and live updates leaving for the renderer, as they happen. */
  onDidLiveActivity: LiveChannel['onDidActivity'];
}

export function activate(context: vscode.ExtensionContext): RegnbApi {
  const settings = new SettingsReader();
  const client = new TrainingClient(context.extensionUri.fsPath, settings.read(), () => settings.read().allowDataOutside);
  const live = new LiveChannel(() => settings.read().liveUpdateMs, handleRendererMessage);
  const controller = new RegnbController(client, live);
  const tree = new ExperimentTree(settings.read().storeFolders);

  context.subscriptions.push(
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new RegnbSerializer(), { transientOutputs: false }),
    controller,
    live,
    tree,
    { dispose: () => client.dispose() },
    controller.onDidFinishRun(() => tree.refreshSoon()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => tree.setStoreFolders(settings.read().storeFolders)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('regnb.backend') || e.affectsConfiguration('regnb.workers')) client.configure(settings.read());
      if (e.affectsConfiguration('regnb.storeFolders')) tree.setStoreFolders(settings.read().storeFolders);
    }),
  );
  // The training worker starts with the first notebook, as a Jupyter kernel does, so that
  // Run All does not wait for TensorFlow.js to load before its first live chart.
  const warmUp = (nb: vscode.NotebookDocument) => {
    if (nb.notebookType === NOTEBOOK_TYPE && vscode.workspace.isTrusted) void client.activeBackend().catch(() => undefined);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenNotebookDocument(warmUp));
  vscode.workspace.notebookDocuments.forEach(warmUp);
  registerLanguage(context);
  registerCommands(context, tree, client, controller);
  registerMergeShards(context, () => tree.refresh());
  return { renderedCharts, renderedReports, backend: () => client.activeBackend(), experimentTree: tree, onDidLiveActivity: live.onDidActivity };
}

export function deactivate(): void {
  // Disposables registered on the context stop the worker.
}
