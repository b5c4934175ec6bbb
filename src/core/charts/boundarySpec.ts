// The decision boundary of a 2-input classifier: the model's output over the input plane
// as a heatmap (P(class 1) for binary tasks, the predicted class otherwise), with the
// train and test points drawn over it. Pure (browser and Node).

import type { DecisionBoundary, RunResult } from '../run/result';
import type { VegaLiteSpec } from './specs';
import { chartFrame, finite, seriesColor, themeOf, type ChartOptions } from './specKit';

export const BOUNDARY_SIZE = 340;

export interface BoundaryCell {
  x: number;
  x2: number;
  y: number;
  y2: number;
  /** Probability (binary) or class index. */
  value: number;
  cls: string;
}

/** The class label of index `i`. */
/** Whether a result has a decision boundary to draw (a grid of class values). */
export function hasBoundary(result: RunResult): boolean {
  const b = result.boundary;
  return !!b && Array.isArray(b.xs) && Array.isArray(b.ys) && Array.isArray(b.values) && b.xs.length > 0 && b.ys.length > 0;
}

export function className(boundary: Pick<DecisionBoundary, 'classNames'>, i: number): string {
  const name = boundary.classNames?.[i];
  return typeof name === 'string' && name !== '' ? name : `class ${i}`;
}

/** Cell edges around ascending centers: halfway between neighbours, half a step beyond the ends. */
export function cellEdges(centers: number[]): number[] {
  const n = centers.length;
  if (n === 0) return [];
  if (n === 1) return [centers[0] - 0.5, centers[0] + 0.5];
  const edges = [centers[0] - (centers[1] - centers[0]) / 2];
  for (let i = 0; i < n - 1; i++) edges.push((centers[i] + centers[i + 1]) / 2);
  edges.push(centers[n - 1] + (centers[n - 1] - centers[n - 2]) / 2);
  return edges;
}

/** One rectangle per grid cell with a finite value (row-major values: ys.length rows of xs.length). */
export function boundaryCells(b: DecisionBoundary): BoundaryCell[] {
  const xs = Array.isArray(b.xs) ? b.xs : [];
  const ys = Array.isArray(b.ys) ? b.ys : [];
  const values = Array.isArray(b.values) ? b.values : [];
  const ex = cellEdges(xs);
  const ey = cellEdges(ys);
  const cells: BoundaryCell[] = [];
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < xs.length; i++) {
      const value = values[j * xs.length + i];
      if (!finite(value)) continue;
      const cls = b.kind === 'class' ? className(b, Math.round(value)) : className(b, value >= 0.5 ? 1 : 0);
      cells.push({ x: ex[i], x2: ex[i + 1], y: ey[j], y2: ey[j + 1], value, cls });
    }
  }
  return cells;
}

/** Heatmap of the model's output over the plane, the data points over it (train: circles, test: triangles). */
export function decisionBoundarySpec(result: RunResult, opts: ChartOptions = {}): VegaLiteSpec {
  const theme = themeOf(opts);
  const b = result.boundary;
  if (!b) throw new Error('this run has no decision boundary');
  const cells = boundaryCells(b);
  const points = (Array.isArray(b.points) ? b.points : [])
    .filter((p) => finite(p?.x) && finite(p?.y) && finite(p?.label))
    .map((p) => ({ x: p.x, y: p.y, set: p.set === 'test' ? 'test' : 'train', label: Math.round(p.label), cls: className(b, Math.round(p.label)) }));

  // The classes present, in index order: the points' and the heatmap's share one color scale.
  const maxClass = Math.max(1, ...points.map((p) => p.label), ...(b.kind === 'class' ? cells.map((c) => Math.round(c.value)) : []), (b.classNames?.length ?? 0) - 1);
  const classes = Array.from({ length: maxClass + 1 }, (_, i) => className(b, i));
  const classColors = classes.map((_, i) => seriesColor(theme, i));
  const classFill = { field: 'cls', type: 'nominal' as const, title: 'class', scale: { domain: classes, range: classColors }, legend: { orient: 'right' as const, title: 'class', symbolOpacity: 1 } };

  const ex = cells.length ? [Math.min(...cells.map((c) => c.x)), Math.max(...cells.map((c) => c.x2))] : undefined;
  const ey = cells.length ? [Math.min(...cells.map((c) => c.y)), Math.max(...cells.map((c) => c.y2))] : undefined;
  const xScale = { zero: false, nice: false, ...(ex ? { domain: ex } : {}) };
  const yScale = { zero: false, nice: false, ...(ey ? { domain: ey } : {}) };
  const x = { field: 'x', type: 'quantitative' as const, title: 'x₁ (standardized)', scale: xScale, axis: { grid: false } };
  const y = { field: 'y', type: 'quantitative' as const, title: 'x₂ (standardized)', scale: yScale, axis: { grid: false } };

  const probability = b.kind !== 'class';
  const heatFill = probability
    ? {
        field: 'value',
        type: 'quantitative' as const,
        title: `P(${className(b, 1)})`,
        scale: { domain: [0, 0.5, 1], range: [classColors[0], theme.background, classColors[1]] },
        legend: { orient: 'right' as const, title: `P(${className(b, 1)})`, gradientLength: 120 },
      }
    : classFill;
  const heatTooltip = [
    { field: 'x', type: 'quantitative' as const, title: 'x₁', format: '.3~g' },
    { field: 'y', type: 'quantitative' as const, title: 'x₂', format: '.3~g' },
    probability ? { field: 'value', type: 'quantitative' as const, title: `P(${className(b, 1)})`, format: '.3f' } : { field: 'cls', type: 'nominal' as const, title: 'predicted' },
  ];

  const kind = probability ? `P(${className(b, 1)}) over the input plane` : 'predicted class over the input plane';
  const nTrain = points.filter((p) => p.set === 'train').length;
  const nTest = points.length - nTrain;
  return {
    ...chartFrame(result.name, opts, theme, 'Decision boundary', `${kind}; ${nTrain} train (●) and ${nTest} test (▲) points`, { width: BOUNDARY_SIZE, height: BOUNDARY_SIZE }),
    layer: [
      {
        data: { values: cells },
        mark: { type: 'rect', opacity: probability ? 0.75 : 0.35, strokeWidth: 0 },
        encoding: { x, x2: { field: 'x2' }, y, y2: { field: 'y2' }, fill: heatFill, tooltip: heatTooltip },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 36, stroke: theme.foreground, strokeWidth: 0.8, opacity: 1, clip: true },
        encoding: {
          x,
          y,
          fill: classFill,
          shape: { field: 'set', type: 'nominal', title: 'set', scale: { domain: ['train', 'test'], range: ['circle', 'triangle-up'] }, legend: { orient: 'right', title: 'set' } },
          tooltip: [
            { field: 'set', type: 'nominal' },
            { field: 'cls', type: 'nominal', title: 'label' },
            { field: 'x', type: 'quantitative', title: 'x₁', format: '.3~g' },
            { field: 'y', type: 'quantitative', title: 'x₂', format: '.3~g' },
          ],
        },
      },
    ],
    // The heatmap's probability and the points' class are two different fills.
    resolve: { scale: { fill: probability ? 'independent' : 'shared' } },
  };
}
