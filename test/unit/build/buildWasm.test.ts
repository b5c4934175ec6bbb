// scripts/buildWasm.mjs skips the kernels' compile when the module on disk records the
// same inputs (compiler, arguments, every file the compiler read): a copy of the script
// and the kernels' sources in a folder of their own, so that the repo's files stay as they are.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/backend';

const SOURCES = ['scripts/buildWasm.mjs', 'src/core/engine/fused/assembly/kernels.ts', 'src/core/experiment/penaltyFormulas.ts'];
const MODULE = 'src/core/engine/fused/kernelsWasm.generated.ts';

function build(root: string): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/buildWasm.mjs')], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

describe('buildWasm', () => {
  it('compiles when an input changed, and only then', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-buildwasm-'));
    try {
      for (const f of SOURCES) {
        fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
        fs.copyFileSync(path.join(REPO_ROOT, f), path.join(root, f));
      }
      fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
      const moduleText = () => fs.readFileSync(path.join(root, MODULE), 'utf8');
      const wasmLine = (text: string) => text.split('\n').find((l) => l.startsWith('export const KERNELS_WASM_BASE64'))!;

      assert.equal(build(root).code, 0);
      const built = moduleText();
      const inputs = JSON.parse(/^\/\/ inputs: (.*)$/m.exec(built)![1]) as { files: string[] };
      // The compiler's own reads: the kernels and the penalty formulas they import.
      assert.deepEqual(inputs.files, ['src/core/engine/fused/assembly/kernels.ts', 'src/core/experiment/penaltyFormulas.ts']);
      // The same module as the repo's own build.
      assert.equal(wasmLine(built), wasmLine(fs.readFileSync(path.join(REPO_ROOT, MODULE), 'utf8')));

      // Unchanged inputs: the module is left as it is, even a module spoiled by hand.
      const spoiled = built.replace(wasmLine(built), "export const KERNELS_WASM_BASE64 = 'spoiled';");
      fs.writeFileSync(path.join(root, MODULE), spoiled);
      assert.equal(build(root).code, 0);
      assert.equal(moduleText(), spoiled);

      // A file the compiler read changed (a comment only): compiled again, the same binary.
      fs.appendFileSync(path.join(root, 'src/core/experiment/penaltyFormulas.ts'), '\n// a comment\n');
      assert.equal(build(root).code, 0);
      assert.equal(wasmLine(moduleText()), wasmLine(built));
      assert.notEqual(moduleText(), built, 'the recorded inputs changed with the file');

      // A kernel that does not compile fails the build, whatever the module records.
      fs.appendFileSync(path.join(root, 'src/core/engine/fused/assembly/kernels.ts'), '\nexport function broken(): i32 { return undefinedName; }\n');
      const broken = build(root);
      assert.notEqual(broken.code, 0);
      assert.match(broken.stderr, /undefinedName/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
