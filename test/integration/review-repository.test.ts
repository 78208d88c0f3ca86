import { ulid } from 'ulid';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { ReviewRepository } from '#shared/legal-review/store/review-repository.ts';
import { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { reviewRepositoryContract } from '#test/contracts/review-repository.ts';

const table = process.env.MAIN_TABLE ?? '';
reviewRepositoryContract('DynamoDB Local', () => ({
  cases: new CaseRepository(documentClient, table, process.env.JOURNAL_TABLE ?? ''),
  reviews: new ReviewRepository(documentClient, table),
  agencyId: `contract-${ulid()}`,
}));
