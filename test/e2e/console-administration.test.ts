import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { publishDecisionNow, walkPenaltyCase } from '#local/demo/penalty-case.ts';
import { seedDemoData, seedPlatformAdmin, usersOf } from '#local/seed.ts';
import { addCalendarDays, dateText, legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import {
  asConsoleUser,
  CONSOLE_SHOTS,
  checkScreen,
  DESKTOP,
  openConsolePage,
} from '#test/helpers/console-screens.ts';
import { registerDemoCase, submitDemoReview } from '#test/helpers/demo-case.ts';

/**
 * The console's administration in headless Chromium against the local server: lists imported
 * from a spreadsheet and compared with the edition in force, officers registered with their
 * window cards, recording devices, the calendar's state and failed pushes, and a decision
 * revoked with its publication withdrawn. Every screen is checked and photographed at phone width.
 */
let api: TestApi;
let browser: Browser;
const agencyId = newAgencyId();
const user = (sub: string) => {
  const found = usersOf(agencyId).find((each) => each.sub === sub);
  if (!found) throw new Error(`the demo has ${sub}`);
  return found;
};

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await seedDemoData(agencyId);
  await seedPlatformAdmin();
  browser = await launchChromium();
  await mkdir(CONSOLE_SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const asUser = (name: string, options: BrowserContextOptions, act: (page: Page) => Promise<void>) =>
  asConsoleUser(browser, api.url, agencyId, name, options, act);

describe('console administration', { timeout: 180_000 }, () => {
  it('[PUB-1] [PUB-2] a list imported from a spreadsheet becomes a draft; a bad file is refused at the file; the publisher sees the differences from the edition in force and publishes it to take effect on a later day', async () => {
    const today = legalDateOf(new Date());
    const yesterday = addCalendarDays(today, -1);
    const later = addCalendarDays(today, 14);
    const csv = await readFile(new URL('../../local/demo/matters.csv', import.meta.url), 'utf8');
    const changed = csv.replace(
      'MZ-CF-002,行政处罚,对养老机构未建立入院评估制度的处罚',
      'MZ-CF-002,行政处罚,对养老机构未建立入院评估制度的行政处罚',
    );
    expect(changed).not.toBe(csv);
    const added = `${changed.trimEnd()}\nMZ-JC-009,行政检查,对殡葬服务机构的监督检查,《殡葬管理条例》第四条,无,社会事务股,即时\n`;
    let draftUrl = '';
    await asUser('李明华', PHONE, async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '清单' }).click();
      await page.getByText('导入表格，编制新版清单').click();
      await page.getByLabel('清单名称').fill('昌宁县民政局行政执法事项清单（2027年版）');
      // A file without the headings is refused whole, the reason shown at the file.
      await page.getByLabel('表格文件').setInputFiles({
        name: 'matters.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('编码,名称\nX-1,无依据的事项\n'),
      });
      await page.getByRole('button', { name: '导入为草稿' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('表格文件').setInputFiles({
        name: 'matters.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(added),
      });
      await page.getByRole('button', { name: '导入为草稿' }).click();
      await page.locator('.facts').getByText('草稿').waitFor();
      draftUrl = page.url();
      await checkScreen(page, 'phone-checklist-imported', PHONE.viewport.width);
    });
    await asUser('系统管理员', PHONE, async (page) => {
      await page.goto(draftUrl);
      const changes = page.getByRole('list', { name: '差异' });
      await changes.waitFor();
      const addedCard = changes.locator('li', { hasText: 'MZ-JC-009' });
      expect(await addedCard.locator('.badge').textContent()).toBe('新增');
      const changedCard = changes.locator('li', { hasText: 'MZ-CF-002' });
      expect(await changedCard.locator('.badge').textContent()).toBe('修改');
      expect(await changedCard.textContent()).toContain('名称');
      expect(await changes.locator('li').count()).toBe(2);
      await checkScreen(page, 'phone-checklist-differences', PHONE.viewport.width);
      await page.getByRole('button', { name: '审核发布' }).click();
      // Publishing asks first, saying from when the list applies and until when the edition in force does.
      const confirmation = page.getByRole('alertdialog', { name: '确认发布这份清单？' });
      expect(await confirmation.textContent()).toMatch(
        new RegExp(`自${dateText(today)}起施行.*现行第 1 版施行至前一日`),
      );
      await page.getByRole('button', { name: '取消' }).click();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      await page.getByRole('button', { name: '审核发布' }).click();
      // The day is typed as people write it and read back in words, whatever the browser's locale.
      const effective = confirmation.getByLabel('施行日期');
      await effective.fill('2026年2月30日');
      await confirmation.getByText(/看不懂这个日期/).waitFor();
      await effective.fill(dateText(yesterday));
      await page.getByRole('button', { name: '确认发布' }).click();
      // A day before today is refused at the field, in a sentence.
      await confirmation
        .locator('.field-error')
        .getByText(/施行日期不能早于今天/)
        .waitFor();
      await effective.fill(dateText(later));
      await confirmation.getByText(new RegExp(`${dateText(later)} 星期`)).waitFor();
      await checkScreen(page, 'phone-checklist-confirm-publish', PHONE.viewport.width);
      await page.getByRole('button', { name: '确认发布' }).click();
      await page.locator('.facts').getByText('待施行').waitFor();
      expect(await page.locator('.facts').textContent()).toContain(dateText(later));
    });
    // Until that day the edition in force stays the one the public and every rule read.
    const current = await api.call('GET', `/public/v1/agencies/${agencyId}/checklists/matters`);
    expect(current.body.edition).toBe(1);
    expect(current.body.effectiveTo).toBe(addCalendarDays(later, -1));
    const onTheDay = await api.call('GET', `/public/v1/agencies/${agencyId}/checklists/matters?at=${later}`);
    expect(onTheDay.body.items.map((item: { code: string }) => item.code)).toContain('MZ-JC-009');
  });

  it('[PUB-5] [PUB-8] the administrator registers an officer (refused without a category, at the categories) and downloads a window card', async () => {
    await asUser('系统管理员', PHONE, async (page) => {
      await page.getByRole('heading', { level: 1, name: '执法人员和执法证' }).waitFor();
      const form = page.locator('details.officer-registration');
      await form.locator('summary').click();
      await form.getByLabel('姓名').fill('周文静');
      await form.getByLabel('所在股室').selectOption('shjzg');
      await form.getByLabel('职务').fill('科员');
      await form.getByLabel('执法证号').fill('YN-CN-MZ-0099');
      await form.getByLabel('执法区域').fill('昌宁县');
      await form.getByLabel('有效期起').fill('2026-01-01');
      await form.getByLabel('有效期至').fill('2030-12-31');
      await form.getByRole('button', { name: '登记' }).click();
      await form.getByRole('alert').waitFor();
      expect(await form.locator('fieldset.field-invalid legend').textContent()).toContain('执法类别');
      await form.getByLabel('行政检查').check();
      await form.getByRole('button', { name: '登记' }).click();
      const card = page
        .getByRole('list', { name: '执法人员列表' })
        .locator('li', { hasText: 'YN-CN-MZ-0099' });
      await card.waitFor();
      expect(await card.locator('.badge').textContent()).toBe('有效');
      await card.getByText('窗口公示牌').click();
      await card.getByLabel('服务窗口').fill('政务服务中心 3 号窗口');
      const download = page.waitForEvent('download');
      await card.getByRole('button', { name: '下载公示牌' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('周文静-窗口公示牌.svg');
      const svg = await readFile((await file.path()) ?? '', 'utf8');
      expect(svg).toContain('政务服务中心 3 号窗口');
      // ORG-3: the training is recorded on the certificate's card.
      const trainings = card.locator('details.trainings');
      await trainings.locator('summary').click();
      await trainings.getByText('没有培训记录。').waitFor();
      await trainings.getByLabel(/^培训名称/).fill('新《行政处罚法》专题培训');
      await trainings.getByLabel(/^培训日期/).fill('2026年4月20日');
      await trainings.getByText('2026年4月20日 星期一').waitFor();
      await trainings.getByLabel(/^学时/).fill('8');
      await trainings.getByRole('button', { name: '记录培训' }).click();
      await trainings.getByRole('list', { name: '培训记录' }).getByText('新《行政处罚法》专题培训').waitFor();
      await checkScreen(page, 'phone-officer-registered', PHONE.viewport.width);
    });
    const shown = await api.call('GET', `/public/v1/officers/YN-CN-MZ-0099?agencyId=${agencyId}`);
    expect(shown.body).toMatchObject({ name: '周文静', status: 'valid' });
  });

  it('[PUB-5] [PUB-9] at phone width the unit head sees every section of the navigation on the screen, 公示 included, without scrolling sideways', async () => {
    await asUser('李明华', PHONE, async (page) => {
      const links = page.getByRole('navigation', { name: '主导航' }).getByRole('link');
      const names = await links.allTextContents();
      expect(names).toEqual(expect.arrayContaining(['我的案件', '清单', '执法人员', '公示', '系统管理']));
      for (const box of await links.evaluateAll((anchors) =>
        anchors.map((anchor) => anchor.getBoundingClientRect().toJSON() as DOMRect),
      )) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(PHONE.viewport.width);
      }
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公示' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await checkScreen(page, 'phone-navigation-unit-head', PHONE.viewport.width);
    });
  });

  it('[REC-10] [LAW-8] [ORG-2] system management shows the calendar’s state, registers a device and lists failed pushes', async () => {
    await asUser('系统管理员', PHONE, async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统管理' }).click();
      const years = page.getByRole('list', { name: '年度日历' });
      await years.waitFor();
      expect(await years.locator('li').count()).toBe(2);
      const form = page.locator('details.device-registration');
      await form.locator('summary').click();
      await form.getByLabel('设备编号').fill('DSJ-CN-0042');
      await form.getByLabel('设备类型').selectOption('body-camera');
      await form.getByLabel('所属股室').selectOption('shswg');
      await form.getByLabel('保管人').selectOption({ label: '李明华' });
      await form.getByRole('button', { name: '登记' }).click();
      await page.getByRole('list', { name: '设备列表' }).getByText('DSJ-CN-0042').waitFor();
      // The custodian is shown by name, not by the account's id.
      const registered = page
        .getByRole('list', { name: '设备列表' })
        .locator('li', { hasText: 'DSJ-CN-0042' });
      expect(await registered.textContent()).toContain('保管人 李明华');
      expect(await registered.textContent()).not.toContain('demo-head');
      await page.getByText('没有推送失败的记录。').waitFor();
      await checkScreen(page, 'phone-system', PHONE.viewport.width);
    });
    const devices = await api.call('GET', '/v1/devices', { token: await api.token(user('demo-admin')) });
    expect(devices.body.items.map((device: { deviceId: string }) => device.deviceId)).toContain(
      'DSJ-CN-0042',
    );
  });

  it('[LAW-8] the calendar administrator loads a year as the State Council’s notice writes it, sees it read back, and a wrong date is said in words', async () => {
    // A year no other test relies on: the calendar is the platform's, shared by every agency.
    const year = 2035;
    await asUser('日历管理员', PHONE, async (page) => {
      await page.getByRole('heading', { level: 1, name: '节假日日历' }).waitFor();
      const names = await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link')
        .allTextContents();
      expect(names).toEqual(['节假日日历']);
      await page.getByRole('spinbutton', { name: /^年度/ }).fill(String(year));
      await page.getByRole('spinbutton', { name: /^年度/ }).dispatchEvent('change');
      await page.getByLabel(/^放假日期/).fill('1月1日\n2月30日\n2月7日至13日');
      await page.getByLabel(/^调休上班日期/).fill(`${year}年2月4日、2月17日`);
      await page.getByLabel(/^依据的放假安排/).fill(`国务院办公厅关于${year}年部分节假日安排的通知`);
      await page.getByRole('button', { name: `载入 ${year} 年日历` }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('放假日期：“2月30日”不是日期');
      await checkScreen(page, 'phone-calendar-refused', PHONE.viewport.width);

      await page.getByLabel(/^放假日期/).fill('1月1日\n2月7日至13日');
      await page.getByText('共 8 天：1月1日、2月7日至13日').waitFor();
      await page.getByRole('button', { name: `载入 ${year} 年日历` }).click();
      await page.getByText(`已载入 ${year} 年日历：放假 8 天，调休上班 2 天。`).waitFor();
      const card = page.getByRole('list', { name: '年度日历' }).locator('li', { hasText: `${year} 年` });
      await card.getByText('已载入').waitFor();
      await checkScreen(page, 'phone-calendar-loaded', PHONE.viewport.width);
    });
    const loaded = await api.call('GET', `/v1/calendar/${year}`, {
      token: await api.token(user('demo-admin')),
    });
    expect(loaded.body).toMatchObject({
      holidays: [
        `${year}-01-01`,
        ...[7, 8, 9, 10, 11, 12, 13].map((day) => `${year}-02-${String(day).padStart(2, '0')}`),
      ],
      workdays: [`${year}-02-04`, `${year}-02-17`],
    });
  });

  it('[PUB-11] the officer records that the decision was revoked on reconsideration, and its publication is withdrawn at once', async () => {
    const client = { call: api.call, token: api.token };
    const { caseId } = await walkPenaltyCase(client, {
      agencyId,
      unitId: 'shswg',
      officers: ['YN-CN-MZ-0002', 'YN-CN-MZ-0001'],
      handler: 'demo-officer',
      reviewer: 'demo-reviewer',
      admin: 'demo-admin',
      matterId: 'MZ-CF-002',
    });
    await publishDecisionNow(client, caseId, await api.token(user('demo-admin')));
    await asUser('王秀兰', DESKTOP, async (page) => {
      await page.goto(`${api.url}/console/cases/${caseId}`);
      const form = page.locator('details.revocation');
      await form.locator('summary').click();
      await form.getByLabel('撤回原因').selectOption('revoked');
      await form.getByLabel(/^理由/).fill('经行政复议，原处罚决定认定事实不清，予以撤销');
      await form.getByLabel('作出机关').fill('昌宁县人民政府');
      await form.getByRole('button', { name: '撤回公示' }).click();
      await page.getByText('决定已撤销', { exact: false }).first().waitFor();
      await page.locator('.notice-warning', { hasText: '公示已撤回' }).waitFor();
      expect(await page.getByText('决定被变更或撤销').count()).toBe(0);
      await checkScreen(page, 'desktop-decision-revoked', 1280);
    });
    const found = await api.call('GET', `/v1/cases/${caseId}`, {
      token: await api.token(user('demo-admin')),
    });
    const publication = await api.call('GET', `/public/v1/publications/${found.body.decision.publicationId}`);
    expect(publication.body.status).toBe('withdrawn');
    expect(publication.body.reason).toContain('决定已撤销');
  });
});

describe('oversight and review deadlines', { timeout: 180_000 }, () => {
  it('[ORG-4] [REC-9] the county justice bureau’s supervisor reads the supervised bureau’s figures and downloads them', async () => {
    await registerDemoCase(api, agencyId, {
      title: '监督统计：某养老服务点未建立入院评估制度案',
      party: { kind: 'person', name: '钱某某', idNumber: '530524197805061235' },
    });
    await asUser('县司法局执法监督员', PHONE, async (page) => {
      await page.getByRole('heading', { level: 1, name: '工作概况' }).waitFor();
      expect(await page.getByLabel('监督对象').inputValue()).toBe(agencyId);
      const tiles = page.getByRole('list', { name: '主要指标' });
      await tiles.waitFor();
      // The supervised bureau's own figures: its demo cases are there (none are the supervisor's).
      expect(
        Number(await tiles.locator('li', { hasText: '立案' }).locator('.tile-value').textContent()),
      ).toBeGreaterThan(0);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      expect((await download).suggestedFilename()).toMatch(/^执法统计 .*\.xlsx$/);
      await checkScreen(page, 'phone-supervisor-dashboard', PHONE.viewport.width);
    });
  });

  it('[REV-5] a leader extends a pending review once, with the reason, and the new due date shows', async () => {
    const { reviewId } = await submitDemoReview(api, agencyId, {
      title: '延期审核：某养老服务点未建立入院评估制度案',
      party: { kind: 'person', name: '郑某某', idNumber: '530524197805061235' },
    });
    const before = await api.call('GET', `/v1/reviews/${reviewId}`, {
      token: await api.token(user('demo-leader')),
    });
    await asUser('局长', PHONE, async (page) => {
      await page.goto(`${api.url}/console/reviews/${reviewId}`);
      const form = page.locator('details.extension');
      await form.locator('summary').click();
      await form.getByLabel('延长工作日数').fill('5');
      await form.getByRole('button', { name: '批准延长' }).click();
      await form.getByRole('alert').waitFor();
      await form.getByLabel(/^延长理由/).fill('案情复杂，需补充调取证据');
      await form.getByRole('button', { name: '批准延长' }).click();
      await page.locator('.facts').getByText('已批准延长 5 个工作日').waitFor();
      expect(await page.locator('details.extension').count()).toBe(0);
      await checkScreen(page, 'phone-review-extended', PHONE.viewport.width);
    });
    const after = await api.call('GET', `/v1/reviews/${reviewId}`, {
      token: await api.token(user('demo-leader')),
    });
    expect(after.body.dueBy > before.body.dueBy).toBe(true);
    expect(after.body.extension).toMatchObject({ workingDays: 5, reason: '案情复杂，需补充调取证据' });
  });
});

describe('signing in through the identity platform', { timeout: 120_000 }, () => {
  it('[REC-8] with the deployment’s config.json the console signs in by the authorization code flow with PKCE, and works with the ID token it gets', async () => {
    const authority = `${api.url}/test-idp`;
    const idToken = await api.token(user('demo-officer'));
    const { context, page } = await openConsolePage(browser, PHONE);
    let authorize: URL | undefined;
    let tokenRequest: URLSearchParams | undefined;
    try {
      // What the deployment writes beside index.html, and an identity platform on the same origin
      // (the local CSP allows only that); the code is exchanged for a token the local API accepts.
      await page.route(`${api.url}/console/config.json`, (route) =>
        route.fulfill({ json: { oidc: { authority, clientId: 'console-client', scope: 'openid profile' } } }),
      );
      await page.route(`${authority}/.well-known/openid-configuration`, (route) =>
        route.fulfill({
          json: {
            issuer: authority,
            authorization_endpoint: `${authority}/authorize`,
            token_endpoint: `${authority}/token`,
            jwks_uri: `${authority}/jwks`,
            response_types_supported: ['code'],
          },
        }),
      );
      await page.route(`${authority}/authorize?*`, (route) => {
        authorize = new URL(route.request().url());
        const back = new URL(authorize.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', 'one-time-code');
        back.searchParams.set('state', authorize.searchParams.get('state') ?? '');
        return route.fulfill({ status: 302, headers: { location: back.href } });
      });
      await page.route(`${authority}/token`, (route) => {
        tokenRequest = new URLSearchParams(route.request().postData() ?? '');
        return route.fulfill({
          json: { access_token: 'opaque', id_token: idToken, token_type: 'Bearer', expires_in: 3600 },
        });
      });
      await page.goto(`${api.url}/console/`);
      // No demo accounts: the identity platform's button only.
      await page.getByRole('button', { name: '统一身份认证登录' }).click();
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
      expect(await page.locator('.who').textContent()).toContain('王秀兰');
      await page.getByRole('heading', { level: 1, name: '我的案件' }).waitFor();
    } finally {
      await context.close();
    }
    expect(authorize?.searchParams.get('response_type')).toBe('code');
    expect(authorize?.searchParams.get('client_id')).toBe('console-client');
    expect(authorize?.searchParams.get('redirect_uri')).toBe(`${api.url}/console/callback`);
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    // PKCE: the verifier sent with the code hashes to the challenge sent before it.
    const verifier = tokenRequest?.get('code_verifier') ?? '';
    expect(verifier.length).toBeGreaterThanOrEqual(43);
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      authorize?.searchParams.get('code_challenge'),
    );
    expect(tokenRequest?.get('code')).toBe('one-time-code');
  });
});
