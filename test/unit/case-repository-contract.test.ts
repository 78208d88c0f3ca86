import { caseRepositoryContract } from '#test/contracts/case-repository.ts';
import { InMemoryCases, InMemoryReviews } from '#test/fakes/in-memory-cases.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
caseRepositoryContract('in memory', () => {
  const cases = new InMemoryCases();
  return { cases, reviews: new InMemoryReviews(), agencyId: 'contract' };
});
