import { ulid } from 'ulid';
import type { Principal } from '#shared/auth.ts';
import { legalDateOf } from '#shared/dates.ts';
import type { CaseRecord } from '#shared/domain/cases/case.ts';
import { latestNotice } from '#shared/domain/cases/decision-document.ts';
import { documentLabel } from '#shared/domain/cases/documents.ts';
import { noticeRefusal, proposalShapeErrors } from '#shared/domain/cases/procedure.ts';
import type { ChecklistItem } from '#shared/domain/checklists/kinds.ts';
import { canonicalJson, sha256Hex } from '#shared/domain/journal.ts';
import { type CaseFacts, type MatchedRule, reviewRequirement } from '#shared/domain/reviews/catalog.ts';
import { type Proposal, proposalBinding } from '#shared/domain/reviews/proposal.ts';
import {
  ATTESTATION,
  OpinionInput,
  type Review,
  type ReviewStandard,
  type Round,
  standardLabels,
} from '#shared/domain/reviews/review.ts';
import { type Reviewer, type ReviewerInput, reviewerRefusal } from '#shared/domain/reviews/reviewer.ts';
import { exclusionReason } from '#shared/domain/reviews/separation.ts';
import {
  Conflict,
  Forbidden,
  issueDetails,
  NotFound,
  RuleViolation,
  ValidationFailed,
} from '#shared/errors.ts';
import type { CalendarRepository } from '#shared/store/calendar-repository.ts';
import type { Port } from '#shared/store/port.ts';
import type { ReviewRepository } from '#shared/store/review-repository.ts';
import { deadline, heldDeadline } from '#shared/use-cases/calendar.ts';
import { assertMayHandle, type CasePorts, getCase, readCase } from '#shared/use-cases/case-access.ts';
import { authoredBy, changeCase, changeWithCase, commitCaseChange } from '#shared/use-cases/case-commit.ts';
import { currentEdition } from '#shared/use-cases/checklists.ts';
import { withRetry } from '#shared/use-cases/retry.ts';

export interface ReviewPorts extends CasePorts {
  reviews: Port<ReviewRepository>;
  calendars: Port<CalendarRepository>;
}

/** Working days the review office has for a review (REV-5), unless the agency sets its own. */
export const REVIEW_WORKING_DAYS = 7;

export function caseFacts(record: CaseRecord, level?: string): CaseFacts {
  return {
    category: record.category,
    partyKind: record.party.kind,
    flags: record.flags,
    hearingHeld: record.hearingHeld === true,
    amountInvolved: record.amountInvolved,
    field: record.field,
    level,
  };
}

/** The hash that binds an approval to what it approved (LAW-12). */
export function proposalHash(proposal: Proposal): string {
  return sha256Hex(canonicalJson(proposalBinding(proposal)));
}

/** Does this case's proposed decision need review, and which rules say so (REV-2). */
export async function requirementFor(ports: ReviewPorts, record: CaseRecord, proposal: Proposal | undefined) {
  const [catalog, profile] = await Promise.all([
    currentEdition(ports, record.agencyId, 'review-catalog'),
    ports.agencies.get(record.agencyId),
  ]);
  return reviewRequirement(
    caseFacts(record, profile?.level),
    proposal,
    catalog?.items as ChecklistItem<'review-catalog'>[] | undefined,
  );
}

export async function getReview(ports: ReviewPorts, agencyId: string, id: string): Promise<Review> {
  const review = await ports.reviews.get(agencyId, id);
  if (!review) throw new NotFound('法制审核不存在', [{ path: 'id', message: '未找到该审核' }]);
  return review;
}

/** A review as its reader may see it: 404 if it does not exist, 403 outside its case's scope. */
export async function readReview(ports: ReviewPorts, principal: Principal, id: string): Promise<Review> {
  const review = await getReview(ports, principal.agencyId, id);
  await readCase(ports, principal, review.caseId);
  return review;
}

/**
 * Materials are documents of the case, and include every document type that the matched catalog
 * rules require (REV-5: draft decision, investigation records, hearing record ...).
 */
async function checkMaterials(
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
async function openRound(
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

/** A command on a review and its case, read afresh on each attempt (`changeWithCase`). */
const changeReview = <T>(
  ports: ReviewPorts,
  agencyId: string,
  reviewId: string,
  change: (review: Review, record: CaseRecord) => Promise<T>,
): Promise<T> => changeWithCase(ports, agencyId, () => getReview(ports, agencyId, reviewId), change);

/** Writes a review change with its journal entry on the case it was read with. */
async function saveReview(
  ports: ReviewPorts,
  principal: Principal,
  record: CaseRecord,
  review: Review,
  next: Review,
  type: string,
  data: Record<string, unknown>,
  /** The step is the handler's work (resubmitting, disputing): they never judge the case (LAW-12). */
  handlersWork = false,
): Promise<Review> {
  const saved: Review = { ...next, updatedAt: ports.now().toISOString(), version: review.version + 1 };
  await commitCaseChange(
    ports,
    record,
    principal,
    type,
    { reviewId: review.id, round: next.round, ...data },
    handlersWork ? authoredBy(record, principal) : {},
    [ports.reviews.put(saved, review)],
  );
  return saved;
}

/**
 * The review office's written opinion on the current round (REV-3, REV-4): a finding per standard,
 * signed by a qualified reviewer who did not handle the case (REV-1, REV-6, LAW-3). A suspected
 * crime records the transfer to the judicial organs and blocks the decision.
 */
export async function giveOpinion(
  ports: ReviewPorts,
  principal: Principal,
  reviewId: string,
  input: OpinionInput,
) {
  // Every caller, not only the route, gets an opinion on all seven standards (REV-3).
  const checked = OpinionInput.safeParse(input);
  if (!checked.success)
    throw new ValidationFailed(issueDetails(checked.error.issues), '审核意见不完整或有误');
  return changeReview(ports, principal.agencyId, reviewId, async (review, record) => {
    if (review.status !== 'pending') {
      throw new Conflict('该审核当前不在待审状态', [{ path: 'id', message: review.status }]);
    }
    const excluded = exclusionReason(principal.sub, 'opinion', record, review);
    if (excluded) throw new Forbidden(`审核与承办分离：${excluded}`);
    const refusal = reviewerRefusal(await ports.reviews.getReviewer(principal.agencyId, principal.sub));
    if (refusal)
      throw new RuleViolation('REVIEWER_NOT_QUALIFIED', refusal, [
        { path: 'reviewer', message: principal.sub },
      ]);
    const now = ports.now().toISOString();
    const crime = input.findings.find(
      (finding) => finding.standard === 'criminal-transfer' && finding.result === 'problem',
    );
    const rounds = review.rounds.map((round) =>
      round.round === review.round
        ? {
            ...round,
            opinion: { ...input, reviewer: principal.sub, reviewerName: principal.name, signedAt: now },
          }
        : round,
    );
    const status: Review['status'] = crime
      ? 'transferred'
      : input.conclusion === 'approved'
        ? 'approved'
        : 'problems';
    return saveReview(
      ports,
      principal,
      record,
      review,
      {
        ...review,
        rounds,
        status,
        ...(crime ? { transfer: { at: now, by: principal.sub, note: crime.note ?? '' } } : {}),
      },
      crime ? 'review.transferred-to-judicial-organs' : 'review.opinion',
      {
        conclusion: input.conclusion,
        problems: input.findings
          .filter((finding) => finding.result === 'problem')
          .map((finding) => finding.standard),
        signedBy: principal.sub,
      },
    );
  });
}

/** The handling unit answers each problem and opens the next round (REV-4); every round is kept. */
export async function resubmit(
  ports: ReviewPorts,
  principal: Principal,
  reviewId: string,
  input: { responses: { standard: ReviewStandard; note: string }[]; materials?: string[] },
) {
  return changeReview(ports, principal.agencyId, reviewId, async (review, record) => {
    assertMayHandle(record, principal);
    if (review.status !== 'problems')
      throw new Conflict('只有审核发现问题后才能补正再送审', [{ path: 'id', message: review.status }]);
    const last = review.rounds.at(-1);
    const problems =
      last?.opinion?.findings
        .filter((finding) => finding.result === 'problem')
        .map((finding) => finding.standard) ?? [];
    const answered = new Set(input.responses.map((response) => response.standard));
    const missing = problems.filter((standard) => !answered.has(standard));
    if (missing.length > 0) {
      throw new ValidationFailed(
        missing.map((standard) => ({
          path: 'responses',
          message: `未回应审核问题：${standardLabels[standard]}`,
        })),
      );
    }
    const materials = input.materials ?? last?.materials ?? [];
    await checkMaterials(ports, record, materials, review.matchedRules);
    const round = await openRound(ports, record, principal, review.round + 1, materials, {
      responses: input.responses,
    });
    const { overdue: _overdue, ...rest } = review;
    return saveReview(
      ports,
      principal,
      record,
      review,
      {
        ...rest,
        status: 'pending',
        round: round.round,
        rounds: [...review.rounds, round],
        dueBy: round.dueBy,
      },
      'review.resubmitted',
      {
        responses: input.responses.map((response) => response.standard),
        dueBy: round.dueBy,
        attestedBy: principal.sub,
      },
      true,
    );
  });
}

/** The handling unit disagrees with the opinion (REV-5): the bureau's leadership decides. */
export async function dispute(
  ports: ReviewPorts,
  principal: Principal,
  reviewId: string,
  input: { reason: string },
) {
  return changeReview(ports, principal.agencyId, reviewId, async (review, record) => {
    assertMayHandle(record, principal);
    if (review.status !== 'problems')
      throw new Conflict('只有对发现问题的审核意见才能提出异议', [{ path: 'id', message: review.status }]);
    const now = ports.now().toISOString();
    return saveReview(
      ports,
      principal,
      record,
      review,
      { ...review, status: 'disputed', dispute: { reason: input.reason, by: principal.sub, at: now } },
      'review.disputed',
      {
        reason: input.reason,
      },
      true,
    );
  });
}

/** A leader's ruling on a disputed opinion: final, and recorded (REV-5). */
export async function ruleOnDispute(
  ports: ReviewPorts,
  principal: Principal,
  reviewId: string,
  input: { conclusion: 'approved' | 'problems'; note: string },
) {
  return changeReview(ports, principal.agencyId, reviewId, async (review, record) => {
    if (review.status !== 'disputed')
      throw new Conflict('该审核没有待裁决的异议', [{ path: 'id', message: review.status }]);
    const excluded = exclusionReason(principal.sub, 'ruling', record, review);
    if (excluded) throw new Forbidden(`不得裁决自己参与的事项：${excluded}`);
    const now = ports.now().toISOString();
    return saveReview(
      ports,
      principal,
      record,
      review,
      {
        ...review,
        status: input.conclusion,
        ruling: { ...input, by: principal.sub, byName: principal.name, at: now },
      },
      'review.ruled',
      { conclusion: input.conclusion, note: input.note, ruledBy: principal.sub },
    );
  });
}

/** Extends the due date once, with a leader's approval (REV-5). */
export async function extendReview(
  ports: ReviewPorts,
  principal: Principal,
  reviewId: string,
  input: { workingDays: number; reason: string },
) {
  return changeReview(ports, principal.agencyId, reviewId, async (review, record) => {
    if (review.extension) throw new Conflict('审核期限只能延长一次');
    if (review.status !== 'pending' || review.dueBy === null)
      throw new Conflict('只有待审且有期限的审核可以延期');
    const due = await deadline(ports, review.dueBy, input.workingDays);
    const { overdue: _overdue, ...rest } = review;
    return saveReview(
      ports,
      principal,
      record,
      review,
      {
        ...rest,
        dueBy: due.dueBy,
        extension: { ...input, approvedBy: principal.sub, at: ports.now().toISOString() },
      },
      'review.extended',
      { workingDays: input.workingDays, reason: input.reason, dueBy: due.dueBy, approvedBy: principal.sub },
    );
  });
}

/** The scheduled job: open reviews past their due date are flagged `overdue` and journaled. */
export async function flagOverdueReviews(ports: ReviewPorts): Promise<{ flagged: string[] }> {
  const today = legalDateOf(ports.now());
  const flagged: string[] = [];
  for (const { agencyId, id } of await ports.reviews.dueBefore(today)) {
    await changeReview(ports, agencyId, id, async (review, record) => {
      if (review.status !== 'pending' || review.overdue || review.dueBy === null || review.dueBy >= today)
        return;
      const system: Principal = { sub: 'system:review-overdue', name: '审核期限监督', agencyId, roles: [] };
      await saveReview(ports, system, record, review, { ...review, overdue: true }, 'review.overdue', {
        dueBy: review.dueBy,
      });
      flagged.push(id);
    });
  }
  return { flagged };
}

/**
 * Records a reviewer's legal qualification and training (REV-6). An administrator never records
 * their own: the qualification that lets a person review is attested by someone else (LAW-12).
 */
export async function recordReviewer(
  ports: ReviewPorts,
  principal: Principal,
  userId: string,
  input: ReviewerInput,
): Promise<Reviewer> {
  if (userId === principal.sub) throw new Forbidden('不能登记本人的审核资格（须由其他管理员登记）');
  const reviewer: Reviewer = {
    ...input,
    userId,
    agencyId: principal.agencyId,
    updatedAt: ports.now().toISOString(),
    updatedBy: principal.sub,
  };
  await ports.reviews.putReviewer(reviewer);
  return reviewer;
}

/**
 * A year's calendar was loaded or changed (LAW-8): a pending review's due date computed again,
 * journaled on its case. An extended review keeps its extended date unless a year held it.
 */
export async function recomputeReviewDeadline(
  ports: ReviewPorts,
  agencyId: string,
  id: string,
  year: number,
): Promise<boolean> {
  return withRetry(async () => {
    const review = await ports.reviews.get(agencyId, id);
    const round = review?.rounds.at(-1);
    if (!review || !round || review.status !== 'pending') return false;
    if (review.dueBy !== null && (review.extension || !(String(year) in round.calendarVersions)))
      return false;
    const profile = await ports.agencies.get(agencyId);
    const due = await heldDeadline(
      ports,
      legalDateOf(new Date(round.submittedAt)),
      profile?.reviewWorkingDays ?? REVIEW_WORKING_DAYS,
    );
    if (due.dueBy === review.dueBy) return false;
    const system: Principal = { sub: 'system:calendar', name: '节假日日历', agencyId, roles: [] };
    const rounds = review.rounds.map((item) =>
      item.round === round.round
        ? { ...item, dueBy: due.dueBy, calendarVersions: due.calendarVersions }
        : item,
    );
    await saveReview(
      ports,
      system,
      await getCase(ports, agencyId, review.caseId),
      review,
      { ...review, rounds, dueBy: due.dueBy },
      'review.deadline-recomputed',
      {
        year,
        from: review.dueBy,
        to: due.dueBy,
      },
    );
    return true;
  });
}
