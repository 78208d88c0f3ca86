import { documentClient } from '#shared/kernel/store/clients.ts';
import { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import { SupervisionYearRepository } from '#shared/supervision/store/supervision-year-repository.ts';
import { supervisionYearRepositoryContract } from '#test/contracts/supervision-year-repository.ts';

const table = process.env.MAIN_TABLE ?? '';
supervisionYearRepositoryContract('DynamoDB Local', {
  years: new SupervisionYearRepository(documentClient, table),
  complaints: new ComplaintRepository(documentClient, table),
});
