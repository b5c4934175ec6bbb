// The default number of sweep threads: every core the process may use (measured in
// `npm run bench`, benchmarks 3 and 3b; see threadCount.ts), not the cores but one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import { defaultSweepThreads } from '../../../src/worker/threadCount';

describe('default sweep threads', () => {
  it('is one thread per core the process may use', () => {
    assert.equal(defaultSweepThreads(), os.availableParallelism());
    assert.equal(defaultSweepThreads(2), 2, 'a 2-core machine sweeps on both cores');
    assert.equal(defaultSweepThreads(16), 16);
  });

  it('is at least one thread', () => {
    assert.equal(defaultSweepThreads(1), 1);
    assert.equal(defaultSweepThreads(0), 1);
  });
});
