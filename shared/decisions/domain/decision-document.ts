import { issueDetails, ValidationFailed } from '#shared/kernel/errors.ts';
import { penaltyLabels } from '#shared/kernel/penalty-kinds.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';
import { approvalStands } from '#shared/legal-review/domain/separation.ts';
import type { EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import { type CaseRecord, lastRevocation, latestNotice } from '#shared/recording/domain/case.ts';
import { type CaseDocument, type DocumentType, documentLabel } from '#shared/recording/domain/documents.ts';
import { Proposal } from '#shared/recording/domain/proposal.ts';

/**
 * The decision as a document (REC-12): which 决定书 a decision is, the fields it prints, and where
 * its content comes from (the approved proposal, or the prior notice): what the party was told
 * and what the review approved are not typed again.
 */

/** 行政复议法 art. 20 (sixty days), 行政诉讼法 art. 46 (six months). */
export const REMEDIES =
  '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';
/** 行政处罚法 arts. 67, 72. */
const FINE_PAYMENT =
  '自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款；到期不缴纳的，每日按罚款数额的百分之三加处罚款。';

/** The 决定书 of a decision: by category, and for penalty and licensing whether it grants or refuses. */
export function decisionDocumentType(category: EnforcementCategory, proposal: Proposal): DocumentType {
  if (category === 'penalty')
    return proposal.penalty?.kind === 'no-penalty' ? 'no-penalty-decision' : 'penalty-decision';
  if (category === 'licensing')
    return /不予|不准予/.test(proposal.type) ? 'licensing-refusal' : 'licensing-decision';
  return 'enforcement-decision';
}

/** The penalty in words, as the decision states it: 罚款人民币20000元. */
export function penaltyText(penalty: NonNullable<Proposal['penalty']>): string {
  if (penalty.kind === 'fine') return `罚款人民币${penalty.amount ?? 0}元`;
  if (penalty.kind === 'confiscation') return `没收违法所得、非法财物（价值人民币${penalty.amount ?? 0}元）`;
  return penaltyLabels[penalty.kind];
}

/** The fields of the decision's document, in its template's order, from the decision and the case file. */
export function decisionDocumentFields(
  type: DocumentType,
  proposal: Proposal,
  caseDocuments: readonly { type: string; number: string }[],
): Record<string, unknown> {
  const records = caseDocuments.filter((document) => document.type !== 'service-receipt');
  const evidence =
    records.length > 0
      ? `本案卷宗所载：${records.map((document) => `${documentLabel(document.type)}（${document.number}）`).join('、')}`
      : '见本案卷宗';
  switch (type) {
    case 'penalty-decision':
      return {
        facts: proposal.summary,
        evidence,
        legalBasis: proposal.legalBasis,
        penalty: proposal.penalty ? penaltyText(proposal.penalty) : proposal.type,
        ...(proposal.penalty?.kind === 'fine' ? { paymentMethod: FINE_PAYMENT } : {}),
        remedies: REMEDIES,
      };
    case 'no-penalty-decision':
      return { facts: proposal.summary, evidence, legalBasis: proposal.legalBasis, remedies: REMEDIES };
    case 'licensing-decision':
      return { content: proposal.summary, legalBasis: proposal.legalBasis, remedies: REMEDIES };
    case 'licensing-refusal':
      return { reasons: proposal.summary, legalBasis: proposal.legalBasis, remedies: REMEDIES };
    default:
      return {
        facts: proposal.summary,
        legalBasis: proposal.legalBasis,
        content: proposal.type,
        remedies: REMEDIES,
      };
  }
}

/** Where a decision's content comes from: the proposal a review approved, or the prior notice served. */
export type DecisionSource =
  | { from: 'review'; reviewId: string; proposal: Proposal }
  | { from: 'notice'; number: string; proposal: Partial<Proposal> };

/**
 * Where the decision's content comes from: the last approved review not yet used that still
 * stands, or else the case's last prior notice, or nothing (the client states the decision).
 */
export function decisionSource(
  record: CaseRecord,
  reviews: readonly Review[],
  documents: readonly CaseDocument[],
): DecisionSource | undefined {
  const approved = reviews
    .filter((review) => review.status === 'approved' && review.usedByDecision === undefined)
    .filter((review) => approvalStands(review, record, lastRevocation(record)))
    .at(-1);
  if (approved?.proposal) return { from: 'review', reviewId: approved.id, proposal: approved.proposal };
  const notice = latestNotice(record, documents);
  return notice
    ? { from: 'notice', number: notice.number, proposal: noticeProposal(notice.fields) }
    : undefined;
}

/** A prior notice as the decision it announces: its facts, its legal basis, its penalty. */
export function noticeProposal(fields: Record<string, unknown>): Partial<Proposal> {
  const parsed = Proposal.partial().safeParse({
    type: '行政处罚决定',
    summary: fields.facts,
    legalBasis: fields.legalBasis,
    penalty: fields.penalty,
  });
  return parsed.success ? parsed.data : {};
}

/**
 * The decision to issue: what the client gave, the rest filled in from the source. What the
 * client gives is bound by the rules, not trusted: a decision other than the approved proposal
 * (another wording too) needs its own review (REVIEW_REQUIRED), a penalty heavier than notified a
 * new notice (PROCEDURE_INCOMPLETE at `steps.penalty-prior-notice`). The notice's facts and legal
 * basis fill in what the client left out.
 */
export function decisionContent(input: Partial<Proposal>, source: DecisionSource | undefined): Proposal {
  const parsed = Proposal.safeParse({ ...source?.proposal, ...input });
  if (!parsed.success)
    throw new ValidationFailed(
      issueDetails(parsed.error.issues),
      source ? '决定内容不完整' : '本案没有法制审核通过的方案或事先告知书，请填写决定内容',
    );
  return parsed.data;
}
