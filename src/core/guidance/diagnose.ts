// Plain-words diagnosis of a run result (overfitting, underfitting, unscaled inputs under
// a penalty, weights still growing), each finding with the figures behind it, and the
// recommended penalty strength of a grid sweep. Pure logic: no vscode, no tfjs.

import type { RunResult, SetScores } from '../run/result';
import { formatAlpha, ruleWords, selectLabel, spreadWords, testWords, withinWords } from '../sweep/sweepText';
import type { SweepEvidence } from './sweepEvidence';
import { isZeroPenalty, PENALTY_PARTS } from '../experiment/penalty';
import { penaltyShare } from '../run/penaltyShare';

export type FindingKind = 'overfitting' | 'underfitting' | 'unstandardized' | 'growing-weights' | 'undefined-r2' | 'healthy';

export interface Finding {
  kind: FindingKind;
  severity: 'info' | 'warning';
  /** Plain words, with the figures behind them. */
  message: string;
  figures: Record<string, number>;
}

/** Overfitting: train - test accuracy above this many percentage points. */
export const ACCURACY_GAP_POINTS = 5;
/** Overfitting: train - test R² above this. */
export const R2_GAP = 0.1;
/** Overfitting: the smoothed test loss rose by more than this fraction above its minimum... */
export const TEST_LOSS_RISE = 0.1;
/** ...and that minimum came before this fraction of the epochs ("well before the end"). */
export const TEST_LOSS_MIN_BEFORE = 0.9;
/** Width (epochs) of the centred moving average applied to the test loss. */
export const SMOOTHING_WINDOW = 5;
/** Underfitting: the penalty is more than this share of the final training loss... */
export const PENALTY_SHARE_HIGH = 0.5;
/** ...and the training metric is below these. */
export const LOW_TRAIN_ACCURACY = 0.9;
export const LOW_TRAIN_R2 = 0.7;
/** Growing weights: a layer's L2 norm rose by more than this fraction... */
export const NORM_GROWTH = 0.05;
/** ...over this last fraction of the epochs. */
export const NORM_TAIL = 0.1;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const num = (v: number, digits = 3) => (Math.abs(v) >= 1e-3 || v === 0 ? Number(v.toPrecision(digits)).toString() : v.toExponential(2));

function metricOf(s: SetScores | undefined, metric: 'accuracy' | 'r2'): number | undefined {
  const v = s?.[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Centred moving average over `window` points (shorter at the ends). */
export function movingAverage(values: readonly number[], window = SMOOTHING_WINDOW): number[] {
  const half = Math.floor(window / 2);
  return values.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      const v = values[j] as number;
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    return count > 0 ? sum / count : NaN;
  });
}

function penalized(result: RunResult): boolean {
  return result.layers.some((l) => PENALTY_PARTS.some((p) => !isZeroPenalty(l.penalty[p])));
}

/** The strongest penalty coefficient of the run (0: none): what a sweep's alpha replaces. */
export function penaltyStrength(result: RunResult): number {
  let max = 0;
  for (const l of result.layers) {
    for (const part of PENALTY_PARTS) {
      const p = l.penalty[part];
      if (!p || isZeroPenalty(p)) continue;
      for (const v of Object.values(p)) if (typeof v === 'number' && Number.isFinite(v) && v > max) max = v;
    }
  }
  return max;
}

/**
 * How a train-test accuracy gap stands against sampling noise: the binomial standard
 * error of the difference of two proportions, sqrt(p(1-p)/n) on each side (the
 * training side is 0 when it fits every row).
 */
export function accuracyGapNoise(train: number, test: number, nTrain: number, nTest: number): { gap: number; se: number; verdict: 'within' | 'unclear' | 'beyond' } {
  const gap = train - test;
  const se = Math.sqrt((train * (1 - train)) / nTrain + (test * (1 - test)) / nTest);
  const verdict = gap <= se ? 'within' : gap <= Z95 * se ? 'unclear' : 'beyond';
  return { gap, se, verdict };
}

/** Two-sided 95% normal quantile. */
export const Z95 = 1.96;
/** Test loss this many times the training loss: the model is overconfident on unseen rows. */
export const LOSS_RATIO = 2;

/** The advice on penalty strength, never the opposite of what a sweep of the same data and network chose. */
function penaltyAdvice(result: RunResult, evidence: boolean, sweeps: readonly SweepEvidence[]): { text: string; figures: Record<string, number> } {
  const current = penaltyStrength(result);
  const figures: Record<string, number> = { penaltyStrength: current };
  const noStronger = sweeps.filter((s) => s.alpha <= current).sort((a, b) => a.alpha - b.alpha)[0];
  if (noStronger) {
    figures.sweepAlpha = noStronger.alpha;
    return {
      text:
        `The sweep '${noStronger.cell}' of the same data and network chose alpha ${formatAlpha(noStronger.alpha)} (by ${selectLabel(noStronger.select)}), ` +
        `${noStronger.alpha < current ? 'weaker than' : 'the same as'} this run's ${formatAlpha(current)}: the evidence does not favour a stronger penalty; more training data or stopping earlier are the remedies left.`,
      figures,
    };
  }
  const stronger = [...sweeps].sort((a, b) => a.alpha - b.alpha)[0];
  if (stronger) {
    figures.sweepAlpha = stronger.alpha;
    return { text: `The sweep '${stronger.cell}' of the same data and network chose alpha ${formatAlpha(stronger.alpha)}, stronger than this run's ${current > 0 ? formatAlpha(current) : 'none'}: try that strength.`, figures };
  }
  if (evidence) return { text: 'A stronger penalty (or more data, or stopping earlier) should help; a sweep (grid:) measures how much.', figures };
  return { text: 'This is not clear evidence that a stronger penalty would help: sweep alpha (a grid: cell, validated on training rows) to find out.', figures };
}

function overfitting(result: RunResult, sweeps: readonly SweepEvidence[]): Finding | null {
  const { metric, final, history } = result;
  const train = metricOf(final.train, metric);
  const test = metricOf(final.test, metric);
  const figures: Record<string, number> = {};
  const parts: string[] = [];
  // `evidence`: beyond noise (a stronger penalty may help); `hint`: a gap that may be noise.
  let evidence = false;
  let hint = false;
  if (train !== undefined && test !== undefined) {
    if (metric === 'accuracy') {
      const gap = (train - test) * 100;
      figures.trainAccuracy = train;
      figures.testAccuracy = test;
      figures.gapPoints = gap;
      const nTrain = result.data?.nTrain;
      const nTest = result.data?.nTest;
      if (nTrain && nTest) {
        const noise = accuracyGapNoise(train, test, nTrain, nTest);
        figures.gapSePoints = noise.se * 100;
        figures.nTest = nTest;
        const interval = `95% interval of the gap ±${(Z95 * noise.se * 100).toFixed(1)} points on ${nTest} test rows`;
        if (gap > ACCURACY_GAP_POINTS && noise.verdict === 'beyond') {
          evidence = true;
          parts.push(`train accuracy ${pct(train)} vs test ${pct(test)} (gap ${gap.toFixed(1)} points, beyond the ${interval})`);
        } else if (gap > ACCURACY_GAP_POINTS) {
          hint = true;
          parts.push(`train accuracy ${pct(train)} vs test ${pct(test)} (gap ${gap.toFixed(1)} points, inside the ${interval}: it may be noise)`);
        }
      } else if (gap > ACCURACY_GAP_POINTS) {
        evidence = true;
        parts.push(`train accuracy ${pct(train)} vs test ${pct(test)} (gap ${gap.toFixed(1)} points)`);
      }
    } else {
      const gap = train - test;
      figures.trainR2 = train;
      figures.testR2 = test;
      figures.gapR2 = gap;
      if (gap > R2_GAP) {
        evidence = true;
        parts.push(`train R² ${train.toFixed(3)} vs test ${test.toFixed(3)} (gap ${gap.toFixed(3)})`);
      }
    }
  }
  // Classification is judged on the loss too: a test loss far above the training loss
  // is overconfidence on unseen rows, whatever the accuracy says.
  if (metric === 'accuracy' && Number.isFinite(final.train.loss) && Number.isFinite(final.test.loss) && final.train.loss > 0) {
    const ratio = final.test.loss / final.train.loss;
    figures.trainLoss = final.train.loss;
    figures.testLoss = final.test.loss;
    if (ratio > LOSS_RATIO && (evidence || hint || parts.length === 0)) {
      figures.lossRatio = ratio;
      hint = hint || !evidence;
      parts.push(`test loss ${num(final.test.loss)} vs train loss ${num(final.train.loss)} (${ratio.toFixed(1)}×)`);
    }
  }
  const n = history.testLoss.length;
  if (n >= SMOOTHING_WINDOW * 2) {
    const smooth = movingAverage(history.testLoss);
    let iMin = 0;
    for (let i = 1; i < n; i++) if ((smooth[i] as number) < (smooth[iMin] as number)) iMin = i;
    const minV = smooth[iMin] as number;
    const last = smooth[n - 1] as number;
    const rise = minV > 0 ? (last - minV) / minV : 0;
    if (iMin < TEST_LOSS_MIN_BEFORE * (n - 1) && rise > TEST_LOSS_RISE) {
      const epoch = history.epoch[iMin] ?? iMin + 1;
      figures.testLossMinEpoch = epoch;
      figures.testLossMin = minV;
      figures.testLossFinal = last;
      figures.testLossRise = rise;
      const trainSeries = history.trainLoss && history.trainLoss.length === n ? history.trainLoss : history.dataLoss;
      const trainFell = trainSeries.length === n && (trainSeries[n - 1] as number) < (trainSeries[iMin] as number);
      // A rising test loss is evidence only while the training loss keeps falling.
      if (trainFell) evidence = true;
      else hint = true;
      parts.push(`the test loss turned upward at epoch ${epoch} (${num(minV)} → ${num(last)}, +${(rise * 100).toFixed(0)}%)` + (trainFell ? ' while the training loss kept falling' : ''));
    }
  }
  if (!evidence && !hint) return null;
  const advice = penaltyAdvice(result, evidence, sweeps);
  Object.assign(figures, advice.figures);
  const message = `${evidence ? 'Overfitting' : 'Possible overfitting'}: ${parts.join('; ')}. ${advice.text}`;
  return { kind: 'overfitting', severity: evidence ? 'warning' : 'info', message, figures };
}

function underfitting(result: RunResult, sweeps: readonly SweepEvidence[]): Finding | null {
  const { final, metric } = result;
  const total = final.train.loss + final.penalty;
  const share = penaltyShare(final);
  if (share === null || !(final.penalty > 0)) return null;
  const train = metricOf(final.train, metric);
  if (train === undefined || share <= PENALTY_SHARE_HIGH) return null;
  const low = metric === 'accuracy' ? train < LOW_TRAIN_ACCURACY : train < LOW_TRAIN_R2;
  if (!low) return null;
  const trainText = metric === 'accuracy' ? `train accuracy is only ${pct(train)}` : `train R² is only ${train.toFixed(3)}`;
  return {
    kind: 'underfitting',
    severity: 'warning',
    message:
      `Underfitting: the penalty is ${pct(share)} of the final training loss (${num(final.penalty)} of ${num(total)}) and ${trainText}: ` +
      lowerAdvice(result, sweeps),
    figures: { penaltyShare: share, penalty: final.penalty, dataLoss: final.train.loss, [metric === 'accuracy' ? 'trainAccuracy' : 'trainR2']: train },
  };
}

/** The lower-the-penalty advice, unless a sweep of the same data and network chose at least this strength. */
function lowerAdvice(result: RunResult, sweeps: readonly SweepEvidence[]): string {
  const current = penaltyStrength(result);
  const atLeast = sweeps.filter((s) => s.alpha >= current).sort((a, b) => b.alpha - a.alpha)[0];
  if (atLeast) return `yet the sweep '${atLeast.cell}' of the same data and network chose alpha ${formatAlpha(atLeast.alpha)}, no weaker than this run's ${formatAlpha(current)}: the network may be too small, or training too short, rather than the penalty too strong.`;
  return 'the penalty is too strong, lower its strength.';
}

/** ", within noise: binomial standard error 3.1 points on 70 test rows" when the gap is that small (figures filled in). */
function noiseNote(result: RunResult, train: number, test: number, figures: Record<string, number>): string {
  const nTrain = result.data?.nTrain;
  const nTest = result.data?.nTest;
  if (!nTrain || !nTest || train - test <= 0) return '';
  const noise = accuracyGapNoise(train, test, nTrain, nTest);
  figures.gapSePoints = noise.se * 100;
  figures.nTest = nTest;
  return noise.verdict === 'within' ? `, within noise: binomial standard error ${(noise.se * 100).toFixed(1)} points on ${nTest} test rows` : '';
}

/** R² of a constant target is undefined: said in words (the metric is NaN, stored as null). */
function undefinedR2(result: RunResult): Finding | null {
  if (result.metric !== 'r2' || result.status !== 'completed') return null;
  const sets = (['train', 'test'] as const).filter((set) => {
    const s = result.final[set];
    return Number.isFinite(s.loss) && !(typeof s.r2 === 'number' && Number.isFinite(s.r2));
  });
  if (sets.length === 0) return null;
  return {
    kind: 'undefined-r2',
    severity: 'info',
    message: `R² is undefined on the ${sets.join(' and ')} rows: the target is constant there, so there is no variance to explain; judge the fit by the loss (mean squared error).`,
    figures: Object.fromEntries(sets.map((set) => [`${set}Loss`, result.final[set].loss])),
  };
}

function growingWeights(result: RunResult): Finding | null {
  const grew: { layer: string; from: number; to: number; rise: number; fromEpoch: number; toEpoch: number }[] = [];
  for (const [layer, series] of Object.entries(result.history.norms)) {
    const l2 = series.l2;
    const n = l2.length;
    if (n < 10) continue;
    const k = Math.max(1, Math.ceil(NORM_TAIL * n));
    const from = l2[n - 1 - k] as number;
    const to = l2[n - 1] as number;
    if (!(from > 0) || !Number.isFinite(to)) continue;
    const rise = (to - from) / from;
    if (rise > NORM_GROWTH) {
      grew.push({ layer, from, to, rise, fromEpoch: result.history.epoch[n - 1 - k] ?? n - k, toEpoch: result.history.epoch[n - 1] ?? n });
    }
  }
  if (grew.length === 0) return null;
  grew.sort((a, b) => b.rise - a.rise);
  const top = grew[0]!;
  const figures: Record<string, number> = { layers: grew.length, rise: top.rise, from: top.from, to: top.to, fromEpoch: top.fromEpoch, toEpoch: top.toEpoch };
  const list = grew
    .map((g) => `${g.layer} L2 norm ${num(g.from)} → ${num(g.to)} (+${(g.rise * 100).toFixed(1)}%)`)
    .join(', ');
  return {
    kind: 'growing-weights',
    severity: 'warning',
    message: `Weights still growing at the end (epochs ${top.fromEpoch}–${top.toEpoch}): ${list}. Train longer or add a penalty.`,
    figures,
  };
}

export interface DiagnoseContext {
  standardize?: string | false;
  /** Sweeps of the same data and network in the notebook (sweepEvidence.ts): advice never contradicts them. */
  sweeps?: readonly SweepEvidence[];
}

export function diagnose(result: RunResult, context?: DiagnoseContext): Finding[] {
  const findings: Finding[] = [];
  const sweeps = context?.sweeps ?? [];
  const over = overfitting(result, sweeps);
  if (over) findings.push(over);
  const r2 = undefinedR2(result);
  if (r2) findings.push(r2);
  const under = underfitting(result, sweeps);
  if (under) findings.push(under);
  const standardize = context && 'standardize' in context ? context.standardize : result.data?.standardize;
  if (standardize === false && penalized(result)) {
    const nPen = result.layers.filter((l) => PENALTY_PARTS.some((p) => !isZeroPenalty(l.penalty[p]))).length;
    findings.push({
      kind: 'unstandardized',
      severity: 'warning',
      message:
        `Inputs are not standardized but ${nPen} layer${nPen === 1 ? ' has' : 's have'} a penalty: ` +
        'the penalty sums weights of inputs on different scales, so it punishes some inputs more than others; set data.standardize: true.',
      figures: { penalizedLayers: nPen },
    });
  }
  const grow = growingWeights(result);
  if (grow) findings.push(grow);
  if (findings.length === 0) {
    const train = metricOf(result.final.train, result.metric);
    const test = metricOf(result.final.test, result.metric);
    const figures: Record<string, number> = {};
    let text = 'No problem found';
    if (train !== undefined && test !== undefined) {
      figures.train = train;
      figures.test = test;
      text +=
        result.metric === 'accuracy'
          ? `: train accuracy ${pct(train)}, test ${pct(test)} (gap ${((train - test) * 100).toFixed(1)} points${noiseNote(result, train, test, figures)})`
          : `: train R² ${train.toFixed(3)}, test ${test.toFixed(3)}`;
    }
    const share = penaltyShare(result.final);
    if (result.final.penalty > 0 && share !== null) {
      figures.penaltyShare = share;
      text += `; the penalty is ${pct(figures.penaltyShare)} of the training loss`;
    }
    findings.push({ kind: 'healthy', severity: 'info', message: `${text}.`, figures });
  }
  return findings;
}

// ---------------------------------------------------------------------------------
// Grid sweeps

export interface AlphaRecommendation {
  alpha: number;
  mean: number;
  std: number;
  /** Standard error of the mean (absent in results stored before it was derived). */
  se?: number;
  /** What was compared, e.g. `validation.loss`. */
  select: string;
  /** Models behind the mean: repeats times folds. */
  repeats: number;
  /** The chosen value is the smallest or largest alpha searched. */
  atEdge: 'low' | 'high' | null;
  /** Alphas within one standard error of the best mean (the data cannot tell them apart). */
  within?: number[];
  message: string;
}

/**
 * The sweep's chosen alpha in words. Reads the choice the sweep made (grid.best, from
 * src/core/sweep/plan.ts): it never picks again.
 */
export function recommendAlpha(result: RunResult): AlphaRecommendation | null {
  const grid = result.grid;
  const best = grid?.best;
  if (!grid || !best || !Number.isFinite(best.alpha)) return null;
  const select = grid.select ?? `test.${result.metric}`;
  const searched = [...new Set([...grid.alpha, ...(grid.stats ?? []).map((s) => s.alpha)])].sort((a, b) => a - b);
  let atEdge: 'low' | 'high' | null = null;
  if (searched.length >= 2) {
    if (best.alpha === searched[0]) atEdge = 'low';
    else if (best.alpha === searched[searched.length - 1]) atEdge = 'high';
  }
  const repeats = best.n ?? grid.runs.filter((p) => p.alpha === best.alpha && (!p.status || p.status === 'completed')).length;
  const parts = [`alpha ${formatAlpha(best.alpha)} (${spreadWords(grid)})`];
  const rule = ruleWords(grid);
  if (rule) parts.push(`chosen as ${rule}`);
  const within = withinWords(grid);
  if (within) parts.push(within);
  if (atEdge) {
    const end = atEdge === 'low' ? `smallest value searched, ${formatAlpha(searched[0]!)}` : `largest value searched, ${formatAlpha(searched[searched.length - 1]!)}`;
    parts.push(`the chosen value is at the edge of the range (${end}): extend it ${atEdge === 'low' ? 'downward' : 'upward'}`);
  }
  const test = testWords(grid, result.metric, result.data?.nTrain);
  if (test) parts.push(test);
  return {
    alpha: best.alpha,
    mean: best.mean,
    std: best.std,
    ...(best.se !== undefined ? { se: best.se } : {}),
    select,
    repeats,
    atEdge,
    ...(best.within ? { within: best.within } : {}),
    message: parts.join('; '),
  };
}
