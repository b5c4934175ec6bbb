// `npm run bench` (after bench/run.ts): how long a 10,000-epoch, 8-layer run takes to
// draw through the chart catalogue the renderer uses (spec -> vega-lite compile -> vega
// view -> SVG, headless). Timing lives here, never in the unit suite: it depends on the
// machine and its load. `--quick`: one warm draw instead of five.

import { performance } from 'node:perf_hooks';
import { LIGHT_THEME } from '../src/core/charts/theme';
import { chartsFor } from '../src/core/charts/catalogue';
import { makeRun } from '../test/unit/notebook/runFixture';
import { drawHeadless } from '../test/unit/renderer/headless';

/** What the renderer shows per series (renderers/env.ts DISPLAY_POINTS). */
const DISPLAY_POINTS = 500;
const LAYERS = Array.from({ length: 8 }, (_, k) => `dense_${k + 1}`);
const quick = process.argv.includes('--quick');

async function drawAll(run: ReturnType<typeof makeRun>) {
  const times: Record<string, number> = {};
  const marks: Record<string, number> = {};
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const kind of chartsFor(run)) {
    const t = performance.now();
    const drawn = await drawHeadless(kind.build(run, { theme: LIGHT_THEME, width: 780, maxPoints: DISPLAY_POINTS }));
    times[kind.id] = Math.round(performance.now() - t);
    marks[kind.id] = drawn.stats.marks;
    if (drawn.warnings.length) throw new Error(`${kind.id}: ${drawn.warnings.join('; ')}`);
  }
  const cpu = process.cpuUsage(cpu0);
  return { total: Math.round(performance.now() - t0), cpu: Math.round((cpu.user + cpu.system) / 1000), times, marks };
}

async function main(): Promise<void> {
  const run = makeRun({ epochs: 10_000, layers: LAYERS, name: 'perf' });
  const cold = await drawAll(run);
  const warm = [];
  for (let i = 0; i < (quick ? 1 : 5); i++) warm.push(await drawAll(run));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const best = warm.reduce((a, b) => (b.total < a.total ? b : a));
  // A draw that lost series would time faster: say what was drawn.
  if (best.marks.loss !== 10 || best.marks.norms !== 8) throw new Error(`unexpected marks ${JSON.stringify(best.marks)}`);
  console.log('\nRendering: a 10,000-epoch, 8-layer run through the chart catalogue (headless, as the renderer draws)');
  console.log(
    `  loss + norms + metrics charts: first draw ${cold.total} ms (loads vega); ` +
      `warm median ${median(warm.map((w) => w.total))} ms wall, ${median(warm.map((w) => w.cpu))} ms CPU; best ${best.total} ms`,
  );
  console.log(`  per chart (best run): ${JSON.stringify(best.times)}; marks: ${JSON.stringify(best.marks)}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
