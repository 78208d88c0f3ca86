import { ulid } from 'ulid';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { type Referral, type ReferralInput, referralVerdict } from '#shared/supervision/domain/referral.ts';
import { changeMatter, isBody, type MatterPorts } from '#shared/supervision/use-cases/matter-access.ts';

/**
 * Refers the decision of the matter's case for correction (SUP-3, 责令纠正 / 建议撤销): only the
 * body that opened the matter, on a decision in force, never while another referral of that
 * decision is open (in this matter or another: the decision's lock is taken in the same
 * transaction). The agency's revocation of the decision (PUB-11) makes it done.
 */
export function referDecision(
  ports: MatterPorts,
  principal: Principal,
  matterId: string,
  input: ReferralInput,
) {
  return changeMatter(ports, principal, matterId, 'decision.referred', async (matter, now) => {
    if (!isBody(principal, matter)) throw new Forbidden('只有立项的监督机关可以移送纠正');
    const caseId = matter.subject.caseId;
    const [record, openReferral] = caseId
      ? await Promise.all([
          ports.cases.get(matter.agencyId, caseId),
          ports.matters.openReferral(matter.agencyId, caseId),
        ])
      : [undefined, undefined];
    const verdict = referralVerdict({
      matter,
      record,
      openReferral,
      correctBy: input.correctBy,
      today: legalDateOf(now),
    });
    if (!verdict.allowed) throw verdict.error;
    const decisionNumber = record?.decision?.document?.number;
    const referral: Referral = {
      referralId: ulid(),
      kind: input.kind,
      caseId: verdict.caseId,
      ...(decisionNumber ? { decisionNumber } : {}),
      reason: input.reason,
      ruleBroken: input.ruleBroken,
      correctBy: input.correctBy,
      referredAt: now.toISOString(),
      referredBy: principal.sub,
      referredByName: principal.name,
      status: 'open',
    };
    return {
      next: { ...matter, referrals: [...(matter.referrals ?? []), referral] },
      data: {
        referralId: referral.referralId,
        kind: referral.kind,
        caseId: referral.caseId,
        ...(decisionNumber ? { decisionNumber } : {}),
        reason: referral.reason,
        ruleBroken: referral.ruleBroken,
        correctBy: referral.correctBy,
      },
      children: [
        ports.matters.lockReferral({
          referralId: referral.referralId,
          matterId: matter.matterId,
          agencyId: matter.agencyId,
          caseId: verdict.caseId,
        }),
      ],
    };
  });
}
