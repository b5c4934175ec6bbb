// The notebook renderer in a real browser (headless Chromium), fed run results whose
// every string (names, layer names used as keys, errors, guidance, class and feature
// names, ids) is an HTML, Markdown or control-character payload: it must draw them as
// text. No element comes from a payload, no script runs, no remote image is fetched.
// It needs no VS Code: the renderer bundle is built here and activated on a blank page
// with a renderer context of its own, as VS Code would. The same page also draws a
// running sweep's live charts from the messages the extension posts: a validated point's
// held-out loss and metric are named "validation", the refit model's "test".

import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../vscode/chromium';
import { makeFullRun } from '../../unit/renderer/fixtures';
import { COMPARE_MIME, PROGRESS_MIME, RUN_MIME, liveRowsMessage, type LiveRowsMessage, type ProgressData } from '../../../src/core/protocol/notebookRenderer';
import type { EpochRow } from '../../../src/core/run/epochRow';

const ORIGIN = 'http://renderer.test';
const PAYLOADS = [
  '<img src="https://tracker.invalid/i.png" onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '![x](https://tracker.invalid/md.png) [click](command:workbench.action.terminal.new) **bold**',
  '\u001b]0;owned\u0007\u001b[2J\u202eexe.txt\u0000',
  '"><svg onload="window.__pwned=3">',
];

/** `value` with every string and every map key but the structural ones (KEPT_KEYS) replaced by payloads, numbered. */
function poisoned(value: unknown, counter = { i: 0 }): unknown {
  const next = () => `${PAYLOADS[counter.i++ % PAYLOADS.length]}#${counter.i}`;
  if (typeof value === 'string') return next();
  if (Array.isArray(value)) return value.map((v) => poisoned(v, counter));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [KEPT_KEYS.has(k) ? k : next(), poisoned(v, counter)]));
  }
  return value;
}
// Keys that hold structure rather than names: keeping them lets the renderer get past
// its shape checks and draw the poisoned strings inside.
const KEPT_KEYS = new Set(['regnb', 'name', 'runId', 'status', 'error', 'task', 'metric', 'backend', 'durationMs', 'layers', 'history', 'final', 'train', 'test',
  'epoch', 'dataLoss', 'penalty', 'totalLoss', 'testLoss', 'trainMetric', 'testMetric', 'norms', 'loss', 'accuracy', 'r2', 'store', 'startedAt', 'notebook', 'grid',
  'alphas', 'runs', 'alpha', 'repeat', 'best', 'mean', 'std', 'select', 'boundary', 'xs', 'ys', 'values', 'kind', 'points', 'x', 'y', 'label', 'set', 'classNames',
  'weights', 'edges', 'counts', 'nearZero', 'total', 'l1', 'l2', 'max', 'sparsity', 'params', 'type', 'units', 'guidance', 'findings', 'severity', 'message',
  'recommendation', 'equivalents', 'data', 'source', 'nTrain', 'nTest', 'inputShape', 'standardize', 'from', 'cell', 'seed', 'refined', 'penaltyShare', 'final']);

/** A run whose free-text strings are payloads while its enums stay valid, so every chart is drawn. */
function withTextPayloads(): Record<string, unknown> {
  const run = makeFullRun() as unknown as Record<string, unknown>;
  const p = poisoned(run) as Record<string, unknown>;
  // Enums the renderer branches on stay as they were; everything else is hostile.
  for (const k of ['status', 'task', 'metric', 'backend']) p[k] = run[k];
  (p.grid as Record<string, unknown>).select = (run.grid as Record<string, unknown>).select;
  (p.boundary as Record<string, unknown>).kind = (run.boundary as Record<string, unknown>).kind;
  p.status = 'failed';
  p.error = PAYLOADS.join(' ');
  return p;
}

/** Live rows of a sweep point: epochs 1..n of two dense layers. */
function liveRows(n: number): EpochRow[] {
  return Array.from({ length: n }, (_, i) => {
    const epoch = i + 1;
    return { epoch, dataLoss: 1 / epoch, penalty: [0.01, 0.02], totalLoss: 1 / epoch + 0.03, trainLoss: 1 / epoch, testLoss: 1.2 / epoch, trainMetric: 0.9, testMetric: 0.8125, norms: [[1, 1, 1, 0], [2, 2, 2, 0]] };
  });
}

let bundle = '';
let browser: Browser;

// Browser-side code is passed as text: this file is checked without the DOM library.
async function render(page: Page, mime: string, data: unknown): Promise<void> {
  await page.evaluate(`(async () => {
    const mod = await import(location.origin + '/renderer.js');
    const renderer = mod.activate({ workspace: { isTrusted: false }, setState() {}, getState() {} });
    const element = document.createElement('div');
    document.body.appendChild(element);
    const data = ${JSON.stringify(data)};
    const item = { id: 'o' + Math.random(), mime: ${JSON.stringify(mime)}, metadata: {}, json: () => data, text: () => JSON.stringify(data), data: () => new Uint8Array(0) };
    await renderer.renderOutputItem(item, element, new AbortController().signal);
  })()`);
}

interface Found {
  pwned: number | null;
  scripts: number;
  images: (string | null)[];
  links: (string | null)[];
  handlers: string[];
  text: string;
  svgText: string;
}

const INSPECT = `(() => ({
  pwned: window.__pwned ?? null,
  scripts: document.querySelectorAll('body script').length,
  images: Array.from(document.querySelectorAll('img')).map((i) => i.getAttribute('src')),
  links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')),
  handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name)),
  text: document.body.innerText,
  svgText: Array.from(document.querySelectorAll('svg text')).map((t) => t.textContent ?? '').join('\\n'),
}))()`;

/** A blank page that serves the renderer bundle and nothing else (every other request is recorded in `outside`). */
async function blankPage(outside: string[], errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body></body></html>' });
    if (url === `${ORIGIN}/renderer.js`) return route.fulfill({ contentType: 'text/javascript', body: bundle });
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/`);
  return page;
}

/**
 * Renders a running cell (PROGRESS_MIME) with renderer messaging as VS Code gives it:
 * what the renderer posts lands in `window.__posted`, and `window.__send(m)` delivers a
 * message from the extension.
 */
async function renderLive(page: Page, data: ProgressData): Promise<void> {
  await page.evaluate(`(async () => {
    const mod = await import(location.origin + '/renderer.js');
    const listeners = [];
    window.__posted = [];
    window.__send = (m) => listeners.forEach((l) => l(m));
    const renderer = mod.activate({
      workspace: { isTrusted: true }, setState() {}, getState() {},
      postMessage: (m) => window.__posted.push(m),
      onDidReceiveMessage: (l) => (listeners.push(l), { dispose() {} }),
    });
    const element = document.createElement('div');
    document.body.appendChild(element);
    const data = ${JSON.stringify(data)};
    const item = { id: 'live', mime: ${JSON.stringify(PROGRESS_MIME)}, metadata: {}, json: () => data, text: () => JSON.stringify(data), data: () => new Uint8Array(0) };
    await renderer.renderOutputItem(item, element, new AbortController().signal);
  })()`);
}

interface LiveShown {
  /** The 'rendered' reports posted so far: each chart's legend. */
  rendered: { id: string; legend: string[] }[][];
  status: string;
  svgText: string;
}

const LIVE_INSPECT = `(() => ({
  rendered: window.__posted.filter((m) => m.type === 'rendered').map((m) => m.charts.map((c) => ({ id: c.id, legend: c.legend }))),
  status: document.querySelector('.regnb-status-line')?.textContent ?? '',
  svgText: Array.from(document.querySelectorAll('svg text')).map((t) => t.textContent ?? '').join('\\n'),
}))()`;

/** Delivers `m` and waits until the renderer has reported drawing its charts `count` times. */
async function deliver(page: Page, m: LiveRowsMessage, count: number): Promise<LiveShown> {
  await page.evaluate(`window.__send(${JSON.stringify(m)})`);
  await page.waitForFunction(`window.__posted.filter((m) => m.type === 'rendered').length >= ${count}`, undefined, { timeout: 60_000 });
  return (await page.evaluate(LIVE_INSPECT)) as LiveShown;
}

describe('renderer with hostile strings, in Chromium', () => {
  before(async () => {
    const built = await esbuild.build({
      entryPoints: [resolve(__dirname, '../../../renderers/index.ts')],
      bundle: true, platform: 'browser', format: 'esm', target: 'es2022', write: false, logLevel: 'error',
    });
    bundle = built.outputFiles[0].text;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  for (const [label, mime, data] of [
    ['every free-text string a payload (charts drawn)', RUN_MIME, () => withTextPayloads()],
    ['every string a payload, enums too, and every name used as a key', RUN_MIME, () => ({ ...(poisoned(makeFullRun()) as object), name: PAYLOADS[0], final: (makeFullRun() as unknown as Record<string, unknown>).final })],
    ['a comparison of poisoned runs', COMPARE_MIME, () => ({ runs: [withTextPayloads(), withTextPayloads()] })],
  ] as const) {
    it(label, { timeout: 120_000 }, async () => {
      const outside: string[] = [];
      const errors: string[] = [];
      const page = await blankPage(outside, errors);
      await render(page, mime, data());
      // Give images and handlers a chance to fire, were any created.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200)))');
      const found = (await page.evaluate(INSPECT)) as Found;
      assert.equal(found.pwned, null, 'no payload script ran');
      assert.equal(found.scripts, 0);
      assert.deepEqual(found.images.filter((s) => !s?.startsWith('data:')), [], 'no remote image');
      assert.deepEqual(found.links.filter((h) => !/^(#|data:|blob:)/.test(h ?? '')), [], 'no link from a payload');
      assert.deepEqual(found.handlers, [], 'no inline event handler');
      assert.deepEqual(outside, [], 'nothing fetched from anywhere else');
      assert.deepEqual(errors, []);
      // The payloads are there, as text.
      const shown = `${found.text}\n${found.svgText}`;
      assert.ok(shown.includes('<img src="https://tracker.invalid/i.png"') || shown.includes('<script>window.__pwned=2</script>'), shown.slice(0, 500));
      await page.close();
    });
  }

  it('a sweep point\'s live update says "validation"; the refit model\'s says "test"', { timeout: 120_000 }, async () => {
    const outside: string[] = [];
    const errors: string[] = [];
    const page = await blankPage(outside, errors);
    const liveKey = 'file:///sweep.regnb#1';
    await renderLive(page, { liveKey, name: 'sweep', epochs: 20 });
    // The renderer asks for the rows so far, as it does when it (re)draws.
    assert.deepEqual(await page.evaluate(`window.__posted.filter((m) => m.type === 'sync')`), [{ type: 'sync', liveKey }]);
    const header = { epochs: 20, layers: ['dense_1', 'dense_2'], metric: 'accuracy' as const };
    const point = await deliver(page, liveRowsMessage('reset', liveKey, { ...header, scoredOn: 'validation' }, liveRows(5)), 1);
    assert.deepEqual(point.rendered[0], [
      { id: 'live-loss', legend: ['data loss', 'dense_1 penalty', 'dense_2 penalty', 'validation loss (no penalty)'] },
      { id: 'live-norms', legend: ['dense_1', 'dense_2'] },
    ]);
    assert.equal(point.status, 'epoch 5 / 20 · loss 0.23 · validation accuracy 0.8125');
    assert.match(point.svgText, /validation loss \(no penalty\)/);
    assert.match(point.svgText, /dashed: validation loss/);
    assert.doesNotMatch(point.svgText, /test/);
    // The chosen alpha refit on all training rows is scored on the test set: the charts start afresh under "test".
    const refit = await deliver(page, liveRowsMessage('reset', liveKey, { ...header, scoredOn: 'test' }, liveRows(3)), 2);
    assert.deepEqual(refit.rendered[1][0].legend, ['data loss', 'dense_1 penalty', 'dense_2 penalty', 'test loss (no penalty)']);
    assert.equal(refit.status, 'epoch 3 / 20 · loss 0.3633 · test accuracy 0.8125');
    assert.match(refit.svgText, /dashed: test loss/);
    assert.doesNotMatch(refit.svgText, /validation/);
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
