// When `regnb run` starts the record's scoring thread between cells (worker/scoringThread.ts).
// A run hands its record to a warm thread from its first epoch, but waits SCORING_AFTER_MS
// for a cold one (core/engine/fused/scoringLane.ts), which the tutorial's cells (~0.2 s
// each) never reach: so the thread starts once a cell is done, if a single run (a cell
// without a grid: sweeps score their points' records themselves) is still to come.

/** Whether a single run follows `done` among `cells`, in the order they run. */
export function singleRunFollows(cells: readonly { name: string; grid?: unknown }[], done: string): boolean {
  const at = cells.findIndex((c) => c.name === done);
  return at >= 0 && cells.slice(at + 1).some((c) => !c.grid);
}
