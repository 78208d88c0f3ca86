import { agencyRepositoryContract } from '#test/contracts/agency-repository.ts';
import { InMemoryAgencies } from '#test/fakes/in-memory-stores.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
agencyRepositoryContract('in memory', new InMemoryAgencies());
