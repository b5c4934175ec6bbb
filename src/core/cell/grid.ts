// The `grid:` section: a sweep over penalty strength alpha.

import { isMap, isSeq } from 'yaml';
import type { AlphaRange, GridSpec, GridValidation, Task } from '../experiment/experiment';
import { ALPHA_RANGE_KEYS, GRID_KEYS, MAX_FOLDS, MIN_FOLDS, RULE_VALUES, SELECT_VALUES, VALIDATE_KEYS } from './keys';
import { describe, entries, keySpan, readChoice, readNumber, scalarText, valueSpan, type Ctx, type Entry } from './reader';
import { resolved } from './yamlSource';

/** The default of `select`: the validation data loss, a proper scoring rule valid for any task. */
export function defaultSelect(_task: Task | undefined): string {
  return 'validation.loss';
}

/** The default of `validate`: five folds. */
export const DEFAULT_FOLDS = 5;

/** Why `select` does not suit the task, or undefined when it does. */
export function selectMismatch(select: string, task: Task | undefined, data: string): string | undefined {
  if (task === undefined) return undefined;
  const [set, metric] = select.split('.');
  if (metric === 'accuracy' && task === 'regression') return `${select} has no meaning for a regression task (${data}): use ${set}.loss or ${set}.r2`;
  if (metric === 'r2' && task !== 'regression') return `${select} has no meaning for a ${task} task (${data}): use ${set}.accuracy or ${set}.loss`;
  return undefined;
}

/** What choosing alpha on the test set costs, in the words of the warning. */
export function testSelectionWarning(select: string): string {
  return `select ${select} chooses alpha on the test set, so the test score of the chosen alpha is optimistic (it won because it scored well on these very rows); select validation.${select.split('.')[1]} keeps the test set out of the choice`;
}

export function readGrid(ctx: Ctx, e: Entry, task: Task | undefined, data: string): GridSpec | undefined {
  if (!isMap(e.value)) {
    ctx.problems.error(valueSpan(ctx, e), `grid must be a map with alpha (and repeats, refine, select, validate, rule), got ${describe(e.value)}`);
    return undefined;
  }
  const keys = entries(ctx, e.value, Object.keys(GRID_KEYS), 'in grid');
  const spec: GridSpec = { alpha: [], repeats: 1, refine: 0, select: defaultSelect(task), validate: { kind: 'folds', folds: DEFAULT_FOLDS }, rule: '1se' };
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
  const ru = keys.get('rule');
  if (ru) spec.rule = readChoice(ctx, ru, 'rule', RULE_VALUES, 'selection rule') ?? spec.rule;
  const se = keys.get('select');
  if (se) {
    const select = readChoice(ctx, se, 'select', SELECT_VALUES, 'select metric');
    const why = select && selectMismatch(select, task, data);
    if (why) ctx.problems.error(valueSpan(ctx, se), why);
    if (select) spec.select = select;
  }
  const onTest = spec.select.startsWith('test.');
  const ve = keys.get('validate');
  if (ve) {
    const validate = readValidate(ctx, ve);
    if (validate === undefined) ok = false;
    else spec.validate = validate;
    if (validate && onTest && validate.kind !== 'none') {
      ctx.problems.error(valueSpan(ctx, ve), `select ${spec.select} scores every point on the test set, so these validation rows would not be used: write validate: none, or select validation.${spec.select.split('.')[1]}`);
    }
    if (validate?.kind === 'none' && spec.select.startsWith('validation.')) {
      ctx.problems.error(valueSpan(ctx, ve), `validate: none leaves no validation rows for select ${spec.select}: choose {folds: ${DEFAULT_FOLDS}} or {holdout: 0.2}, or select test.${spec.select.split('.')[1]} (optimistic)`);
    }
  } else if (onTest) {
    spec.validate = { kind: 'none' };
  }
  if (onTest && se) ctx.problems.warning(valueSpan(ctx, se), testSelectionWarning(spec.select));
  return ok ? spec : undefined;
}

function readValidate(ctx: Ctx, e: Entry): GridValidation | undefined {
  const text = scalarText(e.value);
  if (text === 'none') return { kind: 'none' };
  const shape = `validate must be {folds: k} (k from ${MIN_FOLDS} to ${MAX_FOLDS}), {holdout: f} (0 < f < 1) or none`;
  if (!isMap(e.value)) {
    ctx.problems.error(valueSpan(ctx, e), `${shape}, got ${describe(e.value)}`);
    return undefined;
  }
  const keys = entries(ctx, e.value, Object.keys(VALIDATE_KEYS), 'in validate');
  const fe = keys.get('folds');
  const he = keys.get('holdout');
  if ((fe ? 1 : 0) + (he ? 1 : 0) !== 1) {
    ctx.problems.error(valueSpan(ctx, e), `${shape}: give exactly one of folds and holdout`);
    return undefined;
  }
  if (fe) {
    const folds = readNumber(ctx, fe, 'folds', { integer: true, min: MIN_FOLDS, max: MAX_FOLDS });
    return folds === undefined ? undefined : { kind: 'folds', folds };
  }
  const fraction = readNumber(ctx, he!, 'holdout', { above: 0, below: 1 });
  return fraction === undefined ? undefined : { kind: 'holdout', fraction };
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
