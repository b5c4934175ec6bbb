// `regnb export` as users run it: the script on stdout or in --out, and exit 2 with a
// message naming what is wrong for a missing, compare or invalid cell or a bad target.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { REPO_ROOT } from '../helpers/backend';
import { exportCell } from '../../../src/core/runner/exportCell';

const CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
const regnb = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const CELLS = [
  'name: blobs2\ndata: {source: blobs, classes: 2}\nmodel: [{dense: 8}, {dense: 1}]\nregularize: {l2: 0.01}',
  'name: broken\ndata: {source: moons}\nmodel: [{dense: 8}, {dense: 3}]',
  'name: both\ncompare: [blobs2]',
];

describe('regnb export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-export-cli-'));
  fs.writeFileSync(path.join(dir, 'nb.regnb'), JSON.stringify({ regnb: 1, metadata: {}, cells: CELLS.map((source) => ({ kind: 'experiment', source })) }));

  it('writes the script the Copy Cell command writes (exportCell), to --out or stdout', async () => {
    const r = regnb(['export', 'nb.regnb', '--cell', 'blobs2', '--to', 'keras', '--out', 'out/blobs2.py'], dir);
    assert.equal(r.code, 0, r.stderr);
    const written = fs.readFileSync(path.join(dir, 'out/blobs2.py'), 'utf8');
    const sources = CELLS.map((source, index) => ({ source, index }));
    const same = await exportCell(sources, 0, 'keras', { notebookPath: path.join(dir, 'nb.regnb'), dataDir: path.join(REPO_ROOT, 'data'), readText: (p) => fs.promises.readFile(p, 'utf8') });
    assert.ok('script' in same);
    assert.equal(written, same.script);
    assert.match(written, /loss="binary_crossentropy"/);
    const out = regnb(['export', 'nb.regnb', '--cell', 'blobs2', '--to', 'pytorch'], dir);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^# RegNB cell 'blobs2' exported to PyTorch\./);
    assert.match(out.stdout, /print\(json\.dumps\(\{"train": train_scores, "test": test_scores, "penalty": final_penalty\}\)\)\n$/);
  });

  it('refuses a missing, compare or invalid cell and a bad target, saying which', () => {
    const cases: [string[], RegExp][] = [
      [['--cell', 'nope', '--to', 'keras'], /no experiment cell named 'nope'/],
      [['--cell', 'both', '--to', 'keras'], /'both' is a compare cell/],
      [['--cell', 'broken', '--to', 'keras'], /nb\.regnb:broken:3:\d+: moons is a binary task[^]*'broken' has problems/],
      [['--cell', 'blobs2', '--to', 'tensorflow'], /--to must be one of keras, pytorch/],
      [['--to', 'keras'], /--cell NAME is required/],
    ];
    for (const [args, message] of cases) {
      const r = regnb(['export', 'nb.regnb', ...args], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });
});
