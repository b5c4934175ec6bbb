// The bench's networks written as RegNB cells and parsed by RegNB's own cell parser,
// so they get exactly the defaults and penalty placement a notebook user gets
// (`regularize` at the top: kernels only, biases not penalized).

import { parseCell } from '../../src/core/cell';
import { isCompleted, type CompletedSpec } from '../../src/core/experiment/experiment';
import type { GrowthData, GrowthNet } from '../lib/types';

/** The tutorial's moons data: 100 points, the first 30 generated (shuffle false) train. */
const MOONS = 'data: { source: moons, samples: 100, noise: 0.2, seed: 1, shuffle: false, train: 30 }';

export interface MoonsCell {
  hidden: number;
  l2: number;
  epochs: number;
  batch: number;
  lr: number;
  seed: number;
  /** A sweep: these alphas replace l2, each trained `repeats` times. */
  grid?: { alphas: number[]; repeats: number };
  /** Leave the output activation to the task's default instead of writing `sigmoid`. */
  implicitOutput?: boolean;
}

export function moonsSpec(c: MoonsCell): CompletedSpec {
  return parse([
    'name: bench-moons',
    MOONS,
    'model:',
    `  - dense: ${c.hidden}`,
    '    activation: relu',
    '  - dense: 1',
    ...(c.implicitOutput ? [] : ['    activation: sigmoid']),
    `regularize: { l2: ${c.l2} }`,
    `train: { epochs: ${c.epochs}, batch: ${c.batch}, optimizer: adam, lr: ${c.lr}, seed: ${c.seed} }`,
    ...(c.grid ? [`grid: { alpha: [${c.grid.alphas.join(', ')}], repeats: ${c.grid.repeats}, refine: 0, select: test.accuracy }`] : []),
  ]);
}

/**
 * Benchmark 6's data: the tutorial's moons (30 training rows of 100), moons with 300 and
 * 3000 training rows (70% of the rows, the default split), and the digits set (8x8
 * images as 64 inputs, 10 classes; 1258 training rows of 1797).
 */
const GROWTH_DATA: Record<GrowthData, string> = {
  moons30: MOONS,
  moons300: 'data: { source: moons, samples: 429, noise: 0.2, seed: 1, shuffle: false, train: 300 }',
  moons3000: 'data: { source: moons, samples: 4286, noise: 0.2, seed: 1, shuffle: false, train: 3000 }',
  digits: 'data: { source: digits, train: 0.7, shuffle: true, seed: 1 }',
};

/** Benchmark 6's networks: relu hidden layers and the task's output, L2 on every kernel, full batch (4096 > any set's rows). */
export function growthSpec(c: GrowthNet & { l2: number; epochs: number; lr: number; seed: number }): CompletedSpec {
  const hidden = Array.from({ length: c.layers }, () => [`  - dense: ${c.hidden}`, '    activation: relu']).flat();
  const output = c.data === 'digits' ? ['  - dense: 10', '    activation: softmax'] : ['  - dense: 1', '    activation: sigmoid'];
  return parse([
    'name: bench-growth',
    GROWTH_DATA[c.data],
    'model:',
    ...hidden,
    ...output,
    `regularize: { l2: ${c.l2} }`,
    `train: { epochs: ${c.epochs}, batch: 4096, optimizer: adam, lr: ${c.lr}, seed: ${c.seed} }`,
  ]);
}

/** A linear model with L2 on diabetes, trained full-batch by plain gradient descent to convergence. */
export function ridgeSpec(c: { l2: number; epochs: number; lr: number }): CompletedSpec {
  return parse([
    'name: bench-ridge',
    'data: { source: diabetes, train: 0.7, shuffle: true, seed: 1, standardizeTarget: true }',
    'model:',
    '  - dense: 1',
    `regularize: { l2: ${c.l2} }`,
    `train: { epochs: ${c.epochs}, batch: 100000, optimizer: sgd, lr: ${c.lr}, seed: 1 }`,
  ]);
}

// Every bench cell reads generated or bundled data: the parser completes its spec.
function parse(lines: string[]): CompletedSpec {
  const parsed = parseCell(lines.join('\n'), { index: 0 });
  if (!parsed.spec) throw new Error(`bench cell does not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
  if (!isCompleted(parsed.spec)) throw new Error('bench cell was not completed by the parser');
  return parsed.spec;
}
