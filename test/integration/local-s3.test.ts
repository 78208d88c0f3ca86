import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectRetentionCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { config } from '#shared/config.ts';
import { s3Client } from '#shared/kernel/store/clients.ts';

const Bucket = config().EVIDENCE_BUCKET;
const status = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/** What the local S3 (radosgw) enforces, pinned so a change of server or version is noticed. */
describe('the local S3 archive enforces Object Lock', () => {
  it('a stored version is locked in COMPLIANCE mode by the bucket default and cannot be deleted', async () => {
    const Key = `pin/${ulid()}.mp4`;
    const put = await s3Client.send(new PutObjectCommand({ Bucket, Key, Body: 'video bytes' }));
    expect(put.VersionId).toBeTruthy();
    const retention = await s3Client.send(
      new GetObjectRetentionCommand({ Bucket, Key, VersionId: put.VersionId }),
    );
    expect(retention.Retention?.Mode).toBe('COMPLIANCE');
    const refused = await s3Client
      .send(
        new DeleteObjectCommand({ Bucket, Key, VersionId: put.VersionId, BypassGovernanceRetention: true }),
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(status(refused)).toBe(403);
  });

  it('an overwrite or a plain delete keeps the original version', async () => {
    const Key = `pin/${ulid()}.mp4`;
    const first = await s3Client.send(new PutObjectCommand({ Bucket, Key, Body: 'original' }));
    await s3Client.send(new PutObjectCommand({ Bucket, Key, Body: 'tampered' }));
    await s3Client.send(new DeleteObjectCommand({ Bucket, Key }));
    const { Versions = [], DeleteMarkers = [] } = await s3Client.send(
      new ListObjectVersionsCommand({ Bucket, Prefix: Key }),
    );
    expect(Versions.map((version) => version.VersionId)).toContain(first.VersionId);
    expect(Versions).toHaveLength(2);
    expect(DeleteMarkers).toHaveLength(1);
  });

  it('differs from AWS: a wrong x-amz-checksum-sha256 is accepted, so the platform must verify SHA-256 itself', async () => {
    const wrong = createHash('sha256').update('something else').digest('base64');
    const put = await s3Client.send(
      new PutObjectCommand({ Bucket, Key: `pin/${ulid()}`, Body: 'actual bytes', ChecksumSHA256: wrong }),
    );
    expect(put.VersionId).toBeTruthy();
  });
});
