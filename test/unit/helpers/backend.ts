// Tests run on the backend users get on machines without tfjs-node (wasm), unless
// REGNB_TEST_BACKEND names another one.
import * as path from 'path';
import { useBackend, type BackendChoice } from '../../../src/core/engine/backend';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const WASM_DIR = path.join(REPO_ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');

export function testBackend() {
  return useBackend((process.env.REGNB_TEST_BACKEND as BackendChoice | undefined) ?? 'wasm', WASM_DIR);
}
