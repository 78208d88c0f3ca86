import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { fileApiPlan } from '#test/helpers/inspection-plans.ts';

/**
 * The inspection documents over HTTP (INS-6): an inspection of an enterprise approved and scanned
 * in, then its documents written as records of the case the scan opened and printed.
 */
let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const certificates: string[] = [];
const plannedOn = legalDateOf(new Date(Date.now() + 3 * 86_400_000));

beforeAll(async () => {
  api = await startTestApi();
  const admin = await api.token({ sub: `admin-${agencyId}`, agencyId, roles: ['admin'] });
  const profile = { name: '检查文书测试局', region: '昌宁县', documentPrefix: '昌', units: [] };
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
          inspectingBody: '检查文书测试局',
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

/** An approved inspection of a fresh enterprise, scanned in: the case it opened. */
async function scannedInCase(): Promise<string> {
  const creditCode = freshCreditCode();
  const created = await api.call('POST', '/v1/inspections', {
    token: t.officer,
    body: {
      enterpriseCreditCode: creditCode,
      enterpriseName: '某养老服务有限公司',
      itemCode: 'SJ-1',
      officers: certificates,
      plannedOn,
    },
  });
  expect(created.status, created.text).toBe(201);
  const path = `/v1/inspections/${created.body.id}`;
  expect((await api.call('POST', `${path}/approval`, { token: t.head })).status).toBe(200);
  const enterprise = await api.token({ sub: `enterprise-${creditCode}`, creditCode, roles: ['enterprise'] });
  const { code } = (await api.call('GET', '/v1/enterprise/code', { token: enterprise })).body;
  const scanned = await api.call('POST', `${path}/scan`, { token: t.officer, body: { code } });
  expect(scanned.status, scanned.text).toBe(201);
  return scanned.body.caseId;
}

describe('inspection documents (INS-6)', () => {
  it('[INS-6] the record types list the national inspection documents with their fields', async () => {
    const types = await api.call('GET', '/v1/record-types', { token: t.officer });
    expect(types.status).toBe(200);
    const byType = new Map(
      types.body.items.map((item: { type: string; label: string }) => [item.type, item.label]),
    );
    expect(
      Object.fromEntries(
        [
          'inspection-approval',
          'inspection-notice',
          'inspection-result-notice',
          'sampling-record',
          'survey-record',
        ].map((type) => [type, byType.get(type)]),
      ),
    ).toEqual({
      'inspection-approval': '行政检查审批表',
      'inspection-notice': '行政检查通知书',
      'inspection-result-notice': '行政检查结果告知书',
      'sampling-record': '抽样取证凭证',
      'survey-record': '勘验笔录',
    });
  });

  it('[INS-6] the result of an inspection is told in its 结果告知书, numbered with its own mark and printed', async () => {
    const caseId = await scannedInCase();
    const written = await api.call('POST', `/v1/cases/${caseId}/records`, {
      token: t.officer,
      body: {
        type: 'inspection-result-notice',
        title: '行政检查结果告知书',
        fields: {
          inspectedParty: '某养老服务有限公司',
          inspectionItem: '养老机构服务安全检查',
          inspectedAt: new Date().toISOString(),
          inspectionResult: '未发现违法行为。',
          remedies: '如对检查结果有异议，可于收到本告知书之日起七日内向本机关提出。',
        },
      },
    });
    expect(written.status, written.text).toBe(201);
    expect(written.body.number).toMatch(/^昌检告〔\d{4}〕\d+号$/);
    const pdf = await api.call('GET', `/v1/cases/${caseId}/records/${written.body.id}/pdf`, {
      token: t.officer,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
  });

  it('[INS-6] an approval form without its required fields is a 400 naming each, in Chinese', async () => {
    const caseId = await scannedInCase();
    const refused = await api.call('POST', `/v1/cases/${caseId}/records`, {
      token: t.officer,
      body: {
        type: 'inspection-approval',
        title: '行政检查审批表',
        fields: { inspectedParty: '某养老服务有限公司', inspectionsThisYear: -1 },
      },
    });
    expect(refused.status).toBe(400);
    const details: { path: string; message: string }[] = refused.body.error.details;
    expect(details.map((detail) => detail.path).sort()).toEqual(
      [
        'fields.handlerOpinion',
        'fields.inspectionItem',
        'fields.inspectionMethod',
        'fields.inspectionsThisYear',
        'fields.inspectors',
        'fields.legalBasis',
        'fields.plannedAt',
        'fields.taskSource',
      ].sort(),
    );
    for (const detail of details) expect(detail.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
