// Run ids (contract sections 3 and 4): `<UTC time>-<cell name>-<4 hex digits>`, for
// example `20261125T101500Z-l2-moons-3f2a`. They sort by time and name a run's folder.

const RUN_ID = /^(\d{8}T\d{6}Z)-(.+)-([0-9a-f]{4})$/;

/** A run id for cell `name` started at `date`; `random` gives the suffix (default Math.random). */
export function runId(name: string, date: Date, random: () => number = Math.random): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  const hex = Math.floor(Math.min(Math.max(random(), 0), 0.9999999999) * 0x10000).toString(16).padStart(4, '0');
  return `${stamp}-${safeName(name)}-${hex}`;
}

/** runId with a random suffix. */
export function makeRunId(name: string, date: Date = new Date()): string {
  return runId(name, date);
}

/** The parts of a run id, or undefined when `id` is not one. */
export function parseRunId(id: string): { time: Date; name: string; suffix: string } | undefined {
  const m = RUN_ID.exec(id);
  if (!m) return undefined;
  const t = m[1];
  const time = new Date(`${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z`);
  return Number.isNaN(time.getTime()) ? undefined : { time, name: m[2], suffix: m[3] };
}

/**
 * A name usable as one folder name on every platform: cell names are already letters,
 * digits, `_`, `.` and `-`; anything else becomes `_`; a name that would be hidden, empty
 * or reserved on Windows gets a leading `_`.
 */
export function safeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100);
  return s === '' || s.startsWith('.') || /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(s) ? `_${s}` : s;
}
