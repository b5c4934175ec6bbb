// The stated limits of what one cell may ask for (README "Limits"). Every cell is
// estimated against them before anything trains, so an absurd size is refused in
// milliseconds with a position instead of being tried for an hour or aborting Node.
// Users raise a limit with `--limit NAME=VALUE` (CLI) or `regnb.limits.NAME` (settings).

export interface Limits {
  /** Weights (and biases) of one model. */
  parameters: number;
  /** Values one forward pass over every row holds: rows × the outputs of every layer. */
  activations: number;
  /** Rows of the data set (generated samples, CSV rows). */
  rows: number;
  /** Input values of the data set: rows × inputs per row. */
  dataValues: number;
  /** Epochs of one model. */
  epochs: number;
  /** Models one cell trains: a sweep's alphas (coarse + refined) × repeats. */
  models: number;
  /** Row passes of a cell: epochs × training rows × models. */
  work: number;
  /** Bytes of training history one run stores (result.json; history.csv and the output hold about as much again). */
  historyBytes: number;
}

export type LimitName = keyof Limits;

export const DEFAULT_LIMITS: Readonly<Limits> = {
  parameters: 10_000_000,
  activations: 100_000_000,
  rows: 1_000_000,
  dataValues: 50_000_000,
  epochs: 1_000_000,
  models: 10_000,
  work: 10_000_000_000,
  historyBytes: 200_000_000,
};

/** What each limit counts, as the README and the messages say it. */
export const LIMIT_UNITS: Readonly<Record<LimitName, string>> = {
  parameters: 'parameters in one model',
  activations: 'activation values in one pass over the rows',
  rows: 'data rows',
  dataValues: 'input values in the data set',
  epochs: 'epochs',
  models: 'models in one cell',
  work: 'row passes (epochs × training rows × models)',
  historyBytes: 'bytes of training history',
};

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as LimitName[];

/**
 * Sweep threads at most (`--workers`, `regnb.workers`): more threads than this only
 * multiply memory (each holds its own engine and data copy).
 */
export const MAX_WORKERS = 64;

/** How a user raises a limit, for the end of a refusal message. */
export function howToRaise(name: LimitName): string {
  return `raise it with --limit ${name}=N or the setting regnb.limits.${name}`;
}

/** Reads `NAME=VALUE` overrides (the CLI's repeated --limit): the limits, or what is wrong with an argument. */
export function limitsFromArgs(args: readonly string[], base: Limits = DEFAULT_LIMITS): { limits: Limits; problems: string[] } {
  const limits = { ...base };
  const problems: string[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = (eq < 0 ? arg : arg.slice(0, eq)) as LimitName;
    if (!LIMIT_NAMES.includes(name)) {
      problems.push(`--limit ${arg}: unknown limit '${name}'; the limits are ${LIMIT_NAMES.join(', ')}`);
      continue;
    }
    const value = eq < 0 ? NaN : Number(arg.slice(eq + 1));
    const problem = limitValueProblem(value);
    if (problem) problems.push(`--limit ${arg}: ${problem}`);
    else limits[name] = value;
  }
  return { limits, problems };
}

/** Why `value` cannot be a limit, or undefined when it can. */
export function limitValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) return 'a limit must be a number of at least 1';
  return undefined;
}

/** Groups a whole number by thousands for messages (10000000 → 10,000,000). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e21) return n.toExponential(2);
  return Math.round(n).toLocaleString('en-US');
}
