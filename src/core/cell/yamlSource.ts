// The cell's YAML with positions: parsing, syntax problems, and spans of nodes.

import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Alias, type Document, type Node, type ParsedNode } from 'yaml';
import type { ProblemList, Span } from './problems';

/**
 * Limits on a cell's YAML, checked before anything reads it. A cell is a dozen lines;
 * these stop a hostile one (aliases of aliases: `a1: &a1 [*a0, *a0, ...]` ten levels
 * deep stands for billions of values in 400 bytes) from freezing the parser, the
 * readers or the editor that checks cells as they are typed.
 */
export const CELL_LIMITS = {
  /** Characters of YAML in one cell (the yaml library takes about a second for 64 KiB on a busy machine). */
  maxChars: 16 * 1024,
  /** Values (scalars, lists and maps) in the cell once every alias is expanded. */
  maxValues: 10_000,
  /** Nesting of lists and maps, aliases expanded. */
  maxDepth: 32,
} as const;

export interface CellYaml {
  source: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** What each alias stands for (the last node anchored with its name before it), found once. */
  aliasTargets: Map<Alias, ParsedNode | null>;
}

/**
 * Parses a cell. Duplicate keys are left to the validator (which says which key and
 * where the first one is), so `uniqueKeys` is off here. Returns whether the syntax is
 * broken badly enough that checking the content would only add noise.
 */
export function parseYaml(source: string, problems: ProblemList): { yaml: CellYaml; broken: boolean } {
  const lines = new LineCounter();
  if (source.length > CELL_LIMITS.maxChars) {
    // Not parsed at all: the empty document keeps every later step trivial.
    const yaml: CellYaml = { source, doc: parseDocument('', { lineCounter: lines }), lines, aliasTargets: new Map() };
    problems.error(firstLineSpan(yaml), `the cell has ${source.length} characters; a cell may have at most ${CELL_LIMITS.maxChars}`);
    return { yaml, broken: true };
  }
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const yaml: CellYaml = { source, doc, lines, aliasTargets: aliasTargets(doc.contents) };
  for (const e of doc.errors) problems.error(spanAt(yaml, e.pos[0], e.pos[1]), yamlMessage(e.message));
  for (const w of doc.warnings) problems.warning(spanAt(yaml, w.pos[0], w.pos[1]), yamlMessage(w.message));
  const tooBig = doc.errors.length === 0 ? checkExpansion(yaml) : undefined;
  if (tooBig) problems.error(spanOf(yaml, tooBig.at), tooBig.message);
  return { yaml, broken: doc.errors.length > 0 || tooBig !== undefined };
}

/** The nodes a node holds: map keys and values, list items; an alias holds nothing of its own. */
function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (item.key && typeof item.key === 'object') out.push(item.key as Node);
        if (item.value && typeof item.value === 'object') out.push(item.value as Node);
      } else if (item && typeof item === 'object') out.push(item as Node);
    }
  }
  return out;
}

/** Every node in document order (a key before its value), without recursion: nesting depth is the attacker's to choose. */
function inDocumentOrder(root: Node | null): Node[] {
  const out: Node[] = [];
  const stack: Node[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    out.push(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

// The same rule as the yaml library's Alias.resolve, but one pass for the whole cell
// instead of one pass over the document per alias looked up.
function aliasTargets(root: Node | null): Map<Alias, ParsedNode | null> {
  const anchored = new Map<string, ParsedNode>();
  const targets = new Map<Alias, ParsedNode | null>();
  for (const node of inDocumentOrder(root)) {
    if (isAlias(node)) targets.set(node, anchored.get(node.source) ?? null);
    else if (node.anchor) anchored.set(node.anchor, node as ParsedNode);
  }
  return targets;
}

interface Expansion {
  /** Values the node stands for with aliases expanded, capped just above the limit. */
  values: number;
  /** Levels of nesting (a scalar: 1), capped just above the limit. */
  depth: number;
}

/**
 * Measures the cell with every alias expanded, each node measured once (so the measure
 * itself cannot blow up), and says where the first limit is passed: an alias cycle, too
 * many values, or nesting too deep.
 */
function checkExpansion(y: CellYaml): { at: Node; message: string } | undefined {
  const root = y.doc.contents as Node | null;
  if (!root) return undefined;
  const cap = (n: number, limit: number) => Math.min(n, limit + 1);
  const measured = new Map<Node, Expansion>();
  const open = new Set<Node>();
  const next = (node: Node): Node[] => {
    if (!isAlias(node)) return childrenOf(node);
    const target = y.aliasTargets.get(node);
    return target ? [target] : [];
  };
  // Iterative post-order: a frame is a node and the children still to measure.
  const stack: { node: Node; children: Node[]; i: number }[] = [{ node: root, children: next(root), i: 0 }];
  open.add(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.i < frame.children.length) {
      const child = frame.children[frame.i++];
      if (measured.has(child)) continue;
      if (open.has(child)) {
        const alias = frame.node as Alias;
        return { at: alias, message: `YAML: alias *${alias.source} stands for a value that contains the alias itself, which never ends` };
      }
      open.add(child);
      stack.push({ node: child, children: next(child), i: 0 });
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    const parts = frame.children.map((c) => measured.get(c) as Expansion);
    // An alias adds nothing of its own; one naming no anchor stands for a null.
    const own = isAlias(frame.node) && parts.length > 0 ? 0 : 1;
    measured.set(frame.node, {
      values: cap(own + parts.reduce((a, p) => a + p.values, 0), CELL_LIMITS.maxValues),
      depth: cap(own + parts.reduce((a, p) => Math.max(a, p.depth), 0), CELL_LIMITS.maxDepth),
    });
  }

  const whole = measured.get(root) as Expansion;
  if (whole.values > CELL_LIMITS.maxValues) {
    // Where the count passes the limit, reading the cell from the top.
    let count = 0;
    for (const node of inDocumentOrder(root)) {
      count += isAlias(node) ? (measured.get(node) as Expansion).values : 1;
      if (count <= CELL_LIMITS.maxValues) continue;
      const what = isAlias(node) ? `with alias *${node.source} the cell stands for` : 'the cell holds';
      return { at: node, message: `YAML: ${what} more than ${CELL_LIMITS.maxValues} values once aliases are expanded; a cell may hold at most ${CELL_LIMITS.maxValues}` };
    }
  }
  if (whole.depth > CELL_LIMITS.maxDepth) {
    // Follow the deepest branch down to the level past the limit; point at the alias that led there, if any.
    const deeper = (a: Node, b: Node) => ((measured.get(b) as Expansion).depth > (measured.get(a) as Expansion).depth ? b : a);
    let node = root;
    let lastAlias: Node | undefined;
    for (let level = 1; level <= CELL_LIMITS.maxDepth; ) {
      const children = next(node);
      if (children.length === 0) break;
      node = children.reduce(deeper);
      if (isAlias(node)) lastAlias = node;
      else level++;
    }
    return { at: lastAlias ?? node, message: `YAML: lists and maps nested more than ${CELL_LIMITS.maxDepth} levels deep${lastAlias ? ' once aliases are expanded' : ''}; a cell may nest at most ${CELL_LIMITS.maxDepth}` };
  }
  return undefined;
}

// The library's messages start with a capital and sometimes end with a period; ours do neither.
function yamlMessage(m: string): string {
  const text = m.replace(/\.$/, '');
  return `YAML: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** The span from offset `start` to `end` (exclusive), never empty when the text allows. */
export function spanAt(y: CellYaml, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, y.source.length));
  let e = Math.max(s, Math.min(end, y.source.length));
  if (e === s && e < y.source.length && y.source[e] !== '\n') e++;
  const a = y.lines.linePos(s);
  const b = y.lines.linePos(e);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** The span of a node's text, without the trailing newline and comments collections carry. */
export function spanOf(y: CellYaml, node: Node): Span {
  const [start, end] = rangeOf(node);
  return spanAt(y, start, trimEnd(y.source, start, end));
}

/** The first line of a node (`dense: 32` for a layer item): readable for multi-line collections. */
export function headSpanOf(y: CellYaml, node: Node): Span {
  const [start, end] = rangeOf(node);
  const eol = y.source.indexOf('\n', start);
  return spanAt(y, start, trimEnd(y.source, start, eol === -1 || eol > end ? end : eol));
}

/** The span of the first line of the cell: where problems without a better place go. */
export function firstLineSpan(y: Pick<CellYaml, 'source'>): Span {
  const eol = y.source.indexOf('\n');
  const end = trimEnd(y.source, 0, eol === -1 ? y.source.length : eol);
  return { line: 1, column: 1, endLine: 1, endColumn: end + 1 };
}

function rangeOf(node: Node): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

/** A node with aliases followed (an `*anchor` stands for the node it names). */
export function resolved(y: CellYaml, node: unknown): ParsedNode | null {
  if (isAlias(node)) return y.aliasTargets.get(node) ?? null;
  return isScalar(node) || isMap(node) || isSeq(node) ? (node as ParsedNode) : null;
}

/** True for a missing value (`key:` with nothing after it) and for an explicit null. */
export function isEmpty(node: ParsedNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}
