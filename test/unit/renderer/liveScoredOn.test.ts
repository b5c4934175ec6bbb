// The live view names the rows a model's held-out loss and metric are scored on: a
// validated sweep point's are held-out training rows ("validation"), anything else the
// test set ("test"). Checked on the Vega-Lite spec the catalogue builds, on what vega
// draws from it, and through the protocol message the extension posts.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { livePoints, type LiveRun } from '../../../src/core/charts/liveSpec';
import { liveCharts } from '../../../src/core/charts/catalogue';
import { TEST_LOSS_LABEL, VALIDATION_LOSS_LABEL } from '../../../src/core/charts/specs';
import type { EpochRow } from '../../../src/core/engine/trainer';
import type { ScoredOn } from '../../../src/core/run/result';
import { isLiveRowsMessage, liveRowsMessage, type LiveRowsMessage } from '../../../src/core/protocol/notebookRenderer';
import { LiveRowsBuffer } from '../../../src/core/protocol/liveRowsBuffer';
import { LiveRows, statusLine } from '../../../renderers/liveRows';
import { drawHeadless } from './headless';

const LAYERS = ['dense_1', 'dense_2'];

function row(epoch: number): EpochRow {
  return {
    epoch,
    dataLoss: 1 / epoch,
    penalty: [0.01, 0.02],
    totalLoss: 1 / epoch + 0.03,
    trainLoss: 1 / epoch,
    testLoss: 1.2 / epoch,
    trainMetric: 0.9,
    testMetric: 0.8,
    norms: [
      [1, 1, 1, 0],
      [1, 1, 1, 0],
    ],
  };
}

interface Frame {
  title: { text: string; subtitle: string };
  layer: { encoding: { color: { scale: { domain: string[] } }; y: { title: string } } }[];
  data: { values: { series: string; kind: string }[] };
}

/** The catalogue's live loss chart of three epochs scored on `scoredOn`. */
function liveLoss(scoredOn: ScoredOn | undefined) {
  const run: LiveRun = { layers: LAYERS, metric: 'accuracy', epochs: 10, name: 'sweep', scoredOn };
  const values = [1, 2, 3].flatMap((e) => livePoints(row(e), LAYERS, scoredOn));
  const loss = liveCharts().find((k) => k.id === 'loss')!;
  return loss.live!.build(run, values);
}

describe('live charts name the rows a model is scored on', () => {
  for (const [scoredOn, label, other] of [
    ['validation', VALIDATION_LOSS_LABEL, 'test'],
    ['test', TEST_LOSS_LABEL, 'validation'],
    [undefined, TEST_LOSS_LABEL, 'validation'],
  ] as const) {
    it(`scoredOn ${scoredOn ?? 'absent'}: series, legend and subtitle say "${label}"`, async () => {
      const spec = liveLoss(scoredOn);
      const frame = spec as unknown as Frame;
      const name = label.split(' ')[0];
      assert.equal(frame.title.subtitle, `sweep · live · stacked: data loss + each layer’s penalty = training loss; dashed: ${name} loss`);
      for (const layer of frame.layer) {
        assert.deepEqual(layer.encoding.color.scale.domain, ['data loss', 'dense_1 penalty', 'dense_2 penalty', label]);
        assert.equal(layer.encoding.y.title, 'loss');
      }
      assert.deepEqual([...new Set(frame.data.values.filter((v) => v.kind === 'line').map((v) => v.series))], [label]);
      // Nothing in the spec names the other rows.
      assert.ok(!JSON.stringify(spec).includes(other), `no "${other}" in ${JSON.stringify(spec).slice(0, 300)}`);
      const drawn = await drawHeadless(spec);
      assert.deepEqual(drawn.warnings, []);
      assert.deepEqual(drawn.stats.legend, ['data loss', 'dense_1 penalty', 'dense_2 penalty', label]);
      assert.equal(drawn.stats.marks, 4, 'three stacked areas and the held-out loss line');
      assert.ok(drawn.svg.includes(`dashed: ${name} loss`));
    });
  }

  it('the status line names the metric on its rows', () => {
    const latest = { ...row(120), totalLoss: 0.23456, testMetric: 0.91234 };
    assert.equal(statusLine(latest, 4000, 'accuracy', 'validation'), 'epoch 120 / 4,000 · loss 0.2346 · validation accuracy 0.9123');
    assert.equal(statusLine(latest, 4000, 'r2', 'validation'), 'epoch 120 / 4,000 · loss 0.2346 · validation R² 0.9123');
    assert.equal(statusLine(latest, 4000, 'accuracy', 'test'), 'epoch 120 / 4,000 · loss 0.2346 · test accuracy 0.9123');
    assert.equal(statusLine(latest, 4000, 'accuracy'), 'epoch 120 / 4,000 · loss 0.2346 · test accuracy 0.9123');
  });

  it('protocol round trip: the message the extension posts carries scoredOn to the renderer', () => {
    // Renderer messaging sends JSON-compatible values.
    const trip = (m: LiveRowsMessage): unknown => JSON.parse(JSON.stringify(m));
    const header = { epochs: 10, layers: LAYERS, metric: 'accuracy' as const };
    const validation = liveRowsMessage('rows', 'k#1', { ...header, scoredOn: 'validation' }, [row(1), row(2)]);
    const back = trip(validation);
    assert.ok(isLiveRowsMessage(back));
    assert.deepEqual(back, validation);
    assert.equal(back.scoredOn, 'validation');
    const live = new LiveRows(500);
    live.push(back.rows, back.layers, back.scoredOn);
    assert.equal(live.scoredOn, 'validation');
    assert.deepEqual([...new Set(live.values().filter((p) => p.kind === 'line').map((p) => p.series))], [VALIDATION_LOSS_LABEL]);
    // Rows that do not say what they are scored on are on the test set; a key left out stays out.
    const plain = trip(liveRowsMessage('rows', 'k#2', header, [row(1)]));
    assert.ok(isLiveRowsMessage(plain));
    assert.ok(!('scoredOn' in plain));
    const test = new LiveRows(500);
    test.push(plain.rows, plain.layers, plain.scoredOn);
    assert.equal(test.scoredOn, 'test');
    assert.deepEqual([...new Set(test.values().filter((p) => p.kind === 'line').map((p) => p.series))], [TEST_LOSS_LABEL]);
    // The sweep's refit model (scored on the test set) comes as a reset: the chart starts afresh under "test".
    const refit = trip(liveRowsMessage('reset', 'k#1', { ...header, scoredOn: 'test' }, [row(1)]));
    assert.ok(isLiveRowsMessage(refit));
    const update = live.reset(refit.rows, refit.layers, refit.scoredOn);
    assert.ok(update.removeAll);
    assert.equal(live.scoredOn, 'test');
    assert.deepEqual([...new Set(update.insert.filter((p) => p.kind === 'line').map((p) => p.series))], [TEST_LOSS_LABEL]);
    // Within one run, later rows keep the kind of the first (a change always comes as a reset).
    live.push([row(2)], LAYERS, 'validation');
    assert.equal(live.scoredOn, 'test');
  });

  it("the extension side: a sweep's validation rows, then its refit rows as a reset; no message mixes them", () => {
    const buffer = new LiveRowsBuffer('k#1', 10);
    assert.equal(buffer.fresh(), undefined, 'nothing to post before rows');
    buffer.started(LAYERS, 'accuracy');
    assert.equal(buffer.take([row(1), row(2)], 'validation'), undefined, 'rows of the first kind wait for the timer');
    assert.ok(!buffer.anyPosted);
    const first = buffer.fresh()!;
    assert.deepEqual(first, { type: 'rows', liveKey: 'k#1', epochs: 10, rows: [row(1), row(2)], layers: LAYERS, metric: 'accuracy', scoredOn: 'validation' });
    assert.ok(buffer.anyPosted);
    assert.equal(buffer.take([row(3)], 'validation'), undefined);
    // The refit's rows replace the validation rows at once, also the one not posted yet.
    const reset = buffer.take([row(1)])!;
    assert.deepEqual(reset, { type: 'reset', liveKey: 'k#1', epochs: 10, rows: [row(1)], layers: LAYERS, metric: 'accuracy', scoredOn: 'test' });
    assert.equal(buffer.fresh(), undefined, 'the reset carried them');
    assert.equal(buffer.take([row(2)], 'test'), undefined);
    assert.deepEqual(buffer.fresh()?.rows.map((r) => r.epoch), [2]);
    // A renderer that (re)draws gets the refit's rows only, under "test".
    const all = JSON.parse(JSON.stringify(buffer.all())) as unknown;
    assert.ok(isLiveRowsMessage(all));
    assert.equal(all.type, 'reset');
    assert.equal(all.scoredOn, 'test');
    assert.deepEqual(all.rows.map((r) => r.epoch), [1, 2]);
    // A plain run's rows never say validation, and a plain run never resets.
    const plain = new LiveRowsBuffer('k#2', 10);
    assert.equal(plain.take([row(1)]), undefined);
    assert.equal(plain.take([row(2)], 'test'), undefined);
    assert.equal(plain.fresh()?.scoredOn, 'test');
  });
});
