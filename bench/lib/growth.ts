// Benchmark 6: how the cost of an epoch grows, RegNB against PyTorch (1 thread), as the
// hidden units grow (50 to 2000), the training rows grow (30 to 3000, digits among them)
// and the hidden layers grow (1 to 4), and at the corner 2000 units x 3000 rows.
//
// Every point trains the same network from the same initial weights on the same data in
// both tools (RegNB exports them: bench/regnb/growth.ts), full batch, so that the final
// losses can be compared. Each point's epochs are its share of a fixed budget of
// multiply-adds (epochsFor), so that a big network runs few epochs and the whole
// benchmark takes a few minutes; the counts depend on the sizes only, not on the machine,
// so reruns train the same epochs.

import { fmt, printTable, times, type Cell } from './format';
import { peerJob, regnbJob } from './jobs';
import type { GrowthData, GrowthJob, GrowthNet, GrowthPrepared, GrowthResult } from './types';

/** The tutorial's network: one hidden layer of 500 units on 30 moons rows, the point every series passes through. */
const BASE: GrowthNet = { data: 'moons30', hidden: 500, layers: 1 };

interface Point {
  series: 'hidden units' | 'training rows' | 'hidden layers' | 'corner';
  net: GrowthNet;
}

function points(quick: boolean): Point[] {
  // --quick (a smoke test): three networks, the tutorial's, 50 units and digits.
  const units = quick ? [50, 500] : [50, 200, 500, 1000, 2000];
  const rows: GrowthData[] = quick ? ['moons30', 'digits'] : ['moons30', 'moons300', 'digits', 'moons3000'];
  const layers = quick ? [1] : [1, 2, 3, 4];
  return [
    ...units.map((hidden): Point => ({ series: 'hidden units', net: { ...BASE, hidden } })),
    ...rows.map((data): Point => ({ series: 'training rows', net: { ...BASE, data } })),
    ...layers.map((l): Point => ({ series: 'hidden layers', net: { ...BASE, layers: l } })),
    ...(quick ? [] : [{ series: 'corner', net: { data: 'moons3000', hidden: 2000, layers: 1 } } as Point]),
  ];
}

const keyOf = (n: GrowthNet) => `${n.data}/${n.hidden}/${n.layers}`;

/** Multiply-adds budgeted per point (0.2-5 s of RegNB's train() on a 2-core EPYC), and the epoch bounds. */
const BUDGET = { full: { macs: 1.5e9, min: 20, max: 2000 }, quick: { macs: 5e7, min: 3, max: 100 } };
/** A fixed cost per epoch, in multiply-adds: the per-epoch work that does not grow with the network (record, calls). */
const EPOCH_OVERHEAD = 3e5;

type DataSize = GrowthPrepared['data'][GrowthData];

function weightsOf(net: GrowthNet, d: DataSize): number {
  const sizes = [d.features, ...Array<number>(net.layers).fill(net.hidden), d.classes === 2 ? 1 : d.classes];
  return sizes.slice(1).reduce((a, out, i) => a + (sizes[i] + 1) * out, 0);
}

/**
 * An epoch's multiply-adds in train(): forward and backward over the training rows (3 per
 * weight and row), the record's inference pass over every row (1 per weight and row),
 * Adam (about 10 per weight), and the fixed part.
 */
function epochsFor(net: GrowthNet, d: DataSize, quick: boolean): number {
  const b = quick ? BUDGET.quick : BUDGET.full;
  const cost = weightsOf(net, d) * (4 * d.nTrain + d.nTest + 10) + EPOCH_OVERHEAD;
  return Math.max(b.min, Math.min(b.max, Math.round(b.macs / cost)));
}

export interface GrowthRun {
  tmpDir: string;
  /** Whether the PyTorch peer is installed (RegNB's columns only otherwise). */
  peers: boolean;
  quick: boolean;
}

/** The tutorial's training, as in benchmark 1: L2 1e-3 on the kernels, Adam lr 1e-3, seed 1. */
const TRAIN = { l2: 0.001, lr: 0.001, seed: 1 };

/** Runs a job; a failure is printed and the benchmark goes on with the other points. */
function attempt<T>(what: string, f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    console.log(`  ! ${what}: ${(e as Error).message}`);
    return undefined;
  }
}

/** Runs benchmark 6 (a RegNB process, then a PyTorch process, per network) and prints its table. */
export function growthBenchmark(g: GrowthRun) {
  const all = points(g.quick);
  const nets = [...new Map(all.map((p) => [keyOf(p.net), p.net])).values()];
  const prepared = regnbJob<GrowthPrepared>({ kind: 'growthPrepare', outDir: g.tmpDir, nets, ...TRAIN }, g.tmpDir);
  const results = new Map<string, { job: GrowthJob; weights: number; regnb?: GrowthResult; torch?: GrowthResult }>();
  nets.forEach((net, i) => {
    const d = prepared.data[net.data];
    const epochs = epochsFor(net, d, g.quick);
    const job: GrowthJob = { kind: 'growth', ...net, file: d.file, init: prepared.init[i], epochs, warmup: Math.max(2, Math.round(epochs / 10)), ...TRAIN };
    const what = `${net.layers} x ${net.hidden} units on ${net.data}`;
    const regnb = attempt(`RegNB growth, ${what}`, () => regnbJob<GrowthResult>(job, g.tmpDir));
    const torch = g.peers ? attempt(`PyTorch growth, ${what}`, () => peerJob<GrowthResult>('torch', job, g.tmpDir)) : undefined;
    results.set(keyOf(net), { job, weights: weightsOf(net, d), regnb, torch });
  });

  const eps = (epochs: number, ms: number | undefined) => (ms === undefined ? undefined : (epochs * 1000) / ms);
  const rel = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.abs(a - b) / Math.abs(b));
  const worst = { f32: 0, f64: 0 };
  const rows = all.map((p): Cell[] => {
    const { job, weights, regnb, torch } = results.get(keyOf(p.net))!;
    const d = prepared.data[p.net.data];
    const [run, steps, peer] = [eps(job.epochs, regnb?.run.ms), eps(job.epochs, regnb?.steps?.ms), eps(job.epochs, torch?.run.ms)];
    // The worse of RegNB's two runs against a PyTorch loss.
    const diff = (ref: number | undefined) => (regnb && ref !== undefined ? Math.max(rel(regnb.run.trainLoss, ref)!, rel(regnb.steps?.trainLoss, ref) ?? 0) : undefined);
    const [f32, f64] = [diff(torch?.run.trainLoss), diff(torch?.float64Loss)];
    worst.f32 = Math.max(worst.f32, f32 ?? 0);
    worst.f64 = Math.max(worst.f64, f64 ?? 0);
    const sci = (v: number | undefined) => (v === undefined ? '-' : v.toExponential(1));
    return [p.series, `${p.net.layers} x ${p.net.hidden}`, `${p.net.data === 'digits' ? 'digits ' : ''}${d.nTrain}`, weights, job.epochs, fmt(run, 0), fmt(steps, 0), fmt(peer, 0),
      times(run && peer ? run / peer : undefined), times(steps && peer ? steps / peer : undefined), sci(f32), sci(f64), sci(rel(torch?.run.trainLoss, torch?.float64Loss))];
  });
  printTable(
    '6. How cost grows: epochs/s of one network, full batch, RegNB and PyTorch (1 thread) from the same initial weights on the same data',
    ['series', 'layers x units', 'train rows', 'weights', 'epochs', 'RegNB train()', 'RegNB steps', 'PyTorch', 'train() / PyTorch', 'steps / PyTorch', 'loss vs PyTorch', 'vs PyTorch f64', 'PyTorch vs f64'],
    rows,
    [
      'Relu hidden layers; output Dense 1 sigmoid (moons) or Dense 10 softmax (digits, 64 inputs); L2 1e-3 on every kernel; Adam lr 1e-3; one batch of all training rows.',
      'Moons: 100 rows (30 train, the tutorial), 429 (300 train), 4286 (3000 train); digits: 1797 rows, 1258 train. Epochs: a budget of multiply-adds per point, after 10% untimed warm-up epochs.',
      `Backends: RegNB ${[...new Set([...results.values()].map((r) => r.regnb?.backend).filter(Boolean))].join(' / ') || '-'}; PyTorch ${[...results.values()].find((r) => r.torch)?.torch?.backend ?? '-'}.`,
      'RegNB train(): the full per-epoch record (inference over train+test, losses, metrics, norms); RegNB steps: the same epochs without it; PyTorch: the steps only.',
      'Final training loss, |a - b| / |b|: RegNB (the worse of its two runs) vs PyTorch (float32, timed) and vs the same PyTorch training in float64 (untimed);',
      `last column: PyTorch float32 vs float64, its own rounding. At most ${worst.f32.toExponential(1)} vs PyTorch, ${worst.f64.toExponential(1)} vs float64 (RegNB's fused engine computes in float64; the bench's bar is 1e-4).`,
    ],
  );
  return { points: all.map((p) => ({ series: p.series, ...results.get(keyOf(p.net))! })) };
}
