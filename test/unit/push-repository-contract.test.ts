import { pushRepositoryContract } from '#test/contracts/push-repository.ts';
import { InMemoryCases } from '#test/fakes/in-memory-cases.ts';
import { InMemoryPush } from '#test/fakes/in-memory-publicity.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
pushRepositoryContract('in memory', () => ({
  cases: new InMemoryCases(),
  push: new InMemoryPush(),
  agencyId: 'contract',
}));
