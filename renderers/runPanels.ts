// The chart panels of a run result: the chart catalogue's charts that apply
// (src/core/charts/catalogue.ts), in its order, with its titles and controls. Specs only
// (no DOM, no vega): unit-testable.

import type { RunResult } from '../src/core/run/result';
import { chartsFor } from '../src/core/charts/catalogue';
import type { ChartPanelOptions } from './chartPanel';
import { DISPLAY_POINTS } from './env';

export type PanelSpec = Omit<ChartPanelOptions, 'host' | 'fileBase' | 'onRedraw'>;

/** The chart panels a run result has, in display order. */
export function runPanels(r: RunResult): PanelSpec[] {
  return chartsFor(r).map((kind) => ({
    id: kind.id,
    title: kind.title(r),
    controls: kind.controls,
    build: ({ theme, width, state }) => kind.build(r, { theme, width, state, maxPoints: DISPLAY_POINTS }),
  }));
}
