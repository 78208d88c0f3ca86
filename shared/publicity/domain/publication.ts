import * as z from 'zod';
import type { Deadline } from '#shared/kernel/calendar.ts';
import { LegalDate } from '#shared/kernel/dates.ts';
import { Words } from '#shared/kernel/text.ts';
import type { EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import { EnforcementCategory as Category } from '#shared/organisation/domain/officer.ts';
import { WITHDRAWAL_KINDS, type WithdrawalKind } from '#shared/publicity/domain/withdrawal.ts';

export const PUBLICATION_STATUSES = [
  'scheduled',
  'deadline-unconfirmed',
  'published',
  'withdrawn',
  'overdue',
  'expired',
  'exempt',
] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** The statuses of a publication still to be published: waiting for its day, its calendar, or late. */
export const PUBLISHABLE_STATUSES: readonly PublicationStatus[] = [
  'scheduled',
  'deadline-unconfirmed',
  'overdue',
];

export const isPublishable = (status: PublicationStatus) => PUBLISHABLE_STATUSES.includes(status);

/**
 * What the public will see of a decision (PUB-9, PUB-10). Created with the decision, in the same
 * transaction, with its legal deadline; the sweep publishes it, a revocation withdraws it.
 */
export interface Publication {
  id: string;
  agencyId: string;
  caseId: string;
  /** The case's unit, whose staff see it in their list. */
  unitId?: string;
  /** The case's title and party when it was decided, for the staff's publication queue (never public). */
  caseTitle?: string;
  partyName?: string;
  decisionId: string;
  /** The number of the decision's document (文号, REC-12), shown and searched on the public list. */
  documentNumber?: string;
  category: EnforcementCategory;
  status: PublicationStatus;
  decidedOn: string;
  workingDays: number;
  /** null while a year the count reaches has no confirmed holiday calendar (LAW-8). */
  dueBy: string | null;
  calendarVersions: Deadline['calendarVersions'];
  /** How many calendar months it stays on the public list once published (LAW-6). */
  periodMonths: number;
  publishedAt?: string;
  publishedOn?: string;
  expiresOn?: string;
  /** Published after its due date (a sweep that could not run in time, a failure retried). */
  late?: boolean;
  /** How many working days after the due date it went out; null when the calendar could not say. */
  lateByWorkingDays?: number | null;
  /** The last attempt to publish that failed, kept while the sweep retries (PUB-12). */
  lastFailure?: { at: string; reason: string };
  exemption?: { reason: string; by: string; at: string };
  /** A person checked the preview and confirmed it may be published (审查). */
  confirmation?: { by: string; byName: string; at: string };
  /**
   * Ready before its due date, as far as the last change knew: its rule's moment has come
   * (decision or service) and it needs no confirmation or has it. A hint that puts it on the
   * sweep's list of ready work; the sweep checks again before publishing.
   */
  ready?: boolean;
  withdrawal?: {
    kind: WithdrawalKind;
    reason: string;
    /** The day the revoking decision or judgment took effect: the 3 working days count from it (LAW-1). */
    effectiveOn: string;
    authority?: string;
    documentNo?: string;
    requestedAt: string;
    withdrawBy: string | null;
    withdrawnAt?: string;
    /** Withdrawn after `withdrawBy`. */
    late?: boolean;
  };
  /** An amended decision's publication replaces this one (PUB-11). */
  replacedBy?: string;
  replaces?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Per agency and category (PUB-1): the time limit, when it is ready, how long it stays, what is shown. */
export const PublicationRuleInput = z.strictObject({
  workingDays: z.number().int().min(1).max(60),
  /** Ready to publish once decided, or once served (送达); the due date applies either way. */
  publishWhen: z.enum(['decided', 'served']),
  /** Calendar months on the public list (LAW-6); absent: 3 months for warnings and small fines, else 3 years. */
  periodMonths: z.number().int().min(1).max(120).optional(),
  /** Mask a natural person's name (default true; only law may say otherwise). */
  maskPersonName: z.boolean(),
  /**
   * A person confirms the preview before it is published early (审查, PUB-1, LAW-5); absent: yes
   * when the party is a natural person. The due date publishes it regardless (PUB-12).
   */
  requireConfirmation: z.boolean().optional(),
});
export type PublicationRule = z.infer<typeof PublicationRuleInput>;

export const RevocationInput = z.strictObject({
  kind: z.enum(WITHDRAWAL_KINDS),
  reason: Words(1000, 2),
  /** When the revoking decision, reconsideration or judgment took effect (Asia/Shanghai date). */
  effectiveOn: LegalDate,
  /** Who revoked it: the agency itself, a reconsideration body, a court. */
  authority: z.string().trim().min(1).max(200).optional(),
  /** The number of the revoking decision or judgment. */
  documentNo: z.string().trim().min(1).max(100).optional(),
  /**
   * The supervisory body's referral for correction this revocation acts on (SUP-3); a referral
   * open on the case is done by its revocation whether named or not.
   */
  referralId: z.string().trim().min(1).max(64).optional(),
});
export type RevocationInput = z.infer<typeof RevocationInput>;

export const PublicationRuleParams = z.strictObject({ category: Category });

/** PUB-9: licensing and penalty decisions within 7 working days, the rest within 20. */
export function publicationTimeLimit(category: EnforcementCategory): number {
  return category === 'penalty' || category === 'licensing' ? 7 : 20;
}

/** The case's states once its decision is served (送达): what a rule publishing on service waits for. */
export const SERVED_OR_LATER: readonly string[] = ['served', 'executed', 'closed', 'archived'];

/** Is the rule's moment there: the decision, or its service and what follows it? */
export function rulesMoment(rule: Pick<PublicationRule, 'publishWhen'>, caseStatus: string): boolean {
  return rule.publishWhen === 'decided' || SERVED_OR_LATER.includes(caseStatus);
}

/** Does a publication wait for a person to confirm its preview (审查)? Default: for a natural person. */
export function confirmationRequired(
  rule: Pick<PublicationRule, 'requireConfirmation'>,
  party: { kind: string },
): boolean {
  return rule.requireConfirmation ?? party.kind === 'person';
}

/** May it be published before its due date (PUB-1, PUB-12): the rule's moment, and confirmed if need be. */
export function readyEarly(
  rule: Pick<PublicationRule, 'publishWhen' | 'requireConfirmation'>,
  record: { status: string; party: { kind: string } },
  confirmed: boolean,
): boolean {
  return rulesMoment(rule, record.status) && (confirmed || !confirmationRequired(rule, record.party));
}

export function defaultRule(category: EnforcementCategory): PublicationRule {
  return { workingDays: publicationTimeLimit(category), publishWhen: 'decided', maskPersonName: true };
}

/** LAW-6 default: 3 months for a warning or a fine under 10,000 yuan, 3 years otherwise. */
export function periodMonthsFor(
  rule: PublicationRule,
  penalty: { kind: string; amount?: number | undefined } | undefined,
): number {
  if (rule.periodMonths !== undefined) return rule.periodMonths;
  const small =
    penalty && (penalty.kind === 'warning' || (penalty.kind === 'fine' && (penalty.amount ?? 0) < 10000));
  return small ? 3 : 36;
}
