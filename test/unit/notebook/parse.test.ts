import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseNotebook } from '../../../src/core/notebook/parse';
import { serializeNotebook } from '../../../src/core/notebook/serialize';
import { NotebookFormatError, type NotebookDoc } from '../../../src/core/notebook/types';
import { lineColumn, offsetFromEngineMessage, scanJson } from '../../../src/core/notebook/jsonScan';

const EXAMPLE = path.resolve(__dirname, '../../../examples/weight-regularization.regnb');

/** The NotebookFormatError thrown by parsing `text`. */
function parseError(text: string, file?: string): NotebookFormatError {
  try {
    parseNotebook(text, file);
  } catch (e) {
    assert.ok(e instanceof NotebookFormatError, `expected a NotebookFormatError, got ${String(e)}`);
    return e;
  }
  assert.fail(`parsing did not fail: ${JSON.stringify(text)}`);
}

function at(e: NotebookFormatError): string {
  return `${e.line}:${e.column}`;
}

describe('parseNotebook: empty and valid files', () => {
  it('an empty or whitespace-only file is an empty notebook', () => {
    for (const text of ['', '   ', '\n\n', '\t \r\n', '\ufeff', '\ufeff \n']) {
      assert.deepEqual(parseNotebook(text), { regnb: 1, metadata: {}, cells: [], extra: {} }, JSON.stringify(text));
    }
  });

  it('reads the bundled tutorial and writes it back byte for byte', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    const doc = parseNotebook(text, EXAMPLE);
    assert.ok(doc.cells.length > 5);
    assert.ok(doc.cells.some((c) => c.kind === 'markdown') && doc.cells.some((c) => c.kind === 'experiment'));
    assert.equal(serializeNotebook(doc), text);
  });

  it('missing metadata and cells read as empty', () => {
    assert.deepEqual(parseNotebook('{"regnb": 1}'), { regnb: 1, metadata: {}, cells: [], extra: {} });
  });

  it('keeps outputs, and an empty outputs array, as written', () => {
    const doc = parseNotebook(JSON.stringify({ regnb: 1, cells: [{ kind: 'experiment', source: 'name: a', outputs: [] }, { kind: 'experiment', source: '', outputs: [{ mime: 'text/plain', data: 'hi' }] }] }));
    assert.deepEqual(doc.cells[0].outputs, []);
    assert.deepEqual(doc.cells[1].outputs, [{ mime: 'text/plain', data: 'hi' }]);
    assert.equal(doc.cells[0].extra && Object.keys(doc.cells[0].extra).length, 0);
  });
});

describe('parseNotebook: bad JSON says where (1-based line:column)', () => {
  it('a missing comma points at the token after it', () => {
    const text = '{\n  "regnb": 1,\n  "cells": [\n    { "kind": "markdown" "source": "x" }\n  ]\n}\n';
    const e = parseError(text);
    assert.equal(at(e), '4:26');
    assert.match(e.reason, /not valid JSON: expected ',' or '}' after a property value/);
    assert.match(e.message, /^line 4, column 26: /);
  });

  it('the message starts with file:line:column when the file is known', () => {
    const e = parseError('{\n  "regnb": 1,\n  "cells": [],\n}\n', 'nb/moons.regnb');
    assert.equal(at(e), '4:1');
    assert.equal(e.file, 'nb/moons.regnb');
    assert.match(e.message, /^nb\/moons\.regnb:4:1: not valid JSON: trailing comma before '}'/);
  });

  it('a truncated file points at its end', () => {
    assert.equal(at(parseError('{\n  "regnb": 1,\n  "cells": [\n')), '4:1');
    assert.equal(at(parseError('{"regnb": 1, "cells": [{"kind": "markdown", "source": "abc')), '1:55');
    assert.match(parseError('{"regnb": 1, "cells": [').reason, /unexpected end of file: missing '\]'/);
  });

  it('counts CRLF line breaks once', () => {
    const e = parseError('{\r\n  "regnb": 1\r\n  "cells": []\r\n}\r\n');
    assert.equal(at(e), '3:3');
  });

  it('columns count UTF-16 code units like editors do', () => {
    // "é" is one unit, the emoji two: the missing comma is at column 18 + 1 + 2.
    const e = parseError('{"cells": ["é😀", "x" "y"]}');
    assert.equal(at(e), '1:23');
  });

  it('an unescaped line break in a string points at the break', () => {
    const e = parseError('{\n  "regnb": 1,\n  "cells": [{"kind": "markdown", "source": "a\nb"}]\n}');
    assert.equal(at(e), '3:46');
    assert.match(e.reason, /unescaped line break in string/);
  });

  it('names common mistakes', () => {
    assert.match(parseError("{'regnb': 1}").reason, /single quote/);
    assert.match(parseError('{"regnb": 1, // note\n}').reason, /comments are not allowed/);
    assert.match(parseError('{"regnb": NaN}').reason, /NaN is not a JSON value/);
    assert.match(parseError('{"regnb": 1} {}').reason, /after the end of the JSON value/);
    assert.equal(at(parseError('{"regnb": 1} {}')), '1:14');
    assert.equal(at(parseError('{"regnb": 01}')), '1:11');
  });

  it('agrees with the offset V8 reports where V8 reports one', () => {
    const samples = ['{"a": 1 "b": 2}', '{"a": 1,}', '[1, 2', '{"a" 1}', '{"a": "x\ty"}', '{"a": tru}', '[1,,2]'];
    for (const text of samples) {
      let engineOffset: number | undefined;
      try {
        JSON.parse(text);
      } catch (e) {
        engineOffset = offsetFromEngineMessage((e as Error).message, text);
      }
      const ours = scanJson(text).error;
      assert.ok(ours, `scanner found no error in ${text}`);
      if (engineOffset !== undefined && engineOffset < text.length) {
        // V8 sometimes points one token later (a bad literal's end); ours must not be after V8's.
        assert.ok(ours.offset <= engineOffset, `${text}: ours ${ours.offset}, V8 ${engineOffset}`);
      }
    }
  });

  it('reads every V8 message format for the fallback', () => {
    assert.equal(offsetFromEngineMessage('Unexpected token } in JSON at position 12', ''), 12);
    assert.equal(offsetFromEngineMessage("Expected ',' or '}' after property value in JSON at position 8 (line 1 column 9)", ''), 8);
    assert.equal(offsetFromEngineMessage('Unexpected token (line 2 column 3)', 'ab\ncdef'), 5);
    assert.equal(offsetFromEngineMessage('Unexpected end of JSON input', 'abc'), 3);
    assert.equal(offsetFromEngineMessage('something else', 'abc'), undefined);
  });

  it('lineColumn counts lines and columns from 1', () => {
    assert.deepEqual(lineColumn('ab\ncd\r\nef\rgh', 0), { line: 1, column: 1 });
    assert.deepEqual(lineColumn('ab\ncd\r\nef\rgh', 4), { line: 2, column: 2 });
    assert.deepEqual(lineColumn('ab\ncd\r\nef\rgh', 7), { line: 3, column: 1 });
    assert.deepEqual(lineColumn('ab\ncd\r\nef\rgh', 10), { line: 4, column: 1 });
  });
});

describe('parseNotebook: structure errors say what and where', () => {
  const nb = (cells: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ regnb: 1, metadata: {}, cells, ...extra }, null, 2);

  it('rejects other versions and missing versions', () => {
    const v2 = parseError('{\n  "regnb": 2,\n  "cells": []\n}');
    assert.equal(at(v2), '2:3');
    assert.match(v2.reason, /unsupported notebook version "regnb": 2/);
    assert.match(parseError('{"regnb": "1", "cells": []}').reason, /"regnb" must be the number 1, not "1"/);
    assert.match(parseError('{"cells": []}').reason, /missing "regnb": 1/);
  });

  it('rejects a file that is not an object', () => {
    for (const text of ['null', '[]', '42', '"regnb"', 'true']) {
      const e = parseError(text);
      assert.match(e.reason, /a notebook is a JSON object/, text);
      assert.equal(at(e), '1:1');
    }
  });

  it('rejects cells that are not an array, naming the line of "cells"', () => {
    const e = parseError('{\n  "regnb": 1,\n  "metadata": {},\n  "cells": {}\n}');
    assert.equal(at(e), '4:3');
    assert.match(e.reason, /"cells" must be an array of cells, not an object/);
  });

  it('rejects metadata that is not an object', () => {
    const e = parseError('{\n  "regnb": 1,\n  "metadata": [],\n  "cells": []\n}');
    assert.equal(at(e), '3:3');
    assert.match(e.reason, /"metadata" must be an object/);
  });

  it('names the cell (1-based) and its line for an unknown kind', () => {
    const text = nb([{ kind: 'markdown', source: 'a' }, { kind: 'code', source: 'b' }]);
    const e = parseError(text);
    assert.equal(e.cellIndex, 1);
    assert.match(e.reason, /^cell 2: unknown kind "code" \(expected "markdown" or "experiment"\)/);
    const line = text.split('\n').findIndex((l) => l.includes('"code"')) + 1;
    assert.equal(e.line, line);
    assert.equal(e.column, 7);
  });

  it('rejects a non-string or missing source, and a cell that is not an object', () => {
    const arr = parseError(nb([{ kind: 'experiment', source: ['name: a'] }]));
    assert.match(arr.reason, /^cell 1: "source" must be a string, not an array/);
    assert.equal(arr.line, 7);
    assert.match(parseError(nb([{ kind: 'experiment', source: 3 }])).reason, /^cell 1: "source" must be a string, not number 3/);
    assert.match(parseError(nb([{ kind: 'markdown' }])).reason, /^cell 1: missing "source"/);
    assert.match(parseError(nb([{ source: 'x' }])).reason, /^cell 1: missing "kind"/);
    const notObject = parseError(nb([{ kind: 'markdown', source: '' }, 'text']));
    assert.match(notObject.reason, /^cell 2: a cell must be an object/);
    assert.equal(notObject.line, 9);
  });

  it('rejects malformed outputs', () => {
    assert.match(parseError(nb([{ kind: 'experiment', source: '', outputs: {} }])).reason, /^cell 1: "outputs" must be an array/);
    assert.match(parseError(nb([{ kind: 'experiment', source: '', outputs: [{ data: 1 }] }])).reason, /^cell 1: output 1: "mime" must be a non-empty string/);
    assert.match(parseError(nb([{ kind: 'experiment', source: '', outputs: [{ mime: 'x/y' }] }])).reason, /^cell 1: output 1: missing "data"/);
  });
});

describe('round trip', () => {
  const withUnknowns = (): NotebookDoc =>
    parseNotebook(
      JSON.stringify({
        zeta: { nested: [1, { deep: true }] },
        regnb: 1,
        cells: [
          { extraFirst: 'x', source: '# hi', kind: 'markdown', attachments: { 'a.png': 'AAAA' } },
          { kind: 'experiment', source: 'name: a\n', outputs: [{ mime: 'application/x-other', data: { k: [1, 2] }, meta: { keep: 1 } }], collapsed: true },
        ],
        metadata: { author: 'me', tags: ['a'], custom: { x: null } },
        '2': 'integer-like key',
        alpha: 0,
      }),
    );

  it('keeps unknown keys at every level (top, metadata, cell, output)', () => {
    const doc = withUnknowns();
    assert.deepEqual(Object.keys(doc.extra), ['2', 'zeta', 'alpha']);
    assert.deepEqual(doc.metadata, { author: 'me', tags: ['a'], custom: { x: null } });
    assert.deepEqual(doc.cells[0].extra, { extraFirst: 'x', attachments: { 'a.png': 'AAAA' } });
    assert.deepEqual(doc.cells[1].extra, { collapsed: true });
    assert.deepEqual(doc.cells[1].outputs![0].extra, { meta: { keep: 1 } });
    const again = parseNotebook(serializeNotebook(doc));
    assert.deepEqual(again, doc);
  });

  it('re-serializes a serialized notebook byte for byte', () => {
    const once = serializeNotebook(withUnknowns());
    const twice = serializeNotebook(parseNotebook(once));
    assert.equal(twice, once);
  });

  it('keeps a "__proto__" key as data, not as a prototype', () => {
    const text = '{"regnb": 1, "cells": [{"kind": "markdown", "source": "", "__proto__": {"polluted": 1}}], "__proto__": {"polluted": 2}}';
    const doc = parseNotebook(text);
    assert.deepEqual(Object.keys(doc.extra), ['__proto__']);
    assert.equal((doc.extra as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const out = serializeNotebook(doc);
    assert.match(out, /"__proto__": \{\n {4}"polluted": 2\n {2}\}/);
    assert.equal(serializeNotebook(parseNotebook(out)), out);
  });
});

describe('serializeNotebook layout', () => {
  it('pretty-prints with 2 spaces and a trailing newline, like JSON.stringify', () => {
    const doc: NotebookDoc = { regnb: 1, metadata: { a: 1 }, cells: [{ kind: 'markdown', source: 'x', extra: {} }], extra: {} };
    const text = serializeNotebook(doc);
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    assert.equal(text, `${JSON.stringify({ regnb: 1, metadata: { a: 1 }, cells: [{ kind: 'markdown', source: 'x' }] }, null, 2)}\n`);
  });

  it('writes an empty notebook as regnb, metadata and cells', () => {
    assert.equal(serializeNotebook(parseNotebook('')), '{\n  "regnb": 1,\n  "metadata": {},\n  "cells": []\n}\n');
  });

  it('orders keys: regnb, metadata, cells, unknown keys; kind, source, outputs, unknown keys; mime, data, unknown keys', () => {
    const doc: NotebookDoc = {
      extra: { '7': 'digits', zz: 1, aa: 2 },
      cells: [{ extra: { '1': 'one', b: 2 }, outputs: [{ extra: { a: 1 }, data: 0, mime: 'text/plain' }], source: 's', kind: 'experiment' }],
      metadata: { z: 1, a: 2 },
      regnb: 1,
    };
    const keysIn = (text: string, indent: number) => [...text.matchAll(new RegExp(`^ {${indent}}"([^"]+)":`, 'gm'))].map((m) => m[1]);
    const text = serializeNotebook(doc);
    assert.deepEqual(keysIn(text, 2), ['regnb', 'metadata', 'z', 'a', 'cells', '7', 'zz', 'aa'].filter((k) => !['z', 'a'].includes(k)));
    assert.deepEqual(keysIn(text, 6), ['kind', 'source', 'outputs', '1', 'b']);
    assert.deepEqual(keysIn(text, 10), ['mime', 'data', 'a']);
    assert.deepEqual(keysIn(text, 4), ['z', 'a']);
  });

  it('drops undefined values like JSON does and never mutates the document', () => {
    const doc: NotebookDoc = { regnb: 1, metadata: {}, cells: [{ kind: 'markdown', source: 'x', outputs: undefined, extra: { gone: undefined } }], extra: {} };
    const before = JSON.stringify(doc);
    const text = serializeNotebook(doc);
    assert.equal(JSON.stringify(doc), before);
    assert.doesNotMatch(text, /gone|outputs/);
    assert.deepEqual(JSON.parse(text), { regnb: 1, metadata: {}, cells: [{ kind: 'markdown', source: 'x' }] });
  });
});
