// From a cell's YAML source to a validated, defaults-filled ExperimentSpec (contract
// section 2), with every problem found pointing into the cell.

import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import { LAYER_WRITTEN_OPTIONS, type ExperimentSpec, type LayerSpec, type Problem } from '../experiment/experiment';
import type { Penalty } from '../experiment/penalty';
import { readData, type DataResult } from './data';
import { readGrid } from './grid';
import { COMPARE_KEYS, TOP_KEYS } from './keys';
import { checkLayout } from './layout';
import { readModel, spanIn, type LayerDraft } from './model';
import { checkOutput, outputIndex } from './output';
import { completeSpec, withLayerDefaults } from './completeSpec';
import { readCellPenalty, resolvePenalties } from './penalties';
import { ProblemList, sortProblems, type Span } from './problems';
import { describe, entries, keySpan, readName, valueSpan, type Ctx, type Entry } from './reader';
import { buildSourceMap, type CellSourceMap } from './sourceMap';
import { classesOf } from './sources';
import { readTrainSection } from './train';
import { firstLineSpan, isEmpty, parseYaml, resolved } from './yamlSource';

export interface CellParse {
  kind: 'experiment' | 'compare';
  /** The cell's name: as written when valid, else the default `cell-<index+1>`. */
  name: string;
  /** Whether `name` was written in the cell (rather than the default). */
  named: boolean;
  /** Undefined when the cell has any error (and always for compare cells). */
  spec?: ExperimentSpec;
  /** Compare cells: the names of the cells to compare. */
  compare?: string[];
  problems: Problem[];
  sourceMap: CellSourceMap;
  /**
   * A CSV file without `task:` has its task known only once read. Then the output
   * activation (and the grid's select, when not written) are left at their task-free
   * defaults; completeForTask fills and checks them.
   */
  pending?: { outputActivation: boolean; select: boolean };
}

export interface ParseOptions {
  /** 0-based index of the cell in the notebook: the default name is `cell-<index+1>`. */
  index: number;
}

const EXPERIMENT_KEYS = Object.keys(TOP_KEYS).filter((k) => k !== 'compare');

export function parseCell(source: string, opts: ParseOptions): CellParse {
  const problems = new ProblemList();
  const defaultName = `cell-${opts.index + 1}`;
  const { yaml, broken } = parseYaml(source, problems);
  const sourceMap = buildSourceMap(yaml);
  const root = resolved(yaml, yaml.doc.contents);
  const kind = isMap(root) && root.items.some((p) => isScalar(p.key) && p.key.value === 'compare') ? 'compare' : 'experiment';
  const result: CellParse = { kind, name: defaultName, named: false, problems: [], sourceMap };
  const done = (): CellParse => {
    result.problems = sortProblems(problems.items);
    if (problems.hasErrors) delete result.spec;
    return result;
  };
  // Checking the content of broken YAML mostly reports the syntax error again, worse.
  if (broken) return done();
  const ctx: Ctx = { yaml, problems };
  const first = firstLineSpan(yaml);
  if (isEmpty(root)) {
    problems.error(first, 'empty experiment cell: write at least data: and model:');
    return done();
  }
  if (!isMap(root)) {
    const got = isSeq(root) ? 'a list' : describe(root);
    problems.error(first, `an experiment cell is a map of keys (name, data, model, regularize, train, grid), got ${got}`);
    return done();
  }
  if (kind === 'compare') {
    readCompare(ctx, root, result);
    return done();
  }
  const top = entries(ctx, root, EXPERIMENT_KEYS, 'at the top of the cell');
  readCellName(ctx, top.get('name'), result);
  result.spec = readExperiment(ctx, top, first, result);
  return done();
}

function readCellName(ctx: Ctx, e: Entry | undefined, result: CellParse): void {
  if (!e) return;
  const name = readName(ctx, e, 'name');
  if (name === undefined) return;
  result.name = name;
  result.named = true;
}

function readCompare(ctx: Ctx, root: ParsedNode, result: CellParse): void {
  const keys = entries(ctx, root, Object.keys(COMPARE_KEYS), 'in a compare cell');
  readCellName(ctx, keys.get('name'), result);
  const e = keys.get('compare') as Entry;
  if (!isSeq(e.value) || e.value.items.length === 0) {
    const got = isSeq(e.value) ? 'an empty list' : describe(e.value);
    ctx.problems.error(valueSpan(ctx, e), `compare must be a non-empty list of cell names, e.g. compare: [baseline, l2-moons]; got ${got}`);
    return;
  }
  const names = e.value.items.map((item) => readName(ctx, { key: 'compare', keyNode: e.keyNode, value: resolved(ctx.yaml, item) }, 'each compared cell'));
  if (names.every((n) => n !== undefined)) result.compare = names as string[];
}

function readExperiment(ctx: Ctx, top: Map<string, Entry>, first: Span, result: CellParse): ExperimentSpec | undefined {
  const data = readData(ctx, top.get('data'), first);
  const drafts = readModel(ctx, top.get('model'), first);
  const re = top.get('regularize');
  const cellPenalty = re ? readCellPenalty(ctx, re) : undefined;
  const train = readTrainSection(ctx, top.get('train'));

  checkLayout(ctx, drafts, data);
  const task = data.known ? data.task : undefined;
  const out = checkOutputLayer(ctx, drafts, data, top.get('model'));
  const names = layerNames(ctx, drafts);

  const model: LayerSpec[] = [];
  drafts.forEach((d, i) => {
    if (!d.type) return;
    const layer: LayerSpec = {
      type: d.type,
      size: d.size ?? 0,
      name: names[i],
      bias: d.bias,
      penalties: resolvePenalties(d.type, cellPenalty, d.regularize),
    };
    // As written; completeSpec fills in the defaults.
    Object.assign(layer, Object.fromEntries(LAYER_WRITTEN_OPTIONS.filter((key) => d[key] !== undefined).map((key) => [key, d[key]])));
    model.push(layer);
  });

  const ge = top.get('grid');
  const grid = ge ? readGrid(ctx, ge, task, dataLabel(data)) : undefined;
  if (ge && !anyPenalty(model) && penaltiesRead(drafts, re, cellPenalty)) {
    ctx.problems.error(keySpan(ctx, ge), 'grid sweeps alpha, but the cell has no penalty to scale: add e.g. regularize: {l2: 0.001} (alpha replaces its strength)');
  }

  if (data.known && data.spec.source === 'file' && task === undefined) {
    result.pending = {
      outputActivation: out !== undefined && drafts[out].activation === undefined,
      select: ge !== undefined && grid !== undefined && !(isMap(ge.value) && ge.value.has('select')),
    };
  }
  const spec: ExperimentSpec = { name: result.name, data: data.spec, model: withLayerDefaults(model), train };
  const written = cellWritten(cellPenalty);
  if (written) spec.regularize = written;
  if (grid) spec.grid = grid;
  // A CSV file without task: is completed once read (completeForTask).
  return task === undefined ? spec : completeSpec(spec, task, classesOf(data.spec));
}

/** The output layer's index after checking where it stands and what it holds against the task. */
function checkOutputLayer(ctx: Ctx, drafts: LayerDraft[], data: DataResult, modelEntry: Entry | undefined): number | undefined {
  // With a layer of unknown type, any of them could be meant as the output.
  if (drafts.length === 0 || drafts.some((d) => !d.type)) return undefined;
  const out = outputIndex(drafts.map((d) => d.type));
  if (out === undefined) {
    const at = modelEntry ? keySpan(ctx, modelEntry) : drafts[0].head;
    ctx.problems.error(at, 'the model has no layer with weights: end it with a dense output layer, e.g. - dense: 1');
    return undefined;
  }
  const o = drafts[out];
  if (o.type !== 'dense') {
    ctx.problems.error(spanIn(ctx, o, o.type as string, 'key'), `the output layer must be dense, but the last layer with weights is ${o.label}: add a dense layer after it`);
  }
  for (const d of drafts.slice(out + 1)) {
    ctx.problems.error(spanIn(ctx, d, d.type as string, 'key'), `nothing can follow the output layer, ${o.label}: move ${d.type} before it or remove it`);
  }
  if (o.type === 'dense' && data.known && data.task !== undefined) {
    checkOutput(
      ctx.problems,
      { size: o.size, activation: o.activation },
      { task: data.task, classes: classesOf(data.spec), data: dataLabel(data) },
      { size: spanIn(ctx, o, 'dense'), activation: spanIn(ctx, o, 'activation') },
    );
  }
  return out;
}

/** Default names `<type>_<n>` (n counts the layers of that type, named or not); names must be unique. */
function layerNames(ctx: Ctx, drafts: LayerDraft[]): string[] {
  const counts = new Map<string, number>();
  const names = drafts.map((d) => {
    if (!d.type) return '';
    const n = (counts.get(d.type) ?? 0) + 1;
    counts.set(d.type, n);
    return d.name ?? `${d.type}_${n}`;
  });
  const owner = new Map<string, LayerDraft>();
  drafts.forEach((d, i) => {
    const name = names[i];
    if (!d.type) return;
    const prior = owner.get(name);
    if (!prior) {
      owner.set(name, d);
      return;
    }
    // Point at a written name: a default one cannot be edited where it stands.
    const [at, other] = d.name !== undefined ? [d, prior] : [prior, d];
    const how = other.name !== undefined ? 'the name of' : 'the default name of';
    ctx.problems.error(spanIn(ctx, at, 'name'), `layer name '${name}' is also ${how} ${other.label}; layer names must be unique`);
  });
  return names;
}

function anyPenalty(model: LayerSpec[]): boolean {
  return model.some((l) => Object.keys(l.penalties).length > 0);
}

/** False when some regularize could not be read: then "no penalty" would be a guess. */
function penaltiesRead(drafts: LayerDraft[], re: Entry | undefined, cellPenalty: Penalty | undefined): boolean {
  if (re && cellPenalty === undefined) return false;
  return drafts.every((d) => !d.keys.has('regularize') || d.regularize !== undefined);
}

/** The cell default as written; `none` is no default. */
function cellWritten(p: Penalty | undefined): Penalty | undefined {
  return p && Object.keys(p).length > 0 ? p : undefined;
}

export function dataLabel(data: Pick<DataResult, 'spec'>): string {
  return data.spec.source === 'file' ? `the CSV file ${data.spec.file ?? ''}`.trim() : data.spec.source;
}
