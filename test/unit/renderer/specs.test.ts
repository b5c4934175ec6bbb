import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryCells, cellEdges, decisionBoundarySpec } from '../../../src/core/charts/boundarySpec';
import { histogramBars, weightHistogramSpec } from '../../../src/core/charts/histogramSpec';
import { penaltySharePoints, penaltyShareSpec, regularizationPath, regularizationPathSpec } from '../../../src/core/charts/gridSpecs';
import { compareRows, compareSpec, runLabels, shortRunId } from '../../../src/core/charts/compareSpecs';
import { chartsFor } from '../../../src/core/charts/catalogue';
import { DARK_THEME } from '../../../src/core/charts/theme';
import { makeRun } from '../notebook/runFixture';
import { makeBoundary, makeFullRun } from './fixtures';
import { drawHeadless, elementsInMarkGroup, markGroups } from './headless';

describe('renderer chart specs', () => {
  it('decision boundary: one heatmap rect per grid cell, the train and test points over it', async () => {
    const run = makeFullRun();
    const b = run.boundary!;
    assert.deepEqual(cellEdges([0, 1, 2]), [-0.5, 0.5, 1.5, 2.5]);
    const cells = boundaryCells(b);
    assert.equal(cells.length, b.xs.length * b.ys.length);
    // Row-major: the second cell is the second x of the first y.
    assert.equal(cells[1].value, b.values[1]);
    assert.ok(cells[1].x > cells[0].x && cells[1].y === cells[0].y);

    const drawn = await drawHeadless(decisionBoundarySpec(run));
    assert.deepEqual(drawn.warnings, []);
    assert.equal(elementsInMarkGroup(drawn.svg, 'rect'), 40 * 40, 'heatmap rects');
    assert.equal(elementsInMarkGroup(drawn.svg, 'symbol'), b.points.length, 'data points');
    assert.equal(drawn.stats.byType.rect, 1600);
    assert.equal(drawn.stats.byType.symbol, 60);
    // Legends: the probability gradient, the classes and train/test.
    for (const label of ['class 0', 'class 1', 'train', 'test']) assert.ok(drawn.stats.legend.includes(label), label);
  });

  it('decision boundary by class (multiclass): the heatmap and the points share the class colors', async () => {
    const run = { ...makeRun(), boundary: makeBoundary(20, 'class', 3) };
    const drawn = await drawHeadless(decisionBoundarySpec(run, { theme: DARK_THEME }));
    assert.deepEqual(drawn.warnings, []);
    assert.equal(elementsInMarkGroup(drawn.svg, 'rect'), 400);
    assert.deepEqual(
      drawn.stats.legend.filter((l) => /^c\d$/.test(l)),
      ['c0', 'c1', 'c2'],
    );
    assert.equal(drawn.compiledScales.filter((s) => s.name === 'fill').length, 1, 'one shared fill scale');
  });

  it('weight histograms: one bar per bin, one panel per layer', async () => {
    const run = makeFullRun();
    const bars = histogramBars(run);
    assert.equal(bars.length, 60);
    assert.deepEqual([...new Set(bars.map((b) => b.layer))], ['dense_1', 'dense_2']);
    const drawn = await drawHeadless(weightHistogramSpec(run));
    assert.deepEqual(drawn.warnings, []);
    assert.equal(drawn.stats.byType.rect, 60);
    assert.equal(markGroups(drawn.svg, 'rect'), 2, 'a panel per layer');
    assert.match(drawn.svg, /dense_1 · \d+ weights · 10% near 0/, 'panel titles name the layers');
    const log = await drawHeadless(weightHistogramSpec(run, { countScale: 'log' }));
    assert.ok(log.compiledScales.some((s) => s.type === 'symlog'));
  });

  it('regularization path: each layer’s final L2 norm against alpha on a log x axis, mean over repeats', async () => {
    const run = makeFullRun();
    const path = regularizationPath(run, 'l2');
    assert.equal(path.length, 5 * 2);
    const at = path.find((p) => p.series === 'dense_2' && p.alpha === 1e-3)!;
    const values = run.grid!.runs.filter((r) => r.alpha === 1e-3).map((r) => r.norms.dense_2.l2);
    assert.ok(Math.abs(at.mean - values.reduce((a, b) => a + b) / values.length) < 1e-12);
    assert.equal(at.n, 3);
    // Norms shrink as alpha grows.
    const d1 = path.filter((p) => p.series === 'dense_1').map((p) => p.mean);
    assert.ok(d1.every((v, i) => i === 0 || v < d1[i - 1]));

    const drawn = await drawHeadless(regularizationPathSpec(run));
    assert.deepEqual(drawn.warnings, []);
    assert.ok(drawn.compiledScales.some((s) => s.name === 'x' && s.type === 'log'), 'log x');
    assert.equal(drawn.stats.byType.symbol, 10, 'a point per layer and alpha');
    assert.deepEqual(drawn.stats.legend, ['dense_1', 'dense_2']);
    assert.ok(drawn.stats.byType.rule >= 1, 'the best alpha marked');

    const sparsity = await drawHeadless(regularizationPathSpec(run, { normKind: 'sparsity', scale: 'log' }));
    assert.ok(!sparsity.compiledScales.some((s) => s.name === 'y' && s.type === 'log'), 'sparsity stays linear');
    const logY = await drawHeadless(regularizationPathSpec(run, { scale: 'log' }));
    assert.ok(logY.compiledScales.some((s) => s.name === 'y' && s.type === 'log'));
  });

  it('penalty share vs alpha: the sweep’s own share when it has one, else penalty / (train loss + penalty)', async () => {
    const run = makeFullRun();
    const points = penaltySharePoints(run);
    assert.equal(points.length, 5);
    // The fixture's runs: train loss 0.1, penalty alpha.
    const at = points.find((p) => p.alpha === 1e-2)!;
    assert.ok(Math.abs(at.mean - 0.01 / 0.11) < 1e-12);
    run.grid!.runs.forEach((r) => (r.penaltyShare = 0.5));
    assert.ok(penaltySharePoints(run).every((p) => p.mean === 0.5));
    const drawn = await drawHeadless(penaltyShareSpec(run));
    assert.deepEqual(drawn.warnings, []);
    assert.ok(drawn.compiledScales.some((s) => s.name === 'x' && s.type === 'log'));
    assert.equal(drawn.stats.byType.symbol, 5);
  });

  it('comparison charts: one line per run, legend = run name and short id', async () => {
    assert.equal(shortRunId('20261125T101500Z-l2-moons-3f2a'), '3f2a');
    assert.equal(shortRunId('abcdefghijklmnop'), 'klmnop');
    const runs = [makeRun({ name: 'a', runId: 'x-a-1111', epochs: 300 }), makeRun({ name: 'b', runId: 'x-b-2222', epochs: 200, layers: ['d1', 'd2', 'd3'] }), makeRun({ name: 'a', runId: 'y-a-1111' })];
    assert.deepEqual(runLabels(runs), ['a · 1111', 'b · 2222', 'a · 1111 (2)']);
    // Sum of the layers' L2 norms, per epoch.
    const norms = compareRows(runs, 'norms').filter((r) => r.series === 'b · 2222');
    const h = runs[1].history;
    assert.ok(Math.abs(norms[4].value - (h.norms.d1.l2[4] + h.norms.d2.l2[4] + h.norms.d3.l2[4])) < 1e-12);
    const penalty = compareRows(runs, 'penalty').filter((r) => r.series === 'a · 1111');
    assert.ok(Math.abs(penalty[0].value - (runs[0].history.penalty.dense_1[0] + runs[0].history.penalty.dense_2[0])) < 1e-12);
    for (const kind of ['testLoss', 'penalty', 'norms', 'testMetric'] as const) {
      const drawn = await drawHeadless(compareSpec(runs, kind));
      assert.deepEqual(drawn.warnings, [], kind);
      assert.equal(drawn.stats.byType.line, 3, kind);
      assert.deepEqual(drawn.stats.legend, ['a · 1111', 'b · 2222', 'a · 1111 (2)'], kind);
    }
    const log = await drawHeadless(compareSpec(runs, 'testLoss', { scale: 'log' }));
    assert.ok(log.compiledScales.some((s) => s.name === 'y' && s.type === 'log'));
  });

  it('the chart catalogue lists every chart a result has, in display order', () => {
    assert.deepEqual(
      chartsFor(makeFullRun()).map((c) => c.id),
      ['loss', 'norms', 'metrics', 'boundary', 'weights', 'sweep', 'path', 'share'],
    );
    assert.deepEqual(chartsFor(makeRun()).map((c) => c.id), ['loss', 'norms', 'metrics']);
  });

  it('names are data: a layer named like markup appears escaped in the SVG', async () => {
    const run = makeFullRun({ layers: ['<script>x</script>', 'b'] });
    const drawn = await drawHeadless(regularizationPathSpec(run));
    assert.ok(!drawn.svg.includes('<script>'));
    assert.ok(drawn.svg.includes('&lt;script&gt;'));
  });
});
