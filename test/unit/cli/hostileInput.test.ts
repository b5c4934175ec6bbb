// `regnb check` on notebooks written to hurt: what it prints is escaped text that never
// shows a file it should not read, it finishes, and problems found in data files are
// check-time problems (exit 2) at the cell key they come from. `timeout` is a hang guard.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/backend';

const CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
const GUARD = { timeout: 60_000 };
const SECRET = 'hunter2-do-not-print';

function check(dir: string, cells: string[], extra: string[] = []) {
  fs.writeFileSync(path.join(dir, 'nb.regnb'), `${JSON.stringify({ regnb: 1, metadata: {}, cells: cells.map((source) => ({ kind: 'experiment', source })) })}\n`);
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'check', 'nb.regnb', ...extra], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, REGNB_SECRET: SECRET },
    timeout: 50_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

function folder(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-hostile-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const cellOn = (name: string, data: string) => `name: ${name}\ndata: ${data}\nmodel: [{dense: 1}]`;

describe('regnb check on hostile notebooks', () => {
  it('never prints /proc/self/environ, allowed outside the folder or not', GUARD, () => {
    const dir = folder();
    const cells = [cellOn('env', '{file: /proc/self/environ, target: y}')];
    const refused = check(dir, cells);
    assert.equal(refused.code, 2);
    assert.match(refused.out, /^nb\.regnb:env:2:14: \/proc\/self\/environ: the file is outside the notebook's folder/m);
    const allowed = check(dir, cells, ['--allow-data-outside']);
    assert.equal(allowed.code, 2);
    assert.match(allowed.out, /^nb\.regnb:env:2:14: \/proc\/self\/environ: row 1: the file holds a control character \(not text\): is it a CSV file\?$/m);
    for (const out of [refused.out, allowed.out]) assert.ok(!out.includes(SECRET) && !out.includes('REGNB_SECRET'), out);
  });

  it('refuses a FIFO and /dev/zero instead of hanging or failing with "Invalid string length"', GUARD, () => {
    const dir = folder();
    execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
    const r = check(dir, [cellOn('pipe', '{file: pipe.csv, target: y}'), cellOn('zero', '{file: /dev/zero, target: y}')], ['--allow-data-outside']);
    assert.equal(r.code, 2);
    assert.match(r.out, /^nb\.regnb:pipe:2:14: pipe\.csv: it is a named pipe \(FIFO\), not a regular file$/m);
    assert.match(r.out, /^nb\.regnb:zero:2:14: \/dev\/zero: it is a device, not a regular file$/m);
  });

  it('finds 1e39 and a split without test rows in a CSV file at check time, where they are', GUARD, () => {
    const dir = folder({ 'over.csv': 'a,b,y\n1,2,0\n3,1e39,1\n4,5,0\n', 'small.csv': 'a,y\n1,0\n2,1\n3,0\n' });
    const r = check(dir, [cellOn('over', '{file: over.csv, target: y}'), cellOn('split', '{file: small.csv, target: y, train: 3}'), cellOn('empty', '{file: small.csv, target: y, train: 0.1}')]);
    assert.equal(r.code, 2);
    assert.match(r.out, /^nb\.regnb:over:2:14: over\.csv: row 3, column 2 \("b"\): "1e39" is too large for training, which uses 32-bit floats/m);
    // `train: 3` is at column 43 of line 2.
    assert.match(r.out, /^nb\.regnb:split:2:43: train: 3 leaves the test set empty: the data set has 3 rows, so train must be below 3$/m);
    assert.match(r.out, /^nb\.regnb:empty:2:43: train: 0\.1 \(0 of 3 rows\) leaves the training set empty$/m);
  });

  it('prints names, file names and arguments with control characters escaped', GUARD, () => {
    const dir = folder();
    const r = check(dir, ['name: "x\\e]0;owned\\a\\e[2J"\ndata: {source: moons}\nmodel: [{dense: 1}]', cellOn('file', '{file: "\\e[31mred.csv", target: y}')], ['--cell', '\u001b[2Jcleared']);
    assert.equal(r.code, 2);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f]/.test(r.out), JSON.stringify(r.out));
    assert.match(r.out, /name 'x\\x1b\]0;owned\\x07\\x1b\[2J' is not a valid name/);
    assert.match(r.out, /\\x1b\[31mred\.csv: file not found/);
    assert.match(r.out, /--cell \\x1b\[2Jcleared: the notebook has no experiment or compare cell of that name/);
  });

  it('finishes on ten levels of nested aliases', GUARD, () => {
    const lines = ['a0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9]'];
    for (let k = 1; k < 10; k++) lines.push(`a${k}: &a${k} [${new Array(9).fill(`*a${k - 1}`).join(', ')}]`);
    const r = check(folder(), [lines.join('\n')]);
    assert.equal(r.code, 2);
    assert.match(r.out, /^nb\.regnb:cell-1:5:10: YAML: with alias \*a3 the cell stands for more than 10000 values/m);
  });
});
