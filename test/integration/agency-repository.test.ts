import { documentClient } from '#shared/kernel/store/clients.ts';
import { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import { agencyRepositoryContract } from '#test/contracts/agency-repository.ts';

agencyRepositoryContract(
  'DynamoDB Local',
  new AgencyRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
