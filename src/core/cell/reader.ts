// Reading typed values out of YAML nodes. Every reader reports what is wrong at the
// offending node and returns undefined, so a section keeps checking its other keys
// and the user sees every problem at once.

import { isMap, isScalar, isSeq, type Node, type ParsedNode, type Scalar } from 'yaml';
import type { ProblemList, Span } from './problems';
import { didYouMean } from './suggest';
import { isEmpty, resolved, spanOf, type CellYaml } from './yamlSource';

export interface Ctx {
  yaml: CellYaml;
  problems: ProblemList;
}

export interface Entry {
  key: string;
  keyNode: Scalar;
  /** Aliases followed; null for `key:` with nothing after it. */
  value: ParsedNode | null;
}

/** What a key points at when a problem is about the value: the value, or the key when the value is empty. */
export function valueSpan(ctx: Ctx, e: Entry): Span {
  return e.value && !isEmpty(e.value) ? spanOf(ctx.yaml, e.value) : spanOf(ctx.yaml, e.keyNode);
}

export function keySpan(ctx: Ctx, e: Entry): Span {
  return spanOf(ctx.yaml, e.keyNode);
}

export function nodeSpan(ctx: Ctx, node: Node): Span {
  return spanOf(ctx.yaml, node);
}

/**
 * The entries of a map, by key. Unknown keys (not in `known`), duplicates and keys that
 * are not plain words are reported and left out; `where` names the map in messages
 * (`in train`, `in layer 2`).
 */
export function entries(ctx: Ctx, map: ParsedNode, known: readonly string[] | null, where: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  if (!isMap(map)) return out;
  for (const pair of map.items) {
    const keyNode = resolved(ctx.yaml, pair.key);
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      const span = keyNode ? nodeSpan(ctx, keyNode) : valueSpanOfPair(ctx, pair.value);
      ctx.problems.error(span, `keys must be plain words ${where}`);
      continue;
    }
    const key = String(keyNode.value);
    const first = out.get(key);
    if (first) {
      const at = nodeSpan(ctx, first.keyNode);
      ctx.problems.error(nodeSpan(ctx, keyNode), `duplicate key '${key}' ${where} (first at ${at.line}:${at.column})`);
      continue;
    }
    if (known && !known.includes(key)) {
      const hint = didYouMean(key, known);
      ctx.problems.error(nodeSpan(ctx, keyNode), `unknown key '${key}' ${where}${hint || ` (known keys: ${known.join(', ')})`}`);
      continue;
    }
    out.set(key, { key, keyNode, value: resolved(ctx.yaml, pair.value) });
  }
  return out;
}

function valueSpanOfPair(ctx: Ctx, value: unknown): Span {
  const node = resolved(ctx.yaml, value);
  return node ? nodeSpan(ctx, node) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** How a value reads in a message: `"abc"`, `a list`, `nothing`, `.nan`. */
export function describe(node: ParsedNode | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  const v = (node as Scalar).value;
  if (typeof v === 'string') return `the text '${v}'`;
  if (typeof v === 'number') return numberText(v);
  return String(v);
}

export function numberText(v: number): string {
  if (Number.isNaN(v)) return '.nan';
  if (v === Infinity) return '.inf';
  if (v === -Infinity) return '-.inf';
  return String(v);
}

export interface NumberRule {
  integer?: boolean;
  /** Inclusive bounds. */
  min?: number;
  max?: number;
  /** Exclusive bounds. */
  above?: number;
  below?: number;
}

/** The rule in words: `an integer >= 1`, `a number > 0`, `a number from 0 to below 1`. */
export function ruleText(r: NumberRule): string {
  const parts: string[] = [];
  if (r.min !== undefined) parts.push(`>= ${r.min}`);
  if (r.above !== undefined) parts.push(`> ${r.above}`);
  if (r.max !== undefined) parts.push(`<= ${r.max}`);
  if (r.below !== undefined) parts.push(`< ${r.below}`);
  return `${r.integer ? 'an integer' : 'a number'}${parts.length ? ` ${parts.join(' and ')}` : ''}`;
}

/** A finite number obeying `rule`; `label` is the key as the user wrote it (`train.epochs` reads `epochs`). */
export function readNumber(ctx: Ctx, e: Entry, label: string, rule: NumberRule): number | undefined {
  const node = e.value;
  const v = isScalar(node) ? node.value : undefined;
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!rule.integer || Number.isSafeInteger(v)) &&
    (rule.min === undefined || v >= rule.min) &&
    (rule.max === undefined || v <= rule.max) &&
    (rule.above === undefined || v > rule.above) &&
    (rule.below === undefined || v < rule.below);
  if (ok) return v;
  const quotedNumber = typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v));
  const hint = quotedNumber ? ' (remove the quotes to write a number)' : '';
  ctx.problems.error(valueSpan(ctx, e), `${label} must be ${ruleText(rule)}, got ${describe(node)}${hint}`);
  return undefined;
}

export function readBoolean(ctx: Ctx, e: Entry, label: string): boolean | undefined {
  const v = isScalar(e.value) ? e.value.value : undefined;
  if (typeof v === 'boolean') return v;
  ctx.problems.error(valueSpan(ctx, e), `${label} must be true or false, got ${describe(e.value)}`);
  return undefined;
}

/** A non-empty text; plain numbers count as their text (`target: 5` is the column named "5"). */
export function readText(ctx: Ctx, e: Entry, label: string): string | undefined {
  const t = scalarText(e.value);
  if (t !== undefined && t !== '') return t;
  ctx.problems.error(valueSpan(ctx, e), `${label} must be a text, got ${t === '' ? 'an empty text' : describe(e.value)}`);
  return undefined;
}

/** The text of a string or plain number scalar, as written. */
export function scalarText(node: ParsedNode | null): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' && typeof node.source === 'string') return node.source;
  return undefined;
}

/** One of `values`; `what` names the kind in messages (`data source`, `activation`). */
export function readChoice<T extends string>(ctx: Ctx, e: Entry, label: string, values: readonly T[], what: string): T | undefined {
  const t = scalarText(e.value);
  if (t !== undefined && (values as readonly string[]).includes(t)) return t as T;
  if (t === undefined || t === '') {
    ctx.problems.error(valueSpan(ctx, e), `${label} must be one of ${values.join(', ')}; got ${describe(e.value)}`);
  } else {
    const hint = didYouMean(t, values);
    ctx.problems.error(valueSpan(ctx, e), `unknown ${what} '${t}'${hint || ` (one of ${values.join(', ')})`}`);
  }
  return undefined;
}

/** Names of cells and layers become folder names and chart labels. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function readName(ctx: Ctx, e: Entry, label: string): string | undefined {
  const t = scalarText(e.value);
  if (t === undefined || t === '') {
    ctx.problems.error(valueSpan(ctx, e), `${label} must be a name (letters, digits, _ . -), got ${describe(e.value)}`);
    return undefined;
  }
  if (!NAME_PATTERN.test(t)) {
    ctx.problems.error(valueSpan(ctx, e), `${label} '${t}' is not a valid name: use letters, digits, _ . and -, starting with a letter or digit`);
    return undefined;
  }
  return t;
}
