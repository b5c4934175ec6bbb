// Writes a `.regnb` file (contract section 1): 2-space pretty-printed JSON with a trailing
// newline, keys in a stable order (regnb, metadata, cells, then unknown keys as read; in a
// cell: kind, source, outputs, then unknown keys), and outputs bounded (boundOutputs.ts).

import { boundCellOutputs, type BoundOptions } from './boundOutputs';
import { cellText, notebookText } from './notebookText';
import type { NotebookDoc } from './types';

/** The file text of `doc`. Never mutates `doc`; serializing a parsed serialized doc gives the same bytes. */
export function serializeNotebook(doc: NotebookDoc, opts: BoundOptions = {}): string {
  const cells = (doc.cells ?? []).map((cell) => cellText({ ...cell, outputs: boundCellOutputs(cell, opts) }, 2));
  return notebookText(doc, cells);
}
