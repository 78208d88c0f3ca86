import { publicationRepositoryContract } from '#test/contracts/publication-repository.ts';
import { InMemoryCases } from '#test/fakes/in-memory-cases.ts';
import { InMemoryPublications } from '#test/fakes/in-memory-publicity.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
publicationRepositoryContract('in memory', () => ({
  cases: new InMemoryCases(),
  publications: new InMemoryPublications(),
  agencyId: 'contract',
}));
