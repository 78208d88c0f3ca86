import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFeed } from '@rowanmanning/feed-parser';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCase, seedDemoData, supervisoryBodyOf, usersOf } from '#local/seed.ts';
import { createDraft, currentEdition, publishChecklist } from '#shared/checklists/use-cases/checklists.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { ports } from '#shared/repositories.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';

/**
 * The public site as a visitor on a phone uses it, in headless Chromium against the local server:
 * a copy of the demo agency with one published decision and one revoked, a second edition of its
 * matters list and a revoked certificate. Every page is checked with axe-core, weighed, and
 * photographed at phone width into test-artifacts/site/.
 */
const SHOTS = 'test-artifacts/site';
const PAGE_BUDGET_BYTES = 50 * 1024;

let api: TestApi;
let browser: Browser;
let page: Page;
const agencyId = newAgencyId();
const published = { documentNo: '', id: '' };
const withdrawn = { id: '' };
/** The status of the last page the browser opened, by link, form or address. */
let lastStatus = 0;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoData(agencyId);
  await seedDemoCase(api.url, agencyId);
  const [admin, head, author] = usersOf(agencyId);
  if (!admin || !head || !author) throw new Error('the demo has an admin, a unit head and an officer');
  // A second edition of the matters list: one matter's time limit changed, one matter added.
  const first = await currentEdition(ports, agencyId, 'matters');
  if (!first) throw new Error('the demo publishes a matters list');
  const [changed, ...rest] = first.items as Record<string, unknown>[];
  const draft = await createDraft(ports, author, {
    kind: 'matters',
    title: first.title,
    items: [
      { ...changed, timeLimit: '15个工作日' },
      ...rest,
      { ...rest[0], code: 'MZ-SITE-NEW', name: '对养老机构未按规定公开服务收费项目的处罚' },
    ],
  });
  await publishChecklist(ports, head, draft.id);
  const adminToken = await api.token(admin);
  const revoked = await api.call('POST', '/v1/officers/YN-CN-MZ-0004/status', {
    token: adminToken,
    body: { status: 'revoked', reason: '因违法执法被吊销执法证' },
  });
  expect(revoked.status).toBe(200);
  const decisions = await api.call('GET', `/public/v1/agencies/${agencyId}/decisions`);
  published.documentNo = decisions.body.items[0].documentNo;
  published.id = decisions.body.items[0].id;
  const feed = await api.call('GET', `/public/v1/agencies/${agencyId}/feeds/json`);
  const withdrawal = JSON.parse(feed.text).items.find((item: { title: string }) => item.title === '撤回公示');
  withdrawn.id = String(withdrawal?.id).split('/').at(-1) ?? '';
  browser = await launchChromium();
  page = await (await browser.newContext(PHONE)).newPage();
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
      lastStatus = response.status();
  });
  await mkdir(SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await api.close();
});

/** Opens a page as a visitor does, and checks what every page must be: small, accessible, in Chinese, photographed. */
/** Every page a test opened, to be checked by the Nu HTML Checker at the end. */
const visited = new Set<string>();

async function visit(path: string, shot: string) {
  visited.add(path);
  const response = await page.goto(`${api.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await checkPage(shot);
}

async function checkPage(shot: string, status = 200) {
  expect(lastStatus, shot).toBe(status);
  const html = await page.content();
  expect(Buffer.byteLength(html), `${shot} weighs more than its budget`).toBeLessThanOrEqual(
    PAGE_BUDGET_BYTES,
  );
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  expect(await page.locator('h1').count()).toBe(1);
  // No sideways scrolling of the page itself on a phone (tables scroll inside their own box).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.viewport.width,
  );
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
  });
  expect(violations, shot).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
}

describe('the public site on a phone', { timeout: 120_000 }, () => {
  it('[PUB-14] a visitor finds the agency from the home page and sees its lists, decisions, withdrawals and reports', async () => {
    await page.goto(`${api.url}/?q=${encodeURIComponent('昌宁县民政局')}`);
    await checkPage('home-search');
    let next = page.getByRole('link', { name: '下一页' });
    // Every test agency is a copy of the demo: page until ours appears.
    while (
      (await page.locator(`a[href="/agencies/${agencyId}"]`).count()) === 0 &&
      (await next.count()) > 0
    ) {
      await next.click();
      next = page.getByRole('link', { name: '下一页' });
    }
    await page.locator(`a[href="/agencies/${agencyId}"]`).click();
    await checkPage('agency');
    expect(await page.locator('h1').textContent()).toBe('昌宁县民政局');
    const body = await page.locator('main').textContent();
    expect(body).toContain('行政执法事项清单');
    expect(body).toContain(published.documentNo);
    expect(body).toContain('经行政复议，认定该处罚决定认定事实不清，予以撤销。');
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').count()).toBe(1);
  });

  it('[PUB-7] [PUB-5] scanning a valid certificate and a revoked one shows each status unmistakably', async () => {
    await visit(`/certificates/YN-CN-MZ-0001?agencyId=${agencyId}`, 'certificate-valid');
    expect(await page.locator('.status').textContent()).toBe('证件状态：有效');
    expect(await page.locator('.status').getAttribute('class')).toContain('status-ok');
    await visit(`/certificates/YN-CN-MZ-0004?agencyId=${agencyId}`, 'certificate-revoked');
    expect(await page.locator('.status').textContent()).toBe('证件状态：已吊销');
    expect(await page.locator('.status').getAttribute('class')).toContain('status-bad');
    expect(await page.locator('main').textContent()).toContain('不得从事行政执法活动');
  });

  it('[PUB-5] [SUP-1] a visitor types a certificate number and files a complaint from the verification page, and keeps a receipt', async () => {
    await visit(`/agencies/${agencyId}`, 'agency-complaint-channel');
    await page.getByLabel('执法证号').fill('YN-CN-MZ-0002');
    await page.getByRole('button', { name: '核验执法证' }).click();
    await checkPage('certificate-lookup');
    expect(await page.locator('.status').textContent()).toBe('证件状态：有效');
    await page.getByLabel('投诉内容（时间、地点和经过）').fill('检查时未出示执法证件，态度粗暴');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await expect
      .poll(() => page.locator('#result').textContent())
      .toMatch(/^已受理。受理编号 ([0-9A-Z]{4}-){3}[0-9A-Z]{4}，请妥善保存/);
  });

  it('[PUB-9] [PUB-10] a visitor searches decisions by document number and opens one', async () => {
    await visit(`/agencies/${agencyId}/decisions`, 'decisions');
    await page.getByLabel('文号').fill(published.documentNo);
    await page.getByRole('button', { name: '查询' }).click();
    await checkPage('decisions-by-document-number');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    await rows.getByRole('link', { name: published.documentNo }).click();
    await checkPage('decision');
    const text = await page.locator('main').textContent();
    expect(await page.locator('h1').textContent()).toBe(`行政处罚决定 ${published.documentNo}`);
    expect(text).toContain('罚款 20,000 元');
    expect(text).toContain('杨**');
    expect(text).not.toContain('杨某某');
    expect(text).toContain('已履行');
  });

  it('[PUB-9] a search by publication dates and category narrows the list; nothing matches outside them', async () => {
    const today = legalDateOf(new Date());
    await visit(
      `/agencies/${agencyId}/decisions?from=${today}&to=${today}&category=penalty`,
      'decisions-today',
    );
    expect(await page.locator('tbody tr').count()).toBe(1);
    await visit(`/agencies/${agencyId}/decisions?from=2020-01-01&to=2020-12-31`, 'decisions-none');
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('没有符合条件的执法决定');
    const bad = await page.goto(`${api.url}/agencies/${agencyId}/decisions?from=2020-13-01`);
    expect(bad?.status()).toBe(400);
    // The wrong field by its label, in words; neither the field's name nor an error code.
    const refusal = (await page.locator('main').textContent()) ?? '';
    expect(refusal).toContain('开始日期：');
    expect(refusal).not.toMatch(/from|错误代码|VALIDATION_FAILED/);
  });

  it('[PUB-11] a withdrawn decision says when and why it was taken down, and is no longer listed', async () => {
    expect(withdrawn.id).toBeTruthy();
    await visit(`/decisions/${withdrawn.id}`, 'decision-withdrawn');
    const text = await page.locator('main').textContent();
    expect(await page.locator('h1').textContent()).toBe('该执法决定公示已撤下');
    expect(text).toContain('经行政复议，认定该处罚决定认定事实不清，予以撤销。');
    expect(text).toContain(legalDateOf(new Date()));
    await visit(`/agencies/${agencyId}/decisions`, 'decisions-after-withdrawal');
    expect(await page.locator(`a[href="/decisions/${withdrawn.id}"]`).count()).toBe(0);
  });

  it('[PUB-2] a visitor browses the matters list, an earlier edition and the differences between them', async () => {
    await visit(`/agencies/${agencyId}/lists/matters`, 'matters');
    expect(await page.locator('main').textContent()).toContain('第 2 版');
    await page.getByRole('link', { name: '第 1 版' }).click();
    await checkPage('matters-edition-1');
    // Both editions were published today: the first was in force on no day, and says so.
    expect(await page.locator('.lede').textContent()).toMatch(
      /^第 1 版，\d{4}-\d{2}-\d{2} 发布，当日即被新版本取代/,
    );
    await page.getByRole('button', { name: '比较' }).click();
    await checkPage('matters-diff');
    const text = await page.locator('main').textContent();
    expect(text).toContain('新增 1 项，删除 0 项，修改 1 项');
    expect(text).toContain('对养老机构未按规定公开服务收费项目的处罚');
    expect(await page.locator('ins').first().textContent()).toBe('15个工作日');
  });

  it('[PUB-3] [PUB-4] [PUB-5] [PUB-6] every other list shows its edition in force', async () => {
    for (const kind of ['random-inspections', 'subjects', 'officers', 'service-guides']) {
      await visit(`/agencies/${agencyId}/lists/${kind}`, `list-${kind}`);
      expect(await page.locator('tbody tr').count(), kind).toBeGreaterThan(0);
    }
    // The officers list shows today's certificate status: the revoked one says so.
    await visit(`/agencies/${agencyId}/lists/officers`, 'list-officers');
    expect(await page.locator('tbody tr', { hasText: 'YN-CN-MZ-0004' }).textContent()).toContain('已吊销');
  });

  it('[PUB-15] the random draws page opens, and [LAW-7] the annual report shows a chart and its numbers', async () => {
    await visit(`/agencies/${agencyId}/random-draws`, 'random-draws');
    const year = Number(legalDateOf(new Date()).slice(0, 4));
    await visit(`/agencies/${agencyId}/annual-reports/${year}`, 'annual-report');
    const chart = page.locator('svg.chart[role="img"]');
    expect(await chart.getAttribute('aria-label')).toMatch(/行政处罚 [1-9]/);
    expect(await page.locator('tbody tr', { hasText: '行政许可' }).textContent()).toContain('0');
  });

  it("[SUP-6] the yearly supervision report of the agency's supervisory body opens once the job has published it", async () => {
    const year = Number(legalDateOf(new Date()).slice(0, 4)) - 1;
    // The demo copy's own supervisory body (ORG-4: in the data, not the token).
    const bodyId = supervisoryBodyOf(agencyId);
    const supervisor = await api.token({ agencyId: bodyId, roles: ['supervisor'] });
    const named = await api.call('PUT', '/v1/agency', {
      token: await api.token({ agencyId: bodyId, roles: ['admin'] }),
      body: { name: '昌宁县司法局', region: '昌宁县', units: [] },
    });
    expect(named.status, named.text).toBe(200);
    // A matter opened last year, and the job of 2 January of this year.
    await api.call('POST', '/dev/clock', { body: { now: `${year}-06-01T02:00:00Z` } });
    const opened = await api.call('POST', '/v1/supervision/matters', {
      token: supervisor,
      body: {
        agencyId,
        source: 'own-finding',
        subject: { practice: '以罚代管' },
        facts: '抽查中发现以罚代管',
      },
    });
    expect(opened.status, opened.text).toBe(201);
    await api.call('POST', '/dev/clock', { body: { now: `${year + 1}-01-02T02:00:00Z` } });
    expect((await api.call('POST', '/dev/jobs/supervision-report')).status).toBe(200);
    await api.call('DELETE', '/dev/clock');
    await visit(`/supervisory-bodies/${bodyId}/reports/${year}`, 'supervision-report');
    expect(await page.locator('tbody tr', { hasText: '立监督事项（件）' }).textContent()).toContain('1');
    expect(await page.locator('svg.chart[role="img"]').count()).toBe(1);
  });

  it('an unknown agency or decision is a 404 page in Chinese, not JSON', async () => {
    const missing = await page.goto(`${api.url}/agencies/no-such-agency`);
    expect(missing?.status()).toBe(404);
    expect(missing?.headers()['content-type']).toContain('text/html');
    await checkPage('not-found', 404);
    expect(await page.locator('main').textContent()).toContain('该执法机关不存在');
  });
});

/** The Nu HTML Checker's jar, from the registry's vnu-jar (it runs on the Java DynamoDB Local needs). */
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

describe('the public site by third-party checkers', { timeout: 180_000 }, () => {
  it('[PUB-14] every kind of page the visitor opened is valid HTML to the Nu HTML Checker (vnu), the 404 page too', async () => {
    expect(visited.size).toBeGreaterThanOrEqual(10);
    const folder = await mkdtemp(join(tmpdir(), 'site-html-'));
    const files = await Promise.all(
      [...visited, '/agencies/no-such-agency'].map(async (path, index) => {
        const response = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
        const file = join(folder, `${index}.html`);
        await writeFile(file, await response.text());
        return { path, file };
      }),
    );
    // vnu writes its JSON report to stderr; --exit-zero-always leaves the verdict to the report.
    const { stderr } = await promisify(execFile)(
      'java',
      [
        '-jar',
        VNU_JAR,
        '--errors-only',
        '--format',
        'json',
        '--exit-zero-always',
        ...files.map((each) => each.file),
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const pathOf = new Map(files.map((each) => [`file:${each.file}`, each.path]));
    const { messages } = JSON.parse(stderr) as {
      messages: { url: string; type: string; message: string; extract?: string }[];
    };
    expect(
      messages.map(
        (message) => `${pathOf.get(message.url) ?? message.url}: ${message.message} ${message.extract ?? ''}`,
      ),
    ).toEqual([]);
  });

  it('[PUB-14] the Atom feed reads in a well-kept feed parser, each entry with its title, link and date', async () => {
    const response = await fetch(`${api.url}/public/v1/agencies/${agencyId}/feeds/atom`);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const feed = parseFeed(await response.text());
    expect(feed.meta.type).toBe('atom');
    expect(feed.items.length).toBeGreaterThanOrEqual(2);
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item.url).toMatch(/^https?:\/\//);
      expect(item.updated ?? item.published).toBeInstanceOf(Date);
    }
    expect(feed.items.map((item) => item.title)).toContain('撤回公示');
  });
});
