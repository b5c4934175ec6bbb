// CSV files as data sets: a header row, numeric feature columns and one target column.
//
// Every problem is a DataError whose `where` holds the file, the 1-based row (the
// line of the file where the record starts: the header is row 1) and the 1-based
// column index, and whose message names them: `row 5, column 3 ("age"): "abc" is not a number`.
// What a message shows of the file is short and escaped (quoteShort): a file that is not
// CSV at all (a secret read by mistake) must not end up printed in a CI log.

import { parse } from 'csv-parse/sync';
import type { Task } from '../experiment/experiment';
import { DataError } from './dataset';
import type { Table } from './table';
import { quoteShort } from '../text/escapeControl';

/** The largest magnitude a float32 holds: training data are float32. */
const FLOAT32_MAX = 3.4028234663852886e38;
/** At most this many column names in a message. */
const COLUMNS_SHOWN = 10;

export interface CsvOptions {
  /** The file's name as the user wrote it (used in `where.file`). */
  file: string;
  /** Name of the target column. */
  target: string;
  /** Forces the task (otherwise inferred from the target column). */
  task?: Task;
  /**
   * Class names in index order, for text targets (default: sorted). Bundled data sets use
   * it to keep scikit-learn's class indices (breast-cancer: malignant = 0, benign = 1).
   */
  classOrder?: string[];
  /** Data source name recorded in the table (default 'file'). */
  source?: string;
}

/** Text that stands for a missing value in common exports (R, pandas, spreadsheets). */
const MISSING_TOKENS = new Set(['na', 'nan', 'n/a', 'null', 'none', '?']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a field holds, or null when it is not a plain decimal number. */
export function parseNumber(field: string): number | null {
  const t = field.trim();
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

interface Row {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  bytes?: number;
}

/** Plain words for csv-parse's syntax errors (its own messages name a line that is often not the record's). */
const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (a " opens here and no closing " follows)',
  INVALID_OPENING_QUOTE: 'a " inside an unquoted field (quote the whole field and double the inner quotes: "a ""b"" c")',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing " of a quoted field (double the inner quotes: "a ""b"" c")',
};

/** Splits the text into records with their starting line. */
function records(text: string, file: string): Row[] {
  // One line ending for csv-parse (it would otherwise pick the first one it sees and
  // treat a stray "\n" in a CRLF file as data).
  const normalized = text.replace(/\r\n?/g, '\n');
  let out: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    out = parse(normalized, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: '\n',
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  } catch (e) {
    const err = e as CsvParseError;
    let row = typeof err.lines === 'number' ? err.lines : undefined;
    if (typeof err.bytes === 'number') {
      // err.bytes: how far csv-parse got (UTF-8 bytes), at most the end of the last good
      // record: the problem is in the record starting on the next non-empty line.
      const prefix = Buffer.from(normalized, 'utf8').subarray(0, err.bytes).toString('utf8');
      let line = 1 + (prefix.match(/\n/g)?.length ?? 0);
      for (let i = prefix.length; normalized[i] === '\n'; i++) line++;
      row = line;
    }
    const detail = CSV_ERRORS[err.code ?? ''] ?? err.message.replace(/ at line \d+/, '');
    throw new DataError(`${row !== undefined ? `row ${row}: ` : ''}malformed CSV: ${detail}`, { file, row });
  }
  return out
    .map(({ record, info, raw }) => {
      // info.lines is the line where the record ends; raw also holds the empty lines
      // skipped before it. The record starts `newlines inside it` lines earlier.
      const core = raw.replace(/^\n+/, '').replace(/\n$/, '');
      const inner = core.split('\n').length - 1;
      return { line: info.lines - inner, fields: record };
    })
    .filter((r) => !(r.fields.length === 1 && (r.fields[0] as string).trim() === ''));
}

function at(row: number, column: number, name?: string): string {
  return `row ${row}, column ${column}${name !== undefined ? ` (${quote(name)})` : ''}`;
}

const quote = (field: string) => quoteShort(field);

function columnList(names: string[]): string {
  const more = names.length - COLUMNS_SHOWN;
  return `${names.slice(0, COLUMNS_SHOWN).map(quote).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The first line and column of a character that no CSV text holds (NUL and other controls but tab). */
function binaryAt(text: string): { row: number; column: number } | undefined {
  // eslint-disable-next-line no-control-regex
  const i = text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  if (i < 0) return undefined;
  const before = text.slice(0, i);
  const row = 1 + (before.match(/\n/g)?.length ?? 0);
  return { row, column: i - before.lastIndexOf('\n') };
}

/**
 * Parses a CSV text into a table: every column but the target is a numeric feature.
 * Target: any non-numeric value makes it categorical (classes: the distinct texts,
 * sorted, or `classOrder`; 2 classes -> binary, more -> multiclass). Numeric targets are
 * binary when every value is 0 or 1, regression otherwise, unless `task` says otherwise
 * (multiclass/binary on numbers: the classes are the sorted distinct values).
 */
export function parseCsv(text: string, opts: CsvOptions): Table {
  const file = opts.file;
  const fail = (message: string, where: { row?: number; column?: number; columnName?: string; key?: string } = {}): never => {
    throw new DataError(message, { file, ...where });
  };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') fail('the file is empty (a header row and at least one data row are needed)', { row: 1 });
  const binary = binaryAt(text);
  if (binary) fail(`row ${binary.row}: the file holds a control character (not text): is it a CSV file?`, { row: binary.row });

  const rows = records(text, file);
  const header = rows[0];
  if (header === undefined) return fail('the file is empty (a header row and at least one data row are needed)', { row: 1 });
  const names = header.fields.map((f) => f.trim());
  const hr = header.line;
  const seen = new Map<string, number>();
  names.forEach((name, j) => {
    if (name === '') {
      fail(`${at(hr, j + 1)}: empty column name in the header (every column needs a name; pandas writes its index as an unnamed column unless index=False)`, {
        row: hr,
        column: j + 1,
      });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      fail(`${at(hr, j + 1, name)}: duplicate column name (also column ${first + 1})`, { row: hr, column: j + 1, columnName: name });
    }
    seen.set(name, j);
  });
  const t = seen.get(opts.target);
  if (t === undefined) {
    return fail(`target column ${quote(opts.target)} not found; the columns are: ${columnList(names)}`, { row: hr, key: 'data.target' });
  }
  const data = rows.slice(1);
  if (data.length === 0) fail(`no data rows: the file has only the header (row ${hr})`, { row: hr });
  if (names.length < 2) fail(`the file has no feature column: its only column is the target ${quote(opts.target)}`, { row: hr, column: t + 1, columnName: opts.target });

  const p = names.length - 1;
  const n = data.length;
  const x = new Float32Array(n * p);
  const targets: string[] = new Array<string>(n);
  const targetNumbers: (number | null)[] = new Array<number | null>(n);
  let numericTarget = true;
  data.forEach((row, i) => {
    const r = row.line;
    if (row.fields.length !== names.length) {
      if (row.fields.length < names.length) {
        const j = row.fields.length;
        fail(`${at(r, j + 1, names[j])}: missing field: the row has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'}, the header has ${names.length}`, {
          row: r,
          column: j + 1,
          columnName: names[j],
        });
      }
      fail(`${at(r, names.length + 1)}: the row has ${row.fields.length} fields, the header has ${names.length}`, { row: r, column: names.length + 1 });
    }
    let k = 0;
    row.fields.forEach((field, j) => {
      const name = names[j] as string;
      const where = { row: r, column: j + 1, columnName: name };
      const trimmed = field.trim();
      if (trimmed === '') fail(`${at(r, j + 1, name)}: missing value (empty field)`, where);
      if (MISSING_TOKENS.has(trimmed.toLowerCase())) fail(`${at(r, j + 1, name)}: missing value (${quote(field)})`, where);
      if (j === t) {
        targets[i] = trimmed;
        const v = parseNumber(trimmed);
        targetNumbers[i] = v;
        if (v === null) numericTarget = false;
        return;
      }
      const v = parseNumber(field);
      if (v === null) fail(`${at(r, j + 1, name)}: ${quote(field)} is not a number`, where);
      if (Math.abs(v as number) > FLOAT32_MAX) fail(`${at(r, j + 1, name)}: ${quote(trimmed)} is too large for training, which uses 32-bit floats (at most ${FLOAT32_MAX.toPrecision(3)} in magnitude)`, where);
      x[i * p + k++] = v as number;
    });
  });

  const targetWhere = (i: number) => ({ row: (data[i] as Row).line, column: t + 1, columnName: opts.target });
  const tAt = (i: number) => at((data[i] as Row).line, t + 1, opts.target);
  const y = new Float32Array(n);
  let task: Task;
  let classNames: string[] | undefined;

  if (!numericTarget || opts.classOrder !== undefined) {
    // Categorical target.
    if (opts.task === 'regression') {
      const i = targetNumbers.findIndex((v) => v === null);
      fail(`${tAt(i)}: ${quote(targets[i] as string)} is not a number (task regression needs a numeric target)`, targetWhere(i));
    }
    const distinct = [...new Set(targets)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    classNames = opts.classOrder ?? distinct;
    const index = new Map(classNames.map((c, k) => [c, k]));
    targets.forEach((v, i) => {
      const k = index.get(v);
      if (k === undefined) fail(`${tAt(i)}: unknown class ${quote(v)} (expected one of ${columnList(classNames!)})`, targetWhere(i));
      y[i] = k as number;
    });
    task = opts.task ?? (classNames.length === 2 ? 'binary' : 'multiclass');
  } else {
    const values = targetNumbers as number[];
    const zeroOne = values.every((v) => v === 0 || v === 1);
    task = opts.task ?? (zeroOne ? 'binary' : 'regression');
    if (task === 'regression') {
      const i = values.findIndex((v) => Math.abs(v) > FLOAT32_MAX);
      if (i >= 0) fail(`${tAt(i)}: ${quote(targets[i] as string)} is too large for training, which uses 32-bit floats (at most ${FLOAT32_MAX.toPrecision(3)} in magnitude)`, targetWhere(i));
      values.forEach((v, i) => (y[i] = v));
    } else {
      if (task === 'multiclass') {
        const i = values.findIndex((v) => !Number.isInteger(v));
        if (i >= 0) fail(`${tAt(i)}: ${quote(targets[i] as string)} is not a class label (task multiclass on a numeric target needs integer labels)`, targetWhere(i));
      }
      const distinct = [...new Set(values)].sort((a, b) => a - b);
      if (task === 'binary' && zeroOne) distinct.splice(0, distinct.length, 0, 1);
      const index = new Map(distinct.map((v, k) => [v, k]));
      values.forEach((v, i) => (y[i] = index.get(v) as number));
      classNames = distinct.map((v) => String(v));
    }
  }

  if (task !== 'regression') {
    const k = classNames!.length;
    if (task === 'binary' && k !== 2) {
      fail(`task binary needs exactly 2 classes in the target column ${quote(opts.target)}, found ${k}: ${classNames!.slice(0, 10).map(quote).join(', ')}${k > 10 ? ', ...' : ''}`, {
        row: hr,
        column: t + 1,
        columnName: opts.target,
      });
    }
    const present = new Set(y);
    if (present.size < 2) {
      fail(`the target column ${quote(opts.target)} has a single class (${quote(targets[0] as string)}): nothing to classify`, {
        row: hr,
        column: t + 1,
        columnName: opts.target,
      });
    }
  }

  return {
    source: opts.source ?? 'file',
    task,
    n,
    sampleShape: [p],
    featureNames: names.filter((_, j) => j !== t),
    x,
    y,
    classes: task === 'regression' ? 1 : classNames!.length,
    classNames: task === 'regression' ? undefined : classNames,
    scaleBy: 'feature',
  };
}
