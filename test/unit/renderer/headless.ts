// Draws a Vega-Lite spec headless, as the renderer does in the browser (compile, vega
// View, SVG), and reads what it drew: the SVG text and the scenegraph statistics.
import { loadVega } from '../../../src/core/charts/renderSvg';
import type { VegaLiteSpec } from '../../../src/core/charts/specs';
import { sceneStats, type SceneStats } from '../../../renderers/sceneStats';

export interface Drawn {
  svg: string;
  stats: SceneStats;
  warnings: string[];
  compiledScales: { name: string; type?: string }[];
}

export async function drawHeadless(spec: VegaLiteSpec): Promise<Drawn> {
  const { vega, vl } = await loadVega();
  const warnings: string[] = [];
  const logger = {
    level: () => vega.Warn,
    error: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
    warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vl.compile(spec, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: logger as never, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return { svg, stats: sceneStats(view.scenegraph()), warnings, compiledScales: scalesOf(compiled) };
  } finally {
    view.finalize();
  }
}

/** Number of SVG elements of `tag` inside the first mark group of class `mark-<type>`, searching from `from`. */
export function elementsInMarkGroup(svg: string, type: string, tag = 'path', from = 0): number {
  const at = svg.indexOf(`class="mark-${type} role-mark`, from);
  if (at < 0) return 0;
  const end = svg.indexOf('</g>', at);
  return (svg.slice(at, end).match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;
}

/** Mark groups of class `mark-<type>` in the SVG. */
export function markGroups(svg: string, type: string): number {
  return (svg.match(new RegExp(`class="mark-${type} role-mark`, 'g')) ?? []).length;
}

type Scale = { name: string; type?: string };

/** The compiled vega spec's scales, with those of nested groups (facets). */
function scalesOf(spec: { scales?: unknown[]; marks?: unknown[] }): Scale[] {
  const nested = (spec.marks ?? []).flatMap((m) => scalesOf(m as { scales?: unknown[]; marks?: unknown[] }));
  return [...((spec.scales ?? []) as Scale[]), ...nested];
}
