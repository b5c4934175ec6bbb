// Exports a cell as a runnable Python script (Keras or PyTorch) with the same data,
// network, penalties per layer and part, optimizer, learning rate, epochs, batch and seed.
// Pure logic: builds a string.

import type { CompletedSpec, ExperimentSpec, LayerSpec } from '../experiment/experiment';
import { RECURRENT_LAYER_TYPES } from '../experiment/experiment';
import { isZeroPenalty, PENALTY_PARTS, type Penalty } from '../experiment/penalty';
import { KERAS, TORCH, py, pyBool, pyStr, torchParameters, tuple } from './toolTables';

export interface ScriptContext {
  /**
   * CSV with the exact standardized train/test arrays exported by RegNB: one row per
   * sample, a `split` column (`train` / `test`), a `target` column and the flattened
   * inputs in the other columns, in order. Preferred over regenerating the data.
   */
  dataCsv?: string;
  /** Shape of one input sample (default: guessed from the cell). */
  inputShape?: number[];
}


const SKLEARN_GENERATORS: Record<string, (s: ExperimentSpec) => string> = {
  moons: (s) => `datasets.make_moons(n_samples=${s.data.samples}, noise=${py(s.data.noise)}, random_state=${s.data.seed})`,
  circles: (s) => `datasets.make_circles(n_samples=${s.data.samples}, noise=${py(s.data.noise)}, factor=0.5, random_state=${s.data.seed})`,
  blobs: (s) =>
    `datasets.make_blobs(n_samples=${s.data.samples}, centers=${s.data.classes}, cluster_std=${py(s.data.noise)}, center_box=(-10.0, 10.0), random_state=${s.data.seed})`,
  regression: (s) =>
    `datasets.make_regression(n_samples=${s.data.samples}, n_features=${s.data.features}, n_informative=${s.data.informative}, noise=${py(s.data.noise)}, random_state=${s.data.seed})`,
  iris: () => 'datasets.load_iris(return_X_y=True)',
  wine: () => 'datasets.load_wine(return_X_y=True)',
  'breast-cancer': () => 'datasets.load_breast_cancer(return_X_y=True)',
  digits: () => 'datasets.load_digits(return_X_y=True)',
  diabetes: () => 'datasets.load_diabetes(return_X_y=True)',
};

/** Input shape of one sample, guessed from the cell when the context does not give it. */
function inputShapeOf(spec: CompletedSpec, ctx: ScriptContext): number[] | null {
  if (ctx.inputShape) return ctx.inputShape;
  const first = spec.model.find((l) => l.type !== 'dropout');
  const d = spec.data;
  if (d.source === 'sine') return [d.window, 1];
  if (first?.type === 'conv2d' || first?.type === 'maxpool2d') return d.source === 'digits' ? [8, 8, 1] : null;
  const features: Record<string, number> = {
    moons: 2, circles: 2, blobs: 2, xor: 2, spiral: 2, regression: d.features, iris: 4, wine: 13, 'breast-cancer': 30, digits: 64, diabetes: 10,
  };
  const f = features[d.source];
  if (f === undefined) return null;
  if (first && (first.type === 'conv1d' || first.type === 'maxpool1d' || RECURRENT_LAYER_TYPES.includes(first.type))) return [f, 1];
  return [f];
}

function dataSection(spec: CompletedSpec, ctx: ScriptContext): string {
  const shape = inputShapeOf(spec, ctx);
  const task = spec.task;
  const yType = task === 'regression' ? 'np.float32' : 'np.int64';
  const lines: string[] = [];
  const gen = SKLEARN_GENERATORS[spec.data.source];
  if (ctx.dataCsv || !gen) {
    const path = ctx.dataCsv ?? 'regnb-data.csv';
    if (!ctx.dataCsv) {
      lines.push(
        `# scikit-learn has no generator for '${spec.data.source}': export the standardized arrays from RegNB`,
        `# (train/test split column, target column, inputs) to ${path}.`,
      );
    } else {
      lines.push('# The exact standardized train/test arrays exported by RegNB.');
    }
    lines.push(
      `DATA_CSV = ${pyStr(path)}`,
      'with open(DATA_CSV, newline="") as f:',
      '    rows = list(csv.DictReader(f))',
      'feature_cols = [c for c in rows[0].keys() if c not in ("split", "target")]',
      'def _arrays(split):',
      '    part = [r for r in rows if r["split"] == split]',
      '    X = np.array([[float(r[c]) for c in feature_cols] for r in part], dtype=np.float32)',
      `    y = np.array([float(r["target"]) for r in part]).astype(${yType})`,
      '    return X, y',
      'X_train, y_train = _arrays("train")',
      'X_test, y_test = _arrays("test")',
    );
  } else {
    lines.push(
      '# Regenerated with scikit-learn: the same distribution and sizes as the RegNB cell,',
      '# not the same rows (different random generator). Pass the exported CSV for the exact rows.',
      `X, y = ${gen(spec)}`,
      'X = X.astype(np.float32)',
      `y = y.astype(${yType})`,
      `n_train = ${Number.isInteger(spec.data.train) && spec.data.train >= 1 ? spec.data.train : `int(np.floor(${py(spec.data.train)} * len(X) + 0.5))  # JS Math.round`}`,
      `order = np.random.RandomState(${spec.data.seed}).permutation(len(X)) if ${spec.data.shuffle ? 'True' : 'False'} else np.arange(len(X))`,
      'X_train, y_train = X[order[:n_train]], y[order[:n_train]]',
      'X_test, y_test = X[order[n_train:]], y[order[n_train:]]',
    );
    const st = spec.data.standardize;
    if (st === 'zscore') {
      lines.push(
        '# z-score with the TRAINING statistics',
        'mu, sd = X_train.mean(axis=0), X_train.std(axis=0)',
        'sd[sd == 0] = 1.0',
        'X_train, X_test = (X_train - mu) / sd, (X_test - mu) / sd',
      );
    } else if (st === 'minmax') {
      lines.push(
        '# min-max scaling with the TRAINING range',
        'lo, hi = X_train.min(axis=0), X_train.max(axis=0)',
        'span = np.where(hi - lo > 0, hi - lo, 1.0)',
        'X_train, X_test = (X_train - lo) / span, (X_test - lo) / span',
      );
    }
    if (task === 'regression' && spec.data.standardizeTarget) {
      lines.push('ym, ys = y_train.mean(), y_train.std() or 1.0', 'y_train, y_test = (y_train - ym) / ys, (y_test - ym) / ys');
    }
  }
  lines.push(`INPUT_SHAPE = ${shape ? tuple(shape) : 'X_train.shape[1:]'}`);
  lines.push('X_train = X_train.astype(np.float32).reshape((-1,) + tuple(INPUT_SHAPE))');
  lines.push('X_test = X_test.astype(np.float32).reshape((-1,) + tuple(INPUT_SHAPE))');
  if (task === 'regression') lines.push('y_train, y_test = y_train.astype(np.float32), y_test.astype(np.float32)');
  return lines.join('\n');
}

function header(spec: CompletedSpec, tool: string): string {
  return [
    `# RegNB cell '${spec.name}' exported to ${tool}.`,
    '# Penalties follow RegNB (= Keras): l1 * sum|w| + l2 * sum(w^2) + expabs * sum(exp|w| - 1), no 1/2 factor.',
  ].join('\n');
}

/**
 * The script's last line: ONE JSON object shaped like RegNB's `final` (train and test
 * data loss and metric, penalty), so its result can be held against RegNB's.
 */
function finalJson(train: string, test: string, penalty: string): string {
  return `print(json.dumps({"train": ${train}, "test": ${test}, "penalty": ${penalty}}))`;
}

// ------------------------------------------------------------------ Keras

/** Accuracy or R^2 of `pred` against `y`, in numpy, by task. */
const KERAS_METRIC: Record<CompletedSpec['task'], string> = {
  binary: 'float(np.mean((pred.reshape(-1) > 0.5) == y))',
  multiclass: 'float(np.mean(pred.argmax(axis=-1) == y))',
  regression: 'float(1.0 - np.sum((y - pred.reshape(-1)) ** 2) / np.sum((y - y.mean()) ** 2))',
};

function kerasPenalty(p: Penalty | undefined): string | null {
  if (isZeroPenalty(p)) return null;
  return `penalty(l1=${py(p!.l1 ?? 0)}, l2=${py(p!.l2 ?? 0)}, expabs=${py(p!.expabs ?? 0)})`;
}

function kerasLayer(l: LayerSpec): string {
  const recurrent = RECURRENT_LAYER_TYPES.includes(l.type);
  const regs: string[] = [];
  for (const part of PENALTY_PARTS) {
    if (part === 'recurrent' && !recurrent) continue;
    const p = kerasPenalty(l.penalties[part]);
    if (p) regs.push(`${KERAS.regularizer[part]}=${p}`);
  }
  const name = `name=${pyStr(l.name)}`;
  const weights = [`activation=${pyStr(l.activation!)}`, `use_bias=${pyBool(l.bias)}`];
  const args: string[] = (() => {
    switch (l.type) {
      case 'dense':
        return [String(l.size), ...weights, ...regs];
      case 'conv1d':
      case 'conv2d':
        return [String(l.size), `kernel_size=${tuple(l.kernel!)}`, `strides=${tuple(l.stride!)}`, `padding=${pyStr(l.padding!)}`, ...weights, ...regs];
      case 'maxpool1d':
      case 'maxpool2d':
        return [`pool_size=${l.size}`];
      case 'flatten':
        return [];
      case 'dropout':
        return [py(l.size)];
      case 'lstm':
      case 'gru':
      case 'simplernn':
        return [String(l.size), ...weights, `return_sequences=${pyBool(l.returnSequences)}`, ...regs];
    }
  })();
  return `layers.${KERAS.layer[l.type]}(${[...args, name].join(', ')})`;
}

function kerasOptimizer(spec: CompletedSpec): string {
  const t = spec.train;
  const wd = t.weightDecay ? `, weight_decay=${py(t.weightDecay)}` : '';
  switch (t.optimizer) {
    case 'sgd': return `keras.optimizers.SGD(learning_rate=${py(t.lr)}, momentum=${py(t.momentum)}${wd})`;
    case 'rmsprop': return `keras.optimizers.RMSprop(learning_rate=${py(t.lr)})`;
    case 'adamw': return `keras.optimizers.AdamW(learning_rate=${py(t.lr)}, weight_decay=${py(t.weightDecay)})`;
    default: return `keras.optimizers.Adam(learning_rate=${py(t.lr)})`;
  }
}

export function kerasScript(spec: CompletedSpec, ctx: ScriptContext = {}): string {
  const task = spec.task;
  const loss = KERAS.loss[spec.loss];
  const metric = task === 'regression' ? '[keras.metrics.R2Score()] if hasattr(keras.metrics, "R2Score") else []' : '["accuracy"]';
  const layerLines = spec.model.map((l) => `    ${kerasLayer(l)},`);
  return [
    header(spec, 'Keras'),
    'import csv',
    'import json',
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow import keras',
    'from tensorflow.keras import layers, regularizers',
    'from sklearn import datasets',
    '',
    `keras.utils.set_random_seed(${spec.train.seed})`,
    '',
    dataSection(spec, ctx),
    '',
    '',
    'def penalty(l1=0.0, l2=0.0, expabs=0.0):',
    '    """RegNB penalty; Keras has no exp(|w|) - 1 regularizer, so that one is custom."""',
    '    if not expabs:',
    '        return regularizers.L1L2(l1=l1, l2=l2)',
    '    def reg(w):',
    '        return (l1 * tf.reduce_sum(tf.abs(w)) + l2 * tf.reduce_sum(tf.square(w))',
    '                + expabs * tf.reduce_sum(tf.exp(tf.abs(w)) - 1.0))',
    '    return reg',
    '',
    '',
    'model = keras.Sequential([',
    '    keras.Input(shape=INPUT_SHAPE),',
    ...layerLines,
    '])',
    `model.compile(optimizer=${kerasOptimizer(spec)}, loss=${pyStr(loss)}, metrics=${metric})`,
    `history = model.fit(X_train, y_train, epochs=${spec.train.epochs}, batch_size=${Math.max(1, spec.train.batch)}, shuffle=True,`,
    '                    validation_data=(X_test, y_test), verbose=0)',
    '',
    '',
    'def scores(X, y):',
    '    """Data loss (no penalty) and metric, as RegNB reports them."""',
    '    pred = model.predict(X, verbose=0)',
    // Class indices against K probabilities; otherwise one column against one unit.
    spec.loss === 'categorical-crossentropy' ? '    target = y' : '    target = y.reshape(pred.shape[:-1] + (1,))',
    `    loss = float(np.mean(keras.losses.get(${pyStr(loss)})(target, pred)))`,
    `    return {"loss": loss, ${pyStr(spec.metric)}: ${KERAS_METRIC[spec.task]}}`,
    '',
    '',
    finalJson('scores(X_train, y_train)', 'scores(X_test, y_test)', 'float(sum(float(l) for l in model.losses))'),
    '',
  ].join('\n');
}

// ------------------------------------------------------------------ PyTorch

interface TorchLayer {
  init: string | null;
  forward: string[];
  /** [parameter name, penalty] pairs. */
  params: [string, Penalty][];
  activity?: Penalty;
}

function torchLayers(spec: CompletedSpec, shape: number[] | null): { layers: TorchLayer[]; notes: string[] } {
  let layout: 'last' | 'first' = 'last';
  let features = shape ? (shape[shape.length - 1] as number) : 0;
  const notes: string[] = [];
  const layers: TorchLayer[] = [];
  const pen = (p: Penalty | undefined) => (isZeroPenalty(p) ? null : p!);
  for (const l of spec.model) {
    const n = l.name;
    const act = l.activation ? TORCH.activation[l.activation] : 'x';
    const t: TorchLayer = { init: null, forward: [], params: [] };
    const params = (layer: LayerSpec, part: 'kernel' | 'recurrent' | 'bias', p: Penalty | null) => {
      if (p) for (const name of torchParameters(layer, part)) t.params.push([name, p]);
    };
    const kernel = pen(l.penalties.kernel);
    const bias = l.bias ? pen(l.penalties.bias) : null;
    const activity = pen(l.penalties.activity);
    if (activity) t.activity = activity;
    const toLast = () => {
      if (layout === 'first') {
        t.forward.push(`x = x.movedim(1, -1)  # channels last, as in Keras`);
        layout = 'last';
      }
    };
    const toFirst = () => {
      if (layout === 'last') {
        t.forward.push('x = x.movedim(-1, 1)  # channels first for PyTorch');
        layout = 'first';
      }
    };
    switch (l.type) {
      case 'dense':
        toLast();
        t.init = `self.${n} = nn.${TORCH.module.dense}(${l.size}, bias=${pyBool(l.bias)})`;
        t.forward.push(`x = self.${n}(x)`, ...(act === 'x' ? [] : [`x = ${act}`]));
        params(l, 'kernel', kernel);
        params(l, 'bias', bias);
        features = l.size;
        break;
      case 'conv1d':
      case 'conv2d': {
        toFirst();
        t.init = `self.${n} = nn.${TORCH.module[l.type]}(${l.size}, kernel_size=${tuple(l.kernel!)}, stride=${tuple(l.stride!)}, padding=${pyStr(l.padding!)}, bias=${pyBool(l.bias)})`;
        t.forward.push(`x = self.${n}(x)`, ...(act === 'x' ? [] : [`x = ${act}`]));
        params(l, 'kernel', kernel);
        params(l, 'bias', bias);
        features = l.size;
        break;
      }
      case 'maxpool1d':
      case 'maxpool2d':
        toFirst();
        t.forward.push(`x = F.max_pool${l.type === 'maxpool1d' ? 1 : 2}d(x, ${l.size})`);
        break;
      case 'flatten':
        toLast();
        t.forward.push('x = torch.flatten(x, 1)');
        break;
      case 'dropout':
        t.forward.push(`x = F.dropout(x, p=${py(l.size)}, training=self.training)`);
        break;
      case 'lstm':
      case 'gru':
      case 'simplernn': {
        toLast();
        const cls = TORCH.module[l.type]!;
        const extra = l.type === 'simplernn' && l.activation === 'relu' ? ", nonlinearity='relu'" : '';
        if (l.activation && l.activation !== 'tanh' && !(l.type === 'simplernn' && l.activation === 'relu')) {
          notes.push(`${n}: PyTorch's ${cls} has a fixed tanh activation; RegNB's ${l.activation} cannot be reproduced.`);
        }
        t.init = `self.${n} = nn.${cls}(${features}, ${l.size}, batch_first=True, bias=${pyBool(l.bias)}${extra})`;
        t.forward.push(`x, _ = self.${n}(x)`);
        if (!l.returnSequences) t.forward.push('x = x[:, -1, :]');
        params(l, 'kernel', kernel);
        params(l, 'recurrent', pen(l.penalties.recurrent));
        if (bias) {
          params(l, 'bias', bias);
          notes.push(`${n}: PyTorch's ${cls} has two bias vectors (bias_ih, bias_hh) where Keras has one; both are penalized.`);
        }
        if (l.type === 'lstm' || l.type === 'gru') notes.push(`${n}: PyTorch orders the gates differently from Keras; the penalty sums are the same.`);
        features = l.size;
        break;
      }
    }
    if (activity) t.forward.push(`self.activity_penalty = self.activity_penalty + term(x, ${py(activity.l1 ?? 0)}, ${py(activity.l2 ?? 0)}, ${py(activity.expabs ?? 0)}) / x.shape[0]`);
    layers.push(t);
  }
  return { layers, notes };
}

function torchOptimizer(spec: CompletedSpec): string {
  const t = spec.train;
  switch (t.optimizer) {
    case 'sgd': return `torch.optim.SGD(model.parameters(), lr=${py(t.lr)}, momentum=${py(t.momentum)}, weight_decay=${py(t.weightDecay)})`;
    case 'rmsprop': return `torch.optim.RMSprop(model.parameters(), lr=${py(t.lr)}, alpha=0.9, eps=1e-07)`;
    case 'adamw': return `torch.optim.AdamW(model.parameters(), lr=${py(t.lr)}, eps=1e-07, weight_decay=${py(t.weightDecay)})  # decoupled, as RegNB's train.weightDecay`;
    default: return `torch.optim.Adam(model.parameters(), lr=${py(t.lr)}, eps=1e-07)  # penalties are explicit loss terms below (not weight_decay)`;
  }
}

export function pytorchScript(spec: CompletedSpec, ctx: ScriptContext = {}): string {
  const task = spec.task;
  const shape = inputShapeOf(spec, ctx);
  const { layers, notes } = torchLayers(spec, shape);
  const outAct = spec.outputActivation;
  const dataLoss =
    task === 'binary'
      ? outAct === 'sigmoid'
        ? 'F.binary_cross_entropy(out.reshape(-1).clamp(1e-7, 1 - 1e-7), yb.float())'
        : 'F.binary_cross_entropy_with_logits(out.reshape(-1), yb.float())'
      : task === 'multiclass'
        ? outAct === 'softmax'
          ? 'F.nll_loss(torch.log(out.clamp_min(1e-7)), yb)'
          : 'F.cross_entropy(out, yb)'
        : 'F.mse_loss(out.reshape(-1), yb.reshape(-1))';
  const metric =
    task === 'binary'
      ? `((out.reshape(-1) > ${outAct === 'sigmoid' ? '0.5' : '0.0'}).long() == y).float().mean().item()`
      : task === 'multiclass'
        ? '(out.argmax(dim=-1) == y).float().mean().item()'
        : '1.0 - ((y - out.reshape(-1)) ** 2).sum().item() / ((y - y.mean()) ** 2).sum().item()';
  const penalties = layers.flatMap((l) => l.params);
  const batch = Math.max(1, spec.train.batch);
  return [
    header(spec, 'PyTorch'),
    ...notes.map((n) => `# Note: ${n}`),
    'import csv',
    'import json',
    'import numpy as np',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    'import warnings',
    'from sklearn import datasets',
    '',
    'warnings.filterwarnings("ignore", message="Lazy modules")',
    'torch.set_num_threads(1)',
    `torch.manual_seed(${spec.train.seed})`,
    `np.random.seed(${spec.train.seed})`,
    '',
    dataSection(spec, ctx),
    '',
    '',
    'def term(w, l1, l2, expabs):',
    '    total = w.new_zeros(())',
    '    if l1:',
    '        total = total + l1 * w.abs().sum()',
    '    if l2:',
    '        total = total + l2 * w.pow(2).sum()',
    '    if expabs:',
    '        total = total + expabs * torch.expm1(w.abs()).sum()',
    '    return total',
    '',
    '',
    'class Net(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    '        self.activity_penalty = 0.0',
    ...layers.filter((l) => l.init).map((l) => `        ${l.init}`),
    '',
    '    def forward(self, x):',
    '        self.activity_penalty = x.new_zeros(())',
    ...layers.flatMap((l) => l.forward.map((f) => `        ${f}`)),
    '        return x',
    '',
    '',
    '# (parameter name, l1, l2, expabs): the penalized weights; biases only when the cell penalizes them.',
    'PENALTIES = [',
    ...penalties.map(([name, p]) => `    (${pyStr(name)}, ${py(p.l1 ?? 0)}, ${py(p.l2 ?? 0)}, ${py(p.expabs ?? 0)}),`),
    ']',
    '',
    '',
    'def penalty(model):',
    '    params = dict(model.named_parameters())',
    '    total = model.activity_penalty',
    '    for name, l1, l2, expabs in PENALTIES:',
    '        total = total + term(params[name], l1, l2, expabs)',
    '    return total',
    '',
    '',
    'Xtr, ytr = torch.from_numpy(X_train), torch.from_numpy(y_train)',
    'Xte, yte = torch.from_numpy(X_test), torch.from_numpy(y_test)',
    'model = Net()',
    'model(Xtr[:1])  # materialize the lazy layers before building the optimizer',
    `opt = ${torchOptimizer(spec)}`,
    `batch = min(${batch}, len(Xtr))`,
    `gen = torch.Generator().manual_seed(${spec.train.seed})`,
    '',
    '',
    'def data_loss(out, yb):',
    `    return ${dataLoss}`,
    '',
    '',
    `for epoch in range(${spec.train.epochs}):`,
    '    model.train()',
    '    perm = torch.randperm(len(Xtr), generator=gen)',
    '    for i in range(0, len(Xtr), batch):',
    '        idx = perm[i:i + batch]',
    '        opt.zero_grad()',
    '        out = model(Xtr[idx])',
    '        loss = data_loss(out, ytr[idx]) + penalty(model)',
    '        loss.backward()',
    '        opt.step()',
    '',
    'model.eval()',
    '',
    '',
    'def scores(X, y):',
    '    """Data loss (no penalty) and metric, as RegNB reports them."""',
    '    with torch.no_grad():',
    '        out = model(X)',
    `        return {"loss": data_loss(out, y).item(), ${pyStr(spec.metric)}: ${metric}}`,
    '',
    '',
    'test_scores = scores(Xte, yte)',
    '# Last on the training rows, so that activity penalties are those of the training rows.',
    'train_scores = scores(Xtr, ytr)',
    'with torch.no_grad():',
    '    final_penalty = penalty(model).item()',
    finalJson('train_scores', 'test_scores', 'final_penalty'),
    '',
  ].join('\n');
}
