import * as z from 'zod';
import { JournalEntry, JournalVerification } from '#functions/responses/cases.ts';
import { entity, Instant, LegalDate, page } from '#functions/responses/common.ts';

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

/** A supervision matter (SUP-2) with its opinions. */
export const SupervisionMatter = entity({
  matterId: z.string(),
  supervisorAgencyId: z.string(),
  supervisorName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  source: z.enum(['complaint', 'hotline', 'evaluation', 'alert', 'statistics', 'own-finding']),
  sourceRef: z.string().optional(),
  subject: entity({ caseId: z.string().optional(), practice: z.string().optional() }),
  facts: z.string(),
  openedAt: Instant,
  openedByName: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: Instant.optional(),
  opinions: z.array(SupervisionOpinion),
  journalHead: entity({ seq: z.number().int(), hash: z.string() }),
  version: z.number().int(),
});

export const SupervisionMatterPage = page(SupervisionMatter);

/** A matter's journal, whole, and whether its hash chain holds (SUP-2). */
export const SupervisionMatterJournal = z.object({
  entries: z.array(JournalEntry),
  verification: JournalVerification,
});
