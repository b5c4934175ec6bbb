// A run's model as files (contract section 4): model.json + weights.bin in TensorFlow.js
// layers format, loadable by tf.loadLayersModel. Laid out from what a tfjs save handler
// receives, and read back in that same form (what train.from starts from).

import * as fs from 'fs/promises';
import * as path from 'path';
import { RunStoreError } from './runStoreError';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

export type WeightDtype = 'float32' | 'int32' | 'bool' | 'string' | 'complex64';

/** One weight tensor in a weights manifest (tfjs WeightsManifestEntry). */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: WeightDtype;
}

/** What a tfjs `io.withSaveHandler` receives (tfjs ModelArtifacts, layers format). */
export interface ModelArtifacts {
  modelTopology: object;
  weightSpecs: WeightSpec[];
  /** One buffer, or several concatenated in order (tfjs 4 may hand either). */
  weightData: ArrayBuffer | ArrayBuffer[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  trainingConfig?: object;
  userDefinedMetadata?: Record<string, unknown>;
}

/** A model already laid out as files: model.json's content and the weights' bytes. */
export interface ModelFiles {
  modelJson: object;
  weights: Uint8Array | ArrayBuffer;
}

/** A stored model read back: the weights in one buffer. */
export interface StoredModel extends ModelArtifacts {
  weightData: ArrayBuffer;
}

/** The model stored in a run folder, in the form a tfjs save handler receives. */
export async function readModelArtifacts(dir: string): Promise<StoredModel> {
  const file = path.join(dir, MODEL_FILE);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new RunStoreError(`${file}: cannot read the stored model: ${(e as Error).message}`, 'EMODEL');
  }
  if (typeof json !== 'object' || json === null || typeof json.modelTopology !== 'object' || json.modelTopology === null) {
    throw new RunStoreError(`${file}: no modelTopology`, 'EMODEL');
  }
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest)) throw new RunStoreError(`${file}: no weightsManifest`, 'EMODEL');
  const specs: WeightSpec[] = [];
  const buffers: Uint8Array[] = [];
  for (const group of manifest as { paths?: unknown; weights?: unknown }[]) {
    if (!Array.isArray(group?.paths) || !Array.isArray(group.weights)) throw new RunStoreError(`${file}: a weightsManifest group needs paths and weights`, 'EMODEL');
    for (const p of group.paths) {
      // Only files inside the run folder: a model.json from elsewhere cannot make us read other files.
      if (typeof p !== 'string' || p === '' || path.isAbsolute(p) || p.split(/[\\/]/).includes('..')) {
        throw new RunStoreError(`${file}: weights path ${JSON.stringify(p)} is not a file of the run folder`, 'EMODEL');
      }
      try {
        buffers.push(await fs.readFile(path.join(dir, p)));
      } catch (e) {
        throw new RunStoreError(`${path.join(dir, p)}: cannot read the weights: ${(e as Error).message}`, 'EMODEL');
      }
    }
    specs.push(...(group.weights as WeightSpec[]));
  }
  const weightData = concat(buffers);
  const expected = expectedBytes(specs);
  if (expected !== undefined && expected !== weightData.byteLength) {
    throw new RunStoreError(`${dir}: the weights hold ${weightData.byteLength} bytes but the manifest describes ${expected}`, 'EMODEL');
  }
  const out: StoredModel = { modelTopology: json.modelTopology as object, weightSpecs: specs, weightData };
  if (typeof json.format === 'string') out.format = json.format;
  if (typeof json.generatedBy === 'string') out.generatedBy = json.generatedBy;
  if (typeof json.convertedBy === 'string' || json.convertedBy === null) out.convertedBy = json.convertedBy as string | null;
  if (typeof json.trainingConfig === 'object' && json.trainingConfig !== null) out.trainingConfig = json.trainingConfig;
  if (typeof json.userDefinedMetadata === 'object' && json.userDefinedMetadata !== null) out.userDefinedMetadata = json.userDefinedMetadata as Record<string, unknown>;
  return out;
}

/** model.json's content and the weights' bytes, from artifacts or files already laid out. */
export function modelFiles(a: ModelArtifacts | ModelFiles): { json: object; weights: Uint8Array } {
  if ('modelJson' in a) {
    const weights = a.weights instanceof Uint8Array ? a.weights : new Uint8Array(a.weights);
    return { json: a.modelJson, weights };
  }
  if (!isObject(a.modelTopology)) throw new RunStoreError('model artifacts without a modelTopology', 'EMODEL');
  const weights = new Uint8Array(concat((Array.isArray(a.weightData) ? a.weightData : [a.weightData]).map((b) => new Uint8Array(b))));
  const expected = expectedBytes(a.weightSpecs);
  if (expected !== undefined && expected !== weights.byteLength) {
    throw new RunStoreError(`model artifacts: ${weights.byteLength} bytes of weights but the specs describe ${expected}`, 'EMODEL');
  }
  // Key order as tfjs's own file handlers write it.
  const json: Record<string, unknown> = {
    modelTopology: a.modelTopology,
    format: a.format ?? 'layers-model',
    generatedBy: a.generatedBy ?? 'regnb',
    convertedBy: a.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: a.weightSpecs }],
  };
  if (a.trainingConfig) json.trainingConfig = a.trainingConfig;
  if (a.userDefinedMetadata) json.userDefinedMetadata = a.userDefinedMetadata;
  return { json, weights };
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };

/** Bytes the specs describe, or undefined when that cannot be known (strings). */
function expectedBytes(specs: readonly WeightSpec[]): number | undefined {
  let total = 0;
  for (const s of specs) {
    const q = (s as { quantization?: { dtype?: string } }).quantization;
    const bytes = DTYPE_BYTES[q?.dtype ?? s.dtype];
    if (bytes === undefined || !Array.isArray(s.shape)) return undefined;
    total += bytes * s.shape.reduce((a, b) => a * b, 1);
  }
  return total;
}

function concat(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((a, p) => a + p.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out.buffer;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
