import { PUBLICATION_EVENT_SOURCE, PublicationWithdrawn } from '#events/publication-events.ts';
import { revocationVerdict } from '#shared/decisions/domain/issuance.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { redact } from '#shared/kernel/desensitise.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { heldDeadline } from '#shared/kernel/use-cases/calendar.ts';
import { redactionContextFor } from '#shared/publicity/domain/public-record.ts';
import type { Publication, RevocationInput } from '#shared/publicity/domain/publication.ts';
import { withdrawalLabels } from '#shared/publicity/domain/withdrawal.ts';
import {
  getPublication,
  type PublicationPorts,
  publicationRule,
} from '#shared/publicity/use-cases/publication-access.ts';
import { changeCase, commitCaseChange } from '#shared/recording/use-cases/case-commit.ts';
import { deliveryWrites } from '#shared/recording/use-cases/push.ts';
import { type ReferralPorts, referralActedOn } from '#shared/supervision/use-cases/referrals.ts';

/**
 * A decision is changed, revoked, confirmed illegal or void, or to be re-made (PUB-11, LAW-1):
 * its publication comes off the public list at once, with the reason in its place; `withdrawBy`
 * (3 working days) is recorded as the legal limit it met.
 */
export async function revokeDecision(
  ports: PublicationPorts & ReferralPorts,
  principal: Principal,
  caseId: string,
  input: RevocationInput,
) {
  return changeCase(
    ports,
    principal,
    caseId,
    async (record) => {
      const now = ports.now();
      const today = legalDateOf(now);
      const verdict = revocationVerdict({ record, effectiveOn: input.effectiveOn, today });
      if (!verdict.allowed) throw verdict.error;
      const { decision } = verdict;
      const publication = await getPublication(ports, principal.agencyId, decision.publicationId);
      // LAW-1: 3 working days from the day the revocation took effect, not from this request.
      const withdrawBy = (await heldDeadline(ports, input.effectiveOn, 3)).dueBy;
      const late = withdrawBy !== null && today > withdrawBy;
      const wasPublic = publication.status === 'published';
      const withdrawn: Publication = {
        ...publication,
        status: 'withdrawn',
        withdrawal: {
          ...input,
          requestedAt: now.toISOString(),
          withdrawBy,
          withdrawnAt: now.toISOString(),
          ...(late ? { late } : {}),
        },
        updatedAt: now.toISOString(),
        version: publication.version + 1,
      };
      // The reason is published: redacted like any published text, the party's name masked.
      const [rule, documents] = await Promise.all([
        publicationRule(ports, principal.agencyId, record.category),
        ports.cases.documents(principal.agencyId, record.id),
      ]);
      const reason = `${withdrawalLabels[input.kind]}：${redact(input.reason, redactionContextFor(record, documents, rule))}`;
      // SUP-3: the supervisory body's referral open on this decision is done by its revocation.
      const referral = await referralActedOn(
        ports,
        principal,
        {
          agencyId: principal.agencyId,
          caseId: record.id,
          named: input.referralId,
          kind: input.kind,
          effectiveOn: input.effectiveOn,
        },
        now,
      );
      const push = wasPublic
        ? await deliveryWrites(ports, principal.agencyId, 'publication.withdrawn', publication.id, {
            id: publication.id,
            status: 'withdrawn',
            withdrawnAt: now.toISOString(),
            reason,
          })
        : [];
      await commitCaseChange(
        ports,
        record,
        principal,
        'decision.revoked',
        {
          kind: input.kind,
          reason: input.reason,
          effectiveOn: input.effectiveOn,
          ...(input.authority ? { authority: input.authority } : {}),
          ...(input.documentNo ? { documentNo: input.documentNo } : {}),
          publicationId: publication.id,
          wasPublic,
          withdrawBy,
          late,
          ...(referral.referralId ? { referralId: referral.referralId } : {}),
        },
        {
          status: 'revoked',
          decision: { ...decision, revokedAt: now.toISOString(), revocationKind: input.kind },
        },
        [
          ports.publications.put(withdrawn, publication),
          // Published or not yet, the publication now answers with the withdrawal and its reason,
          // unless nothing about it may be public at all (a minor, a secret: LAW-5).
          ...(publication.status === 'exempt'
            ? []
            : [
                ports.publications.putPublicRecord(
                  principal.agencyId,
                  {
                    id: publication.id,
                    agencyId: principal.agencyId,
                    status: 'withdrawn',
                    withdrawnAt: now.toISOString(),
                    reason,
                  },
                  false,
                  // A withdrawal of what the public saw is news for the feed (PUB-14).
                  wasPublic ? now.toISOString() : undefined,
                ),
              ]),
          ...push,
          ...referral.writes,
        ],
      );
      await ports.publish([
        {
          source: PUBLICATION_EVENT_SOURCE,
          detailType: PublicationWithdrawn.detailType,
          detail: PublicationWithdrawn.schema.parse({
            version: 1,
            agencyId: principal.agencyId,
            publicationId: publication.id,
            caseId,
            kind: input.kind,
            reason: input.reason,
            withdrawnAt: now.toISOString(),
            withdrawBy,
          }),
        },
      ]);
      return {
        publication: {
          id: publication.id,
          status: withdrawn.status,
          effectiveOn: input.effectiveOn,
          withdrawBy,
          withdrawnAt: now.toISOString(),
          late,
        },
        ...(referral.referralId ? { referralId: referral.referralId } : {}),
      };
      // A revocation corrects the agency's decision (PUB-11); it is no act of the case's officers.
    },
    { officersAct: false },
  );
}
