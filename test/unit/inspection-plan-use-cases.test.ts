import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft, publishChecklist } from '#shared/checklists/use-cases/checklists.ts';
import { PlanInput, type PlanItemInput } from '#shared/inspections/domain/inspection-plan.ts';
import {
  draftPlan,
  filedPlan,
  filePlan,
  publishedPlan,
  supervisedPlan,
} from '#shared/inspections/use-cases/inspection-plans.ts';
import { createInspection } from '#shared/inspections/use-cases/inspections.ts';
import { drawInspection } from '#shared/inspections/use-cases/random-draws.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { inspectionPlanRepositoryContract } from '#test/contracts/inspection-plan-repository.ts';
import { InMemoryInspectionPlans } from '#test/fakes/in-memory-inspections.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';
import { fileUnitPlan, randomPlanItem } from '#test/helpers/inspection-plans.ts';
import { AGENCY, cast, OFFICERS, refusal, type UnitWorld, unitBureau } from '#test/helpers/unit-case.ts';

inspectionPlanRepositoryContract('in memory', new InMemoryInspectionPlans());

const supervisor = (supervises: string[]): Principal => ({
  sub: 'supervisor-zhao',
  name: '县司法局执法监督员',
  agencyId: 'changning-sfj',
  roles: ['supervisor'],
  supervises,
});

const TARGETED: PlanItemInput = {
  itemCode: 'JC-1',
  plannedInspections: 12,
  enterpriseCategories: ['养老机构'],
  months: [6],
};

let world: UnitWorld;

/** The bureau on 1 December 2026, with random items SJ-1, SJ-2 and the inspection matter JC-1 published. */
beforeEach(async () => {
  world = await unitBureau('2026-12-01T02:00:00.000Z');
  const { ports } = world;
  const random = await createDraft(ports, cast.admin, {
    kind: 'random-inspections',
    title: '随机抽查事项清单',
    items: ['SJ-1', 'SJ-2'].map((code) => ({
      code,
      inspectingBody: '昌宁县民政局',
      basis: '《养老机构管理办法》',
      objects: '养老机构',
      content: `养老机构服务安全 ${code}`,
      method: '现场检查',
      ratio: '5%',
      frequency: '每年一次',
    })),
  });
  await publishChecklist(ports, cast.secondAdmin, random.id);
  const matters = await createDraft(ports, cast.admin, {
    kind: 'matters',
    title: '行政执法事项清单',
    items: [
      {
        code: 'JC-1',
        category: 'inspection',
        name: '对养老机构的监督检查',
        legalBasis: '《养老机构管理办法》第三十九条',
        discretionBenchmark: '无',
        unit: '养老服务股',
        timeLimit: '20个工作日',
      },
    ],
  });
  await publishChecklist(ports, cast.secondAdmin, matters.id);
});

const plan = (items: Partial<PlanItemInput>[]) =>
  PlanInput.parse({ items: items.map((item) => ({ ...randomPlanItem('SJ-1'), ...item })) });

describe('the annual inspection plan, without a database (INS-2)', () => {
  // Each draft and its verdict: accepted, or refused with its code and the fields it names.
  const drafts: [string, number, () => PlanInput, string, string[]][] = [
    ['a random item at a ratio and a frequency', 2026, () => plan([{}]), 'ok', []],
    [
      'a targeted item with its number of inspections',
      2027,
      () => PlanInput.parse({ items: [TARGETED] }),
      'ok',
      [],
    ],
    [
      'an item not on the published list',
      2026,
      () => plan([{}, { itemCode: 'SJ-404' }]),
      'NOT_ON_LIST',
      ['items.1.itemCode'],
    ],
    [
      'a random item without its ratio',
      2026,
      () => plan([{ ratio: undefined }]),
      'VALIDATION_FAILED',
      ['items.0.ratio'],
    ],
    [
      'a random item given a number of inspections',
      2026,
      () => plan([{ plannedInspections: 3 }]),
      'VALIDATION_FAILED',
      ['items.0.plannedInspections'],
    ],
    [
      'a targeted item without its number, but a ratio',
      2026,
      () => PlanInput.parse({ items: [{ ...TARGETED, plannedInspections: undefined, ratio: '5%' }] }),
      'VALIDATION_FAILED',
      ['items.0.plannedInspections', 'items.0.ratio'],
    ],
    ['a year gone by', 2025, () => plan([{}]), 'VALIDATION_FAILED', ['year']],
    ['a year after the next', 2028, () => plan([{}]), 'VALIDATION_FAILED', ['year']],
  ];
  it.each(drafts)('[INS-2] drafting %s (%i): %s', async (_, year, input, verdict, paths) => {
    const outcome = await draftPlan(world.ports, cast.handler, year, input()).then(
      (drafted) => ({ code: 'ok', paths: [] as string[], drafted }),
      (error) => ({ code: error.code, paths: error.details.map((detail: { path: string }) => detail.path) }),
    );
    expect({ code: outcome.code, paths: outcome.paths }).toEqual({ code: verdict, paths });
    if (verdict === 'ok')
      expect(await world.ports.inspectionPlans.latest(AGENCY, year)).toMatchObject({
        status: 'draft',
        version: 1,
      });
    else expect(await world.ports.inspectionPlans.latest(AGENCY, year)).toBeUndefined();
  });

  it('[INS-2] is filed by another person than its last author, once; a change is the next version, the filed one kept', async () => {
    const { ports } = world;
    expect((await refusal(filePlan(ports, cast.head, 2026))).code).toBe('NOT_FOUND');
    await draftPlan(ports, cast.handler, 2026, plan([{}]));
    // The unit head edits it last: then he may not file it, and the officer who drafted it first may not either.
    const edited = await draftPlan(ports, cast.head, 2026, plan([{}, { itemCode: 'SJ-2' }]));
    expect(edited).toMatchObject({ version: 1, revision: 2, draftedBy: cast.head.sub });
    expect((await refusal(filePlan(ports, cast.head, 2026))).code).toBe('FORBIDDEN');
    // The administrator read revision 1; the draft changed since, so it is not filed unseen.
    expect((await refusal(filePlan(ports, cast.admin, 2026, 1))).code).toBe('CONFLICT');
    const filed = await filePlan(ports, cast.admin, 2026, 2);
    expect(filed).toMatchObject({ status: 'filed', version: 1, filedBy: cast.admin.sub, items: [{}, {}] });
    expect((await refusal(filePlan(ports, cast.head, 2026))).code).toBe('CONFLICT');

    const next = await draftPlan(ports, cast.handler, 2026, plan([{ itemCode: 'SJ-2' }]));
    expect(next).toMatchObject({ status: 'draft', version: 2 });
    // While version 2 is a draft, version 1 binds and is what the supervisor and the public read.
    expect((await filedPlan(ports, AGENCY, 2026))?.version).toBe(1);
    expect((await supervisedPlan(ports, supervisor([AGENCY]), AGENCY, 2026, undefined)).version).toBe(1);
    await filePlan(ports, cast.head, 2026);
    expect((await publishedPlan(ports, AGENCY, 2026, undefined)).version).toBe(2);
    const first = await publishedPlan(ports, AGENCY, 2026, 1);
    expect(first.items.map((item) => item.itemCode)).toEqual(['SJ-1', 'SJ-2']);
    expect(first).not.toHaveProperty('filedBy');
  });

  it('[INS-2] an item withdrawn from the published list between draft and filing is not filed', async () => {
    await draftPlan(world.ports, cast.handler, 2026, plan([{}, { itemCode: 'SJ-2' }]));
    const list = await createDraft(world.ports, cast.admin, {
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
    await publishChecklist(world.ports, cast.secondAdmin, list.id);
    const refused = await refusal(filePlan(world.ports, cast.head, 2026));
    expect(refused.code).toBe('NOT_ON_LIST');
    expect(refused.details.map((detail) => detail.path)).toEqual(['items.1.itemCode']);
  });

  it('[INS-2] only the supervisory body of the agency reads its filed plan; a draft is read by nobody outside', async () => {
    const { ports } = world;
    await draftPlan(ports, cast.handler, 2026, plan([{}]));
    expect((await refusal(supervisedPlan(ports, supervisor([AGENCY]), AGENCY, 2026, undefined))).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(publishedPlan(ports, AGENCY, 2026, undefined))).code).toBe('NOT_FOUND');
    await filePlan(ports, cast.head, 2026);
    for (const reader of [
      supervisor(['another-agency']),
      { ...supervisor([AGENCY]), agencyId: AGENCY },
      { ...cast.head, supervises: [AGENCY] },
    ])
      expect((await refusal(supervisedPlan(ports, reader, AGENCY, 2026, undefined))).code).toBe('FORBIDDEN');
  });

  const pool = Array.from({ length: 20 }, (_, index) => ({ id: `YL-${index}`, name: `第${index}养老院` }));

  // Each draw and its verdict, by the day it is made and the plans filed by then.
  const draws: [string, string, number[], string, string][] = [
    ['of a planned item', '2026-12-01T02:00:00.000Z', [2026], 'SJ-1', 'ok 2026'],
    ['of a published item outside the plan', '2026-12-01T02:00:00.000Z', [2026], 'SJ-2', 'NOT_IN_PLAN'],
    ['with no plan filed', '2026-12-01T02:00:00.000Z', [], 'SJ-1', 'NOT_IN_PLAN'],
    [
      'in January, before the year’s plan, by the year before’s',
      '2027-01-10T02:00:00.000Z',
      [2026],
      'SJ-1',
      'ok 2026',
    ],
    [
      'in January, once the year’s plan is filed, by it',
      '2027-01-10T02:00:00.000Z',
      [2026, 2027],
      'SJ-1',
      'ok 2027',
    ],
    [
      'from February, with only the year before’s plan',
      '2027-02-01T02:00:00.000Z',
      [2026],
      'SJ-1',
      'NOT_IN_PLAN',
    ],
  ];
  it.each(draws)('[INS-2] [PUB-15] a draw %s on %s: %s', async (_, at, years, matterCode, verdict) => {
    for (const year of years) {
      world.clock.set(`${year}-01-02T02:00:00.000Z`);
      await fileUnitPlan(world.ports, year, ['SJ-1']);
    }
    world.clock.set(at);
    const outcome = await drawInspection(world.ports, cast.head, { matterCode, pool }).then(
      (draw) => `ok ${draw.planYear}`,
      (error) => {
        expect(error.details.map((detail: { path: string }) => detail.path)).toEqual(['matterCode']);
        expect(error.message).toMatch(/年度检查计划/);
        return error.code;
      },
    );
    expect(outcome).toBe(verdict);
  });

  it('[INS-2] [PUB-15] a draw takes its ratio from the plan’s item', async () => {
    await draftPlan(world.ports, cast.handler, 2026, plan([{ ratio: '25%' }]));
    await filePlan(world.ports, cast.head, 2026);
    const draw = await drawInspection(world.ports, cast.head, { matterCode: 'SJ-1', pool });
    expect(draw).toMatchObject({ planYear: 2026, planVersion: 1, poolSize: 20 });
    expect(draw.subjects).toHaveLength(5);
  });

  it('[INS-2] [INS-3] a task outside the filed plan is refused without an exception, accepted with one', async () => {
    await fileUnitPlan(world.ports, 2026, ['SJ-1']);
    const task = {
      enterpriseCreditCode: freshCreditCode(),
      enterpriseName: '某养老服务有限公司',
      itemCode: 'SJ-2',
      officers: OFFICERS,
      plannedOn: '2026-12-05',
    };
    const refused = await refusal(createInspection(world.ports, cast.handler, task));
    expect(refused.code).toBe('NOT_IN_PLAN');
    expect(refused.details).toEqual([{ path: 'itemCode', message: expect.stringMatching(/例外情形/) }]);
    const accepted = await createInspection(world.ports, cast.handler, {
      ...task,
      exception: 'complaint',
      reason: '群众投诉该机构消防通道堵塞',
    });
    expect(accepted).toMatchObject({ itemCode: 'SJ-2', exception: 'complaint', status: 'pending-approval' });
    // Planned in the next year, whose plan is not filed: refused too, as the plan binds the year of the inspection.
    const nextYear = await refusal(
      createInspection(world.ports, cast.handler, { ...task, itemCode: 'SJ-1', plannedOn: '2027-02-03' }),
    );
    expect(nextYear.code).toBe('NOT_IN_PLAN');
    expect(await createInspection(world.ports, cast.handler, { ...task, itemCode: 'SJ-1' })).toMatchObject({
      status: 'pending-approval',
    });
  });
});
