import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData, usersOf } from '#local/seed.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { asConsoleUser, CONSOLE_SHOTS, checkScreen } from '#test/helpers/console-screens.ts';
import { registerDemoCase } from '#test/helpers/demo-case.ts';

/**
 * Every list in the console pages through all of it (issue 25): an officer with 250 cases pages
 * through them with 加载更多 on 我的案件 at phone width and reaches the first one registered (the
 * list is newest first); an administrator pages past the first page of officers.
 */
let api: TestApi;
let browser: Browser;
const agencyId = newAgencyId();
const CASES = 250;
const OFFICERS = 60;
const caseTitle = (n: number) => `分页案件第${String(n).padStart(3, '0')}号`;

/** Runs `make(0..count-1)` ten at a time: each ten after the one before, the ten at once. */
async function inTens(count: number, make: (index: number) => Promise<void>) {
  for (let start = 0; start < count; start += 10)
    await Promise.all(Array.from({ length: Math.min(10, count - start) }, (_, at) => make(start + at)));
}

/** Presses 加载更多 until the list has no more, and how many times it was pressed. */
async function loadAll(page: Page, list: string) {
  let pressed = 0;
  const more = page.getByRole('button', { name: '加载更多' });
  while (await more.isVisible()) {
    const before = await page.getByRole('list', { name: list }).locator(':scope > li').count();
    await more.click();
    await expect
      .poll(
        async () =>
          (await page.getByRole('list', { name: list }).locator(':scope > li').count()) > before ||
          (await page.getByText(/已全部显示$/).isVisible()),
      )
      .toBe(true);
    pressed += 1;
  }
  return pressed;
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await seedDemoData(agencyId);
  await inTens(CASES, async (index) => {
    await registerDemoCase(api, agencyId, {
      title: caseTitle(index + 1),
      party: { kind: 'organization', name: `分页当事人${index + 1}`, idNumber: '52530524MJ0000000Q' },
    });
  });
  const admin = usersOf(agencyId).find((user) => user.sub === 'demo-admin');
  if (!admin) throw new Error('the demo has an admin');
  const token = await api.token(admin);
  await inTens(OFFICERS, async (index) => {
    const created = await api.call('POST', '/v1/officers', {
      token,
      body: officerInput({ name: `分页人员${index + 1}`, unitId: 'shswg', userId: undefined }),
    });
    expect(created.status, created.text).toBe(201);
  });
  browser = await launchChromium();
  await mkdir(CONSOLE_SHOTS, { recursive: true });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('console: every list pages through all of it', { timeout: 300_000 }, () => {
  it('an officer with 250 cases pages through all of them on 我的案件 at phone width and sees the first one registered', async () => {
    await asConsoleUser(browser, api.url, agencyId, '王秀兰', PHONE, async (page) => {
      const cases = page.getByRole('list', { name: '案件列表' });
      await cases.locator('li').first().waitFor();
      expect(await cases.locator(':scope > li').count()).toBe(50);
      await page.getByText('已显示 50 条，还有更多').waitFor();
      await checkScreen(page, 'phone-my-cases-first-page', PHONE.viewport.width);

      expect(await loadAll(page, '案件列表')).toBeGreaterThanOrEqual(4);
      const titles = await cases.locator('.card-title').allTextContents();
      expect(titles).toHaveLength(CASES);
      expect(new Set(titles).size).toBe(CASES);
      // Newest first: the last cards are the first ten registered (registered at once).
      const firstTen = Array.from({ length: 10 }, (_, index) => caseTitle(index + 1));
      expect([...titles.slice(-10)].sort()).toEqual(firstTen);
      expect(titles).toContain(caseTitle(1));
      await page.getByText(`共 ${CASES} 条，已全部显示`).waitFor();
      await expect.poll(() => page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
      await cases.getByRole('link', { name: caseTitle(1) }).scrollIntoViewIfNeeded();
      await checkScreen(page, 'phone-my-cases-all-pages', PHONE.viewport.width);

      // The last one is a case like any other: it opens.
      await cases.getByRole('link', { name: caseTitle(1) }).click();
      await page.getByRole('heading', { level: 1, name: caseTitle(1) }).waitFor();
    });
  });

  it('an administrator pages past the first page of officers and sees every one registered', async () => {
    await asConsoleUser(browser, api.url, agencyId, '系统管理员', PHONE, async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '执法人员' }).click();
      const officers = page.getByRole('list', { name: '执法人员列表' });
      await officers.locator('li').first().waitFor();
      expect(await officers.locator(':scope > li').count()).toBe(50);
      expect(await loadAll(page, '执法人员列表')).toBeGreaterThanOrEqual(1);
      const names = await officers.locator('.card-title').allTextContents();
      for (let index = 1; index <= OFFICERS; index += 1)
        expect(names.some((name) => name.startsWith(`分页人员${index}（`))).toBe(true);
      await page.getByText(/^共 \d+ 条，已全部显示$/).waitFor();
      await checkScreen(page, 'phone-officers-all-pages', PHONE.viewport.width);
    });
  });
});
