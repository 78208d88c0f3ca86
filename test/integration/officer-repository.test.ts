import { documentClient } from '#shared/kernel/store/clients.ts';
import { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';
import { officerRepositoryContract } from '#test/contracts/officer-repository.ts';

officerRepositoryContract(
  'DynamoDB Local',
  new OfficerRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
