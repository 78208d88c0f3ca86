import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft, publishChecklist } from '#shared/checklists/use-cases/checklists.ts';
import { approvalForm } from '#shared/inspections/domain/approval-form.ts';
import {
  type Inspection,
  type InspectionInput,
  InspectionInput as InspectionSchema,
} from '#shared/inspections/domain/inspection.ts';
import {
  approveInspection,
  createInspection,
  enterpriseCode,
  enterpriseInspections,
  rateInspection,
  scanInspection,
} from '#shared/inspections/use-cases/inspections.ts';
import type { DomainError } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { documentTemplates } from '#shared/recording/domain/documents.ts';
import { addActivity } from '#shared/recording/use-cases/case-activities.ts';
import { createDocument } from '#shared/recording/use-cases/case-documents.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import { inspectionRepositoryContract } from '#test/contracts/inspection-repository.ts';
import { InMemoryInspections } from '#test/fakes/in-memory-inspections.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { fileUnitPlan } from '#test/helpers/inspection-plans.ts';
import { AGENCY, cast, OFFICERS, type UnitWorld, unitBureau } from '#test/helpers/unit-case.ts';

inspectionRepositoryContract('in memory', new InMemoryInspections());

const PARTNER = 'changning-scjgj';
const enterprise = (creditCode: string): Principal => ({
  sub: `enterprise-${creditCode}`,
  name: '某养老服务有限公司',
  agencyId: `enterprise:${creditCode}`,
  roles: ['enterprise'],
  creditCode,
});

let world: UnitWorld;
let creditCode: string;

beforeEach(async () => {
  world = await unitBureau('2026-12-01T02:00:00.000Z');
  creditCode = freshCreditCode();
  const { ports } = world;
  await ports.agencies.put({
    agencyId: PARTNER,
    name: '昌宁县市场监督管理局',
    region: '昌宁县',
    units: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'admin',
  });
  const list = await createDraft(ports, cast.admin, {
    kind: 'random-inspections',
    title: '随机抽查事项清单',
    items: [
      {
        code: 'SJ-1',
        inspectingBody: '昌宁县民政局',
        basis: '《养老机构管理办法》',
        objects: '养老机构',
        content: '养老机构服务安全',
        method: '现场检查',
        ratio: '5%',
        frequency: '每年一次',
      },
    ],
  });
  await publishChecklist(ports, cast.secondAdmin, list.id);
  await fileUnitPlan(ports, 2026, ['SJ-1']);
});

const task = (overrides: Partial<InspectionInput> = {}): InspectionInput =>
  InspectionSchema.parse({
    enterpriseCreditCode: creditCode,
    enterpriseName: '某养老服务有限公司',
    itemCode: 'SJ-1',
    officers: OFFICERS,
    plannedOn: '2026-12-05',
    ...overrides,
  });

const codeOf = (error: unknown) => (error as DomainError).code;

async function approvedTask(overrides: Partial<InspectionInput> = {}) {
  const created = await createInspection(world.ports, cast.handler, task(overrides));
  return approveInspection(world.ports, cast.head, created.id);
}

describe('inspection tasks (INS-1)', () => {
  it('[INS-1] refuses an item not on a published list, and unqualified officers', async () => {
    await expect(
      createInspection(world.ports, cast.handler, task({ itemCode: 'SJ-9' })),
    ).rejects.toMatchObject({
      code: 'NOT_ON_LIST',
      details: [{ path: 'itemCode' }],
    });
    await expect(
      createInspection(world.ports, cast.handler, task({ officers: [OFFICERS[0], 'ZF-9999'] })),
    ).rejects.toMatchObject({ code: 'OFFICER_NOT_QUALIFIED' });
  });

  it('[INS-1] a task waits for a unit head who is none of its officers, and cannot start before', async () => {
    const created = await createInspection(world.ports, cast.handler, task());
    expect(created.status).toBe('pending-approval');
    const error = await scanInspection(world.ports, cast.handler, created.id, 'x').catch((caught) => caught);
    expect(codeOf(error)).toBe('NOT_APPROVED');
    const asOfficer = { ...cast.handler, roles: ['unit-head' as const] };
    await expect(approveInspection(world.ports, asOfficer, created.id)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect((await approveInspection(world.ports, cast.head, created.id)).status).toBe('approved');
    await expect(approveInspection(world.ports, cast.head, created.id)).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it('[INS-1] a credit code with a wrong check character is a bad field', () => {
    const result = InspectionSchema.safeParse({ ...task(), enterpriseCreditCode: '91350100M000100Y44' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['enterpriseCreditCode']);
  });
});

describe('yearly limits (INS-3)', () => {
  it('[INS-3] a joint inspection counts once for each agency; past the limit only a named exception passes, counted apart', async () => {
    await createInspection(world.ports, cast.handler, task());
    await createInspection(world.ports, cast.handler, task({ jointWith: [PARTNER] }));
    expect((await world.ports.inspections.counter(PARTNER, creditCode, 2026)).counted.random).toBe(1);
    const refused = await createInspection(world.ports, cast.handler, task()).catch((caught) => caught);
    expect(codeOf(refused)).toBe('INSPECTION_LIMIT_REACHED');
    expect(refused.details[0].message).toContain('已达年度上限 2 次');
    const excepted = await createInspection(
      world.ports,
      cast.handler,
      task({ exception: 'complaint', reason: '群众投诉该机构存在消防安全隐患' }),
    );
    expect(excepted).toMatchObject({ exception: 'complaint', reason: '群众投诉该机构存在消防安全隐患' });
    expect(await world.ports.inspections.counter(AGENCY, creditCode, 2026)).toEqual({
      counted: { random: 2, targeted: 0 },
      exceptions: 1,
    });
    // Next year the count starts again.
    await createInspection(world.ports, cast.handler, task({ plannedOn: '2027-01-05' }));
  });

  it('[INS-3] an exception without its reason is a bad field; a joint agency must exist', async () => {
    const result = InspectionSchema.safeParse({ ...task(), exception: 'clue' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['reason']);
    await expect(
      createInspection(world.ports, cast.handler, task({ jointWith: ['no-such-agency'] })),
    ).rejects.toMatchObject({ kind: 'invalid', details: [{ path: 'jointWith.0' }] });
  });
});

describe('scan to enter (INS-4)', () => {
  it('[INS-4] the enterprise’s current code opens the case and its on-site activity; forged, another’s or renewed codes are refused', async () => {
    const approved = await approvedTask();
    const code = await enterpriseCode(world.ports, enterprise(creditCode), false);
    expect(await enterpriseCode(world.ports, enterprise(creditCode), false)).toBe(code);
    const other = await enterpriseCode(world.ports, enterprise(freshCreditCode()), false);
    const forged = `${code.slice(0, -4)}AAAA`;
    for (const bad of [other, forged, 'JGM1.not-a-code'])
      expect(codeOf(await scanInspection(world.ports, cast.handler, approved.id, bad).catch((e) => e))).toBe(
        'CODE_REFUSED',
      );
    const renewed = await enterpriseCode(world.ports, enterprise(creditCode), true);
    expect(codeOf(await scanInspection(world.ports, cast.handler, approved.id, code).catch((e) => e))).toBe(
      'CODE_REFUSED',
    );
    await expect(scanInspection(world.ports, cast.head, approved.id, renewed)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const scanned = await scanInspection(world.ports, cast.colleague, approved.id, renewed);
    expect(scanned.inspection).toMatchObject({ status: 'started', caseId: scanned.caseId });
    const record = await world.ports.cases.get(AGENCY, scanned.caseId);
    expect(record).toMatchObject({ category: 'inspection', inspectionId: approved.id, matterId: 'SJ-1' });
    const activities = await world.ports.cases.activities(AGENCY, scanned.caseId);
    expect(activities.map((activity) => activity.type)).toEqual(['random-inspection']);
    await expect(scanInspection(world.ports, cast.handler, approved.id, renewed)).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it('[INS-4] an enterprise inspection case registered without the scan cannot record its on-site activity', async () => {
    const record = await registerCase(world.ports, cast.handler, {
      category: 'inspection',
      title: '对某公司的检查',
      matterId: 'SJ-1',
      party: { kind: 'organization', name: '某公司', idNumber: creditCode },
      officers: OFFICERS,
    });
    const error = await addActivity(world.ports, cast.handler, record.id, {
      type: 'on-site-inspection',
      officers: OFFICERS,
    }).catch((caught) => caught);
    expect(codeOf(error)).toBe('NOT_SCANNED_IN');
  });
});

describe('the enterprise’s own view (INS-5)', () => {
  it('[INS-5] shows the enterprise its own inspections without internal notes, and takes one rating of a started one', async () => {
    const approved = await approvedTask({ reason: '内部：上年度检查发现问题' });
    await createInspection(world.ports, cast.handler, task({ enterpriseCreditCode: freshCreditCode() }));
    const me = enterprise(creditCode);
    const page = await enterpriseInspections(world.ports, me, 50, undefined);
    expect(page.items.map((item) => item.id)).toEqual([approved.id]);
    expect(JSON.stringify(page.items)).not.toContain('内部');
    expect(page.items[0]).not.toHaveProperty('officerUsers');
    expect(codeOf(await rateInspection(world.ports, me, approved.id, { score: 5 }).catch((e) => e))).toBe(
      'NOT_STARTED',
    );
    await scanInspection(
      world.ports,
      cast.handler,
      approved.id,
      await enterpriseCode(world.ports, me, false),
    );
    const stranger = enterprise(freshCreditCode());
    await expect(rateInspection(world.ports, stranger, approved.id, { score: 1 })).rejects.toMatchObject({
      kind: 'not-found',
    });
    const rated = await rateInspection(world.ports, me, approved.id, { score: 4, comment: '检查规范' });
    expect(rated.rating).toMatchObject({ score: 4, comment: '检查规范' });
    await expect(rateInspection(world.ports, me, approved.id, { score: 1 })).rejects.toMatchObject({
      kind: 'conflict',
    });
  });
});

describe('the approval form written at the scan (INS-1, INS-6)', () => {
  const approved: Inspection = {
    id: 'task-1',
    agencyId: AGENCY,
    enterpriseCreditCode: '91530524MA6N000001',
    enterpriseName: '某养老服务有限公司',
    itemCode: 'SJ-1',
    category: 'random',
    officers: OFFICERS,
    officerNames: ['王明', '李华'],
    officerUsers: ['officer-wang', 'officer-li'],
    plannedOn: '2026-12-05',
    year: 2026,
    status: 'approved',
    createdBy: 'officer-wang',
    createdAt: '2026-12-01T02:00:00.000Z',
    approvedBy: 'head-liu',
    approvedByName: '刘强',
    approvedAt: '2026-12-01T06:30:00.000Z',
    version: 2,
  };
  const listed = { name: '养老机构服务安全', basis: '《养老机构管理办法》第三十条', method: '现场检查' };

  it.each([
    {
      source: 'a random item of the filed plan (双随机)',
      task: { plan: { year: 2026, version: 2 } },
      taskSource: '双随机抽查，2026年度检查计划（第2版）',
      handlerOpinion: '拟于二〇二六年十二月五日对某养老服务有限公司实施双随机抽查，请予审批。',
    },
    {
      source: 'a targeted item of the filed plan',
      task: { category: 'targeted' as const, itemCode: 'MZ-JC-1', plan: { year: 2026, version: 1 } },
      taskSource: '2026年度检查计划（第1版）',
      handlerOpinion: '拟于二〇二六年十二月五日对某养老服务有限公司实施重点检查，请予审批。',
    },
    {
      source: 'an exception with its reason',
      task: { exception: 'complaint' as const, reason: '群众投诉该机构夜间无人值守' },
      taskSource: '例外情形（投诉举报）：群众投诉该机构夜间无人值守',
      handlerOpinion: '拟于二〇二六年十二月五日对某养老服务有限公司实施双随机抽查，请予审批。',
    },
  ])(
    '[INS-1] [INS-6] $source: every field from the task, the list and the counter',
    ({ task, taskSource, handlerOpinion }) => {
      const inspection = { ...approved, ...task };
      const fields = approvalForm(inspection, listed, { counted: { random: 2 }, exceptions: 1 });
      expect(fields).toEqual({
        inspectedParty: '某养老服务有限公司（统一社会信用代码：91530524MA6N000001）',
        inspectionItem: `${inspection.itemCode} 养老机构服务安全`,
        taskSource,
        legalBasis: '《养老机构管理办法》第三十条',
        inspectionMethod: '现场检查',
        plannedAt: '2026-12-05',
        inspectors: '王明（执法证号：ZF-0001）、李华（执法证号：ZF-0002）',
        // The counter holds this task too: two others of the category and one exception.
        inspectionsThisYear: 2,
        handlerOpinion,
        approvalOpinion: '同意。审批人：刘强，2026年12月1日 14:30（北京时间）审批',
      });
      expect(documentTemplates['inspection-approval'].fields.safeParse(fields).success).toBe(true);
    },
  );

  it('[INS-1] [INS-6] the scan writes one 审批表 into the case, journaled with its registration; none typed by hand beside it', async () => {
    const task = await approvedTask();
    const code = await enterpriseCode(world.ports, enterprise(creditCode), false);
    const scanned = await scanInspection(world.ports, cast.handler, task.id, code);
    const documents = await world.ports.cases.documents(AGENCY, scanned.caseId);
    expect(documents.map((document) => [document.id, document.type])).toEqual([
      [scanned.approvalRecordId, 'inspection-approval'],
    ]);
    expect(documents[0]?.fields).toMatchObject({
      inspectedParty: `某养老服务有限公司（统一社会信用代码：${creditCode}）`,
      inspectionItem: 'SJ-1 养老机构服务安全',
      taskSource: '双随机抽查，2026年度检查计划（第1版）',
      legalBasis: '《养老机构管理办法》',
      inspectionsThisYear: 0,
      approvalOpinion: expect.stringContaining('审批人：head-liu'),
    });
    // One commit: the case, its form and its on-site activity under one journal entry.
    const journal = await world.ports.cases.journal(AGENCY, scanned.caseId);
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      type: 'case.registered',
      data: {
        documents: [{ documentId: scanned.approvalRecordId, documentType: 'inspection-approval' }],
        activity: { activityId: scanned.activityId, activityType: 'random-inspection', officers: OFFICERS },
      },
    });
    const typed = await createDocument(world.ports, cast.handler, scanned.caseId, {
      type: '行政检查审批表',
      title: '行政检查审批表',
      fields: { ...documents[0]?.fields, approvalOpinion: '同意（补填）' },
    }).catch((error) => error);
    expect(typed).toMatchObject({ code: 'APPROVAL_FORM_EXISTS', details: [{ path: 'type' }] });
    expect((typed as Error).message).toMatch(/审批表/);
    expect(await world.ports.cases.documents(AGENCY, scanned.caseId)).toHaveLength(1);
  });

  it('[INS-6] an inspection case registered by hand takes one typed 审批表, and no second', async () => {
    const record = await registerCase(world.ports, cast.handler, {
      category: 'inspection',
      title: '对某公司的检查',
      matterId: 'SJ-1',
      party: { kind: 'organization', name: '某公司', idNumber: creditCode },
      officers: OFFICERS,
    });
    const typed = {
      type: 'inspection-approval',
      title: '行政检查审批表',
      fields: approvalForm(
        { ...(await approvedTask()), approvedAt: '2026-12-01T03:00:00.000Z' },
        { name: '养老机构服务安全', basis: '《养老机构管理办法》', method: '现场检查' },
        { counted: { random: 1 }, exceptions: 0 },
      ),
    };
    await createDocument(world.ports, cast.handler, record.id, typed);
    await expect(createDocument(world.ports, cast.handler, record.id, typed)).rejects.toMatchObject({
      code: 'APPROVAL_FORM_EXISTS',
      details: [{ path: 'type', message: '每个检查案件只有一份行政检查审批表' }],
    });
  });

  it('[INS-6] a number taken by another between its read and the scan’s commit is read again: the next one, one case', async () => {
    const code = await enterpriseCode(world.ports, enterprise(creditCode), false);
    const first = await scanInspection(world.ports, cast.handler, (await approvedTask()).id, code);
    const task = await approvedTask();
    // The scan reads number 1 as free, as it was before the first scan took it.
    let stale = true;
    const cases = new Proxy(world.ports.cases, {
      get(target, key) {
        if (key === 'nextSerial' && stale) {
          stale = false;
          return async () => 1;
        }
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const scanned = await scanInspection({ ...world.ports, cases }, cast.handler, task.id, code);
    const serials = await Promise.all(
      [first, scanned].map(async ({ caseId }) =>
        (await world.ports.cases.documents(AGENCY, caseId)).map((document) => document.serial),
      ),
    );
    expect(serials).toEqual([[1], [2]]);
    const started = await world.ports.inspections.get(task.id);
    expect(started).toMatchObject({ status: 'started', caseId: scanned.caseId });
  });

  it('[INS-1] an item withdrawn from the list after approval cannot be started', async () => {
    const task = await approvedTask();
    const list = await createDraft(world.ports, cast.admin, {
      kind: 'random-inspections',
      title: '随机抽查事项清单',
      items: [
        {
          code: 'SJ-2',
          inspectingBody: '昌宁县民政局',
          basis: '《养老机构管理办法》',
          objects: '养老机构',
          content: '消防安全',
          method: '现场检查',
          ratio: '5%',
          frequency: '每年一次',
        },
      ],
    });
    await publishChecklist(world.ports, cast.secondAdmin, list.id);
    const code = await enterpriseCode(world.ports, enterprise(creditCode), false);
    await expect(scanInspection(world.ports, cast.handler, task.id, code)).rejects.toMatchObject({
      code: 'NOT_ON_LIST',
      details: [{ path: 'itemCode' }],
    });
    expect((await world.ports.inspections.get(task.id))?.status).toBe('approved');
  });
});
