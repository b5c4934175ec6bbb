// The extension-host test module: bundled with mocha and run inside a real VS Code
// (code-server in CI, desktop VS Code with `npm run test:desktop`).
import { runMochaInHost } from '../../vscode/mochaInHost';

export function run(): Promise<void> {
  // Responsiveness first: it times Run All as a user meets it, with the training worker not yet started.
  return runMochaInHost(
    async () => {
      await import('./responsiveness.test');
      await import('./extension.test');
      await import('./shardedSweep.test');
      await import('./storeFolders.test');
    },
    { timeoutMs: 120_000 },
  );
}
