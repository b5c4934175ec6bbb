// Puts a run's outputs into the notebook as it is NOW, not as it was when the run
// started: the CLI trains for minutes or hours while the file may be edited (a cell
// added, a second `regnb run --cell other` finishing first). Only the outputs of the
// cells that ran change; everything else on disk is kept as it is. A cell whose source
// changed (or that was deleted) since the run read it is a conflict: its output is not
// written over the edit, and the caller says so.

import type { CellDoc, NotebookDoc, OutputDoc } from './types';

/** New outputs for one cell, with the cell as the run read it. */
export interface OutputUpdate {
  /** 0-based index of the cell in the notebook the run read. */
  index: number;
  /** The cell's kind and source as the run read them: how the cell is found again. */
  kind: CellDoc['kind'];
  source: string;
  /** Shown in conflict messages (the cell's name). */
  label: string;
  outputs: OutputDoc[];
}

export interface OutputConflict {
  label: string;
  message: string;
}

export interface MergedNotebook {
  doc: NotebookDoc;
  /** Cells whose outputs were written, by label. */
  written: string[];
  conflicts: OutputConflict[];
}

/**
 * `current` with each update's outputs on the cell it belongs to: the cell of the same
 * kind and source, the one nearest its old index when several match (each cell takes at
 * most one update). `current` is not mutated.
 */
export function mergeOutputs(current: NotebookDoc, updates: readonly OutputUpdate[]): MergedNotebook {
  const cells = current.cells.map((c) => ({ ...c }));
  const taken = new Set<number>();
  const written: string[] = [];
  const conflicts: OutputConflict[] = [];
  for (const u of updates) {
    let best = -1;
    cells.forEach((c, i) => {
      if (taken.has(i) || c.kind !== u.kind || c.source !== u.source) return;
      if (best < 0 || Math.abs(i - u.index) < Math.abs(best - u.index)) best = i;
    });
    if (best < 0) {
      conflicts.push({
        label: u.label,
        message: `${u.label}: the cell was edited or deleted while it ran; its output was not written over the edit (the run is in the run store)`,
      });
      continue;
    }
    taken.add(best);
    cells[best] = { ...cells[best], outputs: u.outputs };
    written.push(u.label);
  }
  return { doc: { ...current, cells }, written, conflicts };
}
