import { ulid } from 'ulid';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { EvidenceRepository } from '#shared/recording/store/evidence-repository.ts';
import { evidenceRepositoryContract } from '#test/contracts/evidence-repository.ts';

const table = process.env.MAIN_TABLE ?? '';
evidenceRepositoryContract('DynamoDB Local', () => ({
  cases: new CaseRepository(documentClient, table, process.env.JOURNAL_TABLE ?? ''),
  evidence: new EvidenceRepository(documentClient, table),
  agencyId: `contract-${ulid()}`,
}));
