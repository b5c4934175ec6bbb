// Entry point of a sweep thread (bundled to dist/sweepWorker.js): trains the chunks
// of a sweep it is sent, on its own TensorFlow.js backend.

import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { trainChunk } from '../core/sweep/trainChunk';
import { packRows } from './packedRows';
import { serveJobs } from './serveJobs';
import type { FirstOfAlpha, FromSweepThread, SweepThreadInit, ToSweepThread } from './sweepProtocol';

const port = parentPort;
if (!port) throw new Error('sweepWorker must run in a worker thread');
const init = workerData as SweepThreadInit;
const send = (m: FromSweepThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

serveJobs<ToSweepThread>({
  port,
  backend: init.backend,
  wasmDir: init.wasmDir,
  ready: () => send({ type: 'ready' }),
  error: (job, message) => send({ type: 'error', job, message }),
  run: async (msg, signal) => {
    const initialWeights = msg.initialWeights?.map((w) => tf.tensor(w.values, w.shape));
    try {
      const chunk = await trainChunk(msg.spec, msg.data, msg.points, {
        signal,
        initialWeights,
        onRows: (rows, epochs) => {
          const packed = packRows(rows);
          send({ type: 'rows', job: msg.job, rows: packed, epochs }, [packed.values.buffer as ArrayBuffer]);
        },
      });
      // Repeat 0 of each alpha goes back with its weights: the coordinator rebuilds its model.
      const firsts: FirstOfAlpha[] = [...chunk.firsts].map(([alpha, o]) => {
        const weights = o.network.model.getWeights().map((w) => ({ shape: w.shape, values: new Float32Array(w.dataSync()) }));
        o.network.model.dispose();
        const seed = msg.points.find((p) => p.alpha === alpha && p.repeat === 0)!.seed;
        return { alpha, seed, status: o.status, error: o.error, rows: packRows(o.rows), durationMs: o.durationMs, engine: o.engine, weights };
      });
      const transfer = firsts.flatMap((f) => [...f.weights.map((w) => w.values.buffer as ArrayBuffer), f.rows.values.buffer as ArrayBuffer]);
      send({ type: 'done', job: msg.job, points: chunk.points, firsts, cancelled: chunk.cancelled }, transfer);
    } finally {
      if (initialWeights) tf.dispose(initialWeights);
    }
  },
});
