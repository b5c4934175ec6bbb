// The job client routes each reply to the job that asked, forwards a cancel, and fails
// waiting jobs with the reason when the thread cannot start or stops. A tiny thread
// written here plays the other side (no TensorFlow.js needed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JobClient, type JobReply } from '../../../src/worker/jobClient';

type To = { type: 'work'; job: number; n: number; hang?: boolean; exit?: boolean } | { type: 'cancel'; job: number };
type From = { type: 'ready'; name: string } | { type: 'step'; job: number; k: number } | { type: 'done'; job: number; sum: number; cancelled: boolean } | { type: 'error'; job: number | null; message: string };

// Replies 'step' k = 1..n, then 'done' with the sum; a 'hang' job waits for its cancel;
// an `exit` job ends the thread; workerData.fail makes the thread fail to start.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.fail) parentPort.postMessage({ type: 'error', job: null, message: 'no backend here' });
else parentPort.postMessage({ type: 'ready', name: workerData.name });
const hanging = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'cancel') { if (hanging.has(m.job)) { parentPort.postMessage({ type: 'done', job: m.job, sum: 0, cancelled: true }); hanging.delete(m.job); } return; }
  if (m.exit) process.exit(3);
  if (m.hang) { hanging.set(m.job, true); return; }
  let sum = 0;
  for (let k = 1; k <= m.n; k++) { sum += k; parentPort.postMessage({ type: 'step', job: m.job, k }); }
  if (m.n < 0) parentPort.postMessage({ type: 'error', job: m.job, message: 'negative n' });
  else parentPort.postMessage({ type: 'done', job: m.job, sum, cancelled: false });
});`;

function read(m: From): JobReply<string, number, { sum: number; cancelled: boolean }> {
  switch (m.type) {
    case 'ready': return { kind: 'ready', value: m.name };
    case 'step': return { kind: 'progress', job: m.job, value: m.k };
    case 'done': return { kind: 'done', job: m.job, value: { sum: m.sum, cancelled: m.cancelled } };
    case 'error': return { kind: 'failed', job: m.job, message: m.message };
  }
}

const client = (workerData: object) => new JobClient<To, From, string, number, { sum: number; cancelled: boolean }>({ entry: { code: THREAD, eval: true }, workerData, name: 'the test thread', read });

describe('job client', () => {
  it('routes progress and outcomes to the job that asked, several jobs at once', async () => {
    const c = client({ name: 'worker-a' });
    try {
      assert.equal(await c.ready, 'worker-a');
      const steps: Record<string, number[]> = { a: [], b: [] };
      const [a, b] = await Promise.all([
        c.run((job) => ({ type: 'work', job, n: 4 }), (k) => steps.a.push(k)),
        c.run((job) => ({ type: 'work', job, n: 2 }), (k) => steps.b.push(k)),
      ]);
      assert.deepEqual([a.sum, b.sum], [10, 3]);
      assert.deepEqual(steps, { a: [1, 2, 3, 4], b: [1, 2] });
      assert.equal(c.running, 0);
      await assert.rejects(c.run((job) => ({ type: 'work', job, n: -1 }), () => undefined), /negative n/);
    } finally {
      c.terminate();
    }
  });

  it('an abort sends a cancel for that job', async () => {
    const c = client({ name: 'w' });
    try {
      const controller = new AbortController();
      const pending = c.run((job) => ({ type: 'work', job, n: 0, hang: true }), () => undefined, controller.signal);
      controller.abort();
      assert.deepEqual(await pending, { sum: 0, cancelled: true });
    } finally {
      c.terminate();
    }
  });

  it('a thread that cannot start fails ready and its jobs with the reason; one that stops fails its jobs', async () => {
    const broken = client({ fail: true });
    await assert.rejects(broken.ready, /the test thread could not start: no backend here/);
    broken.terminate();
    const c = client({ name: 'w' });
    await c.ready;
    await assert.rejects(c.run((job) => ({ type: 'work', job, n: 1, exit: true }), () => undefined), /the test thread stopped \(exit code 3\)/);
    assert.equal(c.exited, true);
    await assert.rejects(c.run((job) => ({ type: 'work', job, n: 1 }), () => undefined), /stopped/);
  });
});
