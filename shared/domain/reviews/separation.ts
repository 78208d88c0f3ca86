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
    return '您在本案中制作过文书、登记过执法活动或音像证据，不能审核或裁决本案';
  if (record.handlers.includes(person)) return '您是本案的承办执法人员，不能审核或裁决本案';
  if (review.rounds.some((round) => round.submittedBy === person))
    return '您提交了本案的法制审核，不能审核或裁决本案';
  if (review.dispute?.by === person) return '您对本案审核意见提出了异议，不能裁决该异议';
  if (act === 'ruling' && review.rounds.some((round) => round.opinion?.reviewer === person))
    return '您作出了有争议的审核意见，不能裁决该异议';
  return undefined;
}
