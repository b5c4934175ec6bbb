// Property: any text given to the notebook reader gives a notebook or a
// NotebookFormatError positioned inside the text: never another exception, never a
// hang (`timeout` is the guard). Inputs: arbitrary text, arbitrary JSON, notebooks
// with arbitrary values in every place, and valid notebooks with bytes edited.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNotebook } from '../../../src/core/notebook/parse';
import { NotebookFormatError } from '../../../src/core/notebook/types';
import { serializeNotebook } from '../../../src/core/notebook/serialize';

const GUARD = { timeout: 300_000 };
const RUNS = Number(process.env.REGNB_PROPERTY_RUNS ?? 300);

const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('experiment', 'markdown', 'code', 'application/vnd.regnb.run+json', 'text/plain'));
const cell = fc.record({ kind: value, source: value, outputs: fc.oneof(value, fc.array(fc.record({ mime: value, data: value }, { requiredKeys: [] }), { maxLength: 2 })) }, { requiredKeys: [] });
const notebookish = fc
  .record({ regnb: fc.oneof(fc.constant(1), value), metadata: value, cells: fc.oneof(value, fc.array(cell, { maxLength: 4 })) }, { requiredKeys: [] })
  .chain((nb) => fc.tuple(fc.constant(nb), fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 2 }), fc.constantFrom(0, 2)))
  .map(([nb, extra, indent]) => JSON.stringify({ ...extra, ...nb }, null, indent));

const VALID = '{\n  "regnb": 1,\n  "metadata": {},\n  "cells": [\n    {"kind": "markdown", "source": "# hi"},\n    {"kind": "experiment", "source": "data: {source: moons}\\nmodel: [{dense: 1}]", "outputs": []}\n  ]\n}\n';
const edited = fc
  .array(fc.tuple(fc.nat(VALID.length), fc.nat(4), fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', '"', ':', '\\', '\\u00', 'null', '1e999', '-', '\n', ''), fc.string({ maxLength: 3 }))), { minLength: 1, maxLength: 4 })
  .map((edits) => edits.reduce((s, [at, cut, put]) => s.slice(0, at) + put + s.slice(Math.min(s.length, at + cut)), VALID));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json({ maxDepth: 4 }), notebookish, edited);

describe('property: the notebook reader', () => {
  it('counts a lone CR as a line break, as the editor does', () => {
    assert.throws(() => parseNotebook('\r\u0000', 'x.regnb'), (e: unknown) => e instanceof NotebookFormatError && e.line === 2 && e.column === 1);
  });

  it('any text gives a notebook or a NotebookFormatError inside the text', GUARD, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let doc;
        try {
          doc = parseNotebook(text, 'x.regnb');
        } catch (e) {
          assert.ok(e instanceof NotebookFormatError, `not a NotebookFormatError: ${String(e)}`);
          // A lone CR ends a line too, as in VS Code's editor, whose positions these are.
          const lines = text.split(/\r\n|\r|\n/);
          if (e.line !== undefined) {
            assert.ok(e.line >= 1 && e.line <= lines.length, `line ${e.line} of ${lines.length}: ${e.message}`);
            assert.ok((e.column ?? 1) >= 1 && (e.column ?? 1) <= lines[e.line - 1].length + 1, `column ${e.column}: ${e.message}`);
          }
          assert.ok(e.reason.length > 0);
          return;
        }
        // What was read can be written and read back to the same notebook.
        assert.ok(Array.isArray(doc.cells));
        assert.deepEqual(parseNotebook(serializeNotebook(doc)), doc);
      }),
      { numRuns: RUNS },
    );
  });
});
