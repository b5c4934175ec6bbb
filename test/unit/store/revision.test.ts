// The run store shows the advice as revised by a later sweep: result.json keeps the
// diagnosis made at run time (runs are never overwritten), guidance.json beside it holds
// the revision, and every reader (readRun: compare and export; the listing: the sidebar
// tooltip) shows the revised findings.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { notebookSweeps, reviseFindings } from '../../../src/core/guidance/sweepEvidence';
import { diagnose } from '../../../src/core/guidance/diagnose';
import { listRuns, readRun, runDir, writeRun } from '../../../src/core/store/runStore';
import { REVISION_FILE, storeRevision } from '../../../src/core/store/revision';
import { runTooltip } from '../../../src/core/store/runTooltip';
import { revisionWords } from '../../../src/core/guidance/revisionWords';
import { escapeMarkdown } from '../../../src/core/text/escapeMarkdown';
import { compareCells } from '../../../src/core/runner/compareCell';
import { runId } from '../../../src/core/store/runId';
import type { RunResult } from '../../../src/core/run/result';
import { healthyResult, layer, spec } from '../guidance/fixtures';

let tmp: string;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'regnb-revision-'));
});
after(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const network = (l2: number) => [
  layer('dense', 500, { activation: 'relu', penalties: { kernel: { l2 } } }),
  layer('dense', 1, { activation: 'sigmoid', penalties: { kernel: { l2 } } }),
];
const l2Spec = spec(network(1e-3), { name: 'l2' });
const sweepSpec = spec(network(1e-3), { name: 'l2-sweep', grid: { alpha: [1e-1, 1e-3, 1e-5], repeats: 1, refine: 0, select: 'validation.loss', validate: { kind: 'folds', folds: 5 }, rule: '1se' } });
const sweeps = notebookSweeps([
  {
    spec: sweepSpec,
    result: healthyResult({ name: 'l2-sweep', grid: { alpha: [1e-1, 1e-3, 1e-5], runs: [], best: { alpha: 4.64e-5, mean: 0.3, std: 0.05 }, select: 'validation.loss' } }),
  },
]);

/** The tutorial's L2 run (a gap beyond noise on 70 test rows), diagnosed and stored as the run ended. */
async function storedL2Run(): Promise<{ nb: string; dir: string; result: RunResult; resultJson: string }> {
  const nb = path.join(await fs.mkdtemp(path.join(tmp, 'nb-')), 'tutorial.regnb');
  const id = runId('l2', new Date('2026-12-02T10:00:00Z'), () => 0.5);
  const dir = runDir(nb, 'l2', id);
  const result = healthyResult({
    name: 'l2',
    runId: id,
    startedAt: '2026-12-02T10:00:00.000Z',
    store: path.relative(path.dirname(nb), dir).split(path.sep).join('/'),
    data: { source: 'moons', nTrain: 30, nTest: 70, inputShape: [2], standardize: 'zscore' },
    final: { train: { loss: 0.02, accuracy: 1 }, test: { loss: 0.28, accuracy: 0.886 }, penalty: 0.001 },
  });
  result.guidance = { findings: diagnose(result), equivalents: [] };
  await writeRun(dir, result);
  return { nb, dir, result, resultJson: await fs.readFile(path.join(dir, 'result.json'), 'utf8') };
}

const STRONGER = /A stronger penalty .* should help/;
const DEFERS = /The sweep 'l2-sweep' of the same data and network chose alpha 4\.64e-5/;

test('a revision is stored beside the run; readRun, the listing, its tooltip and compare show the revised advice', async () => {
  const { nb, dir, result, resultJson } = await storedL2Run();
  assert.match(result.guidance!.findings[0]!.message, STRONGER, 'at run time, without the sweep, the gap is evidence');
  assert.equal((await readRun(dir)).guidance!.findings[0]!.message, result.guidance!.findings[0]!.message, 'no revision yet: the run-time advice');

  assert.equal(reviseFindings(result, l2Spec, sweeps, new Date('2026-12-02T10:05:00Z')), true);
  await storeRevision(nb, result);

  assert.equal(await fs.readFile(path.join(dir, 'result.json'), 'utf8'), resultJson, 'result.json is never rewritten');
  const read = await readRun(dir);
  assert.ok(read.guidance!.findings.every((f) => !STRONGER.test(f.message)));
  assert.ok(read.guidance!.findings.some((f) => DEFERS.test(f.message)), 'readRun (export, compare) shows the revised advice');
  assert.equal(read.guidance!.revised!.at, '2026-12-02T10:05:00.000Z');
  assert.deepEqual(read.guidance!.revised!.sweeps, [{ cell: 'l2-sweep', alpha: 4.64e-5, select: 'validation.loss' }]);
  assert.match(read.guidance!.revised!.atRun[0]!.message, STRONGER, 'the run-time advice is kept');

  const [listed] = (await listRuns(nb)).runs;
  assert.ok(listed!.advice.some((a) => DEFERS.test(a.message)) && listed!.advice.every((a) => !STRONGER.test(a.message)), 'the listing reads the revision');
  assert.equal(listed!.adviceRevisedAt, '2026-12-02T10:05:00.000Z');
  const tooltip = runTooltip('l2', listed!);
  assert.ok(tooltip.includes(`Advice (revised ${escapeMarkdown('2026-12-02T10:05:00.000Z')} after a later sweep):`), tooltip);
  for (const a of listed!.advice) assert.ok(tooltip.includes(escapeMarkdown(a.message)), 'every revised finding is in the tooltip');

  const compared = await compareCells(nb, ['l2']);
  assert.ok(compared.runs[0]!.guidance!.findings.some((f) => DEFERS.test(f.message)), 'compare shows the revised advice');
});

test('revising again replaces the revision atomically, keeping the advice made at run time', async () => {
  const { nb, dir, result } = await storedL2Run();
  const atRun = result.guidance!.findings;
  reviseFindings(result, l2Spec, sweeps, new Date('2026-12-02T10:05:00Z'));
  await storeRevision(nb, result);
  // The sweep is run again and now chooses a strength above the run's: the gap is evidence again.
  const stronger = notebookSweeps([{ spec: sweepSpec, result: healthyResult({ name: 'l2-sweep', grid: { alpha: [1e-1], runs: [], best: { alpha: 1e-1, mean: 0.3, std: 0.05 }, select: 'validation.loss' } }) }]);
  assert.equal(reviseFindings(result, l2Spec, stronger, new Date('2026-12-02T10:09:00Z')), true);
  await storeRevision(nb, result);
  const read = await readRun(dir);
  assert.equal(read.guidance!.revised!.at, '2026-12-02T10:09:00.000Z');
  assert.deepEqual(read.guidance!.revised!.atRun, atRun, 'the run-time findings survive a second revision');
  assert.deepEqual(read.guidance!.findings, result.guidance!.findings);
  assert.deepEqual((await fs.readdir(dir)).filter((f) => f.startsWith('.')), [], 'no temporary file left');
  assert.equal(reviseFindings(result, l2Spec, stronger), false, 'nothing new: no revision');
});

test('a damaged revision shows the run-time advice and says so; a failed revision write costs only the revision', async () => {
  const { nb, dir, result } = await storedL2Run();
  await fs.writeFile(path.join(dir, REVISION_FILE), '{"regnb": 1, "runId": ');
  const read = await readRun(dir);
  assert.match(read.guidance!.findings[0]!.message, STRONGER);
  assert.match(read.guidance!.findings.at(-1)!.message, /guidance\.json: not valid JSON .*the diagnosis made at run time is shown/);
  assert.ok((await listRuns(nb)).runs[0]!.advice.some((a) => /guidance\.json: not valid JSON/.test(a.message)));
  await fs.writeFile(path.join(dir, REVISION_FILE), JSON.stringify({ regnb: 1, runId: 'another-run', findings: [], revised: { at: 'x', sweeps: [], atRun: [] } }));
  assert.match((await readRun(dir)).guidance!.findings.at(-1)!.message, /not a revision of run/);

  // A file where the run folder should be: the write fails, the result says why.
  const elsewhere = { ...result, store: 'not-a-folder/run' };
  await fs.writeFile(path.join(path.dirname(nb), 'not-a-folder'), 'x');
  reviseFindings(elsewhere, l2Spec, sweeps);
  await storeRevision(nb, elsewhere);
  assert.match(elsewhere.guidance!.findings.at(-1)!.message, /could not be stored in the run store \(not-a-folder\/run\/guidance\.json: a part of the path is a file, not a folder\): the run store still shows the advice made at run time/);
});

test('the notebook output says the advice was revised, and by which sweeps', () => {
  const at = '2026-12-02T10:05:00.000Z';
  assert.equal(
    revisionWords({ at, sweeps: [{ cell: 'l2-sweep', alpha: 2.15e-3, select: 'validation.accuracy' }], atRun: [] }),
    "Revised after the run, in the light of the sweep 'l2-sweep' (alpha 0.00215 by validation accuracy); the advice given when it ended is kept in the run store.",
  );
  assert.match(revisionWords({ at, sweeps: [], atRun: [] }), /without the sweeps it deferred to/, 'a sweep re-run that no longer speaks for the run');
});
