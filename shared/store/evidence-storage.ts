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

/**
 * The AV archive bucket. Bytes go from the officer's device straight to S3 by presigned URL; the
 * platform only signs, verifies and hands out time-limited retrieval links.
 */
export class EvidenceStorage {
  readonly #s3: S3Client;
  readonly #bucket: string;

  constructor(s3: S3Client, bucket: string) {
    this.#s3 = s3;
    this.#bucket = bucket;
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
    return {
      url,
      method: 'PUT' as const,
      headers: {
        'content-type': input.contentType,
        'x-amz-checksum-sha256': checksum,
        'x-amz-object-lock-mode': 'COMPLIANCE',
        'x-amz-object-lock-retain-until-date': input.retainUntil.toISOString(),
      },
      expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    };
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
