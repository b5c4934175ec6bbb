// Untrusted text shown as text: escapeControl for terminals and one-line messages,
// escapeMarkdown for tooltips and hovers built from run-store text.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeControl, quoteShort } from '../../../src/core/text/escapeControl';
import { escapeMarkdown } from '../../../src/core/text/escapeMarkdown';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

/** Undoes escapeControl's escapes (the escapes are unambiguous once backslashes are doubled in the input). */
function unescapeControl(text: string): string {
  return text.replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|n|r|t)/g, (_, e: string) =>
    e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : String.fromCharCode(parseInt(e.slice(1), 16)),
  );
}

describe('escapeControl', () => {
  it('turns terminal escape sequences into visible text', () => {
    assert.equal(escapeControl('a\u001b]0;title\u0007b\u001b[2J\r\n\t\u009b'), 'a\\x1b]0;title\\x07b\\x1b[2J\\r\\n\\t\\x9b');
    assert.equal(escapeControl('rtl\u202eexe.txt'), 'rtl\\u202eexe.txt');
    assert.equal(escapeControl('line\nbreak', '\n'), 'line\nbreak');
    assert.equal(escapeControl('plain – ünïcode ✓'), 'plain – ünïcode ✓');
  });

  it('leaves no control character in any string and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeControl(s);
        assert.ok(!CONTROL.test(out));
        // Without backslashes in the input, the escapes can be undone exactly.
        if (!s.includes('\\')) assert.equal(unescapeControl(out), s);
      }),
      { numRuns: 500 },
    );
  });

  it('quoteShort cuts to 24 characters, says so, and escapes', () => {
    assert.equal(quoteShort('a"b'), '"a\\"b"');
    assert.equal(quoteShort('x'.repeat(30)), `"${'x'.repeat(24)}…"`);
    assert.equal(quoteShort('\u001b[2J'), '"\\x1b[2J"');
  });
});

describe('escapeMarkdown', () => {
  it('links, images, HTML and autolinks become literal text', () => {
    assert.equal(escapeMarkdown('![x](https://t.example/p.png)'), '\\!\\[x\\]\\(https\\:\\/\\/t\\.example\\/p\\.png\\)');
    assert.equal(escapeMarkdown('[run](command:workbench.action.terminal.new)'), '\\[run\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)');
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    assert.equal(escapeMarkdown('**bold** `code` &amp;'), '\\*\\*bold\\*\\* \\`code\\` \\&amp\\;');
  });

  it('escapes every ASCII punctuation character (CommonMark: an escaped one is always literal) and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => {
        const out = escapeMarkdown(s);
        // Removing the escapes gives the text back (after control characters were made visible).
        assert.equal(out.replace(/\\([!-/:-@[-`{-~])/g, '$1'), escapeControl(s));
        // Read left to right, every punctuation character is the second of an escape pair.
        const PUNCT = /[!-/:-@[-`{-~]/;
        for (let i = 0; i < out.length; i++) {
          if (out[i] === '\\' && PUNCT.test(out[i + 1] ?? '')) i++;
          else assert.ok(!PUNCT.test(out[i]), `unescaped ${out[i]} in ${out}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
