// What a vega view drew, read from its scenegraph: the number of data-mark elements
// (an SVG element per rect, symbol or rule item; one path per line or area) and the
// legend labels. Pure: works on any object shaped like vega's scenegraph (also headless).

export interface SceneMarkLike {
  marktype?: string;
  role?: string;
  items?: SceneItemLike[];
}

export interface SceneItemLike {
  items?: SceneMarkLike[];
  text?: unknown;
}

/** Marks drawn as one element per item. */
const PER_ITEM = new Set(['rect', 'symbol', 'rule', 'path', 'shape', 'arc', 'image']);
/** Marks drawn as one element for all their items. */
const PER_MARK = new Set(['line', 'area', 'trail']);

export interface SceneStats {
  marks: number;
  legend: string[];
  /** Mark elements by vega mark type. */
  byType: Record<string, number>;
}

/** The root mark of `view.scenegraph()` (vega's Scenegraph has it at `.root`). */
export function sceneRoot(scenegraph: unknown): SceneMarkLike | undefined {
  const sg = scenegraph as { root?: SceneMarkLike } | SceneMarkLike | undefined;
  if (!sg) return undefined;
  return (sg as { root?: SceneMarkLike }).root ?? (sg as SceneMarkLike);
}

export function sceneStats(scenegraph: unknown): SceneStats {
  const stats: SceneStats = { marks: 0, legend: [], byType: {} };
  const root = sceneRoot(scenegraph);
  if (root) visit(root, stats, 0);
  return stats;
}

function visit(mark: SceneMarkLike, stats: SceneStats, depth: number): void {
  if (depth > 64) return;
  const items = Array.isArray(mark.items) ? mark.items : [];
  if (mark.marktype === 'group') {
    for (const group of items) for (const child of Array.isArray(group.items) ? group.items : []) visit(child, stats, depth + 1);
    return;
  }
  if (mark.role === 'legend-label') {
    for (const item of items) if (item.text !== undefined && item.text !== null) stats.legend.push(String(item.text));
    return;
  }
  if (mark.role !== 'mark' || mark.marktype === 'text') return;
  const type = mark.marktype ?? '';
  const n = PER_MARK.has(type) ? (items.length > 0 ? 1 : 0) : PER_ITEM.has(type) ? items.length : 0;
  stats.marks += n;
  if (n) stats.byType[type] = (stats.byType[type] ?? 0) + n;
}
