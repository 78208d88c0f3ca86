import { randomDrawRepositoryContract } from '#test/contracts/random-draw-repository.ts';
import { InMemoryRandomDraws } from '#test/fakes/in-memory-publicity.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
randomDrawRepositoryContract('in memory', new InMemoryRandomDraws());
