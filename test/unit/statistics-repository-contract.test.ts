import { statisticsRepositoryContract } from '#test/contracts/statistics-repository.ts';
import { InMemoryStatistics } from '#test/fakes/in-memory-cases.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
statisticsRepositoryContract('in memory', () => {
  const statistics = new InMemoryStatistics();
  return { statistics, add: async (agencyId, _caseId, days) => statistics.add(agencyId, days) };
});
