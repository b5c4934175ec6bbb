// Where the bundled data sets and the wasm binaries are, whether the CLI runs from
// its bundle (dist/cli.js, wasm files copied beside it) or from source via tsx.

import * as fs from 'fs';
import * as path from 'path';

export function installPaths(): { root: string; dataDir: string; wasmDir: string } {
  let root = __dirname;
  while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
  const dist = path.join(root, 'dist');
  const wasmDir = fs.existsSync(path.join(dist, 'tfjs-backend-wasm.wasm'))
    ? dist
    : path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
  return { root, dataDir: path.join(root, 'data'), wasmDir };
}
