// How many sweep threads to use when nobody says (`--workers`, `regnb.workers` 0): one
// per core the process may use, os.availableParallelism().
//
// Decided by measuring (issue #7, `npm run bench`, benchmarks 3 and 3b), not by keeping a
// core back. The threads that share the cores with the sweep threads do little while a
// sweep trains: the coordinating thread (the CLI's main thread, or the training worker
// in the extension host) only passes rows and finished chunks along, and the extension
// host's own thread answers the editor. The OS scheduler gives such a thread a core the
// moment it wakes, so they lose little to a sweep that takes every core, and keeping a
// core back for them wastes that core for the whole sweep: when this was decided, on a
// quiet 2-core machine the 6 alphas x 5 repeats x 1000 epochs sweep took 17.0 s as
// `regnb run --workers 1` and 9.8 s with `--workers 2` (1.73x), and the coordinating
// thread's event-loop delay during the sweep had a p99 of 14-19 ms on two sweep threads
// against 16-17 ms on one (bench 3, "loop delay"). With today's kernels the same sweep
// takes ~1.4 s, start-up is a larger share, and two threads still gain (1.58 -> 1.40 s,
// bench 3b; README, Sweep threads). Threads start only when a chunk needs one, and a
// sweep has about one chunk per alpha at most (more only when its repeats exceed a
// stack), so a small sweep starts few threads on a machine of many cores.

import * as os from 'os';

export function defaultSweepThreads(cores = os.availableParallelism()): number {
  return Math.max(1, cores);
}
