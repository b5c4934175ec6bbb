// TensorFlow.js advertises tfjs-node on the console the first time the cpu backend
// writes a tensor in Node; RegNB's users must not find it in their logs (CLI output,
// the extension's worker). Checked in a fresh process, where the first write happens.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { WASM_DIR } from '../helpers/backend';

const BANNER = /looks like you are running TensorFlow\.js/;

function consoleOf(backend: 'cpu' | 'wasm'): string {
  const backendModule = path.resolve(__dirname, '../../../src/core/engine/backend.ts');
  const script = `
    const tf = require('@tensorflow/tfjs-core');
    const { useBackend } = require(${JSON.stringify(backendModule)});
    useBackend(${JSON.stringify(backend)}, ${JSON.stringify(WASM_DIR)}).then((name) => {
      tf.tensor([1, 2, 3]).square().dataSync();
      console.log('backend ' + name);
    });`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // Both streams: the banner goes to console.warn (stderr).
  return `${run.stdout}${run.stderr}`;
}

describe('backend start-up', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`the ${backend} backend trains without the tfjs-node banner on the console`, () => {
      const out = consoleOf(backend);
      assert.match(out, new RegExp(`backend ${backend}`), 'the backend started and computed');
      assert.doesNotMatch(out, BANNER);
    });
  }
});
