import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData, supervisoryBodyOf, usersOf } from '#local/seed.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { asConsoleUser, CONSOLE_SHOTS, checkScreen } from '#test/helpers/console-screens.ts';
import { DEMO_CASE_OFFICERS } from '#test/helpers/demo-case.ts';

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
      // The opinion prints as its document (SUP-3): the PDF opens with its print button.
      await card.getByText('查看文书').click();
      await card.getByRole('button', { name: '打印文书' }).waitFor();
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

  it('[SUP-3] the bureau refers a case’s unlawful decision for correction; the agency sees it, revokes the decision, and the referral is done', async () => {
    const officer = usersOf(agencyId).find((user) => user.sub === 'demo-officer');
    const officerToken = await api.token(officer ?? expect.fail('the demo has an officer'));
    const created = await api.call('POST', '/v1/cases', {
      token: officerToken,
      body: {
        category: 'penalty',
        procedure: 'simple',
        title: '某养老机构未公示收费标准案',
        party: { kind: 'person', name: '张某某', idNumber: '530524198512120013' },
        officers: DEMO_CASE_OFFICERS,
      },
    });
    expect(created.status, created.text).toBe(201);
    const caseId: string = created.body.id;
    const decided = await api.call('POST', `/v1/cases/${caseId}/decision`, {
      token: officerToken,
      body: { type: 'penalty', summary: '给予警告', legalBasis: '第三十条', penalty: { kind: 'warning' } },
    });
    expect(decided.status, decided.text).toBe(201);
    const facts = '案卷评查发现该案适用简易程序不当';
    const supervisor = await api.token({ agencyId: supervisoryBodyOf(agencyId), roles: ['supervisor'] });
    const opened = await api.call('POST', '/v1/supervision/matters', {
      token: supervisor,
      body: { agencyId, source: 'evaluation', sourceRef: 'PC-2026-01', subject: { caseId }, facts },
    });
    expect(opened.status, opened.text).toBe(201);

    await asUser('县司法局执法监督员', PHONE, async (page) => {
      await navigation(page).getByRole('link', { name: '监督事项' }).click();
      const card = page.getByRole('listitem').filter({ hasText: facts });
      await card.locator('details.referral-making summary').click();
      await card.getByLabel('移送方式').selectOption({ label: '建议撤销' });
      await card.getByLabel(/^决定违法的理由/).fill('违法事实不清，不应适用简易程序');
      await card
        .getByLabel(/^违反的规定/)
        .first()
        .fill('违反《行政处罚法》第五十一条');
      await card.getByLabel(/^纠正期限/).fill('2026-04-30');
      await card.getByRole('button', { name: '移送纠正' }).click();
      await card.getByText('待纠正').waitFor();
      // One open referral per decision: the form is gone until it is done.
      expect(await card.locator('details.referral-making').count()).toBe(0);
      await checkScreen(page, 'supervision-referral-made', width);
    });
    await asUser('局长', PHONE, async (page) => {
      await navigation(page).getByRole('link', { name: '整改' }).click();
      const card = page.getByRole('listitem').filter({ hasText: facts });
      await card.getByText('待纠正').waitFor();
      await card.getByText('请在案件页“决定被变更或撤销”中撤回该决定').waitFor();
      await checkScreen(page, 'rectification-referral-open', width);
    });
    const revoked = await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: officerToken,
      body: { kind: 'revoked', reason: '根据监督机关建议自行撤销', effectiveOn: '2026-03-06' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    await asUser('局长', PHONE, async (page) => {
      await navigation(page).getByRole('link', { name: '整改' }).click();
      const card = page.getByRole('listitem').filter({ hasText: facts });
      await card.getByText('已纠正（原决定已撤回）').waitFor();
    });
  });
});
