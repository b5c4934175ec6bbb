// How many sweep threads to use when nobody says: the cores but one (one is left for
// the editor, or for the process that coordinates), at least one.

import * as os from 'os';

export function defaultSweepThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}
