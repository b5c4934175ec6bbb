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

/**
 * What the cache did for one load; 'at exit': there was none (or V8 could not use it),
 * and one is written when the process exits (CacheOptions.writeAt).
 */
export type CacheUse = 'hit' | 'written' | 'damaged' | 'rejected' | 'unwritable' | 'at exit';

export interface CacheOptions {
  /**
   * The kind of run (say `run` against `check`), when kinds compile different code: each
   * keeps a cache of its own, made by a run of its kind.
   */
  variant?: string;
  /**
   * When a missing cache is made: 'load' (the default), right after the bundle's top
   * level ran; 'exit', when the process exits, so that it also holds every function the
   * run compiled when first called (a training run's engine, loss and optimizer code:
   * a cold one-batch tutorial run took 90.5 -> 82.1 ms with it, medians of 9; bench/README.md,
   * benchmark 1b). V8 rejects a cache made under other flags than the loading process's,
   * so a process that sets V8 flags at run time must set them before it loads the bundle.
   */
  writeAt?: 'load' | 'exit';
}

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
export function loadCachedBundle(file: string, cacheDir: string, module: Module = new Module(file), options: CacheOptions = {}): LoadedBundle {
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8');
  // The same bundle under another V8 (an editor's Electron, another Node) has a file of
  // its own, which a new cache made by this V8 does not replace.
  const v8 = sha256(`${process.versions.v8}\0${process.arch}`).toString('hex').slice(0, 8);
  // The variant before the V8 part: no kind's name is a prefix of another's (see writeCache's clean-up).
  const name = `${path.basename(file, '.js')}${options.variant ? `.${options.variant}` : ''}-${v8}`;
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
  if (use === 'hit') return { exports: module.exports, cache: use };
  if (options.writeAt === 'exit') {
    // ~11 ms for the CLI's bundle, once: a run that finds the cache makes none.
    process.once('exit', () => writeCache(cacheDir, name, cacheFile, script.createCachedData()));
    return { exports: module.exports, cache: 'at exit' };
  }
  // Made after the bundle's top level ran, the cache holds the functions it compiled too.
  if (!writeCache(cacheDir, name, cacheFile, script.createCachedData())) use = 'unwritable';
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
