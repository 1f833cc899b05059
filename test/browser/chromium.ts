import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (installed by .ci/run); playwright cannot download browsers here. */
export const chromiumPath = '/usr/bin/chromium';

/** Why browser tests cannot run on this machine, or undefined when they can. Under CI a missing browser fails. */
export function browserUnavailable(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  return process.env.CI === 'true' ? undefined : `no browser at ${chromiumPath} (apt-get install chromium)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
