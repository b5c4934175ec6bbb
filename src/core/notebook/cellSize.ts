// The size in bytes of a cell as laid out in the file (notebookText.ts), without laying
// it out. Bounding a cell's outputs (boundOutputs.ts) tries one reduction after another
// and needs the size after each; laying out a cell of a few hundred KiB costs tens of
// milliseconds, and most of it (the decision boundary, the grid, the layers) is the same
// objects from one reduction to the next. So each object's text is measured once, and a
// cell's size is summed from the measures of its parts.

import { setKey } from '../run/historyThinning';
import { OUTPUT_DATA_DEPTH, bytesAt, cellText, utf8Length } from './notebookText';
import type { CellDoc, OutputDoc } from './types';

/** JSON.stringify(value, null, 2) of a value at level 0: its UTF-8 bytes and line breaks. */
interface TextMeasure {
  bytes: number;
  newlines: number;
}

/** What a measured value leaves in the text it was cut out of: `""`. */
const HOLE = '';
const HOLE_BYTES = JSON.stringify(HOLE).length;
/** Objects nested deeper than this are measured whole (JSON text of user data can nest deeply). */
const MAX_DEPTH = 8;

/**
 * Sizes of one cell's text with different outputs, at `level` (cellText's level). Values are
 * measured once by identity, so the outputs must not be mutated while the sizer is in use
 * (the reductions of boundOutputs.ts make new objects, never change old ones).
 */
export class CellSizer {
  private readonly measured = new WeakMap<object, TextMeasure>();

  constructor(
    private readonly cell: CellDoc,
    private readonly level: number,
  ) {}

  /** utf8Length(cellText({ ...cell, outputs }, level)), without laying the cell out. */
  bytes(outputs: OutputDoc[]): number {
    // The cell is laid out with each measurable output's data replaced by "", then each
    // data's text is put back in its place, at the level where outputs' data sit.
    const dataLevel = this.level + OUTPUT_DATA_DEPTH;
    let bytes = 0;
    const holed = outputs.map((o) => {
      if (!isMeasurable(o.data)) return o;
      bytes += bytesAt(this.measure(o.data, 0), dataLevel) - HOLE_BYTES;
      return { ...o, data: HOLE };
    });
    return bytes + utf8Length(cellText({ ...this.cell, outputs: holed }, this.level));
  }

  /** The level-0 text of `value`: an object's from its skeleton and its members' measures. */
  private measure(value: object, depth: number): TextMeasure {
    const known = this.measured.get(value);
    if (known) return known;
    let m: TextMeasure;
    if (Array.isArray(value) || depth >= MAX_DEPTH) {
      m = measureText(JSON.stringify(value, null, 2));
    } else {
      const skeleton: Record<string, unknown> = {};
      let bytes = 0;
      let newlines = 0;
      for (const key of Object.keys(value)) {
        const member = (value as Record<string, unknown>)[key];
        if (isMeasurable(member)) {
          const inner = this.measure(member, depth + 1);
          bytes += bytesAt(inner, 1) - HOLE_BYTES;
          newlines += inner.newlines;
          setKey(skeleton, key, HOLE);
        } else {
          setKey(skeleton, key, member);
        }
      }
      const outer = measureText(JSON.stringify(skeleton, null, 2));
      m = { bytes: outer.bytes + bytes, newlines: outer.newlines + newlines };
    }
    this.measured.set(value, m);
    return m;
  }
}

/** An object or array that JSON.stringify writes as it is (no toJSON of its own). */
function isMeasurable(v: unknown): v is object {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

function measureText(text: string): TextMeasure {
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines++;
  return { bytes: utf8Length(text), newlines };
}
