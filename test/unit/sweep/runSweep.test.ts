import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chunksOf, runSweep, type ChunkRunner } from '../../../src/core/sweep/runSweep';
import { recordOf, trainChunk } from '../../../src/core/sweep/trainChunk';
import { pointsFor } from '../../../src/core/sweep/plan';
import type { Dataset } from '../../../src/core/data/dataset';
import { testBackend } from '../helpers/backend';
import { tutorialMoons } from '../helpers/datasets';
import { layer, sweepSpec } from '../helpers/specs';



describe('runSweep', () => {
  let data: Dataset;
  before(async () => {
    await testBackend();
    data = await tutorialMoons();
  });

  it('finds the underfitting side: alpha 0.1 scores lower on test accuracy than the 1e-3 region', async () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-2, 1e-3], repeats: 3, refine: 0, select: 'test.accuracy' });
    const streamed: number[] = [];
    // Chunks of one alpha (3 repeats each): each alpha streams in as it finishes.
    const out = await runSweep(spec, data, { stackSize: 3, onPoints: (points) => streamed.push(points[0].alpha) });
    assert.deepEqual(streamed, [1e-1, 1e-2, 1e-3], 'each alpha reported as it finishes, largest first');
    assert.equal(out.grid.runs.length, 9);
    const mean = (a: number) => {
      const v = out.grid.runs.filter((r) => r.alpha === a).map((r) => r.final.test.accuracy!);
      return v.reduce((x, y) => x + y, 0) / v.length;
    };
    assert.ok(mean(1e-1) + 0.02 < mean(1e-3), `test accuracy at 0.1: ${mean(1e-1)}, at 1e-3: ${mean(1e-3)}`);
    assert.notEqual(out.grid.best!.alpha, 1e-1);
    const strong = out.grid.runs.find((r) => r.alpha === 1e-1)!;
    const weak = out.grid.runs.find((r) => r.alpha === 1e-3)!;
    assert.ok(strong.norms.hidden.l2 < weak.norms.hidden.l2, 'a stronger penalty leaves smaller weights');
    assert.ok(strong.final.penalty > weak.final.penalty, `the penalty term is larger: ${strong.final.penalty} vs ${weak.final.penalty}`);
    assert.ok(strong.penaltyShare! > 0 && strong.penaltyShare! < 1);
    assert.equal(out.representative!.rows.length, 300);
    out.representative!.network.model.dispose();
  });

  it('refines inside the decade of the best coarse value and marks those points', async () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-3], repeats: 1, refine: 2, select: 'test.loss' }, 60);
    const out = await runSweep(spec, data);
    const refined = out.grid.runs.filter((r) => r.refined);
    assert.equal(refined.length, 2);
    const coarseBest = out.grid.runs.filter((r) => !r.refined).sort((a, b) => a.final.test.loss - b.final.test.loss)[0].alpha;
    for (const r of refined) assert.ok(r.alpha > coarseBest / 10 && r.alpha < coarseBest * 10, `${r.alpha} near ${coarseBest}`);
    assert.equal(out.grid.alpha.length, 4);
    out.representative?.network.model.dispose();
  });

  it('a cancel mid-sweep keeps the finished points', async () => {
    const controller = new AbortController();
    const spec = sweepSpec({ alpha: [1e-1, 1e-2, 1e-3], repeats: 2, refine: 0, select: 'test.accuracy' }, 40);
    const out = await runSweep(spec, data, { stackSize: 2, signal: controller.signal, onPoints: () => controller.abort() });
    assert.equal(out.cancelled, true);
    assert.deepEqual(out.grid.alpha, [1e-1]);
    assert.equal(out.grid.runs.length, 2);
    assert.equal(out.grid.best!.alpha, 1e-1);
    out.representative?.network.model.dispose();
  });

  it('a cancel before any point finishes keeps the partly trained model (cancelled, with its epochs)', async () => {
    // Long enough that the first rows (read back every 250 ms) arrive while every point still trains.
    await cancelBeforeAnyPoint(sweepSpec({ alpha: [1e-1, 1e-2, 1e-3], repeats: 2, refine: 0, select: 'test.accuracy' }, 20000), data);
  });

  it('with validation folds, a cancel still keeps a partly trained model: repeat 0 of fold 0, the one point an alpha (besides the chunk\'s first) that records every epoch', async () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-2], repeats: 2, refine: 0, select: 'validation.accuracy' }, 20000);
    const points = pointsFor(spec, [1e-1, 1e-2], false, spec.grid!.validate);
    const every = points.filter((p, i) => recordOf(p, i) === 'every').map((p) => `${p.alpha}/${p.repeat}/${p.heldOut!.fold}`);
    assert.deepEqual(every, ['0.1/0/0', '0.01/0/0']);
    assert.equal(recordOf(points[7], 0), 'every', 'the chunk\'s first point: its rows are the live ones');
    assert.equal(recordOf({ alpha: 0.1, repeat: 0, seed: 1, refined: false }, 3), 'every', 'scored on the test set: repeat 0 may represent the cell');
    await cancelBeforeAnyPoint(spec, data);
  });

  it('an alpha with more repeats than the stack size is split: no chunk holds more than stackSize models', () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-2], repeats: 5, refine: 0, select: 'test.loss' });
    const chunks = chunksOf(spec, data, [1e-1, 1e-2], false, 1, 2);
    assert.deepEqual(chunks.map((c) => c.length), [2, 2, 1, 2, 2, 1]);
    assert.deepEqual(chunks.flat().map((p) => `${p.alpha}/${p.repeat}`), [0, 1, 2, 3, 4].map((r) => `0.1/${r}`).concat([0, 1, 2, 3, 4].map((r) => `0.01/${r}`)));
  });

  it('stacks the whole coarse grid in one chunk, with the same points as one alpha at a time', async () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-2, 1e-3], repeats: 2, refine: 0, select: 'test.loss' }, 40);
    assert.deepEqual(chunksOf(spec, data, [1e-1, 1e-2, 1e-3], false, 1, 32).map((c) => c.length), [6], 'one chunk of 3 alphas x 2 repeats');
    assert.deepEqual(chunksOf(spec, data, [1e-1, 1e-2, 1e-3], false, 2, 32).map((c) => c.length), [4, 2], 'spread over two lanes');
    assert.deepEqual(chunksOf(spec, data, [1e-1, 1e-2, 1e-3], false, 1, 4).map((c) => c.length), [4, 2], 'capped by the stack size');
    const calls: number[] = [];
    const counting: ChunkRunner = { lanes: 1, trainChunk: (s, d, points, o) => (calls.push(points.length), trainChunk(s, d, points, o)) };
    const together = await runSweep(spec, data, { runner: counting });
    assert.deepEqual(calls, [6]);
    const apart = await runSweep(spec, data, { stackSize: 2 });
    assert.equal(together.grid.runs.length, 6);
    together.grid.runs.forEach((r, i) => {
      const a = apart.grid.runs[i];
      assert.deepEqual([r.alpha, r.repeat, r.seed], [a.alpha, a.repeat, a.seed]);
      assert.ok(Math.abs(r.final.test.loss - a.final.test.loss) < 1e-4, `alpha ${r.alpha} repeat ${r.repeat}: ${r.final.test.loss} vs ${a.final.test.loss}`);
      assert.ok(Math.abs(r.norms.hidden.l2 - a.norms.hidden.l2) < 1e-3 * a.norms.hidden.l2);
    });
    assert.equal(together.grid.best!.alpha, apart.grid.best!.alpha);
    together.representative?.network.model.dispose();
    apart.representative?.network.model.dispose();
  });

  it('spreads whole alphas so that the lanes finish together: 6 alphas of 15 models on 2 lanes, 2 alphas a chunk at most, in 4 chunks (2, 2, 1, 1 alphas), not 3 of 2', () => {
    const alphas = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];
    const spec = sweepSpec({ alpha: alphas, repeats: 15, refine: 0, select: 'test.loss' });
    const chunks = chunksOf(spec, data, alphas, false, 2, 32);
    assert.deepEqual(chunks.map((c) => c.length), [30, 30, 15, 15]);
    // Every alpha whole, in plan order.
    assert.deepEqual(chunks.map((c) => [...new Set(c.map((p) => p.alpha))]), [[1e-1, 1e-2], [1e-3, 1e-4], [1e-5], [1e-6]]);
    // The lanes take the chunks in order, each the next one when it is free: equal shares.
    const lanes = [0, 0];
    for (const c of chunks) lanes[lanes.indexOf(Math.min(...lanes))] += c.length;
    assert.deepEqual(lanes, [45, 45]);
    // One lane: as before, as few chunks as the stack size allows.
    assert.deepEqual(chunksOf(spec, data, alphas, false, 1, 32).map((c) => c.length), [30, 30, 30]);
    // The refinement's two alphas: one chunk a lane.
    assert.deepEqual(chunksOf(spec, data, [2e-3, 5e-4], true, 2, 32).map((c) => c.length), [15, 15]);
  });

  it('dense networks stack; convolutional ones train one alpha per chunk', () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-2], repeats: 2, refine: 0, select: 'test.loss' });
    const conv = { ...spec, model: [layer('conv1d', 4, { kernel: [3], penalties: { kernel: { l2: 1 } } }), layer('flatten', 0), layer('dense', 1, { penalties: {} })] };
    assert.deepEqual(chunksOf(conv, { ...data, inputShape: [10, 1] }, [1e-1, 1e-2], false, 1, 32).map((c) => c.length), [2, 2]);
  });
});

/** Cancels `spec`'s sweep once 5 live rows came, before any point finished: the partly trained model must be kept. */
async function cancelBeforeAnyPoint(spec: ReturnType<typeof sweepSpec>, data: Dataset): Promise<void> {
  const controller = new AbortController();
  let seen = 0;
  const out = await runSweep(spec, data, {
    signal: controller.signal,
    onRows: (_p, rows) => {
      seen += rows.length;
      if (seen >= 5) controller.abort();
    },
  });
  assert.equal(out.cancelled, true);
  assert.equal(out.grid.runs.length, 0, 'no point finished');
  const rep = out.representative!;
  assert.equal(rep.status, 'cancelled');
  assert.ok(rep.rows.length >= 5 && rep.rows.length < 20000, `${rep.rows.length} epochs kept`);
  rep.network.model.dispose();
}
