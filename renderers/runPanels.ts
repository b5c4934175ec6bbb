// The chart panels of a run result, in display order, with their controls: loss
// breakdown (linear/log), weight norms (L2/L1/max/sparsity, linear/log), train vs test
// metric, and when the result has them the decision boundary, the final weight
// histograms, and the sweep charts. Specs only (no DOM, no vega): unit-testable.

import type { RunResult } from '../src/core/run/result';
import { lossBreakdownSpec, metricsSpec, sweepPoints, sweepSpec, weightNormsSpec, type NormKind } from '../src/core/charts/specs';
import { decisionBoundarySpec } from '../src/core/charts/boundarySpec';
import { histogramLayers, weightHistogramSpec } from '../src/core/charts/histogramSpec';
import { pathLayers, penaltySharePoints, penaltyShareSpec, regularizationPathSpec } from '../src/core/charts/gridSpecs';
import { hasBoundary } from '../src/core/charts/moreCharts';
import type { ChartPanelOptions } from './chartPanel';
import { DISPLAY_POINTS } from './env';

export const SCALE_CONTROL = { id: 'scale', label: 'y', options: [{ value: 'linear', label: 'linear' }, { value: 'log', label: 'log' }], value: 'linear' };
const NORM_CONTROL = {
  id: 'norm',
  label: 'norm',
  options: [
    { value: 'l2', label: 'L2', title: 'L2 norm √Σw²' },
    { value: 'l1', label: 'L1', title: 'L1 norm Σ|w|' },
    { value: 'max', label: 'max |w|', title: 'largest |w|' },
    { value: 'sparsity', label: 'sparsity', title: 'fraction of |w| < 1e-3' },
  ],
  value: 'l2',
};

export type PanelSpec = Omit<ChartPanelOptions, 'host' | 'fileBase' | 'onRedraw'>;

/** The chart panels a run result has, in display order. */
export function runPanels(r: RunResult): PanelSpec[] {
  const panels: PanelSpec[] = [];
  const epochs = Array.isArray(r.history?.epoch) ? r.history.epoch.length : 0;
  const base = { maxPoints: DISPLAY_POINTS };
  if (epochs > 0) {
    panels.push({
      id: 'loss',
      title: 'Loss breakdown',
      controls: [SCALE_CONTROL],
      build: ({ theme, width, state }) => lossBreakdownSpec(r, { ...base, theme, width, scale: state.scale as 'linear' | 'log' }),
    });
    const norms = r.history?.norms ?? {};
    if (Object.keys(norms).some((l) => Array.isArray(norms[l]?.l2))) {
      panels.push({
        id: 'norms',
        title: 'Weight norms',
        controls: [NORM_CONTROL, SCALE_CONTROL],
        build: ({ theme, width, state }) => weightNormsSpec(r, { ...base, theme, width, normKind: state.norm as NormKind, scale: state.scale as 'linear' | 'log' }),
      });
    }
    panels.push({ id: 'metrics', title: r.metric === 'r2' ? 'Train vs test R²' : 'Train vs test accuracy', build: ({ theme, width }) => metricsSpec(r, { ...base, theme, width }) });
  }
  if (hasBoundary(r)) {
    panels.push({ id: 'boundary', title: 'Decision boundary', build: ({ theme }) => decisionBoundarySpec(r, { theme }) });
  }
  if (histogramLayers(r).length) {
    panels.push({
      id: 'weights',
      title: 'Final weights',
      controls: [{ id: 'count', label: 'count', options: [{ value: 'linear', label: 'linear' }, { value: 'log', label: 'log' }], value: 'linear' }],
      build: ({ theme, width, state }) => weightHistogramSpec(r, { theme, width, countScale: state.count as 'linear' | 'log' }),
    });
  }
  if (r.grid) {
    if (sweepPoints(r).length) panels.push({ id: 'sweep', title: 'Sweep over alpha', build: ({ theme, width }) => sweepSpec(r, { theme, width }) });
    if (pathLayers(r).length) {
      panels.push({
        id: 'path',
        title: 'Regularization path',
        controls: [NORM_CONTROL, SCALE_CONTROL],
        build: ({ theme, width, state }) => regularizationPathSpec(r, { theme, width, normKind: state.norm as NormKind, scale: state.scale as 'linear' | 'log' }),
      });
    }
    if (penaltySharePoints(r).length) panels.push({ id: 'share', title: 'Penalty share vs alpha', build: ({ theme, width }) => penaltyShareSpec(r, { theme, width }) });
  }
  return panels;
}
