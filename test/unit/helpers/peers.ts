// The peers some tests check RegNB against: Debian's /usr/bin/python3 with its torch
// and sklearn packages. A test whose peer is missing is marked skipped (never counted
// as a pass); with REGNB_REQUIRE_PEERS=1 (set by CI, which installs them) a missing
// peer fails the test instead, so CI cannot go green on skipped peer checks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';

export const PY = '/usr/bin/python3';

const found = new Map<string, boolean>();

/** Whether /usr/bin/python3 can import `module` ('' asks for Python itself). */
export function pythonHas(module: string): boolean {
  if (!found.has(module)) found.set(module, existsSync(PY) && (module === '' || spawnSync(PY, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0));
  return found.get(module)!;
}

const INSTALL: Record<string, string> = { '': 'python3', torch: 'python3-torch', sklearn: 'python3-sklearn', numpy: 'python3-numpy' };

/**
 * True when every module is importable. Otherwise marks `t` skipped and returns false,
 * or, when REGNB_REQUIRE_PEERS=1, fails: the caller returns at once on false.
 */
export function peersOrSkip(t: TestContext, modules: string[]): boolean {
  const missing = modules.filter((m) => !pythonHas(m));
  if (!missing.length) return true;
  const why = `${missing.map((m) => m || 'python3').join(', ')} missing for ${PY} (apt-get install -y ${missing.map((m) => INSTALL[m] ?? `python3-${m}`).join(' ')})`;
  if (process.env.REGNB_REQUIRE_PEERS === '1') assert.fail(`REGNB_REQUIRE_PEERS=1 but ${why}`);
  t.skip(why);
  return false;
}
