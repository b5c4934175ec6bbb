// The CLI's progress output escapes what comes from the notebook: no control character
// reaches the terminal except the ones the live bar itself writes (\r, ESC[2K, \n).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { progressFor } from '../../../src/cli/progress';

function sink(isTTY: boolean) {
  let written = '';
  const stream = { isTTY, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => written };
}

const EVIL = 'c\u001b]0;owned\u0007\u001b[2J\u202e';

describe('CLI progress', () => {
  for (const isTTY of [true, false]) {
    it(`escapes cell names and messages (${isTTY ? 'live bar' : 'plain lines'})`, () => {
      const s = sink(isTTY);
      const p = progressFor(s.stream, false);
      p.start(EVIL, 10);
      p.update(EVIL, 10, 10, { loss: 1, testMetric: 0.5, metric: 'accuracy' });
      p.message(`${EVIL}: note`);
      p.end(EVIL, `${EVIL}: done\n  · finding`);
      // What the bar itself writes, then nothing else may be a control character.
      const rest = s.text().replaceAll('\r\u001b[2K', '').replaceAll('\n', '');
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202e]/.test(rest), JSON.stringify(rest));
      assert.ok(s.text().includes('c\\x1b]0;owned\\x07\\x1b[2J\\u202e: done\n  · finding'), 'our own line break is kept');
    });
  }

  it('names the rows a sweep point is scored on: validation rows are not the test set', () => {
    const s = sink(true);
    const p = progressFor(s.stream, false);
    p.update('sweep', 5, 10, { loss: 0.2, testMetric: 1, metric: 'accuracy', scoredOn: 'validation' });
    assert.match(s.text(), /sweep .* 5\/10 loss 0\.2000 {2}validation accuracy 1\.000$/);
    p.update('sweep', 10, 10, { loss: 0.2, testMetric: 0.9, metric: 'accuracy' });
    assert.match(s.text(), /10\/10 loss 0\.2000 {2}test accuracy 0\.9000$/);
  });
});
