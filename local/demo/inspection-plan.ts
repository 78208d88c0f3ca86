import type { PlanInput } from '#shared/inspections/domain/inspection-plan.ts';
import { draftPlan, filePlan, type PlanPorts } from '#shared/inspections/use-cases/inspection-plans.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import type { Principal } from '#shared/kernel/principal.ts';

/**
 * The demo bureau's annual inspection plan (INS-2), of the items of its published lists: the two
 * random items at their lists' ratios, the two inspection matters with their planned numbers.
 */
export const demoPlan: PlanInput = {
  items: [
    {
      itemCode: 'SJ-001',
      ratio: '10%',
      frequency: '每年一次',
      enterpriseCategories: ['养老机构'],
      months: [4, 5, 6],
    },
    {
      itemCode: 'SJ-002',
      ratio: '5%',
      frequency: '每年一次',
      enterpriseCategories: ['社会组织'],
      months: [9, 10],
    },
    {
      itemCode: 'MZ-JC-001',
      plannedInspections: 12,
      enterpriseCategories: ['养老机构'],
      months: [3, 6, 9, 12],
    },
    { itemCode: 'MZ-JC-002', plannedInspections: 30, enterpriseCategories: ['社会组织'], months: [5] },
  ],
  note: '按照《关于严格规范涉企行政检查的意见》，计划外检查须有投诉举报、违法线索或突发事件等例外情形。',
};

/**
 * Files this year's plan for the agency, drafted by `drafter` and filed by `filer`, unless the
 * year already has one: draws and inspection tasks of the demo are bound by it.
 */
export async function seedDemoPlan(ports: PlanPorts, agencyId: string, drafter: Principal, filer: Principal) {
  const year = Number(legalDateOf(ports.now()).slice(0, 4));
  if (await ports.inspectionPlans.latest(agencyId, year)) return;
  await draftPlan(ports, drafter, year, demoPlan);
  await filePlan(ports, filer, year);
}
