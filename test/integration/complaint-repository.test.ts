import { documentClient } from '#shared/kernel/store/clients.ts';
import { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import { complaintRepositoryContract } from '#test/contracts/complaint-repository.ts';

complaintRepositoryContract(
  'DynamoDB Local',
  new ComplaintRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
