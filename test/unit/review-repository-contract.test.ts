import { reviewRepositoryContract } from '#test/contracts/review-repository.ts';
import { InMemoryCases, InMemoryReviews } from '#test/fakes/in-memory-cases.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
reviewRepositoryContract('in memory', () => ({
  cases: new InMemoryCases(),
  reviews: new InMemoryReviews(),
  agencyId: 'contract',
}));
