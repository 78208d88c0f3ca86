import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { walkDemoCases } from '#local/seed.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { recordEvidence } from '#test/helpers/evidence.ts';

/** Faults seen in passing (issue 21), each on the local stack over HTTP. */
let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const a = officerInput({ name: '承办甲', userId: 'sf-officer-a', unitId: 'shswg' });
const b = officerInput({ name: '承办乙', userId: 'sf-officer-b', unitId: 'shswg' });
const pair = [a.certificateNo, b.certificateNo];

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ sub: 'sf-admin', agencyId, unitId: 'shswg', roles: ['admin'] });
  t.handler = await api.token({ sub: 'sf-officer-a', agencyId, unitId: 'shswg', roles: ['officer'] });
  await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '测试县民政局', region: '昌宁县', documentPrefix: '昌民', units: [] },
  });
  for (const officer of [a, b]) {
    const created = await api.call('POST', '/v1/officers', { token: t.admin, body: officer });
    expect(created.status, created.text).toBe(201);
  }
});
afterEach(async () => {
  await api.call('DELETE', '/dev/clock');
});
afterAll(() => api.close());

describe('an inverted period', () => {
  const inverted = 'from=2026-03-01&to=2026-01-01';
  for (const [id, path] of [
    ['REC-9', `/v1/stats?${inverted}`],
    ['ORG-3', `/v1/stats/export?${inverted}`],
    ['ORG-1', `/v1/evaluation-report?${inverted}`],
  ] as const) {
    it(`[${id}] is a 400 naming "to": GET ${path.split('?')[0]}`, async () => {
      const refused = await api.call('GET', path, { token: t.admin });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(refused.body.error.details).toEqual([{ path: 'to', message: '结束日期不能早于开始日期' }]);
      const sameDay = await api.call('GET', path.replace('to=2026-01-01', 'to=2026-03-01'), {
        token: t.admin,
      });
      expect(sameDay.status, sameDay.text).toBe(200);
    });
  }

  it('[PUB-9] is a 400 page saying which date is wrong on the public decisions search', async () => {
    const refused = await api.call('GET', `/agencies/${agencyId}/decisions?${inverted}`);
    expect(refused.status, refused.text).toBe(400);
    expect(refused.text).toContain('结束日期不能早于开始日期');
    const open = await api.call('GET', `/agencies/${agencyId}/decisions?from=2026-03-01&to=`);
    expect(open.status, open.text).toBe(200);
  });

  it('[PUB-9] answers a search with only an end date (no empty key in the query)', async () => {
    const upTo = await api.call('GET', `/agencies/${agencyId}/decisions?to=2026-03-01`);
    expect(upTo.status, upTo.text).toBe(200);
    expect(upTo.text).toContain('行政执法决定');
  });
});

describe('npm start', () => {
  it('[ORG-6] a demo walk that fails is logged and the platform keeps serving', async () => {
    const lines: string[] = [];
    // An agency without the demo's officers: the walk's first registration is refused.
    const walked = await walkDemoCases(api.url, { agencyId: newAgencyId(), log: (line) => lines.push(line) });
    expect(walked).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('the demo cases could not be walked');
    expect(lines[0]).toContain('register: 4');
    const still = await api.call('GET', `/agencies/${agencyId}`);
    expect(still.status).toBe(200);
  });
});

describe('the clock of the local stack', () => {
  it('[REC-6] moved to the past, moves the case but not the archive: evidence is locked from the real time and uploads', async () => {
    const days = 5;
    const past = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    await api.call('POST', '/dev/clock', { body: { now: past.toISOString() } });
    const registered = await api.call('POST', '/v1/cases', {
      token: t.handler,
      body: {
        category: 'penalty',
        title: '某养老院违规案',
        party: { kind: 'person', name: '王五', idNumber: '530524198001011237' },
        officers: pair,
      },
    });
    expect(registered.status, registered.text).toBe(201);
    expect(Date.parse(registered.body.createdAt)).toBeLessThan(Date.now() - (days - 1) * 24 * 60 * 60 * 1000);
    const caseId = registered.body.id as string;
    const activity = await api.call('POST', `/v1/cases/${caseId}/activities`, {
      token: t.handler,
      body: { type: 'on-site-inspection', officers: pair, location: '昌宁县某养老院' },
    });
    expect(activity.status, activity.text).toBe(201);
    const declared = await recordEvidence(api, t.handler, caseId, Buffer.from('现场检查录像'), {
      activityId: activity.body.id,
      officer: a.certificateNo,
      capturedAt: past.toISOString(),
    });
    // The lock runs the archive's retention from the real time: a lock date in the past is no lock.
    expect(Date.parse(declared.retainUntil)).toBeGreaterThan(Date.now());
    const archived = await api.call('GET', `/v1/evidence/${declared.id}`, { token: t.handler });
    expect(archived.body.status).toBe('archived');
  });
});

describe('the annual report job', () => {
  it('[LAW-7] publishes the year of an agency with data that never saved its profile', async () => {
    const year = Number(new Date().toISOString().slice(0, 4));
    const unprofiled = newAgencyId();
    const admin = await api.token({
      sub: 'sf-np-admin',
      agencyId: unprofiled,
      unitId: 'shswg',
      roles: ['admin'],
    });
    const officer = await api.token({
      sub: 'sf-np-officer',
      agencyId: unprofiled,
      unitId: 'shswg',
      roles: ['officer'],
    });
    const officers = [
      officerInput({ name: '承办丙', userId: 'sf-np-officer', unitId: 'shswg' }),
      officerInput({ name: '承办丁', userId: 'sf-np-officer-2', unitId: 'shswg' }),
    ];
    for (const body of officers) {
      const created = await api.call('POST', '/v1/officers', { token: admin, body });
      expect(created.status, created.text).toBe(201);
    }
    const registered = await api.call('POST', '/v1/cases', {
      token: officer,
      body: {
        category: 'penalty',
        title: '某养老院违规案',
        party: { kind: 'person', name: '王五', idNumber: '530524198001011237' },
        officers: officers.map((item) => item.certificateNo),
      },
    });
    expect(registered.status, registered.text).toBe(201);
    expect((await api.call('GET', '/v1/agency', { token: admin })).status).toBe(404);

    await api.call('POST', '/dev/clock', { body: { now: `${year + 1}-01-02T09:00:00+08:00` } });
    const job = await api.call('POST', '/dev/jobs/annual-report');
    expect(job.status, job.text).toBe(200);
    expect(job.body.result.published).toContain(unprofiled);
    const report = await api.call('GET', `/public/v1/agencies/${unprofiled}/annual-reports/${year}`);
    expect(report.body).toMatchObject({ status: 'published', version: 1 });
    const again = await api.call('POST', '/dev/jobs/annual-report');
    expect(again.body.result.published).not.toContain(unprofiled);
  });
});
