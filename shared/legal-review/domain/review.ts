import * as z from 'zod';
import type { Deadline } from '#shared/kernel/calendar.ts';
import { Words } from '#shared/kernel/text.ts';
import type { MatchedRule } from '#shared/legal-review/domain/catalog.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';

/** The seven review standards (REV-3), in the order of docs/api.md. */
export const REVIEW_STANDARDS = [
  'agency-and-officers',
  'procedure',
  'facts-and-evidence',
  'legal-basis-and-discretion',
  'within-powers',
  'documents',
  'criminal-transfer',
] as const;
export type ReviewStandard = (typeof REVIEW_STANDARDS)[number];

export const standardLabels: Record<ReviewStandard, string> = {
  'agency-and-officers': '执法主体合法、执法人员具备资格',
  procedure: '执法程序合法',
  'facts-and-evidence': '事实清楚、证据合法充分',
  'legal-basis-and-discretion': '适用法律准确、裁量适当',
  'within-powers': '未超越法定职权',
  documents: '执法文书完备规范',
  'criminal-transfer': '涉嫌犯罪应当移送司法机关',
};

const Note = Words(2000);

export const Finding = z.strictObject({
  standard: z.enum(REVIEW_STANDARDS),
  result: z.enum(['pass', 'problem']),
  note: Note.optional(),
});

/** An opinion answers every standard exactly once, and its conclusion agrees with its findings. */
export const OpinionInput = z
  .strictObject({
    findings: z.array(Finding).length(REVIEW_STANDARDS.length, { error: '须对七项审核标准逐项作出结论' }),
    conclusion: z.enum(['approved', 'problems']),
    opinion: Words(10000, 2),
  })
  .superRefine((input, context) => {
    const standards = new Set(input.findings.map((finding) => finding.standard));
    for (const standard of REVIEW_STANDARDS) {
      if (!standards.has(standard)) {
        context.addIssue({
          code: 'custom',
          path: ['findings'],
          message: `缺少审核标准：${standardLabels[standard]}`,
        });
      }
    }
    const problems = input.findings.filter((finding) => finding.result === 'problem');
    if (input.conclusion === 'approved' && problems.length > 0) {
      context.addIssue({ code: 'custom', path: ['conclusion'], message: '存在问题的审核不能结论为通过' });
    }
    if (input.conclusion === 'problems' && problems.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['conclusion'],
        message: '结论为存在问题时须指出问题所在的标准',
      });
    }
    for (const [index, finding] of input.findings.entries()) {
      if (finding.result === 'problem' && !finding.note) {
        context.addIssue({
          code: 'custom',
          path: ['findings', index, 'note'],
          message: '存在问题的标准须说明问题',
        });
      }
    }
  });
export type OpinionInput = z.infer<typeof OpinionInput>;

export interface Opinion extends OpinionInput {
  reviewer: string;
  reviewerName: string;
  signedAt: string;
}

export interface Round {
  round: number;
  submittedAt: string;
  submittedBy: string;
  /** The submitter's statement that the materials are true and complete (REV-5). */
  attestation: string;
  materials: string[];
  note?: string;
  responses?: { standard: ReviewStandard; note: string }[];
  dueBy: string | null;
  calendarVersions: Deadline['calendarVersions'];
  opinion?: Opinion;
}

export type ReviewStatus = 'pending' | 'approved' | 'problems' | 'disputed' | 'transferred';

export interface Review {
  id: string;
  caseId: string;
  agencyId: string;
  unitId?: string;
  /** The case's title and party as they were when it was submitted, for the review queue. */
  caseTitle?: string;
  partyName?: string;
  status: ReviewStatus;
  round: number;
  rounds: Round[];
  /** The decision under review; its hash binds an approval to it. */
  proposal?: Proposal;
  proposalHash?: string;
  matchedRules: MatchedRule[];
  dueBy: string | null;
  extension?: { workingDays: number; reason: string; approvedBy: string; at: string };
  overdue?: boolean;
  dispute?: { reason: string; by: string; at: string };
  ruling?: { conclusion: 'approved' | 'problems'; note: string; by: string; byName: string; at: string };
  transfer?: { at: string; by: string; note: string };
  /** The decision this approval was used for; an approval serves one decision. */
  usedByDecision?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const ATTESTATION = '承办人员保证所提交的材料真实、完整，并对其真实性、完整性负责。';
