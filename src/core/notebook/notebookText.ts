// The text layout of a `.regnb` file: what JSON.stringify(value, null, 2) would print,
// but with the known keys first in a fixed order whatever their kind (JSON.parse moves
// integer-like keys to the front of an object; the file's own keys must not move).

import type { CellDoc, NotebookDoc, OutputDoc } from './types';

const INDENT = '  ';

/** JSON text of `value` as it appears nested `level` levels deep in a 2-space pretty-printed file. */
export function stringifyAt(value: unknown, level: number): string | undefined {
  // An object or array (without toJSON, which is told its key) nested `level` arrays
  // deep: JSON.stringify indents its lines itself, and a run result's few hundred KiB are
  // laid out without a second pass over the text to indent them (3-5x faster).
  if (level > 0 && typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const { before, after } = nestedFrame(level);
    const text = JSON.stringify(nestIn(value, level), null, 2);
    return text.slice(before, text.length - after);
  }
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined || level === 0 || !text.includes('\n')) return text;
  return text.replace(/\n/g, `\n${INDENT.repeat(level)}`);
}

/** Lengths of the text around a value nested `level` arrays deep. */
const frames: { before: number; after: number }[] = [];
function nestedFrame(level: number): { before: number; after: number } {
  if (!frames[level]) {
    const text = JSON.stringify(nestIn(0, level), null, 2);
    const before = text.indexOf('0');
    frames[level] = { before, after: text.length - before - 1 };
  }
  return frames[level];
}

function nestIn(value: unknown, level: number): unknown {
  let out = value;
  for (let k = 0; k < level; k++) out = [out];
  return out;
}

/** UTF-8 bytes of stringifyAt(value, level), from the bytes and line breaks of its level-0 text. */
export function bytesAt(text: { bytes: number; newlines: number }, level: number): number {
  return text.bytes + text.newlines * INDENT.length * level;
}

/** An object with keys in the given order, laid out like JSON.stringify(_, null, 2). */
export function objectText(entries: [string, unknown][], level: number): string {
  const inner = INDENT.repeat(level + 1);
  const lines: string[] = [];
  for (const [key, value] of entries) {
    const text = value instanceof RawJson ? value.text : stringifyAt(value, level + 1);
    if (text !== undefined) lines.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return lines.length ? `{\n${lines.join(',\n')}\n${INDENT.repeat(level)}}` : '{}';
}

/** Already laid-out JSON text, inserted verbatim. */
class RawJson {
  constructor(readonly text: string) {}
}

function withExtra(known: [string, unknown][], extra: Record<string, unknown> | undefined): [string, unknown][] {
  const names = new Set(known.map(([k]) => k));
  const entries = known.filter(([, v]) => v !== undefined);
  for (const key of Object.keys(extra ?? {})) if (!names.has(key)) entries.push([key, extra![key]]);
  return entries;
}

export function outputText(output: OutputDoc, level: number): string {
  return objectText(withExtra([['mime', output.mime], ['data', output.data]], output.extra), level);
}

/** Levels below its cell at which an output's `data` is laid out (cell > outputs > output > data). */
export const OUTPUT_DATA_DEPTH = 3;

export function cellText(cell: CellDoc, level: number): string {
  const entries = withExtra([['kind', cell.kind], ['source', cell.source]], cell.extra);
  if (cell.outputs !== undefined) {
    const outputLevel = level + OUTPUT_DATA_DEPTH - 1;
    const inner = INDENT.repeat(outputLevel);
    const items = cell.outputs.map((o) => `${inner}${outputText(o, outputLevel)}`);
    const outputs = items.length ? `[\n${items.join(',\n')}\n${INDENT.repeat(level + 1)}]` : '[]';
    entries.splice(2, 0, ['outputs', new RawJson(outputs)]);
  }
  return objectText(entries, level);
}

/** What comes before each laid-out cell in the file, and between two cells. */
export const CELL_INDENT = INDENT.repeat(2);
export const CELL_SEPARATOR = ',\n';

export function notebookText(doc: Omit<NotebookDoc, 'cells'>, cellTexts: string[]): string {
  const cells = cellTexts.length ? `[\n${cellTexts.map((t) => `${CELL_INDENT}${t}`).join(CELL_SEPARATOR)}\n${INDENT}]` : '[]';
  const entries = withExtra([['regnb', 1], ['metadata', doc.metadata ?? {}], ['cells', new RawJson(cells)]], doc.extra);
  return `${objectText(entries, 0)}\n`;
}

/**
 * The file text around the cells of a notebook that has some: the file is `before`, then
 * each cell as CELL_INDENT + its text, joined by CELL_SEPARATOR, then `after`. Cut out of
 * notebookText with a NUL in place of the cells (JSON text never holds a raw NUL).
 */
export function notebookFrame(doc: Omit<NotebookDoc, 'cells'>): { before: string; after: string } {
  const text = notebookText(doc, ['\u0000']);
  const at = text.indexOf(`${CELL_INDENT}\u0000`);
  return { before: text.slice(0, at), after: text.slice(at + CELL_INDENT.length + 1) };
}

/** A character past ASCII: a surrogate pair (4 bytes in UTF-8) or one UTF-16 unit (2 or 3). */
const NON_ASCII = /[\ud800-\udbff][\udc00-\udfff]|[\u0080-\uffff]/g;

/** Bytes of `text` in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  // Mostly ASCII (JSON of numbers): a native scan finds the few characters that take more
  // than their UTF-16 length, instead of a loop over every character.
  let bytes = text.length;
  for (const [c] of text.matchAll(NON_ASCII)) bytes += c.length === 2 || c.charCodeAt(0) >= 0x800 ? 2 : 1;
  return bytes;
}
