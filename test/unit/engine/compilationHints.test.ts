// V8's compilation hints section (fused/compilationHints.ts): where it goes, which
// function each hint is for (defined functions only, after the imported ones), and that
// V8 follows it for the fused engine's kernels: TurboFan code only, no Liftoff code (the
// cold run's first epochs; a V8 that dropped the hints would lose that silently).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { allowCompilationHints, turbofanHint, withCompilationHints } from '../../../src/core/engine/fused/compilationHints';
import { REPO_ROOT } from '../helpers/backend';

// This project's Node typings have no WebAssembly (the DOM library, which has, is kept out).
const wasm = (globalThis as unknown as { WebAssembly: { Module: new (b: Uint8Array) => object; Instance: new (m: object, imports: object) => { exports: object }; Memory: new (d: { initial: number }) => object } }).WebAssembly;

const bytes = (...parts: (number | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : [p])));

/** Imports function `m.f` and a memory, defines two functions (indices 1 and 2), exports them as "b" (1) and "a" (2). */
const MODULE = bytes(
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
  0x02, 0x10, 0x02, 0x01, 'm', 0x01, 'f', 0x00, 0x00, 0x01, 'm', 0x03, 'mem', 0x02, 0x00, 0x01,
  0x03, 0x03, 0x02, 0x00, 0x00,
  0x07, 0x09, 0x02, 0x01, 'b', 0x00, 0x01, 0x01, 'a', 0x00, 0x02,
  0x0a, 0x07, 0x02, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b,
);
const FUNCTION_SECTION_END = 8 + 6 + 18 + 5;

describe('compilation hints', () => {
  it('go right after the function section, one hint per defined function in index order, by export name', () => {
    const hinted = withCompilationHints(MODULE, (name) => (name === 'a' ? 0xa : name === 'b' ? 0xb : 0));
    assert.deepEqual(hinted.subarray(0, FUNCTION_SECTION_END), MODULE.subarray(0, FUNCTION_SECTION_END));
    const section = bytes(0x00, 1 + 16 + 1 + 2, 16, 'compilationHints', 2, 0xb, 0xa);
    assert.deepEqual(hinted.subarray(FUNCTION_SECTION_END, FUNCTION_SECTION_END + section.length), section);
    assert.deepEqual(hinted.subarray(FUNCTION_SECTION_END + section.length), MODULE.subarray(FUNCTION_SECTION_END));
  });

  it('make a module V8 compiles and runs as before', () => {
    allowCompilationHints();
    const hinted = withCompilationHints(MODULE, () => turbofanHint('eager'));
    const instance = new wasm.Instance(new wasm.Module(hinted), { m: { f: () => undefined, mem: new wasm.Memory({ initial: 1 }) } });
    assert.deepEqual(Object.keys(instance.exports).sort(), ['a', 'b']);
  });

  it('leave a module without functions as it is', () => {
    const empty = MODULE.subarray(0, 8);
    assert.equal(withCompilationHints(empty, () => 0), empty);
  });

  it('make V8 compile the fused kernels with TurboFan only: the eager ones with the module, the others at their first call', () => {
    // V8 reports each function it compiles; the markers fence off the kernels' own lines.
    const script = `
      const { writeSync } = require('node:fs');
      const { kernelsModule } = require(${JSON.stringify(path.join(REPO_ROOT, 'src/core/engine/fused/wasmKernels.ts'))});
      writeSync(1, 'BEGIN\\n');
      const { module } = kernelsModule();
      const { exports } = new WebAssembly.Instance(module, { env: { memory: new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }) } });
      writeSync(1, 'CALL\\n');
      exports.relu(1024, 1024, 0);
      exports.hiddenIntoOutput3(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      writeSync(1, 'END\\n');`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--trace-wasm-compilation-times', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const between = (a: string, b: string) => lines.slice(lines.indexOf(a) + 1, lines.indexOf(b)).filter((l) => l.startsWith('Compiled function'));
    const compile = between('BEGIN', 'CALL');
    const calls = between('CALL', 'END');
    // heapBase, adam and penaltyGradient with the module; relu and the record's case only at their calls.
    assert.equal(compile.length, 3, `the eager kernels compiled with the module:\n${compile.join('\n')}`);
    assert.ok(compile.every((l) => l.includes('using TurboFan')), compile.join('\n'));
    assert.equal(calls.length, 2, calls.join('\n'));
    assert.ok(calls.every((l) => l.includes('using TurboFan')), calls.join('\n'));
  });
});
