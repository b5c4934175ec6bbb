// Vega-Lite spec -> SVG text, headless (Node; also works wherever vega runs). vega and
// vega-lite are ES modules with top-level await (vega-canvas probes for `canvas`), which
// neither require() nor a CommonJS bundle can load: they are imported at run time, through
// a specifier the bundler leaves alone, and loaded once. In the bundles, the build puts them
// in a bundle of their own (dist/vega.js, scripts/esbuildNode.mjs) loaded from here at need.

import type * as VegaModule from 'vega';
import type * as VegaLiteModule from 'vega-lite/build/index';
import type { VegaLiteSpec } from './specs';

type Vega = typeof VegaModule;
type VegaLite = typeof VegaLiteModule;

// A variable specifier: esbuild keeps this a real import() instead of bundling the module.
const importModule = (specifier: string): Promise<unknown> => import(specifier);

let loaded: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

/** vega and vega-lite, imported once. */
export function loadVega(): Promise<{ vega: Vega; vl: VegaLite }> {
  loaded ??= Promise.all([importModule('vega'), importModule('vega-lite')]).then(([vega, vl]) => ({ vega: vega as Vega, vl: vl as VegaLite }));
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

export interface RenderedSvg {
  svg: string;
  /** Warnings from vega-lite's compiler and vega's runtime (none for RegNB's own specs). */
  warnings: string[];
  width: number;
  height: number;
}

/** Compiles and renders a Vega-Lite spec to SVG. Specs may not load external data. */
export async function renderChartSvg(spec: VegaLiteSpec): Promise<RenderedSvg> {
  const { vega, vl } = await loadVega();
  const warnings: string[] = [];
  const collect = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const logger = {
    level(): number {
      return vega.Warn;
    },
    error(...args: unknown[]) {
      collect(...args);
      return this;
    },
    warn(...args: unknown[]) {
      collect(...args);
      return this;
    },
    info() {
      return this;
    },
    debug() {
      return this;
    },
  };
  const compiled = vl.compile(spec, { logger: logger as never }).spec;
  const loader = vega.loader();
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`chart specs may not load external resources (${uri})`);
  };
  loader.load = refuse;
  loader.sanitize = refuse;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader, logger: logger as never, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return { svg, warnings, width: view.width(), height: view.height() };
  } finally {
    view.finalize();
  }
}

/** SVG text of a Vega-Lite spec. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  return (await renderChartSvg(spec)).svg;
}
