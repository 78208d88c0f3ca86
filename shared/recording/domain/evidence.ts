import * as z from 'zod';
import { Words } from '#shared/kernel/text.ts';
import { CertificateNo } from '#shared/organisation/domain/officer.ts';

/** 50 GiB: several hours of body-camera video. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 ** 3;

/** A SHA-256 in hex (64 characters) or base64 (44, as `x-amz-checksum-sha256` carries it); kept as hex. */
const Sha256Hex = z
  .string()
  .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, { error: 'SHA-256 应为 64 位十六进制或 44 位 base64' })
  .transform((value) =>
    value.length === 64 ? value.toLowerCase() : Buffer.from(value, 'base64').toString('hex'),
  );

export const EvidenceInput = z.strictObject({
  activityId: z.string().trim().min(1).max(64),
  fileName: z.string().trim().min(1).max(255),
  contentType: z
    .string()
    .trim()
    .regex(/^(video|audio|image)\/[\w.+-]+$/, { error: '只接受音频、视频或图片' }),
  size: z.number().int().positive().max(MAX_EVIDENCE_BYTES),
  sha256: Sha256Hex,
  capturedAt: z.iso.datetime({ offset: true }),
  deviceId: z.string().trim().min(1).max(100),
  /** The certificate number of the officer who recorded it. */
  officer: CertificateNo,
  location: z.string().trim().min(1).max(200).optional(),
  /** The recording covers the whole activity (全过程音像记录). */
  fullProcess: z.boolean().optional(),
});
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export type EvidenceStatus = 'pending-upload' | 'archived' | 'rejected';

/** An AV file and its 记录要素 (REC-6): device, officer, time, place, checksum. */
export interface Evidence extends EvidenceInput {
  id: string;
  caseId: string;
  agencyId: string;
  status: EvidenceStatus;
  /** Recorded with a device that is not registered (or retired) in the agency (REC-10). */
  unregisteredDevice?: boolean;
  key: string;
  retainUntil: string;
  legalHold: boolean;
  versionId?: string;
  /** Set while a multipart upload is open. */
  uploadId?: string;
  /** The SHA-256 (hex) of each part of a multipart upload, as the device declared them. */
  partSha256?: string[];
  /** Who computed the SHA-256 compared at arrival: the platform from the bytes, or S3 on upload. */
  checksumVerifiedBy?: 'platform' | 's3' | 's3-parts';
  receivedSize?: number;
  receivedSha256?: string;
  rejectionReason?: string;
  archivedAt?: string;
  createdAt: string;
  createdBy: string;
}

/** S3 allows 10,000 parts of at least 5 MiB; we sign at most 500 so one answer stays small. */
export const MIN_PART_BYTES = 5 * 1024 ** 2;
export const MAX_PARTS = 500;

export const MultipartInput = z
  .strictObject({
    partSize: z
      .number()
      .int()
      .min(MIN_PART_BYTES)
      .max(5 * 1024 ** 3)
      .optional(),
    /** The SHA-256 of each part in order, for the archive to check part by part as it arrives. */
    partSha256: z.array(Sha256Hex).min(1).max(MAX_PARTS).optional(),
  })
  .optional();

export const CompleteMultipartInput = z.strictObject({
  uploadId: z.string().trim().min(1).max(1024),
  parts: z
    .array(
      z.strictObject({
        partNumber: z.number().int().min(1).max(10_000),
        etag: z.string().trim().min(1).max(200),
      }),
    )
    .min(1)
    .max(10_000),
});

/** Parts of at least `requested` (or 64 MiB), and no more than MAX_PARTS of them. */
export function partSizeFor(size: number, requested?: number): number {
  return Math.max(requested ?? 64 * 1024 ** 2, MIN_PART_BYTES, Math.ceil(size / MAX_PARTS));
}

export const RETRIEVAL_PURPOSES = ['dispute', 'hearing', 'review', 'supervision', 'litigation'] as const;

export const RetrievalInput = z.strictObject({
  purpose: z.enum(RETRIEVAL_PURPOSES),
  reason: Words(500, 2),
});

export interface Retrieval {
  id: string;
  evidenceId: string;
  agencyId: string;
  caseId: string;
  purpose: (typeof RETRIEVAL_PURPOSES)[number];
  reason: string;
  by: string;
  byName: string;
  at: string;
  expiresAt: string;
}

/** The object key: opaque ids only, never a user-supplied file name. */
export function evidenceKey(agencyId: string, evidenceId: string): string {
  return `evidence/${agencyId}/${evidenceId}`;
}

export function parseEvidenceKey(key: string): { agencyId: string; evidenceId: string } | undefined {
  const match = /^evidence\/([^/]+)\/([^/]+)$/.exec(key);
  return match?.[1] && match[2] ? { agencyId: match[1], evidenceId: match[2] } : undefined;
}

/** What the arrived bytes must match: the size and SHA-256 the officer's device declared. */
export function arrivalVerdict(
  declared: Pick<Evidence, 'size' | 'sha256'>,
  received: { size: number; sha256?: string | undefined; partsMatch?: boolean | undefined },
): string | undefined {
  if (received.size !== declared.size)
    return `文件大小不符：声明 ${declared.size} 字节，收到 ${received.size} 字节`;
  if (received.sha256 !== undefined)
    return received.sha256 === declared.sha256 ? undefined : 'SHA-256 校验值不符';
  if (received.partsMatch === false) return '分片的 SHA-256 校验值与声明不符';
  return received.partsMatch === true ? undefined : '无法核对 SHA-256 校验值';
}
