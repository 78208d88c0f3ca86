import { InspectionRepository } from '#shared/inspections/store/inspection-repository.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { inspectionRepositoryContract } from '#test/contracts/inspection-repository.ts';

inspectionRepositoryContract(
  'DynamoDB Local',
  new InspectionRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
