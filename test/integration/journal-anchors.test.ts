import { ulid } from 'ulid';
import { config } from '#shared/config.ts';
import { documentClient, s3Client } from '#shared/kernel/store/clients.ts';
import { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { JournalAnchors } from '#shared/recording/store/journal-anchors.ts';
import { journalAnchorsContract } from '#test/contracts/journal-anchors.ts';

const table = process.env.MAIN_TABLE ?? '';
// As the composition root (shared/repositories.ts) builds it: the anchors in the evidence archive.
journalAnchorsContract('DynamoDB Local and radosgw', () => ({
  cases: new CaseRepository(documentClient, table, process.env.JOURNAL_TABLE ?? ''),
  anchors: new JournalAnchors(documentClient, table, s3Client, config().EVIDENCE_BUCKET),
  agencyId: `contract-${ulid()}`,
}));
