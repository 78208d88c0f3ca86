import { checklistRepositoryContract } from '#test/contracts/checklist-repository.ts';
import { InMemoryChecklists } from '#test/fakes/in-memory-publicity.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
checklistRepositoryContract('in memory', new InMemoryChecklists());
