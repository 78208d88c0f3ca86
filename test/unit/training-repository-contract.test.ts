import { trainingRepositoryContract } from '#test/contracts/training-repository.ts';
import { InMemoryTrainings } from '#test/fakes/in-memory-oversight.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
trainingRepositoryContract('in memory', new InMemoryTrainings());
