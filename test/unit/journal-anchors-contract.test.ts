import { journalAnchorsContract } from '#test/contracts/journal-anchors.ts';
import { InMemoryCases } from '#test/fakes/in-memory-cases.ts';
import { InMemoryAnchors } from '#test/fakes/in-memory-publicity.ts';

// The in-memory store keeps the contract the DynamoDB and S3 one keeps (test/integration).
journalAnchorsContract('in memory', () => {
  const cases = new InMemoryCases();
  return { cases, anchors: new InMemoryAnchors(cases), agencyId: 'contract' };
});
