// Runs mocha inside the extension host. The test module is one esbuild bundle with
// mocha inside it (see bundleTestModule.ts), so nothing has to be resolvable from the
// extension host at run time. Test files are loaded through `load` only after mocha's
// interface is bound, which is what makes `import { describe, it } from 'mocha'` work
// inside a bundle (mocha's exports forward to the current interface at call time).
import Mocha from 'mocha';

export interface InHostOptions {
  /** Per-test timeout; VS Code operations (opening editors, activating) are slow-ish. */
  readonly timeoutMs?: number;
}

/**
 * The body of a test module's `run()`. `load` imports the test files, e.g.
 * `() => import('./fixture.test')`. Rejects when any test fails, which makes the
 * extension host report a non-zero exit code to the runner.
 *
 * Environment: REGNB_TEST_GREP filters tests by title; REGNB_TEST_COLOR=1 colours output.
 */
export async function runMochaInHost(load: () => Promise<unknown>, options: InHostOptions = {}): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: process.env.REGNB_TEST_COLOR === '1',
    timeout: options.timeoutMs ?? 30_000,
    ...(process.env.REGNB_TEST_GREP ? { grep: process.env.REGNB_TEST_GREP } : {}),
  });
  const { EVENT_FILE_PRE_REQUIRE, EVENT_FILE_POST_REQUIRE } = Mocha.Suite.constants;
  mocha.suite.emit(EVENT_FILE_PRE_REQUIRE, globalThis, 'bundle', mocha);
  await load();
  mocha.suite.emit(EVENT_FILE_POST_REQUIRE, globalThis, 'bundle', mocha);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
