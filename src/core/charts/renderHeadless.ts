// Headless chart files for the CLI (Node only): spec -> SVG with vega, SVG -> PNG with
// resvg. Text needs fonts: resvg loads the system fonts, and the themes' font lists name
// families most systems have, so labels show in the PNG too.

import * as fs from 'fs/promises';
import * as path from 'path';
import type { RunResult } from '../run/result';
import { writeFileAtomic } from '../store/atomicWrite';
import type { ChartOptions, VegaLiteSpec } from './specs';
import { buildCharts } from './catalogue';
import { renderChartSvg } from './renderSvg';

export { renderSvg, renderChartSvg, loadVega } from './renderSvg';

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: Promise<ResvgModule> | undefined;

/** @resvg/resvg-js, loaded on first use (a native module: `regnb check` never needs it). */
function loadResvg(): Promise<ResvgModule> {
  resvg ??= import('@resvg/resvg-js');
  resvg.catch(() => (resvg = undefined));
  return resvg;
}

export interface PngOptions {
  /** Pixel ratio (default 2: sharp on high-density screens and in documents). */
  pixelRatio?: number;
  /** Family used for text whose fonts are all missing (default: the first system font). */
  fallbackFont?: string;
}

/** PNG bytes of an SVG (rendered off the main thread). */
export async function svgToPng(svg: string, opts: PngOptions = {}): Promise<Buffer> {
  const { renderAsync } = await loadResvg();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: opts.pixelRatio ?? 2 },
    font: {
      loadSystemFonts: true,
      ...(opts.fallbackFont ? { defaultFontFamily: opts.fallbackFont } : {}),
      sansSerifFamily: opts.fallbackFont ?? 'DejaVu Sans',
    },
    logLevel: 'off',
  });
  return image.asPng();
}

export interface RenderedChart {
  svg: string;
  png: Buffer;
  warnings: string[];
}

/** SVG and PNG of one spec. */
export async function renderChart(spec: VegaLiteSpec, opts: PngOptions = {}): Promise<RenderedChart> {
  const { svg, warnings } = await renderChartSvg(spec);
  return { svg, png: await svgToPng(svg, opts), warnings };
}

export interface ChartFileOptions extends ChartOptions, PngOptions {
  formats?: ('svg' | 'png')[];
}

/**
 * Writes `<baseName>-<chart>.svg` and `.png` into `dir` (created if missing) for every
 * chart the run has (the chart catalogue, each control at its starting value), each file atomically. Returns the files' paths.
 */
export async function renderChartFiles(result: RunResult, dir: string, baseName: string, opts: ChartFileOptions = {}): Promise<string[]> {
  const formats = opts.formats ?? ['svg', 'png'];
  const base = [...baseName].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('') || 'chart';
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const chart of buildCharts(result, opts)) {
    const { svg } = await renderChartSvg(chart.spec);
    if (formats.includes('svg')) {
      const file = path.join(dir, `${base}-${chart.id}.svg`);
      await writeFileAtomic(file, svg);
      files.push(file);
    }
    if (formats.includes('png')) {
      const file = path.join(dir, `${base}-${chart.id}.png`);
      await writeFileAtomic(file, await svgToPng(svg, opts));
      files.push(file);
    }
  }
  return files;
}
