import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { dynamoClient } from '#shared/kernel/store/clients.ts';
import { type FaultCounts, failCalls } from '#test/faults/inject.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { fileApiPlan } from '#test/helpers/inspection-plans.ts';

/**
 * The scan (INS-4) when the one transaction that opens the case fails: the case, its 审批表
 * (INS-6), its on-site activity and the task's start are that one transaction, so a failed scan
 * leaves no case and no form, the task still approved, and the scan sent again opens one case
 * with one form and one activity.
 */
let api: TestApi;
const counts: FaultCounts = { calls: 0, faults: 0, byKind: {} };
/** Which calls fail now: none unless a test says. */
let failing: (command: string, input: string) => boolean = () => false;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const certificates: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  failCalls(dynamoClient, (command, input) => failing(command, input), counts);
  const admin = await api.token({ sub: `admin-${agencyId}`, agencyId, roles: ['admin'] });
  const profile = { name: '扫码故障测试局', region: '昌宁县', documentPrefix: '昌', units: [] };
  expect((await api.call('PUT', '/v1/agency', { token: admin, body: profile })).status).toBe(200);
  for (const sub of ['officer', 'colleague']) {
    const input = officerInput({ userId: `${sub}-${agencyId}`, categories: ['inspection'] });
    expect((await api.call('POST', '/v1/officers', { token: admin, body: input })).status).toBe(201);
    certificates.push(input.certificateNo);
  }
  t.officer = await api.token({ sub: `officer-${agencyId}`, agencyId, roles: ['officer'] });
  t.head = await api.token({ sub: `head-${agencyId}`, agencyId, roles: ['unit-head'] });
  const list = await api.call('POST', '/v1/checklists', {
    token: t.officer,
    body: {
      kind: 'random-inspections',
      title: '随机抽查事项清单',
      items: [
        {
          code: 'SJ-1',
          inspectingBody: '扫码故障测试局',
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
  expect((await api.call('POST', `/v1/checklists/${list.body.id}/publish`, { token: t.head })).status).toBe(
    200,
  );
  await fileApiPlan(api, { drafter: t.officer, filer: t.head }, ['SJ-1']);
});
afterAll(() => api.close());

/** The agency's cases opened by a scan of `inspectionId`. */
async function casesOf(inspectionId: string) {
  const listed = await api.call('GET', '/v1/cases?limit=100', { token: t.officer });
  expect(listed.status).toBe(200);
  return listed.body.items.filter(
    (record: { inspectionId?: string }) => record.inspectionId === inspectionId,
  );
}

describe('a scan whose transaction fails (INS-4, INS-6)', () => {
  it('[INS-6] leaves no case and no 审批表, the task approved; the scan again opens one case with one form', async () => {
    const creditCode = freshCreditCode();
    const created = await api.call('POST', '/v1/inspections', {
      token: t.officer,
      body: {
        enterpriseCreditCode: creditCode,
        enterpriseName: '某养老服务有限公司',
        itemCode: 'SJ-1',
        officers: certificates,
        plannedOn: legalDateOf(new Date(Date.now() + 86_400_000)),
      },
    });
    expect(created.status, created.text).toBe(201);
    const id: string = created.body.id;
    expect((await api.call('POST', `/v1/inspections/${id}/approval`, { token: t.head })).status).toBe(200);
    const enterprise = await api.token({
      sub: `enterprise-${creditCode}`,
      creditCode,
      roles: ['enterprise'],
    });
    const { code } = (await api.call('GET', '/v1/enterprise/code', { token: enterprise })).body;

    // The transaction that writes the case, its form and the task's start.
    failing = (command, input) =>
      command === 'TransactWriteItemsCommand' && input.includes(id) && input.includes('inspection-approval');
    const before = counts.faults;
    const failed = await api.call('POST', `/v1/inspections/${id}/scan`, { token: t.officer, body: { code } });
    failing = () => false;
    expect(counts.faults - before).toBe(1);
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBeDefined();
    expect(await casesOf(id)).toEqual([]);
    const task = await api.call('GET', `/v1/inspections/${id}`, { token: t.officer });
    expect(task.body).toMatchObject({ status: 'approved' });
    expect(task.body.caseId).toBeUndefined();

    const again = await api.call('POST', `/v1/inspections/${id}/scan`, { token: t.officer, body: { code } });
    expect(again.status, again.text).toBe(201);
    expect((await casesOf(id)).map((record: { id: string }) => record.id)).toEqual([again.body.caseId]);
    const opened = await api.call('GET', `/v1/cases/${again.body.caseId}`, { token: t.officer });
    expect(opened.body.activities.map((activity: { id: string }) => activity.id)).toEqual([
      again.body.activityId,
    ]);
    const records = await api.call('GET', `/v1/cases/${again.body.caseId}/records`, { token: t.officer });
    expect(records.body.items.map((record: { type: string }) => record.type)).toEqual([
      'inspection-approval',
    ]);
    // The failed transaction took no number: the form is the agency's first of the year.
    expect(records.body.items[0].number).toMatch(/^昌检批〔\d{4}〕1号$/);
    const third = await api.call('POST', `/v1/inspections/${id}/scan`, { token: t.officer, body: { code } });
    expect(third.status).toBe(409);
    expect(await casesOf(id)).toHaveLength(1);
  });
});
