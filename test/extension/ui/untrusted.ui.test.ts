// Restricted Mode (an untrusted folder): the manifest declares limited support, so a
// notebook with stored outputs opens and its charts render, while running asks for
// trust first. Workspace trust is on for this window only (the harness turns it off).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTempDir, type TempDir } from '../../vscode/tempDir';
import { startUiSession, type UiSession } from '../../vscode/uiSession';
import { notebookOutputFrame, openFile, runCommand, screenshot, waitForNotebook } from '../../vscode/workbench';

describe('RegNB in an untrusted folder', () => {
  let session: UiSession;
  let folder: TempDir;

  before(async () => {
    // A notebook with stored outputs, written by the CLI into a copy (its run store goes
    // beside that copy, not into the repository's examples/).
    folder = makeTempDir('regnb-untrusted');
    const workspace = join(folder.path, 'workspace');
    mkdirSync(workspace);
    const notebook = join(workspace, 'quick-tour.regnb');
    copyFileSync(resolve('examples/quick-tour.regnb'), notebook);
    execFileSync(process.execPath, [resolve('dist/cli.js'), 'run', notebook], { stdio: 'ignore' });
    session = await startUiSession({
      workspace,
      settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
    });
  });

  after(async () => {
    await session?.close();
    folder?.remove();
  });

  it('opens in Restricted Mode and renders the stored outputs', () =>
    session.capture('untrusted-open', async () => {
      await session.page.locator('.statusbar').getByText('Restricted Mode').first().waitFor();
      await openFile(session.page, 'quick-tour.regnb');
      await waitForNotebook(session.page);
      const loss = notebookOutputFrame(session.page).locator('section[data-chart-id="loss"]').first();
      await loss.locator('svg path').first().waitFor();
      assert.match((await loss.locator('svg').first().textContent()) ?? '', /data loss/);
      await screenshot(session.page, 'untrusted-outputs');
    }));

  it('Run All asks for trust instead of training', () =>
    session.capture('untrusted-run', async () => {
      await runCommand(session.page, 'RegNB: Run All Experiments');
      // VS Code asks before it executes any cell of an untrusted notebook (the controller's
      // own `isTrusted` check is a second line that this dialog keeps from being reached).
      const dialog = session.page.locator('.monaco-dialog-box').filter({ hasText: 'Executing a notebook cell will run code from this workspace' }).first();
      await dialog.waitFor();
      await screenshot(session.page, 'untrusted-run-all');
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await session.page.locator('.statusbar').getByText('Restricted Mode').first().waitFor();
    }));

  it('caused no page errors', () => {
    // VS Code's own markdown renderer fails in Restricted Mode (its markdown-it plugins
    // come from an extension that does not run there): not RegNB's.
    const builtInMarkdown = /markdown-language-features\/notebook-out/;
    assert.deepEqual(session.pageErrors().filter((e) => !builtInMarkdown.test(e)), []);
  });
});
