import { performance } from 'node:perf_hooks';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { startLocalStack } from '#local/stack.ts';

/**
 * `npm run bench:sweep`: the publication sweep over N publications past their due date (default
 * 1,000 and 10,000; `SWEEP_SIZES=1000,10000`), each a decided case seeded straight into the table,
 * against raw BatchWrite of the same publication items, in one run; and the sweep's memory while
 * it works (heap sampled every 20 ms, above what it held before).
 */
const sizes = (process.env.SWEEP_SIZES ?? '1000,10000').split(',').map(Number);
const stack = await startLocalStack({ publicBaseUrl: 'http://localhost:3000', log: () => undefined });
Object.assign(process.env, stack.env);
const { ports } = await import('#shared/repositories.ts');
const { documentClient } = await import('#shared/kernel/store/clients.ts');
const { config } = await import('#shared/config.ts');
const { sweepPublications } = await import('#shared/publicity/use-cases/publication-sweep.ts');
const { nextEntry, GENESIS_HASH } = await import('#shared/kernel/journal.ts');
const { legalDateOf, addCalendarDays } = await import('#shared/kernel/dates.ts');
type CaseRecord = import('#shared/recording/domain/case.ts').CaseRecord;
type Publication = import('#shared/publicity/domain/publication.ts').Publication;

const table = config().MAIN_TABLE;
const today = legalDateOf(new Date());
const decidedOn = addCalendarDays(today, -12);
const dueBy = addCalendarDays(today, -1);

async function seed(agencyId: string, count: number): Promise<Publication[]> {
  const publications: Publication[] = [];
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, async () => {
        const caseId = ulid();
        const publicationId = ulid();
        const entry = nextEntry(
          { seq: 0, hash: GENESIS_HASH },
          { at: now, actor: 'bench', type: 'case.registered', data: {} },
        );
        const record = {
          id: caseId,
          agencyId,
          category: 'penalty',
          procedure: 'simple',
          title: '基准公示',
          party: { kind: 'organization', name: '某有限公司' },
          officers: [],
          handlers: ['bench'],
          flags: {},
          status: 'decided',
          decision: {
            id: ulid(),
            type: '行政处罚决定',
            summary: '警告',
            legalBasis: '某条例第十条',
            penalty: { kind: 'warning' },
            decidedAt: now,
            decidedOn,
            decidedBy: 'bench',
            publicationId,
          },
          createdAt: now,
          createdBy: 'bench',
          updatedAt: now,
          version: 1,
          journalSeq: entry.seq,
          journalHead: entry.hash,
        } as unknown as CaseRecord;
        const publication: Publication = {
          id: publicationId,
          agencyId,
          caseId,
          decisionId: (record.decision as { id: string }).id,
          category: 'penalty',
          status: 'scheduled',
          decidedOn,
          workingDays: 7,
          dueBy,
          calendarVersions: {},
          periodMonths: 3,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await ports.cases.create(record, entry, [ports.publications.put(publication)]);
        publications.push(publication);
      }),
    );
  }
  return publications;
}

async function rawBatchWrite(publications: Publication[]): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < publications.length; index += 25) {
    const items = publications.slice(index, index + 25).map((publication) => ({
      PutRequest: { Item: { pk: `RAW#${publication.agencyId}`, sk: publication.id, ...publication } },
    }));
    let pending: typeof items | undefined = items;
    while (pending && pending.length > 0) {
      const { UnprocessedItems } = await documentClient.send(
        new BatchWriteCommand({ RequestItems: { [table]: pending } }),
      );
      pending = UnprocessedItems?.[table] as typeof items | undefined;
    }
  }
  return performance.now() - start;
}

try {
  console.log('publication sweep: N publications past their due date, one agency, same run');
  for (const size of sizes) {
    const agencyId = `sweep-${size}-${ulid().toLowerCase()}`;
    const publications = await seed(agencyId, size);
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const start = performance.now();
    const result = await sweepPublications(ports);
    const sweepMs = performance.now() - start;
    clearInterval(sampler);
    if (result.published.length !== size) throw new Error(`published ${result.published.length} of ${size}`);
    const rawMs = await rawBatchWrite(publications);
    console.log(
      `${String(size).padStart(7)} due  sweep ${(sweepMs / 1000).toFixed(1)} s (${((size / sweepMs) * 1000).toFixed(0)}/s)  ` +
        `raw BatchWrite ${(rawMs / 1000).toFixed(2)} s  ratio ${(sweepMs / rawMs).toFixed(1)}x  ` +
        `heap above start ${((peak - before) / 1024 / 1024).toFixed(1)} MB`,
    );
  }
} finally {
  await stack.stop();
}
