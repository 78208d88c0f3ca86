import * as z from 'zod';
import { CalendarVersions, entity, Instant, LegalDate, list, page } from '#functions/responses/common.ts';

export const Proposal = entity({
  type: z.string(),
  summary: z.string(),
  legalBasis: z.string(),
  penalty: entity({ kind: z.string(), amount: z.number().optional() }).optional(),
  outsideDiscretionBenchmark: z.boolean().optional(),
});

export const MatchedRule = entity({ code: z.string(), title: z.string(), source: z.string() });

export const ReviewRequirement = z.object({ required: z.boolean(), matched: z.array(MatchedRule) });

export const Opinion = entity({
  findings: z.array(entity({ standard: z.string(), result: z.string(), note: z.string().optional() })),
  conclusion: z.string(),
  opinion: z.string(),
  reviewer: z.string(),
  reviewerName: z.string(),
  signedAt: Instant,
});

export const Round = entity({
  round: z.number().int(),
  submittedAt: Instant,
  submittedBy: z.string(),
  attestation: z.string(),
  materials: z.array(z.string()),
  note: z.string().optional(),
  dueBy: LegalDate.nullable(),
  calendarVersions: CalendarVersions,
  responses: z.array(entity({ standard: z.string(), note: z.string() })).optional(),
  opinion: Opinion.optional(),
});

export const Review = entity({
  id: z.string(),
  agencyId: z.string(),
  caseId: z.string(),
  unitId: z.string().optional(),
  caseTitle: z.string().optional().describe('案件名称（提交审核时）'),
  partyName: z.string().optional().describe('当事人（提交审核时）'),
  status: z.enum(['pending', 'approved', 'problems', 'disputed', 'transferred']),
  round: z.number().int(),
  rounds: z.array(Round),
  proposal: Proposal.optional(),
  proposalHash: z.string().optional(),
  matchedRules: z.array(MatchedRule),
  dueBy: LegalDate.nullable(),
  overdue: z.boolean().optional(),
  extension: entity({
    workingDays: z.number().int(),
    reason: z.string(),
    approvedBy: z.string(),
    at: Instant,
  }).optional(),
  dispute: entity({ reason: z.string(), by: z.string(), at: Instant }).optional(),
  ruling: entity({
    conclusion: z.string(),
    note: z.string(),
    by: z.string(),
    byName: z.string(),
    at: Instant,
  }).optional(),
  transfer: entity({ note: z.string(), by: z.string(), at: Instant }).optional(),
  usedByDecision: z.string().optional(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});

export const Reviewer = entity({
  agencyId: z.string(),
  userId: z.string(),
  name: z.string(),
  legalQualificationNo: z.string().optional(),
  qualifiedOn: LegalDate.optional(),
  reviewingSince: LegalDate.optional(),
  trainings: z.array(entity({ title: z.string(), date: LegalDate, hours: z.number() })).optional(),
  updatedAt: Instant,
  updatedBy: z.string(),
});

export const DecisionIssued = z.object({
  decisionId: z.string(),
  decidedAt: Instant,
  publication: z.object({ id: z.string(), dueBy: LegalDate.nullable(), status: z.string() }),
  document: z.object({ recordId: z.string(), number: z.string(), sha256: z.string() }).describe('决定书'),
});

/** What the decision would say if issued now (REC-12): from the approved proposal or the notice. */
export const DecisionDraft = z.object({
  source: z.enum(['review', 'notice']).nullable(),
  reviewId: z.string().optional(),
  noticeNumber: z.string().optional(),
  proposal: z.looseObject({
    type: z.string().optional(),
    summary: z.string().optional(),
    legalBasis: z.string().optional(),
    penalty: z.object({ kind: z.string(), amount: z.number().optional() }).optional(),
  }),
});

export const ReviewPage = page(Review);
export const ReviewerList = list(Reviewer);
