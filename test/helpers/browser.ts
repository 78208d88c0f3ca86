import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (apt package `chromium`); browser downloads are not possible here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A phone: the width of most handsets sold in China, touch, a device pixel ratio of 2. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

/**
 * Headless Chromium for the site's tests. Without the background-networking flags Chromium keeps
 * calling Google's hosts (Playwright gives each launch a new empty profile), which this closed network refuses (docs/toolchain.md).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
