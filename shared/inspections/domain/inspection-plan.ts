import * as z from 'zod';
import type { InspectionCategory } from '#shared/inspections/domain/inspection.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * One item of an annual inspection plan (INS-2): a published inspection item, what the agency
 * plans of it (a random item: the draw's ratio and frequency; a targeted one: the number of
 * on-site inspections), the enterprises' categories it covers and the months it is done in.
 */
export const PlanItemInput = z.strictObject({
  itemCode: Text(64),
  /** Targeted inspections (重点检查): the on-site inspections planned in the year. */
  plannedInspections: z.number().int().min(1).max(100_000).optional(),
  /** Random inspections (双随机): the draw's ratio (e.g. 5%) and frequency (e.g. 每年一次). */
  ratio: Text(100).optional(),
  frequency: Text(100).optional(),
  /** The categories of enterprises inspected (e.g. 养老机构). */
  enterpriseCategories: z
    .array(Text(100))
    .min(1)
    .max(20)
    .refine((list) => new Set(list).size === list.length, { error: '企业类别不能重复' }),
  /** The months (1..12) the inspections are done in. */
  months: z
    .array(z.number().int().min(1).max(12))
    .min(1)
    .max(12)
    .refine((list) => new Set(list).size === list.length, { error: '月份不能重复' }),
});
export type PlanItemInput = z.infer<typeof PlanItemInput>;

/** `PUT /v1/inspection-plans/{year}`: the draft of the year's plan (INS-2). */
export const PlanInput = z.strictObject({
  items: z
    .array(PlanItemInput)
    .min(1)
    .max(500)
    .refine((items) => new Set(items.map((item) => item.itemCode)).size === items.length, {
      error: '检查事项不能重复',
    }),
  note: Text(2000).optional(),
});
export type PlanInput = z.infer<typeof PlanInput>;

/**
 * `POST /v1/inspection-plans/{year}/filing`: optionally the draft's revision the filer read, so
 * that a draft changed since is not filed unseen (409).
 */
export const PlanFilingInput = z.strictObject({ revision: z.number().int().min(1) }).optional();

/** The year of a plan: the platform's years, as a path parameter. */
export const PlanYear = z.coerce.number().int().min(2000).max(2100);

/** `?version=`: one of a plan's versions, the latest when left out. */
export const PlanVersionQuery = z.object({ version: z.coerce.number().int().min(1).max(1000).optional() });

export interface PlanItem extends PlanItemInput {
  /** Resolved from the published list when the plan is drafted: what kind of inspection, and its name. */
  category: InspectionCategory;
  name: string;
}

export const PLAN_STATUSES = ['draft', 'filed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * One version of an agency's plan for a year (INS-2). Only the latest version may be a draft;
 * a filed version is never changed again, a later change is the next version, filed again.
 */
export interface InspectionPlan {
  agencyId: string;
  year: number;
  version: number;
  status: PlanStatus;
  items: PlanItem[];
  note?: string;
  draftedBy: string;
  draftedByName: string;
  draftedAt: string;
  filedBy?: string;
  filedByName?: string;
  filedAt?: string;
  /** The draft's own revision: each save of a draft over the one read. */
  revision: number;
}

/** What the public reads of a filed plan (54号文: 检查计划 are published): no accounts. */
export interface PublicInspectionPlan {
  agencyId: string;
  year: number;
  version: number;
  items: PlanItem[];
  note?: string;
  filedAt: string;
}

export function publicPlan(plan: InspectionPlan): PublicInspectionPlan {
  return {
    agencyId: plan.agencyId,
    year: plan.year,
    version: plan.version,
    items: plan.items,
    ...(plan.note ? { note: plan.note } : {}),
    filedAt: plan.filedAt ?? '',
  };
}

/** Until the end of January a year without a filed plan is still bound by the year before's (INS-2). */
export const PLAN_GRACE_MONTH = 1;

/**
 * The year whose filed plan binds a draw or a task on `date` (YYYY-MM-DD), and the year to fall
 * back on while that year's plan is not filed yet: in January, the year before's.
 */
export function bindingYears(date: string): number[] {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) <= PLAN_GRACE_MONTH ? [year, year - 1] : [year];
}
