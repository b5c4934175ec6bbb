// Reading a data file a cell names (`data: {file: ...}`). A notebook may come from
// anyone (a pull request checked in CI, a cloned repository), so the file must stay in
// the notebook's folder, symlinks resolved, unless the user allows more; it must be a
// regular file (a FIFO would block `regnb check` forever, /dev/zero never ends) of a
// stated size. Problems are DataErrors that name the file and what is wrong with it.

import * as fs from 'node:fs/promises';
import { constants } from 'node:fs';
import * as path from 'node:path';
import { DataError } from './dataset';
import { escapeControl } from '../text/escapeControl';

/** The largest CSV file read, in bytes. */
export const MAX_DATA_FILE_BYTES = 32 * 1024 * 1024;

export interface DataFileAccess {
  /** Folder of the notebook: relative paths start there, and files must stay inside it. */
  baseDir: string;
  /** Files outside the notebook's folder are allowed (setting regnb.allowDataOutsideNotebook, CLI --allow-data-outside). */
  allowOutside?: boolean;
}

const LIMIT = `data files are limited to ${MAX_DATA_FILE_BYTES} bytes (${MAX_DATA_FILE_BYTES / (1024 * 1024)} MiB)`;

/** How to allow files outside the folder, said in the refusal. */
const ALLOW_HINT = 'move it into the notebook\'s folder, or allow files outside it (setting regnb.allowDataOutsideNotebook, regnb --allow-data-outside)';

export async function readDataFile(file: string, access: DataFileAccess): Promise<string> {
  const fail = (why: string): never => {
    throw new DataError(why, { file, key: 'data.file' });
  };
  const full = path.resolve(access.baseDir, file);
  let real: string;
  let realBase: string;
  try {
    real = await fs.realpath(full);
    realBase = await fs.realpath(access.baseDir);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return fail(code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : 'the path cannot be resolved');
  }
  if (!access.allowOutside && !inside(real, realBase)) {
    const via = real === full ? '' : ` (it leads to ${escapeControl(real)})`;
    fail(`the file is outside the notebook's folder${via}: ${ALLOW_HINT}`);
  }
  // Opened without blocking, then checked on the open handle: a FIFO opened for reading
  // would wait for a writer, and checking the path first leaves a gap to swap the file.
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return fail(code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder, not a file' : 'the file cannot be opened');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) fail(`it is ${kindOf(stat)}, not a regular file`);
    if (stat.size > MAX_DATA_FILE_BYTES) fail(`the file has ${stat.size} bytes; ${LIMIT}`);
    // Files that report no size (under /proc) are read up to the limit and refused past it.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(1024 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > MAX_DATA_FILE_BYTES) fail(`the file has more than ${MAX_DATA_FILE_BYTES} bytes; ${LIMIT}`);
    }
    return Buffer.concat(chunks, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

function inside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel);
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a plain file';
}

