// Whether the layers fit together: which input each layer needs (flat vector, sequence,
// image), what it gives the next one, and whether kernels and pools fit their input.
// Mirrors how the engine builds the network: the first layer decides how the data is
// shaped (src/core/engine/network.ts inputLayoutFor), dense flattens by itself.

import { RECURRENT_LAYER_TYPES, type LayerType } from '../experiment/experiment';
import type { DataResult } from './data';
import { spanIn, type LayerDraft } from './model';
import type { Ctx } from './reader';
import { inputShapeOf } from './sources';

/** Length of each axis of one sample; undefined where it is unknown (CSV files). */
type Dims = (number | undefined)[];

const RANK_NAME: Record<number, string> = { 1: 'a flat vector', 2: 'a sequence', 3: 'images' };
const SEQUENCE_LAYERS: readonly LayerType[] = ['conv1d', 'maxpool1d', ...RECURRENT_LAYER_TYPES];
const IMAGE_LAYERS: readonly LayerType[] = ['conv2d', 'maxpool2d'];

/** Checks the layer order and fills each recurrent layer's returnSequences default. */
export function checkLayout(ctx: Ctx, drafts: LayerDraft[], data: DataResult): void {
  fillReturnSequences(drafts);
  let shape = inputDims(ctx, drafts, data);
  let prev: LayerDraft | undefined;
  for (const d of drafts) {
    if (!d.type) {
      shape = null;
      prev = undefined;
      continue;
    }
    if (d.type === 'dropout') continue;
    const need = SEQUENCE_LAYERS.includes(d.type) ? 2 : IMAGE_LAYERS.includes(d.type) ? 3 : undefined;
    if (shape && need !== undefined && shape.length !== need) {
      reportRank(ctx, d, need, shape.length, prev);
      shape = null;
    }
    shape = outputDims(ctx, d, shape);
    prev = d;
  }
}

/** Recurrent layers return sequences when the next layer reads one (the engine's default, extended to conv1d). */
function fillReturnSequences(drafts: LayerDraft[]): void {
  drafts.forEach((d, i) => {
    if (!d.type || !RECURRENT_LAYER_TYPES.includes(d.type) || d.returnSequences !== undefined) return;
    const next = drafts.slice(i + 1).find((n) => n.type !== 'dropout');
    d.returnSequences = next?.type !== undefined && SEQUENCE_LAYERS.includes(next.type);
  });
}

function inputDims(ctx: Ctx, drafts: LayerDraft[], data: DataResult): Dims | null {
  const first = drafts.find((d) => d.type !== 'dropout');
  if (!first?.type) return null;
  const natural = data.known ? inputShapeOf(data.spec) : undefined;
  if (IMAGE_LAYERS.includes(first.type)) {
    if (natural && natural.length === 3) return natural;
    if (!data.known) return null;
    const rows = data.spec.source === 'file' ? 'a CSV file gives flat rows' : `${data.spec.source} rows are not images`;
    ctx.problems.error(spanIn(ctx, first, first.type, 'key'), `${first.type} needs image input: only the digits data set has images (${rows}); start with dense, conv1d or a recurrent layer`);
    return null;
  }
  if (SEQUENCE_LAYERS.includes(first.type)) {
    // Sequences: sine as it is, images row by row, table rows as one-channel sequences.
    if (!natural) return data.known ? [undefined, 1] : null;
    if (natural.length === 2) return natural;
    if (natural.length === 3) return [natural[0], natural[1] * natural[2]];
    return [natural[0], 1];
  }
  if (!natural) return data.known ? [undefined] : null;
  return [natural.reduce((a, b) => a * b, 1)];
}

function reportRank(ctx: Ctx, d: LayerDraft, need: number, got: number, prev: LayerDraft | undefined): void {
  const type = d.type as LayerType;
  // The usual cause: a recurrent layer told not to return its sequence.
  if (prev?.type && RECURRENT_LAYER_TYPES.includes(prev.type) && need === 2 && prev.keys.has('returnSequences')) {
    ctx.problems.error(
      spanIn(ctx, prev, 'returnSequences'),
      `${prev.label} must return sequences because ${d.label} after it reads a sequence; remove returnSequences: false`,
    );
    return;
  }
  const from = prev ? `${prev.label} before it gives ${RANK_NAME[got]}` : `the data gives ${RANK_NAME[got]}`;
  const hint = need === 3 ? ' (conv2d and maxpool2d work on digits images: put them first or after another conv2d/maxpool2d)' : '';
  ctx.problems.error(spanIn(ctx, d, type, 'key'), `${type} needs ${RANK_NAME[need]} as input, but ${from}${hint}`);
}

function outputDims(ctx: Ctx, d: LayerDraft, shape: Dims | null): Dims | null {
  const type = d.type as LayerType;
  const size = d.size;
  switch (type) {
    case 'dense':
      return size === undefined ? null : [size];
    case 'flatten':
      return shape ? [product(shape)] : null;
    case 'dropout':
      return shape;
    case 'lstm':
    case 'gru':
    case 'simplernn':
      if (size === undefined || !shape) return null;
      return d.returnSequences ? [shape[0], size] : [size];
    case 'conv1d':
    case 'conv2d': {
      if (size === undefined || !shape) return null;
      const spatial = shape.slice(0, -1);
      const kernel = d.kernel ?? spatial.map(() => 3);
      const stride = d.stride ?? spatial.map(() => 1);
      const out: Dims = [];
      for (let axis = 0; axis < spatial.length; axis++) {
        const n = spatial[axis];
        const k = kernel[axis];
        const s = stride[axis];
        if (n === undefined) {
          out.push(undefined);
        } else if (d.padding === 'same') {
          out.push(Math.ceil(n / s));
        } else if (n < k) {
          const where = d.keys.has('kernel') ? spanIn(ctx, d, 'kernel') : spanIn(ctx, d, type, 'key');
          const unit = type === 'conv1d' ? 'steps' : 'pixels';
          ctx.problems.error(where, `${d.label}: kernel ${k} does not fit its input of ${n} ${unit}; use a smaller kernel or padding: same`);
          return null;
        } else {
          out.push(Math.floor((n - k) / s) + 1);
        }
      }
      return [...out, size];
    }
    case 'maxpool1d':
    case 'maxpool2d': {
      if (size === undefined || !shape) return null;
      const spatial = shape.slice(0, -1);
      const out: Dims = [];
      for (const n of spatial) {
        if (n !== undefined && n < size) {
          const unit = type === 'maxpool1d' ? 'steps' : 'pixels';
          ctx.problems.error(spanIn(ctx, d, type), `${d.label}: pool size ${size} is larger than its input of ${n} ${unit}`);
          return null;
        }
        out.push(n === undefined ? undefined : Math.floor((n - size) / size) + 1);
      }
      return [...out, shape[shape.length - 1]];
    }
  }
}

function product(dims: Dims): number | undefined {
  let p = 1;
  for (const n of dims) {
    if (n === undefined) return undefined;
    p *= n;
  }
  return p;
}
