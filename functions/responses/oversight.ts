import * as z from 'zod';
import { entity, Instant, LegalDate } from '#functions/responses/common.ts';
import { ComplaintAbout } from '#functions/responses/supervision.ts';

const counts = z.record(z.string(), z.number().int());
const rate = z.number().nullable().describe('a fraction from 0 to 1, null when nothing was counted');

export const Stats = entity({
  agencyId: z.string(),
  from: LegalDate,
  to: LegalDate,
  cases: entity({ registered: z.number().int(), byCategory: counts, byStatus: counts }),
  publications: entity({
    decisions: z.number().int(),
    byStatus: counts,
    published: z.number().int(),
    publishedOnTime: z.number().int(),
    timelinessRate: rate,
  }),
  reviews: entity({
    submitted: z.number().int(),
    byStatus: counts,
    overdue: z.number().int(),
    rounds: z.number().int(),
    approvalRate: rate,
  }),
  av: entity({
    activitiesNeedingAv: z.number().int(),
    covered: z.number().int(),
    coverageRate: rate,
    unregisteredDeviceEvidence: z.number().int(),
    informingNotRecorded: z.number().int(),
  }),
  training: entity({
    sessions: z.number().int(),
    hours: z.number(),
    officersTrained: z.number().int(),
    keyStaffSessions: z.number().int(),
  }),
});

export const Overdue = entity({
  agencyId: z.string(),
  today: LegalDate,
  annualReport: entity({ year: z.number().int(), status: z.string() }),
  publications: z.array(
    entity({
      id: z.string(),
      caseId: z.string(),
      category: z.string(),
      status: z.string(),
      decidedOn: LegalDate,
      dueBy: LegalDate.nullable(),
    }),
  ),
  reviews: z.array(entity({ id: z.string(), caseId: z.string(), dueBy: LegalDate.nullable() })),
  /** Complaints unanswered past their last day (SUP-1): what reaches the supervisory body. */
  complaints: z.array(
    entity({
      complaintId: z.string(),
      about: ComplaintAbout,
      aboutName: z.string(),
      receivedAt: Instant,
      answerBy: LegalDate,
    }),
  ),
  /** Supervision opinions past their rectification deadline without a report (SUP-3). */
  rectifications: z.array(
    entity({ opinionId: z.string(), matterId: z.string(), number: z.string(), rectifyBy: LegalDate }),
  ),
});

const AnnualData = z.object({
  licensing: z.number().int(),
  penalty: z.number().int(),
  coercion: z.number().int(),
  levy: z.number().int(),
  requisition: z.number().int(),
  inspection: z.number().int(),
  other: z.number().int(),
});

export const AnnualReportVersion = entity({
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  status: z.string(),
  data: AnnualData,
  publications: z.object({ published: z.number().int(), withdrawn: z.number().int() }),
  publishedAt: Instant,
  publishedBy: z.string().optional(),
  correction: z.string().optional(),
});

export const AnnualReport = entity({
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number().int(),
  status: z.enum(['published', 'draft', 'overdue']),
  version: z.number().int().nullable(),
  publishedAt: Instant.nullable(),
  data: AnnualData,
  publications: z.object({ published: z.number().int(), withdrawn: z.number().int() }),
  generatedAt: Instant.optional(),
  correction: z.string().optional(),
  versions: z.array(
    entity({ version: z.number().int(), publishedAt: Instant, correction: z.string().optional() }),
  ),
});

export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
