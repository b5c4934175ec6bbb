// Run ids (contract sections 3 and 4): `<UTC time>-<cell name>-<4 hex digits>`, for
// example `20261125T101500Z-l2-moons-3f2a`. They sort by time and name a run's folder:
// at most 100 characters, the cell name cut to fit, never the random suffix.

import { MAX_FOLDER_NAME } from './folderName';

const RUN_ID = /^(\d{8}T\d{6}Z)-(.+)-([0-9a-f]{4})$/;

/** A run id for cell `name` started at `date`; `random` gives the suffix (default Math.random). */
export function runId(name: string, date: Date, random: () => number = Math.random): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  const hex = Math.floor(Math.min(Math.max(random(), 0), 0.9999999999) * 0x10000).toString(16).padStart(4, '0');
  // The name is cut so the whole id fits one folder name: the suffix always survives.
  const room = MAX_FOLDER_NAME - stamp.length - hex.length - 2;
  return `${stamp}-${slug(name).slice(0, room)}-${hex}`;
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

/** The cell name as it appears in a run id: characters other than letters, digits, `_`, `.`, `-` become `_`. */
function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_') || '_';
}
