// Benchmark 6 of `npm run bench` alone (how cost grows with units, rows and layers):
// `node --import tsx bench/growth.ts [--quick]`. Writes bench/results/growth.json.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { growthBenchmark } from './lib/growth';
import { REPO_ROOT } from './lib/jobs';
import { ensurePeers } from './lib/peers';

const quick = process.argv.includes('--quick');
const cpus = os.cpus();
const load0 = os.loadavg();
console.log(`RegNB bench 6 (how cost grows)${quick ? ' --quick' : ''}; machine: ${cpus.length} x ${cpus[0]?.model ?? '?'}; node ${process.version}; load average ${load0.map((l) => l.toFixed(2)).join(' ')}`);
const peers = ensurePeers((l) => console.log(l));
if (peers.available) console.log(`peers: PyTorch ${peers.torch}`);
else console.log(`peers: skipped. ${peers.note}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'regnb-growth-'));
try {
  const started = Date.now();
  const growth = growthBenchmark({ tmpDir: tmp, peers: peers.available, quick });
  const seconds = (Date.now() - started) / 1000;
  const out = path.join(REPO_ROOT, 'bench/results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'growth.json'), `${JSON.stringify({ date: new Date().toISOString(), quick, machine: { cpus: cpus.length, model: cpus[0]?.model, node: process.version, loadavgStart: load0, loadavgEnd: os.loadavg() }, torch: peers.torch, growth, totalSeconds: seconds }, null, 2)}\n`);
  console.log(`\nTotal ${seconds.toFixed(0)} s; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}. Results: bench/results/growth.json`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
