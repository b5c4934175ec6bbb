// The order to run experiment cells: notebook order, except that a cell named in another
// cell's train.from is pulled forward to run just before it (it must have trained first).

/**
 * Cell names in run order: topological and stable (cells keep notebook order unless a
 * `from` pulls one forward). A `from` naming no given spec is ignored; a cycle is left in
 * notebook order.
 */
export function runOrder(specs: readonly { name: string; train: { from?: string } }[]): string[] {
  type Spec = (typeof specs)[number];
  const byName = new Map<string, Spec>();
  for (const s of specs) if (!byName.has(s.name)) byName.set(s.name, s);
  const placed = new Set<Spec>();
  const visiting = new Set<Spec>();
  const out: string[] = [];
  const visit = (s: Spec): void => {
    if (placed.has(s) || visiting.has(s)) return;
    visiting.add(s);
    const from = s.train.from === undefined ? undefined : byName.get(s.train.from);
    if (from !== undefined) visit(from);
    visiting.delete(s);
    placed.add(s);
    out.push(s.name);
  };
  specs.forEach(visit);
  return out;
}
