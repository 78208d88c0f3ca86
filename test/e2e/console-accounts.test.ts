import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedPlatformAdmin } from '#local/seed.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { asConsoleUser, CONSOLE_SHOTS, checkScreen, DESKTOP } from '#test/helpers/console-screens.ts';

/**
 * An agency goes live in the console alone (ORG-6, ORG-5): the platform administrator creates
 * it with its supervisory body and first administrator, who opens, edits and disables a staff
 * account and reads the change log. Every screen is checked and photographed at phone width.
 */
let api: TestApi;
let browser: Browser;
const agencyId = newAgencyId();

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
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

describe('console: agencies and accounts', { timeout: 180_000 }, () => {
  it('[ORG-6] the platform admin creates an agency with its supervisory body and first admin; bad input is shown at its fields', async () => {
    await asUser('平台管理员', PHONE, async (page) => {
      await page.getByRole('heading', { level: 1, name: '机构管理' }).waitFor();
      const names = await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link')
        .allTextContents();
      expect(names).toEqual(['机构管理']);
      const form = page.locator('details.agency-creation');
      await form.locator('summary').click();
      await form.getByLabel(/^机关名称/).fill('昌宁县市场监督管理局');
      await form.getByLabel(/^机关代码/).fill('Not An Id');
      await form.getByLabel(/^首位管理员姓名/).fill('段志华');
      await form.getByRole('button', { name: '新建机关' }).click();
      await form.getByRole('alert').waitFor();
      const alert = (await form.getByRole('alert').textContent()) ?? '';
      expect(alert).toContain('机关代码');
      expect(alert).toContain('监督机关代码');
      expect(alert).not.toMatch(/agencyId|supervisedBy/);
      await checkScreen(page, 'phone-agency-refused', PHONE.viewport.width);

      await form.getByLabel(/^机关代码/).fill(agencyId);
      await form.getByLabel(/^监督机关代码/).fill('changning-sfj');
      await form.getByLabel(/^首位管理员手机号码/).fill('13900000001');
      await form.getByRole('button', { name: '新建机关' }).click();
      await form.getByText('已新建昌宁县市场监督管理局，首位管理员段志华的账号已开设。').waitFor();
      await checkScreen(page, 'phone-agency-created', PHONE.viewport.width);
    });
    const listed = await api.call('GET', `/dev/users?agencyId=${agencyId}`);
    expect(listed.body.users).toContainEqual(
      expect.objectContaining({ name: '段志华', agencyId, roles: ['admin'] }),
    );
  });

  it('[ORG-4] the platform admin changes who supervises the agency; the body left out reads nothing of it', async () => {
    const cityBody = newAgencyId();
    await asUser('平台管理员', PHONE, async (page) => {
      const card = page
        .getByRole('list', { name: '执法机关列表' })
        .locator('li', { hasText: `机关代码 ${agencyId}` });
      await card.getByText('监督机关 changning-sfj').waitFor();
      const form = card.locator('details.agency-supervisors');
      await form.locator('summary').click();
      const field = form.getByLabel(/^监督机关代码/);
      await form.getByRole('button', { name: '保存监督机关' }).click();
      await form.getByRole('alert').waitFor();
      expect((await form.getByRole('alert').textContent()) ?? '').toContain('监督机关代码');
      await field.fill(cityBody);
      await form.getByRole('button', { name: '保存监督机关' }).click();
      await form.getByText(`昌宁县市场监督管理局的监督机关已变更为${cityBody}。`).waitFor();
      await card.getByText(`监督机关 ${cityBody}`).waitFor();
      await checkScreen(page, 'phone-agency-supervisors', PHONE.viewport.width);
    });
    const former = await api.token({ agencyId: 'changning-sfj', roles: ['supervisor'] });
    const formerList = await api.call('GET', '/v1/agencies', { token: former });
    expect(formerList.body.items.map((each: { agencyId: string }) => each.agencyId)).not.toContain(agencyId);
    const city = await api.token({ agencyId: cityBody, roles: ['supervisor'] });
    expect((await api.call('GET', '/v1/agencies', { token: city })).body.items).toEqual([
      { agencyId, name: '昌宁县市场监督管理局' },
    ]);
  });

  it('[ORG-5] the first admin opens an account, edits its roles, disables it, and reads who changed what when', async () => {
    await asUser('段志华', PHONE, async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '账号管理' }).click();
      const accounts = page.getByRole('list', { name: '账号列表' });
      await accounts.locator('li', { hasText: '段志华（本人）' }).waitFor();

      const form = page.locator('details.account-creation');
      await form.locator('summary').click();
      await form.getByLabel(/^姓名/).fill('周晓燕');
      await form.getByRole('button', { name: '开设账号' }).click();
      await form.getByRole('alert').waitFor();
      expect(await form.locator('fieldset.field-invalid legend').textContent()).toContain('角色');
      await form.getByLabel('执法人员').check();
      await form.getByRole('button', { name: '开设账号' }).click();
      const card = accounts.locator('li', { hasText: '周晓燕' });
      await card.waitFor();
      expect(await card.locator('.badge').textContent()).toBe('在用');
      expect(await card.textContent()).toContain('办公室');
      await checkScreen(page, 'phone-account-created', PHONE.viewport.width);

      const edit = card.locator('details.account-edit');
      await edit.locator('summary').click();
      await edit.getByLabel('股室负责人').check();
      await edit.getByRole('button', { name: '保存修改' }).click();
      await accounts.locator('li', { hasText: '执法人员、股室负责人' }).waitFor();

      const disable = accounts.locator('li', { hasText: '周晓燕' }).locator('details.account-disable');
      await disable.locator('summary').click();
      await disable.getByRole('button', { name: '确认停用' }).click();
      await accounts.locator('li', { hasText: '周晓燕' }).locator('.badge', { hasText: '已停用' }).waitFor();
      // The admin's own account offers no disabling.
      expect(
        await accounts
          .locator('li', { hasText: '段志华（本人）' })
          .locator('details.account-disable')
          .count(),
      ).toBe(0);

      const log = page.getByRole('list', { name: '账号变更记录' });
      await log.getByText(/段志华 停用账号：周晓燕/).waitFor();
      const entries = await log.locator('li').allTextContents();
      expect(entries).toHaveLength(4);
      expect(entries[1]).toMatch(
        /年.*月.*日 \d{2}:\d{2} 段志华 修改账号：周晓燕，办公室，执法人员、股室负责人/,
      );
      expect(entries.at(-1)).toContain('平台管理员 开设账号：段志华，办公室，系统管理员');
      await checkScreen(page, 'phone-accounts', PHONE.viewport.width);
    });
    await asUser('段志华', DESKTOP, async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '账号管理' }).click();
      await page.getByRole('list', { name: '账号变更记录' }).waitFor();
      await checkScreen(page, 'desktop-accounts', DESKTOP.viewport?.width ?? 1280);
    });
  });
  it('[ORG-5] [ORG-6] the first admin adds a unit and imports five staff from a spreadsheet; a list with a bad row opens none and names the row', async () => {
    const staff = (roleOfFifth: string) =>
      Buffer.from(
        `序号,姓名,股室,角色,手机号码\n1,杨建国,综合执法大队,执法人员,\n2,李春梅,综合执法大队,执法人员,\n3,赵德明,综合执法大队,股室负责人、执法人员,\n4,何丽萍,办公室,法制审核人员,\n5,张立新,办公室,${roleOfFifth},13900000005\n`,
      );
    await asUser('段志华', PHONE, async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '账号管理' }).click();
      // First a unit for the enforcement team: a taken number is refused, then it is added.
      const units = page.locator('details.units');
      await units.locator('summary', { hasText: '办公室' }).click();
      await units.getByLabel(/^股室名称/).fill('综合执法大队');
      await units.getByLabel(/^股室编号/).fill('office');
      await units.getByRole('button', { name: '添加股室' }).click();
      expect(await units.getByRole('alert').textContent()).toContain('股室编号不能重复');
      await units.getByLabel(/^股室名称/).fill('综合执法大队');
      await units.getByLabel(/^股室编号/).fill('zfdd');
      await units.getByRole('button', { name: '添加股室' }).click();
      await page.locator('details.units summary', { hasText: '办公室、综合执法大队' }).waitFor();

      const form = page.locator('details.account-import');
      await form.locator('summary').click();
      await form.getByLabel(/^名单文件/).setInputFiles({
        name: '人员名单.csv',
        mimeType: 'text/csv',
        buffer: staff('局长'),
      });
      await form.getByRole('button', { name: '导入并开设账号' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('第 6 行「角色」');
      await checkScreen(page, 'phone-accounts-import-refused', PHONE.viewport.width);
      const accounts = page.getByRole('list', { name: '账号列表' });
      expect(await accounts.locator('li', { hasText: '杨建国' }).count()).toBe(0);

      await form.getByLabel(/^名单文件/).setInputFiles({
        name: '人员名单.csv',
        mimeType: 'text/csv',
        buffer: staff('机关负责人'),
      });
      await form.getByRole('button', { name: '导入并开设账号' }).click();
      await form.getByText('已开设 5 个账号。').waitFor();
      await accounts.locator('li', { hasText: '张立新' }).waitFor();
      expect(await accounts.locator('li', { hasText: '赵德明' }).textContent()).toContain(
        '综合执法大队股室负责人、执法人员',
      );
      await checkScreen(page, 'phone-accounts-imported', PHONE.viewport.width);
    });
    const listed = await api.call('GET', `/dev/users?agencyId=${agencyId}`);
    expect(listed.body.users.map((user: { name: string }) => user.name)).toEqual(
      expect.arrayContaining(['杨建国', '李春梅', '赵德明', '何丽萍', '张立新']),
    );
  });
});
