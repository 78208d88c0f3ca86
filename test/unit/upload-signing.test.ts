import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { retainUntilHeader } from '#shared/recording/store/evidence-storage.ts';

/** The header value the SDK puts into the request it signs, caught before it is sent. */
async function sdkRetainUntil(date: Date): Promise<string> {
  const s3 = new S3Client({
    region: 'cn-north-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    forcePathStyle: true,
  });
  let seen = '';
  s3.middlewareStack.add(
    () => async (args) => {
      seen = String(
        (args.request as { headers: Record<string, string> }).headers['x-amz-object-lock-retain-until-date'],
      );
      throw new Error('caught before sending');
    },
    { step: 'finalizeRequest' },
  );
  const command = new PutObjectCommand({
    Bucket: 'evidence',
    Key: 'k',
    Body: 'x',
    ObjectLockMode: 'COMPLIANCE',
    ObjectLockRetainUntilDate: date,
  });
  await s3.send(command).catch(() => undefined);
  return seen;
}

describe('the signed headers a device is handed', () => {
  it.each([0, 1, 846])(
    '[REC-6] carry the Object Lock date exactly as the SDK signs it (%i ms past the second)',
    async (ms) => {
      const date = new Date(Date.UTC(2036, 11, 7, 1, 41, 16, ms));
      expect(retainUntilHeader(date)).toBe(await sdkRetainUntil(date));
    },
  );
});
