import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NotebookWriter, serializeNotebook, type KeyedCell } from '../../../src/core/notebook/serialize';
import { RUN_MIME } from '../../../src/core/protocol/notebookRenderer';
import type { CellDoc, NotebookDoc } from '../../../src/core/notebook/types';
import { makeRun } from './runFixture';

/** The notebook's cells keyed by their JSON (what an editor adapter keys them by), counting how many were built. */
function keyed(doc: NotebookDoc, built: string[]): KeyedCell[] {
  return doc.cells.map((cell) => {
    const key = JSON.stringify(cell);
    return { key, cell: () => (built.push(cell.source), structuredClone(cell)) };
  });
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const run = (name: string, epochs: number): CellDoc => ({ kind: 'experiment', source: `name: ${name}`, outputs: [{ mime: RUN_MIME, data: makeRun({ name, epochs }) }], extra: {} });

describe('NotebookWriter', () => {
  // 3000 epochs are more than a cell keeps (512 points): the writer must bound it as serializeNotebook does.
  const doc: NotebookDoc = {
    regnb: 1,
    metadata: { author: 'me' },
    cells: [run('long', 3000), { kind: 'markdown', source: '# notes', extra: { tags: ['t'] } }, run('short', 20)],
    extra: { future: 1 },
  };

  it('writes the same text as serializeNotebook, call after call, laying out only the cells that changed', () => {
    const writer = new NotebookWriter();
    const built: string[] = [];
    const { cells: _cells, ...head } = doc;
    assert.equal(text(writer.write(head, keyed(doc, built))), serializeNotebook(doc));
    assert.deepEqual(built, ['name: long', '# notes', 'name: short']);

    const changed: NotebookDoc = { ...doc, cells: [doc.cells[0], doc.cells[1], run('short', 30)] };
    built.length = 0;
    assert.equal(text(writer.write(head, keyed(changed, built))), serializeNotebook(changed));
    assert.deepEqual(built, ['name: short'], 'the unchanged cells are reused');

    // Only the previous call's cells are kept: a cell seen two writes ago is built again.
    built.length = 0;
    assert.equal(text(writer.write(head, keyed(doc, built))), serializeNotebook(doc));
    assert.deepEqual(built, ['name: short']);
  });

  it('writes a notebook without cells, and cells whose text is not ASCII, as serializeNotebook does', () => {
    const writer = new NotebookWriter();
    const empty: NotebookDoc = { regnb: 1, metadata: {}, cells: [], extra: {} };
    assert.equal(text(writer.write(empty, [])), serializeNotebook(empty));
    const accents: NotebookDoc = { ...doc, cells: [{ kind: 'markdown', source: 'régularisation 𝛼 ≥ 0', extra: {} }, doc.cells[2]] };
    const { cells: _cells, ...head } = accents;
    assert.equal(text(writer.write(head, keyed(accents, []))), serializeNotebook(accents));
  });

  it('bounds with the options it was made with, and a moved cell is still the same cell', () => {
    const writer = new NotebookWriter({ maxPoints: 16 });
    const built: string[] = [];
    const { cells: _cells, ...head } = doc;
    writer.write(head, keyed(doc, built));
    const reordered: NotebookDoc = { ...doc, cells: [doc.cells[2], doc.cells[0], doc.cells[1]] };
    built.length = 0;
    assert.equal(text(writer.write(head, keyed(reordered, built))), serializeNotebook(reordered, { maxPoints: 16 }));
    assert.deepEqual(built, []);
  });
});
