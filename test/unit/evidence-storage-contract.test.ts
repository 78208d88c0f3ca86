import { evidenceStorageContract } from '#test/contracts/evidence-storage.ts';
import { InMemoryEvidenceStorage } from '#test/fakes/in-memory-evidence-storage.ts';

evidenceStorageContract('in memory', () => {
  const storage = new InMemoryEvidenceStorage();
  return {
    storage,
    client: {
      put: async (url, _headers, bytes) => {
        storage.upload(url, bytes);
      },
      get: async (url) => storage.download(url),
    },
  };
});
