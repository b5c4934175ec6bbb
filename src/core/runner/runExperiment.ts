// Runs one experiment cell end to end: loads its data, resolves `train.from`,
// trains, and writes the run store. Shared by the CLI and the extension's worker.

import type { ScoringLane } from '../engine/fused/scoringLane';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import { loadDataset } from '../data/loadDataset';
import { DataError, dataErrorMessage, type Dataset, type ReadText } from '../data/dataset';
import { WEIGHTED_LAYER_TYPES, type CompletedSpec } from '../experiment/experiment';
import type { BackendName, GridPoint, GridResult, MetricName, RunResult, ScoredOn } from '../run/result';
import { train, type EpochRow, type MemberOutcome } from '../engine/trainer';
import { runSweep, type ChunkRunner, type SweepOptions, type SweepOutcome } from '../sweep/runSweep';
import { inputLayoutFor, type Network } from '../engine/network';
import { buildRunResult } from '../engine/runResult';
import { decisionBoundary, weightHistograms } from '../engine/finalViews';
import { diagnose, recommendAlpha } from '../guidance/diagnose';
import { equivalentSettings } from '../guidance/equivalents';
import { latestRun, runDir, RunStoreError, writeRun } from '../store/runStore';
import { readModelArtifacts, type ModelArtifacts } from '../store/modelFiles';
import { describeFsError } from '../store/fsError';
import { limitProblems } from '../limits/checkLimits';
import { DEFAULT_LIMITS, type Limits } from '../limits/limits';
import { sweepOf, sweepsFor, type NotebookSweep } from '../guidance/sweepEvidence';
import { makeRunId } from '../store/runId';
import { dataDisagreement } from './dataAgreement';
import { pointScoredOn } from '../sweep/plan';

export interface RunContext {
  /** Absolute path of the notebook: data files and the run store are relative to its folder. */
  notebookPath: string;
  /** Folder of the bundled data sets. */
  dataDir: string;
  backend: BackendName;
  readText: ReadText;
  /** CSV files may lie outside the notebook's folder. */
  allowDataOutside?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** The limits the cell was checked against (default DEFAULT_LIMITS): checked again once the data is loaded. */
  limits?: Limits;
  /** Sweep threads for grid cells; without, sweeps train in this thread. */
  sweepRunner?: ChunkRunner;
  /** A thread that scores a single run's per-epoch record beside its training (engine/fused/scoringRing.ts). */
  scoring?: ScoringLane;
  /** The notebook's sweeps so far: a diagnosis never contradicts one of the same data and network. */
  sweeps?: readonly NotebookSweep[];
  /** The store folder (`--store DIR`); default `.regnb` beside the notebook. */
  storeDir?: string;
  /** The cell's 0-based index in its notebook, when known: messages about the cell name its place. */
  cellIndex?: number;
  /** How a grid cell's sweep is had (default runSweep; a merge puts its shards' points together instead). */
  sweep?: (spec: CompletedSpec, data: Dataset, opts: SweepOptions) => Promise<SweepOutcome>;
}

/** What a run trains on: the cell's data set and the weights `train.from` starts from. */
export interface RunInputs {
  dataset: Dataset;
  from?: { cell: string; runId: string; weights: tf.Tensor[] };
}

export type RunEvent =
  | { type: 'start'; cell: string; runId: string; epochs: number; layers: string[]; metric: MetricName }
  | { type: 'rows'; cell: string; runId: string; rows: EpochRow[]; epochs: number; /** What the rows' test figures are scored on: a validated sweep point's held-out training rows, or the test set. */ scoredOn?: ScoredOn }
  | { type: 'points'; cell: string; runId: string; points: GridPoint[]; grid: GridResult }
  | { type: 'done'; cell: string; result: RunResult };

export async function runExperiment(spec: CompletedSpec, ctx: RunContext): Promise<RunResult> {
  const started = new Date();
  const runId = makeRunId(spec.name, started);
  const dir = runDir(ctx.notebookPath, spec.name, runId, ctx.storeDir);
  const store = path.relative(path.dirname(ctx.notebookPath), dir).split(path.sep).join('/');
  const identity = { runId, startedAt: started.toISOString(), backend: ctx.backend, store, notebook: path.basename(ctx.notebookPath) };
  let dataset: Dataset | undefined;
  let network: Network | undefined;
  try {
    const inputs = await runInputs(spec, ctx);
    dataset = inputs.dataset;
    const from = inputs.from;
    const layers = spec.model.filter((l) => WEIGHTED_LAYER_TYPES.includes(l.type)).map((l) => l.name);
    ctx.onEvent?.({ type: 'start', cell: spec.name, runId, epochs: spec.train.epochs, layers, metric: spec.metric });
    let outcome: MemberOutcome;
    let grid: GridResult | undefined;
    if (spec.grid) {
      const sweep = await (ctx.sweep ?? runSweep)(spec, dataset, {
        signal: ctx.signal,
        runner: ctx.sweepRunner,
        initialWeights: from?.weights,
        onRows: (p, rows, epochs) => ctx.onEvent?.({ type: 'rows', cell: spec.name, runId, rows, epochs, scoredOn: pointScoredOn(p) }),
        onPoints: (points, g) => ctx.onEvent?.({ type: 'points', cell: spec.name, runId, points, grid: g }),
      });
      if (!sweep.representative) {
        const done = sweep.grid.runs.length;
        throw new Error(
          sweep.cancelled
            ? done > 0
              ? `the sweep was cancelled after ${done} of its validation points, before the chosen alpha was refit on all training rows`
              : 'the sweep was cancelled before any point finished'
            : 'no point of the sweep finished',
        );
      }
      outcome = { ...sweep.representative, status: sweep.cancelled ? 'cancelled' : sweep.representative.status };
      grid = sweep.grid;
    } else {
      [outcome] = await train(spec, dataset, [{ layers: spec.model, train: spec.train, initialWeights: from?.weights }], {
        signal: ctx.signal,
        onRows: (_m, rows, epochs) => ctx.onEvent?.({ type: 'rows', cell: spec.name, runId, rows, epochs }),
        scoring: ctx.scoring,
      });
    }
    network = outcome.network;
    const result = buildRunResult(spec, dataset, outcome, { ...identity, from: from ? { cell: spec.train.from!, runId: from.runId } : null });
    if (grid) result.grid = grid;
    if (outcome.status !== 'diverged' && outcome.rows.length > 0) {
      const boundary = decisionBoundary(network, dataset, spec.task, outcome.engine);
      if (boundary) result.boundary = boundary;
      result.weights = weightHistograms(network);
      // The notebook's sweeps of the same data and network, this cell's own included.
      const own = sweepOf(spec, result);
      const sweeps = sweepsFor(spec, [...(ctx.sweeps ?? []).filter((s) => s.evidence.cell !== spec.name), ...(own ? [own] : [])]);
      result.guidance = {
        findings: diagnose(result, { standardize: spec.data.standardize, sweeps }),
        recommendation: result.grid ? recommendAlpha(result) : undefined,
        equivalents: equivalentSettings(spec, dataset.nTrain),
      };
    }
    // A diverged model's weights are NaN: not worth keeping as a starting point.
    const artifacts = outcome.status === 'diverged' ? undefined : await modelArtifacts(network);
    await storeRun(dir, result, artifacts, ctx.notebookPath);
    ctx.onEvent?.({ type: 'done', cell: spec.name, result });
    return result;
  } catch (e) {
    // Stopped before anything trained: cancelled, not failed (nothing went wrong).
    const result = failedResult(spec, identity, e instanceof DataError ? dataErrorMessage(e) : (e as Error).message, ctx.signal?.aborted ? 'cancelled' : 'failed');
    await storeRun(dir, result, undefined, ctx.notebookPath);
    ctx.onEvent?.({ type: 'done', cell: spec.name, result });
    return result;
  } finally {
    network?.model.dispose();
  }
}

/**
 * Loads what a cell trains on: its data set (checked against the spec and, its size
 * known now, the limits) and the stored weights `train.from` names.
 */
export async function runInputs(spec: CompletedSpec, ctx: Pick<RunContext, 'notebookPath' | 'dataDir' | 'readText' | 'allowDataOutside' | 'limits' | 'storeDir' | 'cellIndex'>): Promise<RunInputs> {
  const dataset = await loadDataset(spec.data, {
    baseDir: path.dirname(ctx.notebookPath),
    dataDir: ctx.dataDir,
    readText: ctx.readText,
    allowDataOutside: ctx.allowDataOutside,
    inputShape: inputLayoutFor(spec.model),
  });
  const disagreement = dataDisagreement(spec, dataset, { index: ctx.cellIndex });
  if (disagreement) throw new Error(disagreement);
  // A CSV file's size is known only now (the editor checks cells before reading it).
  const over = limitProblems(spec, () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }), ctx.limits ?? DEFAULT_LIMITS, { rows: dataset.nTrain + dataset.nTest, sampleShape: dataset.inputShape });
  if (over.length > 0) throw new Error(over[0].message);
  const from = spec.train.from ? { cell: spec.train.from, ...(await startingWeights(ctx.notebookPath, spec.train.from, ctx.storeDir)) } : undefined;
  return { dataset, from };
}

/**
 * Writes the run store; a store that cannot be written (read-only, full, a file where a
 * folder should be) does not lose the result: it is still returned (and becomes the
 * cell's output), with `store: null` and the reason in one line in `error`.
 */
async function storeRun(dir: string, result: RunResult, artifacts: ModelArtifacts | undefined, notebookPath: string): Promise<void> {
  try {
    await writeRun(dir, result, artifacts);
  } catch (e) {
    const shown = path.relative(path.dirname(notebookPath), dir).split(path.sep).join('/');
    const why = e instanceof RunStoreError ? e.message : describeFsError(e, shown);
    result.store = null;
    result.error = [result.error, `not stored in the run store: ${why}`].filter(Boolean).join('; ');
  }
}

async function startingWeights(notebookPath: string, cell: string, storeDir?: string): Promise<{ runId: string; weights: tf.Tensor[] }> {
  const run = await latestRun(notebookPath, cell, storeDir);
  if (!run) throw new Error(`train.from: cell '${cell}' has no completed run yet; run it first`);
  const artifacts = await readModelArtifacts(run.dir);
  const named = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  return { runId: run.runId, weights: artifacts.weightSpecs.map((s) => named[s.name]) };
}

async function modelArtifacts(net: Network): Promise<ModelArtifacts> {
  let saved: ModelArtifacts | undefined;
  await net.model.save(
    tf.io.withSaveHandler(async (a) => {
      saved = { modelTopology: a.modelTopology as object, weightSpecs: a.weightSpecs ?? [], weightData: a.weightData as ArrayBuffer, format: a.format, generatedBy: a.generatedBy, convertedBy: a.convertedBy ?? null };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return saved!;
}

function failedResult(spec: CompletedSpec, id: { runId: string; startedAt: string; backend: BackendName; store: string; notebook: string }, message: string, status: 'failed' | 'cancelled' = 'failed'): RunResult {
  return {
    regnb: 1,
    name: spec.name,
    runId: id.runId,
    status,
    error: message,
    task: spec.task,
    metric: spec.metric,
    backend: id.backend,
    durationMs: Date.now() - Date.parse(id.startedAt),
    layers: [],
    history: { epoch: [], dataLoss: [], penalty: {}, totalLoss: [], testLoss: [], trainMetric: [], testMetric: [], norms: {} },
    final: { train: { loss: NaN }, test: { loss: NaN }, penalty: 0 },
    store: id.store,
    startedAt: id.startedAt,
    notebook: id.notebook,
  };
}
