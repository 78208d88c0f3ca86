import { Conflict, Forbidden, issueDetails, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { deadline } from '#shared/kernel/use-cases/calendar.ts';
import {
  OpinionInput,
  type Review,
  type ReviewStandard,
  standardLabels,
} from '#shared/legal-review/domain/review.ts';
import { reviewerRefusal } from '#shared/legal-review/domain/reviewer.ts';
import { exclusionReason } from '#shared/legal-review/domain/separation.ts';
import { getReview, type ReviewPorts } from '#shared/legal-review/use-cases/review-access.ts';
import { checkMaterials, openRound } from '#shared/legal-review/use-cases/submit-review.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { assertMayHandle } from '#shared/recording/use-cases/case-access.ts';
import { authoredBy, changeWithCase, commitCaseChange } from '#shared/recording/use-cases/case-commit.ts';

/** A command on a review and its case, read afresh on each attempt (`changeWithCase`). */
export const changeReview = <T>(
  ports: ReviewPorts,
  agencyId: string,
  reviewId: string,
  change: (review: Review, record: CaseRecord) => Promise<T>,
): Promise<T> => changeWithCase(ports, agencyId, () => getReview(ports, agencyId, reviewId), change);

/** Writes a review change with its journal entry on the case it was read with. */
export async function saveReview(
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
