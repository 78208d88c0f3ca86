import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData } from '#local/seed.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { asConsoleUser, CONSOLE_SHOTS, checkScreen } from '#test/helpers/console-screens.ts';
import { registerDemoCase } from '#test/helpers/demo-case.ts';

/**
 * The supervisory body's case-file evaluation (SUP-4) and alerts (SUP-5) in headless Chromium at
 * phone width: the county justice bureau draws closed files of the demo agency, scores one below
 * the pass mark, and reads the agency's alerts; the agency's leader reads the result and ranking. Every screen is checked with axe-core.
 */
let api: TestApi;
let browser: Browser;
const agencyId = newAgencyId();
const width = PHONE.viewport.width;

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await seedDemoData(agencyId);
  for (const title of [
    '某养老院未建立入院评估制度案',
    '某养老院消防通道堵塞案',
    '某养老院未公示收费标准案',
  ]) {
    const { token, caseId } = await registerDemoCase(api, agencyId, {
      title,
      party: { kind: 'organization', name: '昌宁县夕阳红养老院', idNumber: '52530524MJ0000000Q' },
    });
    const closed = await api.call('POST', `/v1/cases/${caseId}/transitions`, {
      token,
      body: { to: 'closed' },
    });
    expect(closed.status, closed.text).toBe(200);
  }
  browser = await launchChromium();
  await mkdir(CONSOLE_SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const navigation = (page: Page) => page.getByRole('navigation', { name: '主导航' });

describe('case-file evaluation and alerts in the browser', { timeout: 180_000 }, () => {
  it('[SUP-4] [SUP-5] the bureau draws two closed files with a shown seed, scores one below the pass mark, reads the alerts; the agency reads the result', async () => {
    await asConsoleUser(browser, api.url, agencyId, '县司法局执法监督员', PHONE, async (page) => {
      await navigation(page).getByRole('link', { name: '案卷评查' }).click();
      await page.getByLabel('抽取案卷数').fill('2');
      await page.getByRole('button', { name: '随机抽取案卷' }).click();
      await page.getByRole('heading', { name: /抽取 2 件（共 3 件结案案卷）/ }).waitFor();
      expect(await page.getByText(/随机种子：[0-9a-f]{32}/).count()).toBe(1);
      await checkScreen(page, 'evaluation-drawn', width);

      const card = page.getByRole('list', { name: '抽取的案卷' }).getByRole('listitem').first();
      for (const [label, points] of [
        ['执法主体和执法人员合法', '10'],
        ['执法程序合法', '10'],
        ['证据确凿充分', '8'],
        ['适用依据正确、裁量适当', '10'],
        ['执法文书规范', '10'],
        ['立卷归档规范', '5'],
      ] as const)
        await card.getByLabel(new RegExp(`^${label}`)).fill(points);
      await card.getByRole('button', { name: '提交评分' }).click();
      await card.getByText('53 分，不合格，已立监督事项').waitFor();
      await page.getByText('已评 1 件，平均 53 分，不合格 1 件').waitFor();
      expect(await page.getByText('本年度排名：第 1 名').count()).toBe(1);
      await checkScreen(page, 'evaluation-scored', width);

      await navigation(page).getByRole('link', { name: '预警' }).click();
      const alerts = page.getByRole('list', { name: '预警列表' });
      await alerts.getByText('上一年度行政执法数据逾期未公开').waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toMatch(/annual-report|overdue|publication-late/);
      await checkScreen(page, 'supervisor-alerts', width);
    });

    // The evaluated agency's leader reads the result, the scores and the ranking, and scores nothing.
    await asConsoleUser(browser, api.url, agencyId, '局长', PHONE, async (page) => {
      await navigation(page).getByRole('link', { name: '案卷评查' }).click();
      const record = page.getByRole('list', { name: '评查记录' }).getByRole('listitem').first();
      await record.getByText('抽取 2 件，已评 1 件，平均 53 分').waitFor();
      await record.getByRole('button', { name: '查看评查结果' }).click();
      await page.getByText('本年度排名：第 1 名').waitFor();
      await page.getByText('53 分，不合格，已立监督事项').waitFor();
      await page.getByText('证据确凿充分：8 / 20 分').waitFor();
      expect(await page.getByRole('button', { name: /评分/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '随机抽取案卷' }).count()).toBe(0);
      await checkScreen(page, 'agency-evaluation-result', width);
    });
  });
});
