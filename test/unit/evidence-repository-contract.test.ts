import { evidenceRepositoryContract } from '#test/contracts/evidence-repository.ts';
import { InMemoryCases, InMemoryEvidence } from '#test/fakes/in-memory-cases.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
evidenceRepositoryContract('in memory', () => ({
  cases: new InMemoryCases(),
  evidence: new InMemoryEvidence(),
  agencyId: 'contract',
}));
