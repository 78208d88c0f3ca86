import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { startApiServer } from '#local/api-server.ts';
import { CONSOLE_BASE } from '#local/console-assets.ts';
import { DEMO_AGENCY_ID, seedDemoCase, seedDemoData } from '#local/seed.ts';
import { startLocalStack } from '#local/stack.ts';
import { CHROMIUM } from '#test/helpers/browser.ts';

/**
 * `npm run test:console-quality`: Lighthouse (mobile profile, the machine's Chromium) on the staff
 * console's main screens, each signed in as the demo user who works there, against a fresh local
 * stack with the demo data. The sign-in is made in the page Lighthouse then audits (puppeteer),
 * and the session (sessionStorage) is kept for it. Writes the scores to docs/console-quality.md
 * and fails when accessibility or best practices score below 95 (the budget for the
 * console; performance is written down, an SPA behind a sign-in is not held to the site's).
 */
const BUDGET = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const HELD: readonly string[] = ['accessibility', 'best-practices'];

execFileSync('npm', ['run', 'console:build'], { stdio: 'inherit' });
const stack = await startLocalStack({ publicBaseUrl: 'http://127.0.0.1:3101' });
Object.assign(process.env, stack.env);
await seedDemoData();
const server = await startApiServer({ port: 3101, tokenSecret: stack.tokenSecret, host: '127.0.0.1' });
const caseId = await seedDemoCase(server.url);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });

try {
  const console = `${server.url}${CONSOLE_BASE}`;
  const screens: [string, string, string | undefined][] = [
    ['登录', 'sign-in', undefined],
    ['我的案件', 'cases', '王秀兰'],
    ['登记案件', 'cases/new', '王秀兰'],
    ...(caseId ? [['案件详情', `cases/${caseId}`, '王秀兰'] as [string, string, string]] : []),
    ['法制审核', 'reviews', '法制审核员'],
    ['执法决定公示', 'publications', '李明华'],
    ['执法清单', 'checklists', '李明华'],
    ['工作概况', 'dashboard', '局长'],
  ];
  const rows: string[] = [];
  const failures: string[] = [];
  for (const [name, path, user] of screens) {
    const page = await browser.newPage();
    if (user) {
      await page.goto(`${console}?agencyId=${DEMO_AGENCY_ID}`, { waitUntil: 'networkidle0' });
      await page.locator(`::-p-text(${user})`).click();
      await page.waitForSelector('nav[aria-label="主导航"]');
    }
    const result = await lighthouse(
      `${console}${path}`,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        formFactor: 'mobile',
        disableStorageReset: true,
      },
      undefined,
      page,
    );
    // What was audited is the screen itself, not the sign-in page it would fall back to.
    const heading = await page.$eval('h1', (element) => element.textContent ?? '');
    await page.close();
    if (user && heading === '行政执法工作台') failures.push(`${path} showed the sign-in page`);
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
    const scores = CATEGORIES.map((category) => Math.round((lhr.categories[category]?.score ?? 0) * 100));
    rows.push(
      `| ${name} | \`${CONSOLE_BASE}${path.replace(caseId ?? '-', '{id}')}\` | ${user ?? '（未登录）'} | ${scores.join(' | ')} |`,
    );
    CATEGORIES.forEach((category, index) => {
      if (HELD.includes(category) && (scores[index] ?? 0) < BUDGET)
        failures.push(`${path} ${category} ${scores[index]}`);
    });
    globalThis.console.log(name, path, heading, scores.join(' '));
  }
  await writeFile(
    'docs/console-quality.md',
    `# Staff console quality (Lighthouse)

Written by \`npm run test:console-quality\` (test/site-quality/console.ts) on ${new Date().toISOString().slice(0, 10)}:
Lighthouse 12 with its mobile profile, in the machine's Chromium, against \`npm start\`'s demo data,
each screen signed in as the demo user who works there. Budget: accessibility and best practices
at least ${BUDGET}. Performance is written down: the console is one bundle behind a sign-in, loaded
once and then kept by its service worker.

Beside it, in \`npm test\`, every console screen a test opens is checked by axe-core (serious and
critical: none) at phone width (\`checkScreen\` in test/helpers/console-screens.ts).

| Screen | Path | Signed in as | Performance | Accessibility | Best practices |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`,
  );
  if (failures.length > 0) {
    globalThis.console.error(`below the budget of ${BUDGET}:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
  await server.close();
  await stack.stop();
}
