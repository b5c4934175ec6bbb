// Limits: the estimate against independent counts (tfjs's own countParams, hand sums),
// and every absurd size of issue #10 refused at check time with a position, instead of
// hanging while planning or aborting Node while training.
import { isCompleted } from '../../../src/core/experiment/experiment';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tfl from '@tensorflow/tfjs-layers';
import { checkNotebook } from '../../../src/core/cell/checkNotebook';
import { parseCell } from '../../../src/core/cell/parseCell';
import { estimateResources } from '../../../src/core/limits/estimate';
import { DEFAULT_LIMITS, LIMIT_NAMES, limitsFromArgs } from '../../../src/core/limits/limits';
import * as os from 'os';
import { runExperiment } from '../../../src/core/runner/runExperiment';
import { REPO_ROOT, testBackend } from '../helpers/backend';
import { assertProblemAt, cell } from '../cell/helpers';

function specOf(source: string) {
  const parsed = parseCell(source, { index: 0 });
  assert.ok(parsed.spec, JSON.stringify(parsed.problems));
  return parsed.spec;
}

/** The problems of a one-cell notebook. */
function check(source: string, limits = DEFAULT_LIMITS) {
  return checkNotebook([{ source }], { limits }).cells[0].problems;
}

const BASE = [
  'name: big',
  'data: { source: moons, samples: 60, noise: 0.2, seed: 1, train: 30 }',
  'model:',
  '  - dense: 16',
  '  - dense: 1',
  'regularize: { l2: 0.01 }',
  'train: { epochs: 15, lr: 0.01 }',
];

describe('resource estimate', () => {
  before(() => testBackend());

  it('counts parameters as tfjs does, for dense, conv and recurrent networks', () => {
    const cases: { source: string; model: () => tfl.Sequential }[] = [
      {
        source: cell('data: { source: moons }', 'model:', '  - dense: 16', '  - dense: 8', '  - dense: 1'),
        model: () => tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [2], units: 16 }), tfl.layers.dense({ units: 8 }), tfl.layers.dense({ units: 1 })] }),
      },
      {
        source: cell('data: { source: digits }', 'model:', '  - conv2d: 4', '  - maxpool2d: 2', '  - flatten: true', '  - dense: 10'),
        model: () =>
          tfl.sequential({
            layers: [tfl.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3 }), tfl.layers.maxPooling2d({ poolSize: 2 }), tfl.layers.flatten(), tfl.layers.dense({ units: 10 })],
          }),
      },
      {
        source: cell('data: { source: sine, window: 12 }', 'model:', '  - lstm: 6', '  - simplernn: 3', '  - dense: 1'),
        model: () =>
          tfl.sequential({
            layers: [tfl.layers.lstm({ inputShape: [12, 1], units: 6, returnSequences: true }), tfl.layers.simpleRNN({ units: 3 }), tfl.layers.dense({ units: 1 })],
          }),
      },
    ];
    for (const c of cases) {
      const m = c.model();
      assert.equal(estimateResources(specOf(c.source)).parameters, m.countParams(), c.source);
      m.dispose();
    }
  });

  it('counts models, row passes, activations and history bytes by hand', () => {
    const spec = specOf(cell(...BASE, 'grid: { alpha: { from: 1e-4, to: 1e-1, perDecade: 2 }, repeats: 3, refine: 2 }'));
    const e = estimateResources(spec);
    assert.equal(e.models, (7 + 2) * 3 * 5, '7 coarse alphas (3 decades × 2 + 1) and 2 refined, 3 repeats each, 5 folds (the default validation)');
    assert.equal(e.work, 15 * 30 * 135);
    assert.equal(e.activations, 60 * (16 + 1));
    assert.equal(e.dataValues, 60 * 2);
    assert.equal(e.historyBytes, 15 * (6 + 5 * 2) * 26);
  });

  it('a CSV file seen through its facts: its rows and inputs', () => {
    const spec = specOf(cell('data: { source: file, file: d.csv, target: y, train: 0.5 }', 'model:', '  - dense: 4', '  - dense: 1'));
    const e = estimateResources(spec, { rows: 1000, sampleShape: [7] });
    assert.deepEqual([e.rows, e.trainRows, e.dataValues, e.parameters], [1000, 500, 7000, 7 * 4 + 4 + 4 + 1]);
  });
});

describe('limits refuse absurd sizes at check time, with a position', () => {
  // Each case of issue #10, with where the problem must point: line:column in the cell.
  const cases: { what: string; source: string; phrase: string; at: [number, number] }[] = [
    { what: 'epochs: 1e12', source: cell(...BASE).replace('epochs: 15', 'epochs: 1e12'), phrase: 'over the limit of 1,000,000', at: [7, 18] },
    { what: 'dense: 1e8', source: cell(...BASE).replace('dense: 16', 'dense: 1e8'), phrase: 'parameters in one model', at: [4, 12] },
    { what: 'samples: 1e8', source: cell(...BASE).replace('samples: 60', 'samples: 1e8'), phrase: 'data rows', at: [2, 33] },
    { what: 'repeats: 1e6', source: cell(...BASE, 'grid: { alpha: [0.1, 0.01], repeats: 1e6 }'), phrase: 'the sweep trains 10,000,000 models', at: [8, 38] },
    { what: 'perDecade: 1e6', source: cell(...BASE, 'grid: { alpha: { from: 1e-6, to: 1e-1, perDecade: 1e6 } }'), phrase: 'the sweep trains 25,000,005 models', at: [8, 51] },
    { what: 'refine: 1e8', source: cell(...BASE, 'grid: { alpha: [0.1, 0.01], refine: 1e8 }'), phrase: 'the sweep trains 500,000,010 models', at: [8, 37] },
  ];
  for (const c of cases) {
    it(`${c.what}: refused where it is written`, { timeout: 60_000 }, () => {
      const p = assertProblemAt(check(c.source), c.phrase, c.at[0], c.at[1]);
      assert.match(p.message, /raise it with --limit \w+=N or the setting regnb\.limits\.\w+$/);
      assert.equal(checkNotebook([{ source: c.source }]).cells[0].spec, undefined, 'nothing to train');
    });
  }

  it('a raised limit lets the cell through; a lowered one refuses a small cell', () => {
    const source = cell(...BASE).replace('samples: 60', 'samples: 2000000');
    assert.ok(check(source).some((p) => p.message.includes('data rows')));
    assert.deepEqual(check(source, { ...DEFAULT_LIMITS, rows: 3e6 }), []);
    assertProblemAt(check(cell(...BASE), { ...DEFAULT_LIMITS, epochs: 10 }), '15 epochs, over the limit of 10', 7, 18);
  });

  it('the tutorial notebook is within every limit', () => {
    const nb = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples/weight-regularization.regnb'), 'utf8')) as { cells: { kind: string; source: string }[] };
    const checked = checkNotebook(nb.cells.filter((c) => c.kind === 'experiment').map((c) => ({ source: c.source })));
    assert.deepEqual(checked.problems.filter((p) => p.message.includes('over the limit')), []);
  });
});

describe('limit settings', () => {
  it('--limit NAME=VALUE parses; unknown names and bad values are refused', () => {
    assert.equal(limitsFromArgs(['epochs=2e6']).limits.epochs, 2e6);
    assert.deepEqual(limitsFromArgs(['epochs=2e6']).problems, []);
    assert.match(limitsFromArgs(['epoch=5']).problems[0], /unknown limit 'epoch'/);
    assert.match(limitsFromArgs(['epochs=-1']).problems[0], /at least 1/);
    assert.match(limitsFromArgs(['epochs']).problems[0], /at least 1/);
  });

  it('package.json states the same defaults as the code, one setting per limit', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
    const props = pkg.contributes.configuration.properties;
    for (const name of LIMIT_NAMES) assert.equal(props[`regnb.limits.${name}`]?.default, DEFAULT_LIMITS[name], name);
    assert.deepEqual(Object.keys(props).filter((k) => k.startsWith('regnb.limits.')).sort(), LIMIT_NAMES.map((n) => `regnb.limits.${n}`).sort());
  });
});

describe('limits once the data is loaded (the editor checks CSV cells before reading them)', () => {
  before(() => testBackend());

  it('a CSV file over the rows limit fails the run before training, with the limit named', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-limits-'));
    const rows = Array.from({ length: 50 }, (_, i) => `${i / 50},${(i * 7) % 50 / 50},${i % 2}`);
    fs.writeFileSync(path.join(dir, 'd.csv'), `a,b,y\n${rows.join('\n')}\n`);
    const parsed = specOf(cell('name: csv', 'data: { source: file, file: d.csv, target: y, task: binary, train: 0.5 }', 'model:', '  - dense: 4', '  - dense: 1', 'train: { epochs: 5 }'));
    assert.ok(isCompleted(parsed), 'task: binary completes the cell before the file is read');
    const result = await runExperiment(parsed, {
      notebookPath: path.join(dir, 'nb.regnb'),
      dataDir: path.join(REPO_ROOT, 'data'),
      backend: 'wasm',
      readText: (p) => fs.promises.readFile(p, 'utf8'),
      limits: { ...DEFAULT_LIMITS, rows: 10 },
    });
    assert.equal(result.status, 'failed');
    assert.match(result.error!, /^the data set has 50 data rows, over the limit of 10; raise it with --limit rows=N/);
    assert.equal(result.history.epoch.length, 0, 'nothing trained');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
