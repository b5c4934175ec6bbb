// The `model:` list: each item is one layer type holding its size, beside its options.
// Reading is per item; checks across layers (shapes, the output layer, names) come after.

import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import { ACTIVATIONS, LAYER_TYPES, WEIGHTED_LAYER_TYPES, type LayerSpec, type LayerType } from '../experiment/experiment';
import { LAYER_OPTION_KEYS, type KeyTable } from './keys';
import { readLayerRegularize, type LayerRegularize } from './penalties';
import type { Span } from './problems';
import { describe, entries, keySpan, readBoolean, readChoice, readName, readNumber, ruleText, scalarText, valueSpan, type Ctx, type Entry } from './reader';
import { headSpanOf, resolved } from './yamlSource';

/**
 * A layer as read, before the checks that need its neighbours: LayerSpec's fields (all
 * but the penalties, resolved later from `regularize`), each undefined while unread or
 * invalid, and where the layer's entries are written.
 */
export interface LayerDraft extends Partial<Omit<LayerSpec, 'penalties' | 'bias'>>, Pick<LayerSpec, 'bias'> {
  /** 0-based position in the model list. */
  index: number;
  /** `layer 2 (dense)`, for messages written before the layer has its final name. */
  label: string;
  regularize?: LayerRegularize;
  /** The entries as written, for pointing at them later. */
  keys: Map<string, Entry>;
  typeEntry?: Entry;
  head: Span;
}

const TYPES: readonly string[] = LAYER_TYPES;
// Read by any key written in the cell (those `entries` accepted).
const OPTION_DOCS: KeyTable = LAYER_OPTION_KEYS;
const OPTIONS = Object.keys(OPTION_DOCS);

export function readModel(ctx: Ctx, e: Entry | undefined, missingAt: Span): LayerDraft[] {
  if (!e) {
    ctx.problems.error(missingAt, 'missing model: list the layers, e.g. model: [{dense: 32}, {dense: 1}]');
    return [];
  }
  if (!isSeq(e.value) || e.value.items.length === 0) {
    const got = isSeq(e.value) ? 'an empty list' : describe(e.value);
    ctx.problems.error(valueSpan(ctx, e), `model must be a non-empty list of layers (- dense: 32), got ${got}`);
    return [];
  }
  return e.value.items.map((item, i) => readLayer(ctx, resolved(ctx.yaml, item), i));
}

function readLayer(ctx: Ctx, node: ParsedNode | null, index: number): LayerDraft {
  const at = `layer ${index + 1}`;
  const draft: LayerDraft = { index, label: at, bias: false, keys: new Map(), head: node ? headSpanOf(ctx.yaml, node) : { line: 1, column: 1, endLine: 1, endColumn: 1 } };
  if (!isMap(node)) {
    const text = scalarText(node);
    // `- flatten` reads naturally and flatten has no size: take it as written.
    if (text === 'flatten') {
      draft.type = 'flatten';
      draft.size = 0;
      draft.label = `${at} (flatten)`;
      return draft;
    }
    const hint = text !== undefined && TYPES.includes(text) ? ` (write - ${text}: SIZE)` : '';
    ctx.problems.error(draft.head, `${at} must be a map like - dense: 32, got ${describe(node)}${hint}`);
    return draft;
  }
  const keys = entries(ctx, node, [...TYPES, ...OPTIONS], `in ${at}`);
  draft.keys = keys;
  const typeEntries = [...keys.values()].filter((k) => TYPES.includes(k.key));
  if (typeEntries.length === 0) {
    const unknown = node.items.some((p) => isScalar(p.key) && !keys.has(String(p.key.value)));
    // An unknown key is probably the misspelt type, and was reported with a suggestion.
    if (!unknown) ctx.problems.error(draft.head, `${at} has no layer type: start it with one of ${TYPES.join(', ')}`);
    return draft;
  }
  if (typeEntries.length > 1) {
    const [a, b] = typeEntries;
    ctx.problems.error(keySpan(ctx, b), `${at} has two layer types (${a.key} and ${b.key}): give each layer its own list item`);
    return draft;
  }
  const te = typeEntries[0];
  const type = te.key as LayerType;
  draft.type = type;
  draft.typeEntry = te;
  draft.label = `${at} (${type})`;
  draft.size = readSize(ctx, te, type);
  draft.bias = WEIGHTED_LAYER_TYPES.includes(type);

  for (const [key, oe] of keys) {
    if (TYPES.includes(key)) continue;
    const applies = OPTION_DOCS[key].appliesTo;
    if (applies && !applies.includes(type)) {
      ctx.problems.error(keySpan(ctx, oe), `${key} has no meaning for ${type} (only ${applies.join(', ')})`);
      continue;
    }
    readOption(ctx, draft, key, oe);
  }
  // regularize needs to know whether the layer has a bias, whatever the key order.
  const re = keys.get('regularize');
  if (re && WEIGHTED_LAYER_TYPES.includes(type)) {
    draft.regularize = readLayerRegularize(ctx, re, { type, bias: draft.bias, label: draft.label });
  }
  return draft;
}

function readSize(ctx: Ctx, e: Entry, type: LayerType): number | undefined {
  if (type === 'flatten') {
    if (isMap(e.value) || isSeq(e.value)) {
      ctx.problems.error(valueSpan(ctx, e), 'flatten takes no value (write - flatten:); options go beside it, not under it');
      return undefined;
    }
    return 0;
  }
  const rule = type === 'dropout' ? { min: 0, below: 1 } : { integer: true, min: 1 };
  const what = type === 'dropout' ? 'rate' : type.startsWith('conv') ? 'number of filters' : type.startsWith('maxpool') ? 'pool size' : 'number of units';
  if (isMap(e.value)) {
    ctx.problems.error(
      valueSpan(ctx, e),
      `${type} holds its ${what} (${type}: ${type === 'dropout' ? '0.5' : '32'}); options go beside ${type} on the next lines, aligned with it, not under it`,
    );
    return undefined;
  }
  if (e.value === null || (isScalar(e.value) && e.value.value === null)) {
    ctx.problems.error(keySpan(ctx, e), `${type} needs its ${what}: ${ruleText(rule)}, e.g. ${type}: ${type === 'dropout' ? '0.5' : '32'}`);
    return undefined;
  }
  return readNumber(ctx, e, `${type} (${what})`, rule);
}

function readOption(ctx: Ctx, draft: LayerDraft, key: string, e: Entry): void {
  const type = draft.type as LayerType;
  switch (key) {
    case 'activation': {
      const a = readChoice(ctx, e, 'activation', ACTIVATIONS, 'activation');
      if (a) draft.activation = a;
      return;
    }
    case 'kernel':
    case 'stride': {
      const v = readDims(ctx, e, key, type === 'conv2d' ? 2 : 1);
      if (v) draft[key] = v;
      return;
    }
    case 'padding': {
      const p = readChoice(ctx, e, 'padding', ['valid', 'same'] as const, 'padding');
      if (p) draft.padding = p;
      return;
    }
    case 'bias': {
      const b = readBoolean(ctx, e, 'bias');
      if (b !== undefined) draft.bias = b;
      return;
    }
    case 'returnSequences': {
      const b = readBoolean(ctx, e, 'returnSequences');
      if (b !== undefined) draft.returnSequences = b;
      return;
    }
    case 'name': {
      const n = readName(ctx, e, 'layer name');
      if (n) draft.name = n;
      return;
    }
    // regularize: read after all options (see readLayer).
  }
}

/** One positive integer per spatial dimension; a single number stands for all of them. */
function readDims(ctx: Ctx, e: Entry, key: string, dims: number): number[] | undefined {
  const rule = { integer: true, min: 1 };
  if (isScalar(e.value)) {
    const v = readNumber(ctx, e, key, rule);
    return v === undefined ? undefined : Array.from({ length: dims }, () => v);
  }
  if (!isSeq(e.value)) {
    ctx.problems.error(valueSpan(ctx, e), `${key} must be ${ruleText(rule)} or a list of ${dims}, got ${describe(e.value)}`);
    return undefined;
  }
  const items = e.value.items.map((n) => resolved(ctx.yaml, n));
  if (items.length !== dims) {
    const which = dims === 1 ? 'conv1d takes 1 number' : 'conv2d takes 2 numbers (height, width)';
    ctx.problems.error(valueSpan(ctx, e), `${key}: ${which}, got ${items.length}`);
    return undefined;
  }
  const out = items.map((item) => readNumber(ctx, { key, keyNode: e.keyNode, value: item }, `each ${key} value`, rule));
  return out.every((v) => v !== undefined) ? (out as number[]) : undefined;
}

/** The draft's own span for a key (value, or key when empty), or its first line. */
export function spanIn(ctx: Ctx, d: LayerDraft, key: string, part: 'key' | 'value' = 'value'): Span {
  const e = d.keys.get(key);
  if (!e) return d.head;
  return part === 'key' ? keySpan(ctx, e) : valueSpan(ctx, e);
}
