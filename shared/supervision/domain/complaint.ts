import { randomInt } from 'node:crypto';
import * as z from 'zod';
import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import { Words } from '#shared/kernel/text.ts';

/**
 * Days an agency has to answer a complaint (SUP-1) unless its profile sets its own
 * (`complaintAnswerDays`): 《信访工作条例》（2022年）第三十二条, a matter is to be concluded within
 * 60 days of acceptance. docs/supervision.md says why this term was chosen.
 */
export const COMPLAINT_ANSWER_DAYS = 60;

/** What a complaint is about; `ref` names it (a certificate number, a decision's id, the agency's id). */
export const ComplaintAboutKind = z.enum(['officer', 'decision', 'inspection', 'agency']);
export type ComplaintAboutKind = z.infer<typeof ComplaintAboutKind>;

export const complaintAboutLabels: Record<ComplaintAboutKind, string> = {
  officer: '执法人员',
  decision: '执法决定',
  inspection: '行政检查',
  agency: '执法机关',
};

const Text = Words(2000, 5);
const Contact = z.string().trim().min(1).max(100).optional();

/** `POST /public/v1/complaints` (SUP-1): about what, at which agency, what happened. */
export const ComplaintInput = z.strictObject({
  about: z.strictObject({ kind: ComplaintAboutKind, ref: z.string().trim().min(1).max(100) }),
  agencyId: z.string().trim().min(1).max(64),
  text: Text,
  contact: Contact,
});
export type ComplaintInput = z.infer<typeof ComplaintInput>;

/** The older form of the certificate page (PUB-5): a complaint about the officer whose page it is. */
export const OfficerComplaintInput = z.strictObject({ content: Text, contact: Contact });
export type OfficerComplaintInput = z.infer<typeof OfficerComplaintInput>;

export const AnswerInput = z.strictObject({ answer: Words(4000, 2) });

export interface Complaint {
  complaintId: string;
  agencyId: string;
  about: { kind: ComplaintAboutKind; ref: string };
  /** What `about` names, as people read it (the officer's name, the decision's title). */
  aboutName: string;
  text: string;
  contact?: string;
  receivedAt: string;
  /** The last day of the answer term (a 北京时间 date). */
  answerBy: string;
  status: 'received' | 'answered';
  answer?: { text: string; answeredAt: string; answeredBy: string; answeredByName: string };
  version: number;
}

/** The status as the complainant and the supervisor read it: `overdue` once the term has passed unanswered. */
export function complaintStatus(complaint: Complaint, now: Date): 'received' | 'answered' | 'overdue' {
  if (complaint.status === 'answered') return 'answered';
  return complaint.answerBy < legalDateOf(now) ? 'overdue' : 'received';
}

export function answerByOf(receivedAt: Date, answerDays: number | undefined): string {
  return addCalendarDays(legalDateOf(receivedAt), answerDays ?? COMPLAINT_ANSWER_DAYS);
}

/**
 * Crockford's base32: no I, L, O or U, so a receipt read aloud or retyped from paper survives
 * the confusions people make (O for 0, l for 1); case does not matter.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECEIPT_CHARS = 16;

/** A receipt a complainant keeps: 16 random base32 characters (80 bits), in groups of four. */
export function newReceipt(): string {
  const chars = Array.from({ length: RECEIPT_CHARS }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** A receipt as typed (any case, with or without dashes or spaces, O for 0, I or L for 1) to its canonical form. */
export function canonicalReceipt(typed: string): string | undefined {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== RECEIPT_CHARS || [...chars].some((char) => !ALPHABET.includes(char))) return undefined;
  return chars.match(/.{4}/g)?.join('-');
}

export const Receipt = z
  .string()
  .max(40)
  .transform((typed, context) => {
    const receipt = canonicalReceipt(typed);
    if (receipt) return receipt;
    context.addIssue({ code: 'custom', message: '受理编号应为 16 位字母和数字' });
    return z.NEVER;
  });
