import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { seedDemoData } from '#local/seed.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { launchChromium, PHONE } from '#test/helpers/browser.ts';
import { DEMO_CASE_OFFICERS, registerDemoCase } from '#test/helpers/demo-case.ts';

/**
 * `npm run test:large-upload` (not in `npm test`: it moves a gigabyte): an officer's phone
 * uploads a 1 GiB recording through the console, the network is cut twice during the upload,
 * and the recording arrives archived with the SHA-256 the phone computed (issue 15, REC-6).
 */
const SIZE = Number(process.env.LARGE_UPLOAD_BYTES ?? 1024 ** 3);
/** Time to allow per gigabyte: on this machine 2 to 3 minutes a GiB through the console and radosgw. */
const PER_GIB = 12 * 60_000;
const allowed = Math.max(1, SIZE / 1024 ** 3) * PER_GIB;

let api: TestApi;
let browser: Browser;
let directory: string;
const agencyId = newAgencyId();

/** A file of `size` bytes that no two runs share, written in 8 MiB blocks; its SHA-256. */
async function recording(path: string, size: number): Promise<string> {
  const block = Buffer.alloc(8 * 1024 * 1024);
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += block.length) {
    block.writeUInt32BE(written / block.length, 0);
    block.write(agencyId, 4);
    const chunk = block.subarray(0, Math.min(block.length, size - written));
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  api = await startTestApi();
  await seedDemoData(agencyId);
  browser = await launchChromium();
  directory = await mkdtemp(join(tmpdir(), 'large-upload-'));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('a recording of a gigabyte from an officer’s phone', () => {
  it(
    '[REC-6] [REC-8] uploads in parts through two network cuts and arrives archived with its SHA-256',
    async () => {
      const { token, caseId } = await registerDemoCase(api, agencyId, {
        title: '大文件上传测试案',
        party: { kind: 'organization', name: '某养老服务有限公司', idNumber: '91530524MA6N000005' },
      });
      const activity = await api.call('POST', `/v1/cases/${caseId}/activities`, {
        token,
        body: {
          type: 'on-site-inspection',
          officers: DEMO_CASE_OFFICERS,
          location: '昌宁县某养老服务点',
          informing: { certificatesShown: true, documentShown: true, rightsExplained: true },
        },
      });
      expect(activity.status, activity.text).toBe(201);

      const path = join(directory, '现场检查-1GB.mp4');
      const sha256 = await recording(path, SIZE);
      const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      try {
        await page.goto(`${api.url}/console/?agencyId=${agencyId}`);
        await page.getByRole('button', { name: /王秀兰/ }).click();
        await page.getByRole('navigation', { name: '主导航' }).waitFor();
        await page.goto(`${api.url}/console/cases/${caseId}`);
        // The network is cut twice: the 2nd and the 5th part PUTs fail as a lost connection does.
        const cuts: number[] = [];
        let puts = 0;
        await page.route(
          (url) => url.searchParams.has('X-Amz-Signature') && url.searchParams.has('partNumber'),
          async (route) => {
            if (route.request().method() !== 'PUT') return route.continue();
            puts += 1;
            if (puts === 2 || puts === 5) {
              cuts.push(Number(new URL(route.request().url()).searchParams.get('partNumber')));
              return route.abort('internetdisconnected');
            }
            return route.continue();
          },
        );
        await page.locator('input[type="file"]:not([capture])').setInputFiles(path);
        const upload = page.getByRole('status');
        await expect
          .poll(() => upload.textContent(), { timeout: allowed, interval: 2_000 })
          .toContain('等待平台校验归档');
        expect(cuts).toHaveLength(2);
        expect(await upload.textContent()).toContain(sha256);
        expect((await api.call('POST', '/dev/evidence-arrivals')).status).toBe(200);
        await expect
          .poll(() => upload.textContent(), { timeout: allowed / 2, interval: 2_000 })
          .toContain('已归档');
        const view = await api.call('GET', `/v1/cases/${caseId}`, { token });
        const [evidence] = view.body.evidence as { status: string; sha256: string; size: number }[];
        expect(evidence).toMatchObject({ status: 'archived', sha256, size: SIZE });
      } finally {
        await context.close();
      }
    },
    2 * allowed,
  );
});
