// The editor never stalls while the tutorial trains (issue 7, target 5). This test runs
// in the extension host itself, so perf_hooks.monitorEventLoopDelay measures the very
// event loop that serves every extension and the editor's requests to them.
//
// Figures vs asserts: the issue's targets (p99 event-loop delay <= 50 ms, first live
// chart update <= 1 s after Run All starts) are timings, and on a 2-core machine shared
// with other test runs they would flake; they are printed (the CI log and the README
// carry them) rather than asserted. What is asserted cannot depend on the machine's
// speed: Run All runs every cell; live updates reach the renderer while cells still
// train, many times, not once at the end; and no single stall reaches STALL_BOUND_MS,
// a bound no slow machine explains but training or a whole-run-store read on the
// extension host's thread would (a 4000-epoch cell takes seconds).
import { describe, it, before } from 'mocha';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Session } from 'inspector';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { LiveActivity } from '../../../src/extension/liveChannel';
import { api, workspaceDir } from './helpers';

const TUTORIAL = 'weight-regularization.regnb';
const STALL_BOUND_MS = 2000;
/** Node's default sampling period; an idle loop reads about this much. */
const RESOLUTION_MS = 10;
/** Gaps in the loop longer than this are listed, with the cell that was running. */
const LISTED_GAP_MS = 50;

interface Stamped {
  at: number;
  event: LiveActivity;
}

/** A copy of the tutorial's folder (files only), so its run store and outputs stay out of examples/. */
function tutorialCopy(): vscode.Uri {
  const from = workspaceDir();
  const dir = path.join(from, 'ext-tests', `responsiveness-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(from, entry.name), path.join(dir, entry.name));
  }
  return vscode.Uri.file(path.join(dir, TUTORIAL));
}

/** Loop gaps over `LISTED_GAP_MS`, sampled beside the histogram: where the stalls were. */
function gapRecorder(): { stop(): { start: number; ms: number }[] } {
  const gaps: { start: number; ms: number }[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > LISTED_GAP_MS + RESOLUTION_MS) gaps.push({ start: last, ms: now - last });
    last = now;
  }, RESOLUTION_MS);
  return {
    stop() {
      clearInterval(timer);
      return gaps;
    },
  };
}

/**
 * With REGNB_HOST_PROFILE=file.cpuprofile, a CPU profile of the extension host's main
 * thread over Run All (open it in Chrome DevTools or VS Code) to find what stalls it.
 */
function hostProfiler(): { stop(): Promise<string | undefined> } {
  const file = process.env.REGNB_HOST_PROFILE;
  if (!file) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (e, r) => (e ? reject(e) : resolve(r))));
  const started = post('Profiler.enable').then(() => post('Profiler.start'));
  return {
    async stop() {
      await started;
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      fs.writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}

const ms = (ns: number) => ns / 1e6;
const fmt = (x: number) => `${x.toFixed(1)} ms`;

describe('Editor responsiveness', () => {
  before(async () => {
    await api();
  });

  it('Run All of the tutorial: the extension host keeps serving, and live charts update while cells train', async function () {
    this.timeout(15 * 60_000);
    const uri = tutorialCopy();
    const doc = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(doc);
    const code = doc.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);

    const activity: Stamped[] = [];
    const subscription = (await api()).onDidLiveActivity((event) => activity.push({ at: performance.now(), event }));
    const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    const gaps = gapRecorder();
    const profiler = hostProfiler();
    const load = os.loadavg()[0];
    histogram.enable();
    const t0 = performance.now();
    try {
      await vscode.commands.executeCommand('regnb.runAll');
    } finally {
      histogram.disable();
      subscription.dispose();
    }
    const t1 = performance.now();
    const stalls = gaps.stop();
    const profile = await profiler.stop();
    if (profile) console.log(`CPU profile of the extension host: ${profile}`);

    const failed = code.filter((c) => c.executionSummary?.success !== true).map((c) => c.document.getText().split('\n')[0]);
    assert.deepStrictEqual(failed, [], 'every cell of the tutorial ran to completion');

    // Per live run: when it started, its first update, and its updates in all.
    const runs = new Map<string, { name: string; start: number; first?: number; updates: number }>();
    for (const { at, event } of activity) {
      if (event.type === 'start') runs.set(event.liveKey, { name: event.name, start: at, updates: 0 });
      else if (event.message !== 'reset') {
        const run = runs.get(event.liveKey)!;
        run.first ??= at;
        run.updates++;
      }
    }
    const updated = [...runs.values()].filter((r) => r.first !== undefined);
    const firstUpdate = Math.min(...updated.map((r) => r.first!));
    const perCell = updated.map((r) => r.first! - r.start).sort((a, b) => a - b);
    const runningAt = (t: number) => [...runs.values()].filter((r) => r.start <= t).pop()?.name ?? 'before the first cell';

    const figures = [
      `Editor responsiveness, Run All of ${TUTORIAL} (${code.length} code cells), ${new Date().toISOString()}`,
      `  machine: ${os.cpus().length} cores, load average ${load.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`,
      `  Run All took ${((t1 - t0) / 1000).toFixed(1)} s`,
      `  event-loop delay (monitorEventLoopDelay, resolution ${RESOLUTION_MS} ms, idle reads ~${RESOLUTION_MS} ms): ` +
        `p50 ${fmt(ms(histogram.percentile(50)))}, p99 ${fmt(ms(histogram.percentile(99)))}, max ${fmt(ms(histogram.max))} (${histogram.count} samples)`,
      `  first live chart update: ${fmt(firstUpdate - t0)} after Run All started; per cell, from its start: ` +
        `median ${fmt(perCell[Math.floor(perCell.length / 2)])}, max ${fmt(perCell[perCell.length - 1])} (${updated.length} of ${runs.size} live runs updated before they ended)`,
      `  live updates sent: ${updated.reduce((n, r) => n + r.updates, 0)}`,
      `  loop gaps over ${LISTED_GAP_MS} ms: ${stalls.length}` +
        (stalls.length ? `; longest: ${[...stalls].sort((a, b) => b.ms - a.ms).slice(0, 5).map((g) => `${fmt(g.ms)} at +${((g.start - t0) / 1000).toFixed(1)} s (${runningAt(g.start)})`).join(', ')}` : ''),
    ];
    console.log(figures.join('\n'));

    assert.ok(updated.length > 0, 'live updates were sent while cells trained');
    const longest = [...runs.values()].sort((a, b) => b.updates - a.updates)[0];
    assert.ok(longest.updates > 1, `the live chart of ${longest.name} was updated as it trained, not once`);
    assert.ok(ms(histogram.max) < STALL_BOUND_MS, `no stall of the extension host reaches ${STALL_BOUND_MS} ms (longest ${fmt(ms(histogram.max))})`);
  });
});
