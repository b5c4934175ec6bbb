// Makes sure the Python peers (Debian's PyTorch and scikit-learn, for /usr/bin/python3)
// are there, installing them with apt-get when they are not. Debian's packages are used
// rather than pip: this machine has no PyPI access, and apt gives a fixed, known build.
// When they cannot be installed the bench still runs, with RegNB's rows only.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The interpreter the Debian packages install into (not the pyenv python3 first on PATH). */
export const PYTHON = process.env.REGNB_BENCH_PYTHON ?? '/usr/bin/python3';

export interface PeerStatus {
  available: boolean;
  torch?: string;
  sklearn?: string;
  numpy?: string;
  installed: boolean;
  note?: string;
}

function probe(): { torch: string; sklearn: string; numpy: string } | null {
  if (!existsSync(PYTHON)) return null;
  const r = spawnSync(PYTHON, ['-c', 'import json, torch, sklearn, numpy; print(json.dumps({"torch": torch.__version__, "sklearn": sklearn.__version__, "numpy": numpy.__version__}))'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop()!);
  } catch {
    return null;
  }
}

export function ensurePeers(log: (line: string) => void): PeerStatus {
  const found = probe();
  if (found) return { available: true, installed: false, ...found };
  if (process.env.REGNB_BENCH_NO_INSTALL) return { available: false, installed: false, note: `peers missing for ${PYTHON} and REGNB_BENCH_NO_INSTALL is set: RegNB rows only` };
  if (!existsSync('/usr/bin/apt-get')) {
    return { available: false, installed: false, note: `PyTorch/scikit-learn are not importable by ${PYTHON} and apt-get is not available: install python3-torch and python3-sklearn (or equivalent) to compare; RegNB rows only` };
  }
  const root = process.getuid?.() === 0;
  const sudo = !root && existsSync('/usr/bin/sudo') ? ['sudo', '-n'] : [];
  if (!root && sudo.length === 0) {
    return { available: false, installed: false, note: 'peers missing and not root (no sudo): run `apt-get install -y python3-torch python3-sklearn` as root; RegNB rows only' };
  }
  log('Installing the peers: apt-get update && apt-get install -y python3-torch python3-sklearn (a minute or two, once) ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => {
    const cmd = [...sudo, ...args];
    const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    return { ok: r.status === 0, tail: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim().split('\n').slice(-5).join('\n') };
  };
  const update = run(['apt-get', 'update']);
  const install = update.ok ? run(['apt-get', 'install', '-y', '--no-install-recommends', 'python3-torch', 'python3-sklearn']) : update;
  const after = probe();
  if (after) return { available: true, installed: true, ...after };
  return { available: false, installed: false, note: `installing the peers failed; RegNB rows only. apt said:\n${install.tail}` };
}
