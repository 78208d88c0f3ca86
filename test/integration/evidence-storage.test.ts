import { config } from '#shared/config.ts';
import { s3Client } from '#shared/kernel/store/clients.ts';
import { EvidenceStorage } from '#shared/recording/store/evidence-storage.ts';
import { evidenceStorageContract } from '#test/contracts/evidence-storage.ts';

// As the composition root (shared/repositories.ts) builds it, over HTTP to the signed URLs.
evidenceStorageContract('radosgw', () => ({
  storage: new EvidenceStorage(s3Client, config().EVIDENCE_BUCKET, config().EVIDENCE_CHECKSUMS),
  client: {
    async put(url, headers, bytes) {
      const response = await fetch(url, { method: 'PUT', headers, body: new Uint8Array(bytes) });
      if (!response.ok) throw new Error(`PUT ${response.status}: ${await response.text()}`);
    },
    async get(url) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${response.status}: ${await response.text()}`);
      return Buffer.from(await response.arrayBuffer());
    },
  },
}));
