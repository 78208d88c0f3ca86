import { deviceRepositoryContract } from '#test/contracts/device-repository.ts';
import { InMemoryDevices } from '#test/fakes/in-memory-evidence-storage.ts';

// The in-memory store keeps the contract the DynamoDB one keeps (test/integration).
deviceRepositoryContract('in memory', new InMemoryDevices());
