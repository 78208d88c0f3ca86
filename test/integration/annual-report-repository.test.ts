import { documentClient } from '#shared/kernel/store/clients.ts';
import { AnnualReportRepository } from '#shared/publicity/store/annual-report-repository.ts';
import { annualReportRepositoryContract } from '#test/contracts/annual-report-repository.ts';

annualReportRepositoryContract(
  'DynamoDB Local',
  new AnnualReportRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
