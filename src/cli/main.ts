// The `regnb` command line (contract section 5): run and check notebooks headless.
//
// Exit status: 0 all runs completed; 1 a run failed or diverged (or was cancelled);
// 2 the notebook, a cell or an output path is invalid (nothing trained, nothing written).
// An output that cannot be written (or a cell edited while it ran) is reported in one
// line and makes the exit status 1; every other output is still written.

import { parseArgs } from 'node:util';
import * as path from 'path';
import * as fs from 'fs/promises';
import { useBackend, BACKEND_CHOICES, type BackendChoice } from '../core/engine/backend';
import { checkNotebookFile, runNotebook, type NotebookProblem } from '../core/runner/runNotebook';
import type { OutputUpdate } from '../core/notebook/mergeOutputs';
import { describeFsError } from '../core/store/fsError';
import { ChartFileError, renderChartFiles } from '../core/charts/renderHeadless';
import type { RunResult } from '../core/run/result';
import { SweepThreads } from '../worker/sweepThreads';
import { defaultSweepThreads } from '../worker/threadCount';
import { ScoringThread, scoringThreadWanted } from '../worker/scoringThread';
import { singleRunFollows } from './scoringWarmUp';
import { sweepWorkerEntry, threadEntry } from '../worker/threadEntry';
import { codeCacheDir } from '../worker/cachedBundle';
import { progressFor } from './progress';
import { penaltyShare } from '../core/run/penaltyShare';
import { scoredOnOf } from '../core/run/scoredOn';
import { installPaths } from './installPaths';
import { preflightOutputs, writeNotebookOutputs, writeOutputFile } from './writeOutputs';
import { DEFAULT_LIMITS, formatCount, limitsFromArgs, LIMIT_NAMES, MAX_WORKERS } from '../core/limits/limits';
import { escapeControl } from '../core/text/escapeControl';
import { EXPORT_USAGE, exportCommand } from './export';
import { dataCommand } from './data';
import { sweepBestLine } from '../core/sweep/sweepText';
import { coarseAlphas } from '../core/sweep/plan';
import type { RunContext } from '../core/runner/runExperiment';
import { gatherShards, mergedSweep, planSecondStage, type Gathered } from '../core/runner/mergeSweep';
import { resolveShard, type Env } from './shardIndex';
import { sweepCell } from './sweepCell';
import { shardCommand } from './shard';
import { markMerged } from './merge';

// Written when asked for: the limits' figures are formatted with toLocaleString, whose
// first call starts ICU's number formatting, ~17 ms of every start otherwise.
const usage = (): string => `usage:
  regnb run NOTEBOOK.regnb [--cell NAME]... [--out FILE] [--json FILE|-] [--charts DIR] [--backend auto|tensorflow|wasm|cpu] [--workers N] [--limit NAME=N]... [--allow-data-outside] [--quiet]
  regnb check NOTEBOOK.regnb [--limit NAME=N]... [--allow-data-outside]
  ${EXPORT_USAGE}
  regnb data NOTEBOOK.regnb --cell NAME [--out FILE] [--allow-data-outside]
  regnb run NOTEBOOK.regnb --cell NAME --shard I/N|auto [--shards N] [--store DIR] [--backend ...] [--workers N] [--limit NAME=N]...
  regnb merge NOTEBOOK.regnb --cell NAME [--out FILE] [--json FILE|-] [--charts DIR] [--store DIR] [--backend ...] [--limit NAME=N]...

run     trains the experiment cells in order (a cell named in train.from first), writes
        their outputs into the notebook (or into --out), the run results as JSON to
        --json, and each run's charts as SVG and PNG into --charts. --workers: threads
        that train a sweep's points at once (default: one per core, at most 64); with
        2 or more, a run's per-epoch record is scored on a thread beside its training.
--limit raises (or lowers) one of the stated limits every cell is checked against:
        ${LIMIT_NAMES.map((n) => `${n} (${formatCount(DEFAULT_LIMITS[n])})`).join(', ')}.
check   validates every cell and prints problems as FILE:CELL:LINE:COLUMN: message.
export  writes one experiment cell as a Keras or PyTorch script (the same as the editor's
        Copy Cell command) that prints its final scores as one JSON line; --data also
        writes RegNB's exact train/test rows for the script to read.
--cell  (run) selects experiment or compare cells by name.
data    writes the cell's data set as CSV (raw inputs, target, split train/test; training
        rows first, in training order) to --out or stdout.
--shard (run) trains shard I of N (I from 0) of a grid cell's models into the run store;
        auto: the index from a job array (JOB_COMPLETION_INDEX with --shards N or
        REGNB_SHARDS; SLURM_ARRAY_TASK_ID; AWS_BATCH_JOB_ARRAY_INDEX with --shards N).
merge   combines the shards into the sweep an unsharded run gives and writes it as run
        does; with refine:, merging the first stage plans the second (run its shards,
        then merge again). Exit 1 names the shards not in.
--store DIR: the run store's folder (default .regnb beside the notebook), e.g. a shared volume.
--allow-data-outside: CSV files may lie outside the notebook's folder (refused by default).

exit status: 0 all runs completed, 1 a run failed, diverged or was interrupted, or an output
could not be written, 2 the notebook, a cell or an output path is invalid.`;

/** `env`: where --shard auto reads a job array's variables (the process's own by default). */
export async function main(argv: string[], env: Env = process.env): Promise<number> {
  if (argv[0] === 'export') return exportCommand(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        cell: { type: 'string', multiple: true },
        out: { type: 'string' },
        json: { type: 'string' },
        charts: { type: 'string' },
        backend: { type: 'string' },
        workers: { type: 'string' },
        limit: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q' },
        'allow-data-outside': { type: 'boolean' },
        shard: { type: 'string' },
        shards: { type: 'string' },
        store: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`regnb: ${escapeControl((e as Error).message)}\n${usage()}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const [command, file, ...rest] = positionals;
  if (!command || !file || rest.length > 0 || !['run', 'check', 'data', 'merge'].includes(command)) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  if (command === 'data') {
    if (values.cell?.length !== 1) {
      process.stderr.write(`regnb data: name one cell with --cell NAME\n${usage()}\n`);
      return 2;
    }
    return dataCommand({ notebook: file, cell: values.cell[0] as string, out: values.out, dataDir: installPaths().dataDir, allowDataOutside: values['allow-data-outside'] ?? false, stdout: process.stdout, stderr: process.stderr });
  }
  const { shard, error: shardError } = command === 'run' ? resolveShard({ shard: values.shard, shards: values.shards }, env) : { shard: undefined, error: values.shard !== undefined || values.shards !== undefined ? `--shard and --shards go with run, not ${command}` : undefined };
  if (shardError) {
    process.stderr.write(`regnb: ${shardError}\n`);
    return 2;
  }
  if (shard && (values.out || values.json || values.charts)) {
    process.stderr.write('regnb: a shard writes only the run store: --out, --json and --charts go with regnb merge\n');
    return 2;
  }
  if (values.store === '') {
    process.stderr.write('regnb: --store needs a folder\n');
    return 2;
  }
  const storeDir = values.store ? path.resolve(values.store) : undefined;
  const backendChoice = (values.backend ?? 'auto') as BackendChoice;
  if (!BACKEND_CHOICES.includes(backendChoice)) {
    process.stderr.write(`regnb: --backend must be one of ${BACKEND_CHOICES.join(', ')}\n`);
    return 2;
  }
  const workers = values.workers === undefined ? defaultSweepThreads() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    process.stderr.write(`regnb: --workers must be a whole number from 1 to ${MAX_WORKERS}, not '${escapeControl(String(values.workers))}'\n`);
    return 2;
  }
  const { limits, problems: limitArgProblems } = limitsFromArgs(values.limit ?? []);
  if (limitArgProblems.length > 0) {
    process.stderr.write(limitArgProblems.map((p) => `regnb: ${escapeControl(p)}\n`).join(''));
    return 2;
  }
  const notebookPath = path.resolve(file);
  const { dataDir, wasmDir } = installPaths();
  const readText = (p: string) => fs.readFile(p, 'utf8');
  const allowDataOutside = values['allow-data-outside'] ?? false;

  const checked = await checkNotebookFile(notebookPath, { dataDir, readText, allowDataOutside, cells: values.cell, limits, storeDir });
  if (checked.problems.some((p) => p.severity === 'error')) {
    printProblems(file, checked.problems);
    return 2;
  }
  if (command === 'check') {
    printProblems(file, checked.problems);
    const count = checked.specs.length;
    process.stdout.write(`${escapeControl(file)}: ${count} experiment cell${count === 1 ? '' : 's'}, no errors\n`);
    return 0;
  }
  printProblems(file, checked.problems);
  // The record's scoring thread (worker/scoringThread.ts): its thread starts when a run
  // has trained long enough to use it (SCORING_AFTER_MS), or once a cell is done and a
  // single run follows (scoringWarmUp.ts), which then uses it from its first epoch.
  const scoring = command === 'run' && !shard && checked.specs.some((s) => !s.grid) && scoringThreadWanted(workers, false) ? new ScoringThread(threadEntry('scoringWorker', codeCacheDir())) : undefined;
  const runOrder = checked.plan.steps.flatMap((s) => (s.spec ? [s.spec] : []));
  const sharded = shard || command === 'merge' ? sweepCell(checked, values.cell, shard ? '--shard' : 'merge') : undefined;
  if (sharded && 'error' in sharded) {
    process.stderr.write(`regnb: ${escapeControl(sharded.error)}\n`);
    return 2;
  }
  // A merge trains one model (the refit) on the backend the shards trained on, unless told otherwise.
  let merge: { gathered: Extract<Gathered, { kind: 'ready' }>; sweep: RunContext['sweep'] } | undefined;
  if (command === 'merge' && sharded) {
    const gathered = await gatherShards(sharded.spec, sharded.source, { notebookPath, storeDir });
    for (const p of gathered.problems) process.stderr.write(`regnb: warning: ${escapeControl(p)}\n`);
    if (gathered.kind !== 'ready') {
      process.stderr.write(`regnb: ${escapeControl(sharded.spec.name)}: ${escapeControl(gathered.message)}\n`);
      return 1;
    }
    const planned = await planSecondStage(sharded.spec, gathered);
    if (planned) {
      process.stderr.write(`${escapeControl(sharded.spec.name)}: stage 1 merged (${gathered.records[0].length} shards): stage 2 refines around alpha ${planned.around}: ${planned.alphas.join(', ')}; run the stage-2 shards (regnb run --cell ${escapeControl(sharded.spec.name)} --shard I/N), then regnb merge again\n`);
      return 0;
    }
    merge = { gathered, sweep: mergedSweep(gathered) };
  }

  // Every output path is checked before training, so a bad one fails now, not after an hour of runs.
  const out = values.out ? path.resolve(values.out) : notebookPath;
  const jsonFile = values.json && values.json !== '-' ? path.resolve(values.json) : undefined;
  const chartsDir = values.charts ? path.resolve(values.charts) : undefined;
  const unwritable = await preflightOutputs({ notebookPath, out, json: jsonFile, charts: chartsDir, cells: checked.plan.steps.filter((s) => s.spec).map((s) => s.name), storeDir });
  if (unwritable.length > 0) {
    process.stderr.write(unwritable.map((p) => `regnb: ${escapeControl(p)}\n`).join(''));
    return 2;
  }

  const progress = progressFor(process.stderr, values.quiet ?? false);
  const backend = await useBackend(merge && values.backend === undefined ? merge.gathered.backend : backendChoice, wasmDir);
  if (merge && backend !== merge.gathered.backend) progress.message(`regnb: warning: the shards trained on ${merge.gathered.backend}; the refit on ${backend} may give other numbers than an unsharded run`);
  progress.message(`regnb: backend ${backend}, sweeps on ${workers} thread${workers === 1 ? '' : 's'}`);
  const controller = new AbortController();
  const onSigint = () => {
    progress.message('regnb: interrupted; finishing the current epoch and keeping what was trained');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  // A cluster stops a job with SIGTERM (preemption, a deleted Job): a shard records what it has.
  if (shard) process.once('SIGTERM', onSigint);
  // One thread is this one: only more than one is worth a pool.
  const sweepRunner = workers > 1 ? new SweepThreads({ entry: sweepWorkerEntry(codeCacheDir()), size: workers, backend, wasmDir }) : undefined;
  // A thread takes ~0.15 s of a core to load its code and backend: the threads a sweep will
  // use start now, beside the data's preparation, not when its first chunk is sent. Each
  // alpha is one chunk at least, so no more threads than the largest grid has alphas (a
  // merge trains one model, the refit, and a shard a share of the points: their threads
  // start on demand).
  const sweepAlphas = command === 'run' && !shard ? Math.max(0, ...checked.specs.map((s) => (s.grid ? coarseAlphas(s.grid.alpha).length : 0))) : 0;
  if (sweepRunner && sweepAlphas > 0) sweepRunner.warm(sweepAlphas).catch(() => undefined);
  const specOf = (cell: string) => checked.specs.find((s) => s.name === cell)!;
  let results: RunResult[];
  if (shard && sharded && !('error' in sharded)) {
    try {
      return await shardCommand(sharded.spec, sharded.source, shard, { notebookPath, limits, dataDir, backend, readText, allowDataOutside, sweepRunner, signal: controller.signal, storeDir }, progress);
    } finally {
      process.removeListener('SIGINT', onSigint);
      process.removeListener('SIGTERM', onSigint);
      sweepRunner?.dispose();
    }
  }
  try {
    results = await runNotebook(checked, {
      notebookPath,
      limits,
      dataDir,
      backend,
      readText,
      allowDataOutside,
      sweepRunner,
      scoring,
      signal: controller.signal,
      storeDir,
      sweep: merge?.sweep,
      onEvent: (e) => {
        if (e.type === 'start') progress.start(e.cell, e.epochs);
        else if (e.type === 'rows') {
          const last = e.rows[e.rows.length - 1];
          progress.update(e.cell, last.epoch, e.epochs, { loss: last.totalLoss, testMetric: last.testMetric, metric: specOf(e.cell).metric, scoredOn: e.scoredOn });
        } else if (e.type === 'points') {
          const p = e.points[0];
          const metric = specOf(e.cell).metric;
          const scores = e.points.map((q) => q.final.test[metric] ?? q.final.test.loss);
          progress.message(`${e.cell}: alpha ${p.alpha}${p.refined ? ' (refined)' : ''}: ${scoredOnOf(p.scoredOn)} ${scores.map((v) => v.toFixed(3)).join(', ')}`);
        } else {
          progress.end(e.cell, summaryLine(e.result));
          if (scoring && singleRunFollows(runOrder, e.cell)) void scoring.ready();
        }
      },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    sweepRunner?.dispose();
    void scoring?.dispose();
  }

  // Each output on its own: one that cannot be written costs only itself.
  const failures: string[] = results.flatMap((r) => (r.store === null ? [`${r.name}: ${r.error}`] : []));
  const ran = new Set(results.map((r) => r.name));
  const updates: OutputUpdate[] = [
    ...checked.plan.steps.filter((s) => s.spec && ran.has(s.name)).map((s) => ({ index: s.index, label: s.name })),
    // Compare cells are drawn once every run is in; an interrupted run leaves them as they were.
    ...(controller.signal.aborted ? [] : checked.plan.steps.filter((s) => s.compare).map((s) => ({ index: s.index, label: `compare cell ${s.index + 1}` }))),
  ].map(({ index, label }) => ({ index, label, kind: checked.doc.cells[index].kind, source: checked.doc.cells[index].source, outputs: checked.doc.cells[index].outputs ?? [] }));
  // The notebook and the --json file are written side by side, each laid out while the
  // other waits on the disk (its lock, its flushes), unless they are one file: then the
  // --json text is written last, as it always was.
  const sameFile = jsonFile !== undefined && (await realFile(jsonFile)) === (await realFile(out));
  const notebookWritten = writeNotebookOutputs(notebookPath, out, updates);
  if (sameFile) await notebookWritten.catch(() => undefined);
  let jsonWritten: Promise<string | undefined> | undefined;
  let jsonFailure: string | undefined;
  if (values.json) {
    let text: string | undefined;
    try {
      text = `${JSON.stringify(results, null, 2)}\n`;
    } catch (e) {
      jsonFailure = `--json was not written: ${describeFsError(e, values.json)}`;
    }
    if (text !== undefined && jsonFile) jsonWritten = writeOutputFile(jsonFile, text, '--json');
    else if (text !== undefined) process.stdout.write(text);
  }
  const written = await notebookWritten;
  failures.push(...written.conflicts.map((c) => c.message));
  if (written.failure) failures.push(written.failure);
  jsonFailure ??= await jsonWritten;
  if (jsonFailure) failures.push(jsonFailure);
  if (chartsDir) {
    const dir = chartsDir;
    for (const r of results) {
      if (r.history.epoch.length === 0) continue;
      try {
        const files = await renderChartFiles(r, dir, r.name);
        progress.message(`${r.name}: ${files.length} chart files in ${path.relative(process.cwd(), dir) || '.'}`);
      } catch (e) {
        // A file it could not make is named (not the folder, nor a temporary file).
        const why = e instanceof ChartFileError ? describeFsError(e.cause, path.relative(process.cwd(), e.file)) : describeFsError(e, path.relative(process.cwd(), dir) || dir);
        failures.push(`${r.name}: the charts were not written: ${why}`);
      }
    }
  }
  if (merge) {
    const r = results[0];
    if (r?.status === 'completed' && r.store !== null) {
      const failure = await markMerged(merge.gathered, r, notebookPath, storeDir);
      if (failure) failures.push(failure);
      else progress.message(`${r.name}: merged ${merge.gathered.records.map((s) => s.length).join(' + ')} shards into run ${r.runId}`);
    }
  }
  for (const f of failures) process.stderr.write(`regnb: ${f}\n`);
  if (failures.length > 0) return 1;
  return results.every((r) => r.status === 'completed') ? 0 : 1;
}

/** The file a path names, links followed; the path itself when it does not exist yet. */
function realFile(file: string): Promise<string> {
  return fs.realpath(file).catch(() => file);
}

function printProblems(file: string, problems: NotebookProblem[]): void {
  for (const p of problems) {
    process.stderr.write(`${escapeControl(file)}:${escapeControl(p.cell)}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${escapeControl(p.message)}\n`);
  }
}

export function summaryLine(r: RunResult): string {
  // Lines are joined with real line breaks after every piece from the run was escaped.
  r = { ...r, name: escapeControl(r.name), error: r.error ? escapeControl(r.error) : r.error };
  const m = r.metric;
  const test = r.final.test[m];
  const secs = (r.durationMs / 1000).toFixed(1);
  if (r.status === 'failed') return `${r.name}: failed: ${r.error}`;
  // The recommendation (guidance) carries the sweep's choice in full; without one, its one line.
  const sweep = r.grid && !r.guidance?.recommendation ? sweepBestLine(r.grid, r.metric, r.data?.nTrain) : null;
  const best = `${sweep ? `\n  sweep: ${sweep}` : ''}${(r.grid?.warnings ?? []).map((w) => `\n  ! ${w}`).join('')}`;
  const share = penaltyShare(r.final);
  const advice = (r.guidance?.findings ?? []).filter((f) => f.kind !== 'healthy').map((f) => `\n  ${f.severity === 'warning' ? '!' : '·'} ${escapeControl(f.message)}`).join('');
  const recommendation = r.guidance?.recommendation ? `\n  → ${escapeControl(r.guidance.recommendation.message)}` : '';
  const testText = typeof test === 'number' && Number.isFinite(test) ? test.toFixed(3) : m === 'r2' && Number.isFinite(r.final.test.loss) ? 'undefined (constant target)' : '-';
  const head = `${r.name}: ${r.status} ${r.history.epoch.length} epochs in ${secs}s, test ${m} ${testText}, test loss ${r.final.test.loss.toFixed(4)}, penalty ${share === null ? '-' : `${(100 * share).toFixed(1)}%`} of the loss`;
  return `${head}${best}${r.error ? ` (${r.error})` : ''}${advice}${recommendation}`;
}

/** Runs the command line this process was started with (dist/cli.js calls it, or `tsx src/cli/main.ts`). */
export function runFromCommandLine(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`regnb: ${escapeControl(e.message)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runFromCommandLine();
