// Opens the extension in a real VS Code in your browser, for people without desktop
// VS Code: code-server with the extension loaded from its folder (no packaging) and the
// examples folder as workspace. Stops with Ctrl+C.
//
//   test/vscode/install-code-server.sh && node --import tsx scripts/serve-code-server.ts \
//     [--extension .] [--workspace examples] [--port 8080]
//
// It listens on 127.0.0.1 only and without a password; from another machine use an SSH
// tunnel (ssh -L 8080:127.0.0.1:8080 host).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer } from '../test/vscode/codeServer';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string', default: '.' },
      workspace: { type: 'string', default: 'examples' },
      port: { type: 'string', default: '8080' },
    },
  });
  const extension = resolve(values.extension);
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as { main?: string };
  if (manifest.main && !existsSync(join(extension, manifest.main))) {
    console.error(`warning: ${manifest.main} does not exist yet in ${extension}; run \`npm run build\` first.`);
  }

  const server = await startCodeServer({ port: Number(values.port) });
  const url = server.workbenchUrl(values.workspace, [
    ['extensionDevelopmentPath', server.remoteUri(extension)],
    ['skipWelcome', 'true'],
  ]);
  console.log(`VS Code (code-server) is running with ${extension} loaded. Open:\n\n  ${url}\n\nCtrl+C stops it.`);
  // The server runs until Ctrl+C; the exit hooks then stop it and remove its temp folder.
  await new Promise<never>(() => undefined);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
