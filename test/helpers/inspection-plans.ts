import { expect } from 'vitest';
import type { PlanItemInput } from '#shared/inspections/domain/inspection-plan.ts';
import { draftPlan, filePlan, type PlanPorts } from '#shared/inspections/use-cases/inspection-plans.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import type { TestApi } from '#test/helpers/api.ts';
import { cast } from '#test/helpers/unit-case.ts';

/** A plan item of a random (双随机) item: drawn at 5%, once a year, in the spring. */
export const randomPlanItem = (itemCode: string): PlanItemInput => ({
  itemCode,
  ratio: '5%',
  frequency: '每年一次',
  enterpriseCategories: ['养老机构'],
  months: [3, 4, 5],
});

/** The year's plan with these random items, drafted by an officer and filed by the unit head (INS-2). */
export async function fileUnitPlan(ports: PlanPorts, year: number, itemCodes: readonly string[]) {
  await draftPlan(ports, cast.handler, year, { items: itemCodes.map(randomPlanItem) });
  return filePlan(ports, cast.head, year);
}

/** The same over HTTP, for this year (北京时间) unless told: `drafter` drafts, `filer` (another person) files. */
export async function fileApiPlan(
  api: TestApi,
  tokens: { drafter: string; filer: string },
  itemCodes: readonly string[],
  year = Number(legalDateOf(new Date()).slice(0, 4)),
) {
  const drafted = await api.call('PUT', `/v1/inspection-plans/${year}`, {
    token: tokens.drafter,
    body: { items: itemCodes.map(randomPlanItem) },
  });
  expect(drafted.status, drafted.text).toBe(200);
  const filed = await api.call('POST', `/v1/inspection-plans/${year}/filing`, { token: tokens.filer });
  expect(filed.status, filed.text).toBe(200);
  return filed.body;
}
