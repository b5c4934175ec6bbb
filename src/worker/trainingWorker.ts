// Entry point of the training worker thread (bundled to dist/worker.js).

import { parentPort, workerData } from 'node:worker_threads';
import * as fs from 'fs/promises';
import { useBackend } from '../core/engine/backend';
import { runExperiment } from '../core/runner/runExperiment';
import { SweepThreads } from '../core/sweep/sweepThreads';
import type { BackendName } from '../core/run/result';
import { sweepWorkerEntry } from './sweepWorkerEntry';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

const port = parentPort;
if (!port) throw new Error('trainingWorker must run in a worker thread');
const init = workerData as WorkerInit;
const send = (m: FromWorker) => port.postMessage(m);
const jobs = new Map<number, AbortController>();
// Sweep threads start with the first sweep and use the backend this worker got.
let sweepThreads: SweepThreads | undefined;
const sweepRunner = (backend: BackendName) =>
  init.sweepThreads > 1 ? (sweepThreads ??= new SweepThreads({ entry: sweepWorkerEntry(), size: init.sweepThreads, backend, wasmDir: init.wasmDir })) : undefined;

const ready = useBackend(init.backend, init.wasmDir).then(
  (backend) => {
    send({ type: 'ready', backend });
    return backend;
  },
  (e: Error) => {
    send({ type: 'error', job: null, message: e.message });
    throw e;
  },
);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'cancel') {
    jobs.get(msg.job)?.abort();
    return;
  }
  const controller = new AbortController();
  jobs.set(msg.job, controller);
  void (async () => {
    try {
      const backend = await ready;
      const result = await runExperiment(msg.spec, {
        notebookPath: msg.notebookPath,
        dataDir: init.dataDir,
        backend,
        readText: (p) => fs.readFile(p, 'utf8'),
        signal: controller.signal,
        sweepRunner: msg.spec.grid ? sweepRunner(backend) : undefined,
        onEvent: (event) => {
          // The final result travels once, in the 'result' message.
          if (event.type !== 'done') send({ type: 'event', job: msg.job, event });
        },
      });
      send({ type: 'result', job: msg.job, result });
    } catch (e) {
      send({ type: 'error', job: msg.job, message: (e as Error).message });
    } finally {
      jobs.delete(msg.job);
    }
  })();
});
