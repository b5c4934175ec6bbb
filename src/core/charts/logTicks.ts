// Tick values for log-scale alpha axes, shared by the sweep charts.

/** Powers of ten spanning the values, when they span at least two decades. */
export function decadeTicks(values: number[]): number[] | undefined {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (!positive.length) return undefined;
  const lo = Math.floor(Math.log10(Math.min(...positive)) + 1e-9);
  const hi = Math.ceil(Math.log10(Math.max(...positive)) - 1e-9);
  if (hi - lo < 2) return undefined;
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) ticks.push(Number(`1e${e}`));
  return ticks;
}
