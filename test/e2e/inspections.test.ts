import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { fileApiPlan } from '#test/helpers/inspection-plans.ts';

/**
 * Inspections of enterprises over HTTP (INS-1, INS-3, INS-4, INS-5): two county bureaus, each with
 * two inspecting officers, a unit head and a published random-inspections list.
 */
let api: TestApi;
/** A few days ahead: the officers' certificates are valid then. */
const plannedOn = legalDateOf(new Date(Date.now() + 3 * 86_400_000));

interface Bureau {
  agencyId: string;
  officers: string[];
  officer: string;
  colleague: string;
  head: string;
}

async function bureau(name: string): Promise<Bureau> {
  const agencyId = newAgencyId();
  const admin = await api.token({ sub: `admin-${agencyId}`, agencyId, roles: ['admin'] });
  const profile = { name, region: '昌宁县', documentPrefix: '昌', units: [] };
  expect((await api.call('PUT', '/v1/agency', { token: admin, body: profile })).status).toBe(200);
  const certificates = [];
  for (const sub of ['officer', 'colleague']) {
    const input = officerInput({ userId: `${sub}-${agencyId}`, categories: ['inspection'] });
    expect((await api.call('POST', '/v1/officers', { token: admin, body: input })).status).toBe(201);
    certificates.push(input.certificateNo);
  }
  const officer = await api.token({ sub: `officer-${agencyId}`, agencyId, roles: ['officer'] });
  const head = await api.token({ sub: `head-${agencyId}`, agencyId, roles: ['unit-head'] });
  const list = await api.call('POST', '/v1/checklists', {
    token: officer,
    body: {
      kind: 'random-inspections',
      title: '随机抽查事项清单',
      items: [
        {
          code: 'SJ-1',
          inspectingBody: name,
          basis: '《养老机构管理办法》',
          objects: '养老机构',
          content: '服务安全',
          method: '现场检查',
          ratio: '5%',
          frequency: '每年',
        },
      ],
    },
  });
  expect((await api.call('POST', `/v1/checklists/${list.body.id}/publish`, { token: head })).status).toBe(
    200,
  );
  await fileApiPlan(api, { drafter: officer, filer: head }, ['SJ-1']);
  return {
    agencyId,
    officers: certificates,
    officer,
    colleague: await api.token({ sub: `colleague-${agencyId}`, agencyId, roles: ['officer'] }),
    head,
  };
}

let civil: Bureau;
let market: Bureau;

beforeAll(async () => {
  api = await startTestApi();
  [civil, market] = [await bureau('测试县民政局'), await bureau('测试县市场监督管理局')];
});
afterAll(() => api.close());

const enterpriseToken = (creditCode: string) =>
  api.token({
    sub: `enterprise-${creditCode}`,
    name: '某养老服务有限公司',
    creditCode,
    roles: ['enterprise'],
  });

async function task(by: Bureau, creditCode: string, extra: Record<string, unknown> = {}) {
  return api.call('POST', '/v1/inspections', {
    token: by.officer,
    body: {
      enterpriseCreditCode: creditCode,
      enterpriseName: '某养老服务有限公司',
      itemCode: 'SJ-1',
      officers: by.officers,
      plannedOn,
      ...extra,
    },
  });
}

describe('inspection tasks, approved and scanned in (INS-1, INS-4)', () => {
  it('[INS-1] refuses an item outside the published list and a credit code whose check character is wrong', async () => {
    const unlisted = await task(civil, freshCreditCode(), { itemCode: 'SJ-404' });
    expect(unlisted.status).toBe(422);
    expect(unlisted.body.error).toMatchObject({ code: 'NOT_ON_LIST', details: [{ path: 'itemCode' }] });
    const bad = await task(civil, '91350100M000100Y44');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'enterpriseCreditCode',
    ]);
  });

  it('[INS-1] [INS-4] starts only once approved, by the scan of the enterprise’s own current code, which opens the case and its on-site activity', async () => {
    const creditCode = freshCreditCode();
    const created = await task(civil, creditCode);
    expect(created.status, created.text).toBe(201);
    expect(created.body.status).toBe('pending-approval');
    const path = `/v1/inspections/${created.body.id}`;
    const me = await enterpriseToken(creditCode);
    const code = (await api.call('GET', '/v1/enterprise/code', { token: me })).body.code;

    const early = await api.call('POST', `${path}/scan`, { token: civil.officer, body: { code } });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('NOT_APPROVED');
    // The task's own officer holding the unit head's role may not approve it.
    const ownHead = await api.token({
      sub: `officer-${civil.agencyId}`,
      agencyId: civil.agencyId,
      roles: ['unit-head'],
    });
    expect((await api.call('POST', `${path}/approval`, { token: ownHead })).status).toBe(403);
    const approved = await api.call('POST', `${path}/approval`, { token: civil.head });
    expect(approved.status, approved.text).toBe(200);

    const other = (
      await api.call('GET', '/v1/enterprise/code', { token: await enterpriseToken(freshCreditCode()) })
    ).body.code;
    for (const refused of [other, `${code.slice(0, -3)}abc`]) {
      const response = await api.call('POST', `${path}/scan`, {
        token: civil.officer,
        body: { code: refused },
      });
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ code: 'CODE_REFUSED', details: [{ path: 'code' }] });
    }
    // An officer of the agency who is not one of the task's cannot scan it in.
    const bystander = await api.token({
      sub: `bystander-${civil.agencyId}`,
      agencyId: civil.agencyId,
      roles: ['officer'],
    });
    expect((await api.call('POST', `${path}/scan`, { token: bystander, body: { code } })).status).toBe(403);
    // Another agency's officer cannot even see the task.
    expect((await api.call('POST', `${path}/scan`, { token: market.officer, body: { code } })).status).toBe(
      404,
    );

    const scanned = await api.call('POST', `${path}/scan`, { token: civil.colleague, body: { code } });
    expect(scanned.status, scanned.text).toBe(201);
    expect(scanned.body.inspection).toMatchObject({ status: 'started', caseId: scanned.body.caseId });
    const record = await api.call('GET', `/v1/cases/${scanned.body.caseId}`, { token: civil.officer });
    expect(record.body).toMatchObject({
      category: 'inspection',
      matterId: 'SJ-1',
      inspectionId: created.body.id,
    });
    expect(record.body.activities.map((activity: { type: string }) => activity.type)).toEqual([
      'random-inspection',
    ]);
    expect((await api.call('POST', `${path}/scan`, { token: civil.officer, body: { code } })).status).toBe(
      409,
    );
  });

  it('[INS-4] an inspection case of an enterprise registered without a scan cannot record its on-site inspection', async () => {
    const registered = await api.call('POST', '/v1/cases', {
      token: civil.officer,
      body: {
        category: 'inspection',
        title: '对某公司的检查',
        matterId: 'SJ-1',
        party: { kind: 'organization', name: '某公司', idNumber: freshCreditCode() },
        officers: civil.officers,
      },
    });
    expect(registered.status, registered.text).toBe(201);
    const activity = await api.call('POST', `/v1/cases/${registered.body.id}/activities`, {
      token: civil.officer,
      body: { type: 'on-site-inspection', officers: civil.officers, location: '某公司' },
    });
    expect(activity.status).toBe(422);
    expect(activity.body.error.code).toBe('NOT_SCANNED_IN');
  });

  it('[INS-4] a renewed code replaces the old one, which is refused from then on', async () => {
    const creditCode = freshCreditCode();
    const me = await enterpriseToken(creditCode);
    const old = (await api.call('GET', '/v1/enterprise/code', { token: me })).body;
    expect(old.svg).toContain('<svg');
    const renewed = await api.call('POST', '/v1/enterprise/code', { token: me });
    expect(renewed.status).toBe(201);
    expect(renewed.body.code).not.toBe(old.code);
    const created = await task(civil, creditCode);
    await api.call('POST', `/v1/inspections/${created.body.id}/approval`, { token: civil.head });
    const scan = (code: string) =>
      api.call('POST', `/v1/inspections/${created.body.id}/scan`, { token: civil.officer, body: { code } });
    expect((await scan(old.code)).body.error.code).toBe('CODE_REFUSED');
    expect((await scan(renewed.body.code)).status).toBe(201);
  });
});

describe('yearly limits (INS-3)', () => {
  it('[INS-3] publishes the limits, and a joint inspection of two agencies counts once for each toward them', async () => {
    const limits = await api.call('GET', `/public/v1/agencies/${civil.agencyId}/inspection-limits`);
    expect(limits.status).toBe(200);
    expect(limits.body).toContainEqual({ category: 'random', perYear: 2 });
    const creditCode = freshCreditCode();
    expect((await task(civil, creditCode)).status).toBe(201);
    const joint = await task(civil, creditCode, { jointWith: [market.agencyId] });
    expect(joint.status, joint.text).toBe(201);
    const third = await task(civil, creditCode);
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe('INSPECTION_LIMIT_REACHED');
    // The market bureau's own count holds the joint inspection once: one more alone, then the limit.
    expect((await task(market, creditCode)).status).toBe(201);
    expect((await task(market, creditCode)).body.error.code).toBe('INSPECTION_LIMIT_REACHED');
    // A joint inspection is refused when any of its agencies is at its limit.
    const otherCode = freshCreditCode();
    expect((await task(market, otherCode)).status).toBe(201);
    expect((await task(market, otherCode)).status).toBe(201);
    expect((await task(civil, otherCode, { jointWith: [market.agencyId] })).body.error.code).toBe(
      'INSPECTION_LIMIT_REACHED',
    );
  });

  it('[INS-3] past the limit an exception the rules name is accepted with its reason, and refused without one', async () => {
    const creditCode = freshCreditCode();
    for (let done = 0; done < 2; done += 1) expect((await task(civil, creditCode)).status).toBe(201);
    const unexplained = await task(civil, creditCode, { exception: 'complaint' });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['reason']);
    const reason = '群众投诉该机构夜间无人值守';
    const excepted = await task(civil, creditCode, { exception: 'complaint', reason });
    expect(excepted.status, excepted.text).toBe(201);
    const stored = await api.call('GET', `/v1/inspections/${excepted.body.id}`, { token: civil.head });
    expect(stored.body).toMatchObject({ exception: 'complaint', reason, status: 'pending-approval' });
  });

  it('[INS-3] an exception is counted apart: it takes nothing from the yearly limit', async () => {
    const creditCode = freshCreditCode();
    const clue = await task(civil, creditCode, { exception: 'clue', reason: '接到违法线索：无证经营' });
    expect(clue.status, clue.text).toBe(201);
    for (let done = 0; done < 2; done += 1) expect((await task(civil, creditCode)).status).toBe(201);
    expect((await task(civil, creditCode)).body.error.code).toBe('INSPECTION_LIMIT_REACHED');
  });
});

describe('the enterprise’s own view (INS-5)', () => {
  it('[INS-5] shows an enterprise its own inspections and nobody else’s, without internal notes, and takes its rating', async () => {
    const [mine, theirs] = [freshCreditCode(), freshCreditCode()];
    const own = await task(civil, mine, { reason: '内部：上年度发现问题' });
    await task(civil, theirs);
    const me = await enterpriseToken(mine);
    const list = await api.call('GET', '/v1/enterprise/inspections', { token: me });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([own.body.id]);
    expect(list.text).not.toContain('内部');
    expect(list.body.items[0].officers).toHaveLength(2);

    const path = `/v1/enterprise/inspections/${own.body.id}/rating`;
    expect((await api.call('POST', path, { token: me, body: { score: 5 } })).body.error.code).toBe(
      'NOT_STARTED',
    );
    await api.call('POST', `/v1/inspections/${own.body.id}/approval`, { token: civil.head });
    const code = (await api.call('GET', '/v1/enterprise/code', { token: me })).body.code;
    expect(
      (
        await api.call('POST', `/v1/inspections/${own.body.id}/scan`, {
          token: civil.officer,
          body: { code },
        })
      ).status,
    ).toBe(201);
    const stranger = await enterpriseToken(theirs);
    expect((await api.call('POST', path, { token: stranger, body: { score: 1 } })).status).toBe(404);
    expect((await api.call('POST', path, { token: me, body: { score: 6 } })).status).toBe(400);
    const rated = await api.call('POST', path, {
      token: me,
      body: { score: 4, comment: '检查规范，时间短' },
    });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.body.rating).toMatchObject({ score: 4, comment: '检查规范，时间短' });
    const seen = await api.call('GET', `/v1/inspections/${own.body.id}`, { token: civil.head });
    expect(seen.body.rating.score).toBe(4);
    // An enterprise's token opens no staff route.
    expect((await api.call('GET', '/v1/inspections', { token: me })).status).toBe(403);
  });
});
