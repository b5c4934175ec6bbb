// One readable line for a failed file operation, instead of Node's raw errno text
// ("EACCES: permission denied, open '/x/.y.123.tmp'"): what went wrong, on which path
// the user knows (not a temporary file's).

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it already exists',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  EIO: 'an input/output error of the device',
};

/** `error` as one line about `target` (the path the user named or knows). */
export function describeFsError(error: unknown, target: string): string {
  const e = error as NodeJS.ErrnoException;
  const reason = e?.code ? REASONS[e.code] : undefined;
  if (reason) return `${target}: ${reason}`;
  // JSON.stringify of a value nested deeper than the stack allows.
  if (e instanceof RangeError && /call stack/i.test(e.message)) return `${target}: the content is nested too deeply to write`;
  if (e instanceof RangeError && /string length/i.test(e.message)) return `${target}: the content is too large to write`;
  const message = (e?.message ?? String(error)).split('\n')[0];
  return `${target}: ${message}`;
}
