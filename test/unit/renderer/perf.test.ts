// How long a 10,000-epoch, 8-layer run takes to draw through the renderer's own spec path
// (runPanels -> spec -> vega-lite compile -> vega view -> SVG). Prints the figure; no
// timing assertion (machines differ), only that each series is downsampled for display.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { LIGHT_THEME } from '../../../src/core/charts/theme';
import { runPanels } from '../../../renderers/runPanels';
import { DISPLAY_POINTS } from '../../../renderers/env';
import { makeRun } from '../notebook/runFixture';
import { drawHeadless } from './headless';

const LAYERS = Array.from({ length: 8 }, (_, k) => `dense_${k + 1}`);

async function drawAll(run: ReturnType<typeof makeRun>) {
  const times: Record<string, number> = {};
  const marks: Record<string, number> = {};
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const panel of runPanels(run)) {
    const t = performance.now();
    const state = Object.fromEntries((panel.controls ?? []).map((c) => [c.id, c.value]));
    const spec = panel.build({ theme: LIGHT_THEME, width: 780, state });
    const drawn = await drawHeadless(spec);
    times[panel.id] = Math.round(performance.now() - t);
    marks[panel.id] = drawn.stats.marks;
    assert.deepEqual(drawn.warnings, [], panel.id);
    // At most DISPLAY_POINTS points per series.
    const values = [(spec as { data?: { values?: { series?: string }[] } }).data?.values, ...((spec as { layer?: { data?: { values?: { series?: string }[] } }[] }).layer ?? []).map((l) => l.data?.values)];
    for (const rows of values) {
      const per = new Map<string, number>();
      for (const r of rows ?? []) per.set(String(r.series), (per.get(String(r.series)) ?? 0) + 1);
      for (const [series, n] of per) assert.ok(n <= DISPLAY_POINTS, `${panel.id} ${series}: ${n}`);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { total: Math.round(performance.now() - t0), cpu: Math.round((cpu.user + cpu.system) / 1000), times, marks };
}

describe('renderer performance', () => {
  it('10,000 epochs x 8 layers: time to draw the run charts (printed)', async () => {
    const run = makeRun({ epochs: 10_000, layers: LAYERS, name: 'perf' });
    const cold = await drawAll(run);
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push(await drawAll(run));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const best = warm.reduce((a, b) => (b.total < a.total ? b : a));
    console.log(
      `10k epochs x 8 layers, loss + norms + metrics charts (headless): first draw ${cold.total} ms (loads vega); ` +
        `warm median ${median(warm.map((w) => w.total))} ms wall, ${median(warm.map((w) => w.cpu))} ms CPU; best ${best.total} ms`,
    );
    console.log(`per chart (best run): ${JSON.stringify(best.times)}; marks: ${JSON.stringify(best.marks)}`);
    assert.equal(best.marks.loss, 10, 'data loss + 8 penalties + test loss');
    assert.equal(best.marks.norms, 8);
  });
});
