// A lock between processes that write the same file. Two `regnb run --cell` on one
// notebook each read the file, merge their outputs and replace it; without a lock both
// can read the same text and the second rename drops the first one's outputs. The lock
// is proper-lockfile's: a `<file>.lock` folder (mkdir is atomic on every file system,
// NFS included) whose time is refreshed while it is held, so a lock left by a crashed
// process goes stale and is taken over instead of blocking writers for ever.

import * as fs from 'fs/promises';
import * as path from 'path';
import * as lockfile from 'proper-lockfile';

/** A lock older than this (not refreshed) was left by a process that died. */
const STALE_MS = 10_000;
/** How long a writer waits for the lock: proper-lockfile's retry schedule. */
export interface LockWait {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
}
/** Retries span a little more than STALE_MS, so a dead holder's lock is always outwaited. */
export const LOCK_WAIT: LockWait = { retries: 40, factor: 1.2, minTimeout: 20, maxTimeout: 1_000 };

export class FileLockBusy extends Error {
  constructor(readonly lockPath: string) {
    super(`another writer holds ${lockPath}`);
  }
}

/**
 * Runs `work` while holding the lock of `file` (which need not exist yet). Throws
 * FileLockBusy when the lock stays held by a live process through every retry.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>, wait: LockWait = LOCK_WAIT): Promise<T> {
  // One lock per file, however it is named: a link and its target share it.
  const target = await fs.realpath(file).catch(() => path.resolve(file));
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, {
      realpath: false,
      stale: STALE_MS,
      retries: { ...wait },
      // The default throws from a timer, ending the process; the work under this lock
      // takes milliseconds, and its write is atomic whatever happens to the lock.
      onCompromised: () => undefined,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new FileLockBusy(`${target}.lock`);
    throw e;
  }
  try {
    return await work();
  } finally {
    // A lock that was compromised (taken over as stale) is no longer ours to remove.
    await release().catch(() => undefined);
  }
}
