import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kerasScript, pytorchScript, type ScriptContext } from '../../../src/core/guidance/scriptExport';
import type { CompletedSpec } from '../../../src/core/experiment/experiment';
import { spec, layer, dataSpec, trainSpec } from './fixtures';
import { PY, peersOrSkip } from '../helpers/peers';

function assertParses(script: string, what: string) {
  const r = spawnSync(PY, ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: script, encoding: 'utf8' });
  assert.equal(r.status, 0, `${what} is not valid Python:\n${r.stderr}\n${script}`);
}

const moons = spec([
  layer('dense', 16, { name: 'dense_1', activation: 'relu', penalties: { kernel: { l2: 0.001 } } }),
  layer('dense', 1, { name: 'dense_2', activation: 'sigmoid', penalties: { kernel: { l2: 0.001 } } }),
], { train: trainSpec({ epochs: 3, batch: 32, lr: 0.01, seed: 7 }) });

const cases: [string, CompletedSpec, ScriptContext?][] = [
  ['moons dense l2', moons],
  ['regression l1 + expabs + bias + activity, sgd', spec([
    layer('dense', 8, { name: 'dense_1', activation: 'tanh', penalties: { kernel: { l1: 0.01, expabs: 0.001 }, bias: { l2: 0.1 }, activity: { l1: 0.0001 } } }),
    layer('dropout', 0.5, { name: 'dropout_1' }),
    layer('dense', 1, { name: 'dense_2', activation: 'linear', penalties: {} }),
  ], { data: dataSpec({ source: 'regression', features: 10, informative: 3, train: 0.7, standardize: 'minmax', standardizeTarget: true }), train: trainSpec({ optimizer: 'sgd', momentum: 0.9, weightDecay: 0.001 }) })],
  ['digits conv2d', spec([
    layer('conv2d', 4, { name: 'conv2d_1', activation: 'relu', kernel: [3, 3], penalties: { kernel: { l2: 0.01 } } }),
    layer('maxpool2d', 2, { name: 'maxpool2d_1' }),
    layer('flatten', 0, { name: 'flatten_1' }),
    layer('dense', 10, { name: 'dense_1', activation: 'softmax', penalties: { kernel: { l2: 0.01 } } }),
  ], { data: dataSpec({ source: 'digits', train: 0.5 }), train: trainSpec({ optimizer: 'rmsprop' }) })],
  ['sine lstm + gru, no generator', spec([
    layer('lstm', 8, { name: 'lstm_1', returnSequences: true, penalties: { kernel: { l2: 0.01 }, recurrent: { l1: 0.001 }, bias: { l2: 0.1 } } }),
    layer('gru', 4, { name: 'gru_1', penalties: { kernel: { l2: 0.01 } } }),
    layer('simplernn', 4, { name: 'simplernn_1', activation: 'relu', returnSequences: false, penalties: {} }),
    layer('dense', 1, { name: 'dense_1', activation: 'linear', penalties: {} }),
  ], { data: dataSpec({ source: 'sine', window: 12, shuffle: false }), train: trainSpec({ optimizer: 'adamw', weightDecay: 0.01 }) })],
  ['csv file with exported arrays', spec([
    layer('conv1d', 4, { name: 'conv1d_1', activation: 'relu', kernel: [3], penalties: { kernel: { l1: 0.001 } } }),
    layer('flatten', 0, { name: 'flatten_1' }),
    layer('dense', 3, { name: 'dense_1', activation: 'softmax', penalties: {} }),
  ], { data: dataSpec({ source: 'file', file: 'data/x.csv', target: 'label', task: 'multiclass' }) }), { dataCsv: 'out/cell-data.csv', inputShape: [6, 1] }],
];

for (const [name, s, ctx] of cases) {
  test(`Keras and PyTorch scripts are valid Python: ${name}`, (t) => {
    if (!peersOrSkip(t, [''])) return;
    assertParses(kerasScript(s, ctx), `kerasScript(${name})`);
    assertParses(pytorchScript(s, ctx), `pytorchScript(${name})`);
  });
}

test('Keras script: same data generator, layers, per-part regularizers, optimizer and training settings', () => {
  const k = kerasScript(moons);
  assert.match(k, /datasets\.make_moons\(n_samples=100, noise=0\.2, random_state=1\)/);
  assert.match(k, /n_train = 30/);
  assert.match(k, /layers\.Dense\(16, activation="relu", use_bias=True, kernel_regularizer=penalty\(l1=0, l2=0\.001, expabs=0\), name="dense_1"\)/);
  assert.match(k, /keras\.optimizers\.Adam\(learning_rate=0\.01\)/);
  assert.match(k, /loss="binary_crossentropy"/);
  assert.match(k, /epochs=3, batch_size=32/);
  assert.match(k, /keras\.utils\.set_random_seed\(7\)/);
  const [, s2] = cases[1]!;
  const k2 = kerasScript(s2);
  assert.match(k2, /kernel_regularizer=penalty\(l1=0\.01, l2=0, expabs=0\.001\), bias_regularizer=penalty\(l1=0, l2=0\.1, expabs=0\), activity_regularizer=penalty\(l1=0\.0001/);
  assert.match(k2, /layers\.Dropout\(0\.5/);
  assert.match(k2, /SGD\(learning_rate=0\.01, momentum=0\.9, weight_decay=0\.001\)/);
  assert.match(k2, /make_regression\(n_samples=100, n_features=10, n_informative=3/);
  const k4 = kerasScript(cases[3]![1]);
  assert.match(k4, /recurrent_regularizer=penalty\(l1=0\.001/);
  assert.match(k4, /DATA_CSV = "regnb-data\.csv"/); // no sklearn generator for sine
});

test('PyTorch script: penalties from named parameters, biases only when penalized, CSV preferred when given', () => {
  const t = pytorchScript(moons);
  assert.match(t, /\("dense_1\.weight", 0, 0\.001, 0\),\n {4}\("dense_2\.weight", 0, 0\.001, 0\),\n\]/);
  assert.doesNotMatch(t, /"dense_1\.bias"/);
  assert.match(t, /torch\.optim\.Adam\(model\.parameters\(\), lr=0\.01/);
  assert.match(t, /for epoch in range\(3\)/);
  assert.match(t, /batch = min\(32, len\(Xtr\)\)/);
  const t4 = pytorchScript(cases[3]![1]);
  assert.match(t4, /\("lstm_1\.weight_hh_l0", 0\.001, 0, 0\)/);
  assert.match(t4, /\("lstm_1\.bias_ih_l0", 0, 0\.1, 0\)/);
  assert.match(t4, /nn\.RNN\(4, 4, batch_first=True, bias=True, nonlinearity='relu'\)/);
  assert.match(t4, /AdamW\(model\.parameters\(\), lr=0\.01, eps=1e-07, weight_decay=0\.01\)/);
  const t5 = pytorchScript(cases[4]![1], cases[4]![2]);
  assert.match(t5, /DATA_CSV = "out\/cell-data\.csv"/);
  assert.doesNotMatch(t5, /make_/);
  assert.match(t5, /INPUT_SHAPE = \(6, 1\)/);
  const t2 = pytorchScript(cases[1]![1]);
  assert.match(t2, /\("dense_1\.bias", 0, 0\.1, 0\)/);
  assert.match(t2, /self\.activity_penalty = self\.activity_penalty \+ term\(x, 0\.0001, 0, 0\)/);
});

test('the PyTorch script runs end to end on regenerated and on CSV data', (t) => {
  if (!peersOrSkip(t, ['torch', 'sklearn'])) return;
  const out = execFileSync(PY, ['-c', pytorchScript(moons)], { encoding: 'utf8', timeout: 120_000 });
  // The last line: the final scores as one JSON object, shaped like RegNB's `final`.
  const final = JSON.parse(out.trim().split('\n').at(-1)!) as { train: Record<string, number>; test: Record<string, number>; penalty: number };
  assert.deepEqual(Object.keys(final.train), ['loss', 'accuracy']);
  assert.ok(final.train.loss > 0 && final.train.accuracy >= 0 && final.train.accuracy <= 1);
  assert.ok(final.penalty > 0, 'the L2 penalty of the final weights');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'regnb-export-'));
  try {
    const csv = ['split,target,x0,x1'];
    for (let i = 0; i < 40; i++) csv.push(`${i < 30 ? 'train' : 'test'},${i % 2},${Math.sin(i)},${Math.cos(i) + (i % 2)}`);
    const file = path.join(dir, 'data.csv');
    writeFileSync(file, csv.join('\n') + '\n');
    const script = path.join(dir, 'run.py');
    writeFileSync(script, pytorchScript(moons, { dataCsv: file }));
    const out2 = execFileSync(PY, [script], { encoding: 'utf8', timeout: 120_000 });
    const final2 = JSON.parse(out2.trim().split('\n').at(-1)!) as { test: { loss: number; accuracy: number } };
    assert.ok(Number.isFinite(final2.test.loss) && final2.test.accuracy >= 0 && final2.test.accuracy <= 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
