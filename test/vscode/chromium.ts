// Headless Debian Chromium driven by playwright-core: playwright's own browser downloads
// need the internet, the apt package does not.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags that keep Chromium from phoning home and from needing a GPU or a big /dev/shm. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  const path = process.env.REGNB_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Run test/vscode/install-code-server.sh (it installs Debian's chromium) or set REGNB_CHROMIUM.`);
  }
  return path;
}

/** Headless unless REGNB_HEADED=1 (useful with a display, to watch a UI test). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: process.env.REGNB_HEADED !== '1',
    args: CHROMIUM_ARGS,
  });
}
