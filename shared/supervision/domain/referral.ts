import * as z from 'zod';
import { LegalDate, legalDateOf } from '#shared/kernel/dates.ts';
import { type DomainError, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import { labelledEnum } from '#shared/kernel/labelled-enum.ts';
import { Words } from '#shared/kernel/text.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { canTransition, caseStatusLabels } from '#shared/recording/domain/state-machine.ts';
import {
  REFERRAL_KINDS,
  type ReferralKind,
  referralKindLabels,
} from '#shared/supervision/domain/matter-labels.ts';

/** `POST /v1/supervision/matters/{id}/referrals` (SUP-3): the matter's case's decision referred for correction. */
export const ReferralInput = z.strictObject({
  kind: labelledEnum(REFERRAL_KINDS, referralKindLabels),
  /** Why the decision is unlawful. */
  reason: Words(2000),
  /** The rule it breaks: the law and article. */
  ruleBroken: Words(2000),
  /** The day by which the agency is to correct it. */
  correctBy: LegalDate,
});
export type ReferralInput = z.infer<typeof ReferralInput>;

/**
 * A decision referred for correction (SUP-3): open until the agency revokes it (PUB-11), which
 * names the referral and makes it done.
 */
export interface Referral {
  referralId: string;
  kind: ReferralKind;
  caseId: string;
  /** The decision's document number, as the referral names it. */
  decisionNumber?: string;
  reason: string;
  ruleBroken: string;
  correctBy: string;
  referredAt: string;
  referredBy: string;
  referredByName: string;
  status: 'open' | 'done';
  /** The revocation that acted on it. */
  done?: { at: string; by: string; byName: string; revocationKind: string; effectiveOn: string };
}

/** The lock of one decision's open referral, found by the case alone: never two open at once. */
export interface OpenReferral {
  referralId: string;
  matterId: string;
  agencyId: string;
  caseId: string;
}

/** A referral as both sides read it: `overdue` once its day has passed without the revocation. */
export function referralStatus(referral: Referral, now: Date): Referral['status'] | 'overdue' {
  return referral.status === 'open' && referral.correctBy < legalDateOf(now) ? 'overdue' : referral.status;
}

export type ReferralVerdict = { allowed: true; caseId: string } | { allowed: false; error: DomainError };

/**
 * May the matter's case's decision be referred for correction now (SUP-3)? A pure function of
 * the matter, its case, whether one referral of that decision is open (in this matter or
 * another) and the day. Who refers (the body's supervisor, of an agency it supervises) the use
 * case checks before.
 */
export function referralVerdict(facts: {
  matter: { status: 'open' | 'closed'; subject: { caseId?: string } };
  record: CaseRecord | undefined;
  openReferral: OpenReferral | undefined;
  correctBy: string;
  today: string;
}): ReferralVerdict {
  const { matter, record, openReferral, correctBy, today } = facts;
  const refuse = (error: DomainError): ReferralVerdict => ({ allowed: false, error });
  if (matter.status === 'closed')
    return refuse(
      new RuleViolation('MATTER_CLOSED', '监督事项已办结', [
        { path: 'id', message: '监督事项已办结，不能再移送纠正' },
      ]),
    );
  const caseId = matter.subject.caseId;
  if (!caseId || !record)
    return refuse(
      new RuleViolation('NO_CASE_SUBJECT', '监督事项不涉及具体案件，无法移送纠正', [
        { path: 'id', message: '只有针对具体案件的监督事项可以移送纠正' },
      ]),
    );
  const decision = record.decision;
  if (!decision || decision.revokedAt !== undefined || !canTransition(record.status, 'revoked'))
    return refuse(
      new RuleViolation('NO_DECISION_IN_FORCE', '该案件没有生效的决定，不能移送纠正', [
        { path: 'id', message: `案件当前状态：${caseStatusLabels[record.status]}` },
      ]),
    );
  if (openReferral)
    return refuse(
      new RuleViolation('REFERRAL_OPEN', '该决定已移送纠正且尚未办结，不能重复移送', [
        { path: 'id', message: '该决定已有一件未办结的纠正移送' },
      ]),
    );
  if (correctBy <= today)
    return refuse(new ValidationFailed([{ path: 'correctBy', message: '纠正期限须晚于今天' }]));
  return { allowed: true, caseId };
}

/**
 * Does a revocation's named referral fit (SUP-3)? The referral it names must be the one open on
 * the case revoked; undefined when it does.
 */
export function namedReferralRefusal(
  named: string | undefined,
  open: OpenReferral | undefined,
): DomainError | undefined {
  if (named === undefined || named === open?.referralId) return undefined;
  return new ValidationFailed([{ path: 'referralId', message: '本案没有这件未办结的纠正移送' }]);
}
