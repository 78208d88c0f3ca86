import { documentClient } from '#shared/kernel/store/clients.ts';
import { TrainingRepository } from '#shared/organisation/store/training-repository.ts';
import { trainingRepositoryContract } from '#test/contracts/training-repository.ts';

trainingRepositoryContract(
  'DynamoDB Local',
  new TrainingRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
