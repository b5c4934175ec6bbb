import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadVega } from '../../../src/core/charts/renderSvg';
import { LIVE_DATA, liveLossSpec, liveNormsSpec, livePoints } from '../../../src/core/charts/liveSpec';
import { liveCharts } from '../../../src/core/charts/catalogue';
import { DARK_THEME, LIGHT_THEME } from '../../../src/core/charts/theme';
import type { EpochRow } from '../../../src/core/engine/trainer';
import { LiveRows, statusLine, sweepLine } from '../../../renderers/liveRows';
import { isLiveSweepMessage } from '../../../src/core/protocol/notebookRenderer';
import { plannedPoints } from '../../../src/core/sweep/plan';
import { sceneStats } from '../../../renderers/sceneStats';
import { isDark, luminance, mixColors, parseColor, themeFromCss, themeKindOf } from '../../../renderers/theme';
import { escapeHtml, tooltipHtml } from '../../../renderers/tooltipHtml';
import { plotWidth } from '../../../renderers/env';
import { safeFileName } from '../../../renderers/dom';
import { runPanels } from '../../../renderers/runPanels';
import { makeRun } from '../notebook/runFixture';
import { makeFullRun } from './fixtures';
import { drawHeadless } from './headless';

function row(epoch: number, layers = 2): EpochRow {
  return {
    epoch,
    dataLoss: 1 / epoch,
    penalty: Array.from({ length: layers }, (_, k) => 0.01 * (k + 1)),
    totalLoss: 1 / epoch + 0.03,
    trainLoss: 1 / epoch,
    testLoss: 1.2 / epoch,
    trainMetric: 0.9,
    testMetric: 0.8,
    norms: Array.from({ length: layers }, () => [1, 1, 1, 0] as [number, number, number, number]),
  };
}

describe('renderer parts', () => {
  it('the run panels: which charts a result has, with their controls', () => {
    assert.deepEqual(
      runPanels(makeRun()).map((p) => p.id),
      ['loss', 'norms', 'metrics'],
    );
    assert.deepEqual(
      runPanels(makeFullRun()).map((p) => p.id),
      ['loss', 'norms', 'metrics', 'boundary', 'weights', 'sweep', 'path', 'share'],
    );
    const panels = runPanels(makeFullRun());
    assert.deepEqual(
      panels.find((p) => p.id === 'loss')!.controls!.map((c) => c.options.map((o) => o.value)),
      [['linear', 'log']],
    );
    assert.deepEqual(
      panels.find((p) => p.id === 'norms')!.controls![0].options.map((o) => o.value),
      ['l2', 'l1', 'max', 'sparsity'],
    );
    assert.deepEqual(runPanels({ ...makeRun({ epochs: 0, status: 'failed' }), layers: [] }), []);
  });

  it('scene statistics: mark elements and legend labels (layer names in the loss and norm charts)', async () => {
    const run = makeRun({ epochs: 120, layers: ['dense_1', 'dense_2', 'out'] });
    const panels = runPanels(run);
    const state = (id: string) => Object.fromEntries((panels.find((p) => p.id === id)!.controls ?? []).map((c) => [c.id, c.value]));
    const loss = await drawHeadless(panels[0].build({ theme: LIGHT_THEME, width: 500, state: state('loss') }));
    // Stacked areas (data loss + 3 penalties) and the test loss line: one path each.
    assert.equal(loss.stats.marks, 5);
    for (const l of ['dense_1 penalty', 'dense_2 penalty', 'out penalty', 'data loss']) assert.ok(loss.stats.legend.includes(l), l);
    const norms = await drawHeadless(panels[1].build({ theme: DARK_THEME, width: 500, state: { ...state('norms'), norm: 'sparsity' } }));
    assert.equal(norms.stats.marks, 3);
    assert.deepEqual(norms.stats.legend, ['dense_1', 'dense_2', 'out']);
    assert.deepEqual(sceneStats(undefined), { marks: 0, legend: [], byType: {} });
  });

  it('live rows: every epoch until 500, then a doubling stride; the newest epoch always shown', () => {
    const live = new LiveRows(500);
    const first = live.push(Array.from({ length: 300 }, (_, i) => row(i + 1)), ['dense_1', 'dense_2']);
    assert.deepEqual(live.layers, ['dense_1', 'dense_2']);
    // Per epoch: data loss, 2 penalties, test loss; 4 norms of each of the 2 layers.
    assert.equal(first.insert.length, 300 * 12);
    assert.equal(first.remove.size, 0);
    let inserted = first.insert.length;
    let removedEpochs = 0;
    for (let b = 0; b < 100; b++) {
      const u = live.push(Array.from({ length: 97 }, (_, i) => row(301 + b * 97 + i)));
      inserted += u.insert.length;
      removedEpochs += u.remove.size;
      assert.ok(live.size <= 501, `at most 500 epochs and the tail (${live.size})`);
    }
    const values = live.values();
    const epochs = [...new Set(values.map((p) => p.epoch))];
    assert.equal(epochs[0], 1);
    assert.equal(epochs[epochs.length - 1], 300 + 100 * 97, 'the newest epoch is on the chart');
    assert.ok(epochs.length > 250 && epochs.length <= 501, String(epochs.length));
    // What the changesets did adds up to what is shown.
    assert.equal(inserted - removedEpochs * 12, values.length);
    // Old rows (or repeats) are ignored.
    assert.equal(live.push([row(5)]).insert.length, 0);
    const reset = live.reset([row(1), row(2)]);
    assert.equal(reset.removeAll, true);
    assert.equal(live.values().length, 24);
    assert.equal(live.latest!.epoch, 2);
  });

  it('live charts: changesets grow the views without rebuilding them; loss and norms named as in the final charts', async () => {
    const { vega, vl } = await loadVega();
    const live = new LiveRows(500);
    const layers = ['dense_1', 'dense_2'];
    const first = live.push([row(1), row(2), row(3)], layers);
    const run = { layers, epochs: 100, metric: 'accuracy' as const };
    const views = [liveLossSpec(run, first.insert), liveNormsSpec(run, first.insert)].map((spec) => new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' }));
    for (const view of views) await view.runAsync();
    assert.equal(views[0].data(LIVE_DATA).length, 36);
    for (let e = 4; e <= 40; e += 3) {
      const u = live.push([row(e), row(e + 1), row(e + 2)]);
      for (const view of views) {
        const cs = vega.changeset().remove((d: { epoch: number }) => u.remove.has(d.epoch)).insert(u.insert);
        await view.change(LIVE_DATA, cs).runAsync();
      }
    }
    assert.equal(views[0].data(LIVE_DATA).length, live.values().length);
    const loss = sceneStats(views[0].scenegraph());
    assert.equal(loss.marks, 4, 'three stacked areas and the test line');
    const norms = sceneStats(views[1].scenegraph());
    assert.equal(norms.marks, 2, 'one line per layer');
    // The final charts of a run with these layers name their series the same way.
    const final = makeRun({ epochs: 40, layers });
    const panels = runPanels(final);
    const finalLoss = await drawHeadless(panels.find((p) => p.id === 'loss')!.build({ theme: LIGHT_THEME, width: 500, state: {} }));
    const finalNorms = await drawHeadless(panels.find((p) => p.id === 'norms')!.build({ theme: LIGHT_THEME, width: 500, state: {} }));
    assert.deepEqual(loss.legend, ['data loss', 'dense_1 penalty', 'dense_2 penalty', 'test loss (no penalty)']);
    assert.deepEqual(loss.legend, finalLoss.stats.legend);
    assert.deepEqual(norms.legend, ['dense_1', 'dense_2']);
    assert.deepEqual(norms.legend, finalNorms.stats.legend);
    // The live view shows the catalogue's live charts, under the final charts' titles.
    assert.deepEqual(liveCharts().map((k) => [k.id, k.title(final)]), panels.filter((p) => p.id === 'loss' || p.id === 'norms').map((p) => [p.id, p.title]));
    // The norm control picks the value drawn: rows' norms are [l1 1, l2 1, max 1, sparsity 0].
    const drawn = async (normKind: 'l2' | 'sparsity') => {
      const view = new vega.View(vega.parse(vl.compile(liveNormsSpec(run, live.values(), { normKind })).spec), { renderer: 'none' });
      await view.runAsync();
      // data_0: the live rows after the spec's filter (what the lines are drawn from).
      const values = (view.data('data_0') as { value: number }[]).map((d) => d.value);
      view.finalize();
      return values;
    };
    const [l2, sparsity] = [await drawn('l2'), await drawn('sparsity')];
    assert.equal(l2.length, 2 * live.size);
    assert.ok(l2.every((v) => v === 1));
    assert.equal(sparsity.length, 2 * live.size);
    assert.ok(sparsity.every((v) => v === 0));
    for (const view of views) view.finalize();
    // A diverging epoch keeps its test loss and norms but no stack.
    assert.deepEqual(
      [...new Set(livePoints({ ...row(7), dataLoss: Number.NaN }, layers).map((p) => p.kind))],
      ['line', 'l1', 'l2', 'max', 'sparsity'],
    );
    // Names that do not fit the rows fall back to positions.
    assert.deepEqual(livePoints(row(1), ['only_one']).filter((p) => p.kind === 'stack').map((p) => p.series), ['data loss', 'layer 1 penalty', 'layer 2 penalty']);
  });

  it('live status line', () => {
    assert.equal(statusLine(undefined, 4000), 'waiting for the first epoch (of 4,000)…');
    assert.equal(statusLine({ ...row(120), totalLoss: 0.23456, testMetric: 0.91234 }, 4000, 'accuracy'), 'epoch 120 / 4,000 · loss 0.2346 · test accuracy 0.9123');
    assert.equal(statusLine({ ...row(120), totalLoss: 0.23456, testMetric: 0.91234 }, 4000, 'r2'), 'epoch 120 / 4,000 · loss 0.2346 · test R² 0.9123');
    assert.equal(sweepLine({ done: 6, planned: 1200, select: 'test.accuracy', best: null }), 'sweep: 6 of 1,200 points');
    assert.equal(
      sweepLine({ done: 6, planned: 18, select: 'test.accuracy', best: { alpha: 0.01, mean: 0.85714, std: 0.01234 } }),
      'sweep: 6 of 18 points · best so far alpha 0.01 (test.accuracy 0.8571 ± 0.01234)',
    );
    assert.ok(isLiveSweepMessage({ type: 'sweep', liveKey: 'k', done: 1, planned: 2, select: 's', best: null }));
    assert.ok(!isLiveSweepMessage({ type: 'sweep', liveKey: 'k', done: '1', planned: 2 }), 'a malformed message is ignored');
    // 3 coarse alphas plus 4 refined, 5 repeats each (times the folds when validated).
    const onTest = { validate: { kind: 'none' } as const, rule: 'best' as const };
    assert.equal(plannedPoints({ alpha: [1e-1, 1e-2, 1e-3], repeats: 5, refine: 4, select: 'test.accuracy', ...onTest }), 35);
    assert.equal(plannedPoints({ alpha: { from: 1e-6, to: 1e-1, perDecade: 1 }, repeats: 2, refine: 0, select: 'test.loss', ...onTest }), 12);
    assert.equal(plannedPoints({ alpha: [1e-1, 1e-2, 1e-3], repeats: 2, refine: 1, select: 'validation.loss', validate: { kind: 'folds', folds: 5 }, rule: '1se' }), 40);
  });

  it('theme from VS Code CSS variables; light, dark and high contrast', () => {
    const vars: Record<string, string> = {
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editor-foreground': '#cccccc',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-red': '#f14c4c',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#b180d7',
      '--vscode-charts-yellow': '#cca700',
      '--vscode-font-family': ' "Segoe UI", sans-serif',
    };
    const dark = themeFromCss((n) => vars[n] ?? '', themeKindOf(['vscode-dark']));
    assert.equal(dark.background, '#1f1f1f');
    assert.equal(dark.foreground, '#cccccc');
    assert.deepEqual(dark.palette.slice(0, 6), ['#3794ff', '#d18616', '#f14c4c', '#89d185', '#b180d7', '#cca700']);
    assert.equal(new Set(dark.palette).size, dark.palette.length);
    assert.ok(dark.palette.length >= 10, '8 layers + data loss stay distinct');
    assert.equal(dark.font, '"Segoe UI", sans-serif');
    assert.equal(dark.grid, mixColors('#1f1f1f', '#cccccc', 0.16));
    // Nothing set: RegNB's own themes, by the body class.
    assert.deepEqual(themeFromCss(() => '', 'light'), LIGHT_THEME);
    assert.deepEqual(themeFromCss(() => '', 'dark'), DARK_THEME);
    assert.equal(themeKindOf(['vscode-high-contrast']), 'high-contrast');
    assert.equal(themeKindOf(['vscode-high-contrast', 'vscode-high-contrast-light']), 'high-contrast-light');
    assert.equal(themeKindOf([]), undefined);
    assert.equal(isDark('high-contrast', '#000000'), true);
    assert.equal(isDark('high-contrast-light', '#ffffff'), false);
    assert.equal(isDark(undefined, 'rgb(30, 30, 30)'), true);
    assert.deepEqual(parseColor('#cccccc80'), [204, 204, 204, 128 / 255]);
    assert.deepEqual(parseColor('rgba(97, 97, 97, 0.5)'), [97, 97, 97, 0.5]);
    assert.equal(parseColor('var(--x)'), undefined);
    assert.ok(luminance('#ffffff')! > 0.99 && luminance('#000')! < 0.01);
    assert.equal(mixColors('#000000', '#ffffff', 0.5), '#808080');
  });

  it('tooltips escape every key and value', () => {
    assert.equal(escapeHtml('<a href="x">&\''), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const html = tooltipHtml({ layer: '<img src=x onerror=alert(1)>', '<b>key</b>': 1, image: 'http://evil/x.png', title: '<i>t</i>' });
    assert.ok(!/<img|<b>|<i>/.test(html), html);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.equal(tooltipHtml(undefined), '');
    assert.equal(tooltipHtml('<x>'), '&lt;x&gt;');
  });

  it('sizes and file names', () => {
    assert.equal(plotWidth(0), 480);
    assert.equal(plotWidth(900), 780);
    assert.equal(plotWidth(200), 260);
    assert.equal(safeFileName('l2 <b>moons</b>'), 'l2_b_moons_b_');
    assert.equal(safeFileName('../../etc/passwd'), 'etc_passwd');
    assert.equal(safeFileName(''), 'chart');
  });
});
