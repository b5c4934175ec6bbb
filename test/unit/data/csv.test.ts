import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, parseNumber } from '../../../src/core/data/csv';
import { DataError } from '../../../src/core/data/dataset';

const FILE = 'people.csv';

/** Asserts that parsing fails with a DataError at that row/column and a message matching `message`. */
function fails(text: string, where: { row?: number; column?: number; columnName?: string }, message: RegExp | string, opts: { target?: string; task?: 'binary' | 'multiclass' | 'regression' } = {}) {
  let error: unknown;
  try {
    parseCsv(text, { file: FILE, target: opts.target ?? 'y', task: opts.task });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof DataError, `expected a DataError, got ${String(error)}`);
  assert.equal(error.where?.file, FILE);
  assert.equal(error.where?.row, where.row, `row of: ${error.message}`);
  assert.equal(error.where?.column, where.column, `column of: ${error.message}`);
  if (where.columnName !== undefined) assert.equal(error.where?.columnName, where.columnName);
  if (typeof message === 'string') assert.equal(error.message, message);
  else assert.match(error.message, message);
}

describe('CSV: reading', () => {
  it('numeric features, numeric target -> regression, in file order', () => {
    const t = parseCsv('a,b,y\n1,2,0.5\n3,4.5,-1e2\n', { file: FILE, target: 'y' });
    assert.equal(t.task, 'regression');
    assert.equal(t.n, 2);
    assert.deepEqual(t.sampleShape, [2]);
    assert.deepEqual(t.featureNames, ['a', 'b']);
    assert.deepEqual(Array.from(t.x), [1, 2, 3, 4.5]);
    assert.deepEqual(Array.from(t.y), [0.5, -100]);
    assert.equal(t.classes, 1);
    assert.equal(t.classNames, undefined);
  });

  it('the target can be any column; features keep their order', () => {
    const t = parseCsv('y,a,b\n1,2,3\n0,5,6\n', { file: FILE, target: 'y' });
    assert.deepEqual(t.featureNames, ['a', 'b']);
    assert.deepEqual(Array.from(t.x), [2, 3, 5, 6]);
    assert.equal(t.task, 'binary');
    assert.deepEqual(Array.from(t.y), [1, 0]);
  });

  it('handles a UTF-8 BOM, CRLF, quoted fields (commas, quotes, newlines) and blank lines', () => {
    const text = '\ufeff"a","b, with comma",y\r\n"1",2,"class ""x"""\r\n\r\n3,"4",plain\r\n';
    const t = parseCsv(text, { file: FILE, target: 'y' });
    assert.deepEqual(t.featureNames, ['a', 'b, with comma']);
    assert.deepEqual(Array.from(t.x), [1, 2, 3, 4]);
    assert.deepEqual(t.classNames, ['class "x"', 'plain']);
    assert.equal(t.task, 'binary');
  });

  it('categorical targets: sorted class names, 2 -> binary, more -> multiclass', () => {
    const t = parseCsv('f,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n', { file: FILE, target: 'species' });
    assert.equal(t.task, 'multiclass');
    assert.equal(t.classes, 3);
    assert.deepEqual(t.classNames, ['setosa', 'versicolor', 'virginica']);
    assert.deepEqual(Array.from(t.y), [2, 0, 1, 0]);
    const b = parseCsv('f,label\n1,yes\n2,no\n', { file: FILE, target: 'label' });
    assert.equal(b.task, 'binary');
    assert.deepEqual(b.classNames, ['no', 'yes']);
    assert.deepEqual(Array.from(b.y), [1, 0]);
    // One non-numeric value makes the whole column categorical.
    const m = parseCsv('f,y\n1,1\n2,2\n3,x\n', { file: FILE, target: 'y' });
    assert.deepEqual(m.classNames, ['1', '2', 'x']);
  });

  it('numeric targets: 0/1 -> binary; task overrides: multiclass on integers, binary on two values', () => {
    assert.equal(parseCsv('f,y\n1,0\n2,1\n3,1\n', { file: FILE, target: 'y' }).task, 'binary');
    const r = parseCsv('f,y\n1,0\n2,1\n3,2\n', { file: FILE, target: 'y' });
    assert.equal(r.task, 'regression');
    const m = parseCsv('f,y\n1,7\n2,3\n3,5\n4,3\n', { file: FILE, target: 'y', task: 'multiclass' });
    assert.equal(m.task, 'multiclass');
    assert.equal(m.classes, 3);
    assert.deepEqual(m.classNames, ['3', '5', '7']);
    assert.deepEqual(Array.from(m.y), [2, 0, 1, 0]);
    const b = parseCsv('f,y\n1,-1\n2,1\n', { file: FILE, target: 'y', task: 'binary' });
    assert.deepEqual(Array.from(b.y), [0, 1]);
    assert.deepEqual(b.classNames, ['-1', '1']);
    const reg = parseCsv('f,y\n1,0\n2,1\n', { file: FILE, target: 'y', task: 'regression' });
    assert.equal(reg.task, 'regression');
  });

  it('parseNumber accepts plain decimals only', () => {
    assert.equal(parseNumber(' 1.5e3 '), 1500);
    assert.equal(parseNumber('-.5'), -0.5);
    assert.equal(parseNumber('+7.'), 7);
    for (const bad of ['', 'abc', '1,5', '0x10', 'Infinity', '1e999', '1 2', 'NaN']) assert.equal(parseNumber(bad), null, bad);
  });
});

describe('CSV: errors with row and column', () => {
  it('empty file', () => {
    fails('', { row: 1 }, /empty/);
    fails('\ufeff\r\n  \n', { row: 1 }, /empty/);
  });

  it('header only', () => {
    fails('a,b,y\n', { row: 1 }, 'no data rows: the file has only the header (row 1)');
    fails('a,b,y\n\n\n', { row: 1 }, /no data rows/);
  });

  it('duplicate header names', () => {
    fails('a,b,a,y\n1,2,3,4\n', { row: 1, column: 3, columnName: 'a' }, 'row 1, column 3 ("a"): duplicate column name (also column 1)');
  });

  it('empty header name', () => {
    fails(',a,y\n0,1,2\n', { row: 1, column: 1 }, /^row 1, column 1: empty column name/);
  });

  it('unknown target column lists the available ones', () => {
    fails('a,b,c\n1,2,3\n', { row: 1 }, 'target column "y" not found; the columns are: "a", "b", "c"');
  });

  it('a row with too few or too many fields', () => {
    fails('a,b,y\n1,2,3\n4,5\n', { row: 3, column: 3, columnName: 'y' }, 'row 3, column 3 ("y"): missing field: the row has 2 fields, the header has 3');
    fails('a,b,y\n1,2,3\n4,5,6,7\n', { row: 3, column: 4 }, 'row 3, column 4: the row has 4 fields, the header has 3');
  });

  it('a missing value', () => {
    fails('a,b,y\n1,2,3\n4,,6\n', { row: 3, column: 2, columnName: 'b' }, 'row 3, column 2 ("b"): missing value (empty field)');
    fails('a,b,y\n1,2,3\n4,5,NA\n', { row: 3, column: 3, columnName: 'y' }, 'row 3, column 3 ("y"): missing value ("NA")');
  });

  it('a non-numeric feature value', () => {
    const text = 'name,height,age,y\n1,170,30,0\n2,180,41,1\n3,165,29,0\n4,175,abc,1\n';
    fails(text, { row: 5, column: 3, columnName: 'age' }, 'row 5, column 3 ("age"): "abc" is not a number');
  });

  it('rows are file lines, even after blank lines, CRLF and multi-line quoted fields', () => {
    const text = '\ufeffa,"b\nb",y\r\n1,2,x\r\n\r\n"3\n",4,z\r\n5,six,x\r\n';
    // Line 1-2 header, 3 first row, 4 blank, 5-6 a quoted field with a newline, 7 the bad row.
    fails(text, { row: 7, column: 2, columnName: 'b\nb' }, 'row 7, column 2 ("b\\nb"): "six" is not a number');
  });

  it('task regression on a text target, binary on three classes, multiclass on fractions', () => {
    fails('a,y\n1,2\n2,cat\n', { row: 3, column: 2 }, 'row 3, column 2 ("y"): "cat" is not a number (task regression needs a numeric target)', { task: 'regression' });
    fails('a,y\n1,r\n2,g\n3,b\n', { row: 1, column: 2 }, /^task binary needs exactly 2 classes in the target column "y", found 3/, { task: 'binary' });
    fails('a,y\n1,1\n2,2.5\n', { row: 3, column: 2 }, /"2.5" is not a class label/, { task: 'multiclass' });
  });

  it('a classification target with a single class', () => {
    fails('a,y\n1,dog\n2,dog\n', { row: 1, column: 2 }, /single class/);
  });

  it('malformed CSV (an unclosed quote)', () => {
    fails('a,y\n1,2\n\n"3,4\n5,6\n', { row: 4 }, 'row 4: malformed CSV: a quoted field is never closed (a " opens here and no closing " follows)');
    fails('a,y\n1,é\n"3"x,4\n', { row: 3 }, /^row 3: malformed CSV: text after the closing "/);
  });
});

describe('CSV: what messages show of the file', () => {
  it('a value beyond float32 (1e39) is refused at its row and column, feature or target', () => {
    // 3.4028234663852886e38 is the largest float32; 3.5e38 rounds to Infinity.
    assert.equal(Math.fround(3.5e38), Infinity);
    const ok = parseCsv('a,y\n3.4e38,1\n1,2\n', { file: FILE, target: 'y' });
    assert.equal(ok.x[0], Math.fround(3.4e38));
    fails('a,b,y\n1,2,0\n3,1e39,1\n', { row: 3, column: 2, columnName: 'b' }, 'row 3, column 2 ("b"): "1e39" is too large for training, which uses 32-bit floats (at most 3.40e+38 in magnitude)');
    fails('a,y\n1,0.5\n2,-1e39\n', { row: 3, column: 2, columnName: 'y' }, /^row 3, column 2 \("y"\): "-1e39" is too large for training/);
  });

  it('lists at most ten columns, each short and escaped', () => {
    const header = Array.from({ length: 14 }, (_, i) => (i === 0 ? `c0${'x'.repeat(40)}` : i === 1 ? 'c1\u202egnp.exe' : `c${i}`)).join(',');
    fails(`${header}\n${new Array(14).fill('1').join(',')}\n`, { row: 1 }, `target column "y" not found; the columns are: "c0${'x'.repeat(22)}…", "c1\\u202egnp.exe", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9" and 4 more`);
  });

  it('a file with control characters (a binary or /proc file) is refused without showing it', () => {
    fails('a,y\n1,2\nSECRET=1\u0000TOKEN=2\n', { row: 3 }, 'row 3: the file holds a control character (not text): is it a CSV file?');
    fails('HOME=/root\u0000PATH=/bin\u0000', { row: 1 }, 'row 1: the file holds a control character (not text): is it a CSV file?');
  });

  it('a value it quotes is cut to 24 characters and escaped', () => {
    fails(`a,y\n${'z'.repeat(30)},1\n`, { row: 2, column: 1, columnName: 'a' }, `row 2, column 1 ("a"): "${'z'.repeat(24)}…" is not a number`);
  });
});
