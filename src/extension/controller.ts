// The notebook controller ("kernel") for experiment cells: run cell, run all,
// interrupt. Training happens in the worker; this class turns its events into cell
// executions, live progress for the renderer, and final run-result outputs.

import * as fs from 'fs/promises';
import * as vscode from 'vscode';
import { formatProblem } from '../core/cell/problems';
import type { CompletedSpec, Problem } from '../core/experiment/experiment';
import type { RunResult } from '../core/run/result';
import { COMPARE_MIME, PROGRESS_MIME, RUN_MIME, type ProgressData } from '../core/protocol/notebookRenderer';
import { boundRunResult, isRunResultLike } from '../core/notebook/boundOutputs';
import { notebookSweeps, reviseFindings } from '../core/guidance/sweepEvidence';
import { storeRevision } from '../core/store/revision';
import { compareCells } from '../core/runner/compareCell';
import { planRun, type PlannedCell, type RunPlan } from '../core/runner/runPlan';
import { plannedPoints } from '../core/sweep/plan';
import { openComparison } from './compare';
import type { TrainingClient } from './trainingClient';
import type { LiveChannel } from './liveChannel';
import { CONTROLLER_ID, LANGUAGE_ID, NOTEBOOK_TYPE } from './ids';
import { readLimits } from './settings';

export class RegnbController implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private executionOrder = 0;
  private readonly running = new Map<string, AbortController>();
  private readonly emitter = new vscode.EventEmitter<RunResult>();
  /** Fires after every finished run (the tree refreshes on it). */
  readonly onDidFinishRun = this.emitter.event;

  constructor(
    private readonly client: TrainingClient,
    private readonly live: LiveChannel,
  ) {
    this.controller = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'RegNB');
    this.controller.supportedLanguages = [LANGUAGE_ID];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = 'Trains experiment cells with TensorFlow.js';
    this.controller.executeHandler = (cells, notebook) => this.execute(cells, notebook);
    this.controller.interruptHandler = (notebook) => {
      this.running.get(notebook.uri.toString())?.abort();
    };
  }

  /** Shows stored runs side by side in a new notebook (the Compare Runs command). */
  compare(runs: RunResult[]): Promise<void> {
    return openComparison(runs, this.controller);
  }

  dispose(): void {
    this.controller.dispose();
    this.emitter.dispose();
  }

  private async execute(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      const manage = 'Manage Workspace Trust';
      const pick = await vscode.window.showWarningMessage('Running experiments trains code on your data: trust this workspace first.', manage);
      if (pick === manage) await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
    const key = notebook.uri.toString();
    const abort = new AbortController();
    this.running.get(key)?.abort();
    this.running.set(key, abort);
    try {
      const plan = await this.plan(cells, notebook);
      const ran: { cell: vscode.NotebookCell; spec: CompletedSpec; result: RunResult; order: number | undefined }[] = [];
      for (const step of plan.steps) {
        if (abort.signal.aborted) break;
        const cell = notebook.cellAt(step.index);
        if (step.compare) await this.runCompare(cell, step.compare, notebook);
        else {
          const done = await this.runCell(cell, step.spec, step.problems, plan.cells, abort.signal);
          if (done && step.spec) ran.push({ cell, spec: step.spec, ...done });
        }
      }
      await this.reviseForSweeps(ran, plan.cells, notebook);
    } finally {
      if (this.running.get(key) === abort) this.running.delete(key);
    }
  }

  /** The shared run plan (src/core/runner/runPlan.ts): the selected cells and the cells they need, checked, in order. */
  private async plan(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<RunPlan> {
    const experiments = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === LANGUAGE_ID);
    const plan = await planRun(experiments.map((c) => ({ source: c.document.getText(), index: c.index })), {
      notebookPath: notebook.uri.fsPath,
      dataDir: this.client.dataDir,
      readText: (p) => fs.readFile(p, 'utf8'),
      allowDataOutside: this.client.allowsDataOutside,
      limits: readLimits(),
      want: { indexes: cells.map((c) => c.index) },
    });
    return plan;
  }

  /**
   * A sweep that ran after a cell may speak against that cell's advice: diagnose the
   * cells of this execution again with the notebook's sweeps (as the CLI does) and
   * replace the outputs whose findings changed.
   */
  private async reviseForSweeps(
    ran: { cell: vscode.NotebookCell; spec: CompletedSpec; result: RunResult; order: number | undefined }[],
    planned: PlannedCell[],
    notebook: vscode.NotebookDocument,
  ): Promise<void> {
    if (ran.length === 0) return;
    const sweeps = notebookSweeps(cellsWithResults(notebook, planned));
    for (const r of ran) {
      if (!reviseFindings(r.result, r.spec, sweeps)) continue;
      await storeRevision(notebook.uri.fsPath, r.result);
      const execution = this.controller.createNotebookCellExecution(r.cell);
      execution.executionOrder = r.order;
      execution.start(Date.now());
      await execution.replaceOutput(runOutputs(r.result));
      execution.end(r.result.status === 'completed', Date.now());
    }
  }

  /** A `compare:` cell: the latest runs of the named cells, overlaid. */
  private async runCompare(cell: vscode.NotebookCell, names: string[], notebook: vscode.NotebookDocument): Promise<void> {
    const execution = this.controller.createNotebookCellExecution(cell);
    execution.executionOrder = ++this.executionOrder;
    execution.start(Date.now());
    try {
      const comparison = await compareCells(notebook.uri.fsPath, names);
      await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(comparison, COMPARE_MIME)]));
      execution.end(true, Date.now());
    } catch (e) {
      await execution.replaceOutput(errorOutput('Nothing to compare', (e as Error).message));
      execution.end(false, Date.now());
    }
  }

  private async runCell(
    cell: vscode.NotebookCell,
    spec: CompletedSpec | undefined,
    problems: Problem[],
    planned: PlannedCell[],
    signal: AbortSignal,
  ): Promise<{ result: RunResult; order: number | undefined } | undefined> {
    const notebook = cell.notebook;
    const execution = this.controller.createNotebookCellExecution(cell);
    execution.executionOrder = ++this.executionOrder;
    execution.start(Date.now());
    const cellAbort = new AbortController();
    const onAbort = () => cellAbort.abort();
    signal.addEventListener('abort', onAbort);
    execution.token.onCancellationRequested(onAbort);
    try {
      if (!spec) {
        await execution.replaceOutput(errorOutput('Invalid experiment cell', problems.map(formatProblem).join('\n')));
        execution.end(false, Date.now());
        return;
      }
      // The renderer draws the live chart from deltas posted on the channel under this key.
      const liveKey = `${cell.document.uri.toString()}#${execution.executionOrder}`;
      this.live.start(liveKey, spec.name, spec.train.epochs);
      await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json({ liveKey, name: spec.name, epochs: spec.train.epochs } satisfies ProgressData, PROGRESS_MIME)]));
      let result: RunResult;
      try {
        result = await this.client.run(spec, notebook.uri.fsPath, (event) => {
          if (event.type === 'start') this.live.started(liveKey, event.layers, event.metric);
          else if (event.type === 'rows') this.live.rows(liveKey, event.rows, event.scoredOn);
          else if (event.type === 'points') this.live.sweep(liveKey, event.grid, plannedPoints(spec.grid!));
        }, cellAbort.signal, readLimits());
      } finally {
        this.live.end(liveKey);
      }
      // The notebook's sweeps, this cell's own result included, as the CLI reads them.
      const sweeps = notebookSweeps([...cellsWithResults(cell.notebook, planned, cell), { spec, result }]);
      if (reviseFindings(result, spec, sweeps)) await storeRevision(notebook.uri.fsPath, result);
      await execution.replaceOutput(runOutputs(result));
      execution.end(result.status === 'completed', Date.now());
      this.emitter.fire(result);
      return { result, order: execution.executionOrder };
    } catch (e) {
      await execution.replaceOutput(errorOutput('Run failed', (e as Error).message));
      execution.end(false, Date.now());
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    return undefined;
  }
}

function runOutputs(result: RunResult): vscode.NotebookCellOutput[] {
  // The worker bounded the result already (the costly part); bounding again after the
  // revised findings is a size check that keeps the cell within its limit.
  const outputs = [new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(boundRunResult(result), RUN_MIME)])];
  if (result.status === 'failed' || result.status === 'diverged') {
    outputs.push(errorOutput(result.status === 'failed' ? 'Run failed' : 'Training diverged', result.error ?? ''));
  }
  return outputs;
}

/** The run result a cell's output holds, if any. */
function cellRunResult(cell: vscode.NotebookCell): RunResult | undefined {
  for (const output of cell.outputs) {
    const item = output.items.find((i) => i.mime === RUN_MIME);
    if (!item) continue;
    try {
      const data: unknown = JSON.parse(new TextDecoder().decode(item.data));
      return isRunResultLike(data) ? data : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Every experiment cell's spec (as the run plan checked it) with the run result its output holds. */
function cellsWithResults(notebook: vscode.NotebookDocument, planned: PlannedCell[], except?: vscode.NotebookCell): { spec: CompletedSpec | undefined; result: RunResult | undefined }[] {
  return planned.flatMap((p) => {
    if (p.kind !== 'experiment') return [];
    const cell = notebook.cellAt(p.index);
    return cell === except ? [] : [{ spec: p.spec, result: cellRunResult(cell) }];
  });
}

function errorOutput(name: string, message: string): vscode.NotebookCellOutput {
  // No stack: the user needs the message (with its line:column), not our call chain.
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name, message, stack: '' })]);
}
