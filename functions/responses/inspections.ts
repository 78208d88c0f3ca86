import * as z from 'zod';
import { entity, Instant, LegalDate } from '#functions/responses/common.ts';
import {
  INSPECTION_CATEGORIES,
  INSPECTION_STATUSES,
  LIMIT_EXCEPTIONS,
} from '#shared/inspections/domain/inspection.ts';
import { PLAN_STATUSES } from '#shared/inspections/domain/inspection-plan.ts';

const Rating = entity({ score: z.number().int(), comment: z.string().optional(), ratedAt: Instant });

/** An inspection task as its agency sees it (INS-1, INS-3, INS-4). */
export const Inspection = entity({
  id: z.string(),
  agencyId: z.string(),
  enterpriseCreditCode: z.string(),
  enterpriseName: z.string(),
  itemCode: z.string(),
  category: z.enum(INSPECTION_CATEGORIES),
  officers: z.array(z.string()),
  officerNames: z.array(z.string()),
  plannedOn: LegalDate,
  year: z.number().int(),
  reason: z.string().optional(),
  jointWith: z.array(z.string()).optional(),
  exception: z.enum(LIMIT_EXCEPTIONS).optional(),
  plan: entity({ year: z.number().int(), version: z.number().int() })
    .optional()
    .describe('the filed annual plan that holds the item (INS-2)'),
  status: z.enum(INSPECTION_STATUSES),
  createdAt: Instant,
  approvedBy: z.string().optional(),
  approvedByName: z.string().optional(),
  approvedAt: Instant.optional(),
  startedAt: Instant.optional(),
  caseId: z.string().optional(),
  rating: Rating.optional(),
  version: z.number().int(),
});

/** What the enterprise sees of an inspection of it (INS-5): no internal reason, accounts or case. */
export const EnterpriseInspection = z.strictObject({
  id: z.string(),
  agencyId: z.string(),
  itemCode: z.string(),
  category: z.enum(INSPECTION_CATEGORIES),
  officers: z.array(z.strictObject({ certificateNo: z.string(), name: z.string() })),
  plannedOn: LegalDate,
  status: z.enum(INSPECTION_STATUSES),
  jointWith: z.array(z.string()).optional(),
  exception: z.enum(LIMIT_EXCEPTIONS).optional(),
  startedAt: Instant.optional(),
  rating: Rating.optional(),
});

export const SupervisionCode = entity({ code: z.string(), svg: z.string().describe('the QR code, SVG') });

export const InspectionLimits = z.array(
  entity({ category: z.enum(INSPECTION_CATEGORIES), perYear: z.number().int() }),
);

export const ScanResult = entity({
  inspection: Inspection,
  caseId: z.string(),
  activityId: z.string(),
  approvalRecordId: z.string().describe("the case's 行政检查审批表, written from the task (INS-6)"),
});

const PlanItem = entity({
  itemCode: z.string(),
  name: z.string(),
  category: z.enum(INSPECTION_CATEGORIES),
  plannedInspections: z.number().int().optional(),
  ratio: z.string().optional(),
  frequency: z.string().optional(),
  enterpriseCategories: z.array(z.string()),
  months: z.array(z.number().int()),
});

/** A version of an agency's annual inspection plan (INS-2), as the agency and its supervisory body read it. */
export const InspectionPlan = entity({
  agencyId: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  items: z.array(PlanItem),
  note: z.string().optional(),
  draftedBy: z.string(),
  draftedByName: z.string(),
  draftedAt: Instant,
  filedBy: z.string().optional(),
  filedByName: z.string().optional(),
  filedAt: Instant.optional(),
  revision: z.number().int(),
});

/** A filed plan as the public reads it: no accounts. */
export const PublicInspectionPlan = z.strictObject({
  agencyId: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  items: z.array(PlanItem),
  note: z.string().optional(),
  filedAt: Instant,
});
