import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CellSizer } from '../../../src/core/notebook/cellSize';
import { cellText, utf8Length } from '../../../src/core/notebook/notebookText';
import { boundRunResult } from '../../../src/core/notebook/boundOutputs';
import { RUN_MIME } from '../../../src/core/protocol/notebookRenderer';
import type { CellDoc, OutputDoc } from '../../../src/core/notebook/types';
import { makeRun } from './runFixture';
import { randomValue, seeded } from './jsonFixture';

/** The truth: the cell laid out, then its UTF-8 bytes counted by the encoder. */
function laidOutBytes(cell: CellDoc, outputs: OutputDoc[], level: number): number {
  return new TextEncoder().encode(cellText({ ...cell, outputs }, level)).length;
}

describe('CellSizer', () => {
  const cell: CellDoc = { kind: 'experiment', source: 'name: x\n# naïve €', outputs: [], extra: { zeta: { note: 'ü' }, '2': [1] } };

  it('gives the bytes of the laid-out cell for run results at every stage of bounding', () => {
    const run = makeRun({ epochs: 3000, layers: ['a', 'b', 'c'], grid: { alphas: [0.1, 0.01, 0.001], repeats: 3 } });
    const sizer = new CellSizer(cell, 2);
    for (const maxCellBytes of [1e9, 200_000, 60_000, 20_000, 5_000, 1_000]) {
      const bounded = boundRunResult(run, { maxCellBytes });
      const outputs: OutputDoc[] = [{ mime: RUN_MIME, data: bounded }, { mime: 'text/plain', data: 'ok ✓' }];
      // The same sizer each time: objects kept from one stage to the next are measured once.
      assert.equal(sizer.bytes(outputs), laidOutBytes(cell, outputs, 2), `bounded to ${maxCellBytes}`);
    }
  });

  it('gives the bytes of the laid-out cell for any JSON-like data, at any level', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = seeded(seed);
      const outputs: OutputDoc[] = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, k) => ({
        mime: k === 0 ? RUN_MIME : 'application/json',
        data: randomValue(next, 12),
        ...(next() < 0.3 ? { extra: { meta: randomValue(next, 3) } } : {}),
      }));
      const level = Math.floor(next() * 4);
      assert.equal(new CellSizer(cell, level).bytes(outputs), laidOutBytes(cell, outputs, level), `seed ${seed}`);
    }
  });

  it('measures objects nested deeper than it splits whole', () => {
    let deep: unknown = { leaf: ['ß', 1.5] };
    for (let k = 0; k < 20; k++) deep = { [`level${k}`]: deep, n: k };
    const outputs: OutputDoc[] = [{ mime: RUN_MIME, data: deep }];
    assert.equal(new CellSizer(cell, 2).bytes(outputs), laidOutBytes(cell, outputs, 2));
  });

  it('agrees with utf8Length of the text for an empty output list', () => {
    assert.equal(new CellSizer(cell, 2).bytes([]), utf8Length(cellText({ ...cell, outputs: [] }, 2)));
  });
});
