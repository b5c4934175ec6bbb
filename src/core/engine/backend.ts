// Chooses the TensorFlow.js backend. tfjs-node is an optional dependency that cannot
// install on machines without internet access, so wasm (which ships its binaries in
// the npm package) is the normal backend and the pure-JS cpu backend the last resort.

import * as tf from '@tensorflow/tfjs-core';
// The package's main file is not in its sideEffects list, so bundlers would drop a bare import of it.
import '@tensorflow/tfjs-backend-cpu/dist/index.js';
// Gradients are registered separately from the ops; training needs all of them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
// tfjs-layers' initializers call chained tensor methods (t.flatten()).
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendName } from '../run/result';
import type { BackendChoice } from './backendChoice';
import { registerWasmConv2dFilterGrad } from './wasmConv2dFilterGrad';
import { registerWasmSliceKernels } from './wasmSliceKernels';
import { prepareKernels } from './fused/wasmKernels';

export { BACKEND_CHOICES, type BackendChoice } from './backendChoice';

let active: BackendName | undefined;

/**
 * Activates a backend once per process (switching later would orphan the weights of
 * models built on the previous one). `wasmDir` is the folder holding the
 * tfjs-backend-wasm*.wasm files (node_modules in development, dist/ when bundled).
 */
export async function useBackend(choice: BackendChoice, wasmDir: string): Promise<BackendName> {
  if (active && (choice === 'auto' || choice === active)) return active;
  const order: BackendName[] = choice === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [choice];
  const failures: string[] = [];
  for (const name of order) {
    try {
      if (await activate(name, wasmDir)) {
        // The fused engine's kernels (whatever the backend, dense networks train on them)
        // compile on V8's background threads while the data is prepared and the network
        // built (wasmKernels.ts). Not earlier: V8 resolved tfjs's own wasm compile only
        // after this one, which delayed the backend's start by the whole compile (~11 ms).
        prepareKernels();
        active = name;
        return name;
      }
      failures.push(`${name}: not available`);
    } catch (e) {
      failures.push(`${name}: ${(e as Error).message}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could be started (${failures.join('; ')})`);
}

async function activate(name: BackendName, wasmDir: string): Promise<boolean> {
  switch (name) {
    case 'tensorflow':
      // The native binding registers itself under the name 'tensorflow' on import.
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('@tensorflow/tfjs-node');
      } catch {
        return false;
      }
      return quietly(() => tf.setBackend('tensorflow'));
    case 'wasm':
      setWasmPaths(wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`);
      registerWasmConv2dFilterGrad();
      registerWasmSliceKernels();
      return quietly(() => tf.setBackend('wasm'));
    case 'cpu':
      return quietly(() => tf.setBackend('cpu'));
  }
}

/**
 * tfjs prints an advertisement for tfjs-node ("Hi, looks like you are running
 * TensorFlow.js in Node.js...") into users' logs: the cpu backend on its first tensor
 * write, not when it starts. So the first write happens here, with the console quiet.
 */
async function quietly(start: () => Promise<boolean>): Promise<boolean> {
  const log = console.log;
  const warn = console.warn;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    const ok = await start();
    if (ok) {
      await tf.ready();
      tf.scalar(0).dispose();
    }
    return ok;
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

export function activeBackend(): BackendName | undefined {
  return active;
}
