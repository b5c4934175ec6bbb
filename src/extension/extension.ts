// Activation: wires the pure core (cell language, engine, store, charts) to VS Code.
// Everything here is an adapter; the logic lives in src/core.

import * as vscode from 'vscode';
import { RegnbSerializer } from './serializer';
import { RegnbController } from './controller';
import { TrainingClient } from './trainingClient';
import { LiveChannel } from './liveChannel';
import { ExperimentTree } from './experimentTree';
import { registerCommands } from './commands';
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
}

export function activate(context: vscode.ExtensionContext): RegnbApi {
  const settings = new SettingsReader();
  const client = new TrainingClient(context.extensionUri.fsPath, settings.read(), () => settings.read().allowDataOutside);
  const live = new LiveChannel(() => settings.read().liveUpdateMs, handleRendererMessage);
  const controller = new RegnbController(client, live);
  const tree = new ExperimentTree();

  context.subscriptions.push(
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new RegnbSerializer(), { transientOutputs: false }),
    controller,
    live,
    tree,
    { dispose: () => client.dispose() },
    controller.onDidFinishRun(() => tree.refreshSoon()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('regnb.backend') || e.affectsConfiguration('regnb.workers')) client.configure(settings.read());
    }),
  );
  registerLanguage(context);
  registerCommands(context, tree, client, controller);
  return { renderedCharts, renderedReports, backend: () => client.activeBackend(), experimentTree: tree };
}

export function deactivate(): void {
  // Disposables registered on the context stop the worker.
}
