import * as z from 'zod';
import { entity, Instant, LegalDate, list, page } from '#functions/responses/common.ts';
import { WITHDRAWAL_KINDS } from '#shared/publicity/domain/withdrawal.ts';
import { DOCUMENT_STATUSES } from '#shared/recording/domain/document-status.ts';
import { CASE_STATUSES } from '#shared/recording/domain/state-machine.ts';

export const Party = entity({
  kind: z.string().describe('person or organization'),
  name: z.string(),
  idNumber: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  minor: z.boolean().optional(),
});

export const Decision = entity({
  id: z.string(),
  type: z.string(),
  summary: z.string(),
  legalBasis: z.string(),
  penalty: entity({ kind: z.string(), amount: z.number().optional() }).optional(),
  decidedOn: LegalDate,
  decidedAt: Instant,
  decidedBy: z.string(),
  reviewId: z.string().optional(),
  publicationId: z.string(),
  /** Its 决定书 (REC-12), made when it was issued. */
  document: entity({ recordId: z.string(), number: z.string(), sha256: z.string() }).optional(),
  revocationKind: z.enum(WITHDRAWAL_KINDS).optional(),
  revokedAt: Instant.optional(),
});

export const CaseRecord = entity({
  id: z.string(),
  agencyId: z.string(),
  unitId: z.string().optional(),
  category: z.string(),
  procedure: z.string().describe('general or simple'),
  title: z.string(),
  matterId: z.string().optional(),
  drawId: z.string().optional(),
  party: Party,
  officers: z.array(z.string()).describe('certificate numbers'),
  handlers: z.array(z.string()),
  authors: z.array(z.string()).optional(),
  region: z.string().optional(),
  amountInvolved: z.number().optional(),
  flags: z.record(z.string(), z.boolean()),
  status: z.enum(CASE_STATUSES),
  decision: Decision.optional(),
  reviewIds: z.array(z.string()).optional(),
  executedOn: LegalDate.optional(),
  createdAt: Instant,
  createdBy: z.string(),
  updatedAt: Instant,
  version: z.number().int(),
  journalSeq: z.number().int(),
  journalHead: z.string(),
});

export const Activity = entity({
  id: z.string(),
  agencyId: z.string(),
  caseId: z.string(),
  type: z.string(),
  officers: z.array(z.string()),
  location: z.string().optional(),
  status: z.string().describe('open or completed'),
  startedAt: Instant,
  completedAt: Instant.optional(),
  informing: entity({
    certificatesShown: z.boolean(),
    rightsExplained: z.boolean(),
    documentShown: z.boolean(),
    note: z.string().optional(),
  }).optional(),
  recordedAt: Instant,
  createdBy: z.string(),
});

/** A document of the case (笔录, 告知书, 决定书 ...), numbered. */
export const CaseDocument = entity({
  id: z.string(),
  agencyId: z.string(),
  caseId: z.string(),
  type: z.string(),
  title: z.string(),
  number: z.string(),
  year: z.string(),
  serial: z.number().int(),
  fields: z.record(z.string(), z.unknown()),
  sha256: z.string(),
  verificationCode: z.string().describe('核验码（PUB-16），印在纸质文书上，附二维码'),
  createdAt: Instant,
  createdBy: z.string(),
});

/** A printed document checked by its code (PUB-16): nothing personal. */
export const PublicDocument = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  type: z.string(),
  typeName: z.string().describe('文书种类的中文名称'),
  title: z.string().describe('文书标题，当事人个人信息已去除'),
  number: z.string(),
  issuedOn: LegalDate,
  sha256: z.string().describe('电子原件内容的 SHA-256'),
  verificationCode: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
});

export const Evidence = entity({
  id: z.string(),
  agencyId: z.string(),
  caseId: z.string(),
  activityId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  capturedAt: Instant,
  deviceId: z.string(),
  unregisteredDevice: z.boolean().optional(),
  officer: z.string(),
  location: z.string().optional(),
  fullProcess: z.boolean().optional(),
  status: z.enum(['pending-upload', 'archived', 'rejected']),
  retainUntil: Instant,
  legalHold: z.boolean(),
  archivedAt: Instant.optional(),
  versionId: z.string().optional(),
  receivedSize: z.number().int().optional(),
  receivedSha256: z.string().optional(),
  rejectionReason: z.string().optional(),
  createdAt: Instant,
  createdBy: z.string(),
});

export const EvidenceDeclared = Evidence.extend({
  upload: z.object({
    url: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: Instant,
  }),
});

export const MultipartUpload = z.object({
  uploadId: z.string(),
  partSize: z.number().int(),
  parts: z.array(
    z.object({
      partNumber: z.number().int(),
      size: z.number().int(),
      url: z.string(),
      headers: z.record(z.string(), z.string()).optional(),
    }),
  ),
  expiresAt: Instant,
});

export const EvidenceStatus = z.object({ id: z.string(), status: z.string() });

/** What a case's reader sees: the case, where its procedure stands, and what it holds. */
export const CaseView = CaseRecord.extend({
  procedureName: z.string(),
  steps: z.array(z.object({ step: z.string(), label: z.string(), status: z.string(), detail: z.string() })),
  missingSteps: z.array(z.string()),
  avGaps: z.array(
    z.object({
      activityId: z.string(),
      activityType: z.string(),
      requirement: z.string(),
      reason: z.string(),
    }),
  ),
  activities: z.array(Activity),
  records: z.array(CaseDocument),
  evidence: z.array(Evidence),
});

export const Retrieval = entity({
  id: z.string(),
  agencyId: z.string(),
  caseId: z.string(),
  evidenceId: z.string(),
  purpose: z.string(),
  reason: z.string(),
  by: z.string(),
  byName: z.string(),
  at: Instant,
  expiresAt: Instant,
});

export const RetrievalLink = z.object({ id: z.string(), url: z.string(), expiresAt: Instant });

export const JournalEntry = z.object({
  seq: z.number().int(),
  at: Instant,
  actor: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const Journal = z.object({ entries: z.array(JournalEntry) });

export const JournalVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  broken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});

export const RecordingRules = z.object({
  category: z.string(),
  avMattersEdition: z.number().int().nullable(),
  stages: z.array(
    z.object({
      stage: z.string(),
      stageName: z.string(),
      documents: z.array(z.object({ type: z.string(), name: z.string() })),
      av: z.string(),
      carriers: z.array(z.string()),
    }),
  ),
});

export const RecordTypes = list(
  z.object({
    type: z.string(),
    label: z.string(),
    mark: z.string(),
    madeByDecision: z.boolean().describe('a 决定书: made by POST /v1/cases/{id}/decision, not as a record'),
    fields: z.record(z.string(), z.unknown()).describe('the JSON Schema of the record’s fields'),
  }),
);

export const CasePage = page(CaseRecord);
