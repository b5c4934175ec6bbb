// A small JSON syntax scanner, used only when something is wrong with a notebook file:
// it finds where JSON.parse failed (independently of the engine's error message, whose
// format differs between Node versions) and where keys and array elements sit, so that
// a structural error can name its line. Iterative, so deep nesting cannot overflow.

export type JsonPath = readonly (string | number)[];

export interface JsonScan {
  /** The first syntax error, with its UTF-16 offset into the text. */
  error?: { offset: number; message: string };
  /** Offset of each recorded location: an object member's key, or an array element's start. */
  positions: Map<string, number>;
}

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

interface Frame {
  kind: 'object' | 'array';
  path: (string | number)[];
  count: number;
  key?: string;
  keyOffset?: number;
}

type Expect = 'value' | 'value-or-end' | 'key-or-end' | 'key' | 'colon' | 'comma-or-end' | 'eof';

/** Scans `text` (records positions of paths up to `maxDepth` elements long). */
export function scanJson(text: string, maxDepth = 5): JsonScan {
  const positions = new Map<string, number>();
  const n = text.length;
  const stack: Frame[] = [];
  let i = 0;
  let expect: Expect = 'value';

  const fail = (offset: number, message: string): JsonScan => ({ error: { offset, message }, positions });
  const afterValue = (): Expect => (stack.length === 0 ? 'eof' : 'comma-or-end');
  const record = (path: (string | number)[], offset: number) => {
    if (path.length <= maxDepth) positions.set(pathKey(path), offset);
  };

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) {
      if (expect === 'eof') return { positions };
      const open = stack[stack.length - 1];
      if (!open) return fail(n, 'unexpected end of file: no JSON value');
      return fail(n, `unexpected end of file: missing '${open.kind === 'object' ? '}' : ']'}'`);
    }
    const c = text[i];
    const top = stack[stack.length - 1];
    switch (expect) {
      case 'eof':
        return fail(i, `unexpected ${describeChar(text, i)} after the end of the JSON value`);
      case 'key-or-end':
      case 'key': {
        if (c === '}' && expect === 'key-or-end') {
          stack.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (c === '}') return fail(i, "trailing comma before '}'");
        if (c !== '"') return fail(i, `expected a property name in double quotes, found ${describeChar(text, i)}`);
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        top.key = JSON.parse(text.slice(i, end)) as string;
        top.keyOffset = i;
        i = end;
        expect = 'colon';
        break;
      }
      case 'colon':
        if (c !== ':') return fail(i, `expected ':' after property name ${JSON.stringify(top.key)}, found ${describeChar(text, i)}`);
        i++;
        expect = 'value';
        break;
      case 'comma-or-end': {
        const close = top.kind === 'object' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = top.kind === 'object' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          i++;
          expect = afterValue();
        } else {
          const after = top.kind === 'object' ? 'a property value' : 'an array element';
          return fail(i, `expected ',' or '${close}' after ${after}, found ${describeChar(text, i)}`);
        }
        break;
      }
      case 'value':
      case 'value-or-end': {
        if (c === ']' && top?.kind === 'array') {
          if (expect === 'value') return fail(i, "trailing comma before ']'");
          stack.pop();
          i++;
          expect = afterValue();
          break;
        }
        let path: (string | number)[] = [];
        if (top?.kind === 'object') {
          path = [...top.path, top.key!];
          record(path, top.keyOffset!);
        } else if (top?.kind === 'array') {
          path = [...top.path, top.count++];
          record(path, i);
        }
        if (c === '{' || c === '[') {
          stack.push({ kind: c === '{' ? 'object' : 'array', path, count: 0 });
          i++;
          expect = c === '{' ? 'key-or-end' : 'value-or-end';
          break;
        }
        let end: number | { offset: number; message: string };
        if (c === '"') end = scanString(text, i);
        else if (c === '-' || (c >= '0' && c <= '9')) end = scanNumber(text, i);
        else end = scanLiteral(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        i = end;
        expect = afterValue();
        break;
      }
    }
  }
}

function scanString(text: string, start: number): number | { offset: number; message: string } {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return { offset: start, message: 'unterminated string (no closing double quote)' };
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'invalid \\u escape in string (needs 4 hex digits)' };
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        i += 2;
      } else {
        return { offset: i, message: `invalid escape '\\${e ?? ''}' in string` };
      }
      continue;
    }
    if (code < 0x20) {
      const what = code === 0x0a || code === 0x0d ? 'line break' : code === 0x09 ? 'tab' : 'control character';
      return { offset: i, message: `unescaped ${what} in string (write it as an escape such as \\n or \\t)` };
    }
    i++;
  }
}

function scanNumber(text: string, start: number): number | { offset: number; message: string } {
  const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(start, start + 400));
  if (!m) return { offset: start, message: `invalid number ${JSON.stringify(wordAt(text, start))}` };
  const end = start + m[0].length;
  const next = text[end];
  if (next !== undefined && /[0-9A-Za-z_.+-]/.test(next)) return { offset: start, message: `invalid number ${JSON.stringify(wordAt(text, start))}` };
  return end;
}

function scanLiteral(text: string, start: number): number | { offset: number; message: string } {
  for (const lit of ['true', 'false', 'null']) {
    if (text.startsWith(lit, start) && !/[A-Za-z0-9_$]/.test(text[start + lit.length] ?? '')) return start + lit.length;
  }
  const c = text[start];
  if (c === "'") return { offset: start, message: 'JSON strings use double quotes, not single quotes' };
  if (c === '/') return { offset: start, message: 'comments are not allowed in JSON' };
  const word = wordAt(text, start);
  if (/^[A-Za-z_$]/.test(word)) {
    const hint = word === 'NaN' || word === 'Infinity' || word === 'undefined' ? ` (${word} is not a JSON value)` : ' (strings need double quotes)';
    return { offset: start, message: `unexpected word '${word}'${hint}` };
  }
  return { offset: start, message: `expected a value, found ${describeChar(text, start)}` };
}

function wordAt(text: string, start: number): string {
  const m = /^[^\s,:{}[\]"]{1,40}/.exec(text.slice(start, start + 40));
  return m ? m[0] : text.slice(start, start + 1);
}

function describeChar(text: string, i: number): string {
  const c = text[i];
  if (c === '"') return 'a string';
  if (c === "'") return 'a single quote (JSON strings use double quotes)';
  if (c === '/') return "'/' (comments are not allowed in JSON)";
  if (c === '{' || c === '[') return `'${c}'`;
  const word = wordAt(text, i);
  return `'${word.length > 1 && /^[A-Za-z0-9_$.+-]+$/.test(word) ? word : c}'`;
}

/** 1-based line and column of a UTF-16 offset (line breaks: \n, \r\n, lone \r). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset a JSON.parse error message names, in any of the formats V8 has used. */
export function offsetFromEngineMessage(message: string, text: string): number | undefined {
  const pos = /position\s+(\d+)/i.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line\s+(\d+)\s+column\s+(\d+)/i.exec(message);
  if (lc) {
    const line = Number(lc[1]);
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) return undefined;
      offset = nl + 1;
    }
    return offset + Number(lc[2]) - 1;
  }
  if (/end of (JSON )?input/i.test(message)) return text.length;
  return undefined;
}
