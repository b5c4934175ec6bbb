// Refuses a cell whose estimate exceeds a stated limit, with a problem pointing at what
// to change (the layer, train.epochs, data.samples, the grid key that multiplies most).

import type { ExperimentSpec, Problem, SourceMap } from '../experiment/experiment';
import { coarseCount } from '../sweep/plan';
import { estimateResources, type DataFacts, type ResourceEstimate } from './estimate';
import { DEFAULT_LIMITS, formatCount, howToRaise, LIMIT_NAMES, LIMIT_UNITS, type LimitName, type Limits } from './limits';

/** One error per exceeded limit (at most one per place in the cell), in LIMIT_NAMES order. */
export function limitProblems(spec: ExperimentSpec, at: SourceMap, limits: Limits = DEFAULT_LIMITS, facts?: DataFacts): Problem[] {
  const estimate = estimateResources(spec, facts);
  const problems: Problem[] = [];
  const taken = new Set<string>();
  for (const name of LIMIT_NAMES) {
    const value = estimate[name];
    if (value <= limits[name]) continue;
    const span = at(pathFor(name, spec, estimate));
    const where = `${span.line}:${span.column}`;
    if (taken.has(where)) continue;
    taken.add(where);
    problems.push({ ...span, severity: 'error', message: message(name, spec, estimate, limits) });
  }
  return problems;
}

function message(name: LimitName, spec: ExperimentSpec, e: ResourceEstimate, limits: Limits): string {
  const over = `${formatCount(e[name])} ${LIMIT_UNITS[name]}, over the limit of ${formatCount(limits[name])}`;
  const why: Record<LimitName, string> = {
    parameters: `this network has ${over} (layer ${spec.model[e.heaviestLayer]?.name} holds the most)`,
    activations: `${formatCount(e.rows)} rows through these layers take ${over} (layer ${spec.model[e.widestLayer]?.name} is the widest)`,
    rows: `the data set has ${over}`,
    dataValues: `the data set has ${over}`,
    epochs: `${over}`,
    models: `the sweep trains ${over}`,
    work: `this cell makes ${over}`,
    historyBytes: `${formatCount(e.epochs)} epochs store about ${over}`,
  };
  return `${why[name]}; ${howToRaise(name)}`;
}

/** The key a user changes to come under the limit. */
function pathFor(name: LimitName, spec: ExperimentSpec, e: ResourceEstimate): string {
  switch (name) {
    case 'parameters':
      return layerPath(spec, e.heaviestLayer);
    case 'activations':
      return layerPath(spec, e.widestLayer);
    case 'rows':
    case 'dataValues':
      return spec.data.source === 'file' ? 'data.file' : 'data.samples';
    case 'epochs':
    case 'work':
    case 'historyBytes':
      return 'train.epochs';
    case 'models': {
      const grid = spec.grid!;
      const coarse = coarseCount(grid.alpha);
      if (grid.repeats >= coarse && grid.repeats >= grid.refine) return 'grid.repeats';
      if (grid.refine >= coarse) return 'grid.refine';
      return Array.isArray(grid.alpha) ? 'grid.alpha' : 'grid.alpha.perDecade';
    }
  }
}

function layerPath(spec: ExperimentSpec, index: number): string {
  const layer = spec.model[index];
  return layer ? `model.${index}.${layer.type}` : 'model';
}
