// Merging a run's outputs into the notebook as it is on disk at write time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergeOutputs, type OutputUpdate } from '../../../src/core/notebook/mergeOutputs';
import type { CellDoc, NotebookDoc } from '../../../src/core/notebook/types';

const md = (source: string): CellDoc => ({ kind: 'markdown', source, extra: {} });
const exp = (source: string, out?: string): CellDoc => ({ kind: 'experiment', source, outputs: out ? [{ mime: 'text/plain', data: out }] : undefined, extra: {} });
const doc = (...cells: CellDoc[]): NotebookDoc => ({ regnb: 1, metadata: { kept: true }, cells, extra: {} });
const update = (index: number, source: string, out: string): OutputUpdate => ({ index, kind: 'experiment', source, label: source, outputs: [{ mime: 'text/plain', data: out }] });

describe('mergeOutputs', () => {
  it('a cell added while the run trained survives, and the output lands on the moved cell', () => {
    const now = doc(md('# new'), exp('name: a'), exp('name: added'), exp('name: b', 'old b'));
    const merged = mergeOutputs(now, [update(0, 'name: a', 'A')]);
    assert.deepEqual(merged.doc.cells.map((c) => [c.source, c.outputs?.[0]?.data]), [['# new', undefined], ['name: a', 'A'], ['name: added', undefined], ['name: b', 'old b']]);
    assert.deepEqual(merged.written, ['name: a']);
    assert.deepEqual(merged.doc.metadata, { kept: true });
  });

  it('two writers: the second keeps the first one\'s output of another cell', () => {
    const start = doc(exp('name: a'), exp('name: b'));
    const first = mergeOutputs(start, [update(0, 'name: a', 'A')]).doc;
    const second = mergeOutputs(first, [update(1, 'name: b', 'B')]).doc;
    assert.deepEqual(second.cells.map((c) => c.outputs?.[0]?.data), ['A', 'B']);
  });

  it('a cell edited (or deleted) meanwhile is a conflict: the edit is kept, not overwritten', () => {
    const now = doc(exp('name: a\n# edited'), exp('name: b'));
    const merged = mergeOutputs(now, [update(0, 'name: a', 'A'), update(1, 'name: b', 'B')]);
    assert.equal(merged.doc.cells[0].source, 'name: a\n# edited');
    assert.equal(merged.doc.cells[0].outputs, undefined);
    assert.deepEqual(merged.conflicts.map((c) => c.label), ['name: a']);
    assert.match(merged.conflicts[0].message, /edited or deleted while it ran/);
    assert.equal(merged.doc.cells[1].outputs?.[0]?.data, 'B');
  });

  it('identical cells: each update takes the one nearest its old index, each cell at most once', () => {
    const now = doc(exp('same'), exp('same'), exp('same'));
    const merged = mergeOutputs(now, [update(2, 'same', 'third'), update(1, 'same', 'second')]);
    assert.deepEqual(merged.doc.cells.map((c) => c.outputs?.[0]?.data), [undefined, 'second', 'third']);
  });

  it('does not mutate the notebook it is given', () => {
    const now = doc(exp('name: a'));
    mergeOutputs(now, [update(0, 'name: a', 'A')]);
    assert.equal(now.cells[0].outputs, undefined);
  });
});
