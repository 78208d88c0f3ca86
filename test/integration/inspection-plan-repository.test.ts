import { InspectionPlanRepository } from '#shared/inspections/store/inspection-plan-repository.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { inspectionPlanRepositoryContract } from '#test/contracts/inspection-plan-repository.ts';

inspectionPlanRepositoryContract(
  'DynamoDB Local',
  new InspectionPlanRepository(documentClient, process.env.MAIN_TABLE ?? ''),
);
