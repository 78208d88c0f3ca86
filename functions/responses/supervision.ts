import * as z from 'zod';
import { JournalEntry, JournalVerification } from '#functions/responses/cases.ts';
import { entity, Instant, LegalDate, page } from '#functions/responses/common.ts';
import { ALERT_KINDS } from '#shared/supervision/domain/alert.ts';

export const ComplaintAbout = entity({ kind: z.string(), ref: z.string() });

/** A complaint as staff read it (SUP-1): what the complainant wrote, the term and the answer. */
export const Complaint = entity({
  complaintId: z.string(),
  agencyId: z.string(),
  about: ComplaintAbout,
  aboutName: z.string(),
  text: z.string(),
  contact: z.string().optional(),
  status: z.enum(['received', 'answered', 'overdue']),
  receivedAt: Instant,
  answerBy: LegalDate,
  answer: entity({
    text: z.string(),
    answeredAt: Instant,
    answeredBy: z.string(),
    answeredByName: z.string(),
  }).optional(),
});

export const ComplaintPage = page(Complaint);

/** What a receipt shows (SUP-1, LAW-5): nothing of what the complainant wrote. */
export const ComplaintReceiptView = z.strictObject({
  status: z.enum(['received', 'answered', 'overdue', 'closed']),
  answerBy: LegalDate,
  answer: z.string().optional(),
});

export const ComplaintFiled = z.strictObject({ receipt: z.string(), answerBy: LegalDate });

/** A supervision opinion or recommendation (SUP-3), with the agency's reports and the body's answers. */
export const SupervisionOpinion = entity({
  opinionId: z.string(),
  kind: z.enum(['opinion', 'recommendation']),
  number: z.string(),
  facts: z.string().optional(),
  ruleBroken: z.string(),
  demand: z.string().optional(),
  rectifyBy: LegalDate,
  sha256: z.string().describe('电子原件内容的 SHA-256'),
  verificationCode: z.string().describe('核验码（PUB-16），印在纸质文书上，附二维码'),
  issuedAt: Instant,
  issuedByName: z.string(),
  status: z.enum(['issued', 'reported', 'accepted', 'returned', 'overdue']),
  rectifications: z.array(
    entity({
      report: z.string(),
      attachments: z.array(z.string()),
      reportedAt: Instant,
      reportedByName: z.string(),
    }),
  ),
  acceptances: z.array(entity({ accepted: z.boolean(), note: z.string(), at: Instant, byName: z.string() })),
});

/** A decision referred for correction (SUP-3): open until the agency revokes it (PUB-11). */
export const SupervisionReferral = entity({
  referralId: z.string(),
  kind: z.enum(['correction', 'revocation']),
  caseId: z.string(),
  decisionNumber: z.string().optional(),
  reason: z.string(),
  ruleBroken: z.string(),
  correctBy: LegalDate,
  referredAt: Instant,
  referredByName: z.string(),
  status: z.enum(['open', 'done', 'overdue']),
  done: entity({
    at: Instant,
    byName: z.string(),
    revocationKind: z.string(),
    effectiveOn: LegalDate,
  }).optional(),
});

/** A supervision matter (SUP-2) with its opinions. */
export const SupervisionMatter = entity({
  matterId: z.string(),
  supervisorAgencyId: z.string(),
  supervisorName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  source: z.enum(['complaint', 'hotline', 'evaluation', 'alert', 'statistics', 'own-finding']),
  sourceRef: z.string().optional(),
  subject: entity({
    caseId: z.string().optional(),
    caseTitle: z.string().optional().describe('the case as people name it'),
    practice: z.string().optional(),
  }),
  facts: z.string(),
  openedAt: Instant,
  openedByName: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: Instant.optional(),
  opinions: z.array(SupervisionOpinion),
  referrals: z.array(SupervisionReferral),
  journalHead: entity({ seq: z.number().int(), hash: z.string() }),
  version: z.number().int(),
});

export const SupervisionMatterPage = page(SupervisionMatter);

/** A matter's journal, whole, and whether its hash chain holds (SUP-2). */
export const SupervisionMatterJournal = z.object({
  entries: z.array(JournalEntry),
  verification: JournalVerification,
});

const RubricItem = entity({
  itemId: z.string(),
  label: z.string(),
  maxPoints: z.number(),
  guide: z.string(),
});

/** A scored file (SUP-4): each rubric item's points, the total and whether it passed. */
const FileScore = entity({
  items: z.array(
    entity({
      itemId: z.string(),
      label: z.string(),
      points: z.number(),
      maxPoints: z.number(),
      note: z.string().optional(),
    }),
  ),
  total: z.number(),
  passed: z.boolean(),
  scoredAt: Instant,
  scoredBy: z.string(),
  scoredByName: z.string(),
});

const EvaluationTotals = entity({
  files: z.number().int(),
  scored: z.number().int(),
  complete: z.boolean(),
  average: z.number().nullable(),
  passed: z.number().int(),
  failed: z.number().int(),
  maxPoints: z.number(),
  passMark: z.number(),
});

/** A case-file evaluation (SUP-4): the seeded draw, its files and scores, totals and the year's ranking. */
export const Evaluation = entity({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  evaluatorAgencyId: z.string(),
  from: LegalDate,
  to: LegalDate,
  year: z.number().int(),
  rubric: entity({
    rubricId: z.string(),
    name: z.string(),
    source: z.string(),
    passMark: z.number(),
    items: z.array(RubricItem),
  }),
  seed: z.string(),
  algorithm: z.string(),
  poolSize: z.number().int(),
  poolSha256: z.string(),
  sampleSize: z.number().int(),
  createdAt: Instant,
  createdByName: z.string(),
  files: z.array(
    entity({
      order: z.number().int(),
      caseId: z.string(),
      title: z.string(),
      category: z.string(),
      unitId: z.string().optional(),
      closedOn: LegalDate,
      score: FileScore.optional(),
      flagged: z.boolean().optional(),
      /** The supervision matter its score below the pass mark opened (SUP-4, SUP-2). */
      supervisionMatterId: z.string().optional(),
    }),
  ),
  totals: EvaluationTotals,
  /** The files below the pass mark, for a supervision matter (SUP-2). */
  flagged: z.array(z.string()),
  ranking: entity({
    rank: z.number().int().nullable(),
    rows: z.array(
      entity({
        rank: z.number().int(),
        agencyId: z.string(),
        agencyName: z.string(),
        evaluationId: z.string(),
        average: z.number(),
        scored: z.number().int(),
        failed: z.number().int(),
      }),
    ),
  }),
});

/** The supervisory body's live alerts of an agency (SUP-5), the oldest first. */
export const Alerts = entity({
  agencyId: z.string(),
  today: LegalDate,
  items: z.array(
    entity({
      kind: z.enum(ALERT_KINDS),
      title: z.string(),
      concerns: entity({
        kind: z.enum(['publication', 'review', 'complaint', 'opinion', 'annual-report', 'inspection']),
        id: z.string(),
        caseId: z.string().optional(),
        name: z.string().optional(),
      }),
      since: LegalDate,
    }),
  ),
});

/** A page of an agency's evaluations, newest first, without their files (SUP-4). */
export const EvaluationPage = page(
  entity({
    id: z.string(),
    agencyId: z.string(),
    agencyName: z.string(),
    evaluatorAgencyId: z.string(),
    from: LegalDate,
    to: LegalDate,
    seed: z.string(),
    sampleSize: z.number().int(),
    createdAt: Instant,
    createdByName: z.string(),
    totals: EvaluationTotals,
  }),
);

const Count = z.number().int();
const BySource = z
  .record(z.string(), Count)
  .describe('by source: complaint, hotline, evaluation, alert, statistics, own-finding');

/** The yearly supervision report (SUP-6): counts, agencies' names and document numbers, nothing personal. */
export const SupervisionReport = entity({
  bodyId: z.string(),
  bodyName: z.string(),
  year: z.number().int(),
  status: z.literal('published'),
  publishedAt: Instant,
  matters: entity({ opened: Count, closed: Count, openedBySource: BySource, closedBySource: BySource }),
  opinions: entity({ opinion: Count, recommendation: Count, total: Count }),
  rectifications: entity({
    reportedOnTime: Count,
    reportedLate: Count,
    accepted: Count,
    returned: Count,
    overdue: Count.describe('opinions waiting for a report past their deadline at publication'),
    overdueDocuments: z.array(entity({ agencyId: z.string(), number: z.string(), rectifyBy: LegalDate })),
  }),
  complaints: entity({ received: Count, answeredOnTime: Count, answeredLate: Count }),
  evaluations: entity({
    evaluations: Count,
    filesDrawn: Count,
    filesScored: Count,
    filesFailed: Count,
    ranking: z.array(
      entity({
        rank: Count,
        agencyId: z.string(),
        agencyName: z.string(),
        average: z.number(),
        scored: Count,
        failed: Count,
      }),
    ),
  }),
  agencies: z.array(
    entity({
      agencyId: z.string(),
      agencyName: z.string(),
      mattersOpened: Count,
      mattersClosed: Count,
      opinionsIssued: Count,
      rectificationsReported: Count,
      rectificationsOverdue: Count,
      complaintsReceived: Count,
      complaintsAnsweredOnTime: Count,
      complaintsAnsweredLate: Count,
      evaluationsDrawn: Count,
    }),
  ),
});
