import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { arrivalVerdict } from '#shared/recording/domain/evidence.ts';
import { compositeSha256, EvidenceStorage } from '#shared/recording/store/evidence-storage.ts';

/**
 * In AWS an arrival is checked from the SHA-256 checksums S3 verified as the bytes came in, and no
 * evidence byte passes through a function (issue 13). radosgw ignores checksums (docs/local-s3.md),
 * so S3's answers are given here as AWS documents them: a single PUT's FULL_OBJECT checksum, a
 * multipart object's COMPOSITE one (`base64-N`). GetObject would be a byte read: it must not happen.
 */
const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
const storage = new EvidenceStorage(new S3Client({ region: 'cn-northwest-1' }), 'archive', 's3');

describe('an arrival checked from S3’s own checksums', () => {
  it('[REC-6] a single PUT: the whole file’s SHA-256 that S3 verified against the signed header, no byte read', async () => {
    const bytes = Buffer.from('执法记录仪录像');
    s3.on(HeadObjectCommand).resolves({
      ContentLength: bytes.length,
      ChecksumSHA256: sha256(bytes).toString('base64'),
      ChecksumType: 'FULL_OBJECT',
      VersionId: 'v1',
    });
    const received = await storage.received('agency/case/e1', undefined, {});
    expect(received).toEqual({
      size: bytes.length,
      sha256: sha256(bytes).toString('hex'),
      verifiedBy: 's3',
      versionId: 'v1',
    });
    expect(s3.commandCalls(HeadObjectCommand)[0]?.args[0].input.ChecksumMode).toBe('ENABLED');
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(
      arrivalVerdict({ size: bytes.length, sha256: sha256(bytes).toString('hex') }, received),
    ).toBeUndefined();
    expect(arrivalVerdict({ size: bytes.length, sha256: '0'.repeat(64) }, received)).toBe(
      'SHA-256 校验值不符',
    );
  });

  it('[REC-6] a multipart object: S3’s composite checksum must be the one of the parts the device declared', async () => {
    const parts = [Buffer.alloc(5 * 1024 * 1024, 1), Buffer.from('tail')];
    const declared = parts.map((part) => sha256(part).toString('hex'));
    const composite = `${sha256(Buffer.concat(parts.map(sha256))).toString('base64')}-2`;
    expect(compositeSha256(declared)).toBe(composite);
    const size = parts.reduce((sum, part) => sum + part.length, 0);
    s3.on(HeadObjectCommand).resolves({
      ContentLength: size,
      ChecksumSHA256: composite,
      ChecksumType: 'COMPOSITE',
    });
    const received = await storage.received('agency/case/e2', undefined, { partSha256: declared });
    expect(received).toMatchObject({ size, partsMatch: true, verifiedBy: 's3-parts' });
    expect(arrivalVerdict({ size, sha256: 'f'.repeat(64) }, received)).toBeUndefined();
    const swapped = await storage.received('agency/case/e2', undefined, {
      partSha256: [...declared].reverse(),
    });
    expect(arrivalVerdict({ size, sha256: 'f'.repeat(64) }, swapped)).toBe('分片的 SHA-256 校验值与声明不符');
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('an object without a SHA-256 S3 checked is not taken on trust: its bytes are read', async () => {
    const bytes = Buffer.from('no checksum');
    s3.on(HeadObjectCommand).resolves({ ContentLength: bytes.length });
    s3.on(GetObjectCommand).resolves({
      Body: (async function* () {
        yield bytes;
      })() as never,
    });
    const received = await storage.received('agency/case/e3', undefined, {});
    expect(received).toMatchObject({ sha256: sha256(bytes).toString('hex'), verifiedBy: 'platform' });
  });
});
