import * as z from 'zod';
import { ProcedureSettings } from '#shared/kernel/procedure-settings.ts';

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
  /** The bodies that supervise the agency (ORG-4, ORG-6): set by the platform administrator only. */
  supervisedBy?: string[];
  /** The agency's entry in the enforcement subject list (PUB-4) it was created from. */
  subjectListItem?: string;
  updatedAt: string;
  updatedBy: string;
}

export function unitName(profile: AgencyProfile | undefined, unitId: string): string {
  return profile?.units.find((unit) => unit.id === unitId)?.name ?? unitId;
}

export const AgencyId = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: '机关代码只能包含小写字母、数字和连字符' });

/**
 * Where the platform's own administrators' accounts belong (ORG-6): no agency's data is theirs,
 * and no agency may take the id (its admin would keep the platform admins' accounts).
 */
export const PLATFORM_ID = 'platform';

/** The bodies that supervise an agency (ORG-4, ORG-6): at least one, none twice. */
const SupervisedBy = z
  .array(AgencyId)
  .min(1, { error: '至少填写一个监督机关' })
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { error: '监督机关不能重复' });

/** `PUT /v1/agencies/{agencyId}/supervised-by` (ORG-4): the platform administrator's change of who supervises. */
export const SupervisedByInput = z.strictObject({ supervisedBy: SupervisedBy });

/** `POST /v1/agencies` (ORG-6): an agency, who supervises it, and its first administrator. */
export const NewAgencyInput = z
  .strictObject({
    agencyId: AgencyId.refine((id) => id !== PLATFORM_ID, { error: '该机关代码为平台保留，不能使用' }),
    name: z.string().trim().min(1).max(100),
    /** The region its public pages name; the agency's name when not given. */
    region: z.string().trim().min(1).max(100).optional(),
    subjectListItem: z.string().trim().min(1).max(200).optional(),
    supervisedBy: SupervisedBy,
    firstAdmin: z.strictObject({
      name: z.string().trim().min(1).max(100),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9]{6,20}$/, { error: '手机号码格式不正确' })
        .optional(),
      email: z.email({ error: '电子邮箱格式不正确' }).max(254).optional(),
    }),
  })
  .refine((input) => !input.supervisedBy.includes(input.agencyId), {
    error: '机关不能监督自己',
    path: ['supervisedBy'],
  });
export type NewAgencyInput = z.infer<typeof NewAgencyInput>;

/** The unit a new agency starts with, where its first administrator sits until it names its own. */
export const FIRST_UNIT: Unit = { id: 'office', name: '办公室' };
