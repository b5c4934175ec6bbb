// The `grid:` section: a sweep over penalty strength alpha.

import { isMap, isSeq } from 'yaml';
import type { AlphaRange, GridSpec, Task } from '../spec/experiment';
import { ALPHA_RANGE_KEYS, GRID_KEYS, SELECT_VALUES } from './keys';
import { describe, entries, keySpan, readChoice, readNumber, valueSpan, type Ctx, type Entry } from './reader';
import { resolved } from './yamlSource';

/** The default of `select`: accuracy for classification, loss otherwise (valid for any task). */
export function defaultSelect(task: Task | undefined): string {
  return task === 'binary' || task === 'multiclass' ? 'test.accuracy' : 'test.loss';
}

/** Why `select` does not suit the task, or undefined when it does. */
export function selectMismatch(select: string, task: Task | undefined, data: string): string | undefined {
  if (task === undefined) return undefined;
  const metric = select.split('.')[1];
  if (metric === 'accuracy' && task === 'regression') return `${select} has no meaning for a regression task (${data}): use test.loss or test.r2`;
  if (metric === 'r2' && task !== 'regression') return `${select} has no meaning for a ${task} task (${data}): use test.accuracy or test.loss`;
  return undefined;
}

export function readGrid(ctx: Ctx, e: Entry, task: Task | undefined, data: string): GridSpec | undefined {
  if (!isMap(e.value)) {
    ctx.problems.error(valueSpan(ctx, e), `grid must be a map with alpha (and repeats, refine, select), got ${describe(e.value)}`);
    return undefined;
  }
  const keys = entries(ctx, e.value, Object.keys(GRID_KEYS), 'in grid');
  const spec: GridSpec = { alpha: [], repeats: 1, refine: 0, select: defaultSelect(task) };
  let ok = true;
  const ae = keys.get('alpha');
  if (!ae) {
    ctx.problems.error(keySpan(ctx, e), 'grid needs alpha: a list like [1e-3, 1e-4] or a range {from: 1e-6, to: 1e-1, perDecade: 1}');
    ok = false;
  } else {
    const alpha = readAlpha(ctx, ae);
    if (alpha === undefined) ok = false;
    else spec.alpha = alpha;
  }
  const re = keys.get('repeats');
  if (re) spec.repeats = readNumber(ctx, re, 'repeats', { integer: true, min: 1 }) ?? spec.repeats;
  const fe = keys.get('refine');
  if (fe) spec.refine = readNumber(ctx, fe, 'refine', { integer: true, min: 0 }) ?? spec.refine;
  const se = keys.get('select');
  if (se) {
    const select = readChoice(ctx, se, 'select', SELECT_VALUES, 'select metric');
    const why = select && selectMismatch(select, task, data);
    if (why) ctx.problems.error(valueSpan(ctx, se), why);
    if (select) spec.select = select;
  }
  return ok ? spec : undefined;
}

function readAlpha(ctx: Ctx, e: Entry): number[] | AlphaRange | undefined {
  const rule = { above: 0 };
  if (isSeq(e.value)) {
    if (e.value.items.length === 0) {
      ctx.problems.error(valueSpan(ctx, e), 'alpha is an empty list: give the penalty strengths to try, e.g. [1e-2, 1e-3, 1e-4]');
      return undefined;
    }
    const values = e.value.items.map((item) => readNumber(ctx, { key: 'alpha', keyNode: e.keyNode, value: resolved(ctx.yaml, item) }, 'each alpha', rule));
    return values.every((v) => v !== undefined) ? (values as number[]) : undefined;
  }
  if (!isMap(e.value)) {
    ctx.problems.error(valueSpan(ctx, e), `alpha must be a list of numbers > 0 or a range {from, to, perDecade}, got ${describe(e.value)}`);
    return undefined;
  }
  const keys = entries(ctx, e.value, Object.keys(ALPHA_RANGE_KEYS), 'in alpha');
  const range: Partial<AlphaRange> = { perDecade: 1 };
  let ok = true;
  for (const key of ['from', 'to'] as const) {
    const ke = keys.get(key);
    if (!ke) {
      ctx.problems.error(keySpan(ctx, e), `the alpha range needs ${key}: a number > 0`);
      ok = false;
      continue;
    }
    const v = readNumber(ctx, ke, `alpha ${key}`, rule);
    if (v === undefined) ok = false;
    else range[key] = v;
  }
  const pe = keys.get('perDecade');
  if (pe) {
    const v = readNumber(ctx, pe, 'perDecade', { integer: true, min: 1 });
    if (v === undefined) ok = false;
    else range.perDecade = v;
  }
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to) {
    ctx.problems.error(valueSpan(ctx, keys.get('to') as Entry), `alpha to (${range.to}) must be greater than from (${range.from})`);
    ok = false;
  }
  return ok ? (range as AlphaRange) : undefined;
}
