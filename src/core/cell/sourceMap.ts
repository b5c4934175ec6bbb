// Dotted paths (`train.from`, `model.0.dense`, `model.1.regularize.kernel.l2`) to spans
// in the cell, for checks made after parsing: a missing `from` cell, a CSV column that
// does not exist, a shape mismatch found by the engine.

import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import type { SourceMap } from '../experiment/experiment';
import type { Span } from './problems';
import { CELL_LIMITS, firstLineSpan, headSpanOf, isEmpty, resolved, spanOf, type CellYaml } from './yamlSource';

/**
 * The SourceMap of the contract, plus the span of a path's key. Calling it gives where to
 * point a problem about the path's value: the value itself for a scalar, the key for a map
 * or list value (or an empty one), the first line for a list item. Unknown paths fall back
 * to their nearest known ancestor, then to the first line of the cell.
 */
export type CellSourceMap = SourceMap & {
  /** The span of the key of the path (for list items: the item's first line). */
  key(path: string): Span;
  /** Whether the cell holds the path itself (no fallback). */
  has(path: string): boolean;
};

interface Entry {
  key: Span;
  value: Span;
}

export function buildSourceMap(y: CellYaml | null): CellSourceMap {
  const entries = new Map<string, Entry>();
  const fallback: Span = y ? firstLineSpan(y) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (y?.doc.contents) walk(y, resolved(y, y.doc.contents), '', entries, new Set(), 1);

  const find = (path: string): Entry | undefined => {
    const parts = path.split('.').filter((p) => p !== '');
    for (let n = parts.length; n > 0; n--) {
      const e = entries.get(parts.slice(0, n).join('.'));
      if (e) return e;
    }
    return undefined;
  };
  const map = ((path: string) => ({ ...(find(path)?.value ?? fallback) })) as CellSourceMap;
  map.key = (path: string) => ({ ...(find(path)?.key ?? fallback) });
  map.has = (path: string) => entries.has(path);
  return map;
}

// Each node is walked once, under the first path that reaches it: a node shared through
// aliases (`b: *a`) keeps the spans of its anchor, and paths through the alias fall back
// to the alias itself. Walking shared nodes again would cost what expanding every alias
// costs: exponential in the nesting of aliases of aliases. `seen` also stops alias cycles,
// and the depth limit the recursion in a cell refused for nesting too deep.
function walk(y: CellYaml, node: ParsedNode | null, path: string, out: Map<string, Entry>, seen: Set<ParsedNode>, depth: number): void {
  if (!node || seen.has(node) || depth > CELL_LIMITS.maxDepth) return;
  seen.add(node);
  const join = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const p = join(String(pair.key.value));
      if (out.has(p)) continue; // a duplicate key: the first one is the one that counts
      const key = spanOf(y, pair.key);
      const value = resolved(y, pair.value);
      out.set(p, { key, value: value && !isEmpty(value) && isScalar(value) ? spanOf(y, value) : key });
      walk(y, value, p, out, seen, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const value = resolved(y, item);
      if (!value) return;
      const head = headSpanOf(y, value);
      out.set(join(i), { key: head, value: isScalar(value) ? spanOf(y, value) : head });
      walk(y, value, join(i), out, seen, depth + 1);
    });
  }
}
