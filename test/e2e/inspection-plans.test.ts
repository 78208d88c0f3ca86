import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { randomPlanItem } from '#test/helpers/inspection-plans.ts';

/**
 * The annual inspection plan over HTTP (INS-2): a county bureau with two inspecting officers, a
 * unit head, an administrator and a published random-inspections list of SJ-1 and SJ-2; its
 * supervisory body; and another body's supervisor.
 */
let api: TestApi;
const agencyId = newAgencyId();
const year = Number(legalDateOf(new Date()).slice(0, 4));
const plans = `/v1/inspection-plans/${year}`;
const tokens: Record<'officer' | 'head' | 'admin' | 'supervisor' | 'stranger', string> = {
  officer: '',
  head: '',
  admin: '',
  supervisor: '',
  stranger: '',
};
const certificates: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  tokens.admin = await api.token({ sub: `admin-${agencyId}`, agencyId, roles: ['admin'] });
  const profile = { name: '测试县民政局', region: '昌宁县', documentPrefix: '测', units: [] };
  expect((await api.call('PUT', '/v1/agency', { token: tokens.admin, body: profile })).status).toBe(200);
  for (const sub of ['officer', 'colleague']) {
    const input = officerInput({ userId: `${sub}-${agencyId}`, categories: ['inspection'] });
    expect((await api.call('POST', '/v1/officers', { token: tokens.admin, body: input })).status).toBe(201);
    certificates.push(input.certificateNo);
  }
  tokens.officer = await api.token({ sub: `officer-${agencyId}`, agencyId, roles: ['officer'] });
  tokens.head = await api.token({ sub: `head-${agencyId}`, agencyId, roles: ['unit-head'] });
  // Who supervises whom is the platform administrator's to say (ORG-4); the stranger's body
  // supervises another agency.
  const [body, strangerBody] = [newAgencyId(), newAgencyId()];
  await api.supervise(agencyId, body);
  await api.supervise(newAgencyId(), strangerBody);
  tokens.supervisor = await api.token({
    sub: `supervisor-${agencyId}`,
    agencyId: body,
    roles: ['supervisor'],
  });
  tokens.stranger = await api.token({
    sub: `stranger-${agencyId}`,
    agencyId: strangerBody,
    roles: ['supervisor'],
  });
  const list = await api.call('POST', '/v1/checklists', {
    token: tokens.officer,
    body: {
      kind: 'random-inspections',
      title: '随机抽查事项清单',
      items: ['SJ-1', 'SJ-2'].map((code) => ({
        code,
        inspectingBody: '测试县民政局',
        basis: '《养老机构管理办法》',
        objects: '养老机构',
        content: `服务安全 ${code}`,
        method: '现场检查',
        ratio: '5%',
        frequency: '每年',
      })),
    },
  });
  const published = await api.call('POST', `/v1/checklists/${list.body.id}/publish`, { token: tokens.head });
  expect(published.status).toBe(200);
});
afterAll(() => api.close());

const supervised = (version?: number) =>
  `/v1/supervision/inspection-plans?agencyId=${agencyId}&year=${year}${version ? `&version=${version}` : ''}`;
const publicPlan = `/public/v1/agencies/${agencyId}/inspection-plans/${year}`;

describe('the annual inspection plan (INS-2)', () => {
  it('[INS-2] bad input is a 400 naming each field in Chinese; an unlisted item is NOT_ON_LIST at its field', async () => {
    const bad = await api.call('PUT', plans, {
      token: tokens.officer,
      body: {
        items: [
          { itemCode: 'SJ-1', ratio: '5%', frequency: '每年', enterpriseCategories: [], months: [0, 13] },
        ],
        colour: 'red',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const paths = bad.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'items.0.enterpriseCategories',
        'items.0.months.0',
        'items.0.months.1',
        'colour',
      ]),
    );
    for (const detail of bad.body.error.details) expect(detail.message).toMatch(/[\u4e00-\u9fff]/);
    const badYear = await api.call('PUT', '/v1/inspection-plans/next-year', {
      token: tokens.officer,
      body: { items: [randomPlanItem('SJ-1')] },
    });
    expect(badYear.status).toBe(400);
    expect(badYear.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['year']);
    const misfit = await api.call('PUT', plans, {
      token: tokens.officer,
      body: { items: [{ ...randomPlanItem('SJ-1'), ratio: undefined, plannedInspections: 4 }] },
    });
    expect(misfit.status).toBe(400);
    expect(misfit.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'items.0.ratio',
      'items.0.plannedInspections',
    ]);

    const unlisted = await api.call('PUT', plans, {
      token: tokens.officer,
      body: { items: [randomPlanItem('SJ-1'), randomPlanItem('SJ-404')] },
    });
    expect(unlisted.status).toBe(422);
    expect(unlisted.body.error).toMatchObject({
      code: 'NOT_ON_LIST',
      details: [{ path: 'items.1.itemCode' }],
    });
    expect(unlisted.body.error.message).toMatch(/清单/);
    expect((await api.call('GET', plans, { token: tokens.officer })).status).toBe(404);
  });

  it('[INS-2] drafted, filed by another person than its last author, read by its supervisory body and the public, not by another body', async () => {
    const drafted = await api.call('PUT', plans, {
      token: tokens.officer,
      body: { items: [randomPlanItem('SJ-1')], note: '计划外检查须有例外情形' },
    });
    expect(drafted.status, drafted.text).toBe(200);
    expect(drafted.body).toMatchObject({ status: 'draft', version: 1, items: [{ category: 'random' }] });
    // A draft is the agency's own: neither its supervisory body nor the public read it yet.
    expect((await api.call('GET', supervised(), { token: tokens.supervisor })).status).toBe(404);
    expect((await api.call('GET', publicPlan)).status).toBe(404);
    // The unit head changes it last, so he may not file it; the administrator does.
    const edited = await api.call('PUT', plans, {
      token: tokens.head,
      body: { items: [randomPlanItem('SJ-1')], note: '计划外检查须有例外情形' },
    });
    expect(edited.body).toMatchObject({ version: 1, revision: 2, draftedBy: `head-${agencyId}` });
    const own = await api.call('POST', `${plans}/filing`, { token: tokens.head });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/编制人/);
    // Filed as read: a revision changed since is a 409, the one shown is filed.
    const stale = await api.call('POST', `${plans}/filing`, { token: tokens.admin, body: { revision: 1 } });
    expect(stale.status).toBe(409);
    const filed = await api.call('POST', `${plans}/filing`, { token: tokens.admin, body: { revision: 2 } });
    expect(filed.status, filed.text).toBe(200);
    expect(filed.body).toMatchObject({ status: 'filed', version: 1, filedBy: `admin-${agencyId}` });
    expect((await api.call('POST', `${plans}/filing`, { token: tokens.head })).status).toBe(409);

    const bySupervisor = await api.call('GET', supervised(), { token: tokens.supervisor });
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.body).toMatchObject({ agencyId, year, version: 1, status: 'filed' });
    expect((await api.call('GET', supervised(), { token: tokens.stranger })).status).toBe(403);
    const byPublic = await api.call('GET', publicPlan);
    expect(byPublic.status).toBe(200);
    expect(byPublic.body).toEqual({
      agencyId,
      year,
      version: 1,
      items: [expect.objectContaining({ itemCode: 'SJ-1', ratio: '5%', months: [3, 4, 5] })],
      note: '计划外检查须有例外情形',
      filedAt: filed.body.filedAt,
    });
  });

  it('[INS-2] a change of the filed plan is a new version, filed again; the old one stays readable', async () => {
    const next = await api.call('PUT', plans, {
      token: tokens.officer,
      body: { items: [randomPlanItem('SJ-1'), randomPlanItem('SJ-2')] },
    });
    expect(next.body).toMatchObject({ status: 'draft', version: 2 });
    // Until it is filed, version 1 is what binds and what is published.
    expect((await api.call('GET', publicPlan)).body.version).toBe(1);
    expect((await api.call('GET', supervised(), { token: tokens.supervisor })).body.version).toBe(1);
    expect((await api.call('GET', supervised(2), { token: tokens.supervisor })).status).toBe(404);
    const filed = await api.call('POST', `${plans}/filing`, { token: tokens.head });
    expect(filed.body).toMatchObject({ status: 'filed', version: 2 });
    expect((await api.call('GET', publicPlan)).body.items).toHaveLength(2);
    const first = await api.call('GET', `${plans}?version=1`, { token: tokens.officer });
    expect(first.body).toMatchObject({ version: 1, status: 'filed', items: [{ itemCode: 'SJ-1' }] });
    expect((await api.call('GET', `${publicPlan}?version=1`)).body.items).toHaveLength(1);
  });

  it('[INS-2] a filed plan prints as its document, each version as filed', async () => {
    const printed = await fetch(`${api.url}${publicPlan}/pdf?version=1`);
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'inspection-plan-')), 'plan.pdf');
    writeFileSync(file, Buffer.from(await printed.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '');
    for (const expected of [
      '测试县民政局',
      `${year}年度涉企行政检查计划`,
      '第1版',
      '服务安全SJ-1',
      '双随机抽查',
      '5%，每年一次',
      '3月、4月、5月',
      '报备',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('SJ-2');
    expect((await fetch(`${api.url}${publicPlan}/pdf?version=9`)).status).toBe(404);
  });

  it('[INS-2] [PUB-15] a draw takes its item from the filed plan; one outside it is refused, naming the field', async () => {
    // Version 3 leaves SJ-2 out again.
    await api.call('PUT', plans, { token: tokens.officer, body: { items: [randomPlanItem('SJ-1')] } });
    expect((await api.call('POST', `${plans}/filing`, { token: tokens.head })).status).toBe(200);
    const pool = Array.from({ length: 30 }, (_, index) => ({ id: `YL-${index}`, name: `第${index}养老院` }));
    const drawn = await api.call('POST', '/v1/random-draws', {
      token: tokens.head,
      body: { matterCode: 'SJ-1', pool },
    });
    expect(drawn.status, drawn.text).toBe(201);
    expect(drawn.body).toMatchObject({ planYear: year, planVersion: 3 });
    const outside = await api.call('POST', '/v1/random-draws', {
      token: tokens.head,
      body: { matterCode: 'SJ-2', pool },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error).toMatchObject({ code: 'NOT_IN_PLAN', details: [{ path: 'matterCode' }] });
    expect(outside.body.error.message).toMatch(/年度检查计划/);
  });

  it('[INS-2] [INS-3] an inspection task outside the filed plan is refused without an exception and accepted with one', async () => {
    const task = {
      enterpriseCreditCode: freshCreditCode(),
      enterpriseName: '某养老服务有限公司',
      itemCode: 'SJ-2',
      officers: certificates,
      plannedOn: legalDateOf(new Date()),
    };
    const refused = await api.call('POST', '/v1/inspections', { token: tokens.officer, body: task });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'NOT_IN_PLAN', details: [{ path: 'itemCode' }] });
    expect(refused.body.error.details[0].message).toMatch(/例外情形/);
    const accepted = await api.call('POST', '/v1/inspections', {
      token: tokens.officer,
      body: { ...task, exception: 'clue', reason: '收到该机构违规收费的线索' },
    });
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body).toMatchObject({ itemCode: 'SJ-2', exception: 'clue', status: 'pending-approval' });
    const planned = await api.call('POST', '/v1/inspections', {
      token: tokens.officer,
      body: { ...task, itemCode: 'SJ-1' },
    });
    expect(planned.status, planned.text).toBe(201);
  });
});
