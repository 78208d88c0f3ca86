import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData, supervisoryBodyOf } from '#local/seed.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { asConsoleUser, CONSOLE_SHOTS, checkScreen } from '#test/helpers/console-screens.ts';

/**
 * Supervision matters (SUP-2, SUP-3) in headless Chromium at phone width: the county justice
 * bureau's supervisor opens a matter and issues an opinion; the agency's leader reports its
 * rectification; the supervisor returns it once and accepts the second report, closing the
 * matter. Every screen is checked with axe-core and photographed.
 */
let api: TestApi;
let browser: Browser;
const agencyId = newAgencyId();
const width = PHONE.viewport.width;

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await api.call('POST', '/dev/clock', { body: { now: '2026-03-02T02:00:00Z' } });
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
const FACTS = '群众通过12345热线反映，三次举报无证经营养老机构均未立案';

describe('supervision matters in the browser', { timeout: 240_000 }, () => {
  it('[SUP-2] [SUP-3] the bureau opens a matter and issues an opinion; the agency rectifies; returned once, then accepted', async () => {
    await asUser('县司法局执法监督员', PHONE, async (page) => {
      await navigation(page).getByRole('link', { name: '监督事项' }).click();
      await page.getByText('还没有监督事项。').waitFor();
      await page.locator('details.matter-opening summary').click();
      await page.getByLabel('事项来源').selectOption({ label: '12345热线转办' });
      // The API's refusal is shown at the field it names, in words.
      await page.getByLabel(/^事实和理由/).fill(FACTS);
      await page.getByRole('button', { name: '立监督事项' }).click();
      await page.getByText('请填写12345热线转办工单号').first().waitFor();
      await checkScreen(page, 'supervision-matter-refused', width);
      await page.getByLabel(/^来源编号/).fill('12345-20260301-0042');
      await page.getByLabel(/^监督的执法行为/).fill('有案不立');
      await page.getByRole('button', { name: '立监督事项' }).click();
      const card = page.getByRole('list', { name: '监督事项列表' }).getByRole('listitem').first();
      await card.getByText('12345热线转办：有案不立').waitFor();

      await card.locator('details.opinion-issuing summary').click();
      await card.getByLabel(/^违反的规定/).fill('违反《行政处罚法》第五十四条第一款');
      await card.getByLabel(/^整改期限/).fill('2026-04-01');
      await card.getByRole('button', { name: '制发监督文书' }).click();
      await card.getByRole('heading', { name: '行政执法监督意见书 昌司监意〔2026〕1号' }).waitFor();
      await card.getByText('待整改').waitFor();
      await checkScreen(page, 'supervision-opinion-issued', width);
    });

    const rectify = (report: string) =>
      asUser('局长', PHONE, async (page) => {
        await navigation(page).getByRole('link', { name: '整改' }).click();
        const card = page.getByRole('listitem').filter({ hasText: FACTS });
        await card.getByLabel(/^整改报告/).fill(report);
        await card.getByLabel(/^附件名称/).fill('立案登记表、立案审批表');
        await card.getByRole('button', { name: '提交整改报告' }).click();
        await card.getByText('整改报告待验收').waitFor();
        expect(await card.getByRole('button', { name: '提交验收意见' }).count()).toBe(0);
        await checkScreen(page, 'rectification-reported', width);
      });
    const answer = (verdict: string, note: string, shows: string) =>
      asUser('县司法局执法监督员', PHONE, async (page) => {
        await navigation(page).getByRole('link', { name: '监督事项' }).click();
        const card = page.getByRole('listitem').filter({ hasText: FACTS });
        await card.getByLabel('验收结论').selectOption({ label: verdict });
        await card.getByLabel(/^验收意见/).fill(note);
        await card.getByRole('button', { name: '提交验收意见' }).click();
        await card.getByText(shows).first().waitFor();
        await checkScreen(page, `rectification-${verdict === '通过验收' ? 'accepted' : 'returned'}`, width);
      });

    await rectify('已对三件举报补办立案');
    await answer('退回重新整改', '缺少立案审批表，请补齐', '已退回，待重新整改');
    await rectify('已补齐立案审批表');
    await answer('通过验收', '整改到位', '已办结');

    const matters = await api.call('GET', '/v1/supervision/matters', {
      token: await api.token({ agencyId, roles: ['leader'] }),
    });
    const [matter] = matters.body.items;
    expect(matter.opinions[0].acceptances.map((each: { accepted: boolean }) => each.accepted)).toEqual([
      false,
      true,
    ]);
  });

  it('[SUP-3] a rectification not reported by its deadline is on the supervisor’s and the agency’s overview', async () => {
    // The demo copy is supervised by its justice bureau (its supervisedBy, as seeded).
    const supervisor = await api.token({ agencyId: supervisoryBodyOf(agencyId), roles: ['supervisor'] });
    const matter = await api.call('POST', '/v1/supervision/matters', {
      token: supervisor,
      body: {
        agencyId,
        source: 'own-finding',
        subject: { practice: '未按期公示' },
        facts: '抽查发现行政处罚决定逾期未公示',
      },
    });
    const issued = await api.call('POST', `/v1/supervision/matters/${matter.body.matterId}/opinions`, {
      token: supervisor,
      body: { kind: 'recommendation', ruleBroken: '违反《行政执法公示办法》', rectifyBy: '2026-03-05' },
    });
    const number: string = issued.body.opinions[0].number;
    await api.call('POST', '/dev/clock', { body: { now: '2026-03-06T02:00:00Z' } });
    for (const name of ['县司法局执法监督员', '局长'])
      await asUser(name, PHONE, async (page) => {
        await navigation(page).getByRole('link', { name: '工作概况' }).click();
        await page.getByText(`逾期未整改：${number}`).waitFor();
        await checkScreen(
          page,
          `overview-rectification-overdue-${name === '局长' ? 'agency' : 'supervisor'}`,
          width,
        );
      });
  });
});
