import * as z from 'zod';
import { CalendarVersions, entity, Instant, LegalDate, page } from '#functions/responses/common.ts';

export const Withdrawal = entity({
  kind: z.string(),
  reason: z.string(),
  effectiveOn: LegalDate,
  requestedAt: Instant,
  withdrawBy: LegalDate,
  withdrawnAt: Instant,
  late: z.boolean().optional(),
  authority: z.string().optional(),
  documentNo: z.string().optional(),
});

export const Publication = entity({
  id: z.string(),
  agencyId: z.string(),
  caseId: z.string(),
  unitId: z.string().optional(),
  caseTitle: z.string().optional().describe('案件名称（作出决定时，仅工作人员可见）'),
  partyName: z.string().optional().describe('当事人（作出决定时，仅工作人员可见）'),
  decisionId: z.string(),
  documentNumber: z.string().optional().describe('决定书文号'),
  category: z.string(),
  status: z.enum([
    'scheduled',
    'deadline-unconfirmed',
    'published',
    'withdrawn',
    'overdue',
    'expired',
    'exempt',
  ]),
  decidedOn: LegalDate,
  workingDays: z.number().int(),
  dueBy: LegalDate.nullable(),
  calendarVersions: CalendarVersions,
  periodMonths: z.number().int(),
  publishedAt: Instant.optional(),
  publishedOn: LegalDate.optional(),
  expiresOn: LegalDate.optional(),
  late: z.boolean().optional(),
  lateByWorkingDays: z.number().int().nullable().optional(),
  lastFailure: entity({ at: Instant, reason: z.string() }).optional(),
  confirmation: entity({ by: z.string(), byName: z.string(), at: Instant }).optional(),
  exemption: entity({ reason: z.string(), by: z.string(), at: Instant }).optional(),
  withdrawal: Withdrawal.optional(),
  replaces: z.string().optional(),
  replacedBy: z.string().optional(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});

/** A decision as the public sees it: from the allow-list, desensitised (LAW-5). */
export const PublicRecord = entity({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string().optional(),
  category: z.string().optional(),
  categoryName: z.string().optional(),
  party: entity({ kind: z.string(), name: z.string() }).optional(),
  decisionType: z.string().optional(),
  conclusion: z.string().optional(),
  legalBasis: z.string().optional(),
  penalty: entity({ kind: z.string(), amount: z.number().optional() }).optional(),
  decidedOn: LegalDate.optional(),
  documentNo: z.string().optional().describe('决定书文号'),
  publishedOn: LegalDate.optional(),
  expiresOn: LegalDate.optional(),
  randomDrawId: z.string().optional(),
  performance: entity({ status: z.string(), on: LegalDate }).optional(),
  status: z.string().optional().describe('withdrawn, with reason and withdrawnAt'),
  reason: z.string().optional(),
  withdrawnAt: Instant.optional(),
});

export const PublicDecisionPage = page(PublicRecord);

export const PublicationPreview = z.object({
  publication: z.object({
    id: z.string(),
    status: z.string(),
    dueBy: LegalDate.nullable(),
    requiresConfirmation: z.boolean(),
  }),
  record: PublicRecord,
  flags: z.array(
    z.object({
      field: z.string(),
      text: z.string(),
      kind: z.string(),
      label: z.string(),
      action: z.string(),
    }),
  ),
});

export const Revocation = z.object({
  publication: entity({
    id: z.string(),
    status: z.string(),
    effectiveOn: LegalDate,
    withdrawBy: LegalDate,
    withdrawnAt: Instant.optional(),
    late: z.boolean().optional(),
  }),
  /** The supervisory body's referral for correction the revocation made done (SUP-3). */
  referralId: z.string().optional(),
});

export const PublicationRule = entity({
  category: z.string(),
  workingDays: z.number().int(),
  publishWhen: z.string(),
  maskPersonName: z.boolean(),
});

export const PushTarget = z.object({ url: z.string() });

export const PushDelivery = entity({
  id: z.string(),
  agencyId: z.string(),
  publicationId: z.string(),
  event: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: Instant,
  lastError: z.string().optional(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: Instant,
});

export const PublicationPage = page(Publication);

export const Calendar = entity({
  year: z.number().int(),
  holidays: z.array(LegalDate),
  workdays: z.array(LegalDate),
  source: z.string(),
  loadedBy: z.string().optional(),
  loadedAt: Instant.optional(),
  version: z.number().int(),
});

export const Recomputation = entity({
  id: z.string(),
  year: z.number().int(),
  status: z.enum(['running', 'done']),
  phase: z.number().int().optional(),
  processed: z.number().int(),
  changed: z.number().int(),
});

export const CalendarLoaded = Calendar.extend({
  recomputation: Recomputation.omit({ year: true, phase: true }),
  recomputed: z.array(z.string()),
});

export const Deadline = z.object({ dueBy: LegalDate, calendarVersions: CalendarVersions });
