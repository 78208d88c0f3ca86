import * as z from 'zod';
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
