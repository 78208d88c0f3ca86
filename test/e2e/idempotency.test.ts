import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

/**
 * An `Idempotency-Key`, once its write succeeded, answers that first result for its lifetime,
 * whatever is sent under it in between: another body is refused, a request still in progress is
 * refused, and neither frees the key for a second write (REC-2, REC-3), over HTTP.
 */
let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const a = officerInput({ name: '承办甲', userId: 'idem-officer-a', unitId: 'shswg' });
const b = officerInput({ name: '承办乙', userId: 'idem-officer-b', unitId: 'shswg' });
const pair = [a.certificateNo, b.certificateNo];
const party = { kind: 'person', name: '王五', idNumber: '530524198001011237' };

beforeAll(async () => {
  api = await startTestApi();
  const token = (sub: string, roles: Parameters<TestApi['token']>[0]['roles']) =>
    api.token({ sub, name: sub, agencyId, unitId: 'shswg', roles });
  t.admin = await token('idem-admin', ['admin']);
  t.handler = await token('idem-officer-a', ['officer']);
  await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '测试县民政局', region: '昌宁县', documentPrefix: '昌民', units: [] },
  });
  for (const officer of [a, b]) {
    const created = await api.call('POST', '/v1/officers', { token: t.admin, body: officer });
    expect(created.status, created.text).toBe(201);
  }
});
afterAll(() => api.close());

async function newCase() {
  const created = await api.call('POST', '/v1/cases', {
    token: t.handler,
    body: { category: 'penalty', title: '某养老院违规案', party, officers: pair },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

interface KeyedRoute {
  name: string;
  path: () => Promise<string>;
  body: Record<string, unknown>;
  other: Record<string, unknown>;
}

const records: KeyedRoute = {
  name: 'a numbered document (POST /v1/cases/{id}/records)',
  path: async () => `/v1/cases/${await newCase()}/records`,
  body: { type: '案件调查终结报告', title: '案件调查终结报告', fields: { conclusion: '事实清楚' } },
  other: { type: '案件调查终结报告', title: '案件调查终结报告', fields: { conclusion: '事实不清' } },
};

const routes: KeyedRoute[] = [
  records,
  {
    name: 'a case registration (POST /v1/cases)',
    path: async () => '/v1/cases',
    body: { category: 'penalty', title: '某养老院违规案', party, officers: pair },
    other: { category: 'penalty', title: '另一起违规案', party, officers: pair },
  },
  {
    name: 'an activity (POST /v1/cases/{id}/activities)',
    path: async () => `/v1/cases/${await newCase()}/activities`,
    body: { type: 'interview', officers: pair, location: '询问室' },
    other: { type: 'interview', officers: pair, location: '办公室' },
  },
];

describe('a key, once used', () => {
  for (const route of routes) {
    it(`[REC-2] answers its first result after another body was refused under it: ${route.name}`, async () => {
      const path = await route.path();
      const headers = { 'idempotency-key': `key-${route.name}` };
      const first = await api.call('POST', path, { token: t.handler, body: route.body, headers });
      expect(first.status, first.text).toBe(201);
      const other = await api.call('POST', path, { token: t.handler, body: route.other, headers });
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      for (let again = 0; again < 2; again++) {
        const replay = await api.call('POST', path, { token: t.handler, body: route.body, headers });
        expect(replay.status).toBe(201);
        expect(replay.body).toEqual(first.body);
      }
      const another = await api.call('POST', path, { token: t.handler, body: route.other, headers });
      expect(another.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  }

  it('[REC-2] sent many times at once, writes one document and answers each with it or with 409', async () => {
    const path = await records.path();
    const headers = { 'idempotency-key': 'key-concurrent' };
    const { body } = records;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api.call('POST', path, { token: t.handler, body, headers })),
    );
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    const written = answers.filter((answer) => answer.status === 201);
    const first = written[0]?.body;
    expect(first?.number).toMatch(/号$/);
    for (const answer of written) expect(answer.body).toEqual(first);
    const after = await api.call('POST', path, { token: t.handler, body, headers });
    expect(after.body).toEqual(first);
    const listed = await api.call('GET', path, { token: t.handler });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
  });
});
