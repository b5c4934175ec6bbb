import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Dataset } from '../../../src/core/data/dataset';
import { foldAssignment, heldOutsOf, memberData, planValidation, type HeldOut } from '../../../src/core/sweep/validation';
import { runSweep } from '../../../src/core/sweep/runSweep';
import { trainFor } from '../helpers/trainFor';
import { layersWithAlpha } from '../../../src/core/sweep/plan';
import { testBackend } from '../helpers/backend';
import { tinyBinary, tinyMulticlass, tinyRegression, tutorialMoons } from '../helpers/datasets';
import { sweepSpec } from '../helpers/specs';

/** The training rows as strings, to compare sets of rows by content. */
function rowsOf(x: Float32Array, y: Float32Array, width: number): string[] {
  return Array.from(y, (v, i) => `${Array.from(x.subarray(i * width, (i + 1) * width)).join(',')}|${v}`);
}

/** A point's rows, its folds drawn for the fixture's own task. */
function member(data: Dataset, h: HeldOut): Dataset {
  return memberData(data, h, foldAssignment(data, h, data.task));
}

function classCount(y: Float32Array, c: number): number {
  return Array.from(y).filter((v) => v === c).length;
}

describe('validation folds', () => {
  it('k folds partition the training rows: each row held out exactly once, trained on in the other k-1', () => {
    for (const data of [tinyBinary(37, 5), tinyMulticlass(41, 5), tinyRegression(60, 3)]) {
      const width = data.inputShape[0];
      const all = rowsOf(data.xTrain, data.yTrain, width);
      const held = heldOutsOf({ kind: 'folds', folds: 5 }, 11);
      const heldOutRows: string[] = [];
      for (const h of held) {
        const m = member(data, h);
        assert.equal(m.nTrain + m.nTest, data.nTrain);
        const trainRows = rowsOf(m.xTrain, m.yTrain, width);
        const foldRows = rowsOf(m.xTest, m.yTest, width);
        for (const r of foldRows) assert.ok(!trainRows.includes(r), 'a held-out row is not trained on');
        heldOutRows.push(...foldRows);
        assert.ok(Math.abs(m.nTest - data.nTrain / 5) < 1, `fold sizes differ by at most one row: ${m.nTest}`);
      }
      assert.deepEqual([...heldOutRows].sort(), [...all].sort(), `${data.task}: the folds together hold out every training row once`);
    }
  });

  it('folds are stratified: every class in every fold in proportion (counts differ by at most one)', () => {
    const data = tinyMulticlass(41, 5);
    const fold = foldAssignment(data, { folds: 4, seed: 3 }, data.task);
    for (let c = 0; c < data.classes; c++) {
      const total = classCount(data.yTrain, c);
      const perFold = [0, 1, 2, 3].map((f) => Array.from(data.yTrain).filter((v, i) => v === c && fold[i] === f).length);
      assert.ok(Math.max(...perFold) - Math.min(...perFold) <= 1, `class ${c}: ${perFold} of ${total}`);
      assert.equal(perFold.reduce((a, b) => a + b, 0), total);
    }
    // Each repeat draws its own folds; the same seed draws the same.
    assert.notDeepEqual(Array.from(foldAssignment(data, { folds: 4, seed: 4 }, data.task)), Array.from(fold));
    assert.deepEqual(Array.from(foldAssignment(data, { folds: 4, seed: 3 }, data.task)), Array.from(fold));
  });

  it('a held-out fraction holds out floor(n f) rows, every class in proportion', () => {
    const data = tinyBinary(40, 5);
    const [h] = heldOutsOf({ kind: 'holdout', fraction: 0.25 }, 9);
    const m = member(data, h);
    assert.equal(m.nTest, 10);
    assert.equal(m.nTrain, 30);
    const share = classCount(m.yTest, 1) / m.nTest;
    const all = classCount(data.yTrain, 1) / data.nTrain;
    assert.ok(Math.abs(share - all) <= 1 / m.nTest, `class 1: ${share} held out vs ${all} overall`);
  });

  it('too few rows: fewer folds with the reason, or an error when not even 2 fit', () => {
    const data = tinyBinary(30, 5); // 30 rows: 5 per fold allows 6 folds
    assert.deepEqual(planValidation({ kind: 'folds', folds: 5 }, data, data.task), { validate: { kind: 'folds', folds: 5 } });
    const fewer = planValidation({ kind: 'folds', folds: 10 }, data, data.task);
    assert.deepEqual(fewer.validate, { kind: 'folds', folds: 6 });
    assert.match(fewer.warning!, /6 folds instead of 10: there are 30 training rows/);
    // A rare class: 3 rows of class 1 cannot give 2 rows to each of 2 folds.
    const rare = { ...data, yTrain: Float32Array.from(data.yTrain, (_, i) => (i < 3 ? 1 : 0)) };
    assert.throws(() => planValidation({ kind: 'folds', folds: 5 }, rare, data.task), /rarest class has 3 training rows.*not enough for 2 folds/);
    const four = { ...data, yTrain: Float32Array.from(data.yTrain, (_, i) => (i < 5 ? 1 : 0)) };
    assert.deepEqual(planValidation({ kind: 'folds', folds: 5 }, four, data.task).validate, { kind: 'folds', folds: 2 });
    assert.throws(() => planValidation({ kind: 'holdout', fraction: 0.1 }, data, data.task), /holds out 3/);
  });
});

describe('members on rows of their own', () => {
  before(testBackend);

  it('a stack of members with their own rows trains each as it would alone', async () => {
    const data = tinyBinary(33, 10);
    const spec = sweepSpec({ alpha: [1e-2], repeats: 1, refine: 0, select: 'validation.loss' }, 30, 8);
    // 33 rows in 5 folds: sizes 7, 7, 7, 6, 6 -> two stacks of equal row counts.
    const members = heldOutsOf({ kind: 'folds', folds: 5 }, 2).map((h) => ({
      layers: layersWithAlpha(spec.model, 1e-2),
      train: { ...spec.train, batch: 4 },
      data: member(data, h),
    }));
    const together = await trainFor(data, members);
    for (let i = 0; i < members.length; i++) {
      const [alone] = await trainFor(members[i].data, [{ layers: members[i].layers, train: members[i].train }]);
      const a = together[i].rows.at(-1)!;
      const b = alone.rows.at(-1)!;
      assert.ok(Math.abs(a.testLoss - b.testLoss) < 1e-4, `fold ${i}: held-out loss ${a.testLoss} stacked vs ${b.testLoss} alone`);
      assert.ok(Math.abs(a.trainLoss - b.trainLoss) < 1e-4, `fold ${i}: training loss ${a.trainLoss} vs ${b.trainLoss}`);
      alone.network.model.dispose();
    }
    for (const o of together) o.network.model.dispose();
  });
});

describe('selection on validation rows', () => {
  let data: Dataset;
  before(async () => {
    await testBackend();
    data = await tutorialMoons();
  });

  it('test rows never enter selection: poisoned test labels leave every validation figure and the choice unchanged', async () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-2, 1e-3], repeats: 1, refine: 0, select: 'validation.loss', rule: '1se' }, 60, 16);
    const clean = await runSweep(spec, data);
    const poisoned = await runSweep(spec, { ...data, yTest: Float32Array.from(data.yTest, (y) => 1 - y) });
    assert.equal(clean.grid.runs.length, 15, '3 alphas x 5 folds');
    assert.ok(clean.grid.runs.every((r) => r.scoredOn === 'validation'));
    assert.deepEqual(
      poisoned.grid.runs.map((r) => [r.alpha, r.fold, r.final.test.loss]),
      clean.grid.runs.map((r) => [r.alpha, r.fold, r.final.test.loss]),
    );
    assert.deepEqual(poisoned.grid.best, clean.grid.best);
    // Only the final test figure sees the labels: flipped, its accuracy is one minus the clean one.
    assert.ok(Math.abs(poisoned.grid.test!.accuracy! - (1 - clean.grid.test!.accuracy!)) < 1e-6);
    clean.representative?.network.model.dispose();
    poisoned.representative?.network.model.dispose();
  });

  it('the chosen alpha is refit on all training rows with the cell seed: the cell history is that model', async () => {
    const spec = sweepSpec({ alpha: [1e-1, 1e-3], repeats: 2, refine: 0, select: 'validation.loss', rule: 'best' }, 50, 16);
    const out = await runSweep(spec, data);
    const chosen = out.grid.best!.alpha;
    const [direct] = await trainFor(data, [{ layers: layersWithAlpha(spec.model, chosen), train: spec.train }]);
    const a = out.representative!.rows.at(-1)!;
    const b = direct.rows.at(-1)!;
    assert.equal(out.representative!.rows.length, 50);
    assert.ok(Math.abs(a.trainLoss - b.trainLoss) < 1e-5, `train loss on all ${data.nTrain} rows: ${a.trainLoss} vs ${b.trainLoss}`);
    assert.ok(Math.abs(out.grid.test!.loss - b.testLoss) < 1e-5, 'grid.test is the refit model scored on the test set');
    assert.equal(out.grid.test!.alpha, chosen);
    assert.equal(out.grid.runs.length, 2 * 2 * 5, 'the refit is not a point of the selection');
    direct.network.model.dispose();
    out.representative!.network.model.dispose();
  });
});
