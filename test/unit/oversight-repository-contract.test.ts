import { annualReportRepositoryContract } from '#test/contracts/annual-report-repository.ts';
import { recomputeRepositoryContract } from '#test/contracts/recompute-repository.ts';
import { InMemoryAnnualReports, InMemoryRecomputations } from '#test/fakes/in-memory-oversight.ts';

// The in-memory stores keep the contracts the DynamoDB ones keep (test/integration).
annualReportRepositoryContract('in memory', new InMemoryAnnualReports());
recomputeRepositoryContract(
  'in memory',
  new InMemoryRecomputations({ publications: { workIndex: () => [] }, reviews: { workIndex: () => [] } }),
);
