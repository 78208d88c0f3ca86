import { AnnualReportRepository } from '#shared/store/annual-report-repository.ts';
import { documentClient } from '#shared/store/clients.ts';
import { annualReportRepositoryContract } from '#test/contracts/annual-report-repository.ts';

annualReportRepositoryContract(
  'DynamoDB Local',
  new AnnualReportRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
