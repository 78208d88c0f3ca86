import axe from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where the console's screenshots are kept, to be looked at. */
export const CONSOLE_SHOTS = 'test-artifacts/console';
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** What every screen must be: in Chinese, one h1, no sideways scrolling, accessible; then photographed. */
export async function checkScreen(page: Page, shot: string, width: number) {
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  expect(await page.locator('h1').count(), shot).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), shot).toBeLessThanOrEqual(width);
  // Evaluated over the DevTools protocol, which the console's CSP (no inline scripts) does not stop.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
  });
  expect(violations, shot).toEqual([]);
  await page.screenshot({ path: `${CONSOLE_SHOTS}/${shot}.png`, fullPage: true });
}

/** A browser context as staff have one: a phone or a desktop, in China Standard Time. */
export async function openConsolePage(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext({
    ...options,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return { context, page: await context.newPage() };
}

/** Signs in on the console's local sign-in page as the demo user of that name. */
export async function signInAs(page: Page, url: string, agencyId: string, name: string) {
  await page.goto(`${url}/console/?agencyId=${agencyId}`);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

/** Opens a console page signed in as the demo user of that name, runs `act`, and closes the page. */
export async function asConsoleUser(
  browser: Browser,
  url: string,
  agencyId: string,
  name: string,
  options: BrowserContextOptions,
  act: (page: Page) => Promise<void>,
) {
  const { context, page } = await openConsolePage(browser, options);
  try {
    await signInAs(page, url, agencyId, name);
    await act(page);
  } finally {
    await context.close();
  }
}
