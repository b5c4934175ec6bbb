// Maps `.regnb` files to VS Code notebook data and back, with the pure format code
// doing the work. Unknown keys ride along in metadata so that a round trip keeps them.
// A corrupt file throws (VS Code then shows the error) instead of opening as an
// empty notebook that a save would write over.

import { createHash } from 'crypto';
import * as vscode from 'vscode';
import { parseNotebook } from '../core/notebook/parse';
import { NotebookWriter, type KeyedCell } from '../core/notebook/serialize';
import type { CellDoc, NotebookDoc, OutputDoc } from '../core/notebook/types';
import { LANGUAGE_ID } from './ids';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class RegnbSerializer implements vscode.NotebookSerializer {
  // VS Code serializes the whole notebook for every save and every backup of a dirty
  // one (each output change during Run All): only changed cells are laid out again.
  private readonly writer = new NotebookWriter();

  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const doc = parseNotebook(decoder.decode(content));
    const cells = doc.cells.map(toCellData);
    const data = new vscode.NotebookData(cells);
    data.metadata = { metadata: doc.metadata, extra: doc.extra };
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    return this.writer.write(notebookHead(data), data.cells.map(keyedCell));
  }
}

/**
 * A cell keyed by a digest of everything fromCellData reads, so equal keys give equal
 * cells. A digest of the output bytes costs a few milliseconds for a notebook of full run
 * cells, where decoding and comparing their text took tens.
 */
function keyedCell(cell: vscode.NotebookCellData): KeyedCell {
  const hash = createHash('sha256');
  // Each field with its length in bytes first, so that no two cells give the same stream.
  const field = (value: string | Uint8Array) => {
    const bytes = typeof value === 'string' ? encoder.encode(value) : value;
    hash.update(`${bytes.length}:`).update(bytes);
  };
  field(String(cell.kind));
  field(cell.value);
  field(JSON.stringify(((cell.metadata ?? {}) as { extra?: unknown }).extra ?? {}));
  for (const output of cell.outputs ?? []) {
    for (const item of output.items) {
      field(item.mime);
      field(item.data);
    }
    field('');
  }
  return { key: hash.digest('base64'), cell: () => fromCellData(cell) };
}

/** Everything of the notebook but its cells. */
function notebookHead(data: vscode.NotebookData): Omit<NotebookDoc, 'cells'> {
  const meta = (data.metadata ?? {}) as { metadata?: Record<string, unknown>; extra?: Record<string, unknown> };
  return { regnb: 1, metadata: meta.metadata ?? {}, extra: meta.extra ?? {} };
}

function toCellData(cell: CellDoc): vscode.NotebookCellData {
  const kind = cell.kind === 'markdown' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code;
  const data = new vscode.NotebookCellData(kind, cell.source, cell.kind === 'markdown' ? 'markdown' : LANGUAGE_ID);
  data.metadata = { extra: cell.extra };
  if (cell.outputs?.length) {
    data.outputs = [new vscode.NotebookCellOutput(cell.outputs.map((o) => vscode.NotebookCellOutputItem.json(o.data, o.mime)))];
  }
  return data;
}

function fromCellData(cell: vscode.NotebookCellData): CellDoc {
  const extra = ((cell.metadata ?? {}) as { extra?: Record<string, unknown> }).extra ?? {};
  if (cell.kind === vscode.NotebookCellKind.Markup) return { kind: 'markdown', source: cell.value, extra };
  const outputs: OutputDoc[] = [];
  for (const output of cell.outputs ?? []) {
    for (const item of output.items) {
      // Live progress and error items are transient: only run results are kept in the file.
      if (!item.mime.startsWith('application/vnd.regnb.')) continue;
      if (item.mime.endsWith('progress+json')) continue;
      outputs.push({ mime: item.mime, data: JSON.parse(decoder.decode(item.data)) });
    }
  }
  return { kind: 'experiment', source: cell.value, outputs, extra };
}
