// Aligned plain-text tables for stdout, and the few statistics the tables need.

export type Cell = string | number;

/** Prints a titled table; numbers are right-aligned, text left-aligned. */
export function printTable(title: string, headers: string[], rows: Cell[][], notes: string[] = []): void {
  const text = rows.map((r) => r.map((c) => String(c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const right = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[-+]?[\d.,]+(e[-+]?\d+)?\s*(x|%|s|ms|MB)?$|^-$/.test(String(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of text) console.log(line(r));
  for (const n of notes) console.log(`  ${n}`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Fixed decimals, or '-' for a missing value. */
export function fmt(v: number | undefined, decimals: number): string {
  return v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(decimals);
}

/** A ratio like `4.2x`. */
export function times(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '-' : `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}x`;
}
