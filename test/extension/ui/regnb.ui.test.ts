// UI smoke test of the packaged extension (.vsix) in a real VS Code window: open a
// notebook, Run All, and look inside the output frames for the drawn charts; then the
// Experiments tree. Screenshots go to test-results/vscode-ui/.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../../vscode/waitFor';
import { startUiSession, type UiSession } from '../../vscode/uiSession';
import { UI_TIMEOUT_MS } from '../../vscode/workbench';
import { notebookOutputFrame, notification, openFile, openViewContainer, runCommand, screenshot, treeItem, waitForNotebook } from '../../vscode/workbench';

describe('RegNB in the VS Code window', () => {
  let session: UiSession;

  before(async () => {
    session = await startUiSession();
  });

  after(async () => {
    await session?.close();
  });

  it('opens the quick tour notebook', () =>
    session.capture('open-notebook', async () => {
      await openFile(session.page, 'quick-tour.regnb');
      await waitForNotebook(session.page);
      await session.page.locator('.notebookOverlay .monaco-list-row.code-cell-row').first().waitFor();
    }));

  it('Run All draws the loss breakdown and the weight norms, with the layers in the legends', () =>
    session.capture('run-all', async () => {
      await runCommand(session.page, 'RegNB: Run All Experiments');
      // The Experiments tree lists each cell's runs as they are stored: all three ran
      // when the last cell has its run (cells outside the viewport are not in the DOM).
      await openViewContainer(session.page, 'RegNB');
      for (const cell of ['no-penalty', 'l2', 'l1']) await treeItem(session.page, new RegExp(`^${cell}\\b.*1 run`)).first().waitFor({ timeout: 180_000 });
      await session.page.keyboard.press('Control+Shift+E'); // back to the Explorer (its badge covers the icon)
      const frame = notebookOutputFrame(session.page);
      const loss = frame.locator('section[data-chart-id="loss"]').first();
      await loss.locator('svg path').first().waitFor();
      assert.ok((await loss.locator('svg path').count()) > 3, 'the loss chart has drawn marks');
      const lossText = (await loss.locator('svg').first().textContent()) ?? '';
      assert.match(lossText, /data loss/);
      assert.match(lossText, /test loss \(no penalty\)/);
      const norms = frame.locator('section[data-chart-id="norms"]').first();
      await norms.locator('svg path').first().waitFor();
      const normsText = (await norms.locator('svg').first().textContent()) ?? '';
      assert.match(normsText, /dense_1/);
      assert.match(normsText, /dense_2/);
      await screenshot(session.page, 'quick-tour-first-output');
      // Outputs render as their cells scroll into view: select the L2 cell from the keyboard.
      const firstCell = session.page.locator('.notebookOverlay .code-cell-row .view-line', { hasText: 'name: no-penalty' }).first();
      await firstCell.scrollIntoViewIfNeeded();
      await firstCell.click();
      await session.page.keyboard.press('Escape');
      await session.page.keyboard.press('ArrowDown');
      const penalized = frame.locator('section[data-chart-id="loss"]').filter({ hasText: 'dense_1 penalty' }).first();
      await penalized.locator('svg path').first().waitFor();
      await screenshot(session.page, 'quick-tour-l2-output');
    }));

  for (const format of ['svg', 'png'] as const) {
    const label = `Export ${format.toUpperCase()}`;
    it(`${label} under a chart saves it through the save dialog`, () =>
      session.capture(`export-${format}`, async () => {
        // code-server's save dialog is the "simple file dialog": a quick input holding a path.
        // Replace it with a file outside the workspace copy, which the test can read.
        const target = `/tmp/regnb-export-${randomBytes(6).toString('hex')}.${format}`;
        try {
          const frame = notebookOutputFrame(session.page);
          // The L2 cell's output is on screen (the test before scrolled to it). Its button bar
          // sits in a part of the output frame VS Code clips, which Playwright's click counts as
          // outside the viewport: dispatch the click the button listens for instead.
          const panel = frame.locator('section[data-chart-id="loss"]').filter({ hasText: 'dense_1 penalty' }).first();
          await panel.locator('svg path').first().waitFor();
          await panel.locator('button', { hasText: label }).dispatchEvent('click');
          const input = session.page.locator('.quick-input-widget .quick-input-box input');
          await input.waitFor();
          await waitFor(async () => new RegExp(`\\.${format}$`).test(await input.inputValue()), { what: `the proposed .${format} path in the save dialog`, timeoutMs: UI_TIMEOUT_MS });
          await input.fill(target);
          await waitFor(async () => (await input.inputValue()) === target, { what: 'the typed path', timeoutMs: UI_TIMEOUT_MS });
          await session.page.locator('.quick-input-widget').getByRole('button', { name: 'OK', exact: true }).click();
          await session.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
          await waitFor(() => existsSync(target), { what: `${target} to be written`, timeoutMs: UI_TIMEOUT_MS });
          await waitFor(() => readFileSync(target).length > 0, { what: `${target} to have content`, timeoutMs: UI_TIMEOUT_MS });
          const bytes = readFileSync(target);
          if (format === 'svg') {
            assert.match(bytes.toString('utf8'), /^<svg[\s\S]*dense_1 penalty[\s\S]*<\/svg>\s*$/);
          } else {
            assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
            // IHDR: width and height, big-endian, right after the signature and chunk header.
            assert.ok(bytes.readUInt32BE(16) > 100 && bytes.readUInt32BE(20) > 50, `a chart-sized image: ${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`);
          }
          await notification(session.page, /Saved .*regnb-export-/).waitFor();
          await screenshot(session.page, `export-${format}-saved`);
        } finally {
          rmSync(target, { force: true });
        }
      }));
  }

  it('lists the runs in the Experiments tree', () =>
    session.capture('tree', async () => {
      await openViewContainer(session.page, 'RegNB');
      await treeItem(session.page, 'quick-tour.regnb').waitFor();
      // The twistie expands the cell to its runs (a click on the label reveals the cell).
      await treeItem(session.page, /^l2\b.*1 run/).first().locator('.monaco-tl-twistie').click();
      await treeItem(session.page, /test acc/).first().waitFor();
      await screenshot(session.page, 'experiments-tree');
    }));

  it('caused no page errors', () => {
    assert.deepEqual(session.pageErrors(), []);
  });
});
