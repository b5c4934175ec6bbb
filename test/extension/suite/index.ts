// The extension-host test module: bundled with mocha and run inside a real VS Code
// (code-server in CI, desktop VS Code with `npm run test:desktop`).
import { runMochaInHost } from '../../vscode/mochaInHost';

export function run(): Promise<void> {
  return runMochaInHost(() => import('./extension.test'), { timeoutMs: 120_000 });
}
