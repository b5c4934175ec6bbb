// Text from a run store or a notebook placed in Markdown (tree tooltips, hovers) must
// read as text: a cloned store's `[x](command:...)` or `![](https://tracker/...)` must
// not become a link or fetch an image, `<img>` must not become HTML.

import { escapeControl } from './escapeControl';

// CommonMark lets a backslash escape any ASCII punctuation, and an escaped character is
// always literal: escaping all of them needs no knowledge of which ones start syntax.
// It also breaks `https://` so no renderer autolinks it.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** `text` as literal Markdown text, on one line, control characters made visible. */
export function escapeMarkdown(text: string): string {
  return escapeControl(String(text)).replace(PUNCTUATION, '\\$&');
}
