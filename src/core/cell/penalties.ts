// Penalties as written (`{l2: 0.001}`, `none`, a map of parts) and their resolution into
// each layer's parts: a layer's own regularize replaces the cell default, part by part.

import { isMap, isScalar, type ParsedNode } from 'yaml';
import { RECURRENT_LAYER_TYPES, WEIGHTED_LAYER_TYPES, type LayerType } from '../experiment/experiment';
import { PENALTY_KEYS, PENALTY_PARTS, type LayerPenalties, type Penalty, type PenaltyPart } from '../experiment/penalty';
import { describe, entries, keySpan, nodeSpan, readNumber, scalarText, valueSpan, type Ctx, type Entry } from './reader';
import { didYouMean } from './suggest';

/** A layer's own `regularize`: one penalty for its kernels, or penalties by part. */
export type LayerRegularize = { kind: 'penalty'; penalty: Penalty } | { kind: 'parts'; parts: Partial<Record<PenaltyPart, Penalty>> };

const TERMS: readonly string[] = PENALTY_KEYS;
const PARTS: readonly string[] = PENALTY_PARTS;
const EXAMPLE = 'a penalty like {l2: 0.001}, or none';

/** A penalty or `none` ({}). `label` names it in messages (`regularize`, `kernel`). */
export function readPenalty(ctx: Ctx, e: Entry, label: string): Penalty | undefined {
  const node = e.value;
  if (isMap(node)) return readTerms(ctx, node, label);
  const text = scalarText(node);
  if (text === 'none') return {};
  const hint = text !== undefined ? didYouMean(text, ['none']) : '';
  ctx.problems.error(valueSpan(ctx, e), `${label} must be ${EXAMPLE}; got ${describe(node)}${hint}`);
  return undefined;
}

function readTerms(ctx: Ctx, node: ParsedNode, label: string): Penalty | undefined {
  if (isMap(node) && node.items.length === 0) {
    ctx.problems.error(nodeSpan(ctx, node), `empty penalty map in ${label}: give l1, l2 or expabs, or write none for no penalty`);
    return undefined;
  }
  const out: Penalty = {};
  let ok = true;
  for (const [key, e] of entries(ctx, node, TERMS, `in ${label}`)) {
    const v = readNumber(ctx, e, `penalty strength ${key}`, { min: 0 });
    if (v === undefined) ok = false;
    else out[key as keyof Penalty] = v;
  }
  return ok && Object.keys(out).length > 0 ? out : undefined;
}

/** The cell's `regularize:` (one penalty; parts belong to layers). */
export function readCellPenalty(ctx: Ctx, e: Entry): Penalty | undefined {
  if (isMap(e.value)) {
    for (const pair of e.value.items) {
      if (isScalar(pair.key) && PARTS.includes(String(pair.key.value))) {
        ctx.problems.error(
          nodeSpan(ctx, pair.key as ParsedNode),
          `the cell's regularize is one penalty for every layer's kernel; '${String(pair.key.value)}' is a part: put parts under a layer's own regularize`,
        );
        return undefined;
      }
    }
  }
  return readPenalty(ctx, e, 'regularize');
}

/** A layer's `regularize:`: a penalty, none, or a map of parts (told apart by its keys). */
export function readLayerRegularize(ctx: Ctx, e: Entry, layer: { type: LayerType; bias: boolean; label: string }): LayerRegularize | undefined {
  const node = e.value;
  if (!isMap(node)) {
    const p = readPenalty(ctx, e, 'regularize');
    return p && { kind: 'penalty', penalty: p };
  }
  // Which kind of map this is, by the first known key of either kind.
  const keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  const firstTerm = keys.findIndex((k) => TERMS.includes(k));
  const firstPart = keys.findIndex((k) => PARTS.includes(k));
  if (firstTerm >= 0 && firstPart >= 0) {
    const later = Math.max(firstTerm, firstPart);
    const term = keys[firstTerm];
    const part = keys[firstPart];
    ctx.problems.error(
      nodeSpan(ctx, node.items[later].key as ParsedNode),
      `regularize mixes a penalty term (${term}) with a part (${part}): write the terms under a part, e.g. kernel: {${term}: ...}`,
    );
    return undefined;
  }
  if (firstPart < 0) {
    if (node.items.length > 0 && firstTerm < 0) {
      // No known key at all: report unknown keys against both vocabularies.
      entries(ctx, node, [...TERMS, ...PARTS], `in regularize of ${layer.label}`);
      return undefined;
    }
    const p = readTerms(ctx, node, `regularize of ${layer.label}`);
    return p && { kind: 'penalty', penalty: p };
  }
  const parts: Partial<Record<PenaltyPart, Penalty>> = {};
  let ok = true;
  for (const [key, pe] of entries(ctx, node, PARTS, `in regularize of ${layer.label}`)) {
    const part = key as PenaltyPart;
    if (part === 'recurrent' && !RECURRENT_LAYER_TYPES.includes(layer.type)) {
      ctx.problems.error(keySpan(ctx, pe), `recurrent has no meaning for ${layer.type}: only lstm, gru and simplernn have recurrent weights`);
      ok = false;
      continue;
    }
    if (part === 'bias' && !layer.bias) {
      ctx.problems.error(keySpan(ctx, pe), `${layer.label} has bias: false, so there is no bias to penalize`);
      ok = false;
      continue;
    }
    const p = readPenalty(ctx, pe, part);
    if (p === undefined) ok = false;
    else parts[part] = p;
  }
  return ok ? { kind: 'parts', parts } : undefined;
}

/**
 * The penalties a layer trains with. The cell default covers kernel and recurrent kernel;
 * a layer penalty (or none) replaces both; a parts map replaces the parts it names and
 * keeps the default for the kernels it leaves out. Bias and activity are penalized only
 * when named. Zero terms and empty parts are dropped: they add nothing to the loss.
 */
export function resolvePenalties(type: LayerType, cellDefault: Penalty | undefined, own: LayerRegularize | undefined): LayerPenalties {
  if (!WEIGHTED_LAYER_TYPES.includes(type)) return {};
  const recurrent = RECURRENT_LAYER_TYPES.includes(type);
  const raw: Partial<Record<PenaltyPart, Penalty | undefined>> = {};
  if (own?.kind === 'penalty') {
    raw.kernel = own.penalty;
    if (recurrent) raw.recurrent = own.penalty;
  } else {
    raw.kernel = own?.parts.kernel ?? cellDefault;
    if (recurrent) raw.recurrent = own?.parts.recurrent ?? cellDefault;
    raw.bias = own?.parts.bias;
    raw.activity = own?.parts.activity;
  }
  const out: LayerPenalties = {};
  for (const part of PENALTY_PARTS) {
    const p = nonZero(raw[part]);
    if (p) out[part] = p;
  }
  return out;
}

function nonZero(p: Penalty | undefined): Penalty | undefined {
  if (!p) return undefined;
  const out: Penalty = {};
  for (const k of PENALTY_KEYS) {
    const v = p[k];
    if (v !== undefined && v > 0) out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
