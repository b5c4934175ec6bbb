// Folder names of the run store (`.regnb/runs/<notebook stem>/<cell>/<run id>`) that
// never make two different names share one folder: `stem x y.regnb` and
// `stem x_y.regnb` must not load each other's runs through `train.from`.
//
// A plain name (letters, digits, `_`, `.`, `-`, not starting with `.`, not a name
// Windows reserves, at most 100 characters) is its own folder name, as before, so
// existing stores stay readable. Any other name is percent-encoded (each other byte as
// `%XX`, UTF-8), which no plain name can equal (plain names have no `%`), and which is
// one-to-one. An encoded name longer than 100 characters keeps its first 80 and ends in
// `~` and 16 hex digits of its SHA-256.

import { createHash } from 'crypto';

export const MAX_FOLDER_NAME = 100;

const PLAIN = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** The folder name of `name`: itself when plain, else its percent-encoding (see above). */
export function folderName(name: string): string {
  if (PLAIN.test(name) && !RESERVED.test(name) && name.length <= MAX_FOLDER_NAME) return name;
  const bytes = Buffer.from(name, 'utf8');
  let encoded = '';
  bytes.forEach((b, i) => {
    const c = String.fromCharCode(b);
    // The first character of a reserved or hidden name is encoded too, so the folder is neither.
    const keep = /[A-Za-z0-9_-]/.test(c) || (c === '.' && i > 0);
    encoded += keep && !(i === 0 && RESERVED.test(name)) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  });
  if (encoded === '') encoded = '%';
  if (encoded.length <= MAX_FOLDER_NAME) return encoded;
  const head = encoded.slice(0, 80).replace(/%[0-9A-F]?$/, '');
  return `${head}~${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}
