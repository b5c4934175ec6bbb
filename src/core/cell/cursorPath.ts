// Where the cursor stands in a cell, as a key path (`['model', 0, 'regularize']`), for
// completion and hover. It reads block indentation rather than the YAML tree because
// the line being typed is usually not valid YAML yet (`  epo` under `train:`).

export interface CursorPath {
  /** Path of the map the cursor's line belongs to. */
  parent: (string | number)[];
  /** The key on the cursor's line when the cursor is in its value (`lr` in `  lr: 0.0|`). */
  key?: string;
  inValue: boolean;
  /** The word typed so far at the cursor (the completion prefix). */
  prefix: string;
}

interface Frame {
  /** Column of the key, or of the list item's dash. */
  col: number;
  elem: string | number;
  /** Key frames: how many list items they have had so far. */
  items: number;
}

const LINE = /^(\s*)((?:-\s+)*)(?:([A-Za-z_][\w.-]*)\s*:(?=\s|$))?/;

/** `line` is 0-based, `character` the 0-based column of the cursor. */
export function cursorPath(source: string, line: number, character: number): CursorPath {
  const lines = source.split(/\r?\n/);
  const stack: Frame[] = [];
  const enter = (text: string, isCursorLine: boolean) => {
    if (/^\s*(#.*)?$/.test(text) && !isCursorLine) return;
    const m = LINE.exec(text)!;
    let col = m[1].length;
    // Each `- ` opens a list item owned by the nearest key to its left.
    for (const dash of m[2].match(/-\s+/g) ?? []) {
      while (stack.length && stack[stack.length - 1].col >= col) stack.pop();
      const owner = stack[stack.length - 1];
      const index = owner ? owner.items++ : 0;
      stack.push({ col, elem: index, items: 0 });
      col += dash.length;
    }
    while (stack.length && stack[stack.length - 1].col >= col) stack.pop();
    if (!isCursorLine && m[3]) stack.push({ col, elem: m[3], items: 0 });
  };
  for (let i = 0; i < line && i < lines.length; i++) enter(lines[i], false);
  const text = (lines[line] ?? '').slice(0, character);
  enter(text, true);
  const prefix = /[\w.-]*$/.exec(text)![0];
  const value = /^\s*(?:-\s+)*([A-Za-z_][\w.-]*)\s*:\s*(\S*)$/.exec(text);
  return { parent: stack.map((f) => f.elem), key: value?.[1], inValue: !!value, prefix };
}
