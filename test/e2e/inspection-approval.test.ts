import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDate, legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { fileApiPlan } from '#test/helpers/inspection-plans.ts';

/**
 * The inspection task's 行政检查审批表 over HTTP (INS-1, INS-6): approved by the unit head, the
 * task's scan opens its case with the form filled from the task, which prints like every record
 * and is not typed again by hand.
 */
let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const officers = [
  officerInput({ name: '王明', userId: `officer-${agencyId}`, categories: ['inspection'] }),
  officerInput({ name: '李华', userId: `colleague-${agencyId}`, categories: ['inspection'] }),
];
const plannedOn = legalDateOf(new Date(Date.now() + 3 * 86_400_000));
const creditCode = freshCreditCode();

beforeAll(async () => {
  api = await startTestApi();
  const admin = await api.token({ sub: `admin-${agencyId}`, agencyId, roles: ['admin'] });
  const profile = { name: '检查审批测试局', region: '昌宁县', documentPrefix: '昌', units: [] };
  expect((await api.call('PUT', '/v1/agency', { token: admin, body: profile })).status).toBe(200);
  for (const body of officers)
    expect((await api.call('POST', '/v1/officers', { token: admin, body })).status).toBe(201);
  t.officer = await api.token({ sub: `officer-${agencyId}`, agencyId, roles: ['officer'] });
  t.head = await api.token({ sub: `head-${agencyId}`, name: '刘审批', agencyId, roles: ['unit-head'] });
  const list = await api.call('POST', '/v1/checklists', {
    token: t.officer,
    body: {
      kind: 'random-inspections',
      title: '随机抽查事项清单',
      items: [
        {
          code: 'SJ-1',
          inspectingBody: '检查审批测试局',
          basis: '《养老机构管理办法》第三十条',
          objects: '养老机构',
          content: '养老机构服务安全',
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

/** A record's PDF as the officer prints it, read back as text. */
async function pdfText(path: string): Promise<string> {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${t.officer}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'inspection-approval-')), 'form.pdf');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '');
}

describe('the inspection task’s approval form (INS-1, INS-6)', () => {
  let caseId: string;
  let scanPath: string;
  let code: string;

  it('[INS-1] [INS-6] approved and scanned in, the case holds one 审批表 filled from the task', async () => {
    const created = await api.call('POST', '/v1/inspections', {
      token: t.officer,
      body: {
        enterpriseCreditCode: creditCode,
        enterpriseName: '某养老服务有限公司',
        itemCode: 'SJ-1',
        officers: officers.map((officer) => officer.certificateNo),
        plannedOn,
      },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.plan).toEqual({ year: Number(plannedOn.slice(0, 4)), version: 1 });
    scanPath = `/v1/inspections/${created.body.id}/scan`;
    const approved = await api.call('POST', `/v1/inspections/${created.body.id}/approval`, { token: t.head });
    expect(approved.status).toBe(200);
    const enterprise = await api.token({
      sub: `enterprise-${creditCode}`,
      creditCode,
      roles: ['enterprise'],
    });
    code = (await api.call('GET', '/v1/enterprise/code', { token: enterprise })).body.code;
    const scanned = await api.call('POST', scanPath, { token: t.officer, body: { code } });
    expect(scanned.status, scanned.text).toBe(201);
    caseId = scanned.body.caseId;

    const records = await api.call('GET', `/v1/cases/${caseId}/records`, { token: t.officer });
    expect(records.status).toBe(200);
    expect(records.body.items).toHaveLength(1);
    const [form] = records.body.items;
    expect(form).toMatchObject({ id: scanned.body.approvalRecordId, type: 'inspection-approval' });
    expect(form.number).toMatch(/^昌检批〔\d{4}〕\d+号$/);
    const [first, second] = officers;
    expect(form.fields).toEqual({
      inspectedParty: `某养老服务有限公司（统一社会信用代码：${creditCode}）`,
      inspectionItem: 'SJ-1 养老机构服务安全',
      taskSource: `双随机抽查，${plannedOn.slice(0, 4)}年度检查计划（第1版）`,
      legalBasis: '《养老机构管理办法》第三十条',
      inspectionMethod: '现场检查',
      plannedAt: plannedOn,
      inspectors: `王明（执法证号：${first?.certificateNo}）、李华（执法证号：${second?.certificateNo}）`,
      inspectionsThisYear: 0,
      handlerOpinion: `拟于${chineseDate(plannedOn)}对某养老服务有限公司实施双随机抽查，请予审批。`,
      approvalOpinion: expect.stringMatching(
        /^同意。审批人：刘审批，\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）审批$/,
      ),
    });

    const text = await pdfText(`/v1/cases/${caseId}/records/${form.id}/pdf`);
    for (const expected of [
      '检查审批测试局',
      '行政检查审批表',
      '某养老服务有限公司',
      creditCode,
      'SJ-1养老机构服务安全',
      '《养老机构管理办法》第三十条',
      chineseDate(plannedOn),
      '审批人：刘审批',
    ])
      expect(text).toContain(expected);
  });

  it('[INS-1] [INS-6] a second scan is refused and leaves the one 审批表; none is typed by hand beside it', async () => {
    const again = await api.call('POST', scanPath, { token: t.officer, body: { code } });
    expect(again.status).toBe(409);
    const typed = await api.call('POST', `/v1/cases/${caseId}/records`, {
      token: t.officer,
      body: {
        type: 'inspection-approval',
        title: '行政检查审批表',
        fields: {
          inspectedParty: '某养老服务有限公司',
          inspectionItem: '养老机构服务安全检查',
          taskSource: '年度检查计划',
          legalBasis: '《养老机构管理办法》',
          inspectionMethod: '现场检查',
          plannedAt: new Date().toISOString(),
          inspectors: '王明、李华',
          inspectionsThisYear: 0,
          handlerOpinion: '建议检查。',
          approvalOpinion: '同意。',
        },
      },
    });
    expect(typed.status).toBe(422);
    expect(typed.body.error.code).toBe('APPROVAL_FORM_EXISTS');
    expect(typed.body.error.details).toEqual([{ path: 'type', message: expect.stringMatching(/审批表/) }]);
    expect(typed.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const records = await api.call('GET', `/v1/cases/${caseId}/records`, { token: t.officer });
    expect(records.body.items.map((record: { type: string }) => record.type)).toEqual([
      'inspection-approval',
    ]);
  });
});
