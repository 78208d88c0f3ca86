import { documentClient } from '#shared/kernel/store/clients.ts';
import { EvaluationRepository } from '#shared/supervision/store/evaluation-repository.ts';
import { evaluationRepositoryContract } from '#test/contracts/evaluation-repository.ts';

evaluationRepositoryContract(
  'DynamoDB Local',
  new EvaluationRepository(documentClient, process.env.MAIN_TABLE ?? '', process.env.JOURNAL_TABLE ?? ''),
);
