import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

// Presigned URLs expire by the machine's real clock (SigV4 signs it), not the platform's clock port.
export const UPLOAD_URL_SECONDS = 60 * 60;
export const RETRIEVAL_URL_SECONDS = 10 * 60;

/** Headers the client must send with the PUT exactly as given: they are part of the signature. */
const SIGNED_UPLOAD_HEADERS = [
  'content-type',
  'x-amz-checksum-sha256',
  'x-amz-object-lock-mode',
  'x-amz-object-lock-retain-until-date',
];

/** What arrived in the archive, as far as the arrival check needs it. */
export interface ReceivedObject {
  size: number;
  /** The whole file's SHA-256 (hex), when it is known at arrival. */
  sha256?: string;
  /**
   * A multipart object's parts, each verified by S3 against the SHA-256 signed into its URL:
   * whether S3's composite checksum is the one of the declared parts, in order.
   */
  partsMatch?: boolean;
  /** Who computed the SHA-256 that was compared: the platform reading the bytes, or S3. */
  verifiedBy: 'platform' | 's3' | 's3-parts';
  versionId?: string;
}

/**
 * S3's checksum of a multipart object with SHA-256 part checksums (COMPOSITE): the SHA-256 of the
 * parts' digests joined in order, in base64, with `-` and the number of parts.
 */
export function compositeSha256(partSha256Hex: readonly string[]): string {
  const digests = Buffer.concat(partSha256Hex.map((hex) => Buffer.from(hex, 'hex')));
  return `${createHash('sha256').update(digests).digest('base64')}-${partSha256Hex.length}`;
}

/**
 * The retention date as the SDK writes it into the signed request: ISO 8601, but without
 * milliseconds when they are zero (`…:16Z`, not `…:16.000Z`). The device must send the same
 * text, or S3 answers SignatureDoesNotMatch: one upload in a thousand failed so before.
 */
export const retainUntilHeader = (date: Date): string => date.toISOString().replace('.000Z', 'Z');

/**
 * What a device is handed for a single PUT of a recording: the URL, and the headers signed into
 * it (the SHA-256, the Object Lock retention) that it must send as they are.
 */
export function signedUpload(
  url: string,
  input: { contentType: string; sha256Hex: string; retainUntil: Date },
) {
  return {
    url,
    method: 'PUT' as const,
    headers: {
      'content-type': input.contentType,
      'x-amz-checksum-sha256': Buffer.from(input.sha256Hex, 'hex').toString('base64'),
      'x-amz-object-lock-mode': 'COMPLIANCE',
      'x-amz-object-lock-retain-until-date': retainUntilHeader(input.retainUntil),
    },
    expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}

/**
 * The AV archive bucket. Bytes go from the officer's device straight to S3 by presigned URL; the
 * platform only signs, verifies and hands out time-limited retrieval links. With `checksums: 's3'`
 * (AWS) an arrival is checked from the checksums S3 verified on upload, and no byte passes through
 * the platform; with `hash` (one machine) the bytes are read and hashed.
 */
export class EvidenceStorage {
  readonly #s3: S3Client;
  readonly #bucket: string;
  readonly #checksums: 's3' | 'hash';

  constructor(s3: S3Client, bucket: string, checksums: 's3' | 'hash' = 'hash') {
    this.#s3 = s3;
    this.#bucket = bucket;
    this.#checksums = checksums;
  }

  /** Whether a multipart upload must come with its parts' SHA-256 (S3 checks each part, in AWS). */
  get needsPartChecksums(): boolean {
    return this.#checksums === 's3';
  }

  /** A presigned PUT with the object-lock retention and the SHA-256 signed in. */
  async presignUpload(input: { key: string; contentType: string; sha256Hex: string; retainUntil: Date }) {
    const checksum = Buffer.from(input.sha256Hex, 'hex').toString('base64');
    const command = new PutObjectCommand({
      Bucket: this.#bucket,
      Key: input.key,
      ContentType: input.contentType,
      ChecksumSHA256: checksum,
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: input.retainUntil,
    });
    const url = await getSignedUrl(this.#s3, command, {
      expiresIn: UPLOAD_URL_SECONDS,
      signableHeaders: new Set(SIGNED_UPLOAD_HEADERS),
      unhoistableHeaders: new Set(SIGNED_UPLOAD_HEADERS.filter((header) => header.startsWith('x-amz-'))),
    });
    return signedUpload(url, input);
  }

  /**
   * Starts a multipart upload for files too big for one PUT (over 5 GiB, or on poor networks) and
   * signs a PUT per part. The retention is asked for here too; where a server drops it (radosgw),
   * the bucket's default COMPLIANCE retention still locks the result.
   */
  async presignMultipart(input: {
    key: string;
    contentType: string;
    retainUntil: Date;
    size: number;
    partSize: number;
    /** Base64 SHA-256 of each part, in order, if the device computed them. */
    partSha256?: readonly string[];
  }) {
    const { UploadId } = await this.#s3.send(
      new CreateMultipartUploadCommand({
        Bucket: this.#bucket,
        Key: input.key,
        ContentType: input.contentType,
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: input.retainUntil,
        // Parts with SHA-256 checksums make a COMPOSITE SHA-256 checksum of the object.
        ...(this.#checksums === 's3' ? { ChecksumAlgorithm: 'SHA256' as const } : {}),
      }),
    );
    const uploadId = UploadId ?? '';
    const count = Math.ceil(input.size / input.partSize);
    // Each part's length is signed: a part of any other size is refused by the archive, so the
    // parts add up to the declared size; each part's SHA-256 is signed too when the device sent them.
    const parts = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const size = Math.min(input.partSize, input.size - index * input.partSize);
        const checksum = input.partSha256?.[index];
        const url = await getSignedUrl(
          this.#s3,
          new UploadPartCommand({
            Bucket: this.#bucket,
            Key: input.key,
            UploadId: uploadId,
            PartNumber: index + 1,
            ContentLength: size,
            ...(checksum ? { ChecksumSHA256: checksum } : {}),
          }),
          {
            expiresIn: UPLOAD_URL_SECONDS,
            signableHeaders: new Set(['content-length', ...(checksum ? ['x-amz-checksum-sha256'] : [])]),
            unhoistableHeaders: new Set(checksum ? ['x-amz-checksum-sha256'] : []),
          },
        );
        return {
          partNumber: index + 1,
          size,
          url,
          ...(checksum ? { headers: { 'x-amz-checksum-sha256': checksum } } : {}),
        };
      }),
    );
    return {
      uploadId,
      partSize: input.partSize,
      parts,
      expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    };
  }

  /** Joins the uploaded parts; only part numbers and ETags pass through here, never bytes. */
  async completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
  ) {
    await this.#s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.#bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
      }),
    );
  }

  /** Whether an object is in the archive (HEAD): its size, ETag and version, or undefined. */
  async arrived(key: string): Promise<{ size: number; eTag: string; versionId?: string } | undefined> {
    try {
      const head = await this.#s3.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: key }));
      return {
        size: head.ContentLength ?? 0,
        eTag: (head.ETag ?? '').replace(/"/g, ''),
        ...(head.VersionId ? { versionId: head.VersionId } : {}),
      };
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return undefined;
      throw error;
    }
  }

  /**
   * What arrived, for the arrival check. With S3's checksums: a single PUT carries the whole
   * file's SHA-256 that S3 verified against the signed header (FULL_OBJECT); a multipart object
   * carries the composite of its parts' SHA-256, compared with the declared parts. Otherwise the
   * bytes are read and hashed.
   */
  async received(
    key: string,
    versionId: string | undefined,
    declared: { partSha256?: readonly string[] | undefined },
  ): Promise<ReceivedObject> {
    if (this.#checksums === 'hash')
      return { ...(await this.inspect(key, versionId)), verifiedBy: 'platform' };
    const head = await this.#s3.send(
      new HeadObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        ChecksumMode: 'ENABLED',
      }),
    );
    const size = head.ContentLength ?? 0;
    const version = head.VersionId ? { versionId: head.VersionId } : {};
    const checksum = head.ChecksumSHA256;
    if (checksum && !checksum.includes('-'))
      return { size, sha256: Buffer.from(checksum, 'base64').toString('hex'), verifiedBy: 's3', ...version };
    if (checksum && declared.partSha256)
      return {
        size,
        partsMatch: checksum === compositeSha256(declared.partSha256),
        verifiedBy: 's3-parts',
        ...version,
      };
    // No SHA-256 that S3 checked: nothing to rely on but the bytes themselves.
    return { ...(await this.inspect(key, versionId)), verifiedBy: 'platform' };
  }

  /** Reads the stored bytes once and returns what arrived: size, SHA-256, version. */
  async inspect(
    key: string,
    versionId?: string,
  ): Promise<{ size: number; sha256: string; versionId?: string }> {
    const object = await this.#s3.send(
      new GetObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
      }),
    );
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of object.Body as Readable) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { size, sha256: hash.digest('hex'), ...(object.VersionId ? { versionId: object.VersionId } : {}) };
  }

  /** A GET link to one version, valid for minutes; the bucket path itself is never handed out. */
  async presignRetrieval(key: string, versionId: string | undefined, fileName: string) {
    const command = new GetObjectCommand({
      Bucket: this.#bucket,
      Key: key,
      ...(versionId ? { VersionId: versionId } : {}),
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
    return {
      url: await getSignedUrl(this.#s3, command, { expiresIn: RETRIEVAL_URL_SECONDS }),
      expiresAt: new Date(Date.now() + RETRIEVAL_URL_SECONDS * 1000).toISOString(),
    };
  }

  async setLegalHold(key: string, versionId: string | undefined, on: boolean): Promise<void> {
    await this.#s3.send(
      new PutObjectLegalHoldCommand({
        Bucket: this.#bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        LegalHold: { Status: on ? 'ON' : 'OFF' },
      }),
    );
  }
}
