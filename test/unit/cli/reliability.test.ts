// The CLI never loses work: it merges its outputs into the notebook as it is on disk
// when it finishes (a cell added meanwhile, a second `regnb run` on the same notebook),
// reports a cell edited while it ran instead of overwriting the edit, checks every output
// path before training, and keeps a Ctrl-C'd run (and sweep) as `cancelled`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { REPO_ROOT } from '../helpers/backend';

const CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

function regnb(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, REGNB_TEST: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A running `regnb`: wait for a line on stderr, signal it, await its exit. */
function start(args: string[], cwd: string) {
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env: { ...process.env, REGNB_TEST: '1' } });
  let stderr = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    for (const w of waiters.filter((x) => x.re.test(stderr))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return {
    child,
    exited,
    waitFor: (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        if (re.test(stderr)) return resolve();
        waiters.push({ re, resolve });
        void exited.then(() => reject(new Error(`exited before ${re}: ${stderr}`)));
      }),
  };
}

const cellOf = (name: string, epochs: number, extra = '') => `name: ${name}
data: { source: moons, samples: 60, noise: 0.2, seed: 1, train: 30 }
model:
  - dense: 4
  - dense: 1
train: { epochs: ${epochs}, lr: 0.01, batch: 30 }
${extra}`;

type Cell = { kind: string; source: string; outputs?: { mime: string; data: { status?: string; history?: { epoch: number[] } } }[] };

function workspace(cells: Cell[], name = 'nb.regnb'): { dir: string; nb: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-rel-'));
  const nb = path.join(dir, name);
  fs.writeFileSync(nb, `${JSON.stringify({ regnb: 1, metadata: {}, cells }, null, 2)}\n`);
  return { dir, nb };
}

const cellsOf = (nb: string) => (JSON.parse(fs.readFileSync(nb, 'utf8')) as { cells: Cell[] }).cells;
const storedResults = (dir: string, stem: string, cell: string) => {
  const folder = path.join(dir, '.regnb', 'runs', stem, cell);
  return fs.readdirSync(folder).map((run) => JSON.parse(fs.readFileSync(path.join(folder, run, 'result.json'), 'utf8')) as { status: string; history: { epoch: number[] }; grid?: unknown });
};

describe('regnb CLI: limits on the command line', () => {
  it('--workers above 64 and an unknown --limit are invalid invocations; --limit raises a limit', () => {
    const { dir } = workspace([{ kind: 'experiment', source: cellOf('a', 5).replace('samples: 60', 'samples: 2000000') }]);
    assert.equal(regnb(['run', 'nb.regnb', '--workers', '65'], dir).code, 2);
    const unknown = regnb(['check', 'nb.regnb', '--limit', 'epoch=5'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown limit 'epoch'/);
    const over = regnb(['check', 'nb.regnb'], dir);
    assert.equal(over.code, 2);
    assert.match(over.stderr, /^nb\.regnb:a:2:33: the data set has 2,000,000 data rows, over the limit of 1,000,000; raise it with --limit rows=N/m);
    assert.equal(regnb(['check', 'nb.regnb', '--limit', 'rows=3e6'], dir).code, 0);
  });
});

describe('regnb CLI: outputs are checked before training', () => {
  it('--out naming a folder, or .regnb being a file: exit 2 in one line, nothing trained or written', () => {
    const { dir } = workspace([{ kind: 'experiment', source: cellOf('a', 5) }]);
    fs.mkdirSync(path.join(dir, 'outdir'));
    const r = regnb(['run', 'nb.regnb', '--out', 'outdir'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), 'regnb: --out outdir: it is a folder, not a file');
    assert.equal(fs.existsSync(path.join(dir, '.regnb')), false, 'no store made, nothing trained');
    fs.writeFileSync(path.join(dir, '.regnb'), 'a file');
    const blocked = regnb(['run', 'nb.regnb'], dir);
    assert.equal(blocked.code, 2);
    assert.equal(blocked.stderr.trim(), 'regnb: the run store: cannot write: .regnb/runs/nb: a part of the path is a file, not a folder');
  });
});

describe('regnb CLI: writes that never lose work', () => {
  it('metadata nested 100,000 deep: the notebook cannot be written, the runs and --json still are, in one line', () => {
    const { dir, nb } = workspace([{ kind: 'experiment', source: cellOf('a', 3) }, { kind: 'experiment', source: cellOf('b', 3) }]);
    const text = fs.readFileSync(nb, 'utf8').replace('"metadata": {}', `"metadata": {"deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    fs.writeFileSync(nb, text);
    const r = regnb(['run', 'nb.regnb', '--json', 'out.json', '--quiet'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), 'regnb: the notebook was not written: nb.regnb: the content is nested too deeply to write');
    assert.equal(fs.readFileSync(nb, 'utf8'), text, 'the notebook is as it was');
    assert.deepEqual((JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')) as { status: string }[]).map((x) => x.status), ['completed', 'completed']);
    assert.equal(storedResults(dir, 'nb', 'a')[0].status, 'completed');
    assert.equal(storedResults(dir, 'nb', 'b')[0].status, 'completed');
  });

  it('a cell added while the run trains survives; a cell edited meanwhile is reported, not overwritten', async () => {
    const { dir, nb } = workspace([{ kind: 'experiment', source: cellOf('a', 20000) }, { kind: 'experiment', source: cellOf('b', 3) }]);
    const run = start(['run', 'nb.regnb'], dir);
    await run.waitFor(/^a: training 20000 epochs$/m);
    const cells = cellsOf(nb);
    cells.splice(1, 0, { kind: 'markdown', source: '# added while training' });
    cells[2].source += '# edited while training\n';
    fs.writeFileSync(nb, JSON.stringify({ regnb: 1, metadata: {}, cells }));
    const { code, stderr } = await run.exited;
    assert.equal(code, 1, stderr);
    assert.match(stderr, /^regnb: b: the cell was edited or deleted while it ran; its output was not written over the edit/m);
    const after = cellsOf(nb);
    assert.deepEqual(after.map((c) => c.kind), ['experiment', 'markdown', 'experiment']);
    assert.equal(after[1].source, '# added while training');
    assert.match(after[2].source, /# edited while training/);
    assert.equal(after[2].outputs?.length ?? 0, 0, 'the edited cell keeps no stale output');
    assert.equal(after[0].outputs?.[0].data.status, 'completed');
    assert.equal(storedResults(dir, 'nb', 'b')[0].status, 'completed', 'the edited cell\'s run is in the store');
  });

  it('two `regnb run --cell` on one notebook at once: both outputs are kept', async () => {
    const { nb, dir } = workspace([{ kind: 'experiment', source: cellOf('a', 3000) }, { kind: 'experiment', source: cellOf('b', 3000) }]);
    const [ra, rb] = await Promise.all([start(['run', 'nb.regnb', '--cell', 'a', '-q'], dir).exited, start(['run', 'nb.regnb', '--cell', 'b', '-q'], dir).exited]);
    assert.equal(ra.code, 0, ra.stderr);
    assert.equal(rb.code, 0, rb.stderr);
    assert.deepEqual(cellsOf(nb).map((c) => c.outputs?.[0]?.data.status), ['completed', 'completed']);
  });
});

describe('regnb CLI: Ctrl-C', () => {
  it('SIGINT mid-run: exit 1, the partial run stored as cancelled with its epochs, the notebook written', async () => {
    // A wider network than cellOf's: the fused engine trains the 4-unit one so fast that
    // it would finish before the first progress line (one every 5 s); 256 units did too
    // (4.7 s) once the one-hidden-layer step ran as one pass.
    const EPOCHS = 200000;
    const { dir, nb } = workspace([{ kind: 'experiment', source: cellOf('a', EPOCHS).replace('dense: 4', 'dense: 2048') }]);
    const run = start(['run', 'nb.regnb'], dir);
    await run.waitFor(new RegExp(`^a: epoch \\d+/${EPOCHS}`, 'm'));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    assert.equal(code, 1, stderr);
    const [stored] = storedResults(dir, 'nb', 'a');
    assert.equal(stored.status, 'cancelled');
    assert.ok(stored.history.epoch.length > 0 && stored.history.epoch.length < EPOCHS, `${stored.history.epoch.length} epochs`);
    const out = cellsOf(nb)[0].outputs?.[0].data;
    assert.equal(out?.status, 'cancelled');
  });

  it('SIGINT mid-sweep: the sweep is stored as cancelled with the epochs trained, not failed with 0', async () => {
    const sweep = cellOf('s', 200000, 'regularize: { l2: 0.001 }\ngrid: { alpha: [0.1, 0.01], repeats: 1 }\n');
    const { dir } = workspace([{ kind: 'experiment', source: sweep }]);
    const run = start(['run', 'nb.regnb', '--workers', '1'], dir);
    await run.waitFor(/^s: epoch \d+\/200000/m);
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    assert.equal(code, 1, stderr);
    const [stored] = storedResults(dir, 'nb', 's');
    assert.equal(stored.status, 'cancelled');
    assert.ok(stored.history.epoch.length > 0, 'the epochs trained are kept');
    assert.ok(stored.grid, 'the sweep part is kept');
  });
});
