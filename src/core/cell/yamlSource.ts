// The cell's YAML with positions: parsing, syntax problems, and spans of nodes.

import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type ParsedNode } from 'yaml';
import type { ProblemList, Span } from './problems';

export interface CellYaml {
  source: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/**
 * Parses a cell. Duplicate keys are left to the validator (which says which key and
 * where the first one is), so `uniqueKeys` is off here. Returns whether the syntax is
 * broken badly enough that checking the content would only add noise.
 */
export function parseYaml(source: string, problems: ProblemList): { yaml: CellYaml; broken: boolean } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const yaml: CellYaml = { source, doc, lines };
  for (const e of doc.errors) problems.error(spanAt(yaml, e.pos[0], e.pos[1]), yamlMessage(e.message));
  for (const w of doc.warnings) problems.warning(spanAt(yaml, w.pos[0], w.pos[1]), yamlMessage(w.message));
  return { yaml, broken: doc.errors.length > 0 };
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
  if (isAlias(node)) {
    const target = node.resolve(y.doc);
    return (target as ParsedNode | undefined) ?? null;
  }
  return isScalar(node) || isMap(node) || isSeq(node) ? (node as ParsedNode) : null;
}

/** True for a missing value (`key:` with nothing after it) and for an explicit null. */
export function isEmpty(node: ParsedNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}
