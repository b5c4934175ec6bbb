// A Vega-Lite spec drawn into an element: compiled with vega-lite, rendered by vega as
// SVG, tooltips by vega-tooltip. Specs carry their data inline (or get it through
// changesets): the loader refuses every external resource.

import { View, Warn, loader as vegaLoader, parse, type Spec } from 'vega';
import { compile } from 'vega-lite';
import { Handler } from 'vega-tooltip';
import type { VegaLiteSpec } from '../src/core/charts/specs';
import { TOOLTIP_ID, TOOLTIP_THEME } from './styles';
import { tooltipHtml } from './tooltipHtml';

export type { View } from 'vega';

let tooltip: Handler | undefined;

/** One tooltip handler (and element) for every chart of the renderer; styled by the outputs' CSS. */
function tooltipHandler(): Handler {
  tooltip ??= new Handler({
    id: TOOLTIP_ID,
    theme: TOOLTIP_THEME,
    disableDefaultStyle: true,
    offsetX: 12,
    offsetY: 12,
    formatTooltip: (value) => tooltipHtml(value),
  });
  return tooltip;
}

/** Removes the tooltip element (when the renderer has nothing left to show). */
export function removeTooltip(): void {
  document.getElementById(TOOLTIP_ID)?.remove();
}

function silentLogger(warnings: string[]) {
  const collect = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const logger = {
    level(): number {
      return Warn;
    },
    error(...args: unknown[]) {
      collect(...args);
      return logger;
    },
    warn(...args: unknown[]) {
      collect(...args);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

export interface DrawnView {
  view: View;
  warnings: string[];
}

/** Compiles the spec, draws it into `container` (SVG) and waits for the first render. */
export async function drawSpec(spec: VegaLiteSpec, container: HTMLElement): Promise<DrawnView> {
  const warnings: string[] = [];
  const logger = silentLogger(warnings);
  const compiled = compile(spec, { logger: logger as never }).spec as Spec;
  const loader = vegaLoader();
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`RegNB charts load no external resources (${uri})`);
  };
  loader.load = refuse;
  loader.sanitize = refuse;
  const view = new View(parse(compiled), {
    renderer: 'svg',
    container,
    loader,
    logger: logger as never,
    logLevel: Warn,
    tooltip: tooltipHandler().call,
  });
  try {
    await view.runAsync();
  } catch (e) {
    view.finalize();
    throw e;
  }
  return { view, warnings };
}
