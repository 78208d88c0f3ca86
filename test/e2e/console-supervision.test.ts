import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData, supervisoryBodyOf } from '#local/seed.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { asConsoleUser, CONSOLE_SHOTS, checkScreen, openConsolePage } from '#test/helpers/console-screens.ts';

/**
 * Complaints that reach someone (SUP-1) in headless Chromium at phone width: a citizen complains
 * on the certificate page, the unit head answers in the console, the citizen reads the answer
 * with the receipt; a complaint left unanswered past its term is on the supervisor's screens.
 * Every screen is checked with axe-core and photographed.
 */
let api: TestApi;
let browser: Browser;
const agencyId = newAgencyId();
const width = PHONE.viewport.width;

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await seedDemoData(agencyId);
  browser = await launchChromium();
  await mkdir(CONSOLE_SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await api?.call('DELETE', '/dev/clock');
  await browser?.close();
  await api?.close();
});

const asUser = (name: string, options: BrowserContextOptions, act: (page: Page) => Promise<void>) =>
  asConsoleUser(browser, api.url, agencyId, name, options, act);

const navigation = (page: Page) => page.getByRole('navigation', { name: '主导航' });

describe('complaints in the browser', { timeout: 180_000 }, () => {
  it('[SUP-1] a complaint filed on the certificate page is answered in the console and read with the receipt', async () => {
    const citizen = await openConsolePage(browser, PHONE);
    let receipt = '';
    try {
      await citizen.page.goto(`${api.url}/certificates/YN-CN-MZ-0001?agencyId=${agencyId}`);
      await citizen.page
        .getByLabel('投诉内容（时间、地点和经过）')
        .fill('十二月一日上午入户检查时未出示执法证件');
      await citizen.page.getByRole('button', { name: '提交投诉' }).click();
      const link = citizen.page.getByRole('link', { name: '查看办理情况' });
      await link.waitFor();
      receipt =
        ((await citizen.page.locator('#result').textContent()) ?? '').match(
          /([0-9A-Z]{4}-){3}[0-9A-Z]{4}/,
        )?.[0] ?? '';
      expect(receipt).not.toBe('');
      await checkScreen(citizen.page, 'complaint-filed', width);
    } finally {
      await citizen.context.close();
    }

    await asUser('李明华', PHONE, async (page) => {
      await navigation(page).getByRole('link', { name: '投诉' }).click();
      const card = page.getByRole('listitem').filter({ hasText: '十二月一日上午入户检查时未出示执法证件' });
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('投诉执法人员：李明华');
      await checkScreen(page, 'complaints-to-answer', width);
      await card.getByLabel('答复内容').fill('经核实，已责令该执法人员今后入户检查时主动出示执法证件。');
      await card.getByRole('button', { name: '答复投诉人' }).click();
      await card.getByText('答复（李明华').waitFor();
      await checkScreen(page, 'complaint-answered', width);
    });

    const reader = await openConsolePage(browser, PHONE);
    try {
      await reader.page.goto(`${api.url}/complaints/${receipt}`);
      await expect(reader.page.getByRole('status').textContent()).resolves.toContain('已答复');
      const text = await reader.page.locator('main').textContent();
      expect(text).toContain('经核实，已责令该执法人员今后入户检查时主动出示执法证件。');
      expect(text).not.toContain('十二月一日上午入户检查时未出示执法证件');
      await checkScreen(reader.page, 'complaint-status', width);
    } finally {
      await reader.context.close();
    }
  });

  it('[SUP-1] [ORG-4] an unanswered complaint past its term is on the supervisor’s overview and list', async () => {
    const filed = await api.call('POST', '/public/v1/complaints', {
      body: {
        about: { kind: 'agency', ref: agencyId },
        agencyId,
        text: '办理低保申请时多次推诿，三个月没有结果',
      },
    });
    expect(filed.status).toBe(201);
    const day = new Date(`${filed.body.answerBy}T02:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    await api.call('POST', '/dev/clock', { body: { now: day.toISOString() } });
    await asUser('县司法局执法监督员', PHONE, async (page) => {
      await navigation(page).getByRole('link', { name: '工作概况' }).click();
      await page.getByText('投诉逾期未答复：昌宁县民政局').waitFor();
      // The supervised agency is chosen by its name, not its id.
      const picker = page.getByLabel('监督对象');
      await expect.poll(() => picker.locator('option:checked').textContent()).toBe('昌宁县民政局');
      await checkScreen(page, 'supervisor-overview-complaint', width);
      // [SUP-6] the overview links the body's own yearly supervision report of last year (by the
      // browser's calendar, as the period's fields) on the public site.
      const year = Number(legalDateOf(new Date()).slice(0, 4)) - 1;
      expect(await page.getByRole('link', { name: `${year} 年度监督报告` }).getAttribute('href')).toBe(
        `/supervisory-bodies/${supervisoryBodyOf(agencyId)}/reports/${year}`,
      );
      await navigation(page).getByRole('link', { name: '投诉' }).click();
      const card = page.getByRole('listitem').filter({ hasText: '办理低保申请时多次推诿' });
      await card.getByText('逾期未答复').waitFor();
      // The supervisor reads; the agency answers.
      expect(await card.getByRole('button', { name: '答复投诉人' }).count()).toBe(0);
      await checkScreen(page, 'supervisor-complaints', width);
    });
  });
});
