// Turns a trained member's rows into the contract's run result (section 3).

import type { Dataset } from '../data/dataset';
import type { CompletedSpec } from '../experiment/experiment';
import type { BackendName, FinalScores, History, LayerInfo, MetricName, RunResult, SetScores } from '../run/result';
import type { EpochRow, MemberOutcome } from './trainer';
import type { Network } from './network';

export function layerInfos(net: Network): LayerInfo[] {
  return net.weighted.map((l) => ({ name: l.name, type: l.type, params: l.layer.countParams(), penalty: l.penalties }));
}

export function historyOf(net: Network, rows: EpochRow[]): History {
  const names = net.weighted.map((l) => l.name);
  const history: History = {
    epoch: rows.map((r) => r.epoch),
    dataLoss: rows.map((r) => r.dataLoss),
    penalty: Object.fromEntries(names.map((n, k) => [n, rows.map((r) => r.penalty[k])])),
    totalLoss: rows.map((r) => r.totalLoss),
    testLoss: rows.map((r) => r.testLoss),
    trainMetric: rows.map((r) => r.trainMetric),
    testMetric: rows.map((r) => r.testMetric),
    norms: Object.fromEntries(
      names.map((n, k) => [n, { l1: rows.map((r) => r.norms[k][0]), l2: rows.map((r) => r.norms[k][1]), max: rows.map((r) => r.norms[k][2]), sparsity: rows.map((r) => r.norms[k][3]) }]),
    ),
    trainLoss: rows.map((r) => r.trainLoss),
  };
  return history;
}

/** The last epoch's scores, the metric under `metric` (the completed spec's). */
export function finalOf(metric: MetricName, rows: EpochRow[]): FinalScores {
  const last = rows[rows.length - 1];
  const scores = (loss: number, m: number): SetScores => ({ loss, [metric]: m });
  if (!last) return { train: { loss: NaN }, test: { loss: NaN }, penalty: 0 };
  return {
    train: scores(last.trainLoss, last.trainMetric),
    test: scores(last.testLoss, last.testMetric),
    penalty: last.penalty.reduce((a, b) => a + b, 0),
  };
}

export interface RunIdentity {
  runId: string;
  startedAt: string;
  backend: BackendName;
  store: string | null;
  notebook?: string;
  from?: { cell: string; runId: string } | null;
}

export function buildRunResult(spec: CompletedSpec, dataset: Dataset, outcome: MemberOutcome, id: RunIdentity): RunResult {
  return {
    regnb: 1,
    name: spec.name,
    runId: id.runId,
    status: outcome.status,
    error: outcome.error,
    task: spec.task,
    metric: spec.metric,
    backend: outcome.engine === 'fused' ? 'fused' : id.backend,
    durationMs: outcome.durationMs,
    layers: layerInfos(outcome.network),
    history: historyOf(outcome.network, outcome.rows),
    final: finalOf(spec.metric, outcome.rows),
    store: id.store,
    startedAt: id.startedAt,
    ...(id.notebook ? { notebook: id.notebook } : {}),
    weightDecay: spec.train.weightDecay,
    from: id.from ?? null,
    data: {
      source: spec.data.source === 'file' ? `file:${spec.data.file}` : spec.data.source,
      nTrain: dataset.nTrain,
      nTest: dataset.nTest,
      inputShape: dataset.inputShape,
      standardize: spec.data.standardize,
    },
  };
}
