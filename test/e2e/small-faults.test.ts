import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkDemoCases } from '#local/seed.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';

/** Faults seen in passing (issue 21), each on the local stack over HTTP. */
let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ sub: 'sf-admin', agencyId, unitId: 'shswg', roles: ['admin'] });
  await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '测试县民政局', region: '昌宁县', documentPrefix: '昌民', units: [] },
  });
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
