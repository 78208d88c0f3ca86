/**
 * Separation of duties (LAW-12, REV-1): nobody reviews, rules on or approves their own work. The
 * people excluded from judging a case are computed from what the case and its review know.
 */
export interface CaseParticipants {
  createdBy: string;
  handlers: readonly string[];
  authors?: readonly string[] | undefined;
}

export interface ReviewParticipants {
  rounds: readonly { submittedBy: string; opinion?: { reviewer: string } | undefined }[];
  dispute?: { by: string } | undefined;
}

export type JudgingAct = 'opinion' | 'ruling';

/**
 * Why this person may not give the review opinion or rule on its dispute, or undefined when they
 * may. A ruling is also refused to whoever wrote an opinion under review (the leader rules on the
 * dispute between handler and reviewer, and is neither).
 */
export function exclusionReason(
  person: string,
  act: JudgingAct,
  record: CaseParticipants,
  review: ReviewParticipants,
): string | undefined {
  if (record.createdBy === person) return '您登记了本案（立案人），不能审核或裁决本案';
  if (record.authors?.includes(person))
    return '您参与了本案的办理（制作文书、登记执法活动或音像证据、送审或提出异议），不能审核或裁决本案';
  if (record.handlers.includes(person)) return '您是本案的承办执法人员，不能审核或裁决本案';
  if (review.rounds.some((round) => round.submittedBy === person))
    return '您提交了本案的法制审核，不能审核或裁决本案';
  if (review.dispute?.by === person) return '您对本案审核意见提出了异议，不能裁决该异议';
  if (act === 'ruling' && review.rounds.some((round) => round.opinion?.reviewer === person))
    return '您作出了有争议的审核意见，不能裁决该异议';
  return undefined;
}

export interface ApprovalFacts extends ReviewParticipants {
  rounds: readonly { submittedBy: string; opinion?: { reviewer: string; signedAt: string } | undefined }[];
  ruling?: { by: string; at: string } | undefined;
}

/** Who approved a review: the reviewer of its last opinion and, after a dispute, the ruling leader. */
export function approvers(review: ApprovalFacts): string[] {
  const reviewer = review.rounds.at(-1)?.opinion?.reviewer;
  return [...(reviewer ? [reviewer] : []), ...(review.ruling ? [review.ruling.by] : [])];
}

/** When a review was approved: the ruling, or else the last opinion. */
export function approvedAt(review: ApprovalFacts): string | undefined {
  return review.ruling?.at ?? review.rounds.at(-1)?.opinion?.signedAt;
}

/**
 * Whether an approval still stands for a decision made now (LAW-12): given after the last
 * revocation of the case's decision, and by people who have not since worked on the case.
 */
export function approvalStands(
  review: ApprovalFacts,
  record: CaseParticipants,
  lastRevocation: string | undefined,
): boolean {
  const at = approvedAt(review);
  if (at === undefined || (lastRevocation !== undefined && at <= lastRevocation)) return false;
  return approvers(review).every(
    (person) => exclusionReason(person, 'opinion', record, { rounds: [] }) === undefined,
  );
}
