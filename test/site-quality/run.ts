import { writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startApiServer } from '#local/api-server.ts';
import { DEMO_AGENCY_ID, seedDemoCase, seedDemoData } from '#local/seed.ts';
import { startLocalStack } from '#local/stack.ts';
import { CHROMIUM } from '#test/helpers/browser.ts';

/**
 * `npm run test:site-quality`: Lighthouse (mobile profile, the machine's Chromium) on every kind of
 * page of the public site, against a fresh local stack with the demo data. Writes the scores to
 * docs/site-quality.md and fails when a category scores below the budget of 95.
 */
const BUDGET = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const stack = await startLocalStack({ publicBaseUrl: 'http://127.0.0.1:3100' });
Object.assign(process.env, stack.env);
await seedDemoData();
const server = await startApiServer({ port: 3100, tokenSecret: stack.tokenSecret, host: '127.0.0.1' });
await seedDemoCase(server.url);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const agency = DEMO_AGENCY_ID;
  const decisions = (await (await fetch(`${server.url}/public/v1/agencies/${agency}/decisions`)).json()) as {
    items: { id: string }[];
  };
  const feed = (await (await fetch(`${server.url}/public/v1/agencies/${agency}/feeds/json`)).json()) as {
    items: { id: string; title: string }[];
  };
  const withdrawn = feed.items
    .find((item) => item.title === '撤回公示')
    ?.id.split('/')
    .at(-1);
  const year = new Date().getFullYear();
  const pages: [string, string][] = [
    ['首页', '/'],
    ['机关主页', `/agencies/${agency}`],
    ['行政执法事项清单', `/agencies/${agency}/lists/matters`],
    ['执法人员资格清单', `/agencies/${agency}/lists/officers`],
    ['执法决定公示', `/agencies/${agency}/decisions`],
    ['一项执法决定', `/decisions/${decisions.items[0]?.id}`],
    ['已撤下的决定', `/decisions/${withdrawn}`],
    ['执法证核验', '/certificates/YN-CN-MZ-0001'],
    ['随机抽查', `/agencies/${agency}/random-draws`],
    ['年度报告', `/agencies/${agency}/annual-reports/${year}`],
  ];
  const rows: string[] = [];
  const failures: string[] = [];
  for (const [name, path] of pages) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      formFactor: 'mobile',
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
    const scores = CATEGORIES.map((category) => Math.round((lhr.categories[category]?.score ?? 0) * 100));
    const bytes = lhr.audits['total-byte-weight']?.numericValue ?? 0;
    rows.push(
      `| ${name} | \`${path.replace(agency, '{agency}').replace(/\/decisions\/[0-9A-Z]{26}$/, '/decisions/{id}')}\` | ${scores.join(' | ')} | ${(bytes / 1024).toFixed(1)} KB |`,
    );
    CATEGORIES.forEach((category, index) => {
      if ((scores[index] ?? 0) < BUDGET) failures.push(`${path} ${category} ${scores[index]}`);
    });
    console.log(name, path, scores.join(' '), `${(bytes / 1024).toFixed(1)} KB`);
  }
  await writeFile(
    'docs/site-quality.md',
    `# Public site quality (Lighthouse)

Written by \`npm run test:site-quality\` (test/site-quality/run.ts) on ${new Date().toISOString().slice(0, 10)}:
Lighthouse 12 with its mobile profile (simulated slow 4G, a mid-range phone's CPU), in the
machine's Chromium, against \`npm start\`'s demo data. Budget: every category at least ${BUDGET}; every page
at most 50 KB of HTML and CSS transferred (the end-to-end test weighs each page too).

Beside it, in \`npm test\`, \`test/e2e/public-site.test.ts\` has every kind of page checked by the Nu
HTML Checker (\`vnu-jar\`, errors only: none) and the Atom feed read by \`@rowanmanning/feed-parser\`.

| Page | Path | Performance | Accessibility | Best practices | SEO | Transferred |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`,
  );
  if (failures.length > 0) {
    console.error(`below the budget of ${BUDGET}:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await chrome.kill();
  await server.close();
  await stack.stop();
}
