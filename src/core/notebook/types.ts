// The in-memory form of a `.regnb` file (contract section 1). Pure data: shared by the
// VS Code serializer, the CLI and the tests.

export type CellKind = 'markdown' | 'experiment';

export const CELL_KINDS: readonly CellKind[] = ['markdown', 'experiment'];

export interface OutputDoc {
  mime: string;
  data: unknown;
  /** Unknown keys of the output item, kept on a round trip. */
  extra?: Record<string, unknown>;
}

export interface CellDoc {
  kind: CellKind;
  source: string;
  outputs?: OutputDoc[];
  /** Unknown keys of the cell, kept on a round trip (in their original order). */
  extra: Record<string, unknown>;
}

export interface NotebookDoc {
  regnb: 1;
  metadata: Record<string, unknown>;
  cells: CellDoc[];
  /** Unknown top-level keys, kept on a round trip (in their original order). */
  extra: Record<string, unknown>;
}

export function emptyNotebook(): NotebookDoc {
  return { regnb: 1, metadata: {}, cells: [], extra: {} };
}

/** A file that is not a valid `.regnb` notebook. `message` says what and where. */
export class NotebookFormatError extends Error {
  override readonly name = 'NotebookFormatError';
  /** What is wrong, without the location (for tools that print the location themselves). */
  readonly reason: string;
  readonly file?: string;
  /** 1-based; absent when the place could not be found. */
  readonly line?: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  readonly column?: number;
  /** 0-based index of the offending cell, when a cell is at fault. */
  readonly cellIndex?: number;

  constructor(reason: string, where: { file?: string; line?: number; column?: number; cellIndex?: number } = {}) {
    super(`${describeWhere(where)}: ${reason}`);
    this.reason = reason;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.cellIndex = where.cellIndex;
  }
}

function describeWhere(w: { file?: string; line?: number; column?: number }): string {
  if (w.file) return w.line !== undefined ? `${w.file}:${w.line}:${w.column ?? 1}` : w.file;
  return w.line !== undefined ? `line ${w.line}, column ${w.column ?? 1}` : 'notebook';
}
