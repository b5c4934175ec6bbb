// RegNB's side of benchmark 6 (how cost grows): export the growth data sets and each
// network's initial weights for the peers, and time one network with train() (the full
// per-epoch record, as a user's run) and with the steps alone.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadDataset } from '../../src/core/data/loadDataset';
import type { Dataset } from '../../src/core/data/dataset';
import { buildNetwork } from '../../src/core/engine/network';
import { fusedLayoutOf, readWeights } from '../../src/core/engine/fused/layout';
import { train, type MemberConfig } from '../../src/core/engine/trainer';
import type { GrowthData, GrowthJob, GrowthNet, GrowthPrepared, GrowthPrepareJob, GrowthResult, GrowthTiming } from '../lib/types';
import { growthSpec } from './cells';
import { LOAD_CONTEXT, readData, startClock, toFile } from './common';
import { scoresOf, trainStepsOnly } from './stepsOnly';

function configOf(net: GrowthNet, c: { l2: number; lr: number; seed: number }, epochs: number): MemberConfig {
  const spec = growthSpec({ ...net, ...c, epochs });
  return { layers: spec.model, train: spec.train };
}

/**
 * The initial weights RegNB's builder gives the network, as the peers read them: float32
 * in the fused engine's layout (per layer the kernel [in, out] row-major, then the bias).
 */
function initialWeights(config: MemberConfig, data: Dataset): Float32Array {
  const layout = fusedLayoutOf(config.layers, data.inputShape, data.task, data.classes);
  if (!layout) throw new Error('a growth network must be one the fused engine trains');
  const net = buildNetwork(config.layers, data.inputShape, config.train.seed);
  const params = new Float64Array(layout.size);
  readWeights(layout, net, params);
  net.model.dispose();
  return Float32Array.from(params);
}

export async function growthPrepare(job: GrowthPrepareJob): Promise<GrowthPrepared> {
  const names = [...new Set(job.nets.map((n) => n.data))];
  const data = {} as GrowthPrepared['data'];
  const loaded = new Map<GrowthData, Dataset>();
  for (const name of names) {
    const net = job.nets.find((n) => n.data === name)!;
    const d = await loadDataset(growthSpec({ ...net, l2: job.l2, lr: job.lr, seed: job.seed, epochs: 1 }).data, LOAD_CONTEXT);
    const file = path.join(job.outDir, `growth-${name}.json`);
    fs.writeFileSync(file, JSON.stringify(toFile(name, d)));
    data[name] = { file, nTrain: d.nTrain, nTest: d.nTest, features: d.inputShape[0], classes: d.classes };
    loaded.set(name, d);
  }
  const init = job.nets.map((net, i) => {
    const file = path.join(job.outDir, `growth-init-${i}.f32`);
    fs.writeFileSync(file, initialWeights(configOf(net, job, 1), loaded.get(net.data)!));
    return file;
  });
  return { data, init };
}

/** Times `epochs` full-batch epochs after `warmup` untimed ones: train() first, then the steps alone. */
export async function growth(job: GrowthJob, backend: string): Promise<GrowthResult> {
  const { data } = readData(job.file);
  const config = configOf(job, job, job.epochs);
  const objective = growthSpec(job);
  // train() builds its network from the seed, as the export did: check it is the same one.
  const file = fs.readFileSync(job.init);
  const exported = new Float32Array(file.buffer, file.byteOffset, file.byteLength / 4);
  const built = initialWeights(config, data);
  if (built.length !== exported.length || built.some((v, i) => v !== exported[i])) throw new Error('the initial weights differ from the ones exported for the peers');

  if (job.warmup > 0) (await train(objective, data, [configOf(job, job, job.warmup)]))[0].network.model.dispose();
  let clock = startClock();
  const [out] = await train(objective, data, [config]);
  const timed = clock();
  if (out.status !== 'completed') throw new Error(`RegNB run ${out.status}: ${out.error}`);
  out.network.model.dispose();
  // The last row's training loss is taken after the last step: at the final weights, as the peers'.
  const run: GrowthTiming = { ...timed, trainLoss: out.rows[out.rows.length - 1].trainLoss };

  clock = startClock();
  const steps = trainStepsOnly(objective, data, config);
  const stepsTime = clock();
  const stepsLoss = scoresOf(steps, objective, data).trainLoss;
  steps.model.dispose();
  return { backend: `${backend}, ${out.engine}`, run, steps: { ...stepsTime, trainLoss: stepsLoss } };
}
