import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyReviewCatalog, matters } from '#test/fixtures/checklists.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

/**
 * Nothing a user types switches a safeguard off (issue 21): the facts the rules read come from
 * data, not from the registering officer, on a fresh agency, over HTTP.
 */
let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const a = officerInput({ userId: 'sg-officer-a', unitId: 'shswg' });
const b = officerInput({ userId: 'sg-officer-b', unitId: 'shswg' });
const pair = [a.certificateNo, b.certificateNo];
const c = officerInput({ name: '将暂扣丙', userId: 'sg-officer-c', unitId: 'shswg' });
const d = officerInput({ name: '将吊销丁', userId: 'sg-officer-d', unitId: 'shswg' });
const person = { kind: 'person', name: '王五', idNumber: '530524198001011237' };
const organization = { kind: 'organization', name: '某养老院', idNumber: '52530524MJ0000000Q' };
const fine = (amount: number, legalBasis = '《养老机构管理办法》第四十六条') => ({
  type: 'penalty',
  summary: '对当事人处以罚款',
  legalBasis,
  penalty: { kind: 'fine', amount },
});

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ sub: 'sg-admin', agencyId, unitId: 'shswg', roles: ['admin'] });
  t.handler = await api.token({ sub: 'sg-officer-a', agencyId, unitId: 'shswg', roles: ['officer'] });
  t.head = await api.token({ sub: 'sg-head', agencyId, unitId: 'shswg', roles: ['unit-head'] });
  await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '测试县民政局', region: '昌宁县', level: '县级', units: [] },
  });
  for (const officer of [a, b, c, d]) {
    const created = await api.call('POST', '/v1/officers', { token: t.admin, body: officer });
    expect(created.status, created.text).toBe(201);
  }
  const lists = [
    { kind: 'review-catalog', title: '法制审核目录清单', items: countyReviewCatalog },
    {
      kind: 'matters',
      title: '行政执法事项清单',
      items: [
        { ...matters[0], code: 'MZ-CF-002', field: '民政' },
        { ...matters[0], code: 'MZ-CF-003' },
      ],
    },
  ];
  for (const body of lists) {
    const list = await api.call('POST', '/v1/checklists', { token: t.handler, body });
    expect(list.status, list.text).toBe(201);
    const published = await api.call('POST', `/v1/checklists/${list.body.id}/publish`, { token: t.head });
    expect(published.status, published.text).toBe(200);
  }
});
afterAll(() => api.close());

const register = (body: Record<string, unknown>) =>
  api.call('POST', '/v1/cases', {
    token: t.handler,
    body: { category: 'penalty', title: '某养老院违规案', party: person, officers: pair, ...body },
  });

async function newCase(body: Record<string, unknown> = {}) {
  const created = await register(body);
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

async function pendingDecision(id: string) {
  for (const to of ['investigating', 'pending-decision']) {
    const moved = await api.call('POST', `/v1/cases/${id}/transitions`, { token: t.handler, body: { to } });
    expect(moved.status, moved.text).toBe(200);
  }
}

const decide = (id: string, body: unknown) =>
  api.call('POST', `/v1/cases/${id}/decision`, { token: t.handler, body });

const details = (response: { body: { error: { details: { path: string; message: string }[] } } }) =>
  response.body.error.details;

describe('the facts the rules read are not the user’s to choose', () => {
  it('[REV-2] the field comes from the cited matter: typing another is a 400, and the catalog’s field rule applies', async () => {
    const typed = await register({
      matterId: 'MZ-CF-002',
      field: '其他',
      flags: { majorPublicInterest: true },
    });
    expect(typed.status).toBe(400);
    expect(details(typed).map((detail) => detail.path)).toEqual(['field']);
    expect(details(typed)[0]?.message).toContain('民政');
    const withoutMatter = await register({ field: '其他' });
    expect(withoutMatter.status).toBe(400);
    expect(details(withoutMatter)[0]?.message).toMatch(/领域/);

    const cited = await register({ matterId: 'MZ-CF-002', flags: { majorPublicInterest: true } });
    expect(cited.status, cited.text).toBe(201);
    expect(cited.body.field).toBe('民政');
    const requirement = await api.call('GET', `/v1/cases/${cited.body.id}/review-requirement`, {
      token: t.handler,
    });
    expect(requirement.status, requirement.text).toBe(200);
    expect(requirement.body.matched.map((rule: { code: string }) => rule.code)).toContain('R09');
  });

  it('[REV-2] a catalog condition the case cannot decide holds: a matter that names no field does not escape a field rule', async () => {
    const silent = await register({ matterId: 'MZ-CF-003', flags: { majorSocialImpact: true } });
    expect(silent.status, silent.text).toBe(201);
    expect(silent.body.field).toBeUndefined();
    const requirement = await api.call('GET', `/v1/cases/${silent.body.id}/review-requirement`, {
      token: t.handler,
    });
    expect(requirement.body.matched.map((rule: { code: string }) => rule.code)).toContain('R09');
  });

  it('[LAW-3] [LAW-10] the party’s kind is what its identifier says, check character verified', async () => {
    const cases = [
      { party: { ...person, kind: 'organization' }, message: '应登记为公民' },
      { party: { ...organization, kind: 'person' }, message: '应登记为法人或其他组织' },
      { party: { ...person, idNumber: '530524198001011234' }, message: '校验码' },
      { party: { ...organization, idNumber: '52530524MJ0000000X' }, message: '校验码' },
    ];
    for (const { party, message } of cases) {
      const refused = await register({ procedure: 'simple', party });
      expect(refused.status, JSON.stringify(party)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      expect(details(refused).map((detail) => detail.path)).toEqual(['party.idNumber']);
      expect(details(refused)[0]?.message).toContain(message);
    }
    expect((await register({ party: { ...person, idNumber: '53052419800101123x' } })).status).toBe(400);
    expect((await register({ party: { ...person, idNumber: '11010519491231002x' } })).status).toBe(201);
  });
});

describe('the simple procedure’s limits hold across cases', () => {
  it('[LAW-10] three ¥200 fines on one person for the same facts: the second is refused, with the reason', async () => {
    const party = { kind: 'person', name: '赵六', idNumber: '530524197805061235' };
    const first = await newCase({ procedure: 'simple', party });
    await pendingDecision(first);
    expect((await decide(first, fine(200))).status).toBe(201);

    const second = await newCase({ procedure: 'simple', party });
    await pendingDecision(second);
    const refused = await decide(second, fine(200, '《养老机构管理办法》 第四十六条。'));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PROCEDURE_INCOMPLETE');
    expect(details(refused).map((detail) => detail.path)).toEqual(['steps.simple-procedure-limit']);
    expect(details(refused)[0]?.message).toContain('第二十九条');
    // Another basis is another violation, but ¥200 + ¥1 is past the person's ¥200 limit.
    const split = await decide(second, fine(1, '《养老机构管理办法》第四十七条'));
    expect(split.status).toBe(422);
    expect(details(split)[0]?.message).toContain('合计201元');
    const view = await api.call('GET', `/v1/cases/${second}`, { token: t.handler });
    expect(view.body.missingSteps).toEqual(['simple-procedure-limit']);
    // A warning is no fine: it is not added up.
    expect((await decide(second, { ...fine(0), penalty: { kind: 'warning' } })).status).toBe(201);
  });

  it('[LAW-10] fines on one organisation that add up past ¥3,000 are for the general procedure; another party is not affected', async () => {
    const party = { kind: 'organization', name: '某物业公司', idNumber: '91530524MA6N1234XA' };
    const first = await newCase({ procedure: 'simple', party });
    await pendingDecision(first);
    expect((await decide(first, fine(2000, '《物业管理条例》第五十九条'))).status).toBe(201);
    const second = await newCase({ procedure: 'simple', party });
    await pendingDecision(second);
    const refused = await decide(second, fine(1001, '《物业管理条例》第六十条'));
    expect(refused.status).toBe(422);
    expect(details(refused)[0]?.message).toContain('合计3001元');
    expect((await decide(second, fine(1000, '《物业管理条例》第六十条'))).status).toBe(201);
    const other = await newCase({ procedure: 'simple', party: organization });
    await pendingDecision(other);
    expect((await decide(other, fine(3000, '《物业管理条例》第六十条'))).status).toBe(201);
  });
});

describe('qualification holds for every act in the case', () => {
  it('[LAW-2] [PUB-7] officers suspended or revoked mid-case stop it: no record, transition or decision until they are replaced', async () => {
    const id = await newCase({ officers: [c.certificateNo, d.certificateNo] });
    const record = (title: string) =>
      api.call('POST', `/v1/cases/${id}/records`, {
        token: t.handler,
        body: { type: '案件调查终结报告', title, fields: { conclusion: '事实清楚' } },
      });
    expect((await record('立案后')).status).toBe(201);
    for (const [officer, status] of [
      [c, 'suspended'],
      [d, 'revoked'],
    ] as const) {
      const changed = await api.call('POST', `/v1/officers/${officer.certificateNo}/status`, {
        token: t.admin,
        body: { status, reason: '年度审验不合格' },
      });
      expect(changed.status, changed.text).toBe(200);
    }
    const writes = [
      await record('暂扣后'),
      await api.call('POST', `/v1/cases/${id}/transitions`, {
        token: t.handler,
        body: { to: 'investigating' },
      }),
      await decide(id, fine(100)),
      // Even an activity by other, qualified officers: the case itself is stopped.
      await api.call('POST', `/v1/cases/${id}/activities`, {
        token: t.handler,
        body: { type: 'interview', officers: pair, location: '昌宁县某养老院' },
      }),
    ];
    for (const refused of writes) {
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.error.code).toBe('OFFICER_NOT_QUALIFIED');
      expect(refused.body.error.message).toContain('更换');
      const messages = details(refused).map((detail) => detail.message);
      expect(messages.some((message) => message.includes(c.name) && message.includes('暂扣'))).toBe(true);
      expect(messages.some((message) => message.includes(d.name) && message.includes('吊销'))).toBe(true);
    }

    const replace = (token: string | undefined, officers: string[]) =>
      api.call('PUT', `/v1/cases/${id}/officers`, {
        token,
        body: { officers, reason: '原执法人员执法证被暂扣、吊销' },
      });
    expect((await replace(t.handler, pair)).status).toBe(403);
    const stillBad = await replace(t.head, [c.certificateNo, a.certificateNo]);
    expect(stillBad.status).toBe(422);
    expect(details(stillBad).map((detail) => detail.path)).toEqual(['officers.0']);
    const blank = await api.call('PUT', `/v1/cases/${id}/officers`, {
      token: t.head,
      body: { officers: pair, reason: ' \u200b\u3000 ' },
    });
    expect(blank.status).toBe(400);
    const replaced = await replace(t.head, pair);
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body.officers).toEqual(pair);
    expect((await record('更换后')).status).toBe(201);
    const journal = await api.call('GET', `/v1/cases/${id}/journal`, { token: t.handler });
    expect(journal.body.entries.map((entry: { type: string }) => entry.type)).toContain(
      'case.officers-replaced',
    );
  });

  it('[LAW-2] [PUB-5] certificates are registered by the admin only, never for their own account, for five years at most', async () => {
    const byHead = await api.call('POST', '/v1/officers', {
      token: t.head,
      body: officerInput({ unitId: 'shswg' }),
    });
    expect(byHead.status).toBe(403);
    const own = await api.call('POST', '/v1/officers', {
      token: t.admin,
      body: officerInput({ userId: 'sg-admin' }),
    });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('本人');
    const long = await api.call('POST', '/v1/officers', {
      token: t.admin,
      body: officerInput({ validFrom: '2026-01-01', validTo: '2099-12-31' }),
    });
    expect(long.status).toBe(422);
    expect(long.body.error.code).toBe('CERTIFICATE_VALIDITY_EXCEEDED');
    expect(details(long)).toEqual([{ path: 'validTo', message: '有效期截止日期最晚为 2030-12-31' }]);
    const fiveYears = officerInput({ validFrom: '2026-01-01', validTo: '2030-12-31' });
    expect((await api.call('POST', '/v1/officers', { token: t.admin, body: fiveYears })).status).toBe(201);
    const audit = await api.call('POST', `/v1/officers/${fiveYears.certificateNo}/status`, {
      token: t.admin,
      body: { status: 'valid', reason: '年度审验通过', validTo: '2099-12-31' },
    });
    expect(audit.status).toBe(422);
    expect(audit.body.error.code).toBe('CERTIFICATE_VALIDITY_EXCEEDED');
  });
});
