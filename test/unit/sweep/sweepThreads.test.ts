// Sweeps on several threads: the same grid as in this thread, chunks really spread
// over the threads, the best alpha's model rebuilt from the weights a thread sent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runSweep } from '../../../src/core/sweep/runSweep';
import { SweepThreads } from '../../../src/worker/sweepThreads';
import { sweepWorkerEntry } from '../../../src/worker/threadEntry';
import type { Dataset } from '../../../src/core/data/dataset';
import { WASM_DIR, testBackend } from '../helpers/backend';
import { tutorialMoons } from '../helpers/datasets';
import { sweepSpec } from '../helpers/specs';


describe('sweep threads', () => {
  let data: Dataset;
  let threads: SweepThreads;
  before(async () => {
    await testBackend();
    data = await tutorialMoons();
    threads = new SweepThreads({ entry: sweepWorkerEntry(), size: 2, backend: 'wasm', wasmDir: WASM_DIR });
  });
  after(() => threads.dispose());

  it('gives the grid and the representative model that one thread gives, the chunks spread over two threads', async () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-2, 1e-3, 1e-4], repeats: 2, refine: 2, select: 'test.loss' }, 40, 32);
    const streamed: number[][] = [];
    const here = await runSweep(spec, data);
    const spread = await runSweep(spec, data, { runner: threads, onPoints: (points) => streamed.push(points.map((p) => p.alpha)) });
    assert.deepEqual(spread.grid.alpha, here.grid.alpha, 'the same alphas, refined ones included');
    assert.equal(spread.grid.runs.length, here.grid.runs.length);
    spread.grid.runs.forEach((r, i) => {
      const h = here.grid.runs[i];
      assert.deepEqual([r.alpha, r.repeat, r.seed, r.refined], [h.alpha, h.repeat, h.seed, h.refined]);
      assert.ok(Math.abs(r.final.test.loss - h.final.test.loss) < 1e-5, `alpha ${r.alpha}: ${r.final.test.loss} vs ${h.final.test.loss}`);
    });
    assert.equal(spread.grid.best!.alpha, here.grid.best!.alpha);
    // Coarse: 4 alphas over 2 lanes = 2 chunks; refined: 2 alphas = 2 chunks of one.
    assert.equal(streamed.length, 4, `chunks ${JSON.stringify(streamed)}`);
    const rep = spread.representative!;
    assert.equal(rep.rows.length, 40);
    // The rows crossed from the thread packed (packedRows.ts): the history is the one trained here.
    assert.deepStrictEqual(rep.rows, here.representative!.rows);
    const a = rep.network.model.getWeights().map((w) => Array.from(w.dataSync()));
    const b = here.representative!.network.model.getWeights().map((w) => Array.from(w.dataSync()));
    a.forEach((w, j) => w.forEach((v, q) => assert.ok(Math.abs(v - b[j][q]) < 1e-5, `weight ${j}[${q}]`)));
    rep.network.model.dispose();
    here.representative!.network.model.dispose();
  });

  it('a cancel reaches the threads: the sweep stops before its points finish', async () => {
    const controller = new AbortController();
    // Far more epochs than train before the first rows are read back (every 250 ms): the
    // fused engine trains this network's thousands of epochs in that time.
    const epochs = 200000;
    const spec = sweepSpec({ alpha: [1e-1, 1e-2, 1e-3, 1e-4], repeats: 1, refine: 0, select: 'test.loss' }, epochs, 32);
    // Cancel as soon as the threads report training (no timer: the first rows are the signal).
    let lastEpoch = 0;
    const out = await runSweep(spec, data, {
      runner: threads,
      signal: controller.signal,
      stackSize: 1,
      onRows: (_p, rows) => {
        lastEpoch = Math.max(lastEpoch, ...rows.map((r) => r.epoch));
        controller.abort();
      },
    });
    assert.equal(out.cancelled, true);
    assert.ok(lastEpoch > 0, 'the threads were training when the cancel came');
    assert.ok(lastEpoch < epochs, `no point ran to its last epoch (latest ${lastEpoch})`);
    assert.ok(out.grid.runs.length < 4, 'not every point finished');
    out.representative?.network.model.dispose();
  });

  it('threads warmed ahead (as regnb run starts them beside the data) train the sweep as threads started on demand do', async () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-3], repeats: 2, refine: 0, select: 'test.loss' }, 30, 32);
    const onDemand = await runSweep(spec, data, { runner: threads });
    const warmed = new SweepThreads({ entry: sweepWorkerEntry(), size: 2, backend: 'wasm', wasmDir: WASM_DIR });
    try {
      await warmed.warm(2);
      const out = await runSweep(spec, data, { runner: warmed });
      assert.deepEqual(out.grid.runs.map((r) => [r.alpha, r.repeat, r.final.test.loss]), onDemand.grid.runs.map((r) => [r.alpha, r.repeat, r.final.test.loss]));
      out.representative?.network.model.dispose();
    } finally {
      warmed.dispose();
      onDemand.representative?.network.model.dispose();
    }
  });

  it('a thread warmed ahead that cannot start its backend fails the warm, and then the chunk, with the reason', async () => {
    const broken = new SweepThreads({ entry: sweepWorkerEntry(), size: 2, backend: 'wasm', wasmDir: '/nonexistent/wasm' });
    try {
      await assert.rejects(broken.warm(1), /could not start|wasm/);
      const spec = sweepSpec({ alpha: [1e-1], repeats: 1, refine: 0, select: 'test.loss' }, 2, 32);
      await assert.rejects(runSweep(spec, data, { runner: broken }), /sweep thread could not start/);
    } finally {
      broken.dispose();
    }
  });

  it('a thread that cannot start its backend fails the chunk with the reason', async () => {
    const broken = new SweepThreads({ entry: sweepWorkerEntry(), size: 1, backend: 'wasm', wasmDir: '/nonexistent/wasm' });
    try {
      const spec = sweepSpec({ alpha: [1e-1], repeats: 1, refine: 0, select: 'test.loss' }, 2, 32);
      await assert.rejects(runSweep(spec, data, { runner: broken }), /sweep thread could not start/);
    } finally {
      broken.dispose();
    }
  });
});
