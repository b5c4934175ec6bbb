// Writes a `.regnb` file (contract section 1): 2-space pretty-printed JSON with a trailing
// newline, keys in a stable order (regnb, metadata, cells, then unknown keys as read; in a
// cell: kind, source, outputs, then unknown keys), and outputs bounded (boundOutputs.ts).

import { boundCellText, type BoundOptions } from './boundOutputs';
import { CELL_INDENT, CELL_SEPARATOR, notebookFrame, notebookText } from './notebookText';
import type { CellDoc, NotebookDoc } from './types';

/** The file text of `doc`. Never mutates `doc`; serializing a parsed serialized doc gives the same bytes. */
export function serializeNotebook(doc: NotebookDoc, opts: BoundOptions = {}): string {
  return notebookText(doc, (doc.cells ?? []).map((cell) => serializeCell(cell, opts)));
}

/** One cell as it is laid out in the file, its outputs bounded. */
export function serializeCell(cell: CellDoc, opts: BoundOptions = {}): string {
  return boundCellText(cell, opts);
}

/** A cell to write, named by `key`: equal keys must mean equal cells. `cell` is only called when the key is new. */
export interface KeyedCell {
  key: string;
  cell: () => CellDoc;
}

/**
 * Serializes the same notebook again and again, laying out and encoding only the cells
 * whose key changed since the previous call. An editor saves and backs up a dirty
 * notebook whole, after every output change; bounding, laying out and encoding a full
 * cell (up to 256 KiB of pretty-printed history) costs tens of milliseconds, so a
 * notebook of a dozen run cells would otherwise hold the editor's thread for the better
 * part of a second each time. Gives the UTF-8 bytes of serializeNotebook's text. Keeps
 * only the previous call's cells.
 */
export class NotebookWriter {
  private previous = new Map<string, Uint8Array>();

  constructor(private readonly opts: BoundOptions = {}) {}

  write(doc: Omit<NotebookDoc, 'cells'>, cells: KeyedCell[]): Uint8Array {
    if (cells.length === 0) return encoder.encode(notebookText(doc, []));
    const current = new Map<string, Uint8Array>();
    const encoded = cells.map(({ key, cell }) => {
      const bytes = current.get(key) ?? this.previous.get(key) ?? encoder.encode(CELL_INDENT + serializeCell(cell(), this.opts));
      current.set(key, bytes);
      return bytes;
    });
    this.previous = current;
    const { before, after } = notebookFrame(doc);
    const separator = encoder.encode(CELL_SEPARATOR);
    const parts = [encoder.encode(before), ...encoded.flatMap((bytes, k) => (k === 0 ? [bytes] : [separator, bytes])), encoder.encode(after)];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const encoder = new TextEncoder();
