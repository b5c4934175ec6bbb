// Text that came from a notebook, a data file or a run store is shown as text: control
// characters (escape sequences retitle a terminal window, clear the screen or hide what
// follows; bidirectional overrides reorder what is read) become visible escapes.
// One helper for every place such text reaches a terminal or a one-line message.

// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

/** `text` with every control character as a visible escape (`\x1b`, `\n`, `\u202e`); `keep` lists characters to leave as they are. */
export function escapeControl(text: string, keep = ''): string {
  return String(text).replace(UNSAFE, (c) => {
    if (keep.includes(c)) return c;
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A value from a file, quoted for a message: control characters escaped and at most
 * `max` characters shown (what is cut is said, never shown).
 */
export function quoteShort(text: string, max = 24): string {
  const chars = [...String(text)];
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
  return `"${escapeControl(shown).replace(/"/g, '\\"')}"`;
}
