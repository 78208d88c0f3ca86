import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { sha256Hex as sha256 } from '#shared/kernel/journal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { EvidenceStorage } from '#shared/recording/store/evidence-storage.ts';

/** What a device and a reviewer do with a presigned URL: the HTTP PUT and GET, or the fake's own. */
export interface ArchiveClient {
  put(url: string, headers: Record<string, string>, bytes: Buffer): Promise<void>;
  get(url: string): Promise<Buffer>;
}

const retainUntil = new Date(Date.now() + 24 * 60 * 60 * 1000);

/**
 * What every AV archive keeps (REC-6, REC-7): an upload lands as a version of its own, an
 * overwrite never replaces what was stored, the platform hashes what arrived, and a retrieval
 * link gives back the version it names. The S3 archive (radosgw here) and the in-memory one of
 * the unit tests keep it alike.
 */
export function evidenceStorageContract(
  name: string,
  stores: () => { storage: Port<EvidenceStorage>; client: ArchiveClient },
): void {
  describe(`evidence storage: ${name}`, () => {
    async function upload(storage: Port<EvidenceStorage>, client: ArchiveClient, key: string, bytes: Buffer) {
      const signed = await storage.presignUpload({
        key,
        contentType: 'video/mp4',
        sha256Hex: sha256(bytes),
        retainUntil,
      });
      expect(signed.method).toBe('PUT');
      await client.put(signed.url, signed.headers, bytes);
    }

    it('[REC-6] an upload to its signed URL arrives with its size and a version, hashed by what arrived', async () => {
      const { storage, client } = stores();
      const key = `contract/${ulid()}.mp4`;
      const bytes = Buffer.from(`执法记录仪 ${ulid()}`);
      expect(await storage.arrived(key)).toBeUndefined();
      await upload(storage, client, key, bytes);
      const arrived = await storage.arrived(key);
      expect(arrived).toMatchObject({ size: bytes.length });
      expect(arrived?.versionId).toBeTruthy();
      const received = await storage.received(key, arrived?.versionId, {});
      expect(received).toMatchObject({
        size: bytes.length,
        sha256: sha256(bytes),
        versionId: arrived?.versionId,
      });
    });

    it('[REC-6] an overwrite keeps the first version, which is still read and retrieved as it was', async () => {
      const { storage, client } = stores();
      const key = `contract/${ulid()}.mp4`;
      const original = Buffer.from(`原始录像 ${ulid()}`);
      await upload(storage, client, key, original);
      const first = (await storage.arrived(key))?.versionId;
      await upload(storage, client, key, Buffer.from('篡改后的录像'));
      const latest = await storage.arrived(key);
      expect(latest?.versionId).not.toBe(first);
      expect(await storage.inspect(key, first)).toMatchObject({ sha256: sha256(original), versionId: first });
      const link = await storage.presignRetrieval(key, first, '原始录像.mp4');
      expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now());
      expect(sha256(await client.get(link.url))).toBe(sha256(original));
    });

    it('[REC-7] a key or version that is not there is a 404, for reading and for a legal hold', async () => {
      const { storage } = stores();
      const missing = `contract/${ulid()}.mp4`;
      const attempts = [() => storage.inspect(missing), () => storage.setLegalHold(missing, undefined, true)];
      for (const attempt of attempts) {
        const error = await attempt().then(
          () => undefined,
          (caught: unknown) => caught as { $metadata?: { httpStatusCode?: number } },
        );
        expect(error?.$metadata?.httpStatusCode).toBe(404);
      }
    });

    it('[REC-7] a stored version can be put on legal hold and released', async () => {
      const { storage, client } = stores();
      const key = `contract/${ulid()}.mp4`;
      await upload(storage, client, key, Buffer.from('听证所需录像'));
      const version = (await storage.arrived(key))?.versionId;
      await expect(storage.setLegalHold(key, version, true)).resolves.toBeUndefined();
      await expect(storage.setLegalHold(key, version, false)).resolves.toBeUndefined();
    });
  });
}
