// The settings in other tools (Keras, PyTorch, scikit-learn) that give the same
// objective as a cell's penalties, with the numbers. Pure logic.
//
// Conventions (see the notes "Conventions of other tools"):
//   ours:     mean data loss + l1 * sum|w| + l2 * sum(w^2) + expabs * sum(exp|w| - 1)
//   Keras:    the same (no 1/2 factor), so the numbers carry over unchanged.
//   PyTorch:  SGD/Adam weight_decay adds weight_decay * w to the gradient, i.e. the
//             gradient of (weight_decay / 2) * sum(w^2): weight_decay = 2 * l2.
//   sklearn:  MLPClassifier: mean logloss + 0.5 * alpha * sum(W^2) / batch → alpha = 2 * batch * l2.
//             MLPRegressor:  mean(squared error) / 2 + 0.5 * alpha * sum(W^2) / batch; this is
//                            ours / 2 when alpha = batch * l2 (its squared loss has a 1/2).
//             Ridge:      ||y - Xw||^2 + alpha ||w||^2 = n * ours          → alpha = n * l2
//             Lasso:      (1/2n)||y - Xw||^2 + alpha ||w||_1 = ours / 2     → alpha = l1 / 2
//             ElasticNet: (1/2n)||.||^2 + alpha r ||w||_1 + 0.5 alpha (1 - r) ||w||^2 = ours / 2
//                         → alpha = l1 / 2 + l2, r = (l1 / 2) / alpha
//             LogisticRegression: r ||w||_1 + (1 - r)/2 ||w||^2 + C sum(logloss) = ours / (l1 + 2 l2)
//                         → C = 1 / (n (l1 + 2 l2)), l1_ratio = l1 / (l1 + 2 l2)  (pure L2: C = 1 / (2 n l2))

import type { CompletedSpec, LayerSpec } from '../experiment/experiment';
import { WEIGHTED_LAYER_TYPES, RECURRENT_LAYER_TYPES } from '../experiment/experiment';
import { isZeroPenalty, PENALTY_PARTS, type Penalty } from '../experiment/penalty';
import { KERAS, SKLEARN, py, torchParameters } from './toolTables';

export type Tool = 'keras' | 'pytorch' | 'sklearn';

export interface Equivalent {
  tool: Tool;
  /** Short name of the setting, e.g. `Ridge`, `MLPClassifier`, `weight_decay`. */
  what: string;
  /** Code to paste (Python), or '' when there is no equivalent. */
  code: string;
  /** false when the tool has no setting with the same objective (`note` says why). */
  exact: boolean;
  /** The mapped numbers, e.g. { alpha: 0.3 }. */
  values: Record<string, number>;
  /** Plain words: caveats, or why there is no equivalent. */
  note: string;
}

function describe(p: Penalty): string {
  const parts: string[] = [];
  if (p.l1) parts.push(`l1 ${py(p.l1)}`);
  if (p.l2) parts.push(`l2 ${py(p.l2)}`);
  if (p.expabs) parts.push(`expabs ${py(p.expabs)}`);
  return parts.length ? parts.join(' + ') : 'none';
}

function samePenalty(a: Penalty | undefined, b: Penalty | undefined): boolean {
  return (a?.l1 ?? 0) === (b?.l1 ?? 0) && (a?.l2 ?? 0) === (b?.l2 ?? 0) && (a?.expabs ?? 0) === (b?.expabs ?? 0);
}

const weighted = (spec: CompletedSpec) => spec.model.filter((l) => WEIGHTED_LAYER_TYPES.includes(l.type));
const activeParts = (l: LayerSpec) => PENALTY_PARTS.filter((p) => !isZeroPenalty(l.penalties[p]));
function kerasEquivalents(spec: CompletedSpec): Equivalent[] {
  const out: Equivalent[] = [];
  for (const l of weighted(spec)) {
    const parts = activeParts(l);
    if (parts.length === 0) continue;
    const args: string[] = [];
    let hasExp = false;
    const values: Record<string, number> = {};
    for (const part of parts) {
      const p = l.penalties[part]!;
      if (p.expabs) hasExp = true;
      if (p.l1) values[`${part}.l1`] = p.l1;
      if (p.l2) values[`${part}.l2`] = p.l2;
      if (p.expabs) values[`${part}.expabs`] = p.expabs;
      if (p.l1 || p.l2) args.push(`${KERAS.regularizer[part]}=regularizers.L1L2(l1=${py(p.l1 ?? 0)}, l2=${py(p.l2 ?? 0)})`);
      else args.push(`${KERAS.regularizer[part]}=expabs(${py(p.expabs ?? 0)})`);
    }
    out.push({
      tool: 'keras',
      what: `${l.name} regularizers`,
      code: args.join(', '),
      exact: !hasExp,
      values,
      note: hasExp
        ? 'Keras has no exp(|w|) - 1 penalty: a custom regularizer is needed, e.g. ' +
          '`def expabs(c): return lambda w: c * tf.reduce_sum(tf.exp(tf.abs(w)) - 1.0)` (combined with L1/L2 by adding both terms).'
        : 'Same numbers: Keras adds l1 * sum|w| + l2 * sum(w^2) with no 1/2 factor, like RegNB.' +
          (parts.includes('activity') ? ' activity_regularizer is averaged over the batch in Keras too.' : ''),
    });
  }
  if (spec.train.weightDecay) {
    out.push({
      tool: 'keras',
      what: 'weight_decay',
      code: spec.train.optimizer === 'adamw'
        ? `keras.optimizers.AdamW(learning_rate=${py(spec.train.lr)}, weight_decay=${py(spec.train.weightDecay)})`
        : `keras.optimizers.SGD(learning_rate=${py(spec.train.lr)}, momentum=${py(spec.train.momentum)}, weight_decay=${py(spec.train.weightDecay)})`,
      exact: true,
      values: { weight_decay: spec.train.weightDecay },
      note: 'Decoupled weight decay: the optimizer shrinks the weights directly; no loss term.',
    });
  }
  return out;
}

function pytorchEquivalents(spec: CompletedSpec): Equivalent[] {
  const out: Equivalent[] = [];
  const layers = weighted(spec);
  const penalizedLayers = layers.filter((l) => activeParts(l).length > 0);
  const kernelL2 = layers[0]?.penalties.kernel?.l2 ?? 0;
  const uniformL2 =
    layers.length > 0 &&
    kernelL2 > 0 &&
    layers.every((l) => {
      const ok = samePenalty(l.penalties.kernel, { l2: kernelL2 }) && isZeroPenalty(l.penalties.bias) && isZeroPenalty(l.penalties.activity);
      return ok && (!RECURRENT_LAYER_TYPES.includes(l.type) || samePenalty(l.penalties.recurrent, { l2: kernelL2 }));
    });
  const opt = spec.train.optimizer;
  const torchOpt = opt === 'sgd' ? 'SGD' : opt === 'rmsprop' ? 'RMSprop' : 'Adam';
  if (uniformL2 && opt !== 'adamw') {
    const wd = 2 * kernelL2;
    out.push({
      tool: 'pytorch',
      what: 'weight_decay',
      code:
        `decay = [p for n, p in model.named_parameters() if 'bias' not in n]\n` +
        `no_decay = [p for n, p in model.named_parameters() if 'bias' in n]\n` +
        `opt = torch.optim.${torchOpt}([{'params': decay, 'weight_decay': ${py(wd)}}, {'params': no_decay, 'weight_decay': 0.0}], lr=${py(spec.train.lr)})`,
      exact: true,
      values: { weight_decay: wd },
      note:
        `weight_decay = 2 * l2 = ${py(wd)}: PyTorch adds weight_decay * w to the gradient, the gradient of (weight_decay/2) * sum(w^2). ` +
        'Biases go in their own parameter group with weight_decay 0 (otherwise PyTorch decays them too). ' +
        'Do not use AdamW for this: its weight_decay is decoupled (applied outside the adaptive step) and is NOT equivalent to an L2 penalty.',
    });
  } else if (penalizedLayers.length > 0) {
    const lines = penalizedLayers.flatMap((l) =>
      activeParts(l).map((part) => {
        const p = l.penalties[part]!;
        const targets = part === 'activity' ? [`${l.name}_out`] : torchParameters(l, part);
        const terms: string[] = [];
        for (const target of targets) {
          if (p.l1) terms.push(`${py(p.l1)} * ${target}.abs().sum()`);
          if (p.l2) terms.push(`${py(p.l2)} * ${target}.pow(2).sum()`);
          if (p.expabs) terms.push(`${py(p.expabs)} * torch.expm1(${target}.abs()).sum()`);
        }
        return part === 'activity' ? `loss = loss + (${terms.join(' + ')}) / batch_size  # ${l.name} activity` : `loss = loss + ${terms.join(' + ')}`;
      }),
    );
    const why = opt === 'adamw'
      ? 'With AdamW the penalty must be an explicit loss term: AdamW\'s weight_decay is decoupled and NOT equivalent to an L2 penalty.'
      : 'The penalties are not one L2 on every kernel (L1, expabs, activity, bias or per-layer differences), so they are written as an explicit loss term; weight_decay would not match.';
    out.push({ tool: 'pytorch', what: 'explicit penalty term', code: lines.join('\n'), exact: true, values: {}, note: why });
  }
  if (spec.train.weightDecay) {
    const d = spec.train.weightDecay;
    out.push({
      tool: 'pytorch',
      what: 'weight_decay',
      code: opt === 'adamw'
        ? `torch.optim.AdamW(model.parameters(), lr=${py(spec.train.lr)}, weight_decay=${py(d)})`
        : `torch.optim.SGD(model.parameters(), lr=${py(spec.train.lr)}, momentum=${py(spec.train.momentum)}, weight_decay=${py(d)})`,
      exact: opt === 'adamw' || !spec.train.momentum,
      values: { weight_decay: d },
      note: opt === 'adamw'
        ? 'train.weightDecay maps to torch AdamW weight_decay directly (both decoupled). Set it explicitly: AdamW defaults to 0.01.'
        : spec.train.momentum
          ? 'PyTorch SGD weight_decay is coupled (goes through momentum); RegNB\'s is decoupled: they agree only with momentum 0.'
          : 'With plain SGD (momentum 0) coupled and decoupled weight decay are the same update.',
    });
  }
  return out;
}

function sklearnEquivalents(spec: CompletedSpec, nTrain: number): Equivalent[] {
  const layers = weighted(spec);
  const task = spec.task;
  const none = (what: string, note: string): Equivalent[] => [{ tool: 'sklearn', what, code: '', exact: false, values: {}, note }];
  const penalizedLayers = layers.filter((l) => activeParts(l).length > 0);
  if (penalizedLayers.length === 0) return [];
  if (penalizedLayers.some((l) => activeParts(l).some((p) => l.penalties[p]?.expabs))) {
    return none('none', 'scikit-learn has no exp(|w|) - 1 penalty and no way to add a custom penalty: there is no equivalent.');
  }
  const nonDense = spec.model.filter((l) => l.type !== 'dense' && l.type !== 'dropout');
  if (nonDense.length > 0) {
    return none('none', `scikit-learn's neural networks are dense only; this cell has ${nonDense.map((l) => l.type).join(', ')} layers.`);
  }
  if (penalizedLayers.some((l) => !isZeroPenalty(l.penalties.bias) || !isZeroPenalty(l.penalties.activity))) {
    return none('none', 'scikit-learn never penalizes intercepts or layer outputs; this cell has a bias or activity penalty.');
  }
  const out: Equivalent[] = [];
  const p0 = layers[0]?.penalties.kernel ?? {};
  const single = layers.every((l) => samePenalty(l.penalties.kernel, p0));
  const l1 = p0.l1 ?? 0;
  const l2 = p0.l2 ?? 0;
  const n = nTrain;
  // Linear models: a single dense layer.
  if (layers.length === 1 && spec.model.filter((l) => l.type === 'dense').length === 1) {
    const act = spec.outputActivation;
    if (task === 'regression' && act === 'linear') {
      if (l1 === 0) {
        out.push({ tool: 'sklearn', what: 'Ridge', code: `Ridge(alpha=${py(n * l2)})`, exact: true, values: { alpha: n * l2 },
          note: `Ridge minimizes ||y - Xw||^2 + alpha ||w||^2, which is n = ${n} times our mean squared error + l2 ||w||^2: alpha = n * l2.` });
      } else if (l2 === 0) {
        out.push({ tool: 'sklearn', what: 'Lasso', code: `Lasso(alpha=${py(l1 / 2)})`, exact: true, values: { alpha: l1 / 2 },
          note: 'Lasso minimizes (1/2n)||y - Xw||^2 + alpha ||w||_1, half of ours: alpha = l1 / 2.' });
      } else {
        const alpha = l1 / 2 + l2;
        const r = l1 / 2 / alpha;
        out.push({ tool: 'sklearn', what: 'ElasticNet', code: `ElasticNet(alpha=${py(alpha)}, l1_ratio=${py(r)})`, exact: true, values: { alpha, l1_ratio: r },
          note: 'ElasticNet minimizes (1/2n)||y - Xw||^2 + alpha r ||w||_1 + 0.5 alpha (1 - r) ||w||^2, half of ours: alpha = l1/2 + l2, l1_ratio = (l1/2) / alpha.' });
      }
    } else if ((task === 'binary' && act === 'sigmoid') || (task === 'multiclass' && act === 'softmax')) {
      const k = l1 + 2 * l2;
      const C = 1 / (n * k);
      const r = l1 / k;
      const multi = task === 'multiclass' ? ", multi_class='multinomial'" : '';
      const code = l1 === 0
        ? `LogisticRegression(C=${py(C)}, solver='lbfgs'${multi})`
        : l2 === 0
          ? `LogisticRegression(penalty='l1', C=${py(C)}, solver='saga'${multi})`
          : `LogisticRegression(penalty='elasticnet', C=${py(C)}, l1_ratio=${py(r)}, solver='saga'${multi})`;
      out.push({ tool: 'sklearn', what: 'LogisticRegression', code, exact: true, values: l1 && l2 ? { C, l1_ratio: r } : { C },
        note: `LogisticRegression minimizes r ||w||_1 + (1 - r)/2 ||w||^2 + C * sum(logloss), which is our mean logloss + l1 ||w||_1 + l2 ||w||^2 divided by (l1 + 2 l2): C = 1 / (n (l1 + 2 l2)) with n = ${n}. ` +
          'Use lbfgs or saga (liblinear penalizes the intercept).' });
    }
  }
  // MLP
  const batch = Math.min(spec.train.batch, n);
  if (!single) {
    const desc = layers.map((l) => `${l.name}: ${describe(l.penalties.kernel ?? {})}`).join(', ');
    out.push(...none(task === 'regression' ? 'MLPRegressor' : 'MLPClassifier',
      `scikit-learn's MLP has a single alpha for all layers; this cell penalizes layers differently (${desc}).`));
  } else if (l1 > 0) {
    out.push(...none(task === 'regression' ? 'MLPRegressor' : 'MLPClassifier', 'scikit-learn\'s MLP only has an L2 penalty (alpha); this cell uses L1.'));
  } else {
    const reg = task === 'regression';
    const alpha = (reg ? 1 : 2) * batch * l2;
    const hidden = layers.slice(0, -1).map((l) => l.size);
    const acts = [...new Set(layers.slice(0, -1).map((l) => l.activation ?? 'linear'))];
    const act = acts.length === 0 ? 'relu' : acts.length === 1 ? SKLEARN.activation[acts[0]!] : undefined;
    const solver = spec.train.optimizer === 'sgd' ? 'sgd' : 'adam';
    const caveats: string[] = [];
    if (!act) caveats.push(`scikit-learn's MLP has one activation for all hidden layers and supports relu/tanh/logistic/identity only (this cell: ${acts.join(', ')})`);
    if (spec.train.optimizer === 'rmsprop' || spec.train.optimizer === 'adamw') caveats.push(`scikit-learn has no ${spec.train.optimizer} solver`);
    if (spec.model.some((l) => l.type === 'dropout')) caveats.push('scikit-learn\'s MLP has no dropout');
    if (n % batch !== 0) caveats.push(`the last batch has ${n % batch} rows, so there the effective l2 is alpha / (2 * ${n % batch}) instead`);
    out.push({
      tool: 'sklearn',
      what: reg ? 'MLPRegressor' : 'MLPClassifier',
      code: `${reg ? 'MLPRegressor' : 'MLPClassifier'}(hidden_layer_sizes=(${hidden.join(', ')}${hidden.length === 1 ? ',' : ''}), activation='${act ?? 'relu'}', ` +
        `solver='${solver}', alpha=${py(alpha)}, batch_size=${batch}, learning_rate_init=${py(spec.train.lr)}, max_iter=${spec.train.epochs}, random_state=${spec.train.seed})`,
      exact: caveats.length === 0,
      values: { alpha, batch_size: batch },
      note: (reg
        ? `MLPRegressor adds 0.5 * alpha * sum(W^2) / batch to half the mean squared error, so alpha = batch * l2 = ${batch} * ${py(l2)}`
        : `MLPClassifier adds 0.5 * alpha * sum(W^2) / batch to the mean log loss, so alpha = 2 * batch * l2 = 2 * ${batch} * ${py(l2)}`) +
        ` (batch = min(batch, nTrain) = ${batch}); it never penalizes intercepts.` + (caveats.length ? ` Caveats: ${caveats.join('; ')}.` : ''),
    });
  }
  return out;
}

/** For a cell's penalties, the settings that give the same objective in Keras, PyTorch and scikit-learn. */
export function equivalentSettings(spec: CompletedSpec, nTrain: number): Equivalent[] {
  return [...kerasEquivalents(spec), ...pytorchEquivalents(spec), ...sklearnEquivalents(spec, nTrain)];
}
