import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTables } from '#local/provision.ts';
import { type JournalEntry, verifyChain } from '#shared/kernel/journal.ts';
import { documentClient, dynamoClient, s3Client } from '#shared/kernel/store/clients.ts';
import { journalTable, mainTable } from '#shared/kernel/store/table-definitions.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import type { Evidence } from '#shared/recording/domain/evidence.ts';
import { EvidenceStorage } from '#shared/recording/store/evidence-storage.ts';

/**
 * The restore drill of docs/operations.md, on the local stack: copy the main and journal tables
 * (as a point-in-time restore does, into new tables), then prove the copy whole: every case's
 * journal verifies against the head its case holds, and every archived recording's bytes in the
 * Object Lock archive still have the SHA-256 recorded at arrival.
 */
export interface DrillReport {
  items: { main: number; journal: number };
  cases: number;
  journalsVerified: number;
  evidenceVerified: number;
  broken: { what: string; id: string; reason: string }[];
}

async function scanAll(table: string, agencyId?: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({
        TableName: table,
        ExclusiveStartKey: start,
        ...(agencyId
          ? {
              FilterExpression: 'begins_with(pk, :agency) OR begins_with(pk, :journal)',
              ExpressionAttributeValues: { ':agency': `AGENCY#${agencyId}`, ':journal': `CASE#${agencyId}#` },
            }
          : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function writeAll(table: string, items: Record<string, unknown>[]): Promise<void> {
  for (let index = 0; index < items.length; index += 25) {
    let pending = items.slice(index, index + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const { UnprocessedItems } = await documentClient.send(
        new BatchWriteCommand({ RequestItems: { [table]: pending } }),
      );
      pending = (UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }
}

export async function restoreDrill(options: {
  mainTable: string;
  journalTable: string;
  evidenceBucket: string;
  /** Only this agency (a test shares the tables with others); all of them otherwise. */
  agencyId?: string;
  /** Drop the restored tables afterwards. */
  dropRestored?: boolean;
}): Promise<DrillReport> {
  const suffix = `restored-${Date.now()}`;
  const restored = { main: `${options.mainTable}-${suffix}`, journal: `${options.journalTable}-${suffix}` };
  const [main, journal] = await Promise.all([
    scanAll(options.mainTable, options.agencyId),
    scanAll(options.journalTable, options.agencyId),
  ]);
  await createTables(dynamoClient, [
    { ...mainTable, id: restored.main },
    { ...journalTable, id: restored.journal },
  ]);
  try {
    await writeAll(restored.main, main);
    await writeAll(restored.journal, journal);
    const [restoredMain, restoredJournal] = await Promise.all([
      scanAll(restored.main),
      scanAll(restored.journal),
    ]);
    const report: DrillReport = {
      items: { main: restoredMain.length, journal: restoredJournal.length },
      cases: 0,
      journalsVerified: 0,
      evidenceVerified: 0,
      broken: [],
    };
    if (restoredMain.length !== main.length || restoredJournal.length !== journal.length)
      report.broken.push({ what: 'table', id: restored.main, reason: 'item count differs from the source' });
    const entriesOf = Map.groupBy(restoredJournal, (item) => String(item.pk));
    for (const item of restoredMain.filter((candidate) => candidate.entity === 'case')) {
      const record = item as unknown as CaseRecord;
      report.cases += 1;
      const entries = (entriesOf.get(`CASE#${record.agencyId}#${record.id}`) ?? [])
        .map(({ pk: _pk, ...entry }) => entry as unknown as JournalEntry)
        .sort((a, b) => a.seq - b.seq);
      const verdict = verifyChain(entries, { seq: record.journalSeq, hash: record.journalHead });
      if (verdict.ok) report.journalsVerified += 1;
      else report.broken.push({ what: 'journal', id: record.id, reason: JSON.stringify(verdict.broken) });
    }
    const storage = new EvidenceStorage(s3Client, options.evidenceBucket);
    for (const item of restoredMain.filter((candidate) => candidate.entity === 'evidence')) {
      const evidence = item as unknown as Evidence;
      if (evidence.status !== 'archived') continue;
      const stored = await storage.inspect(evidence.key, evidence.versionId);
      if (stored.sha256 === evidence.sha256) report.evidenceVerified += 1;
      else report.broken.push({ what: 'evidence', id: evidence.id, reason: `SHA-256 ${stored.sha256}` });
    }
    return report;
  } finally {
    if (options.dropRestored ?? true) {
      for (const table of [restored.main, restored.journal])
        await dynamoClient.send(new DeleteTableCommand({ TableName: table }));
    }
  }
}
