import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseNotebook } from '../../../src/core/notebook/parse';
import { serializeNotebook } from '../../../src/core/notebook/serialize';
import { cellText, utf8Length } from '../../../src/core/notebook/notebookText';
import { MAX_CELL_BYTES, boundCellOutputs, boundRunResult } from '../../../src/core/notebook/boundOutputs';
import { downsampleHistory, downsampleIndices } from '../../../src/core/run/historyThinning';
import type { History, RunResult } from '../../../src/core/run/result';
import { RUN_MIME } from '../../../src/core/protocol/notebookRenderer';
import type { NotebookDoc } from '../../../src/core/notebook/types';
import { makeHistory, makeRun } from './runFixture';
import { runSummary } from '../../../renderers/summary';

/** Every array in a history, with its path. */
function allSeries(h: unknown, path = ''): [string, unknown[]][] {
  if (Array.isArray(h)) return [[path, h]];
  if (typeof h !== 'object' || h === null) return [];
  return Object.entries(h).flatMap(([k, v]) => allSeries(v, path ? `${path}.${k}` : k));
}

function notebookWith(...results: unknown[]): NotebookDoc {
  return {
    regnb: 1,
    metadata: {},
    cells: results.map((data, k) => ({ kind: 'experiment' as const, source: `name: cell-${k}`, outputs: [{ mime: RUN_MIME, data }], extra: {} })),
    extra: {},
  };
}

/** Bytes of each cell as laid out in the file (cells sit 2 levels deep). */
function cellSizes(fileText: string): number[] {
  return parseNotebook(fileText).cells.map((c) => utf8Length(cellText(c, 2)));
}

describe('downsampleIndices', () => {
  it('keeps everything when it fits, else evenly spaced indices with both ends', () => {
    assert.deepEqual(downsampleIndices(5, 512), [0, 1, 2, 3, 4]);
    assert.deepEqual(downsampleIndices(0, 512), []);
    assert.deepEqual(downsampleIndices(11, 3), [0, 5, 10]);
    for (const [n, m] of [[10000, 512], [513, 512], [1000, 7], [3, 2]]) {
      const idx = downsampleIndices(n, m);
      assert.equal(idx.length, m);
      assert.equal(idx[0], 0);
      assert.equal(idx[idx.length - 1], n - 1);
      for (let k = 1; k < idx.length; k++) assert.ok(idx[k] > idx[k - 1], 'strictly increasing');
    }
  });
});

describe('downsampleHistory', () => {
  it('a 10,000-epoch history gets at most 512 points, first and last epoch kept, every series alike', () => {
    const h = makeHistory(10000, ['dense_1', 'dense_2', 'lstm_1']) as History & { lr?: number[] };
    h.lr = h.epoch.map((e) => 1 / e); // a series added later is sampled too
    const d = downsampleHistory(h, 512);
    assert.equal(d.epoch.length, 512);
    assert.equal(d.epoch[0], 1);
    assert.equal(d.epoch[511], 10000);
    const series = allSeries(d);
    assert.ok(series.length >= 3 + 3 * 4 + 7, `found ${series.length} series`);
    for (const [path, s] of series) assert.equal(s.length, 512, path);
    // The same epochs everywhere: each sampled value is the original value at that epoch.
    d.epoch.forEach((epoch, k) => {
      const i = epoch - 1;
      assert.equal(d.penalty.lstm_1[k], h.penalty.lstm_1[i]);
      assert.equal(d.norms.dense_2.sparsity[k], h.norms.dense_2.sparsity[i]);
      assert.equal(d.testMetric[k], h.testMetric[i]);
      assert.equal((d as typeof h).lr![k], h.lr![i]);
    });
    assert.equal(h.epoch.length, 10000, 'the input is not mutated');
  });

  it('returns the history itself when it already fits', () => {
    const h = makeHistory(512, ['a']);
    assert.equal(downsampleHistory(h, 512), h);
  });

  it('handles empty histories', () => {
    const h = makeHistory(0, ['a']);
    assert.deepEqual(downsampleHistory(h, 512), h);
  });
});

describe('output bounding in serializeNotebook', () => {
  it('stores at most 512 points per series, marks the result downsampled and keeps final values', () => {
    const run = makeRun({ epochs: 10000 });
    const text = serializeNotebook(notebookWith(run));
    const stored = parseNotebook(text).cells[0].outputs![0].data as RunResult;
    assert.equal(stored.downsampled, true);
    assert.equal(stored.history.epoch.length, 512);
    assert.equal(stored.history.epoch[0], 1);
    assert.equal(stored.history.epoch.at(-1), 10000);
    for (const [path, s] of allSeries(stored.history)) assert.equal(s.length, 512, path);
    assert.deepEqual(stored.final, run.final);
    assert.equal(run.history.epoch.length, 10000, 'the document is not mutated');
    assert.equal(run.downsampled, undefined);
    assert.ok(cellSizes(text)[0] <= MAX_CELL_BYTES);
  });

  it('says what was done to the history: thinned to N points, or only rounded', () => {
    const thinned = parseNotebook(serializeNotebook(notebookWith(makeRun({ epochs: 10000 })))).cells[0].outputs![0].data as RunResult;
    assert.deepEqual(thinned.reduced, { points: 512, digits: 7 });
    assert.equal(runSummary(thinned).notes[0], 'The history is shown thinned to 512 points, its numbers rounded to 7 significant digits; the run store has it at full resolution.');
    const fewLayers = parseNotebook(serializeNotebook(notebookWith(makeRun({ epochs: 2000, layers: ['a'] })))).cells[0].outputs![0].data as RunResult;
    assert.deepEqual(fewLayers.reduced, { points: 512 });
    assert.equal(runSummary(fewLayers).notes[0], 'The history is shown thinned to 512 points; the run store has it at full resolution.');
    // 300 epochs of 4 layers: over the cell limit by its digits only; rounding makes it fit, every epoch kept.
    const long = makeRun({ epochs: 300, layers: ['a', 'b', 'c', 'd'] });
    const rounded = parseNotebook(serializeNotebook(notebookWith(long))).cells[0].outputs![0].data as RunResult;
    assert.equal(rounded.history.epoch.length, 300);
    assert.deepEqual(rounded.reduced, { digits: 7 });
    assert.equal(runSummary(rounded).notes[0], "The history's numbers are shown rounded to 7 significant digits (every epoch is there); the run store has it at full resolution.");
  });

  it('leaves small results exactly as they are', () => {
    const run = makeRun({ epochs: 100 });
    const stored = parseNotebook(serializeNotebook(notebookWith(run))).cells[0].outputs![0].data;
    assert.deepEqual(stored, JSON.parse(JSON.stringify(run)));
    assert.deepEqual(boundRunResult(run), run);
  });

  it('keeps a huge output under 256 KiB per cell, valid, and says what it left out', () => {
    const layers = Array.from({ length: 40 }, (_, k) => `dense_${k + 1}`);
    const alphas = Array.from({ length: 25 }, (_, k) => 10 ** (-6 + k / 5));
    const run = makeRun({ epochs: 10000, layers, grid: { alphas, repeats: 10 } });
    assert.ok(JSON.stringify(run).length > 5 * MAX_CELL_BYTES, 'the fixture is really huge');
    const text = serializeNotebook(notebookWith(run, makeRun({ epochs: 20 })));
    const doc = parseNotebook(text); // valid JSON and a valid notebook
    const sizes = cellSizes(text);
    assert.ok(sizes[0] <= MAX_CELL_BYTES, `cell is ${sizes[0]} bytes`);
    const stored = doc.cells[0].outputs![0].data as RunResult;
    assert.equal(stored.downsampled, true);
    assert.ok(stored.omitted?.includes('grid.runs[].norms'), `omitted: ${stored.omitted}`);
    assert.ok(stored.history.epoch.length >= 2 && stored.history.epoch.length < 512);
    assert.equal(stored.history.epoch[0], 1);
    assert.equal(stored.history.epoch.at(-1), 10000);
    for (const [path, s] of allSeries(stored.history)) assert.equal(s.length, stored.history.epoch.length, path);
    assert.deepEqual(stored.final, run.final);
    assert.equal(stored.grid!.runs.length, run.grid!.runs.length, 'the grid runs stay, without their norms');
    // The small neighbour is untouched, and saving again changes nothing.
    assert.deepEqual(doc.cells[1].outputs![0].data, JSON.parse(JSON.stringify(makeRun({ epochs: 20 }))));
    assert.equal(serializeNotebook(doc), text);
  });

  it('keeps the decision boundary of a typical 2-input run, with at least 128 points of history', () => {
    const run = withBoundary(makeRun({ epochs: 4000 }), 60, 100);
    const bounded = boundRunResult(run);
    const cell = { kind: 'experiment' as const, source: '', outputs: [{ mime: RUN_MIME, data: bounded }], extra: {} };
    assert.ok(utf8Length(cellText(cell, 2)) <= MAX_CELL_BYTES);
    assert.ok(bounded.boundary, 'boundary kept');
    assert.equal(bounded.boundary.values.length, 3600);
    assert.ok(bounded.history.epoch.length >= 128 && bounded.history.epoch.length <= 512, `${bounded.history.epoch.length} points`);
    assert.equal(bounded.omitted, undefined);
    // Rounded to 7 significant digits, not more.
    assert.ok(Math.abs(bounded.boundary.values[1234] - run.boundary!.values[1234]) <= 1e-7);
  });

  it('drops an oversized decision boundary before going below 128 points', () => {
    const run = withBoundary(makeRun({ epochs: 4000 }), 200, 1000);
    const bounded = boundRunResult(run);
    assert.equal(bounded.boundary, undefined);
    assert.deepEqual(bounded.omitted, ['boundary']);
    assert.ok(bounded.history.epoch.length >= 128);
  });

  it('drops the history (keeping final scores) only when nothing smaller fits', () => {
    const layers = Array.from({ length: 3000 }, (_, k) => `layer_with_a_long_name_${k}`);
    const run = makeRun({ epochs: 50, layers });
    const bounded = boundRunResult(run);
    assert.ok(bounded.omitted?.includes('history'), `omitted: ${bounded.omitted}`);
    assert.deepEqual(bounded.history.epoch, []);
    assert.deepEqual(bounded.final, run.final);
    const cell = { kind: 'experiment' as const, source: '', outputs: [{ mime: RUN_MIME, data: bounded }], extra: {} };
    assert.ok(utf8Length(cellText(cell, 2)) <= MAX_CELL_BYTES);
  });

  it('replaces other oversized outputs by a note', () => {
    const doc: NotebookDoc = {
      regnb: 1,
      metadata: {},
      cells: [{ kind: 'experiment', source: 'x', outputs: [{ mime: 'text/plain', data: 'é'.repeat(300 * 1024) }, { mime: RUN_MIME, data: makeRun({ epochs: 30 }) }], extra: {} }],
      extra: {},
    };
    const text = serializeNotebook(doc);
    assert.ok(cellSizes(text)[0] <= MAX_CELL_BYTES);
    const outputs = parseNotebook(text).cells[0].outputs!;
    assert.equal(outputs[0].mime, 'text/plain');
    assert.match(outputs[0].data as string, /^RegNB: output omitted: "text\/plain" output of \d+ KiB \(a cell's outputs are limited to 256 KiB/);
    assert.equal((outputs[1].data as RunResult).history.epoch.length, 30);
    assert.equal(serializeNotebook(parseNotebook(text)), text);
  });

  it('measures bytes as UTF-8', () => {
    assert.equal(utf8Length('aé€😀'), 1 + 2 + 3 + 4);
    assert.equal(utf8Length('\ud800'), 3);
    assert.equal(utf8Length(JSON.stringify({ s: 'é😀' })), Buffer.byteLength(JSON.stringify({ s: 'é😀' })));
  });

  it('rounds only when rounding changes a number: -0, NaN and numbers of 7 digits or fewer are no change', () => {
    // Over the limit by its size alone; every number already short, so rounding cannot help
    // and the result must not claim it was rounded, then thinning makes it fit.
    const run = withBoundary(makeRun({ epochs: 2000, layers: ['a', 'b', 'c', 'd'] }), 40, 100);
    const short = JSON.parse(JSON.stringify(run), (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(5)) : v)) as RunResult;
    short.history.dataLoss[0] = -0;
    short.history.testLoss[1999] = Number.NaN; // the last epoch: kept by thinning
    const bounded = boundRunResult(short, { maxCellBytes: 250_000 });
    assert.equal(bounded.reduced?.digits, undefined, JSON.stringify(bounded.reduced));
    assert.ok(bounded.history.epoch.length < 2000);
    assert.deepEqual(bounded.boundary, short.boundary, 'the short boundary is kept as it is');
    // The same run at full precision is rounded, and says so.
    const rounded = boundRunResult(run, { maxCellBytes: 250_000 });
    assert.equal(rounded.reduced?.digits, 7);
    assert.notDeepEqual(rounded.boundary, run.boundary);
    for (const v of rounded.boundary!.values) assert.equal(v, Number(v.toPrecision(7)));
  });

  it('leaves outputs that are not run results alone when they fit', () => {
    const cell = { kind: 'experiment' as const, source: '', outputs: [{ mime: RUN_MIME, data: { not: 'a run' } }], extra: {} };
    assert.deepEqual(boundCellOutputs(cell), cell.outputs);
  });
});

function withBoundary(run: RunResult, grid: number, points: number): RunResult {
  const xs = Array.from({ length: grid }, (_, i) => -2 + (i * 4) / (grid - 1));
  run.boundary = {
    xs,
    ys: xs,
    values: xs.flatMap((y) => xs.map((x) => 1 / (1 + Math.exp(-(x * 1.7 + y * 0.3))))),
    kind: 'probability',
    points: Array.from({ length: points }, (_, i) => ({ x: Math.sin(i) * 1.234567, y: Math.cos(i) * 0.987654321, label: i % 2, set: i < 30 ? ('train' as const) : ('test' as const) })),
  };
  return run;
}
