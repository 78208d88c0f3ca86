import * as z from 'zod';
import { LegalDate } from '#shared/kernel/dates.ts';
import { labelledEnum } from '#shared/kernel/labelled-enum.ts';
import { PenaltyKind, WITH_AMOUNT } from '#shared/kernel/penalty-kinds.ts';
import { saysSomething, Words } from '#shared/kernel/text.ts';

/**
 * The standard enforcement documents (REC-2): each a template with a zod schema of its fields and
 * the character that marks its number, e.g. 昌民罚〔2026〕12号 for a penalty decision.
 */
/** Every field of a document says something (REV-3, LAW-3). */
const Text = (max = 2000) => Words(max);
const When = z.iso.datetime({ offset: true });

/** How a document was served (送达方式), with their Chinese names. */
export const SERVICE_METHODS = ['direct', 'left', 'mail', 'electronic', 'announcement'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const serviceMethodLabels: Record<ServiceMethod, string> = {
  direct: '直接送达',
  left: '留置送达',
  mail: '邮寄送达',
  electronic: '电子送达',
  announcement: '公告送达',
};

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
  /*
   * The inspection documents (INS-6) follow the 司法部办公厅 行政检查文书基本格式文本（试行）(2025):
   * 审批表, 通知书, 现场检查笔录 (above), 询问笔录 (below), 抽样取证凭证, 勘验笔录, 结果告知书.
   */
  'inspection-approval': {
    label: '行政检查审批表',
    mark: '检批',
    // Wide enough for the published item it is filled from at the scan (INS-1): its content and basis.
    fields: z.strictObject({
      inspectedParty: Text(300),
      inspectionItem: Text(6000),
      taskSource: Text(1200),
      legalBasis: Text(5000),
      inspectionMethod: Text(500),
      /** A time, or the day the task plans (the form the scan writes). */
      plannedAt: z.union([When, LegalDate]),
      inspectors: Text(500),
      assistants: Text(500).optional(),
      inspectionsThisYear: z.number().int().min(0).max(1000),
      handlerOpinion: Text(1000),
      approvalOpinion: Text(1000).optional(),
    }),
  },
  'inspection-notice': {
    label: '行政检查通知书',
    mark: '检通',
    fields: z.strictObject({
      inspectedParty: Text(200),
      inspectionItem: Text(500),
      legalBasis: Text(),
      plannedAt: When,
      place: Text(200),
      inspectors: Text(500),
      materials: Text(1000).optional(),
      rights: Text(),
      contact: Text(200),
    }),
  },
  'sampling-record': {
    label: '抽样取证凭证',
    mark: '样',
    fields: z.strictObject({
      inspectedParty: Text(200),
      place: Text(200),
      sampledAt: When,
      samplingMethod: Text(500),
      samples: z
        .array(z.strictObject({ name: Text(200), specification: Text(200), quantity: Text(50) }))
        .min(1)
        .max(200),
      legalBasis: Text(),
    }),
  },
  'survey-record': {
    label: '勘验笔录',
    mark: '勘',
    fields: z.strictObject({
      place: Text(200),
      startedAt: When,
      endedAt: When,
      surveyObject: Text(500),
      surveyFindings: Text(),
      witnesses: Text(500).optional(),
    }),
  },
  'inspection-result-notice': {
    label: '行政检查结果告知书',
    mark: '检告',
    fields: z.strictObject({
      inspectedParty: Text(200),
      inspectionItem: Text(500),
      inspectedAt: When,
      inspectionResult: Text(),
      rectification: Text().optional(),
      remedies: Text(),
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
       * The proposed penalty in structured form (a known kind, as code or Chinese name; the amount
       * in yuan for a fine or confiscation): the decision may not be of another kind or a higher
       * amount without a new notice (LAW-10).
       */
      penalty: z
        .strictObject({ kind: PenaltyKind, amount: z.number().nonnegative().max(1e12).optional() })
        .refine((penalty) => !WITH_AMOUNT.includes(penalty.kind) || penalty.amount !== undefined, {
          path: ['amount'],
          error: '罚款或没收须写明拟处罚金额（元）',
        }),
    }),
  },
  'penalty-decision': {
    label: '行政处罚决定书',
    mark: '罚',
    decision: true,
    fields: z.strictObject({
      facts: Text(),
      evidence: Text(),
      legalBasis: Text(),
      penalty: Text(500),
      paymentMethod: Text(500).optional(),
      remedies: Text(),
    }),
  },
  'no-penalty-decision': {
    label: '不予行政处罚决定书',
    mark: '不罚',
    decision: true,
    fields: z.strictObject({ facts: Text(), evidence: Text(), legalBasis: Text(), remedies: Text() }),
  },
  'licensing-decision': {
    label: '行政许可决定书',
    mark: '许',
    decision: true,
    fields: z.strictObject({ content: Text(), legalBasis: Text(), remedies: Text() }),
  },
  'licensing-refusal': {
    label: '不予行政许可决定书',
    mark: '不许',
    decision: true,
    fields: z.strictObject({ reasons: Text(), legalBasis: Text(), remedies: Text() }),
  },
  'enforcement-decision': {
    label: '行政执法决定书',
    mark: '决',
    decision: true,
    fields: z.strictObject({ facts: Text(), legalBasis: Text(), content: Text(), remedies: Text() }),
  },
  'service-receipt': {
    label: '送达回证',
    mark: '送',
    /**
     * Service of one document of this case (送达回证): named by its record id or its number (the
     * server fills in both); how, when, to whom and where; the proof of a postal or electronic
     * service, and for electronic service the party's consent (行政处罚法 art. 61).
     */
    fields: z
      .strictObject({
        documentId: Text(64).optional(),
        documentNumber: Text(100).optional(),
        servedAt: When,
        method: labelledEnum(SERVICE_METHODS, serviceMethodLabels),
        recipient: Text(100),
        place: Text(200).optional(),
        /**
         * 直接送达, 留置送达 where service needs AV (REC-4): the service activity of this case whose
         * AV is archived, during which the document was served.
         */
        activityId: Text(64).optional(),
        /** 邮寄送达: the postal tracking number. */
        trackingNumber: Text(100).optional(),
        /** 电子送达: the delivery record (the system, the address and the time it reached it). */
        deliveryRecord: Text(1000).optional(),
        /** 电子送达: the party agreed in writing to electronic service. */
        partyConsent: z.boolean().optional(),
      })
      .superRefine((receipt, context) => {
        const missing = (path: string, message: string) =>
          context.addIssue({ code: 'custom', path: [path], message });
        if (receipt.documentId === undefined && receipt.documentNumber === undefined)
          missing('documentId', '请选择所送达的文书');
        if ((receipt.method === 'direct' || receipt.method === 'left') && receipt.place === undefined)
          missing('place', `${serviceMethodLabels[receipt.method]}须写明送达地点`);
        if (receipt.method === 'mail' && receipt.trackingNumber === undefined)
          missing('trackingNumber', '邮寄送达须写明邮件号码');
        if (receipt.method === 'electronic') {
          if (receipt.deliveryRecord === undefined) missing('deliveryRecord', '电子送达须写明送达记录');
          if (receipt.partyConsent !== true)
            missing('partyConsent', '电子送达须经当事人同意（行政处罚法第六十一条）');
        }
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
/** The decision documents (决定书): made by issuing the decision, never written as a record. */
export const DECISION_DOCUMENT_TYPES = (Object.keys(documentTemplates) as DocumentType[]).filter(
  (type) => 'decision' in documentTemplates[type],
);
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
  .refine((fields) => JSON.stringify(fields).length <= 100_000, { error: '记录内容过大' })
  // A record says something (REV-3): cited as review material, blank fields would pass as a file.
  .refine((fields) => saysSomethingWithin(fields), {
    error: '记录须有实际内容，不能只有空白、标点或不可见字符',
  });

/** Whether any text in a record's fields, however deep, says something. */
function saysSomethingWithin(value: unknown): boolean {
  if (typeof value === 'string') return saysSomething(value);
  if (typeof value === 'number') return true;
  if (Array.isArray(value)) return value.some(saysSomethingWithin);
  if (value && typeof value === 'object') return Object.values(value).some(saysSomethingWithin);
  return false;
}

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
  /** The issuer: the agency, or the supervisory body of a supervision document. */
  agencyId: string;
  /** The case and record of a case document; a supervision document (SUP-3) names its matter instead. */
  caseId?: string;
  recordId?: string;
  matterId?: string;
  type: string;
  /** The title of a type that is not a case document (行政执法监督意见书). */
  typeName?: string;
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
    /** A 决定书: made by issuing the decision (REC-12), never as a record. */
    madeByDecision: DECISION_DOCUMENT_TYPES.includes(type),
    fields: z.toJSONSchema(documentTemplates[type].fields, { io: 'input' }),
  }));
}
