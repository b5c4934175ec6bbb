// Data files a cell names: confined to the notebook's folder (symlinks resolved) unless
// allowed, regular files only, at most MAX_DATA_FILE_BYTES, and messages that name the
// file and the problem without showing what the file holds. `timeout` is a hang guard
// (a FIFO used to block `regnb check` forever).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_DATA_FILE_BYTES, readDataFile } from '../../../src/core/data/dataFile';
import { DataError, dataErrorMessage } from '../../../src/core/data/dataset';
import { loadTable } from '../../../src/core/data/loadDataset';
import { DATA_DIR, dataSpec, notebookFolder, readDisk } from './helpers';

const GUARD = { timeout: 20_000 };
const CSV = 'a,b,y\n1,2,0\n3,4,1\n';

/** The one-line message a rejected read gives (what `regnb check` prints after FILE:CELL:LINE:COL:). */
async function refusal(file: string, baseDir: string, allowOutside = false): Promise<string> {
  try {
    await readDataFile(file, { baseDir, allowOutside });
  } catch (e) {
    assert.ok(e instanceof DataError, String(e));
    assert.equal(e.where?.key, 'data.file');
    return dataErrorMessage(e);
  }
  assert.fail(`${file} was read`);
}

describe('data files', () => {
  it('reads a file in the notebook folder or below it', GUARD, async () => {
    const dir = notebookFolder({ 'x.csv': CSV, 'sub/y.csv': CSV });
    assert.equal(await readDataFile('x.csv', { baseDir: dir }), CSV);
    assert.equal(await readDataFile('sub/y.csv', { baseDir: dir }), CSV);
    assert.equal(await readDataFile(path.join(dir, 'x.csv'), { baseDir: dir }), CSV, 'an absolute path inside the folder');
  });

  it('refuses files outside the folder, by .., absolute path or symlink, unless allowed', GUARD, async () => {
    const outer = notebookFolder({ 'secret.csv': CSV, 'nb/x.csv': CSV });
    const dir = path.join(outer, 'nb');
    fs.symlinkSync(path.join(outer, 'secret.csv'), path.join(dir, 'link.csv'));
    fs.symlinkSync(outer, path.join(dir, 'up'));
    assert.match(await refusal('../secret.csv', dir), /^\.\.\/secret\.csv: the file is outside the notebook's folder: move it into the notebook's folder, or allow .*regnb --allow-data-outside/);
    assert.match(await refusal('/etc/passwd', dir), /^\/etc\/passwd: the file is outside the notebook's folder/);
    assert.match(await refusal('link.csv', dir), /^link\.csv: the file is outside the notebook's folder \(it leads to .*secret\.csv\)/);
    assert.match(await refusal('up/secret.csv', dir), /^up\/secret\.csv: the file is outside/);
    for (const file of ['../secret.csv', 'link.csv', 'up/secret.csv']) assert.equal(await readDataFile(file, { baseDir: dir, allowOutside: true }), CSV);
  });

  it('refuses what is not a regular file, without blocking on a FIFO', GUARD, async () => {
    const dir = notebookFolder({});
    execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
    fs.mkdirSync(path.join(dir, 'folder.csv'));
    assert.equal(await refusal('pipe.csv', dir), 'pipe.csv: it is a named pipe (FIFO), not a regular file');
    assert.equal(await refusal('folder.csv', dir), 'folder.csv: it is a folder, not a regular file');
    assert.equal(await refusal('/dev/zero', dir, true), '/dev/zero: it is a device, not a regular file');
    assert.equal(await refusal('nothing.csv', dir), 'nothing.csv: file not found');
  });

  it('refuses a file above the size limit before reading it', GUARD, async () => {
    const dir = notebookFolder({ 'big.csv': '' });
    fs.truncateSync(path.join(dir, 'big.csv'), MAX_DATA_FILE_BYTES + 1); // sparse: nothing is written
    assert.equal(await refusal('big.csv', dir), 'big.csv: the file has 33554433 bytes; data files are limited to 33554432 bytes (32 MiB)');
    fs.truncateSync(path.join(dir, 'big.csv'), MAX_DATA_FILE_BYTES);
    assert.equal((await readDataFile('big.csv', { baseDir: dir })).length, MAX_DATA_FILE_BYTES, 'the limit itself is allowed');
  });

  it('never shows what a non-CSV file holds (/proc/self/environ)', GUARD, async () => {
    const secret = process.env.PATH ?? '';
    assert.ok(secret.length > 5);
    const spec = dataSpec({ source: 'file', file: '/proc/self/environ', target: 'y' });
    for (const allowDataOutside of [false, true]) {
      const error = await loadTable(spec, { baseDir: notebookFolder({}), dataDir: DATA_DIR, readText: readDisk, allowDataOutside }).then(
        () => assert.fail('read'),
        (e: unknown) => e as DataError,
      );
      const message = dataErrorMessage(error);
      assert.ok(!message.includes(secret) && !message.includes('PATH='), message);
      assert.match(message, allowDataOutside ? /the file holds a control character \(not text\): is it a CSV file\?/ : /outside the notebook's folder/);
    }
  });

  it('escapes control characters in the file name it repeats', GUARD, async () => {
    const message = await refusal('\u001b]0;pwned\u0007.csv', notebookFolder({}));
    assert.equal(message, '\\x1b]0;pwned\\x07.csv: file not found');
  });
});
