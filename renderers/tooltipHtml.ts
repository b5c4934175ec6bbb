// The HTML of a chart tooltip. vega-tooltip sets it as innerHTML, and its values are
// data (layer, class and run names), so every key and value is escaped here; there are
// no images or links, only a key/value table. Pure.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function tooltipHtml(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'object' || Array.isArray(value)) return escapeHtml(Array.isArray(value) ? value.join(', ') : value);
  const rows = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<tr><td class="key">${escapeHtml(k)}</td><td class="value">${escapeHtml(v !== null && typeof v === 'object' ? JSON.stringify(v) : v)}</td></tr>`);
  return rows.length ? `<table>${rows.join('')}</table>` : '';
}
