// Entry point of the training worker thread (bundled to dist/worker.js).

import { parentPort, workerData } from 'node:worker_threads';
import * as fs from 'fs/promises';
import { runExperiment } from '../core/runner/runExperiment';
import { boundRunResult } from '../core/notebook/boundOutputs';
import { SweepThreads } from './sweepThreads';
import type { BackendName } from '../core/run/result';
import { ScoringThread, scoringThreadWanted } from './scoringThread';
import { sweepWorkerEntry, threadEntry } from './threadEntry';
import { serveJobs } from './serveJobs';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

const port = parentPort;
if (!port) throw new Error('trainingWorker must run in a worker thread');
const init = workerData as WorkerInit;
const send = (m: FromWorker) => port.postMessage(m);
// Sweep threads start with the first sweep and use the backend this worker got.
let sweepThreads: SweepThreads | undefined;
const sweepRunner = (backend: BackendName) =>
  init.sweepThreads > 1 ? (sweepThreads ??= new SweepThreads({ entry: sweepWorkerEntry(), size: init.sweepThreads, backend, wasmDir: init.wasmDir })) : undefined;

// The record's scoring thread: its thread starts with the first run that trains long
// enough to use it (SCORING_AFTER_MS), or after the first run, and stays: the runs after
// use it from their first epoch.
const scoring = scoringThreadWanted(init.sweepThreads, true) ? new ScoringThread(threadEntry('scoringWorker')) : undefined;

serveJobs<ToWorker>({
  port,
  backend: init.backend,
  wasmDir: init.wasmDir,
  ready: (backend) => send({ type: 'ready', backend }),
  error: (job, message) => send({ type: 'error', job, message }),
  run: async (msg, signal, backend) => {
    const result = await runExperiment(msg.spec, {
      notebookPath: msg.notebookPath,
      limits: msg.limits,
      dataDir: init.dataDir,
      backend,
      readText: (p) => fs.readFile(p, 'utf8'),
      allowDataOutside: msg.allowDataOutside,
      signal,
      sweepRunner: msg.spec.grid ? sweepRunner(backend) : undefined,
      scoring,
      onEvent: (event) => {
        // The final result travels once, in the 'result' message.
        if (event.type !== 'done') send({ type: 'event', job: msg.job, event });
      },
    });
    // Bounded here, off the extension host's thread: bounding a long history can take a
    // second, and the host needs only what the cell holds (the store has the full result).
    send({ type: 'result', job: msg.job, result: boundRunResult(result) });
    // A person who ran one cell runs more: the next finds the thread warm.
    if (scoring) void scoring.ready();
  },
});
