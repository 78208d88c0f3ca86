import * as z from 'zod';
import {
  DecisionDraft,
  DecisionIssued,
  Review,
  Reviewer,
  ReviewerList,
  ReviewPage,
  ReviewRequirement,
} from '#functions/responses/reviews.ts';
import { defineRoute, IdParam, standardErrors } from '#shared/http/route.ts';
import { PenaltyKind } from '#shared/kernel/penalty-kinds.ts';
import { AGENCY_ROLES } from '#shared/kernel/principal.ts';
import { PageQuery } from '#shared/kernel/store/pagination.ts';
import { Words } from '#shared/kernel/text.ts';
import { OpinionInput, REVIEW_STANDARDS } from '#shared/legal-review/domain/review.ts';
import { ReviewerInput } from '#shared/legal-review/domain/reviewer.ts';
import { Proposal } from '#shared/recording/domain/proposal.ts';

/** The case and whole-process recording routes of the route table (functions/routes.ts). */
const handlers = ['officer', 'unit-head', 'admin'] as const;

const IdParams = z.strictObject({ id: IdParam });

const Note = Words(2000);

/** The routes of `functions/reviews/`. */
export const reviewsRoutes = {
  reviewRequirement: defineRoute({
    method: 'GET',
    path: '/v1/cases/{id}/review-requirement',
    handler: 'reviews/review-requirement',
    access: AGENCY_ROLES,
    summary: '是否须经法制审核及所依据的目录条目 (REV-2, LAW-3)；可带拟作出的处罚',
    params: IdParams,
    query: z.object({
      penaltyKind: PenaltyKind.optional(),
      amount: z.coerce.number().nonnegative().max(1e12).optional(),
      outsideDiscretionBenchmark: z.enum(['true', 'false']).optional(),
    }),
    responses: {
      200: { schema: ReviewRequirement, description: '{required, matched: [{code, title, source}]}' },
      ...standardErrors,
    },
  }),
  decisionDraft: defineRoute({
    method: 'GET',
    path: '/v1/cases/{id}/decision/draft',
    handler: 'reviews/decision-draft',
    access: [...handlers, 'leader'],
    summary: '将作出的决定内容 (REC-12)：取自尚未使用的审核通过方案，否则取自最近的事先告知书；都没有时为空',
    params: IdParams,
    responses: {
      200: {
        schema: DecisionDraft,
        description: '{source: "review"|"notice"|null, reviewId?, noticeNumber?, proposal}',
      },
      ...standardErrors,
    },
  }),
  issueDecision: defineRoute({
    method: 'POST',
    path: '/v1/cases/{id}/decision',
    handler: 'reviews/issue-decision',
    journals: true,
    access: [...handlers, 'leader'],
    summary:
      '作出决定并生成决定书及文号 (REC-12)；决定内容取自审核通过的方案或事先告知书，可不再填写；重大执法决定须审核通过，否则 422 REVIEW_REQUIRED；同时生成公示及期限',
    params: IdParams,
    body: Proposal.partial(),
    responses: {
      201: {
        schema: DecisionIssued,
        description:
          '{decisionId, decidedAt, publication: {id, dueBy, status}, document: {recordId, number, sha256}}',
      },
      ...standardErrors,
      409: { description: 'CONFLICT: already decided' },
      422: {
        description: 'REVIEW_REQUIRED, CRIMINAL_TRANSFER, INVALID_TRANSITION, PROCEDURE_INCOMPLETE',
      },
    },
    idempotent: true,
    schedulesDueDates: true,
  }),
  submitReview: defineRoute({
    method: 'POST',
    path: '/v1/cases/{id}/reviews',
    handler: 'reviews/submit-review',
    journals: true,
    access: handlers,
    summary: '送法制审核：送审材料（本案文书）及承办人对材料真实完整的承诺 (REV-5)',
    params: IdParams,
    body: z.strictObject({
      materials: z.array(IdParam).min(1).max(200),
      note: Note.optional(),
      proposal: Proposal.optional(),
      /** Submitting is the attestation; it cannot be withheld. */
      attestation: z.literal(true).optional(),
    }),
    responses: {
      201: { schema: Review, description: '{id, status: "pending", round: 1, dueBy}' },
      ...standardErrors,
      409: { description: 'CONFLICT' },
    },
    idempotent: true,
  }),
  listReviews: defineRoute({
    method: 'GET',
    path: '/v1/reviews',
    handler: 'reviews/list-reviews',
    access: AGENCY_ROLES,
    summary: '法制审核队列',
    query: z.object({
      status: z.enum(['pending', 'approved', 'problems', 'disputed', 'transferred']).optional(),
      ...PageQuery,
    }),
    responses: { 200: { schema: ReviewPage, description: '{items, nextCursor}' }, ...standardErrors },
  }),
  getReview: defineRoute({
    method: 'GET',
    path: '/v1/reviews/{id}',
    handler: 'reviews/get-review',
    access: AGENCY_ROLES,
    summary: '法制审核及其各轮意见',
    params: IdParams,
    responses: { 200: { schema: Review, description: 'the review' }, ...standardErrors },
  }),
  giveOpinion: defineRoute({
    method: 'POST',
    path: '/v1/reviews/{id}/opinions',
    handler: 'reviews/give-opinion',
    journals: true,
    access: ['reviewer'],
    summary: '审核意见：七项标准逐项结论、通过或存在问题、书面意见并签名 (REV-3, REV-4)',
    params: IdParams,
    body: OpinionInput,
    responses: {
      200: { schema: Review, description: 'the review' },
      ...standardErrors,
      422: { description: 'REVIEWER_NOT_QUALIFIED' },
    },
  }),
  resubmitReview: defineRoute({
    method: 'POST',
    path: '/v1/reviews/{id}/resubmissions',
    handler: 'reviews/resubmit-review',
    journals: true,
    access: handlers,
    summary: '逐项回应审核问题后再次送审（下一轮）',
    params: IdParams,
    body: z.strictObject({
      responses: z
        .array(z.strictObject({ standard: z.enum(REVIEW_STANDARDS), note: Note }))
        .min(1)
        .max(7),
      materials: z.array(IdParam).min(1).max(200).optional(),
    }),
    responses: { 200: { schema: Review, description: 'the review' }, ...standardErrors },
  }),
  disputeReview: defineRoute({
    method: 'POST',
    path: '/v1/reviews/{id}/disputes',
    handler: 'reviews/dispute-review',
    journals: true,
    access: handlers,
    summary: '承办机构对审核意见有异议，提请局领导协调决定 (REV-5)',
    params: IdParams,
    body: z.strictObject({ reason: Note }),
    responses: { 200: { schema: Review, description: 'the review' }, ...standardErrors },
  }),
  ruleReview: defineRoute({
    method: 'POST',
    path: '/v1/reviews/{id}/rulings',
    handler: 'reviews/rule-review',
    journals: true,
    access: ['leader'],
    summary: '局领导对异议作出最终决定',
    params: IdParams,
    body: z.strictObject({ conclusion: z.enum(['approved', 'problems']), note: Note }),
    responses: { 200: { schema: Review, description: 'the review' }, ...standardErrors },
  }),
  extendReview: defineRoute({
    method: 'POST',
    path: '/v1/reviews/{id}/extensions',
    handler: 'reviews/extend-review',
    journals: true,
    access: ['leader'],
    summary: '经领导批准延长审核期限（一次）',
    params: IdParams,
    body: z.strictObject({ workingDays: z.number().int().min(1).max(30), reason: Note }),
    responses: { 200: { schema: Review, description: 'the review' }, ...standardErrors },
  }),
  putReviewer: defineRoute({
    method: 'PUT',
    path: '/v1/reviewers/{userId}',
    handler: 'reviews/put-reviewer',
    access: ['admin'],
    summary: '登记审核人员的法律职业资格和培训 (REV-6)',
    params: z.strictObject({ userId: z.string().trim().min(1).max(128) }),
    body: ReviewerInput,
    responses: { 200: { schema: Reviewer, description: 'the reviewer' }, ...standardErrors },
  }),
  listReviewers: defineRoute({
    method: 'GET',
    path: '/v1/reviewers',
    handler: 'reviews/list-reviewers',
    access: AGENCY_ROLES,
    summary: '审核人员及其资格、培训',
    responses: { 200: { schema: ReviewerList, description: '{items}' }, ...standardErrors },
  }),
};
