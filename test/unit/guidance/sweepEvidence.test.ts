import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceKey, notebookSweeps, reviseFindings, sweepsFor } from '../../../src/core/guidance/sweepEvidence';
import { diagnose } from '../../../src/core/guidance/diagnose';
import type { RunResult } from '../../../src/core/run/result';
import { healthyResult, layer, spec } from './fixtures';

const network = (l2: number) => [
  layer('dense', 500, { activation: 'relu', penalties: { kernel: { l2 } } }),
  layer('dense', 1, { activation: 'sigmoid', penalties: { kernel: { l2 } } }),
];

/** The tutorial's L2 run: gap beyond noise on 70 test rows, penalty l2 1e-3. */
function l2Run(): RunResult {
  const r = healthyResult({
    name: 'l2',
    data: { source: 'moons', nTrain: 30, nTest: 70, inputShape: [2], standardize: 'zscore' },
    final: { train: { loss: 0.02, accuracy: 1 }, test: { loss: 0.28, accuracy: 0.886 }, penalty: 0.001 },
  });
  r.guidance = { findings: diagnose(r), equivalents: [] };
  return r;
}

function sweepRun(alpha: number): RunResult {
  return healthyResult({ name: 'l2-sweep', grid: { alpha: [1e-1, 1e-3, 1e-5], runs: [], best: { alpha, mean: 0.3, std: 0.05 }, select: 'validation.loss' } });
}

test('a sweep later in the notebook revises the advice of a run of the same data and network', () => {
  const l2Spec = spec(network(1e-3), { name: 'l2' });
  const sweepSpec = spec(network(1e-3), { name: 'l2-sweep', grid: { alpha: [1e-1, 1e-3, 1e-5], repeats: 1, refine: 0, select: 'validation.loss', validate: { kind: 'folds', folds: 5 }, rule: '1se' } });
  const run = l2Run();
  assert.match(run.guidance!.findings[0]!.message, /A stronger penalty .* should help/, 'without the sweep, the gap is evidence');
  const sweeps = notebookSweeps([
    { spec: l2Spec, result: run },
    { spec: sweepSpec, result: sweepRun(4.64e-5) },
  ]);
  assert.deepEqual(sweepsFor(l2Spec, sweeps), [{ cell: 'l2-sweep', alpha: 4.64e-5, select: 'validation.loss' }]);
  reviseFindings(run, l2Spec, sweeps);
  const over = run.guidance!.findings.find((f) => f.kind === 'overfitting')!;
  assert.ok(!/should help/.test(over.message), over.message);
  assert.match(over.message, /The sweep 'l2-sweep' of the same data and network chose alpha 4\.64e-5 \(by validation loss\), weaker than this run's 0\.001/);
});

test('sweeps of other data or another network do not speak for a run', () => {
  const base = spec(network(1e-3), { name: 'l2' });
  const otherData = spec(network(1e-3), { name: 's', data: { ...base.data, noise: 0.3 } });
  const otherNet = spec([layer('dense', 64, { activation: 'relu', penalties: { kernel: { l2: 1e-3 } } }), network(1e-3)[1]!], { name: 's' });
  const samePenaltyAside = spec(network(0.5), { name: 's' });
  assert.notEqual(evidenceKey(base), evidenceKey(otherData));
  assert.notEqual(evidenceKey(base), evidenceKey(otherNet));
  assert.equal(evidenceKey(base), evidenceKey(samePenaltyAside), 'penalties are what a sweep varies: not part of the key');
  const grid = { alpha: [1e-3], repeats: 1, refine: 0, select: 'validation.loss', validate: { kind: 'none' as const }, rule: '1se' as const };
  const sweeps = notebookSweeps([{ spec: { ...otherData, grid }, result: sweepRun(1e-5) }, { spec: { ...otherNet, name: 't', grid }, result: sweepRun(1e-5) }]);
  assert.equal(sweeps.length, 2);
  assert.deepEqual(sweepsFor(base, sweeps), []);
});

test('a sweep speaks for runs of its penalty form at any strength, and for runs without a penalty; not for another form', () => {
  const hiddenL2 = (l2: number) => [layer('dense', 500, { activation: 'relu', penalties: { kernel: { l2 } } }), layer('dense', 1, { activation: 'sigmoid', penalties: {} })];
  const sweepSpec = spec(hiddenL2(1e-3), { name: 'l2-sweep', grid: { alpha: [1e-1, 1e-3], repeats: 1, refine: 0, select: 'validation.accuracy', validate: { kind: 'folds', folds: 5 }, rule: '1se' } });
  const sweeps = notebookSweeps([{ spec: sweepSpec, result: sweepRun(2.15e-3) }]);
  const evidence = [{ cell: 'l2-sweep', alpha: 2.15e-3, select: 'validation.loss' }];
  assert.deepEqual(sweepsFor(spec(hiddenL2(1e-2), { name: 'l2' }), sweeps), evidence, 'the same form at another strength');
  const none = [layer('dense', 500, { activation: 'relu', penalties: {} }), layer('dense', 1, { activation: 'sigmoid', penalties: {} })];
  assert.deepEqual(sweepsFor(spec(none, { name: 'baseline' }), sweeps), evidence, 'no penalty: alpha 0 of the same path');
  const l1Everywhere = [layer('dense', 500, { activation: 'relu', penalties: { kernel: { l1: 1e-4 } } }), layer('dense', 1, { activation: 'sigmoid', penalties: { kernel: { l1: 1e-4 } } })];
  assert.deepEqual(sweepsFor(spec(l1Everywhere, { name: 'l1' }), sweeps), [], 'an L2 sweep says nothing of an L1 strength');
  assert.deepEqual(sweepsFor(spec(network(1e-2), { name: 'all-layers' }), sweeps), [], 'nor of L2 on the output layer too');
  const elastic = [layer('dense', 500, { activation: 'relu', penalties: { kernel: { l1: 1e-4, l2: 1e-3 } } }), layer('dense', 1, { activation: 'sigmoid', penalties: {} })];
  assert.deepEqual(sweepsFor(spec(elastic, { name: 'elastic' }), sweeps), [], 'nor of an elastic net');
});
