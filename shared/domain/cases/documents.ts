import * as z from 'zod';
import { labelledEnum } from '#shared/domain/labelled-enum.ts';

/**
 * The standard enforcement documents (REC-2): each a template with a zod schema of its fields and
 * the character that marks its number, e.g. 昌民罚〔2026〕12号 for a penalty decision.
 */
const Text = (max = 2000) => z.string().trim().min(1).max(max);
const When = z.iso.datetime({ offset: true });

export const documentTemplates = {
  'case-registration': {
    label: '立案审批表',
    mark: '立',
    fields: z.strictObject({
      caseSource: Text(200),
      briefFacts: Text(),
      legalBasis: Text(),
      proposal: Text(500),
    }),
  },
  'on-site-inspection-record': {
    label: '现场检查笔录',
    mark: '检',
    fields: z.strictObject({
      place: Text(200),
      startedAt: When,
      endedAt: When,
      inspectedParty: Text(200),
      findings: Text(),
      partyStatement: Text().optional(),
    }),
  },
  'interview-record': {
    label: '询问笔录',
    mark: '询',
    fields: z.strictObject({
      interviewee: Text(100),
      place: Text(200),
      startedAt: When,
      endedAt: When,
      questionsAndAnswers: z
        .array(z.strictObject({ question: Text(), answer: Text() }))
        .min(1)
        .max(200),
    }),
  },
  'evidence-preservation-notice': {
    label: '证据先行登记保存通知书',
    mark: '保',
    fields: z.strictObject({
      items: z
        .array(z.strictObject({ name: Text(200), quantity: Text(50) }))
        .min(1)
        .max(200),
      period: Text(100),
      legalBasis: Text(),
    }),
  },
  'hearing-notice': {
    label: '听证通知书',
    mark: '听',
    fields: z.strictObject({ hearingAt: When, place: Text(200), hearingOfficer: Text(100), rights: Text() }),
  },
  'penalty-prior-notice': {
    label: '行政处罚事先告知书',
    mark: '告',
    fields: z.strictObject({
      facts: Text(),
      legalBasis: Text(),
      proposedPenalty: Text(500),
      rights: Text(),
      /**
       * The proposed penalty in structured form (kind as code or Chinese name, amount in yuan):
       * when given, the decision may not be of another kind or a higher amount without a new notice.
       */
      penalty: z
        .strictObject({ kind: Text(50), amount: z.number().nonnegative().max(1e12).optional() })
        .optional(),
    }),
  },
  'penalty-decision': {
    label: '行政处罚决定书',
    mark: '罚',
    fields: z.strictObject({
      facts: Text(),
      evidence: Text(),
      legalBasis: Text(),
      penalty: Text(500),
      paymentMethod: Text(500).optional(),
      remedies: Text(),
    }),
  },
  'service-receipt': {
    label: '送达回证',
    mark: '送',
    fields: z.strictObject({
      /** The number of the document served: a document of this case. */
      documentNumber: Text(100),
      servedAt: When,
      recipient: Text(100).optional(),
      method: z.enum(['direct', 'left', 'mail', 'electronic', 'announcement']).optional(),
      place: Text(200).optional(),
    }),
  },
  'statement-record': {
    label: '陈述申辩笔录',
    mark: '陈',
    fields: z.strictObject({
      statedAt: When.optional(),
      /** What the party stated and argued; or that they stated nothing. */
      statement: Text(),
      /** The handler's assessment of the statement (行政处罚法 art. 45: facts, reasons and evidence checked). */
      assessment: Text().optional(),
      place: Text(200).optional(),
    }),
  },
  'hearing-waiver': {
    label: '放弃听证声明',
    mark: '弃',
    fields: z.strictObject({
      waivedAt: When.optional(),
      /** The party's written statement that they do not ask for a hearing. */
      statement: Text().optional(),
      signedBy: Text(100).optional(),
    }),
  },
  'collective-discussion': {
    label: '集体讨论记录',
    mark: '讨',
    fields: z.strictObject({
      heldAt: When,
      /** The agency heads present (names, or one line listing them). */
      participants: z.union([z.array(Text(100)).min(2).max(50), Text(1000)]),
      conclusion: Text(2000),
      minutes: Text(20_000),
    }),
  },
  'closing-report': {
    label: '结案报告',
    mark: '结',
    fields: z.strictObject({ summary: Text(), result: Text(500), executedAt: When.optional() }),
  },
} as const;

export type DocumentType = keyof typeof documentTemplates;
export const DOCUMENT_TYPES = Object.keys(documentTemplates) as [DocumentType, ...DocumentType[]];
/** Each standard document type's Chinese name. */
export const documentLabels = Object.fromEntries(
  Object.entries(documentTemplates).map(([type, template]) => [type, template.label]),
) as Record<DocumentType, string>;
/** A standard document type, by code or by its Chinese name (行政处罚决定书). */
export const DocumentTypeSchema = labelledEnum(DOCUMENT_TYPES, documentLabels);

/**
 * A text record that is not one of the standard documents (REC-2 covers every record): its type
 * is the agency's own name for it, its fields are free, and it is numbered with 记.
 */
export const FREE_RECORD_MARK = '记';
export const FreeRecordFields = z
  .record(z.string().max(100), z.unknown())
  .refine((fields) => JSON.stringify(fields).length <= 100_000, { error: '记录内容过大' });

export function documentLabel(type: string): string {
  return (documentLabels as Record<string, string>)[type] ?? type;
}

/** 昌民罚〔2026〕12号 */
export function documentNumber(prefix: string, type: string, year: string, serial: number): string {
  const mark = (documentTemplates as Record<string, { mark: string }>)[type]?.mark ?? FREE_RECORD_MARK;
  return `${prefix}${mark}〔${year}〕${serial}号`;
}

export interface CaseDocument {
  id: string;
  caseId: string;
  agencyId: string;
  /** A standard document type, or an agency's own record type. */
  type: string;
  title: string;
  number: string;
  year: string;
  serial: number;
  fields: Record<string, unknown>;
  /** SHA-256 of the canonical content: a printed copy can be checked against it. */
  sha256: string;
  /** The short code printed on the paper, with its QR code, that lets anyone check it (PUB-16). */
  verificationCode: string;
  createdAt: string;
  createdBy: string;
}

/**
 * What anyone holding the paper may see of a document, kept under its verification code (PUB-16):
 * no field of it, and its title with the party's personal data taken out.
 */
export interface DocumentVerification {
  verificationCode: string;
  agencyId: string;
  caseId: string;
  recordId: string;
  type: string;
  title: string;
  number: string;
  issuedOn: string;
  sha256: string;
}

/** Every standard record type with its Chinese name, number mark and fields as JSON Schema. */
export function recordTypes() {
  return DOCUMENT_TYPES.map((type) => ({
    type,
    label: documentTemplates[type].label,
    mark: documentTemplates[type].mark,
    fields: z.toJSONSchema(documentTemplates[type].fields, { io: 'input' }),
  }));
}
