// The equivalents and the script export read the same tool tables: they name the same
// PyTorch parameters (which PyTorch itself must have) and format numbers alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { equivalentSettings } from '../../../src/core/guidance/equivalents';
import { kerasScript, pytorchScript } from '../../../src/core/guidance/scriptExport';
import { py, torchParameters } from '../../../src/core/guidance/toolTables';
import { dataSpec, layer, spec, trainSpec } from './fixtures';
import { PY, peersOrSkip } from '../helpers/peers';


const lstm = spec(
  [
    layer('lstm', 8, { name: 'lstm_1', penalties: { kernel: { l1: 0.001 }, recurrent: { l2: 0.01 }, bias: { l2: 0.1 } } }),
    layer('dense', 1, { name: 'dense_1', penalties: {} }),
  ],
  { data: dataSpec({ source: 'sine', window: 6 }) },
);

/** `layer.parameter` names in a piece of Python. */
const torchNames = (code: string) => new Set([...code.matchAll(/\b(lstm_1|dense_1)\.(\w+)/g)].map((m) => `${m[1]}.${m[2]}`));

test('the PyTorch equivalents penalize lstm_1.weight_hh_l0 (which exists), as the script export does', () => {
  const torch = equivalentSettings(lstm, 50).filter((e) => e.tool === 'pytorch');
  const named = torchNames(torch.map((e) => e.code).join('\n'));
  assert.ok(named.has('lstm_1.weight_hh_l0'), [...named].join(', '));
  assert.ok(!named.has('lstm_1.weight_hh'), 'lstm.weight_hh is no PyTorch parameter');
  assert.deepEqual([...named].sort(), ['lstm_1.bias_hh_l0', 'lstm_1.bias_ih_l0', 'lstm_1.weight_hh_l0', 'lstm_1.weight_ih_l0']);
  const script = pytorchScript(lstm);
  for (const name of named) assert.ok(script.includes(`"${name}"`), `the script penalizes ${name} too`);
});

test('every parameter name the tables give is a parameter of the PyTorch module', (t) => {
  if (!peersOrSkip(t, ['torch'])) return;
  const layers = [
    ['dense', 'nn.Linear(3, 2)'], ['conv1d', 'nn.Conv1d(1, 2, 3)'], ['conv2d', 'nn.Conv2d(1, 2, 3)'],
    ['lstm', 'nn.LSTM(3, 2)'], ['gru', 'nn.GRU(3, 2)'], ['simplernn', 'nn.RNN(3, 2)'],
  ] as const;
  for (const [type, module] of layers) {
    const r = spawnSync(PY, ['-c', `import torch.nn as nn; print(" ".join(n for n, _ in ${module}.named_parameters()))`], { encoding: 'utf8' });
    const actual = new Set(r.stdout.trim().split(' '));
    for (const part of ['kernel', 'recurrent', 'bias'] as const) {
      for (const name of torchParameters({ type, name: 'm' }, part)) assert.ok(actual.has(name.slice(2)), `${type} ${part}: ${name} not in ${[...actual].join(', ')}`);
    }
  }
});

test('one py(): NaN and infinities are Python floats in the equivalents and in both scripts', () => {
  assert.equal(py(Number.NaN), 'float("nan")');
  assert.equal(py(Infinity), 'float("inf")');
  assert.equal(py(-Infinity), '-float("inf")');
  assert.equal(py(0.1 + 0.2), '0.3');
  const s = spec([layer('dense', 4, { name: 'dense_1', penalties: { kernel: { l2: 0.01 } } }), layer('dense', 1, { name: 'dense_2', penalties: { kernel: { l2: 0.01 } } })], {
    train: trainSpec({ optimizer: 'adamw', lr: Number.NaN, weightDecay: 0.01 }),
  });
  const eq = equivalentSettings(s, 30).map((e) => e.code).join('\n');
  for (const text of [eq, kerasScript(s), pytorchScript(s)]) {
    assert.match(text, /float\("nan"\)/);
    assert.doesNotMatch(text, /\bNaN\b/);
  }
});
