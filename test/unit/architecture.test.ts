// The layering, checked on the source: pure logic (src/core) imports neither the
// threads (src/worker), the extension (src/extension), the renderer (renderers/) nor
// `vscode`; the renderer imports nothing from the extension, and nothing it reaches
// (its own files and the core files they import, followed transitively) needs Node.
// Type-only imports count: they couple the code as much as value imports do.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { builtinModules } from 'module';

const ROOT = path.resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.isFile() && e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier a file names: static and dynamic imports, re-exports, require. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  // Comments may name modules in prose; they are not imports.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

/** The file a relative specifier names, or undefined for packages. */
function resolveRelative(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return base;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

describe('architecture', () => {
  it('finds the imports it checks (the scanner itself)', () => {
    const text = [
      "import * as a from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "import './side';",
      "const d = await import('./d');",
      "const e = require('e');",
      '// import { no } from "./comment";',
      "import {\n  multi,\n  line,\n} from './multi';",
    ].join('\n');
    assert.deepEqual(specifiers(text).sort(), ['../b', './a', './c', './d', './multi', './side', 'e'].sort());
  });

  it('src/core imports neither src/worker, src/extension, renderers/ nor vscode', () => {
    const forbidden = ['src/worker/', 'src/extension/', 'renderers/'];
    const offences: string[] = [];
    for (const file of tsFiles(path.join(ROOT, 'src/core'))) {
      for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
        const target = resolveRelative(file, spec);
        if (spec === 'vscode' || spec.startsWith('vscode/')) offences.push(`${rel(file)} imports ${spec}`);
        else if (target && forbidden.some((f) => rel(target).startsWith(f))) offences.push(`${rel(file)} imports ${rel(target)}`);
      }
    }
    assert.ok(tsFiles(path.join(ROOT, 'src/core')).length > 50, 'the core was found');
    assert.deepEqual(offences, []);
  });

  it('the renderer imports nothing from src/extension or src/worker, and nothing it reaches needs Node or vscode', () => {
    const offences: string[] = [];
    const seen = new Set<string>();
    const queue = tsFiles(path.join(ROOT, 'renderers'));
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
        const target = resolveRelative(file, spec);
        if (target) {
          const r = rel(target);
          if (r.startsWith('src/extension/') || r.startsWith('src/worker/')) offences.push(`${rel(file)} imports ${r}`);
          else if (target.endsWith('.ts')) queue.push(target);
        } else if (spec === 'vscode' || isNodeBuiltin(spec)) {
          offences.push(`${rel(file)} imports ${spec}`);
        }
      }
    }
    assert.ok([...seen].some((f) => rel(f).startsWith('src/core/charts/')), 'the walk reached the core chart files the renderer draws with');
    assert.deepEqual(offences, []);
  });
});
