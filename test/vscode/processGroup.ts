// Child processes that run in their own process group, so that stopping one also stops
// everything it started (code-server's extension host, pty host, file watchers).
// Groups still alive when this process exits or is interrupted are killed too, so an
// aborted run never leaves a server holding a port. A process killed with SIGKILL runs
// no handlers, so groups are also listed in REGNB_PROCESS_GROUPS_FILE when it is set,
// for the parent runner to sweep up (see killListedGroups).
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { onExit } from './exitCleanup';
import { waitFor } from './waitFor';

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

/** Unregisters the exit-time kill of each group once it has been stopped normally. */
const forgetOnExit = new Map<number, () => void>();

/** Spawns `command` as the leader of a new process group (pgid = its pid). */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`Could not start ${command}`);
  const pgid = child.pid;
  // Kept until stopGroup: the leader may exit while its children still run.
  forgetOnExit.set(pgid, onExit(() => signalGroup(pgid, 'SIGKILL')));
  const listFile = process.env.REGNB_PROCESS_GROUPS_FILE;
  if (listFile) appendFileSync(listFile, `${pgid}\n`);
  return child;
}

/** SIGTERM the whole group, then SIGKILL whatever is left after `graceMs`. */
export async function stopGroup(pgid: number, graceMs = 5000): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  try {
    await waitFor(() => !groupAlive(pgid), { what: `process group ${pgid} to exit`, timeoutMs: graceMs, intervalMs: 50 });
  } catch {
    signalGroup(pgid, 'SIGKILL');
    await waitFor(() => !groupAlive(pgid), { what: `process group ${pgid} to die`, timeoutMs: 5000, intervalMs: 50 });
  }
  forgetOnExit.get(pgid)?.();
  forgetOnExit.delete(pgid);
}

/** Also kill the groups listed in `listFile` if this process exits or is interrupted first. */
export function sweepOnExit(listFile: string): () => void {
  return onExit(() => killListedGroups(listFile));
}

/** Kills every group listed in `listFile` (see REGNB_PROCESS_GROUPS_FILE) that is still alive. */
export function killListedGroups(listFile: string): number {
  if (!existsSync(listFile)) return 0;
  const alive = readFileSync(listFile, 'utf8').split('\n').map(Number).filter((pgid) => pgid > 0 && groupAlive(pgid));
  for (const pgid of alive) signalGroup(pgid, 'SIGKILL');
  return alive.length;
}
