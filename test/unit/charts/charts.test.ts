import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  lossBreakdownSpec,
  metricsSpec,
  sweepPoints,
  sweepSpec,
  weightNormsSpec,
  TEST_LOSS_LABEL,
  type VegaLiteSpec,
} from '../../../src/core/charts/specs';
import { DARK_THEME, LIGHT_THEME, completeTheme } from '../../../src/core/charts/theme';
import { buildCharts } from '../../../src/core/charts/catalogue';
import { loadVega, renderChartSvg } from '../../../src/core/charts/renderSvg';
import { ChartFileError, renderChart, renderChartFiles, svgToPng } from '../../../src/core/charts/renderHeadless';
import { makeRun } from '../notebook/runFixture';
import { PNG_SIGNATURE, darkPixels, pngSize, readPng } from './png';

type Json = Record<string, unknown>;
const run = makeRun({ epochs: 300 });
const sweep = makeRun({ epochs: 40, grid: { alphas: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], repeats: 3 } });

/** The texts drawn inside the chart's legends. */
function legendTexts(svg: string): string[] {
  const at = svg.indexOf('role-legend');
  assert.ok(at >= 0, 'the chart has a legend');
  return [...svg.slice(at).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

function layers(spec: VegaLiteSpec): Json[] {
  const s = spec as unknown as Json;
  return (s.layer as Json[] | undefined) ?? [s];
}

/** Data values of every layer (and of the top level). */
function dataValues(spec: VegaLiteSpec): Json[][] {
  const s = spec as unknown as { data?: { values: Json[] }; layer?: { data?: { values: Json[] } }[] };
  return [s.data?.values, ...(s.layer ?? []).map((l) => l.data?.values)].filter((v): v is Json[] => Array.isArray(v));
}

async function compiledScales(spec: VegaLiteSpec): Promise<{ name: string; type?: string }[]> {
  const { vl } = await loadVega();
  return (vl.compile(spec).spec.scales ?? []) as { name: string; type?: string }[];
}

describe('chart specs', () => {
  it('a run has loss, norms and metrics charts; a sweep adds the sweep charts; a failed run has none', () => {
    assert.deepEqual(buildCharts(run).map((c) => c.id), ['loss', 'norms', 'metrics']);
    assert.deepEqual(buildCharts(run).map((c) => c.title), ['Loss breakdown', 'Weight norms', 'Train vs test accuracy']);
    assert.equal(buildCharts({ ...run, metric: 'r2' }).find((c) => c.id === 'metrics')!.title, 'Train vs test R²');
    assert.deepEqual(buildCharts(sweep).map((c) => c.id), ['loss', 'norms', 'metrics', 'sweep', 'path', 'share']);
    const failed = makeRun({ epochs: 0, status: 'failed', layers: [] });
    assert.deepEqual(buildCharts(failed), []);
    for (const c of buildCharts(sweep)) assert.ok(c.title.length > 0);
  });

  it('the loss breakdown stacks data loss and each layer’s penalty, the test loss apart', () => {
    const spec = lossBreakdownSpec(run);
    const [area, line] = layers(spec);
    assert.equal((area.mark as Json).type, 'area');
    assert.equal((line.mark as Json).type, 'line');
    const areaRows = dataValues(spec)[0] as { epoch: number; series: string; lower: number; upper: number; value: number }[];
    assert.deepEqual([...new Set(areaRows.map((r) => r.series))], ['data loss', 'dense_1 penalty', 'dense_2 penalty']);
    // The top of the stack is the total training loss.
    const at10 = areaRows.filter((r) => r.epoch === 10);
    const h = run.history;
    assert.ok(Math.abs(at10[2].upper - h.totalLoss[9]) < 1e-12);
    assert.equal(at10[1].lower, at10[0].upper);
    const lineRows = dataValues(spec)[1] as { series: string; value: number }[];
    assert.ok(lineRows.every((r) => r.series === TEST_LOSS_LABEL));
    assert.equal(lineRows[9].value, h.testLoss[9]);
    assert.equal(((area.encoding as Json).y as Json).scale && (((area.encoding as Json).y as Json).scale as Json).type, 'linear');
  });

  it('log scale: the loss and norm charts use a log y scale', async () => {
    const loss = lossBreakdownSpec(run, { scale: 'log' });
    for (const l of layers(loss)) assert.equal((((l.encoding as Json).y as Json).scale as Json).type, 'log');
    const norms = weightNormsSpec(run, { scale: 'log' });
    assert.equal((((layers(norms)[0].encoding as Json).y as Json).scale as Json).type, 'log');
    assert.ok((await compiledScales(loss)).some((s) => s.name === 'y' && s.type === 'log'));
    assert.ok((await compiledScales(norms)).some((s) => s.name === 'y' && s.type === 'log'));
    assert.ok(!(await compiledScales(lossBreakdownSpec(run))).some((s) => s.type === 'log'));
  });

  it('the sweep chart has a log alpha axis, mean ± std per alpha, and marks the best alpha', async () => {
    const spec = sweepSpec(sweep);
    const x = (layers(spec)[0].encoding as Json).x as Json;
    assert.equal(x.field, 'alpha');
    assert.equal((x.scale as Json).type, 'log');
    assert.ok((await compiledScales(spec)).some((s) => s.name === 'x' && s.type === 'log'));
    const points = sweepPoints(sweep);
    assert.equal(points.length, 5 * 2);
    const test3 = points.find((p) => p.alpha === 1e-3 && p.set === 'test')!;
    const values = sweep.grid!.runs.filter((r) => r.alpha === 1e-3).map((r) => r.final.test.accuracy!);
    const mean = values.reduce((a, b) => a + b) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    assert.ok(Math.abs(test3.mean - mean) < 1e-12 && Math.abs(test3.std - std) < 1e-12);
    assert.equal(test3.n, 3);
    assert.ok(JSON.stringify(spec).includes('chosen α = 1e-3'));
    assert.ok(points.every((p) => p.stage === 'coarse'), 'a grid without refinement has only coarse points');
  });

  it('a validated sweep chart: validation mean ± 1 SE, the 1se threshold, the choice, the refit test score, and words when alphas tie', async () => {
    const validated = makeRun({ epochs: 40, grid: { alphas: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], repeats: 2, validated: true } });
    const points = sweepPoints(validated);
    const v = points.find((p) => p.alpha === 1e-3 && p.set === 'validation')!;
    // 10 validation losses at 1e-3: 0.30 + 0.06 * (-1, 0, 1, ...) by hand: mean 0.30.
    const losses = validated.grid!.runs.filter((r) => r.alpha === 1e-3).map((r) => r.final.test.loss);
    const mean = losses.reduce((a, b) => a + b) / losses.length;
    const se = Math.sqrt(losses.reduce((a, b) => a + (b - mean) ** 2, 0) / (losses.length - 1)) / Math.sqrt(losses.length);
    assert.ok(Math.abs(v.mean - 0.3) < 1e-12 && Math.abs(v.se - se) < 1e-12);
    assert.ok(Math.abs(v.hi - v.lo - 2 * se) < 1e-12, 'the band is ± 1 standard error');
    assert.ok(points.some((p) => p.set === 'train'), 'the training rows beside');
    assert.ok(!points.some((p) => p.set === 'test'), 'no test figure per alpha: the test set was not used');
    // The accuracy beside the loss, per alpha, in the point's tooltip: its mean, SE and std by hand.
    const accs = validated.grid!.runs.filter((r) => r.alpha === 1e-3).map((r) => r.final.test.accuracy!);
    const accMean = accs.reduce((a, b) => a + b) / accs.length;
    const accStd = Math.sqrt(accs.reduce((a, b) => a + (b - accMean) ** 2, 0) / (accs.length - 1));
    const pct = (x: number) => String(Number((100 * x).toPrecision(3)));
    assert.equal(v.beside, `validation accuracy ${(100 * accMean).toFixed(1)}% ± ${pct(accStd / Math.sqrt(accs.length))} points (SE), std ${pct(accStd)} points`);
    assert.equal(points.find((p) => p.set === 'train')!.beside, undefined, 'the training rows have no figure beside');
    const spec = sweepSpec(validated);
    const text = JSON.stringify(spec);
    assert.ok(text.includes('chosen α = 0.01 (1se)'), 'the rule chose the larger alpha within one SE');
    assert.ok(text.includes('test loss 0.35 (refit on all training rows)'));
    assert.ok(text.includes('0.001 and 0.01 are within one standard error of the best mean'));
    const threshold = layers(spec).find((l) => (l.data as { values: Json[] } | undefined)?.values?.[0] && 'mean' in (l.data as { values: Json[] }).values[0] && !('alpha' in (l.data as { values: Json[] }).values[0]))!;
    assert.ok(Math.abs(((threshold.data as { values: { mean: number }[] }).values[0].mean) - (0.3 + se)) < 1e-12, 'the 1se line is one SE above the best mean');
    const { svg, warnings } = await renderChartSvg(spec);
    assert.deepEqual(warnings, []);
    assert.ok(legendTexts(svg).includes('validation loss') && legendTexts(svg).includes('train loss'));
  });

  it('the sweep chart tells refined alphas from coarse ones, by point shape, in the legend and the drawing', async () => {
    const refined = makeRun({ epochs: 40, grid: { alphas: [1e-4, 1e-3, 1e-2], repeats: 2 } });
    refined.grid!.runs.filter((r) => r.alpha === 1e-3).forEach((r) => (r.refined = true));
    const points = sweepPoints(refined);
    assert.deepEqual([...new Set(points.filter((p) => p.stage === 'refined').map((p) => p.alpha))], [1e-3]);
    assert.equal(points.filter((p) => p.stage === 'coarse').length, 4);
    const { svg } = await renderChartSvg(sweepSpec(refined));
    assert.match(svg, />coarse</);
    assert.match(svg, />refined</);
    // Open triangles for the refined alpha: train and test, one each.
    const triangles = svg.match(/<path[^>]*stage: refined[^>]*d="M0,-[\d.]+L-?[\d.]+,[\d.]+L-?[\d.]+,[\d.]+Z"[^>]*fill-opacity="0"[^>]*stroke="#[0-9a-f]{6}"/g) ?? [];
    assert.ok(triangles.length >= 2, `open triangles drawn: ${triangles.length}`);
  });

  it('the norms chart names the norm it shows', () => {
    for (const [kind, words] of [['l2', 'L2'], ['l1', 'L1'], ['max', 'max'], ['sparsity', 'sparsity']] as const) {
      const spec = weightNormsSpec(run, { normKind: kind }) as unknown as { title: { text: string } };
      assert.ok(spec.title.text.includes(words), spec.title.text);
    }
  });

  it('shows at most 512 points per series', () => {
    const long = makeRun({ epochs: 10000 });
    for (const c of buildCharts(long)) {
      for (const values of dataValues(c.spec)) {
        const perSeries = new Map<string, number>();
        for (const r of values) perSeries.set(String(r.series), (perSeries.get(String(r.series)) ?? 0) + 1);
        for (const [series, n] of perSeries) assert.ok(n <= 512, `${c.id} ${series}: ${n}`);
      }
    }
    const epochs = (dataValues(metricsSpec(long))[1] as { epoch: number }[]).map((r) => r.epoch);
    assert.equal(Math.min(...epochs), 1);
    assert.equal(Math.max(...epochs), 10000);
  });

  it('skips non-finite values (a diverged last epoch)', () => {
    const diverged = makeRun({ epochs: 20, status: 'diverged' });
    diverged.history.dataLoss[19] = NaN;
    (diverged.history.testLoss as unknown[])[19] = null; // as read back from JSON
    const spec = lossBreakdownSpec(diverged);
    const [area, line] = dataValues(spec) as { epoch: number }[][];
    assert.equal(Math.max(...area.map((r) => r.epoch)), 19);
    assert.equal(Math.max(...line.map((r) => r.epoch)), 19);
  });

  it('uses theme colors', () => {
    const spec = lossBreakdownSpec(run, { theme: { ...DARK_THEME, palette: ['#010101', '#020202', '#030303'] } }) as unknown as Json;
    assert.equal(spec.background, DARK_THEME.background);
    const color = ((layers(spec as unknown as VegaLiteSpec)[0].encoding as Json).color as Json).scale as { range: string[]; domain: string[] };
    assert.deepEqual(color.range, ['#010101', '#020202', '#030303', DARK_THEME.foreground]);
    assert.deepEqual(completeTheme({ foreground: '  ', palette: [] }), LIGHT_THEME);
  });
});

describe('headless rendering', () => {
  let outDir: string;
  before(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-charts-'));
  });
  after(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('every chart compiles without warnings and renders an SVG with path marks and a legend', async () => {
    const expected: Record<string, string[]> = {
      loss: ['data loss', 'dense_1 penalty', 'dense_2 penalty', TEST_LOSS_LABEL],
      norms: ['dense_1', 'dense_2'],
      metrics: ['train accuracy', 'test accuracy'],
      sweep: ['train accuracy', 'test accuracy'],
    };
    for (const chart of buildCharts(sweep).filter((c) => c.id in expected)) {
      const { svg, warnings } = await renderChartSvg(chart.spec);
      assert.deepEqual(warnings, [], chart.id);
      assert.match(svg, /^<svg[^>]*width="\d+"[^>]*height="\d+"/);
      assert.ok(svg.includes('role-mark'), chart.id);
      const paths = svg.match(/<path[^>]* d="M[^"]{50,}"/g) ?? [];
      assert.ok(paths.length >= 2, `${chart.id}: ${paths.length} long paths`);
      assert.deepEqual(legendTexts(svg).filter((t) => expected[chart.id].includes(t)).sort(), [...expected[chart.id]].sort(), chart.id);
    }
    const sweepSvg = await renderChartSvg(sweepSpec(sweep));
    assert.ok(sweepSvg.svg.includes('chosen α = 1e-3'));
  });

  it('layer names are data, never markup or field paths', async () => {
    const odd = makeRun({ epochs: 30, layers: ['a<b>&"c', 'dense.1', 'x[0]'] });
    for (const chart of buildCharts(odd)) {
      const { svg, warnings } = await renderChartSvg(chart.spec);
      assert.deepEqual(warnings, [], chart.id);
      assert.ok(!svg.includes('<b>'), chart.id);
      if (chart.id === 'norms' || chart.id === 'loss') {
        const labels = legendTexts(svg).join('|');
        assert.ok(labels.includes('a&lt;b&gt;&amp;&quot;c') || labels.includes('a&lt;b&gt;&amp;"c'), labels);
        assert.ok(labels.includes('dense.1') && labels.includes('x[0]'), labels);
      }
    }
  });

  it('renders a valid PNG of plausible size, with visible text', async () => {
    const { svg, png } = await renderChart(lossBreakdownSpec(run));
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
    const svgHeight = Number(/height="(\d+)"/.exec(svg)![1]);
    const size = pngSize(png);
    assert.equal(size.width, svgWidth * 2);
    assert.equal(size.height, svgHeight * 2);
    assert.ok(size.width > 800 && size.width < 2000 && size.height > 400 && size.height < 1400, JSON.stringify(size));
    // The title is the only thing in the top-left corner: dark pixels there are text.
    const image = readPng(png);
    assert.ok(darkPixels(image, 0, 0, 500, 60) > 500, 'the title is drawn');
    // Fonts are found: a lone text renders.
    const text = await svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><rect width="120" height="30" fill="white"/><text x="5" y="20" font-family="${LIGHT_THEME.font}" font-size="16" fill="black">dense_1</text></svg>`, { pixelRatio: 1 });
    assert.ok(darkPixels(readPng(text), 0, 0, 120, 30) > 40);
  });

  it('renderChartFiles writes an SVG and a PNG per chart, and nothing else', async () => {
    const files = await renderChartFiles(sweep, outDir, 'l2-moons');
    // In the catalogue's order, each SVG before its PNG, whichever was written first.
    assert.deepEqual(files.map((f) => path.basename(f)), buildCharts(sweep).flatMap((c) => [`l2-moons-${c.id}.svg`, `l2-moons-${c.id}.png`]));
    const names = files.map((f) => path.basename(f)).sort();
    // A sweep adds the regularization path and the penalty share against alpha.
    assert.deepEqual(names, ['loss', 'metrics', 'norms', 'path', 'share', 'sweep'].flatMap((id) => [`l2-moons-${id}.png`, `l2-moons-${id}.svg`]));
    // Every file is whole when the call returns (the PNGs are rasterized behind the drawing).
    assert.deepEqual(fs.readdirSync(outDir).sort(), names);
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      if (f.endsWith('.png')) assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
      else assert.match(bytes.toString('utf8'), /^<svg/);
    }
    assert.equal(path.dirname(files[0]), outDir);
  });

  it('renderChartFiles fails with a file it cannot write, once every other file is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-charts-fail-'));
    try {
      // The last chart's SVG cannot be written (a folder has its name): its write fails
      // at once, while its PNG is still being rasterized.
      const ids = buildCharts(sweep).map((c) => c.id);
      const blocked = `run-${ids[ids.length - 1]}.svg`;
      fs.mkdirSync(path.join(dir, blocked));
      // The error names the file (not a temporary one) and keeps the file system's reason.
      await assert.rejects(renderChartFiles(sweep, dir, 'run'), (e: unknown) => e instanceof ChartFileError && e.file === path.join(dir, blocked) && (e.cause as NodeJS.ErrnoException).code === 'EISDIR');
      // Every other file is there, whole, when the call fails: none lands after it, and
      // no temporary file is left.
      const others = ids.flatMap((id) => [`run-${id}.svg`, `run-${id}.png`]).filter((f) => f !== blocked);
      assert.deepEqual(fs.readdirSync(dir).sort(), [...others, blocked].sort());
      for (const f of others) {
        const bytes = fs.readFileSync(path.join(dir, f));
        if (f.endsWith('.png')) assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
        else assert.match(bytes.toString('utf8'), /^<svg[\s\S]*<\/svg>$/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('spec builders stay browser-safe', () => {
  it('import no Node or VS Code module (value imports, transitively)', () => {
    const root = path.resolve(__dirname, '../../../src/core/charts');
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)) {
        if (m[1]) continue; // type-only imports are erased
        const spec = m[2];
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), `${spec}.ts`));
        else bad.push(`${path.relative(root, file)} imports ${spec}`);
      }
    };
    for (const f of ['specs.ts', 'theme.ts', 'catalogue.ts', 'liveSpec.ts']) visit(path.join(root, f));
    assert.ok(seen.size >= 4, [...seen].join(', '));
    assert.deepEqual(bad, []);
  });
});
