// Loads a CommonJS bundle as `require` would, but with V8's compiled code for it kept in a
// per-user cache folder: a sweep thread spent most of its start (~0.18 of ~0.28 G
// instructions above an empty thread) parsing and compiling its 1.8 MB bundle, every
// thread of every run. Bundled on its own (dist/cachedBundle.js), so that loading it
// compiles almost nothing.
//
// V8 checks a code cache's header (V8 version, flags, source length) but, in release
// builds, not its contents: a damaged file could crash the thread. So each file carries
// our own SHA-256 of its payload, and is named by the bundle's content hash and the V8
// that made it. Any failure of the cache (unreadable, damaged, rejected, unwritable
// folder) loads the bundle without one; an error of the bundle's own code is thrown as
// `require` would throw it. A bundle loaded here must not use import(): Node 20 loses a
// vm script's dynamic-import callback when its code comes from a cache (and the callback
// that resolves like `require` is experimental and warns), so the build turns import() into
// require in these bundles and checks that none is left (scripts/build.mjs).

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const MAGIC = Buffer.from('regnb-v8-cache-1\n');
const DIGEST_BYTES = 32;
const SUFFIX = '.v8cache';

/** What the cache did for one load. */
export type CacheUse = 'hit' | 'written' | 'damaged' | 'rejected' | 'unwritable';

export interface LoadedBundle {
  exports: unknown;
  cache: CacheUse;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest();

/**
 * The per-user folder for code caches, `code-cache` in $XDG_CACHE_HOME/regnb,
 * ~/.cache/regnb, ~/Library/Caches/regnb or %LOCALAPPDATA%\regnb\cache; undefined when
 * REGNB_CODE_CACHE=0 turns the cache off or no home folder is known.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | undefined {
  if (env.REGNB_CODE_CACHE === '0') return undefined;
  const regnb = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? path.join(env.XDG_CACHE_HOME, 'regnb')
    : platform === 'win32' ? (env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'regnb', 'cache') : undefined)
      : !home ? undefined
        : platform === 'darwin' ? path.join(home, 'Library', 'Caches', 'regnb') : path.join(home, '.cache', 'regnb');
  return regnb && path.join(regnb, 'code-cache');
}

/**
 * Runs the bundle `file` with V8's code cache from `cacheDir`. `module` is the module
 * object the bundle sees (a launcher passes its own, so that the bundle's
 * `require.main === module` holds); a new one by default.
 */
export function loadCachedBundle(file: string, cacheDir: string, module: Module = new Module(file)): LoadedBundle {
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8');
  // The same bundle under another V8 (an editor's Electron, another Node) has a file of
  // its own, which a new cache made by this V8 does not replace.
  const name = `${path.basename(file, '.js')}-${sha256(`${process.versions.v8}\0${process.arch}`).toString('hex').slice(0, 8)}`;
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const cacheFile = path.join(cacheDir, `${name}-${key}${SUFFIX}`);
  const cached = readCache(cacheFile);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: cached === 'missing' || cached === 'damaged' ? undefined : cached,
  });
  const wrapper = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: Module, f: string, d: string) => void;
  module.filename = file;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  let use: CacheUse = cached === 'damaged' ? 'damaged' : cached === 'missing' ? 'written' : script.cachedDataRejected ? 'rejected' : 'hit';
  // Made after the bundle's top level ran, the cache holds the functions it compiled too.
  if (use !== 'hit' && !writeCache(cacheDir, name, cacheFile, script.createCachedData())) use = 'unwritable';
  return { exports: module.exports, cache: use };
}

function readCache(file: string): Buffer | 'missing' | 'damaged' {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return 'missing';
  }
  const head = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'damaged';
  const payload = bytes.subarray(head);
  return sha256(payload).equals(bytes.subarray(MAGIC.length, head)) ? payload : 'damaged';
}

/** Writes the cache atomically (threads of one run race to write it) and drops older caches of the bundle. */
function writeCache(dir: string, name: string, file: string, payload: Buffer): boolean {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, Buffer.concat([MAGIC, sha256(payload), payload]), { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // No folder, no temporary file.
    }
    return false;
  }
  try {
    for (const old of fs.readdirSync(dir)) {
      if (old.startsWith(`${name}-`) && old.endsWith(SUFFIX) && path.join(dir, old) !== file) fs.rmSync(path.join(dir, old), { force: true });
    }
  } catch {
    // An old cache left behind costs disk space, not correctness.
  }
  return true;
}
