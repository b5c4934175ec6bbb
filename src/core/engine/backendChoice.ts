// The backend names users choose from (setting, CLI flag), apart from backend.ts so
// that code which only names a backend does not pull TensorFlow.js into its bundle.
import type { BackendName } from '../run/result';

export type BackendChoice = 'auto' | BackendName;
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'tensorflow', 'wasm', 'cpu'];
