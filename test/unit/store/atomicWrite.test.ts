import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from '../../../src/core/store/atomicWrite';

let tmp: string;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regnb-atomic-'));
});
after(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temporary file', async () => {
    const file = path.join(tmp, 'a.regnb');
    await writeFileAtomic(file, 'one');
    assert.equal(await fs.readFile(file, 'utf8'), 'one');
    await writeFileAtomic(file, new TextEncoder().encode('two'));
    assert.equal(await fs.readFile(file, 'utf8'), 'two');
    await writeFileAtomic(file, new Uint8Array([104, 105]).buffer);
    assert.equal(await fs.readFile(file, 'utf8'), 'hi');
    assert.deepEqual(await fs.readdir(tmp), ['a.regnb']);
  });

  it('keeps an existing file’s permissions', { skip: process.platform === 'win32' }, async () => {
    const file = path.join(tmp, 'mode.txt');
    await fs.writeFile(file, 'x');
    await fs.chmod(file, 0o640);
    await writeFileAtomic(file, 'y');
    assert.equal((await fs.stat(file)).mode & 0o777, 0o640);
  });

  it('writes through a symbolic link, keeping the link', { skip: process.platform === 'win32' }, async () => {
    const target = path.join(tmp, 'target.txt');
    const link = path.join(tmp, 'link.txt');
    await fs.writeFile(target, 'old');
    await fs.symlink(target, link);
    await writeFileAtomic(link, 'new');
    assert.ok((await fs.lstat(link)).isSymbolicLink());
    assert.equal(await fs.readFile(target, 'utf8'), 'new');
  });

  it('fails without leaving anything when the folder does not exist', async () => {
    await assert.rejects(writeFileAtomic(path.join(tmp, 'missing', 'x.txt'), 'x'), { code: 'ENOENT' });
  });
});
