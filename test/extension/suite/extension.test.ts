import { describe, it, before } from 'mocha';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import * as os from 'os';
import { runDir } from '../../../src/core/store/runStore';
import { readSettings } from '../../../src/extension/settings';
import { api, runResultOf, SMALL_CELL, waitFor, workspaceDir, writeNotebook } from './helpers';

async function openNotebook(uri: vscode.Uri): Promise<vscode.NotebookEditor> {
  const doc = await vscode.workspace.openNotebookDocument(uri);
  return vscode.window.showNotebookDocument(doc);
}

/** Resolves when the execution has finished (the command waits for it). */
function runCells(editor: vscode.NotebookEditor, indexes: number[]): Thenable<void> {
  return vscode.commands.executeCommand('notebook.cell.execute', {
    ranges: indexes.map((i) => ({ start: i, end: i + 1 })),
    document: editor.notebook.uri,
  });
}

describe('RegNB in a real VS Code', () => {
  before(async () => {
    await api();
  });

  it('registers its commands, and hides the internal ones from the palette', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['regnb.newNotebook', 'regnb.runAll', 'regnb.compareRuns', 'regnb.exportRun', 'regnb.selectBackend', 'regnb.clearRuns']) {
      assert.ok(all.includes(id), id);
    }
    const manifest = vscode.extensions.getExtension('regnb.regnb')!.packageJSON as { contributes: { menus: { commandPalette: { command: string; when: string }[] } } };
    const hidden = manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command);
    assert.deepStrictEqual(hidden.sort(), ['regnb.deleteRun', 'regnb.mergeShards', 'regnb.openResult', 'regnb.openRunFolder', 'regnb.refreshTree', 'regnb.revealCell']);
  });

  it('opens the tutorial notebook: markdown and experiment cells in the regnb language', async () => {
    const uri = vscode.Uri.file(path.join(workspaceDir(), 'weight-regularization.regnb'));
    const doc = await vscode.workspace.openNotebookDocument(uri);
    assert.strictEqual(doc.notebookType, 'regnb');
    const code = doc.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    assert.strictEqual(code.length, 14, '12 experiments, a sweep and a compare cell');
    assert.ok(code.every((c) => c.document.languageId === 'regnb'));
    assert.match(code[0].document.getText(), /^name: baseline/);
  });

  it('refuses a corrupt file with its line and column, and leaves the file alone', async () => {
    const uri = writeNotebook('corrupt', []);
    const text = '{\n  "regnb": 1,\n  "cells": [ {"kind": "experiment", "source": 12} ]\n}\n';
    fs.writeFileSync(uri.fsPath, text);
    await assert.rejects(async () => vscode.workspace.openNotebookDocument(uri), /cell 1.*source/i);
    fs.writeFileSync(uri.fsPath, '{\n  "regnb": 1,\n  "cells": [ oops ]\n}\n');
    await assert.rejects(async () => vscode.workspace.openNotebookDocument(uri), /line 3, column \d+/);
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), '{\n  "regnb": 1,\n  "cells": [ oops ]\n}\n');
  });

  it('saves with unknown keys kept at every level', async () => {
    const uri = writeNotebook('roundtrip', [{ kind: 'markdown', source: '# t' }], { future: { x: 1 } });
    const raw = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8'));
    raw.metadata = { author: 'me' };
    raw.cells[0].tags = ['keep'];
    fs.writeFileSync(uri.fsPath, `${JSON.stringify(raw, null, 2)}\n`);
    const editor = await openNotebook(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.notebook.uri, [vscode.NotebookEdit.insertCells(1, [new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, 'added', 'markdown')])]);
    await vscode.workspace.applyEdit(edit);
    await editor.notebook.save();
    const saved = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8'));
    assert.deepStrictEqual(saved.future, { x: 1 });
    assert.deepStrictEqual(saved.metadata, { author: 'me' });
    assert.deepStrictEqual(saved.cells[0].tags, ['keep']);
    assert.strictEqual(saved.cells[1].source, 'added');
  });

  it('shows the validator\'s problems as diagnostics at the right place', async () => {
    const uri = writeNotebook('diagnostics', [{ kind: 'experiment', source: SMALL_CELL('bad').replace('epochs: 20', 'epochs: -1') }]);
    const editor = await openNotebook(uri);
    const cell = editor.notebook.cellAt(0);
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(cell.document.uri);
      return d.length ? d : undefined;
    });
    const d = diags.find((x) => /epochs/.test(x.message));
    assert.ok(d, JSON.stringify(diags.map((x) => x.message)));
    assert.strictEqual(d.range.start.line, 6);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
  });

  it('completes keys for the section under the cursor, and documents them on hover', async () => {
    const uri = writeNotebook('completion', [{ kind: 'experiment', source: 'name: c\ntrain:\n  ep' }]);
    const editor = await openNotebook(uri);
    const doc = editor.notebook.cellAt(0).document;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 4));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('epochs'), labels.join(','));
    assert.ok(!labels.includes('source'), 'data keys are not offered under train');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /train/);
  });

  it('runs a cell in the worker: a completed run result, live-rendered charts and a stored run', async () => {
    const uri = writeNotebook('run', [{ kind: 'markdown', source: '# run' }, { kind: 'experiment', source: SMALL_CELL('small') }]);
    const editor = await openNotebook(uri);
    await runCells(editor, [1]);
    const cell = editor.notebook.cellAt(1);
    const result = await waitFor('a run result', () => runResultOf(cell));
    assert.strictEqual(result.status, 'completed');
    assert.strictEqual(result.history.epoch.length, 20);
    // A dense network trains on the fused engine, and the run says so.
    assert.strictEqual(result.backend, 'fused');
    assert.strictEqual(cell.executionSummary?.success, true);
    assert.ok(typeof cell.executionSummary?.executionOrder === 'number');
    const store = path.join(path.dirname(uri.fsPath), result.store as string);
    for (const f of ['result.json', 'history.csv', 'model.json', 'weights.bin']) assert.ok(fs.existsSync(path.join(store, f)), f);
    const charts = await waitFor('the renderer to report its charts', () => (api().then((a) => a.renderedCharts.get(result.runId))));
    const loss = charts.find((c) => c.id === 'loss');
    assert.ok(loss && loss.marks > 0, JSON.stringify(charts));
    assert.ok(loss.legend.some((l) => /dense_1/.test(l)), `legend: ${loss.legend.join(', ')}`);
    const norms = charts.find((c) => c.id === 'norms');
    assert.ok(norms && norms.legend.includes('dense_2'), JSON.stringify(norms));
  });

  it('runs the cell named in train.from first when it never ran', async () => {
    const uri = writeNotebook('from', [
      { kind: 'experiment', source: SMALL_CELL('tuned', 5, ', from: base') },
      { kind: 'experiment', source: SMALL_CELL('base', 10) },
    ]);
    const editor = await openNotebook(uri);
    await runCells(editor, [0]);
    const tuned = await waitFor('the fine-tuned result', () => runResultOf(editor.notebook.cellAt(0)));
    const base = runResultOf(editor.notebook.cellAt(1));
    assert.ok(base, 'base ran too');
    assert.strictEqual(tuned.status, 'completed');
    assert.deepStrictEqual(tuned.from, { cell: 'base', runId: base.runId });
  });

  it('interrupt stops within an epoch and keeps the partial run', async () => {
    // Wider than SMALL_CELL's 16 units: the fused engine would train the small one's 200,000
    // epochs in a few seconds, and the interrupt must come while it trains.
    const uri = writeNotebook('interrupt', [{ kind: 'experiment', source: SMALL_CELL('long', 200000).replace('dense: 16', 'dense: 256') }]);
    const editor = await openNotebook(uri);
    const execution = runCells(editor, [0]);
    const cell = editor.notebook.cellAt(0);
    // Training is under way once the running cell has drawn its live charts from epochs
    // that arrived: they name the layers and series as the final charts do.
    const liveKey = `${cell.document.uri.toString()}#`;
    const live = await waitFor('the live charts', async () => [...(await api()).renderedCharts].find(([key, charts]) => key.startsWith(liveKey) && charts.length === 2)?.[1]);
    assert.deepStrictEqual(live.map((c) => c.id), ['live-loss', 'live-norms']);
    assert.deepStrictEqual(live[0].legend, ['data loss', 'dense_1 penalty', 'dense_2 penalty', 'test loss (no penalty)']);
    assert.deepStrictEqual(live[1].legend, ['dense_1', 'dense_2']);
    // Interrupt as the toolbar button does: on the active notebook editor.
    await vscode.commands.executeCommand('notebook.cancelExecution');
    await execution;
    const result = await waitFor('the cancelled result', () => runResultOf(cell), 30_000);
    assert.strictEqual(result.status, 'cancelled');
    assert.ok(result.history.epoch.length > 0 && result.history.epoch.length < 200000);
  });

  it('an invalid cell fails with its problems, without training', async () => {
    const uri = writeNotebook('invalid', [{ kind: 'experiment', source: SMALL_CELL('x').replace('dense: 16', 'dense: sixteen') }]);
    const editor = await openNotebook(uri);
    await runCells(editor, [0]);
    const cell = editor.notebook.cellAt(0);
    const err = await waitFor('an error output', () => cell.outputs.flatMap((o) => o.items).find((i) => i.mime === 'application/vnd.code.notebook.error'));
    const parsed = JSON.parse(new TextDecoder().decode(err.data));
    assert.match(parsed.message, /^4:\d+: .*sixteen/m);
    assert.strictEqual(cell.executionSummary?.success, false);
    assert.strictEqual(fs.existsSync(path.join(path.dirname(uri.fsPath), '.regnb')), false);
  });

  it('lists notebooks, cells and runs in the Experiments tree', async () => {
    const uri = writeNotebook('tree', [{ kind: 'experiment', source: SMALL_CELL('treecell', 5) }]);
    const editor = await openNotebook(uri);
    await runCells(editor, [0]);
    const result = await waitFor('a run result', () => runResultOf(editor.notebook.cellAt(0)));
    const tree = (await api()).experimentTree;
    const notebooks = await tree.getChildren();
    const node = notebooks.find((n) => n.kind === 'notebook' && n.uri.fsPath === uri.fsPath);
    assert.ok(node, 'the notebook is listed');
    const cells = await tree.getChildren(node);
    const cellNode = cells.find((c) => c.kind === 'cell' && c.name === 'treecell');
    assert.ok(cellNode);
    const runs = await tree.getChildren(cellNode);
    assert.strictEqual(runs.length, 1);
    const item = tree.getTreeItem(runs[0]);
    assert.match(String(item.description), /test acc \d\.\d{3}/);
    assert.strictEqual(item.contextValue, 'run.completed');
    assert.ok(runs[0].kind === 'run' && runs[0].run.runId === result.runId);
  });

  it('a compare cell overlays the latest runs, and Compare Runs opens a comparison of chosen runs', async () => {
    const uri = writeNotebook('compare', [
      { kind: 'experiment', source: 'compare: [a, b]' },
      { kind: 'experiment', source: SMALL_CELL('a', 5) },
      { kind: 'experiment', source: SMALL_CELL('b', 5).replace('l2: 0.001', 'l1: 0.001') },
    ]);
    const editor = await openNotebook(uri);
    await vscode.commands.executeCommand('notebook.execute', editor.notebook.uri);
    const compareOf = (cell: vscode.NotebookCell) => cell.outputs.flatMap((o) => o.items).find((i) => i.mime === 'application/vnd.regnb.compare+json');
    const item = await waitFor('the comparison output', () => compareOf(editor.notebook.cellAt(0)));
    const comparison = JSON.parse(new TextDecoder().decode(item.data));
    assert.deepStrictEqual(comparison.runs.map((r: { name: string }) => r.name), ['a', 'b']);
    assert.strictEqual(comparison.runs[1].runId, runResultOf(editor.notebook.cellAt(2))!.runId);

    const tree = (await api()).experimentTree;
    const nb = (await tree.getChildren()).find((n) => n.kind === 'notebook' && n.uri.fsPath === uri.fsPath)!;
    const runs = (await Promise.all((await tree.getChildren(nb)).map((c) => tree.getChildren(c)))).flat();
    assert.strictEqual(runs.length, 2);
    await vscode.commands.executeCommand('regnb.compareRuns', runs[0], runs);
    const opened = await waitFor('the comparison notebook', () => {
      const e = vscode.window.activeNotebookEditor;
      return e && e.notebook.isUntitled && e.notebook.getCells().some((c) => compareOf(c)) ? e : undefined;
    });
    const cell = opened.notebook.getCells().find((c) => compareOf(c))!;
    assert.strictEqual(JSON.parse(new TextDecoder().decode(compareOf(cell)!.data)).runs.length, 2);
  });

  it('Export Run writes the history as CSV, the result as JSON and every chart as SVG', async () => {
    const uri = writeNotebook('export', [{ kind: 'experiment', source: SMALL_CELL('exported', 7) }]);
    const editor = await openNotebook(uri);
    await runCells(editor, [0]);
    const result = await waitFor('a run result', () => runResultOf(editor.notebook.cellAt(0)));
    const tree = (await api()).experimentTree;
    const nb = (await tree.getChildren()).find((n) => n.kind === 'notebook' && n.uri.fsPath === uri.fsPath)!;
    const [run] = (await Promise.all((await tree.getChildren(nb)).map((c) => tree.getChildren(c)))).flat();
    const dir = path.dirname(uri.fsPath);
    await vscode.commands.executeCommand('regnb.exportRun', run, { format: 'csv', target: vscode.Uri.file(path.join(dir, 'out.csv')) });
    const csv = fs.readFileSync(path.join(dir, 'out.csv'), 'utf8').trim().split('\n');
    assert.strictEqual(csv.length, 8, 'a header and 7 epochs');
    assert.match(csv[0], /^epoch,dataLoss,penalty_dense_1,/);
    await vscode.commands.executeCommand('regnb.exportRun', run, { format: 'json', target: vscode.Uri.file(path.join(dir, 'out.json')) });
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).runId, result.runId);
    const charts = path.join(dir, 'charts');
    fs.mkdirSync(charts);
    await vscode.commands.executeCommand('regnb.exportRun', run, { format: 'charts', target: vscode.Uri.file(charts) });
    const files = fs.readdirSync(charts).sort();
    for (const id of ['loss', 'norms', 'metrics', 'boundary', 'weights']) assert.ok(files.includes(`exported-${id}.svg`), files.join(', '));
    assert.match(fs.readFileSync(path.join(charts, 'exported-loss.svg'), 'utf8'), /^<svg[\s\S]*dense_1 penalty/);
  });

  it('Select Backend\'s setting restarts the worker on the chosen backend', async () => {
    const config = vscode.workspace.getConfiguration('regnb');
    await config.update('backend', 'cpu', vscode.ConfigurationTarget.Global);
    try {
      // Dropout keeps the network on TensorFlow.js (the fused engine covers plain dense networks).
      const uri = writeNotebook('backend', [{ kind: 'experiment', source: SMALL_CELL('oncpu', 3).replace('  - dense: 1', '  - dropout: 0.1\n  - dense: 1') }]);
      const editor = await openNotebook(uri);
      await runCells(editor, [0]);
      const result = await waitFor('a run result', () => runResultOf(editor.notebook.cellAt(0)));
      assert.strictEqual(result.backend, 'cpu');
      assert.strictEqual(await (await api()).backend(), 'cpu');
    } finally {
      await config.update('backend', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('regnb.workers spreads a sweep over threads; a bad value falls back with a warning that names it', async () => {
    const config = vscode.workspace.getConfiguration('regnb');
    await config.update('workers', 2, vscode.ConfigurationTarget.Global);
    try {
      const grid = '\ngrid: { alpha: [1e-1, 1e-2, 1e-3, 1e-4], repeats: 2, validate: { folds: 2 } }';
      const uri = writeNotebook('workers', [{ kind: 'experiment', source: SMALL_CELL('swept', 8) + grid }]);
      const editor = await openNotebook(uri);
      await runCells(editor, [0]);
      const result = await waitFor('a sweep result', () => runResultOf(editor.notebook.cellAt(0)));
      assert.strictEqual(result.status, 'completed', String(result.error));
      const g = result.grid as { alpha: number[]; runs: unknown[]; threads: number };
      assert.deepStrictEqual(g.alpha, [1e-1, 1e-2, 1e-3, 1e-4]);
      assert.strictEqual(g.runs.length, 16, '4 alphas x 2 repeats x 2 folds');
      assert.strictEqual(g.threads, 2);

      await config.update('workers', -3, vscode.ConfigurationTarget.Global);
      const { settings, problems } = readSettings();
      assert.strictEqual(settings.workers, os.availableParallelism(), 'the default: one thread per core');
      assert.deepStrictEqual(problems.map((p) => p.setting), ['regnb.workers']);
      assert.match(problems[0].message, /regnb\.workers must be a whole number from 0 .* not -3/);
    } finally {
      await config.update('workers', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the renderer follows the VS Code theme: light, dark and high contrast, each with its own chart background', async () => {
    const uri = writeNotebook('theme', [{ kind: 'experiment', source: SMALL_CELL('themed', 5) }]);
    const editor = await openNotebook(uri);
    await runCells(editor, [0]);
    const result = await waitFor('a run result', () => runResultOf(editor.notebook.cellAt(0)));
    const reports = (await api()).renderedReports;
    await waitFor('the first report', () => reports.get(result.runId));
    const workbench = vscode.workspace.getConfiguration('workbench');
    const original = workbench.inspect<string>('colorTheme')?.globalValue;
    const switchTo = async (themeId: string, kind: string, not: string[]) => {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', themeId, vscode.ConfigurationTarget.Global);
      return waitFor(`a report drawn in ${themeId}`, () => {
        const r = reports.get(result.runId);
        return r && r.theme === kind && r.background && !not.includes(r.background) ? r : undefined;
      }, 30_000);
    };
    try {
      const light = await switchTo('Default Light Modern', 'light', []);
      const dark = await switchTo('Default Dark Modern', 'dark', [light.background!]);
      const hc = await switchTo('Default High Contrast', 'high-contrast', [light.background!, dark.background!]);
      assert.ok(hc.charts.find((c) => c.id === 'loss' && c.marks > 0), 'the loss chart is drawn again in high contrast');
    } finally {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', original, vscode.ConfigurationTarget.Global);
    }
  });

  it('Delete Run and Clear Runs with { confirmed: true }: only the chosen runs go, and the tree follows', async () => {
    const uri = writeNotebook('delete', [
      { kind: 'experiment', source: SMALL_CELL('keep', 3) },
      { kind: 'experiment', source: SMALL_CELL('drop', 3) },
    ]);
    const editor = await openNotebook(uri);
    await runCells(editor, [0, 1]);
    await waitFor('both results', () => runResultOf(editor.notebook.cellAt(0)) && runResultOf(editor.notebook.cellAt(1)));
    const first = runResultOf(editor.notebook.cellAt(1))!;
    await runCells(editor, [1]);
    await waitFor('a second run of drop', () => (runResultOf(editor.notebook.cellAt(1))?.runId !== first.runId ? true : undefined));
    const tree = (await api()).experimentTree;
    const cellsOf = async () => {
      const nb = (await tree.getChildren()).find((n) => n.kind === 'notebook' && n.uri.fsPath === uri.fsPath)!;
      return tree.getChildren(nb);
    };
    const cellNode = async (name: string) => (await cellsOf()).find((c) => c.kind === 'cell' && c.name === name)!;
    const dropRuns = await waitFor('two runs of drop in the tree', async () => {
      const runs = await tree.getChildren(await cellNode('drop'));
      return runs.length === 2 ? runs : undefined;
    });
    const keepRuns = await tree.getChildren(await cellNode('keep'));
    assert.strictEqual(keepRuns.length, 1);
    const folderOf = (n: (typeof dropRuns)[number]) => {
      assert.ok(n.kind === 'run');
      const dir = runDir(uri.fsPath, n.cell, n.run.runId);
      return fs.existsSync(dir) ? dir : undefined;
    };
    const [gone, stays] = dropRuns;
    const goneDir = folderOf(gone);
    assert.ok(goneDir && fs.existsSync(path.join(goneDir, 'result.json')), 'the run folder exists before');
    await vscode.commands.executeCommand('regnb.deleteRun', gone, [gone], { confirmed: true });
    assert.strictEqual(fs.existsSync(goneDir), false, 'the deleted run folder is gone');
    assert.ok(folderOf(stays), 'the other run of the cell stays');
    assert.ok(folderOf(keepRuns[0]), 'the other cell\'s run stays');
    await waitFor('the tree to show one run of drop', async () => (tree.getTreeItem(await cellNode('drop')).description === '1 run' ? true : undefined), 10_000);
    assert.strictEqual(tree.getTreeItem(await cellNode('keep')).description, '1 run');

    // Without the list of selected nodes (a keybinding, a script): just the node.
    await vscode.commands.executeCommand('regnb.deleteRun', stays, { confirmed: true });
    assert.strictEqual(folderOf(stays), undefined);
    assert.ok(folderOf(keepRuns[0]), 'the other cell\'s run still stays');

    await vscode.commands.executeCommand('regnb.clearRuns', uri, { confirmed: true });
    assert.strictEqual(folderOf(keepRuns[0]), undefined, 'Clear Runs removed the last run');
    for (const name of ['keep', 'drop']) {
      await waitFor(`the tree to show ${name} not run`, async () => (tree.getTreeItem(await cellNode(name)).description === 'not run' ? true : undefined), 10_000);
      assert.strictEqual((await tree.getChildren(await cellNode(name))).length, 0);
    }
  });

  it('copies a cell as a Keras or PyTorch script with the same penalties', async () => {
    const uri = writeNotebook('script', [{ kind: 'experiment', source: SMALL_CELL('scripted', 9) }]);
    const editor = await openNotebook(uri);
    const cell = editor.notebook.cellAt(0);
    await vscode.commands.executeCommand('regnb.copyAsKeras', cell);
    const keras = vscode.window.activeTextEditor!.document;
    assert.strictEqual(keras.languageId, 'python');
    assert.match(keras.getText(), /L1L2\(l1=0(\.0)?, l2=0\.001\)|l2=0\.001/);
    assert.match(keras.getText(), /epochs=9/);
    await vscode.commands.executeCommand('regnb.copyAsPyTorch', cell);
    const torch = vscode.window.activeTextEditor!.document;
    assert.match(torch.getText(), /import torch/);
    assert.match(torch.getText(), /0\.001/);
  });

  it('New Notebook opens the tutorial as an untitled notebook', async () => {
    await vscode.commands.executeCommand('regnb.newNotebook');
    const editor = await waitFor('a notebook editor', () => vscode.window.activeNotebookEditor);
    assert.strictEqual(editor.notebook.notebookType, 'regnb');
    assert.ok(editor.notebook.isUntitled);
    assert.strictEqual(editor.notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code).length, 14, 'the tutorial: 12 experiments, a sweep and a compare cell');
  });
});
