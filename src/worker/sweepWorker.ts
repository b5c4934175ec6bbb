// Entry point of a sweep thread (bundled to dist/sweepWorker.js): trains the chunks
// of a sweep it is sent, on its own TensorFlow.js backend.

import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '../core/engine/backend';
import { trainChunk } from '../core/sweep/trainChunk';
import type { FromSweepThread, SweepThreadInit, ToSweepThread, WeightArray } from './sweepProtocol';

const port = parentPort;
if (!port) throw new Error('sweepWorker must run in a worker thread');
const init = workerData as SweepThreadInit;
const send = (m: FromSweepThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const jobs = new Map<number, AbortController>();

const ready = useBackend(init.backend, init.wasmDir).then(
  () => send({ type: 'ready' }),
  (e: Error) => {
    send({ type: 'error', job: null, message: e.message });
    throw e;
  },
);

port.on('message', (msg: ToSweepThread) => {
  if (msg.type === 'cancel') {
    jobs.get(msg.job)?.abort();
    return;
  }
  const controller = new AbortController();
  jobs.set(msg.job, controller);
  void (async () => {
    const initialWeights = msg.initialWeights?.map((w) => tf.tensor(w.values, w.shape));
    try {
      await ready;
      const chunk = await trainChunk(msg.spec, msg.data, msg.points, {
        signal: controller.signal,
        initialWeights,
        onRows: (rows, epochs) => send({ type: 'rows', job: msg.job, rows, epochs }),
      });
      const firsts = [...chunk.firsts].map(([alpha, o]) => {
        const weights: WeightArray[] = o.network.model.getWeights().map((w) => ({ shape: w.shape, values: new Float32Array(w.dataSync()) }));
        o.network.model.dispose();
        const seed = msg.points.find((p) => p.alpha === alpha && p.repeat === 0)!.seed;
        return { alpha, seed, status: o.status, error: o.error, rows: o.rows, durationMs: o.durationMs, weights };
      });
      send({ type: 'done', job: msg.job, points: chunk.points, firsts, cancelled: chunk.cancelled }, firsts.flatMap((f) => f.weights.map((w) => w.values.buffer as ArrayBuffer)));
    } catch (e) {
      send({ type: 'error', job: msg.job, message: (e as Error).message });
    } finally {
      if (initialWeights) tf.dispose(initialWeights);
      jobs.delete(msg.job);
    }
  })();
});
