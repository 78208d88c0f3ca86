import { ulid } from 'ulid';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { PublicationRepository } from '#shared/publicity/store/publication-repository.ts';
import { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { publicationRepositoryContract } from '#test/contracts/publication-repository.ts';

const table = process.env.MAIN_TABLE ?? '';
publicationRepositoryContract('DynamoDB Local', () => ({
  cases: new CaseRepository(documentClient, table, process.env.JOURNAL_TABLE ?? ''),
  publications: new PublicationRepository(documentClient, table),
  agencyId: `contract-${ulid()}`,
}));
