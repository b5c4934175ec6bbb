// A bundle loaded through the code cache behaves as `require` would load it, and the
// cache is used only when it is the one made from this bundle's bytes: a damaged file, a
// changed bundle of the same length (V8 itself checks only the length) and an unwritable
// folder all load the bundle without a cache.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Module } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { codeCacheDir, loadCachedBundle } from '../../../src/worker/cachedBundle';

const LOADER = path.resolve(__dirname, '../../../src/worker/cachedBundle.ts');

/**
 * Loads `file` in a process of its own with `options`, calls its `later()` (a function
 * first compiled after the load), and prints the load's cache use and the cache files
 * present before the process exits.
 */
function loadInChild(file: string, cacheDir: string, options: object): { cache: string; filesBeforeExit: string[] } {
  const code = [
    `const { loadCachedBundle } = require(${JSON.stringify(LOADER)});`,
    `const fs = require('node:fs');`,
    `const r = loadCachedBundle(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)}, undefined, ${JSON.stringify(options)});`,
    'if (r.exports.later() !== 4950) throw new Error("later() is wrong");',
    `const files = fs.existsSync(${JSON.stringify(cacheDir)}) ? fs.readdirSync(${JSON.stringify(cacheDir)}) : [];`,
    'console.log(JSON.stringify({ cache: r.cache, filesBeforeExit: files }));',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { cache: string; filesBeforeExit: string[] };
}

/** A bundle with a function of some size that its top level does not call. */
function bundleWithLater(dir: string): string {
  const file = path.join(dir, 'later.js');
  const sums = Array.from({ length: 60 }, (_, i) => `  if (n === ${i + 1000}) s += ${i} * Math.sqrt(n);`).join('\n');
  fs.writeFileSync(file, `exports.later = function later() {\n  let s = 0;\n  for (let n = 0; n < 100; n++) {\n    s += n;\n${sums}\n  }\n  return s;\n};\n`);
  return file;
}

function bundle(dir: string, answer: string): string {
  const file = path.join(dir, 'bundle.js');
  fs.writeFileSync(file, [
    `exports.answer = ${answer};`,
    'exports.file = __filename;',
    'exports.dir = __dirname;',
    "exports.sep = require('node:path').sep;",
    'exports.same = module.exports === exports && this === exports;',
    'function square(x) { return x * x; }',
    'exports.squares = [1, 2, 3].map(square);',
  ].join('\n'));
  return file;
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-code-cache-'));
const caches = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : []);

describe('cached bundle', () => {
  it('runs the bundle as require does, writes the cache once and then uses it', () => {
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    const file = bundle(dir, '6 * 7');
    const first = loadCachedBundle(file, cache);
    assert.equal(first.cache, 'written');
    assert.deepEqual(first.exports, { answer: 42, file, dir, sep: path.sep, same: true, squares: [1, 4, 9] });
    assert.equal(caches(cache).length, 1);
    const second = loadCachedBundle(file, cache);
    assert.equal(second.cache, 'hit');
    assert.deepEqual(second.exports, first.exports);
  });

  it('loads without the cache when its file is damaged, and writes a good one', () => {
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    const file = bundle(dir, '6 * 7');
    loadCachedBundle(file, cache);
    const cacheFile = path.join(cache, caches(cache)[0]);
    const bytes = fs.readFileSync(cacheFile);
    bytes[bytes.length - 10] ^= 0xff;
    fs.writeFileSync(cacheFile, bytes);
    const damaged = loadCachedBundle(file, cache);
    assert.equal(damaged.cache, 'damaged');
    assert.equal((damaged.exports as { answer: number }).answer, 42);
    assert.equal(loadCachedBundle(file, cache).cache, 'hit');
    fs.writeFileSync(cacheFile, 'short');
    assert.equal(loadCachedBundle(file, cache).cache, 'damaged');
  });

  it('a changed bundle of the same length gets a cache of its own and the old one is dropped', () => {
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    const file = bundle(dir, '6 * 7');
    loadCachedBundle(file, cache);
    const old = caches(cache);
    const before = fs.statSync(file).size;
    bundle(dir, '6 * 8');
    assert.equal(fs.statSync(file).size, before);
    const changed = loadCachedBundle(file, cache);
    assert.equal(changed.cache, 'written');
    assert.equal((changed.exports as { answer: number }).answer, 48);
    assert.equal(caches(cache).length, 1);
    assert.notDeepEqual(caches(cache), old);
  });

  it('loads without a cache when its folder cannot be written', () => {
    const dir = tempDir();
    const file = bundle(dir, '6 * 7');
    const notAFolder = path.join(dir, 'file');
    fs.writeFileSync(notAFolder, '');
    const loaded = loadCachedBundle(file, notAFolder);
    assert.equal(loaded.cache, 'unwritable');
    assert.equal((loaded.exports as { answer: number }).answer, 42);
  });

  it("throws the bundle's own errors, and gives the bundle the module it is handed", () => {
    const dir = tempDir();
    const broken = path.join(dir, 'broken.js');
    fs.writeFileSync(broken, "throw new Error('the bundle failed');");
    assert.throws(() => loadCachedBundle(broken, path.join(dir, 'cache')), /the bundle failed/);
    const launcher = new Module(path.join(dir, 'launcher.js'));
    const file = bundle(dir, '1');
    assert.equal(loadCachedBundle(file, path.join(dir, 'cache'), launcher).exports, launcher.exports);
    assert.equal((launcher.exports as { answer: number }).answer, 1);
  });

  it('written at exit, the cache holds what the run compiled after the load, under the run kind\'s own name', () => {
    const dir = tempDir();
    const file = bundleWithLater(dir);
    const atExit = path.join(dir, 'exit');
    const first = loadInChild(file, atExit, { writeAt: 'exit', variant: 'run' });
    assert.equal(first.cache, 'at exit');
    assert.deepEqual(first.filesBeforeExit, [], 'nothing is written while the run goes on');
    const written = caches(atExit);
    assert.equal(written.length, 1);
    assert.match(written[0], /^later\.run-/);
    assert.equal(loadInChild(file, atExit, { writeAt: 'exit', variant: 'run' }).cache, 'hit');
    // Another kind of run keeps a cache of its own, and leaves this one.
    assert.equal(loadInChild(file, atExit, { writeAt: 'exit', variant: 'check' }).cache, 'at exit');
    assert.equal(caches(atExit).length, 2);
    // The same bundle's cache made at load, before later() ran, holds less.
    const atLoad = path.join(dir, 'load');
    assert.equal(loadInChild(file, atLoad, {}).cache, 'written');
    const size = (d: string, f: string) => fs.statSync(path.join(d, f)).size;
    assert.ok(size(atExit, written[0]) > size(atLoad, caches(atLoad)[0]) + 200, `${size(atExit, written[0])} vs ${size(atLoad, caches(atLoad)[0])} bytes`);
  });

  it('finds the per-user cache folder of each platform, and none when turned off', () => {
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u'), path.join('/x/cache', 'regnb', 'code-cache'));
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u'), path.join('/home/u', '.cache', 'regnb', 'code-cache'));
    assert.equal(codeCacheDir({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'regnb', 'code-cache'));
    assert.equal(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'), path.join('C:\\Users\\u\\AppData\\Local', 'regnb', 'cache', 'code-cache'));
    assert.equal(codeCacheDir({}, 'win32', 'C:\\Users\\u'), undefined);
    assert.equal(codeCacheDir({ REGNB_CODE_CACHE: '0', XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u'), undefined);
  });
});
