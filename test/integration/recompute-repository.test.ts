import { documentClient } from '#shared/kernel/store/clients.ts';
import { RecomputeRepository } from '#shared/recording/store/recompute-repository.ts';
import { recomputeRepositoryContract } from '#test/contracts/recompute-repository.ts';

recomputeRepositoryContract(
  'DynamoDB Local',
  new RecomputeRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
