// The charts beyond allChartsFor (specs.ts) that a run may have: the decision boundary
// (results with `boundary`), the final weight histograms (`weights`), the regularization
// path and the penalty share against alpha (`grid`). The renderer draws them; the CLI
// can write them with the same loop as allChartsFor.

import type { RunResult } from '../run/result';
import { allChartsFor, type ChartOptions, type VegaLiteSpec } from './specs';
import { decisionBoundarySpec } from './boundarySpec';
import { histogramLayers, weightHistogramSpec } from './histogramSpec';
import { pathLayers, penaltySharePoints, penaltyShareSpec, regularizationPathSpec } from './gridSpecs';

export type MoreChartId = 'boundary' | 'weights' | 'path' | 'share';

export interface MoreChartEntry {
  id: MoreChartId;
  title: string;
  spec: VegaLiteSpec;
}

export function hasBoundary(result: RunResult): boolean {
  const b = result.boundary;
  return !!b && Array.isArray(b.xs) && Array.isArray(b.ys) && Array.isArray(b.values) && b.xs.length > 0 && b.ys.length > 0;
}

export function moreChartsFor(result: RunResult, opts: ChartOptions = {}): MoreChartEntry[] {
  const charts: MoreChartEntry[] = [];
  if (hasBoundary(result)) charts.push({ id: 'boundary', title: 'Decision boundary', spec: decisionBoundarySpec(result, opts) });
  if (histogramLayers(result).length) charts.push({ id: 'weights', title: 'Final weights', spec: weightHistogramSpec(result, opts) });
  if (result.grid && pathLayers(result).length) charts.push({ id: 'path', title: 'Regularization path', spec: regularizationPathSpec(result, opts) });
  if (result.grid && penaltySharePoints(result).length) charts.push({ id: 'share', title: 'Penalty share vs alpha', spec: penaltyShareSpec(result, opts) });
  return charts;
}

/** Every chart a run has: the core ones (allChartsFor) then these. What exports write. */
export function everyChartFor(result: RunResult, opts: ChartOptions = {}): { id: string; title: string; spec: VegaLiteSpec }[] {
  return [...allChartsFor(result, opts), ...moreChartsFor(result, opts)];
}
