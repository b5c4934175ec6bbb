// Failure injection for the atomic write: a write that fails half way (a full disk) or a
// rename that fails leaves the old file exactly as it was and no temporary file behind.
// The same checks run against a plain overwrite, which must fail them: that is what
// shows these tests can tell atomic from not.
import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as fsp from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from '../../../src/core/store/atomicWrite';

// The module object the code under test calls through (patched per test, restored after).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const live = require('fs/promises') as typeof fsp;
const original = { open: live.open, rename: live.rename };

let tmp: string;
before(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'regnb-atomic-fail-'));
});
after(async () => {
  await fsp.rm(tmp, { recursive: true, force: true });
});
afterEach(() => {
  Object.assign(live, original);
});

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Every file handle opened from now on writes the first half of its data, then fails as a full disk does. */
function diskFullsHalfWay(): void {
  live.open = (async (...args: Parameters<typeof fsp.open>) => {
    const handle = await original.open(...args);
    const write = async (data: string | Uint8Array) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
      await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw enospc();
    };
    return Object.assign(Object.create(handle) as fsp.FileHandle, { writeFile: write });
  }) as typeof fsp.open;
}

function renameFails(): void {
  live.rename = (async () => {
    throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
  }) as typeof fsp.rename;
}

/** A plain overwrite, for contrast. */
async function plainOverwrite(file: string, data: string): Promise<void> {
  const handle = await live.open(file, 'w');
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

type Writer = (file: string, data: string) => Promise<void>;

/** Injects `fault`, writes over a file holding 'OLD CONTENT', and says what is wrong afterwards (empty when nothing). */
async function damageAfter(write: Writer, fault: () => void, name: string): Promise<string[]> {
  const dir = path.join(tmp, name);
  await fsp.mkdir(dir);
  const file = path.join(dir, 'nb.regnb');
  await fsp.writeFile(file, 'OLD CONTENT');
  fault();
  let threw = false;
  try {
    await write(file, 'NEW CONTENT THAT IS LONGER THAN THE OLD ONE');
  } catch {
    threw = true;
  }
  Object.assign(live, original);
  const wrong: string[] = [];
  if (!threw) wrong.push('the failure was not reported');
  const now = await fsp.readFile(file, 'utf8');
  if (now !== 'OLD CONTENT') wrong.push(`the old file became ${JSON.stringify(now)}`);
  const left = (await fsp.readdir(dir)).filter((f) => f !== 'nb.regnb');
  if (left.length) wrong.push(`left behind: ${left.join(', ')}`);
  return wrong;
}

describe('atomic write under injected failures', () => {
  it('a write failing half way (disk full) leaves the old file intact and no temporary file', async () => {
    assert.deepEqual(await damageAfter(writeFileAtomic, diskFullsHalfWay, 'full'), []);
  });

  it('a failing rename leaves the old file intact and no temporary file', async () => {
    assert.deepEqual(await damageAfter(writeFileAtomic, renameFails, 'rename'), []);
  });

  it('a plain overwrite fails the same check (the check can tell)', async () => {
    const wrong = await damageAfter(plainOverwrite, diskFullsHalfWay, 'plain');
    assert.ok(wrong.some((w) => w.startsWith('the old file became')), JSON.stringify(wrong));
  });
});
