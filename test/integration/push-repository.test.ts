import { ulid } from 'ulid';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { PushRepository } from '#shared/recording/store/push-repository.ts';
import { pushRepositoryContract } from '#test/contracts/push-repository.ts';

const table = process.env.MAIN_TABLE ?? '';
pushRepositoryContract('DynamoDB Local', () => ({
  cases: new CaseRepository(documentClient, table, process.env.JOURNAL_TABLE ?? ''),
  push: new PushRepository(documentClient, table),
  agencyId: `contract-${ulid()}`,
}));
