import { RandomDrawRepository } from '#shared/inspections/store/random-draw-repository.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { randomDrawRepositoryContract } from '#test/contracts/random-draw-repository.ts';

randomDrawRepositoryContract(
  'DynamoDB Local',
  new RandomDrawRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
