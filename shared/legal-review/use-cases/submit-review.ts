import { ulid } from 'ulid';
import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { currentEdition } from '#shared/checklists/use-cases/checklists.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { Conflict, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { heldDeadline } from '#shared/kernel/use-cases/calendar.ts';
import type { MatchedRule } from '#shared/legal-review/domain/catalog.ts';
import { ATTESTATION, type Review, type Round } from '#shared/legal-review/domain/review.ts';
import {
  proposalHash,
  REVIEW_WORKING_DAYS,
  type ReviewPorts,
  requirementFor,
} from '#shared/legal-review/use-cases/review-access.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { latestNotice } from '#shared/recording/domain/case.ts';
import { documentLabel } from '#shared/recording/domain/documents.ts';
import { noticeRefusal, proposalShapeErrors } from '#shared/recording/domain/procedure.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';
import { authoredBy, changeCase, commitCaseChange } from '#shared/recording/use-cases/case-commit.ts';

/**
 * Materials are documents of the case, and include every document type that the matched catalog
 * rules require (REV-5: draft decision, investigation records, hearing record ...).
 */
export async function checkMaterials(
  ports: ReviewPorts,
  record: CaseRecord,
  materials: readonly string[],
  matched: readonly MatchedRule[],
) {
  const documents = await ports.cases.documents(record.agencyId, record.id);
  const byId = new Map(documents.map((document) => [document.id, document]));
  const unknown = materials.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new RuleViolation(
      'UNKNOWN_MATERIAL',
      '送审材料须为本案的执法文书',
      unknown.map((id) => ({ path: 'materials', message: id })),
    );
  }
  const catalog = (await currentEdition(ports, record.agencyId, 'review-catalog'))?.items as
    | ChecklistItem<'review-catalog'>[]
    | undefined;
  const codes = new Set(matched.map((rule) => rule.code));
  const required = new Set(
    (catalog ?? []).filter((rule) => codes.has(rule.code)).flatMap((rule) => rule.requiredMaterials ?? []),
  );
  const given = new Set(materials.map((id) => byId.get(id)?.type));
  const missing = [...required].filter((type) => !given.has(type));
  if (missing.length > 0) {
    throw new RuleViolation(
      'MATERIALS_MISSING',
      '送审材料不齐全',
      missing.map((type) => ({ path: 'materials', message: `缺少${documentLabel(type)}` })),
    );
  }
}

const OPEN: Review['status'][] = ['pending', 'problems', 'disputed'];

/**
 * A round of review: submitted (and attested) now, due in the agency's working days (REV-5), or
 * held without a due date while the calendar of a year it reaches is not loaded.
 */
export async function openRound(
  ports: ReviewPorts,
  record: CaseRecord,
  principal: Principal,
  number: number,
  materials: string[],
  extra: Pick<Round, 'note' | 'responses'>,
): Promise<Round> {
  const now = ports.now();
  const profile = await ports.agencies.get(record.agencyId);
  const due = await heldDeadline(ports, legalDateOf(now), profile?.reviewWorkingDays ?? REVIEW_WORKING_DAYS);
  return {
    round: number,
    submittedAt: now.toISOString(),
    submittedBy: principal.sub,
    attestation: ATTESTATION,
    materials,
    ...extra,
    dueBy: due.dueBy,
    calendarVersions: due.calendarVersions,
  };
}

/** Submits a case's proposed decision for legal review (REV-5): round 1, due in working days. */
export async function submitReview(
  ports: ReviewPorts,
  principal: Principal,
  caseId: string,
  input: { materials: string[]; note?: string; proposal?: Proposal },
): Promise<Review> {
  return changeCase(ports, principal, caseId, async (record) => {
    if (['decided', 'served', 'executed', 'closed', 'archived'].includes(record.status)) {
      throw new RuleViolation('ALREADY_DECIDED', '本案已作出决定');
    }
    const existing = await Promise.all(
      (record.reviewIds ?? []).map((id) => ports.reviews.get(principal.agencyId, id)),
    );
    if (existing.some((review) => review && OPEN.includes(review.status))) {
      throw new Conflict('本案已有进行中的法制审核，请在原审核中补正或申请复核');
    }
    // A review approves one proposal (REV-2, LAW-12): given now, or the one last refused for review.
    const proposal = input.proposal ?? record.proposal;
    if (!proposal) {
      throw new ValidationFailed(
        [
          {
            path: 'proposal',
            message: '请填写拟作出的决定（类型、处罚种类和金额、法律依据），审核通过的即是该方案',
          },
        ],
        '送审须附拟作出的决定方案',
      );
    }
    const shape = proposalShapeErrors(record.category, proposal);
    if (shape.length > 0)
      throw new ValidationFailed(
        shape.map((detail) => ({ ...detail, path: `proposal.${detail.path}` })),
        '送审的决定方案不完整或与案件类别不符',
      );
    // The review's proposal agrees with the notice the party was told (LAW-10): never heavier.
    const notice =
      record.category === 'penalty'
        ? latestNotice(record, await ports.cases.documents(record.agencyId, record.id))
        : undefined;
    const exceeds = notice ? noticeRefusal(notice.fields.penalty, proposal.penalty) : undefined;
    if (notice && exceeds)
      throw new RuleViolation(
        'PENALTY_EXCEEDS_NOTICE',
        '送审的处罚方案重于事先告知的处罚，须重新制作并送达事先告知书',
        [{ path: 'proposal.penalty', message: `${exceeds}（事先告知书 ${notice.number}）` }],
      );
    const requirement = await requirementFor(ports, record, proposal);
    await checkMaterials(ports, record, input.materials, requirement.matched);
    const round = await openRound(
      ports,
      record,
      principal,
      1,
      input.materials,
      input.note ? { note: input.note } : {},
    );
    const review: Review = {
      id: ulid(),
      caseId,
      agencyId: principal.agencyId,
      ...(record.unitId ? { unitId: record.unitId } : {}),
      caseTitle: record.title,
      partyName: record.party.name,
      status: 'pending',
      round: 1,
      rounds: [round],
      proposal,
      proposalHash: proposalHash(proposal),
      matchedRules: requirement.matched,
      dueBy: round.dueBy,
      createdAt: round.submittedAt,
      updatedAt: round.submittedAt,
      version: 1,
    };
    await commitCaseChange(
      ports,
      record,
      principal,
      'review.submitted',
      {
        reviewId: review.id,
        round: 1,
        materials: input.materials,
        dueBy: round.dueBy,
        attestedBy: principal.sub,
        matchedRules: requirement.matched.map((rule) => rule.code),
      },
      { reviewIds: [...(record.reviewIds ?? []), review.id], ...authoredBy(record, principal) },
      [ports.reviews.put(review)],
    );
    return review;
  });
}
