import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData, usersOf } from '#local/seed.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { CONSOLE_SHOTS, checkScreen, openConsolePage, signInAs } from '#test/helpers/console-screens.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { writeQrVideo } from '#test/helpers/fake-camera.ts';

/**
 * Inspections of enterprises in the console at phone width (INS-1, INS-4): the demo unit head
 * approves a task, the demo officer scans the enterprise's supervision code with the phone's
 * camera (Chromium's fake capture device playing a video of the QR code) or types it.
 */
let api: TestApi;
let browser: Browser;
let cameraBrowser: Browser;
let folder: string;
const agencyId = newAgencyId();
const enterpriseName = '昌宁县康乐养老服务有限公司';

async function token(sub: string) {
  const user = usersOf(agencyId).find((each) => each.sub === sub);
  if (!user) throw new Error(`the demo has ${sub}`);
  return api.token(user);
}

/** A task of the demo officer's on the demo random-inspections list, and the enterprise's code. */
async function inspectionOfNewEnterprise(approved: boolean) {
  const creditCode = freshCreditCode();
  const created = await api.call('POST', '/v1/inspections', {
    token: await token('demo-officer'),
    body: {
      enterpriseCreditCode: creditCode,
      enterpriseName,
      itemCode: 'SJ-001',
      officers: ['YN-CN-MZ-0002', 'YN-CN-MZ-0003'],
      plannedOn: legalDateOf(new Date(Date.now() + 86_400_000)),
    },
  });
  expect(created.status, created.text).toBe(201);
  if (approved) {
    const approval = await api.call('POST', `/v1/inspections/${created.body.id}/approval`, {
      token: await token('demo-head'),
    });
    expect(approval.status).toBe(200);
  }
  const enterprise = await api.token({ sub: `enterprise-${creditCode}`, creditCode, roles: ['enterprise'] });
  const code: string = (await api.call('GET', '/v1/enterprise/code', { token: enterprise })).body.code;
  return { id: created.body.id as string, code };
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await seedDemoData(agencyId);
  folder = await mkdtemp(join(tmpdir(), 'fake-camera-'));
  await mkdir(CONSOLE_SHOTS, { recursive: true });
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await cameraBrowser?.close();
  await browser?.close();
  await api?.close();
  await rm(folder, { recursive: true, force: true });
});

async function asUser(
  on: Browser,
  name: string,
  options: BrowserContextOptions,
  act: (page: Page) => Promise<void>,
) {
  const { context, page } = await openConsolePage(on, options);
  try {
    await signInAs(page, api.url, agencyId, name);
    await act(page);
  } finally {
    await context.close();
  }
}

const toInspections = (page: Page) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '涉企检查' }).click();

describe('inspections in the console', { timeout: 180_000 }, () => {
  it('[INS-1] the unit head approves a task waiting for approval, on a phone', async () => {
    const { id } = await inspectionOfNewEnterprise(false);
    await asUser(browser, '李明华', PHONE, async (page) => {
      await toInspections(page);
      const pending = page.getByRole('list', { name: '待审批的检查任务' });
      await pending.getByText(enterpriseName).first().waitFor();
      await checkScreen(page, 'inspections-approval-phone', PHONE.viewport.width);
      await pending
        .getByRole('button', { name: `批准对${enterpriseName}的检查` })
        .first()
        .click();
      await page.getByRole('list', { name: '检查任务' }).getByText('已审批，待扫码入企').first().waitFor();
    });
    const stored = await api.call('GET', `/v1/inspections/${id}`, { token: await token('demo-head') });
    expect(stored.body).toMatchObject({ status: 'approved', approvedBy: 'demo-head' });
  });

  it('[INS-4] the officer scans the enterprise’s code with the phone’s camera, which opens the case to record the inspection', async () => {
    const { id, code } = await inspectionOfNewEnterprise(true);
    const video = join(folder, 'qr.y4m');
    await writeQrVideo(video, code);
    cameraBrowser = await launchChromium([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    await asUser(cameraBrowser, '王秀兰', { ...PHONE, permissions: ['camera'] }, async (page) => {
      await toInspections(page);
      await page.locator(`a[href$="/inspections/${id}/scan"]`).click();
      await page.getByRole('button', { name: '打开摄像头扫码' }).waitFor();
      await checkScreen(page, 'inspection-scan-phone', PHONE.viewport.width);
      await page.getByRole('button', { name: '打开摄像头扫码' }).click();
      await page.getByRole('status').getByText('已扫码入企').waitFor({ timeout: 30_000 });
      await checkScreen(page, 'inspection-scanned-phone', PHONE.viewport.width);
      await page.getByRole('link', { name: '记录现场检查' }).click();
      await page.getByRole('heading', { level: 1, name: `对${enterpriseName}的行政检查` }).waitFor();
    });
    const stored = await api.call('GET', `/v1/inspections/${id}`, { token: await token('demo-head') });
    expect(stored.body.status).toBe('started');
  });

  it('[INS-4] without a camera the officer types the code; a wrong one is refused at the field', async () => {
    const { id, code } = await inspectionOfNewEnterprise(true);
    await asUser(browser, '王秀兰', PHONE, async (page) => {
      await page.goto(`${api.url}/console/inspections/${id}/scan`);
      const field = page.getByLabel('监管码');
      await field.fill(`${code.slice(0, -3)}abc`);
      await page.getByRole('button', { name: '确认入企' }).click();
      await page.getByRole('alert').getByText('监管码无效或已更新').waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await checkScreen(page, 'inspection-scan-refused-phone', PHONE.viewport.width);
      await field.fill(code);
      await page.getByRole('button', { name: '确认入企' }).click();
      await page.getByRole('status').getByText('已扫码入企').waitFor();
    });
    const stored = await api.call('GET', `/v1/inspections/${id}`, { token: await token('demo-head') });
    expect(stored.body.status).toBe('started');
  });
});
