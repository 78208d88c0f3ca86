import { ulid } from 'ulid';
import { CaseRepository } from '#shared/store/case-repository.ts';
import { documentClient } from '#shared/store/clients.ts';
import { ReviewRepository } from '#shared/store/review-repository.ts';
import { caseRepositoryContract } from '#test/contracts/case-repository.ts';

const table = process.env.MAIN_TABLE ?? '';
caseRepositoryContract('DynamoDB Local', () => ({
  cases: new CaseRepository(documentClient, table, process.env.JOURNAL_TABLE ?? ''),
  reviews: new ReviewRepository(documentClient, table),
  agencyId: `contract-${ulid()}`,
}));
