// Atomic file writes: the data goes to a temporary file in the same folder, is flushed
// to disk, then renamed over the target, so a crash never leaves a half-written file.

import * as fs from 'fs/promises';
import * as path from 'path';
import { randomBytes } from 'crypto';

/**
 * Writes `data` to `file` atomically. A symbolic link is followed (its target is replaced,
 * the link kept) and an existing file's permissions are kept. Creates no folders.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array | ArrayBuffer): Promise<void> {
  const target = await resolveTarget(file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = await fs.stat(target).then((s) => s.mode & 0o7777, () => undefined);
  const handle = await fs.open(tmp, 'wx', mode ?? 0o666);
  try {
    try {
      await handle.writeFile(typeof data === 'string' ? data : data instanceof Uint8Array ? data : new Uint8Array(data));
      if (mode !== undefined) await handle.chmod(mode).catch(() => undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncDir(dir);
}

/** Flushes a folder's entries (a rename) to disk; a no-op where folders cannot be opened (Windows). */
export async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort only.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Writes and flushes a new file (fails if it exists): the building block of atomic folders. */
export async function writeNewFile(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function resolveTarget(file: string): Promise<string> {
  const abs = path.resolve(file);
  try {
    const st = await fs.lstat(abs);
    if (st.isSymbolicLink()) return await fs.realpath(abs);
  } catch {
    // Does not exist yet (or a dangling link: replaced by a file).
  }
  return abs;
}
