// Headless chart files for the CLI (Node only): spec -> SVG with vega, SVG -> PNG with
// resvg. Text needs fonts: resvg loads the system fonts, and the themes' font lists name
// families most systems have, so labels show in the PNG too.

import * as fs from 'fs/promises';
import * as os from 'os';
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

/**
 * PNGs rasterized at once by renderChartFiles(): one per core (libuv's threadpool, 4
 * threads by default, bounds it too). On 2 cores, 2 took as long as 4 (the tutorial
 * notebook as `regnb run --charts`: 14.8-15.3 s against 14.2-15.0) with ~60 MB less at
 * the peak (580-590 MB against 640-670; 535 one after the other, in 17.4 s).
 */
const RASTERS_IN_FLIGHT = Math.max(1, os.availableParallelism());

/** A chart file renderChartFiles() could not make: which (its final path); why is its `cause`. */
export class ChartFileError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface ChartFileOptions extends ChartOptions, PngOptions {
  formats?: ('svg' | 'png')[];
}

/**
 * Writes `<baseName>-<chart>.svg` and `.png` into `dir` (created if missing) for every
 * chart the run has (the chart catalogue, each control at its starting value), each file
 * atomically. Returns the files' paths, an SVG before its PNG, in the catalogue's order.
 *
 * This thread only draws (vega), one chart after another: the files are written, and
 * the PNGs rasterized by resvg, on libuv's threadpool while it draws the next. Drawing
 * and rasterizing took about the same time (2.2 s and 2.9 s for the tutorial notebook's
 * 65 charts), and one after the other left a core idle (README, the main job).
 */
export async function renderChartFiles(result: RunResult, dir: string, baseName: string, opts: ChartFileOptions = {}): Promise<string[]> {
  const formats = opts.formats ?? ['svg', 'png'];
  const base = [...baseName].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('') || 'chart';
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  const writes: Promise<void>[] = [];
  const rastering: Promise<void>[] = [];
  // A write that fails while the drawing goes on is heard at the end (allSettled below):
  // handled from the start, so that Node does not take it for a rejection nobody handles.
  const written = (file: string, making: Promise<void>) => {
    const write = making.catch((cause: unknown) => {
      throw new ChartFileError(file, cause);
    });
    write.catch(() => undefined);
    writes.push(write);
    return write;
  };
  let settled: PromiseSettledResult<void>[] = [];
  try {
    for (const chart of buildCharts(result, opts)) {
      const { svg } = await renderChartSvg(chart.spec);
      const file = (ext: string) => path.join(dir, `${base}-${chart.id}.${ext}`);
      if (formats.includes('svg')) {
        files.push(file('svg'));
        written(file('svg'), writeFileAtomic(file('svg'), svg));
      }
      if (formats.includes('png')) {
        files.push(file('png'));
        // At most a raster per core in flight: each holds its image and resvg's font database.
        while (rastering.length >= RASTERS_IN_FLIGHT) await rastering.shift();
        rastering.push(written(file('png'), svgToPng(svg, opts).then((bytes) => writeFileAtomic(file('png'), bytes))));
      }
    }
  } finally {
    // Every file is written, or has failed, before this returns or throws: none is left
    // being written behind a failure, or rejecting with no one to hear it.
    settled = await Promise.allSettled(writes);
  }
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return files;
}
