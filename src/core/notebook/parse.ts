// Reads a `.regnb` file (contract section 1). An empty file is an empty notebook; any
// other problem throws NotebookFormatError saying what is wrong and where, so that a
// damaged file never opens as an empty notebook (saving that would destroy it).

import { CELL_KINDS, NotebookFormatError, emptyNotebook, type CellDoc, type CellKind, type NotebookDoc, type OutputDoc } from './types';
import { lineColumn, offsetFromEngineMessage, pathKey, scanJson, type JsonPath } from './jsonScan';

export const NOTEBOOK_VERSION = 1;

const TOP_KEYS = ['regnb', 'metadata', 'cells'];
const CELL_KEYS = ['kind', 'source', 'outputs'];
const OUTPUT_KEYS = ['mime', 'data'];

export function parseNotebook(text: string, file?: string): NotebookDoc {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return emptyNotebook();

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const scan = scanJson(text, 0);
    const offset = scan.error?.offset ?? offsetFromEngineMessage((e as Error).message, text);
    const reason = `not valid JSON: ${scan.error?.message ?? (e as Error).message}`;
    throw new NotebookFormatError(reason, { file, ...(offset !== undefined ? lineColumn(text, offset) : {}) });
  }

  // Locations are only needed to report a problem: the file is scanned lazily, once.
  let positions: Map<string, number> | undefined;
  const fail = (reason: string, path: JsonPath, cellIndex?: number): never => {
    positions ??= scanJson(text).positions;
    let offset: number | undefined;
    for (let k = path.length; k > 0 && offset === undefined; k--) offset = positions.get(pathKey(path.slice(0, k)));
    const at = offset !== undefined ? lineColumn(text, offset) : { line: 1, column: 1 };
    throw new NotebookFormatError(cellIndex !== undefined ? `cell ${cellIndex + 1}: ${reason}` : reason, { file, ...at, cellIndex });
  };

  if (!isPlainObject(value)) {
    fail(`a notebook is a JSON object with "regnb", "metadata" and "cells", not ${describe(value)}`, []);
  }
  const top = value as Record<string, unknown>;
  if (!('regnb' in top)) fail('missing "regnb": 1 (this is not a RegNB notebook, or it was written by another tool)', []);
  if (top.regnb !== NOTEBOOK_VERSION) {
    const v = top.regnb;
    fail(
      typeof v === 'number'
        ? `unsupported notebook version "regnb": ${v} (this version of RegNB reads version ${NOTEBOOK_VERSION})`
        : `"regnb" must be the number ${NOTEBOOK_VERSION}, not ${describe(v)}`,
      ['regnb'],
    );
  }
  let metadata: Record<string, unknown> = {};
  if ('metadata' in top) {
    if (!isPlainObject(top.metadata)) fail(`"metadata" must be an object, not ${describe(top.metadata)}`, ['metadata']);
    metadata = top.metadata as Record<string, unknown>;
  }
  const cells: CellDoc[] = [];
  if ('cells' in top) {
    if (!Array.isArray(top.cells)) fail(`"cells" must be an array of cells, not ${describe(top.cells)}`, ['cells']);
    (top.cells as unknown[]).forEach((raw, index) => cells.push(readCell(raw, index, fail)));
  }
  return { regnb: 1, metadata, cells, extra: extraKeys(top, TOP_KEYS) };
}

type Fail = (reason: string, path: JsonPath, cellIndex?: number) => never;

function readCell(raw: unknown, index: number, fail: Fail): CellDoc {
  const at = (...rest: (string | number)[]): JsonPath => ['cells', index, ...rest];
  if (!isPlainObject(raw)) return fail(`a cell must be an object with "kind" and "source", not ${describe(raw)}`, at(), index);
  const cell = raw as Record<string, unknown>;
  if (!('kind' in cell)) fail('missing "kind" ("markdown" or "experiment")', at(), index);
  if (typeof cell.kind !== 'string' || !CELL_KINDS.includes(cell.kind as CellKind)) {
    fail(`unknown kind ${describe(cell.kind)} (expected "markdown" or "experiment")`, at('kind'), index);
  }
  if (!('source' in cell)) fail('missing "source" (the cell text, a string)', at(), index);
  if (typeof cell.source !== 'string') fail(`"source" must be a string, not ${describe(cell.source)}`, at('source'), index);
  const doc: CellDoc = { kind: cell.kind as CellKind, source: cell.source as string, extra: extraKeys(cell, CELL_KEYS) };
  if ('outputs' in cell) {
    if (!Array.isArray(cell.outputs)) fail(`"outputs" must be an array, not ${describe(cell.outputs)}`, at('outputs'), index);
    doc.outputs = (cell.outputs as unknown[]).map((o, k) => readOutput(o, k, at('outputs', k), index, fail));
  }
  return doc;
}

function readOutput(raw: unknown, k: number, path: JsonPath, cellIndex: number, fail: Fail): OutputDoc {
  if (!isPlainObject(raw)) return fail(`output ${k + 1} must be an object with "mime" and "data", not ${describe(raw)}`, path, cellIndex);
  const o = raw as Record<string, unknown>;
  if (typeof o.mime !== 'string' || o.mime === '') fail(`output ${k + 1}: "mime" must be a non-empty string, not ${describe(o.mime)}`, [...path, 'mime'], cellIndex);
  if (!('data' in o)) fail(`output ${k + 1}: missing "data"`, path, cellIndex);
  const out: OutputDoc = { mime: o.mime as string, data: o.data };
  const extra = extraKeys(o, OUTPUT_KEYS);
  if (Object.keys(extra).length) out.extra = extra;
  return out;
}

/** The keys of `obj` other than `known`, in their original order (safe for "__proto__"). */
function extraKeys(obj: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) Object.defineProperty(extra, key, { value: obj[key], enumerable: true, writable: true, configurable: true });
  }
  return extra;
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === 'object') return 'an object';
  if (v === undefined) return 'nothing';
  return `${typeof v} ${String(v)}`;
}
