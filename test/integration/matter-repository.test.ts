import { documentClient } from '#shared/kernel/store/clients.ts';
import { MatterRepository } from '#shared/supervision/store/matter-repository.ts';
import { matterRepositoryContract } from '#test/contracts/matter-repository.ts';

matterRepositoryContract(
  'DynamoDB Local',
  new MatterRepository(documentClient, process.env.MAIN_TABLE ?? '', process.env.JOURNAL_TABLE ?? ''),
);
