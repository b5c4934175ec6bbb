// What `train.from` needs: the same weights to load, so the same layers with weights
// (types, sizes and everything else that shapes a weight), fed the same input data.

import type { ExperimentSpec, LayerSpec } from '../experiment/experiment';

/** Why `self` cannot start from the weights of `base`, or undefined when it can. */
export function architectureMismatch(self: ExperimentSpec, base: ExperimentSpec): string | undefined {
  const tail = 'from needs the same architecture';
  const b = `'${base.name}'`;
  const data = inputMismatch(self, base);
  if (data) return `train.from: ${data}; from needs the same input data`;
  // Dropout holds no weights: adding or removing it keeps the weights loadable.
  const mine = self.model.filter((l) => l.type !== 'dropout');
  const theirs = base.model.filter((l) => l.type !== 'dropout');
  const n = Math.min(mine.length, theirs.length);
  for (let i = 0; i < n; i++) {
    const [m, t] = [mine[i], theirs[i]];
    if (m.type !== t.type) return `train.from: ${m.name} is ${m.type} here but ${t.type} in ${b} (layer ${t.name}); ${tail}`;
    if (m.size !== t.size) return `train.from: ${m.name} has size ${m.size} here but ${t.size} in ${b}; ${tail}`;
    const diff = shapeDifference(m, t);
    if (diff) return `train.from: ${m.name} differs in ${diff[0]} (${diff[1]} here, ${diff[2]} in ${b}); ${tail}`;
  }
  if (mine.length !== theirs.length) {
    return `train.from: this cell has ${mine.length} layers (dropout aside) but ${b} has ${theirs.length}; ${tail}`;
  }
  return undefined;
}

function inputMismatch(self: ExperimentSpec, base: ExperimentSpec): string | undefined {
  const [a, b] = [self.data, base.data];
  const them = `'${base.name}'`;
  if (a.source !== b.source) return `${them} trained on ${b.source === 'file' ? b.file : b.source}, this cell uses ${a.source === 'file' ? a.file : a.source}`;
  if (a.source === 'file' && a.file !== b.file) return `${them} trained on ${b.file}, this cell uses ${a.file}`;
  if (a.source === 'regression' && a.features !== b.features) return `${them} had ${b.features} features, this cell has ${a.features}`;
  if (a.source === 'sine' && a.window !== b.window) return `${them} had window ${b.window}, this cell has ${a.window}`;
  return undefined;
}

function shapeDifference(m: LayerSpec, t: LayerSpec): [string, string, string] | undefined {
  const show = (v: unknown) => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));
  const fields: (keyof LayerSpec)[] = ['kernel', 'stride', 'padding', 'bias', 'returnSequences'];
  for (const f of fields) {
    if (show(m[f]) !== show(t[f])) return [f, show(m[f]), show(t[f])];
  }
  return undefined;
}
