import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData, usersOf } from '#local/seed.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { asConsoleUser, CONSOLE_SHOTS, checkScreen } from '#test/helpers/console-screens.ts';

/**
 * The annual inspection plan in the console at phone width (INS-2): the demo officer drafts next
 * year's plan from the published lists, a refused field is shown at the field, the demo unit
 * head files it with the supervisory body, and the demo supervisor reads it.
 */
let api: TestApi;
let browser: Browser;
const agencyId = newAgencyId();
const nextYear = Number(legalDateOf(new Date()).slice(0, 4)) + 1;

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await seedDemoData(agencyId);
  await mkdir(CONSOLE_SHOTS, { recursive: true });
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const toPlan = async (page: Page) => {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '年度检查计划' }).click();
  await page.getByRole('heading', { level: 1, name: '年度检查计划' }).waitFor();
};

describe('the annual inspection plan in the console', { timeout: 180_000 }, () => {
  it('[INS-2] the officer drafts next year’s plan from the published items, the unit head files it, its supervisor reads it, on a phone', async () => {
    await asConsoleUser(browser, api.url, agencyId, '王秀兰', PHONE, async (page) => {
      await toPlan(page);
      // This year's plan, filed by the demo, is shown as filed.
      await page.getByText('已报备').first().waitFor();
      await page.getByLabel('计划年度').selectOption(String(nextYear));
      await page.getByText(`${nextYear}年度检查计划`).waitFor();
      await page.getByText('该年度尚未编制检查计划。').waitFor();
      await page.getByRole('checkbox', { name: '列入计划（SJ-001）' }).check();
      const item = page.getByRole('group', { name: /安全管理、服务质量/ });
      // The ratio comes from the published list; cleared, the API refuses it at the field.
      expect(await item.getByLabel('抽查比例').inputValue()).toBe('不低于10%');
      await item.getByLabel('抽查比例').fill('');
      await item.getByLabel('检查对象类别').fill('养老机构');
      await item.getByRole('checkbox', { name: '4月', exact: true }).check();
      await item.getByRole('checkbox', { name: '5月', exact: true }).check();
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByRole('alert').getByText('安全管理、服务质量 抽查比例').waitFor();
      expect(await item.getByLabel('抽查比例').getAttribute('aria-invalid')).toBe('true');
      await checkScreen(page, 'inspection-plan-refused-phone', PHONE.viewport.width);
      await item.getByLabel('抽查比例').fill('10%');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByRole('status').getByText('已保存草稿。').waitFor();
      await page.getByText('草稿，待报备').waitFor();
      // An officer does not file.
      expect(await page.getByRole('button', { name: '向监督机关报备' }).count()).toBe(0);
      await checkScreen(page, 'inspection-plan-draft-phone', PHONE.viewport.width);
    });
    await asConsoleUser(browser, api.url, agencyId, '李明华', PHONE, async (page) => {
      await toPlan(page);
      await page.getByLabel('计划年度').selectOption(String(nextYear));
      await page.getByText('草稿，待报备').waitFor();
      expect(await page.getByRole('checkbox', { name: '列入计划（SJ-001）' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: '向监督机关报备' }).click();
      await page.getByRole('status').getByText('已向监督机关报备。').waitFor();
      await page.getByText('已报备', { exact: true }).waitFor();
      await checkScreen(page, 'inspection-plan-filed-phone', PHONE.viewport.width);
    });
    // The supervisory body reads the filed plan of the agency it supervises, and its printed document.
    await asConsoleUser(browser, api.url, agencyId, '县司法局执法监督员', PHONE, async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '检查计划' }).click();
      await page.getByLabel('计划年度').selectOption(String(nextYear));
      const items = page.getByRole('list', { name: '计划检查事项' });
      await items.getByText('安全管理、服务质量').waitFor();
      await items.getByText('实施月份：4月、5月').waitFor();
      const pdf = await page.getByRole('link', { name: '打印检查计划（PDF）' }).getAttribute('href');
      expect((await fetch(`${api.url}${pdf}`)).headers.get('content-type')).toBe('application/pdf');
      await checkScreen(page, 'inspection-plan-supervisor-phone', PHONE.viewport.width);
    });
    const supervisor = usersOf(agencyId).find((user) => user.roles.includes('supervisor'));
    if (!supervisor) throw new Error('the demo has a supervisor');
    const read = await api.call(
      'GET',
      `/v1/supervision/inspection-plans?agencyId=${agencyId}&year=${nextYear}`,
      { token: await api.token(supervisor) },
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      status: 'filed',
      filedBy: 'demo-head',
      draftedBy: 'demo-officer',
      items: [{ itemCode: 'SJ-001', ratio: '10%', enterpriseCategories: ['养老机构'], months: [4, 5] }],
    });
  });
});
