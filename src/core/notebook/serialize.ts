// Writes a `.regnb` file (contract section 1): 2-space pretty-printed JSON with a trailing
// newline, keys in a stable order (regnb, metadata, cells, then unknown keys as read; in a
// cell: kind, source, outputs, then unknown keys), and outputs bounded (boundOutputs.ts).

import { boundCellOutputs, type BoundOptions } from './boundOutputs';
import { cellText, notebookText } from './notebookText';
import type { CellDoc, NotebookDoc } from './types';

/** The file text of `doc`. Never mutates `doc`; serializing a parsed serialized doc gives the same bytes. */
export function serializeNotebook(doc: NotebookDoc, opts: BoundOptions = {}): string {
  return notebookText(doc, (doc.cells ?? []).map((cell) => serializeCell(cell, opts)));
}

/** One cell as it is laid out in the file, its outputs bounded. */
export function serializeCell(cell: CellDoc, opts: BoundOptions = {}): string {
  return cellText({ ...cell, outputs: boundCellOutputs(cell, opts) }, 2);
}

/** A cell to write, named by `key`: equal keys must mean equal cells. `cell` is only called when the key is new. */
export interface KeyedCell {
  key: string;
  cell: () => CellDoc;
}

/**
 * Serializes the same notebook again and again, laying out only the cells whose key
 * changed since the previous call. An editor saves and backs up a dirty notebook whole,
 * after every output change; bounding and laying out a full cell (up to 256 KiB of
 * pretty-printed history) costs tens of milliseconds, so a notebook of a dozen run cells
 * would otherwise hold the editor's thread for the better part of a second each time.
 * Gives the same text as serializeNotebook. Keeps only the previous call's cells.
 */
export class NotebookWriter {
  private previous = new Map<string, string>();

  constructor(private readonly opts: BoundOptions = {}) {}

  write(doc: Omit<NotebookDoc, 'cells'>, cells: KeyedCell[]): string {
    const current = new Map<string, string>();
    const texts = cells.map(({ key, cell }) => {
      const text = current.get(key) ?? this.previous.get(key) ?? serializeCell(cell(), this.opts);
      current.set(key, text);
      return text;
    });
    this.previous = current;
    return notebookText({ ...doc, cells: [] }, texts);
  }
}
