import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAdmin, seedPlatformAdmin } from '#local/seed.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
let platform: string;
const agencyId = newAgencyId();
const supervisoryBody = newAgencyId();

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A token for an account as the local sign-in page offers it, for `agency`'s page. */
async function signIn(agency: string | undefined, userId: string): Promise<string> {
  const listed = await api.call('GET', `/dev/users${agency ? `?agencyId=${agency}` : ''}`);
  const user = listed.body.users.find((each: { sub: string }) => each.sub === userId);
  expect(user, `${userId} is on the sign-in page`).toBeDefined();
  return api.token(user);
}

/** Every agency the caller may list, page after page (bounded). */
async function allAgencies(token: string): Promise<{ agencyId: string; name: string }[]> {
  const items: { agencyId: string; name: string }[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await api.call('GET', `/v1/agencies?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      token,
    });
    expect(page.status, page.text).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    if (!cursor) break;
  }
  return items;
}

const newAgency = (overrides: Record<string, unknown> = {}) => ({
  agencyId,
  name: '昌宁县市场监督管理局',
  subjectListItem: '昌宁县市场监督管理局（行政执法主体清单第 12 项）',
  supervisedBy: [supervisoryBody],
  firstAdmin: { name: '段志华', phone: '13900000001' },
  ...overrides,
});

beforeAll(async () => {
  api = await startTestApi();
  // As `npm start` does; then the platform administrator is offered on every sign-in page.
  await seedPlatformAdmin();
  platform = await signIn(undefined, platformAdmin.userId);
  const created = await api.call('POST', '/v1/agencies', { token: platform, body: newAgency() });
  expect(created.status, created.text).toBe(201);
});
afterAll(() => api.close());

describe('agencies kept by the platform administrator (ORG-6)', () => {
  it('[ORG-6] [ORG-5] a new agency’s first admin signs in, names a unit, imports staff; an officer registers a case', async () => {
    const listed = await api.call('GET', `/dev/users?agencyId=${agencyId}`);
    const first = listed.body.users.find((user: { roles: string[] }) => user.roles.includes('admin'));
    expect(first).toMatchObject({ name: '段志华', agencyId, unitId: 'office', roles: ['admin'] });
    const admin = await signIn(agencyId, first.sub);

    const profile = await api.call('GET', '/v1/agency', { token: admin });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      agencyId,
      name: '昌宁县市场监督管理局',
      supervisedBy: [supervisoryBody],
      units: [{ id: 'office', name: '办公室' }],
      updatedBy: platformAdmin.userId,
    });
    const saved = await api.call('PUT', '/v1/agency', {
      token: admin,
      body: {
        name: '昌宁县市场监督管理局',
        region: '昌宁县',
        units: [
          { id: 'office', name: '办公室' },
          { id: 'zfdd', name: '综合执法大队' },
        ],
      },
    });
    expect(saved.status, saved.text).toBe(200);
    // Who supervises the agency is the platform administrator's to say: the admin's edit keeps it.
    expect(saved.body.supervisedBy).toEqual([supervisoryBody]);

    const pair = [officerInput({ unitId: 'zfdd' }), officerInput({ unitId: 'zfdd', name: '李四' })];
    for (const officer of pair) {
      const registered = await api.call('POST', '/v1/officers', { token: admin, body: officer });
      expect(registered.status, registered.text).toBe(201);
    }
    const imported = await api.call('POST', '/v1/users/import', {
      token: admin,
      body: {
        format: 'csv',
        content: csv(
          `姓名,股室,角色,执法证号\n张三,综合执法大队,执法人员,${pair[0]?.certificateNo}\n周股长,zfdd,股室负责人,\n`,
        ),
      },
    });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.items).toHaveLength(2);

    const officer = await signIn(agencyId, imported.body.items[0].userId);
    const registered = await api.call('POST', '/v1/cases', {
      token: officer,
      body: {
        category: 'penalty',
        procedure: 'simple',
        title: '新机关的第一件案件',
        party: { kind: 'person', name: '杨某某', idNumber: '530524197805061235' },
        officers: pair.map((each) => each.certificateNo),
      },
    });
    expect(registered.status, registered.text).toBe(201);
    expect(registered.body.unitId).toBe('zfdd');

    // The account log starts with the first admin, opened by the platform administrator.
    const log = await api.call('GET', '/v1/users/log?limit=100', { token: admin });
    expect(log.body.items.at(-1)).toMatchObject({
      type: 'created',
      actor: platformAdmin.userId,
      data: { userId: first.sub, after: { roles: ['admin'] } },
    });
  });

  it('[ORG-6] the platform admin lists every agency by name; a supervisor only those it supervises', async () => {
    const all = await allAgencies(platform);
    expect(all).toContainEqual({ agencyId, name: '昌宁县市场监督管理局' });
    expect(new Set(all.map((each) => each.agencyId)).size).toBe(all.length);

    // The body the agency was created with (its supervisedBy) supervises it.
    const supervisor = await api.token({ agencyId: supervisoryBody, roles: ['supervisor'] });
    const supervised = await api.call('GET', '/v1/agencies', { token: supervisor });
    expect(supervised.status).toBe(200);
    expect(supervised.body.items).toEqual([{ agencyId, name: '昌宁县市场监督管理局' }]);

    const bad = await api.call('GET', '/v1/agencies?limit=0&cursor=not-a-cursor', { token: platform });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path)).toContain('limit');
  });

  it('[ORG-6] a taken agency id is a 409, and bad input a 400 naming each bad field', async () => {
    const again = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: newAgency({ name: '另一个局', firstAdmin: { name: '抢注者' } }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].path).toBe('agencyId');
    // Nothing of the second try is kept: no second admin on the agency's sign-in page.
    const listed = await api.call('GET', `/dev/users?agencyId=${agencyId}`);
    expect(listed.body.users.map((user: { name: string }) => user.name)).not.toContain('抢注者');

    const bad = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: {
        agencyId: 'Not An Id',
        name: '',
        supervisedBy: [],
        firstAdmin: { name: '某人', email: 'not-an-email', roles: ['platform-admin'] },
      },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining(['agencyId', 'name', 'supervisedBy', 'firstAdmin.email', 'firstAdmin.roles']),
    );
    for (const detail of bad.body.error.details) expect(detail.message).toMatch(/[\u4e00-\u9fa5]/);
    // The platform's own id is no agency's (its admin would keep the platform admins' accounts),
    // and an agency does not supervise itself.
    const reserved = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: newAgency({ agencyId: 'platform', supervisedBy: ['platform'] }),
    });
    expect(reserved.status).toBe(400);
    expect(reserved.body.error.details.map((detail: { path: string }) => detail.path)).toContain('agencyId');
    const byAnother = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: newAgency({ agencyId: newAgencyId(), supervisedBy: [agencyId] }),
    });
    expect(byAnother.status).toBe(201);
    const own = newAgencyId();
    const selfSupervised = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: newAgency({ agencyId: own, supervisedBy: [own] }),
    });
    expect(selfSupervised.status).toBe(400);
    expect(selfSupervised.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'supervisedBy',
    ]);
  });

  it('[ORG-6] the platform admin reads no case data, even with a token that names the agency', async () => {
    const admin = await signIn(
      agencyId,
      (await api.call('GET', `/dev/users?agencyId=${agencyId}`)).body.users.find(
        (user: { roles: string[] }) => user.roles.includes('admin'),
      ).sub,
    );
    const cases = await api.call('GET', '/v1/cases?limit=1', { token: admin });
    const caseId = cases.body.items[0]?.id;
    expect(caseId).toBeTruthy();
    // A hurried or dishonest platform admin: a token with the agency's id instead of the platform's.
    const claimed = await api.token({
      sub: platformAdmin.userId,
      agencyId,
      unitId: 'zfdd',
      roles: ['platform-admin'],
    });
    for (const token of [platform, claimed]) {
      for (const path of [
        '/v1/cases',
        `/v1/cases/${caseId}`,
        `/v1/cases/${caseId}/records`,
        `/v1/cases/${caseId}/journal`,
        `/v1/cases/${caseId}/case-file`,
        '/v1/reviews',
        '/v1/publications',
        '/v1/evidence/any',
        '/v1/users',
        '/v1/stats?from=2026-01-01&to=2026-12-31',
      ]) {
        const response = await api.call('GET', path, { token });
        expect(response.status, path).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      }
    }
  });
});
