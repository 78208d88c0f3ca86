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
    expect(all).toContainEqual({ agencyId, name: '昌宁县市场监督管理局', supervisedBy: [supervisoryBody] });
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

describe('a supervisory body keeps its own supervisors’ accounts (ORG-5, ORG-4)', () => {
  it('[ORG-5] [ORG-4] the justice bureau’s admin gives a staff account the supervisor’s role; it reads the agency it supervises by name; an agency that supervises none may not give it', async () => {
    const bureau = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: {
        agencyId: supervisoryBody,
        name: '昌宁县司法局',
        supervisedBy: [newAgencyId()],
        firstAdmin: { name: '周司法', phone: '13900000002' },
      },
    });
    expect(bureau.status, bureau.text).toBe(201);
    const listed = await api.call('GET', `/dev/users?agencyId=${supervisoryBody}`);
    const bureauAdmin = listed.body.users.find((user: { roles: string[] }) => user.roles.includes('admin'));
    const bureauToken = await signIn(supervisoryBody, bureauAdmin.sub);
    const made = await api.call('POST', '/v1/users', {
      token: bureauToken,
      body: { name: '何监督', unitId: 'office', roles: ['supervisor'] },
    });
    expect(made.status, made.text).toBe(201);
    const supervisor = await signIn(supervisoryBody, made.body.userId);
    expect((await allAgencies(supervisor)).map((each) => each.name)).toEqual(['昌宁县市场监督管理局']);
    expect(
      (
        await api.call('GET', `/v1/stats?from=2026-01-01&to=2026-12-31&agencyId=${agencyId}`, {
          token: supervisor,
        })
      ).status,
    ).toBe(200);

    // An agency that supervises nobody: its admin cannot make a supervisor, and is told why.
    const lonely = newAgencyId();
    const created = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: newAgency({ agencyId: lonely, name: '昌宁县林业和草原局', firstAdmin: { name: '林管理' } }),
    });
    expect(created.status, created.text).toBe(201);
    const lonelyAdmin = (await api.call('GET', `/dev/users?agencyId=${lonely}`)).body.users.find(
      (user: { roles: string[] }) => user.roles.includes('admin'),
    );
    const refused = await api.call('POST', '/v1/users', {
      token: await signIn(lonely, lonelyAdmin.sub),
      body: { name: '冒充监督', unitId: 'office', roles: ['supervisor'] },
    });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: 'roles', message: '本机关不是任何机关的监督机关，不能设执法监督人员' },
    ]);
  });
});

describe('who supervises an agency is the data’s to say (ORG-4)', () => {
  const overview = (agency: string) => [
    `/v1/oversight/overdue?agencyId=${agency}`,
    `/v1/stats?from=2026-01-01&to=2026-12-31&agencyId=${agency}`,
  ];

  it('[ORG-4] [ORG-6] the body named in supervisedBy lists the agency by name and reads its overview; removed, it reads nothing of it', async () => {
    // The platform admin creates the county justice bureau, then an agency it supervises.
    const bureau = newAgencyId();
    const created = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: newAgency({ agencyId: bureau, name: '昌宁县司法局', firstAdmin: { name: '司法局管理员' } }),
    });
    expect(created.status, created.text).toBe(201);
    const supervised = newAgencyId();
    const agency = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: newAgency({ agencyId: supervised, name: '昌宁县卫生健康局', supervisedBy: [bureau] }),
    });
    expect(agency.status, agency.text).toBe(201);
    const supervisor = await api.token({ agencyId: bureau, roles: ['supervisor'], name: '何监督' });

    const listed = await api.call('GET', '/v1/agencies', { token: supervisor });
    expect(listed.body.items).toEqual([{ agencyId: supervised, name: '昌宁县卫生健康局' }]);
    for (const path of overview(supervised)) {
      const read = await api.call('GET', path, { token: supervisor });
      expect(read.status, `${path} ${read.text}`).toBe(200);
      expect(read.body.agencyId).toBe(supervised);
    }

    // The platform admin moves the agency to another body: the bureau reads nothing of it from
    // its next request (the cache period is 0 on one machine), the other body reads it.
    const otherBody = newAgencyId();
    const moved = await api.call('PUT', `/v1/agencies/${supervised}/supervised-by`, {
      token: platform,
      body: { supervisedBy: [otherBody] },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ agencyId: supervised, supervisedBy: [otherBody] });
    expect((await api.call('GET', '/v1/agencies', { token: supervisor })).body.items).toEqual([]);
    for (const path of overview(supervised)) {
      const refused = await api.call('GET', path, { token: supervisor });
      expect(refused.status, path).toBe(403);
    }
    const opened = await api.call('POST', '/v1/supervision/matters', {
      token: supervisor,
      body: {
        agencyId: supervised,
        source: 'own-finding',
        subject: { practice: '未按期公示' },
        facts: '抽查',
      },
    });
    expect(opened.status).toBe(403);
    const newBody = await api.token({ agencyId: otherBody, roles: ['supervisor'] });
    expect((await api.call('GET', '/v1/agencies', { token: newBody })).body.items).toEqual([
      { agencyId: supervised, name: '昌宁县卫生健康局' },
    ]);
    // The agency's own admin sees the change, and cannot make it.
    const admin = await signIn(supervised, agency.body.firstAdmin.userId);
    expect((await api.call('GET', '/v1/agency', { token: admin })).body.supervisedBy).toEqual([otherBody]);
    const edited = await api.call('PUT', '/v1/agency', {
      token: admin,
      body: { name: '昌宁县卫生健康局', region: '昌宁县', units: [], supervisedBy: [bureau] },
    });
    expect(edited.status).toBe(400);
    expect(edited.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'supervisedBy',
    ]);
    expect((await api.call('GET', '/v1/agencies', { token: supervisor })).body.items).toEqual([]);
  });

  it('[ORG-4] a body removed reads the agency until the cache period ends, and nothing after', async () => {
    const { withSupervised } = await import('#shared/http/supervisions.ts');
    const body = newAgencyId();
    const supervised = newAgencyId();
    const created = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: newAgency({ agencyId: supervised, name: '昌宁县教育体育局', supervisedBy: [body] }),
    });
    expect(created.status, created.text).toBe(201);
    const principal = { sub: 's', name: '监督员', agencyId: body, roles: ['supervisor' as const] };
    const start = Date.now();
    expect((await withSupervised(principal, start, 5)).supervises).toEqual([supervised]);
    await api.supervise(supervised, newAgencyId());
    expect((await withSupervised(principal, start + 4_000, 5)).supervises).toEqual([supervised]);
    expect((await withSupervised(principal, start + 5_000, 5)).supervises).toBeUndefined();
  });

  it('[ORG-4] a forged supervises claim grants nothing', async () => {
    const forged = await api.call('POST', '/dev/token', {
      body: {
        sub: 'forger',
        name: '冒充监督员',
        agencyId: newAgencyId(),
        roles: ['supervisor'],
        supervises: [agencyId],
      },
    });
    expect(forged.status).toBe(200);
    const token = forged.body.token;
    expect((await api.call('GET', '/v1/agencies', { token })).body.items).toEqual([]);
    for (const path of overview(agencyId)) {
      const refused = await api.call('GET', path, { token });
      expect(refused.status, path).toBe(403);
    }
    const alerts = await api.call('GET', `/v1/supervision/alerts?agencyId=${agencyId}`, { token });
    expect(alerts.status).toBe(403);
    // Nor does it for the body that does supervise the agency: its reach is the data's, not the claim's.
    const widened = await api.call('POST', '/dev/token', {
      body: {
        sub: 'widener',
        name: '监督员',
        agencyId: supervisoryBody,
        roles: ['supervisor'],
        supervises: ['x-other'],
      },
    });
    const listed = await api.call('GET', '/v1/agencies', { token: widened.body.token });
    expect(listed.body.items.map((each: { agencyId: string }) => each.agencyId)).not.toContain('x-other');
  });

  it('[ORG-4] a change of supervisedBy names each bad field; an unknown agency is 404', async () => {
    const own = await api.call('PUT', `/v1/agencies/${agencyId}/supervised-by`, {
      token: platform,
      body: { supervisedBy: [agencyId] },
    });
    expect(own.status).toBe(400);
    expect(own.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['supervisedBy']);
    const bad = await api.call('PUT', '/v1/agencies/Not An Id/supervised-by', {
      token: platform,
      body: { supervisedBy: [], extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(
      ['agencyId', 'extra', 'supervisedBy'].sort(),
    );
    for (const detail of bad.body.error.details) expect(detail.message).toMatch(/[\u4e00-\u9fa5]/);
    const unknown = await api.call('PUT', `/v1/agencies/${newAgencyId()}/supervised-by`, {
      token: platform,
      body: { supervisedBy: [supervisoryBody] },
    });
    expect(unknown.status).toBe(404);
    // The agency is unchanged by all of it.
    const supervisor = await api.token({ agencyId: supervisoryBody, roles: ['supervisor'] });
    expect((await api.call('GET', '/v1/agencies', { token: supervisor })).body.items).toContainEqual({
      agencyId,
      name: '昌宁县市场监督管理局',
    });
  });
});
