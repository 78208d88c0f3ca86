import * as z from 'zod';
import { LegalDate, legalDateOf } from '#shared/kernel/dates.ts';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import { labelledEnum } from '#shared/kernel/labelled-enum.ts';
import { Words } from '#shared/kernel/text.ts';
import {
  MATTER_SOURCES,
  type MatterSource,
  matterSourceLabels,
  OPINION_KINDS,
  type OpinionKind,
  opinionKindLabels,
} from '#shared/supervision/domain/matter-labels.ts';
import type { Referral } from '#shared/supervision/domain/referral.ts';

/** The mark of each kind's number series after the supervisory body's prefix, as case documents have theirs. */
const numberMarks: Record<OpinionKind, string> = { opinion: '监意', recommendation: '监建' };

/** `POST /v1/supervision/matters` (SUP-2). */
export const MatterInput = z
  .strictObject({
    agencyId: z.string().trim().min(1).max(64),
    source: labelledEnum(MATTER_SOURCES, matterSourceLabels),
    /**
     * The complaint (its id: it must be one the agency received), hotline ticket, evaluation or
     * alert it comes from; required for a complaint and a 12345 transfer.
     */
    sourceRef: z.string().trim().min(1).max(100).optional(),
    subject: z.strictObject({
      caseId: z.string().trim().min(1).max(64).optional(),
      /** A practice rather than one case: 有案不立, 以罚代管, 选择性执法 and the like. */
      practice: z.string().trim().min(1).max(200).optional(),
    }),
    facts: Words(4000),
  })
  .superRefine((input, context) => {
    if ((input.source === 'complaint' || input.source === 'hotline') && input.sourceRef === undefined)
      context.addIssue({
        code: 'custom',
        path: ['sourceRef'],
        message: input.source === 'complaint' ? '请填写所依据的投诉编号' : '请填写12345热线转办工单号',
      });
  });
export type MatterInput = z.infer<typeof MatterInput>;

/** `POST /v1/supervision/matters/{id}/opinions` (SUP-3). */
export const OpinionInput = z.strictObject({
  kind: labelledEnum(OPINION_KINDS, opinionKindLabels),
  /** The facts found, when the opinion states more than the matter's. */
  facts: Words(4000).optional(),
  /** The rule broken: the law and article, and how. */
  ruleBroken: Words(2000),
  /** What the agency is to do. */
  demand: Words(2000).optional(),
  rectifyBy: LegalDate,
});
export type OpinionInput = z.infer<typeof OpinionInput>;

export const RectificationInput = z.strictObject({
  report: Words(8000),
  /** Evidence of the rectification: record ids, document numbers or file names. */
  attachments: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
});
export type RectificationInput = z.infer<typeof RectificationInput>;

export const AcceptanceInput = z.strictObject({ accepted: z.boolean(), note: Words(2000) });
export type AcceptanceInput = z.infer<typeof AcceptanceInput>;

export type OpinionStatus = 'issued' | 'reported' | 'accepted' | 'returned';

export interface Opinion {
  opinionId: string;
  kind: OpinionKind;
  /** The document's number in the supervisory body's series, e.g. 昌司监意〔2026〕1号. */
  number: string;
  facts?: string;
  ruleBroken: string;
  demand?: string;
  rectifyBy: string;
  /** SHA-256 of the document's canonical content, printed so the paper can be checked (PUB-16). */
  sha256: string;
  /** The short code printed with its QR code, in the case documents' scheme (PUB-16). */
  verificationCode: string;
  issuedAt: string;
  issuedBy: string;
  issuedByName: string;
  status: OpinionStatus;
  /** The agency's reports, the newest last; a returned report is followed by another. */
  rectifications: {
    report: string;
    attachments: string[];
    reportedAt: string;
    reportedBy: string;
    reportedByName: string;
  }[];
  /** The supervisory body's answers to the reports, one per report it answered. */
  acceptances: { accepted: boolean; note: string; at: string; by: string; byName: string }[];
}

/** A supervision matter (SUP-2): opened by a supervisory body against an agency it supervises. */
export interface SupervisionMatter {
  matterId: string;
  /** The supervisory body (县司法局) that opened it. */
  supervisorAgencyId: string;
  supervisorName: string;
  /** The agency supervised. */
  agencyId: string;
  agencyName: string;
  source: MatterSource;
  sourceRef?: string;
  subject: { caseId?: string; caseTitle?: string; practice?: string };
  facts: string;
  openedAt: string;
  openedBy: string;
  openedByName: string;
  status: 'open' | 'closed';
  closedAt?: string;
  opinions: Opinion[];
  /** Its case's decision referred for correction (SUP-3); absent on a matter that never referred one. */
  referrals?: Referral[];
  /** The last entry of the matter's journal: what its verification checks against. */
  journalHead: { seq: number; hash: string };
  version: number;
}

export type MatterJournalEntry = JournalEntry;

/** Each step of a matter, as its journal names it (SUP-2). */
export type MatterStep =
  | 'matter.opened'
  | 'opinion.issued'
  | 'rectification.reported'
  | 'rectification.accepted'
  | 'rectification.returned'
  | 'decision.referred'
  | 'referral.done';

/**
 * An opinion's status as both sides read it: `overdue` while the rectification asked for by
 * `rectifyBy` has not been reported (or was returned) and that day has passed.
 */
export function opinionStatus(opinion: Opinion, now: Date): OpinionStatus | 'overdue' {
  return awaitsReport(opinion) && opinion.rectifyBy < legalDateOf(now) ? 'overdue' : opinion.status;
}

/** Whether the opinion waits for the agency's rectification report: it is in the open-work index. */
export const awaitsReport = (opinion: Opinion) =>
  opinion.status === 'issued' || opinion.status === 'returned';

/** The number of the `serial`th document of a kind in `year`: 昌司监意〔2026〕3号. */
export function opinionNumber(prefix: string, kind: OpinionKind, year: string, serial: number): string {
  return `${prefix}${numberMarks[kind]}〔${year}〕${serial}号`;
}

/** The serial series' name of a kind, kept beside the case documents' series of the same body. */
export const opinionSeries = (kind: OpinionKind) => `supervision-${kind}`;

/**
 * Why a report or an acceptance cannot be made now, or undefined when it can (SUP-3): a report
 * answers an issued or returned opinion; an acceptance answers a report.
 */
export function rectificationRefusal(opinion: Opinion, step: 'report' | 'accept'): string | undefined {
  if (step === 'report') {
    if (opinion.status === 'reported') return '整改报告已提交，正在等待监督机关审核';
    if (opinion.status === 'accepted') return '整改已通过验收，不能再提交整改报告';
    return undefined;
  }
  if (opinion.status === 'issued' || opinion.status === 'returned') return '被监督机关尚未提交整改报告';
  if (opinion.status === 'accepted') return '整改已通过验收';
  return undefined;
}

/**
 * Whether a matter is done (SUP-3): it asked for something — an opinion or a referral — and every
 * opinion's rectification is accepted and every referral done by the decision's revocation.
 */
export const matterSettled = (matter: Pick<SupervisionMatter, 'opinions' | 'referrals'>) => {
  const referrals = matter.referrals ?? [];
  return (
    matter.opinions.length + referrals.length > 0 &&
    matter.opinions.every((opinion) => opinion.status === 'accepted') &&
    referrals.every((referral) => referral.status === 'done')
  );
};
