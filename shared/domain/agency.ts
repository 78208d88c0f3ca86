import * as z from 'zod';
import { ProcedureSettings } from '#shared/domain/cases/procedure.ts';

export const Unit = z.strictObject({
  id: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(100),
});
export type Unit = z.infer<typeof Unit>;

/** An enforcing body (执法主体) and its units (股室): the tenant of every record. */
export const AgencyProfileInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  region: z.string().trim().min(1).max(100),
  /** The mark before a document's type in its number: 昌民 in 昌民罚〔2026〕12号. */
  documentPrefix: z.string().trim().min(1).max(10).optional(),
  /** Working days the legal review office has for a review (REV-5); 7 when not set. */
  reviewWorkingDays: z.number().int().min(1).max(30).optional(),
  /** Calendar days the agency has to answer a complaint (SUP-1); 60 when not set (COMPLAINT_ANSWER_DAYS). */
  complaintAnswerDays: z.number().int().min(1).max(90).optional(),
  /** The agency's level (层级: 省级、市级、县级…): what a review-catalog rule's `level` matches. */
  level: z.string().trim().min(1).max(50).optional(),
  /** The agency's field (领域, e.g. 民政): a case's field when it names none. */
  field: z.string().trim().min(1).max(100).optional(),
  /** How many years an enforcement certificate may run (1 to 5; five when not set). */
  certificateValidityYears: z.number().int().min(1).max(5).optional(),
  /** The province's procedure settings (较大数额, the statement period); national defaults otherwise. */
  procedure: ProcedureSettings.optional(),
  units: z
    .array(Unit)
    .max(200)
    .refine((units) => new Set(units.map((unit) => unit.id)).size === units.length, {
      error: '股室编号不能重复',
    }),
});
export type AgencyProfileInput = z.infer<typeof AgencyProfileInput>;

export interface AgencyProfile extends AgencyProfileInput {
  agencyId: string;
  updatedAt: string;
  updatedBy: string;
}

export function unitName(profile: AgencyProfile | undefined, unitId: string): string {
  return profile?.units.find((unit) => unit.id === unitId)?.name ?? unitId;
}
