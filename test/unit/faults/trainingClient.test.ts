// The extension's training client when its worker dies mid-run: the running cell fails
// with a message, the next run gets a fresh worker and works, and no thread is left.
// Driven through the worker protocol with a scripted worker (src/worker/protocol.ts),
// so the client's own fault handling is what is tested.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TrainingClient } from '../../../src/extension/trainingClient';
import type { CompletedSpec } from '../../../src/core/experiment/experiment';
import type { RunEvent } from '../../../src/core/runner/runExperiment';

// A worker that speaks the protocol: `die` exits mid-run (as a crash or an OOM kill
// does), `hang` never answers, anything else answers after one event.
const FAKE_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.postMessage({ type: 'ready', backend: 'cpu' });
parentPort.on('message', (m) => {
  if (m.type !== 'run') return;
  parentPort.postMessage({ type: 'event', job: m.job, event: { type: 'start', cell: m.spec.name, runId: 'r', epochs: 1, layers: [] } });
  if (m.spec.name === 'die') setTimeout(() => process.exit(7), 5);
  else if (m.spec.name !== 'hang') setTimeout(() => parentPort.postMessage({ type: 'result', job: m.job, result: { name: m.spec.name, status: 'completed', threadId } }), 1);
});
`;

let root: string;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-client-'));
  fs.mkdirSync(path.join(root, 'dist'));
  fs.writeFileSync(path.join(root, 'dist', 'worker.js'), FAKE_WORKER);
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

const spec = (name: string) => ({ name }) as CompletedSpec;
type Internals = { client?: { exited: boolean; worker: { once: (e: string, f: () => void) => void } } };
const jobClientOf = (c: TrainingClient) => (c as unknown as Internals).client;

describe('training client faults', () => {
  it('the worker killed mid-run: the cell fails with a message, the next run works on a new worker, none is left', async () => {
    const client = new TrainingClient(root, { backend: 'cpu', workers: 1 });
    const events: RunEvent[] = [];
    await assert.rejects(client.run(spec('die'), '/nb.regnb', (e) => events.push(e), new AbortController().signal), { message: 'the training worker stopped (exit code 7)' });
    assert.equal(events.length, 1, 'the events before the crash were delivered');
    const dead = jobClientOf(client);
    assert.equal(dead?.exited, true, 'the dead worker is known to be gone');
    const next = (await client.run(spec('ok'), '/nb.regnb', () => undefined, new AbortController().signal)) as unknown as { status: string };
    assert.equal(next.status, 'completed');
    const fresh = jobClientOf(client)!;
    assert.notEqual(fresh, dead, 'the next run started a new worker');
    const exited = new Promise<void>((resolve) => fresh.worker.once('exit', resolve));
    client.dispose();
    await exited;
    assert.equal(jobClientOf(client), undefined, 'no worker left');
  });

  it('a hung worker disposed (window closed, settings changed): the running cell fails instead of hanging', async () => {
    const client = new TrainingClient(root, { backend: 'cpu', workers: 1 });
    const running = client.run(spec('hang'), '/nb.regnb', () => undefined, new AbortController().signal);
    await client.activeBackend();
    client.dispose();
    await assert.rejects(running, /the training worker stopped/);
  });

  it('20 cells queued at once: each gets its own result, in one worker', async () => {
    const client = new TrainingClient(root, { backend: 'cpu', workers: 1 });
    const names = Array.from({ length: 20 }, (_, i) => `cell${i}`);
    const starts = new Map<string, number>();
    const results = (await Promise.all(
      names.map((n) => client.run(spec(n), '/nb.regnb', (e) => e.type === 'start' && starts.set(n, (starts.get(n) ?? 0) + 1), new AbortController().signal)),
    )) as unknown as { name: string; threadId: number }[];
    assert.deepEqual(results.map((r) => r.name), names);
    assert.deepEqual([...starts.values()], names.map(() => 1), 'each job saw only its own events');
    assert.equal(new Set(results.map((r) => r.threadId)).size, 1);
    client.dispose();
  });
});
