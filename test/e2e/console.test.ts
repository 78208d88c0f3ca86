import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST } from '#local/console-assets.ts';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData, usersOf } from '#local/seed.ts';
import { REVIEW_STANDARDS } from '#shared/legal-review/domain/review.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import {
  checkScreen,
  DESKTOP,
  openConsolePage,
  CONSOLE_SHOTS as SHOTS,
  signInAs,
} from '#test/helpers/console-screens.ts';
import {
  DEMO_CASE_OFFICERS,
  DEMO_PROPOSAL,
  recordDemoNotice,
  registerDemoCase,
  submitDemoReview,
} from '#test/helpers/demo-case.ts';

/**
 * The staff console in headless Chromium against the local server, at phone width and on a
 * desktop: the demo officer of a copy of the demo agency signs in, registers a case, opens it,
 * sees its procedure steps as a checklist and adds a record. Every screen is checked with
 * axe-core and photographed into test-artifacts/console/.
 */
const INITIAL_LOAD_BUDGET = 150 * 1024;

let api: TestApi;
let browser: Browser;
const agencyId = newAgencyId();

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await seedDemoData(agencyId);
  // The demo reviewer's legal qualification (REV-6), as an administrator records it.
  const admin = usersOf(agencyId).find((user) => user.roles.includes('admin'));
  if (!admin) throw new Error('the demo has an admin');
  const qualified = await api.call('PUT', '/v1/reviewers/demo-reviewer', {
    token: await api.token(admin),
    body: { name: '法制审核员', legalQualificationNo: 'A20195305240001', qualifiedOn: '2019-03-01' },
  });
  expect(qualified.status).toBe(200);
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** A browser context as staff have one, and signing in on the local sign-in page as a demo user. */
const openPage = (options: BrowserContextOptions) => openConsolePage(browser, options);
const signIn = (page: Page, name: string) => signInAs(page, api.url, agencyId, name);

const PROPOSAL = DEMO_PROPOSAL;

async function fillProposal(page: Page) {
  await page.getByLabel('决定内容摘要').fill(PROPOSAL.summary);
  await page.getByLabel('法律依据').fill(PROPOSAL.legalBasis);
  await page.getByLabel('处罚种类').selectOption('fine');
  await page.getByLabel('罚没金额（元）').fill('20000');
}

describe.each([
  { device: 'phone', options: PHONE, width: PHONE.viewport.width },
  { device: 'desktop', options: DESKTOP, width: 1280 },
])('the staff console on a $device', { timeout: 120_000 }, ({ device, options, width }) => {
  it('[REC-8] [REC-2] [REC-4] [REC-6] [REC-7] [LAW-10] the demo officer signs in, registers a case, sees its procedure checklist, adds a record and an activity completed once its AV is uploaded (through a dropped connection) and archived, then retrieved', async () => {
    const { context, page } = await openPage(options);
    const failed: string[] = [];
    page.on('pageerror', (error) => failed.push(error.message));
    try {
      await page.goto(`${api.url}/console/?agencyId=${agencyId}`);
      await page.getByRole('heading', { name: '本机演示账号' }).waitFor();
      await checkScreen(page, `${device}-sign-in`, width);
      await page.getByRole('button', { name: /王秀兰/ }).click();

      await page.getByRole('heading', { level: 1, name: '我的案件' }).waitFor();
      await expect.poll(() => page.url()).toBe(`${api.url}/console/cases`);
      await checkScreen(page, `${device}-my-cases`, width);

      await page.getByRole('link', { name: '登记案件' }).first().click();
      await page.getByRole('heading', { level: 1, name: '登记案件' }).waitFor();
      await page.getByLabel('执法事项').waitFor();
      // An error from the API is shown with its Chinese message and the fields it names.
      await page.getByRole('button', { name: '登记案件' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('请求参数有误');
      expect(await alert.textContent()).toContain('案件名称');
      expect(await page.getByLabel('案件名称').getAttribute('aria-invalid')).toBe('true');
      await checkScreen(page, `${device}-register-case-errors`, width);

      const title = `${device === 'phone' ? '杨某某' : '李某某'}养老服务点未建立入院评估制度案`;
      // Choosing the matter sets the category the matters list gives it.
      await page.getByLabel('执法类别').selectOption('inspection');
      await page.getByLabel('执法事项').selectOption('MZ-CF-002');
      expect(await page.getByLabel('执法类别').inputValue()).toBe('penalty');
      await page.getByLabel('案件名称').fill(title);
      await page.getByLabel('当事人姓名或名称').fill('杨某某');
      await page.getByLabel('身份证件号码或统一社会信用代码').fill('530524197805061235');
      await page.getByLabel('联系电话').fill('13888886666');
      // 王秀兰's own certificate is chosen already; a second officer of her unit joins her.
      expect(await page.getByLabel(/王秀兰/).isChecked()).toBe(true);
      await page.getByLabel(/李明华/).check();
      await page.getByLabel('涉案金额（元）').fill('20000');
      await page.getByLabel('案情复杂').check();
      await checkScreen(page, `${device}-register-case`, width);
      await page.getByRole('button', { name: '登记案件' }).click();

      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(page.url()).toMatch(new RegExp(`^${api.url}/console/cases/[^/]+$`));
      const checklist = page.locator('.checklist');
      await checklist.waitFor();
      // A general-procedure penalty: investigation, notice, statement, hearing, discussion — all missing.
      expect(await checklist.locator('.step').count()).toBeGreaterThanOrEqual(4);
      expect(await checklist.locator('.step-missing').count()).toBeGreaterThanOrEqual(4);
      expect(await checklist.textContent()).toContain('未完成');
      expect(await page.locator('main').textContent()).toContain('还没有文书记录');
      await checkScreen(page, `${device}-case`, width);

      await page.getByRole('link', { name: '添加文书记录' }).click();
      await page.getByRole('heading', { level: 1, name: '添加文书记录' }).waitFor();
      await page.getByLabel('文书种类').selectOption({ label: '现场检查笔录' });
      await page.getByLabel('地点').fill('昌宁县田园镇某村养老服务点');
      // The browser's clock reads China Standard Time (timezoneId); the record is of this moment.
      const now = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19);
      await page.getByLabel('开始时间').fill(now());
      await page.getByLabel('结束时间').fill(now());
      await page.getByLabel('被检查人').fill('杨某某');
      await page.getByLabel('检查情况').fill('该服务点未建立入院评估制度，现场未见评估记录。');
      await checkScreen(page, `${device}-add-record`, width);
      await page.getByRole('button', { name: '保存文书记录' }).click();

      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const records = page.getByRole('list', { name: '文书记录列表' });
      await records.waitFor();
      expect(await records.textContent()).toContain('现场检查笔录');
      expect(await records.textContent()).toMatch(/昌民检〔\d{4}〕\d+号/);
      await checkScreen(page, `${device}-case-with-record`, width);

      // An on-site inspection, with certificates shown and rights told; completing it without AV
      // evidence is refused, and the refusal says so in Chinese.
      await page.getByRole('link', { name: '记录执法活动' }).click();
      await page.getByRole('heading', { level: 1, name: '记录执法活动' }).waitFor();
      await page.getByLabel('活动类型').selectOption('on-site-inspection');
      await page.getByLabel('地点').fill('昌宁县田园镇某村养老服务点');
      await page.getByLabel('出示执法证件').check();
      await page.getByLabel('告知当事人权利').check();
      await checkScreen(page, `${device}-add-activity`, width);
      await page.getByRole('button', { name: '记录执法活动' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const activities = page.getByRole('list', { name: '执法活动列表' });
      await activities.waitFor();
      expect(await activities.textContent()).toContain('现场检查');
      await page.getByRole('button', { name: '完成此活动' }).click();
      const refusal = activities.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('音像');
      await checkScreen(page, `${device}-activity-needs-av`, width);

      // The AV file: hashed in a Web Worker, declared, uploaded (in parts on the desktop: 12 MiB
      // is over the single-PUT limit), checked by the platform and archived with its SHA-256.
      const video = Buffer.alloc(device === 'phone' ? 512 * 1024 : 12 * 1024 * 1024, device);
      // The network drops once in the middle of the upload (the second part, or the single PUT):
      // the console tries that request again and the upload goes on.
      let dropped = 0;
      await page.route(
        (url) => url.searchParams.has('X-Amz-Signature') && url.searchParams.get('partNumber') !== '1',
        async (route) => {
          if (route.request().method() === 'PUT' && dropped === 0) {
            dropped += 1;
            await route.abort('internetdisconnected');
          } else await route.continue();
        },
      );
      const sha256 = createHash('sha256').update(video).digest('hex');
      await page
        .locator('input[type="file"]:not([capture])')
        .setInputFiles({ name: `现场检查-${device}.mp4`, mimeType: 'video/mp4', buffer: video });
      const upload = page.getByRole('status');
      await expect.poll(() => upload.textContent(), { timeout: 30_000 }).toContain('等待平台校验归档');
      expect(await upload.textContent()).toContain(sha256);
      await checkScreen(page, `${device}-evidence-uploaded`, width);
      expect(dropped).toBe(1);
      const arrivals = await api.call('POST', '/dev/evidence-arrivals');
      expect(arrivals.status).toBe(200);
      await expect.poll(() => upload.textContent(), { timeout: 30_000 }).toContain('已归档');
      await expect.poll(() => activities.textContent()).toContain(`现场检查-${device}.mp4`);
      await page.getByRole('button', { name: '完成此活动' }).click();
      await expect.poll(() => activities.textContent()).toContain('已完成');
      expect(await page.locator('main').textContent()).not.toContain('音像记录缺失');
      await checkScreen(page, `${device}-activity-completed`, width);

      // Retrieval (REC-7): with a purpose and a reason, a link to exactly the archived bytes.
      await activities.getByText(`调阅 现场检查-${device}.mp4`).click();
      await activities.getByLabel('调阅理由').fill('法制审核需要查看现场检查录像');
      await activities.getByRole('button', { name: '申请调阅' }).click();
      const link = activities.getByRole('link', { name: '打开录像' });
      await link.waitFor();
      const retrieved = await fetch((await link.getAttribute('href')) ?? '');
      expect(
        createHash('sha256')
          .update(Buffer.from(await retrieved.arrayBuffer()))
          .digest('hex'),
      ).toBe(sha256);

      // My cases lists the new case.
      await page.getByRole('navigation').getByRole('link', { name: '我的案件' }).click();
      await page.getByRole('link', { name: title }).waitFor();
      expect(failed).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: `${SHOTS}/${device}-failed.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  });

  it('[REV-3] [REV-4] the officer submits the proposal for legal review and the reviewer approves it in the workbench', async () => {
    const title = `${device}：某养老服务点未建立入院评估制度案（审核）`;
    const { token, caseId } = await registerDemoCase(api, agencyId, {
      title,
      party: { kind: 'person', name: '杨某某', idNumber: '530524197805061235' },
      flags: { complex: true },
    });
    await recordDemoNotice(api, token, caseId);

    const officerSide = await openPage(options);
    const page = officerSide.page;
    try {
      await signIn(page, '王秀兰');
      await page.goto(`${api.url}/console/cases/${caseId}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      // A decision before the procedure is complete is refused, and the refusal says why in Chinese.
      await page.getByRole('link', { name: '作出决定' }).click();
      await page.getByRole('heading', { level: 1, name: '作出决定' }).waitFor();
      // Its content is the notice's, shown and not typed again (REC-12).
      await page.getByText('决定内容取自事先告知书').waitFor();
      await page.getByRole('button', { name: '作出决定' }).click();
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(/[\u4e00-\u9fa5]/);
      expect(await refusal.textContent()).not.toContain('HTTP_');
      await checkScreen(page, `${device}-decision-refused`, width);

      await page.goto(`${api.url}/console/cases/${caseId}/reviews/new`);
      await page.getByRole('heading', { level: 1, name: '提请法制审核' }).waitFor();
      await fillProposal(page);
      await page.getByLabel(/行政处罚事先告知书/).check();
      await page.getByLabel('提请说明').fill('案情复杂，拟处罚款二万元，提请法制审核。');
      await checkScreen(page, `${device}-submit-review`, width);
      await page.getByRole('button', { name: '提请法制审核' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('link', { name: '第 1 次审核' }).waitFor();
    } finally {
      await officerSide.context.close();
    }

    const reviewerSide = await openPage(options);
    const workbench = reviewerSide.page;
    try {
      await signIn(workbench, '法制审核员');
      await workbench.getByRole('heading', { level: 1, name: '法制审核' }).waitFor();
      const queue = workbench.getByRole('list', { name: '法制审核列表' });
      await queue.waitFor();
      expect(await queue.textContent()).toContain('审核期限');
      // The queue names the case and its party, then the proposal.
      const card = queue.locator('li', { has: workbench.getByRole('link', { name: title }) });
      expect(await card.textContent()).toContain('当事人：杨某某');
      expect(await card.textContent()).toContain(PROPOSAL.summary);
      await checkScreen(workbench, `${device}-review-queue`, width);
      await queue.getByRole('link', { name: title }).click();
      await workbench.getByRole('heading', { level: 1, name: '法制审核意见' }).waitFor();
      await workbench.getByRole('link', { name: title }).waitFor();
      // Each of the seven standards is answered (REV-3).
      for (const standard of await workbench.locator('form fieldset').all()) {
        const pass = standard.getByLabel(/^符合$|无需移送/);
        if ((await pass.count()) > 0) await pass.check();
      }
      await workbench.getByLabel('同意（审核通过）').check();
      await workbench
        .getByLabel('审核意见')
        .fill('执法主体合法，程序合法，事实清楚，证据充分，适用依据正确，裁量适当。');
      await checkScreen(workbench, `${device}-review-workbench`, width);
      await workbench.getByRole('button', { name: '提交审核意见' }).click();
      await workbench.getByText('审核通过（').waitFor();
      expect(await workbench.locator('form').count()).toBe(0);
      await checkScreen(workbench, `${device}-review-approved`, width);
    } catch (error) {
      await workbench.screenshot({ path: `${SHOTS}/${device}-review-failed.png`, fullPage: true });
      throw error;
    } finally {
      await reviewerSide.context.close();
    }
  });

  it('[REC-4] [REC-6] an upload cut off by a closed tab resumes from the parts already stored when the same file is chosen again', async () => {
    const { token, caseId } = await registerDemoCase(api, agencyId, {
      title: `${device}：上传中断续传案`,
      party: { kind: 'person', name: '杨某某', idNumber: '530524197805061235' },
    });
    const activity = await api.call('POST', `/v1/cases/${caseId}/activities`, {
      token,
      body: { type: 'on-site-inspection', officers: DEMO_CASE_OFFICERS, location: '某村' },
    });
    expect(activity.status).toBe(201);
    // A file on disk keeps its date, which (with name and size) tells the console it is the same file.
    const folder = await mkdtemp(join(tmpdir(), 'console-'));
    const file = join(folder, `续传-${device}.mp4`);
    const video = Buffer.alloc(12 * 1024 * 1024, `resume-${device}`);
    await writeFile(file, video);
    const casePage = `${api.url}/console/cases/${caseId}`;
    const { context, page } = await openPage(options);
    try {
      await signIn(page, '王秀兰');
      await page.goto(casePage);
      // The tab is closed while the second part is on its way.
      let cut = false;
      await page.route(
        (url) => url.searchParams.get('partNumber') === '2',
        async (route) => {
          cut = true;
          await route.abort('internetdisconnected');
        },
      );
      await page.locator('input[type="file"]:not([capture])').setInputFiles(file);
      await expect.poll(() => cut, { timeout: 30_000 }).toBe(true);
      await page.close();

      const again = await context.newPage();
      const sentParts: string[] = [];
      again.on('request', (request) => {
        const part = new URL(request.url()).searchParams.get('partNumber');
        if (request.method() === 'PUT' && part) sentParts.push(part);
      });
      await signIn(again, '王秀兰');
      await again.goto(casePage);
      const notice = again.getByText('有未完成的上传');
      await notice.waitFor();
      expect(await again.locator('main').textContent()).toContain('已上传 1/2 个分片');
      await checkScreen(again, `${device}-upload-unfinished`, width);
      await again.locator('input[type="file"]:not([capture])').setInputFiles(file);
      const upload = again.getByRole('status');
      await expect.poll(() => upload.textContent(), { timeout: 30_000 }).toContain('等待平台校验归档');
      expect(sentParts).toEqual(['2']);
      expect(await upload.textContent()).toContain(createHash('sha256').update(video).digest('hex'));
      expect((await api.call('POST', '/dev/evidence-arrivals')).status).toBe(200);
      await expect.poll(() => upload.textContent(), { timeout: 30_000 }).toContain('已归档');
      // The stored upload is cleared once it completes (IndexedDB, then the page): not at the same instant.
      await expect.poll(() => again.getByText('有未完成的上传').count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await context.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('a penalty case from registration to published decision, only in the browser', {
  timeout: 240_000,
}, () => {
  it('[REC-8] [LAW-10] [REV-4] [PUB-1] the officer, the reviewer and the unit head take a case to a published decision on their phones, and the leader’s dashboard counts it', async () => {
    const width = PHONE.viewport.width;
    const title = '周某某养老服务点未建立入院评估制度案（全流程）';
    const now = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19);
    const officerSide = await openPage(PHONE);
    const page = officerSide.page;
    let caseUrl = '';
    /** An activity recorded with its video archived, then completed (REC-4, REC-11). */
    async function activityWithVideo(type: string, place: string, fileName: string) {
      await page.getByRole('link', { name: '记录执法活动' }).click();
      await page.getByLabel('活动类型').selectOption(type);
      await page.getByLabel('地点').fill(place);
      await page.getByLabel('出示执法证件').check();
      await page.getByLabel('告知当事人权利').check();
      await page.getByLabel('出示执法文书').check();
      await page.getByRole('button', { name: '记录执法活动' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator('input[type="file"]:not([capture])').setInputFiles({
        name: fileName,
        mimeType: 'video/mp4',
        buffer: Buffer.alloc(256 * 1024, fileName),
      });
      const upload = page.getByRole('status');
      await expect.poll(() => upload.textContent(), { timeout: 30_000 }).toContain('等待平台校验归档');
      await api.call('POST', '/dev/evidence-arrivals');
      await expect.poll(() => upload.textContent(), { timeout: 30_000 }).toContain('已归档');
      await page.getByRole('button', { name: '完成此活动' }).click();
      const activities = page.getByRole('list', { name: '执法活动列表' });
      await expect.poll(() => activities.getByText('进行中', { exact: true }).count()).toBe(0);
    }
    async function addRecord(type: string, fill: (form: Page) => Promise<void>) {
      await page.getByRole('link', { name: '添加文书记录' }).click();
      await page.getByLabel('文书种类').selectOption({ label: type });
      await fill(page);
      await page.getByRole('button', { name: '保存文书记录' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('list', { name: '文书记录列表' }).getByText(type, { exact: true }).waitFor();
    }
    try {
      await signIn(page, '王秀兰');
      await page.getByRole('link', { name: '登记案件' }).first().click();
      await page.getByLabel('执法事项').selectOption('MZ-CF-002');
      await page.getByLabel('案件名称').fill(title);
      await page.getByLabel('当事人姓名或名称').fill('周某某');
      await page.getByLabel('身份证件号码或统一社会信用代码').fill('530524197805061235');
      await page.getByLabel(/李明华/).check();
      await page.getByLabel('涉案金额（元）').fill('20000');
      await page.getByRole('button', { name: '登记案件' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      caseUrl = page.url();
      await page.getByRole('button', { name: '开始调查取证' }).click();
      await page.locator('.facts').getByText('调查中').waitFor();

      // On site: the inspection with its video, then completed.
      await activityWithVideo('on-site-inspection', '昌宁县田园镇某村养老服务点', '现场检查.mp4');
      await addRecord('现场检查笔录', async (form) => {
        await form.getByLabel('地点').fill('昌宁县田园镇某村养老服务点');
        await form.getByLabel('开始时间').fill(now());
        await form.getByLabel('结束时间').fill(now());
        await form.getByLabel('被检查人').fill('周某某');
        await form.getByLabel('检查情况').fill('未建立入院评估制度，收住老人均无入院评估记录。');
      });
      await addRecord('行政处罚事先告知书', async (form) => {
        await form.getByLabel('违法事实').fill('当事人未建立入院评估制度，经责令改正拒不改正。');
        await form.getByLabel('法律依据').fill(PROPOSAL.legalBasis);
        await form.getByLabel('拟作出的处罚').fill('罚款人民币二万元');
        await form.getByLabel('告知的权利').fill('当事人享有陈述、申辩和要求听证的权利。');
        // What the party is told binds the decision (LAW-10): the kind and the amount.
        await form.getByLabel('处罚种类').selectOption('fine');
        await form.getByLabel('金额（元）').fill('20000');
      });
      const noticeNumber =
        (await page.getByRole('list', { name: '文书记录列表' }).textContent())?.match(
          /昌民告〔\d{4}〕\d+号/,
        )?.[0] ?? '';
      expect(noticeNumber).not.toBe('');
      // Served on site: the service is an activity with its video (REC-4).
      await activityWithVideo('service', '当事人住所', '送达.mp4');
      await page.waitForTimeout(1100);
      // The document served is chosen from the case's documents: no number typed with 〔〕.
      await addRecord('送达回证', async (form) => {
        await form.getByLabel('送达的文书').selectOption({ label: `行政处罚事先告知书 ${noticeNumber}` });
        await form.getByLabel('送达时间').fill(now());
        await form.getByLabel('受送达人').fill('周某某');
        await form.getByLabel('送达方式').selectOption('direct');
        await form.getByLabel('地点').fill('当事人住所');
        const service = form.getByLabel('送达活动（音像记录）');
        await expect.poll(() => service.locator('option').count()).toBe(2);
        await service.selectOption({ index: 1 });
        expect(await service.locator('option:checked').textContent()).toContain('录像已归档');
        await checkScreen(form, 'walk-notice-receipt', width);
      });
      await addRecord('陈述申辩笔录', async (form) => {
        await form.getByLabel('陈述或声明内容').fill('当事人承认未建立入院评估制度，请求从轻处罚。');
      });
      await addRecord('放弃听证声明', async (form) => {
        await form.getByLabel('陈述或声明内容').fill('本人已知悉听证权利，放弃听证。');
        await form.getByLabel('签名人').fill('周某某');
      });
      await addRecord('集体讨论记录', async (form) => {
        await form.getByLabel('讨论时间').fill(now());
        await form.getByLabel('参加人员').fill('局长、副局长、党政办公室主任、社会事务股股长');
        await form.getByLabel('讨论结论').fill('同意对当事人处罚款二万元。');
        await form
          .getByLabel('讨论记录')
          .fill('局务会议听取汇报和法制审核意见，经集体讨论，同意处罚款二万元。');
      });
      // Every step of the procedure is done now.
      const checklist = page.locator('.checklist');
      await expect.poll(() => checklist.locator('.step-missing').count()).toBe(0);
      await page.getByRole('button', { name: '调查终结，待作出决定' }).click();
      await page.locator('.facts').getByText('待决定').waitFor();
      await checkScreen(page, 'walk-procedure-complete', width);

      await page.getByRole('link', { name: '提请法制审核' }).click();
      // The proposal starts as the notice told it, and the whole file is attached (REC-12).
      await page.getByText(`已按事先告知书 ${noticeNumber} 填写`).waitFor();
      expect(await page.getByLabel('法律依据').inputValue()).toBe(PROPOSAL.legalBasis);
      expect(await page.getByLabel('处罚种类').inputValue()).toBe('fine');
      expect(await page.getByLabel('罚没金额（元）').inputValue()).toBe('20000');
      expect(await page.getByLabel(/行政处罚事先告知书/).isChecked()).toBe(true);
      await page.getByLabel('决定内容摘要').fill(PROPOSAL.summary);
      await page.getByRole('button', { name: '提请法制审核' }).click();
      await page.getByRole('link', { name: '第 1 次审核' }).waitFor();
    } finally {
      await officerSide.context.close();
    }

    const reviewerSide = await openPage(PHONE);
    try {
      const workbench = reviewerSide.page;
      await signIn(workbench, '法制审核员');
      await workbench.getByRole('list', { name: '法制审核列表' }).getByRole('link', { name: title }).click();
      await workbench.getByRole('link', { name: title }).waitFor();
      for (const standard of await workbench.locator('form fieldset').all()) {
        const pass = standard.getByLabel(/^符合$|无需移送/);
        if ((await pass.count()) > 0) await pass.check();
      }
      await workbench.getByLabel('同意（审核通过）').check();
      await workbench.getByLabel('审核意见').fill('事实清楚，证据充分，程序合法，适用依据正确，裁量适当。');
      await workbench.getByRole('button', { name: '提交审核意见' }).click();
      await workbench.getByText('审核通过（').waitFor();
    } finally {
      await reviewerSide.context.close();
    }

    const decidingSide = await openPage(PHONE);
    try {
      const deciding = decidingSide.page;
      await signIn(deciding, '王秀兰');
      await deciding.goto(caseUrl);
      await deciding.getByRole('link', { name: '作出决定' }).click();
      // The decision is the approved proposal, shown and not typed a third time (REC-12).
      await deciding.getByText('决定内容取自法制审核通过的方案').waitFor();
      expect(await deciding.locator('main').textContent()).toContain(PROPOSAL.legalBasis);
      await checkScreen(deciding, 'walk-decision-draft', width);
      await deciding.getByRole('button', { name: '作出决定' }).click();
      await deciding.getByText('决定已作出').waitFor();
      await expect
        .poll(async () => (await deciding.getByRole('status').textContent()) ?? '')
        .toMatch(/昌民罚〔\d{4}〕\d+号/);
      const decisionNumber =
        (await deciding.getByRole('status').textContent())?.match(/昌民罚〔\d{4}〕\d+号/)?.[0] ?? '';
      expect(decisionNumber).not.toBe('');
      await checkScreen(deciding, 'walk-decided', width);

      // The decision is served by the receipt of its 决定书, which serves the case.
      await deciding.getByRole('button', { name: '返回案件' }).click();
      await deciding.getByText(`决定书文号：${decisionNumber}`).waitFor();
      expect(await deciding.getByRole('button', { name: '决定书已送达' }).count()).toBe(0);
      await deciding.getByRole('link', { name: '送达决定书（制作送达回证）' }).click();
      await deciding.getByLabel('送达的文书').waitFor();
      // The choices are the case's documents, loaded after the form: the 决定书 is chosen once they are.
      await expect.poll(() => deciding.getByLabel('送达的文书').inputValue()).not.toBe('');
      await deciding.getByLabel('送达时间').fill(now());
      await deciding.getByLabel('受送达人').fill('周某某');
      // By post: the tracking number is its proof, and no AV is asked (REC-4).
      await deciding.getByLabel('送达方式').selectOption('mail');
      expect(await deciding.getByLabel('送达活动（音像记录）').count()).toBe(0);
      await deciding.getByLabel('邮件单号').fill('EMS1234567890CN');
      await checkScreen(deciding, 'walk-decision-receipt', width);
      await deciding.getByRole('button', { name: '保存文书记录' }).click();
      await deciding.locator('.facts').getByText('已送达').waitFor();
    } finally {
      await decidingSide.context.close();
    }

    // The head of the unit checks the public text and publishes it.
    const headSide = await openPage(PHONE);
    try {
      const head = headSide.page;
      await signIn(head, '李明华');
      // The publication queue names the case and its party, and the due date as people write it.
      await head.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公示' }).click();
      const waiting = head.getByRole('list', { name: '公示列表' }).locator('li', { hasText: title });
      await waiting.waitFor();
      expect(await waiting.textContent()).toMatch(/当事人：.+应于 \d{4}年\d{1,2}月\d{1,2}日前公示/);
      await checkScreen(head, 'walk-publication-queue', width);
      await head.goto(caseUrl);
      await head.getByRole('link', { name: '查看公示' }).click();
      await head.getByRole('heading', { level: 1, name: '公示审查' }).waitFor();
      await head.getByText('公示内容预览').waitFor();
      expect(await head.locator('main').textContent()).not.toContain('530524197805061235');
      await checkScreen(head, 'walk-publication-preview', width);
      if ((await head.getByRole('button', { name: '审查确认' }).count()) > 0) {
        await head.getByRole('button', { name: '审查确认' }).click();
        await head.getByText('已审查确认').waitFor();
      }
      await head.getByRole('button', { name: '立即公示' }).click();
      await head.locator('.facts').getByText('已公示').waitFor();
      await checkScreen(head, 'walk-published', width);
    } finally {
      await headSide.context.close();
    }
    const decisions = await api.call('GET', `/public/v1/agencies/${agencyId}/decisions`);
    expect(JSON.stringify(decisions.body)).toContain('养老机构管理办法');

    // The bureau's leader sees the year on the dashboard: cases registered, decisions, publication.
    const leaderSide = await openPage(PHONE);
    try {
      const leader = leaderSide.page;
      await signIn(leader, '局长');
      await leader.getByRole('heading', { level: 1, name: '工作概况' }).waitFor();
      const tiles = leader.getByRole('list', { name: '主要指标' });
      await tiles.waitFor();
      const value = async (label: string) =>
        Number(await tiles.locator('li', { hasText: label }).locator('.tile-value').textContent());
      expect(await value('立案')).toBeGreaterThanOrEqual(1);
      expect(await value('作出决定')).toBeGreaterThanOrEqual(1);
      expect(await leader.locator('.bars').first().textContent()).toContain('已送达');
      expect(await tiles.locator('li', { hasText: '按时公示率' }).textContent()).toContain('100%');
      await checkScreen(leader, 'walk-leader-dashboard', width);
    } finally {
      await leaderSide.context.close();
    }
  });
});

describe('legal review in rounds', { timeout: 120_000 }, () => {
  it('[REV-4] [REV-5] the reviewer finds a problem, the officer answers it in a second round, disputes the next opinion, and the leader rules', async () => {
    const reviewer = usersOf(agencyId).find((user) => user.sub === 'demo-reviewer');
    if (!reviewer) throw new Error('the demo has a reviewer');
    const title = '审核轮次：某养老服务点未建立入院评估制度案';
    const { reviewId } = await submitDemoReview(api, agencyId, {
      title,
      party: { kind: 'person', name: '吴某某', idNumber: '530524197805061235' },
    });
    const reviewUrl = `${api.url}/console/reviews/${reviewId}`;

    // Round 1: the reviewer finds the evidence short.
    const reviewerSide = await openPage(DESKTOP);
    try {
      const workbench = reviewerSide.page;
      await signIn(workbench, '法制审核员');
      await workbench.goto(reviewUrl);
      await workbench.getByRole('button', { name: '提交审核意见' }).waitFor();
      for (const standard of await workbench.locator('form fieldset').all()) {
        const legend = await standard.locator('legend').textContent();
        const choice = legend === '事实清楚、证据合法充分' ? '存在问题' : /^符合$|无需移送/;
        const radio = standard.getByLabel(choice);
        if ((await radio.count()) > 0) await radio.check();
      }
      // A problem without a note is refused, and the API's message shows at the standard.
      await workbench.getByLabel('存在问题，退回补正').check();
      await workbench.getByLabel('审核意见').fill('证据不足，请补充。');
      await workbench.getByRole('button', { name: '提交审核意见' }).click();
      await workbench.getByRole('alert').waitFor();
      await workbench.getByLabel('问题说明').fill('缺少当事人身份证明和收住老人名册。');
      await workbench.getByRole('button', { name: '提交审核意见' }).click();
      await workbench.getByText('存在问题（').waitFor();
    } catch (error) {
      await reviewerSide.page.screenshot({ path: `${SHOTS}/rounds-failed.png`, fullPage: true });
      throw error;
    } finally {
      await reviewerSide.context.close();
    }

    // The officer answers the problem: round 2.
    const officerSide = await openPage(DESKTOP);
    try {
      const page = officerSide.page;
      await signIn(page, '王秀兰');
      await page.goto(reviewUrl);
      await page.getByRole('heading', { name: '补正后再送审' }).waitFor();
      expect(await page.locator('main').textContent()).toContain('缺少当事人身份证明和收住老人名册。');
      await page.getByLabel('补正说明').fill('已补充当事人身份证明和收住老人名册。');
      await checkScreen(page, 'review-resubmission', 1280);
      await page.getByRole('button', { name: '补正后再送审' }).click();
      await page.locator('.facts').getByText('第 2 轮').waitFor();
      await page.locator('.facts').getByText('待审核').waitFor();
    } finally {
      await officerSide.context.close();
    }

    // Round 2 finds a problem again (over the API); the officer disputes it and the leader rules.
    const opinion = await api.call('POST', `/v1/reviews/${reviewId}/opinions`, {
      token: await api.token(reviewer),
      body: {
        findings: REVIEW_STANDARDS.map((standard) =>
          standard === 'legal-basis-and-discretion'
            ? { standard, result: 'problem', note: '罚款数额偏高。' }
            : { standard, result: 'pass' },
        ),
        conclusion: 'problems',
        opinion: '裁量不当。',
      },
    });
    expect(opinion.status).toBe(200);
    const disputeSide = await openPage(DESKTOP);
    try {
      const page = disputeSide.page;
      await signIn(page, '王秀兰');
      await page.goto(reviewUrl);
      await page.getByLabel('异议理由').fill('罚款数额在裁量基准范围内。');
      await page.getByRole('button', { name: '提请机关负责人裁决' }).click();
      await page.locator('.facts').getByText('有争议').waitFor();
    } finally {
      await disputeSide.context.close();
    }
    const leaderSide = await openPage(DESKTOP);
    try {
      const page = leaderSide.page;
      await signIn(page, '局长');
      await page.goto(reviewUrl);
      await page.getByRole('heading', { name: '异议裁决' }).waitFor();
      await page.getByLabel('异议成立，审核通过').check();
      await page.getByLabel('裁决说明').fill('罚款数额符合裁量基准，同意。');
      await checkScreen(page, 'review-ruling', 1280);
      await page.getByRole('button', { name: '作出裁决' }).click();
      await page.locator('.facts').getByText('审核通过', { exact: true }).waitFor();
      expect(await page.locator('.facts').first().textContent()).toContain('罚款数额符合裁量基准，同意。');
    } finally {
      await leaderSide.context.close();
    }
  });
});

describe('printed documents', { timeout: 120_000 }, () => {
  // Without the service worker, so that the test reads the PDF the API answered.
  const READ_RESPONSES = { ...PHONE, serviceWorkers: 'block' as const };
  /**
   * Opens a card's document viewer: the size of the PDF the API answered (the browser's resource
   * timing; Playwright does not keep the body of a response read as a blob), and its frame.
   */
  async function openDocument(page: Page, list: string, title: string) {
    const card = page.getByRole('list', { name: list }).locator('li', { hasText: title });
    const answered = page.waitForResponse(
      (response) => response.request().method() === 'GET' && /\/records\/[^/]+\/pdf$/.test(response.url()),
    );
    await card.getByText('查看文书').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const frame = card.locator('iframe.document-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    const size = await page.evaluate(
      (url) =>
        (performance.getEntriesByName(url) as PerformanceResourceTiming[]).at(-1)?.decodedBodySize ?? 0,
      response.url(),
    );
    return { card, frame, size };
  }

  it('[REC-12] on a phone the officer opens the prior notice as its document and prints it; the reviewer reads the materials in the workbench', async () => {
    const title = '手机：某养老服务点未建立入院评估制度案（文书）';
    const { caseId, reviewId } = await submitDemoReview(api, agencyId, {
      title,
      party: { kind: 'person', name: '𠮷某某', idNumber: '530524197805061235' },
    });
    const officerSide = await openPage(READ_RESPONSES);
    const page = officerSide.page;
    try {
      await signIn(page, '王秀兰');
      await page.goto(`${api.url}/console/cases/${caseId}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const { card, frame, size } = await openDocument(page, '文书记录列表', '行政处罚事先告知书');
      // A page with its embedded font subset and QR code: tens of kilobytes.
      expect(size).toBeGreaterThan(10_000);
      expect(await frame.getAttribute('title')).toMatch(/^行政处罚事先告知书（.+号）$/);
      // The print button prints the frame's document: counted here instead of a dialog.
      await frame.evaluate((element) => {
        const target = (element as HTMLIFrameElement).contentWindow as Window & { printed?: number };
        target.print = () => {
          target.printed = (target.printed ?? 0) + 1;
        };
      });
      await card.getByRole('button', { name: '打印文书' }).click();
      expect(
        await frame.evaluate(
          (element) =>
            ((element as HTMLIFrameElement).contentWindow as Window & { printed?: number }).printed,
        ),
      ).toBe(1);
      await checkScreen(page, 'phone-document-viewer', PHONE.viewport.width);
    } catch (error) {
      await page.screenshot({ path: `${SHOTS}/phone-document-failed.png`, fullPage: true });
      throw error;
    } finally {
      await officerSide.context.close();
    }

    const reviewerSide = await openPage(READ_RESPONSES);
    const workbench = reviewerSide.page;
    try {
      await signIn(workbench, '法制审核员');
      await workbench.goto(`${api.url}/console/reviews/${reviewId}`);
      await workbench.getByRole('heading', { level: 1, name: '法制审核意见' }).waitFor();
      const { size } = await openDocument(workbench, '审核材料列表', '行政处罚事先告知书');
      expect(size).toBeGreaterThan(10_000);
      await checkScreen(workbench, 'phone-review-material', PHONE.viewport.width);
    } catch (error) {
      await workbench.screenshot({ path: `${SHOTS}/phone-review-material-failed.png`, fullPage: true });
      throw error;
    } finally {
      await reviewerSide.context.close();
    }
  });
});

describe('officers and certificates', { timeout: 120_000 }, () => {
  it('[PUB-5] [PUB-7] the administrator sees each certificate’s status and QR code and suspends one, with the reason', async () => {
    const { context, page } = await openPage(PHONE);
    try {
      await signIn(page, '系统管理员');
      await page.getByRole('heading', { level: 1, name: '执法人员和执法证' }).waitFor();
      const card = page
        .getByRole('list', { name: '执法人员列表' })
        .locator('li', { hasText: 'YN-CN-MZ-0003' });
      await card.getByRole('button', { name: '显示核验二维码' }).click();
      const qr = card.getByRole('img', { name: '张建国的执法证核验二维码' });
      await qr.waitFor();
      await expect
        .poll(() => qr.evaluate((image) => (image as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
      expect(await card.locator('.badge').textContent()).toBe('有效');
      // Without a reason the change is refused, and the message shows at the reason.
      await card.getByText('暂扣、吊销或恢复执法证').click();
      await card.getByLabel('变更证件状态').selectOption('suspended');
      await card.getByRole('button', { name: '确认变更' }).click();
      await card.getByRole('alert').waitFor();
      expect(await card.getByLabel('理由').getAttribute('aria-invalid')).toBe('true');
      await card.getByLabel('理由').fill('涉嫌违法执法，暂扣执法证');
      await card.getByRole('button', { name: '确认变更' }).click();
      await expect.poll(() => card.locator('.badge').textContent()).toBe('暂扣');
      await checkScreen(page, 'phone-officers', PHONE.viewport.width);
    } finally {
      await context.close();
    }
    const shown = await api.call('GET', `/public/v1/officers/YN-CN-MZ-0003?agencyId=${agencyId}`);
    expect(shown.body.status).toBe('suspended');
  });
});

describe('lists (清单)', { timeout: 120_000 }, () => {
  it('[PUB-1] [PUB-4] a new edition of the matters list is published by a second person; its author is refused; it downloads as Excel', async () => {
    const head = usersOf(agencyId).find((user) => user.sub === 'demo-head');
    if (!head) throw new Error('the demo has a unit head');
    const token = await api.token(head);
    const lists = await api.call('GET', '/v1/checklists?kind=matters&status=published', { token });
    const current = await api.call('GET', `/v1/checklists/${lists.body.items[0].id}`, { token });
    const [first, ...rest] = current.body.items as Record<string, unknown>[];
    const draft = await api.call('POST', '/v1/checklists', {
      token,
      body: { kind: 'matters', title: current.body.title, items: [{ ...first, timeLimit: '60日' }, ...rest] },
    });
    expect(draft.status).toBe(201);
    const draftUrl = `${api.url}/console/checklists/${draft.body.id}`;

    const authorSide = await openPage(DESKTOP);
    try {
      const page = authorSide.page;
      await signIn(page, '李明华');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '清单' }).click();
      await page.getByRole('list', { name: '清单列表' }).getByText('草稿').waitFor();
      await page.goto(draftUrl);
      await page.getByRole('button', { name: '审核发布' }).click();
      await page.getByRole('button', { name: '确认发布' }).click();
      await page.getByRole('alert').getByText('清单的编制人不能审核发布自己编制的清单').waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      expect((await download).suggestedFilename()).toBe(`${current.body.title}.xlsx`);
    } finally {
      await authorSide.context.close();
    }
    const adminSide = await openPage(PHONE);
    try {
      const page = adminSide.page;
      await signIn(page, '系统管理员');
      await page.goto(draftUrl);
      await page.getByRole('button', { name: '审核发布' }).click();
      await page.getByRole('button', { name: '确认发布' }).click();
      await page.locator('.facts').getByText('现行').waitFor();
      expect(await page.getByRole('list', { name: '清单事项' }).textContent()).toContain('60日');
      await checkScreen(page, 'phone-checklist-published', PHONE.viewport.width);
    } finally {
      await adminSide.context.close();
    }
  });
});

describe('on a lost network', { timeout: 120_000 }, () => {
  it('[REC-8] the console opens offline from its service worker with the list last seen, and a screen never opened says in Chinese that the server cannot be reached', async () => {
    await registerDemoCase(api, agencyId, {
      title: '离线查看的案件',
      party: { kind: 'organization', name: '某养老服务点', idNumber: '52530524MJ0000001U' },
    });
    const { context, page } = await openPage(PHONE);
    try {
      await signIn(page, '王秀兰');
      // The list is seen (and so kept on the device) before the network goes, not only its heading.
      await page.getByRole('list', { name: '案件列表' }).getByText('离线查看的案件').first().waitFor();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: '我的案件' }).waitFor();
      // The list opened before the network went is shown, with the time it is from.
      await page.getByRole('status').getByText('网络不可用').waitFor();
      expect(await page.getByRole('list', { name: '案件列表' }).locator('li').count()).toBeGreaterThan(0);
      await checkScreen(page, 'phone-offline', PHONE.viewport.width);
      // A screen never opened on the network says in Chinese that the server cannot be reached.
      await page.getByRole('link', { name: '法制审核' }).first().click();
      await page.getByRole('alert').getByText('无法连接服务器，请检查网络后重试').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('long lists', { timeout: 120_000 }, () => {
  it('[REC-8] an officer with more cases than one page pages through all of them', async () => {
    const officer = usersOf(agencyId).find((user) => user.sub === 'demo-officer');
    if (!officer) throw new Error('the demo has an officer');
    const token = await api.token(officer);
    for (let index = 0; index < 51; index += 1) {
      await registerDemoCase(api, agencyId, {
        title: `分页测试案件 ${index + 1}`,
        party: { kind: 'organization', name: '某养老服务点', idNumber: '52530524MJ0000001U' },
      });
    }
    let total = 0;
    let cursor: string | undefined;
    do {
      const page = await api.call('GET', `/v1/cases?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        token,
      });
      total += page.body.items.length;
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(total).toBeGreaterThan(50);
    const { context, page } = await openPage(PHONE);
    try {
      await signIn(page, '王秀兰');
      const list = page.getByRole('list', { name: '案件列表' });
      await list.locator('li').first().waitFor();
      expect(await list.locator('li').count()).toBeLessThan(total);
      while (await page.getByRole('button', { name: '加载更多' }).isVisible()) {
        const shown = await list.locator('li').count();
        await page.getByRole('button', { name: '加载更多' }).click();
        await expect.poll(() => list.locator('li').count()).toBeGreaterThan(shown);
      }
      expect(await list.locator('li').count()).toBe(total);
    } finally {
      await context.close();
    }
  });
});

describe('drafting without a network', { timeout: 120_000 }, () => {
  it('[REC-8] [REC-2] an officer on a lost network opens the case, drafts an inspection record and an activity, and sees them numbered and recorded once the network returns', async () => {
    const { caseId } = await registerDemoCase(api, agencyId, {
      title: '田园镇某村养老服务点离线检查案',
      party: { kind: 'organization', name: '田园镇某村养老服务点', idNumber: '52530524MJ0000001U' },
    });
    const { context, page } = await openPage(PHONE);
    try {
      await signIn(page, '王秀兰');
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      // Opened once on the network: the case, its record templates and the activity form are kept.
      const casePath = `${api.url}/console/cases/${caseId}`;
      await page.goto(casePath);
      await page.getByRole('heading', { level: 1, name: '田园镇某村养老服务点离线检查案' }).waitFor();
      await page.getByRole('link', { name: '添加文书记录' }).click();
      await page.getByLabel('文书种类').waitFor();
      await page.goto(casePath);
      await page.getByRole('link', { name: '记录执法活动' }).click();
      await page.getByLabel('活动类型').waitFor();

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('status').getByText('网络不可用').waitFor();
      await page.getByLabel('活动类型').selectOption('on-site-inspection');
      await page.getByLabel('地点').fill('昌宁县田园镇某村养老服务点');
      await page.getByLabel('出示执法证件').check();
      await page.getByRole('button', { name: '记录执法活动' }).click();
      await page.getByRole('heading', { level: 1, name: '田园镇某村养老服务点离线检查案' }).waitFor();
      await page.getByRole('link', { name: '添加文书记录' }).click();
      await page.getByLabel('文书种类').selectOption({ label: '现场检查笔录' });
      await page.getByLabel('地点').fill('昌宁县田园镇某村养老服务点');
      const now = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19);
      await page.getByLabel('开始时间').fill(now());
      await page.getByLabel('结束时间').fill(now());
      await page.getByLabel('被检查人').fill('田园镇某村养老服务点');
      await page.getByLabel('检查情况').fill('离线记录：现场未见入院评估记录。');
      await page.getByRole('button', { name: '保存文书记录' }).click();

      const drafts = page.getByRole('list', { name: '本机草稿' });
      await drafts.waitFor();
      expect(await drafts.locator('li').count()).toBe(2);
      expect(await drafts.textContent()).toContain('未发送');
      expect(await drafts.textContent()).toContain('联网后自动发送');
      await checkScreen(page, 'phone-offline-drafts', PHONE.viewport.width);
      const officer = usersOf(agencyId).find((user) => user.sub === 'demo-officer');
      if (!officer) throw new Error('the demo has an officer');
      const token = await api.token(officer);
      const before = await api.call('GET', `/v1/cases/${caseId}`, { token });
      expect(before.body.records).toHaveLength(0);
      expect(before.body.activities).toHaveLength(0);

      await context.setOffline(false);
      await expect
        .poll(() => drafts.textContent(), { timeout: 20_000 })
        .toMatch(/服务器已接受，编号 昌民检〔\d{4}〕\d+号/);
      await expect.poll(async () => (await drafts.textContent())?.includes('未发送')).toBe(false);
      const records = page.getByRole('list', { name: '文书记录列表' });
      await expect.poll(() => records.textContent()).toContain('现场检查笔录');
      await checkScreen(page, 'phone-offline-drafts-sent', PHONE.viewport.width);
      // Sent once each, even when a resend follows a lost answer (the Idempotency-Key).
      const after = await api.call('GET', `/v1/cases/${caseId}`, { token });
      expect(after.body.records).toHaveLength(1);
      expect(after.body.activities).toHaveLength(1);
      await page.getByRole('button', { name: '知道了' }).first().click();
      await expect.poll(() => drafts.locator('li').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('serving the console', () => {
  it('[REC-8] serves index.html for the console’s own paths, hashed assets as immutable, and a missing asset as 404', async () => {
    const index = await fetch(`${api.url}/console/cases/some-case`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    expect(html).toContain('<html lang="zh-CN">');
    const script = /<script type="module" crossorigin src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${api.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Installable: the web app manifest, in Chinese, scoped to the console.
    const manifest = await fetch(`${api.url}/console/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
    const installable = await manifest.json();
    expect(installable).toMatchObject({ lang: 'zh-CN', scope: '/console/', display: 'standalone' });
    // Android installs with PNG icons of 192 and 512 pixels (one maskable); iOS takes the apple-touch-icon.
    const icons = installable.icons as { src: string; sizes: string; type: string; purpose: string }[];
    expect(icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: '192x192', type: 'image/png' }),
        expect.objectContaining({ sizes: '512x512', type: 'image/png', purpose: 'any' }),
        expect.objectContaining({ sizes: '512x512', type: 'image/png', purpose: 'maskable' }),
      ]),
    );
    const touchIcon = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    for (const src of [
      ...icons.filter((icon) => icon.type === 'image/png').map((icon) => icon.src),
      touchIcon,
    ]) {
      const image = await fetch(`${api.url}${src}`);
      expect(image.headers.get('content-type'), src).toBe('image/png');
      expect((await image.arrayBuffer()).byteLength, src).toBeGreaterThan(1000);
    }
    const missing = await fetch(`${api.url}/console/assets/missing-0000.js`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe('文件不存在');
    const bare = await fetch(`${api.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    const outside = await fetch(`${api.url}/console/%2e%2e/package.json`);
    expect(outside.status).toBe(404);
    const post = await fetch(`${api.url}/console/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('[REC-8] the initial load (index.html, its script, styles and preloads) stays within 150 KB gzipped', async () => {
    const html = await readFile(join(CONSOLE_DIST, 'index.html'));
    const assets = [...html.toString().matchAll(/(?:src|href)="\/console\/(assets\/[^"]+)"/g)].map(
      (found) => found[1] ?? '',
    );
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    let total = gzipSync(html).length;
    for (const asset of assets) total += gzipSync(await readFile(join(CONSOLE_DIST, asset))).length;
    expect(total).toBeLessThanOrEqual(INITIAL_LOAD_BUDGET);
  });
});
