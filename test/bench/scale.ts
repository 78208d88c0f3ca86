import { performance } from 'node:perf_hooks';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { startLocalStack } from '#local/stack.ts';
import { quantile } from '#test/bench/quantile.ts';

/**
 * `npm run bench:scale`: the reads whose cost must not grow with an agency's history, at 1,000
 * and at SCALE_CASES (default 100,000) cases of one agency, with the main table filled by other
 * agencies' items up to SCALE_ITEMS (default 1,000,000), in one run: `GET /v1/stats` for the
 * year, the case list's first page, the public decision list's first page and the year's draft
 * annual report, the agency's complaint list and its supervisory body's live alerts (SUP-1,
 * SUP-5), each p50 of 21 reads, as the ratio of the large to the small. Every case is written by
 * the case store itself (`cases.create`: the case, its journal, its day counters, a published
 * decision's publication and public record), 16 at a time, and every tenth has a complaint
 * about it, answered or not, written by the complaint store; the filler by BatchWrite.
 */
const large = Number(process.env.SCALE_CASES ?? 100_000);
const items = Number(process.env.SCALE_ITEMS ?? 1_000_000);
const stack = await startLocalStack({ publicBaseUrl: 'http://localhost:3000', log: () => undefined });
Object.assign(process.env, stack.env);
const { ports } = await import('#shared/repositories.ts');
const { documentClient } = await import('#shared/kernel/store/clients.ts');
const { config } = await import('#shared/config.ts');
const { startApiServer } = await import('#local/api-server.ts');
const { forEachConcurrently } = await import('#shared/concurrency.ts');
const { nextEntry, GENESIS_HASH } = await import('#shared/kernel/journal.ts');
const { legalDateOf, addCalendarDays } = await import('#shared/kernel/dates.ts');
type CaseRecord = import('#shared/recording/domain/case.ts').CaseRecord;
type Publication = import('#shared/publicity/domain/publication.ts').Publication;
type PublicRecord = import('#shared/publicity/domain/public-record.ts').PublicRecord;

const server = await startApiServer({ port: 0, tokenSecret: stack.tokenSecret });
const table = config().MAIN_TABLE;
const today = legalDateOf(new Date());
const yearStart = `${today.slice(0, 4)}-01-01`;
const daysThisYear = Math.round((Date.parse(today) - Date.parse(yearStart)) / 86_400_000) + 1;
/** Items a seeded case puts in the main table: case, journal day, publication, public record. */
const ITEMS_PER_CASE = 4;

async function call(path: string, token?: string) {
  const response = await fetch(`${server.url}${path}`, {
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`GET ${path}: ${response.status} ${text}`);
  return text;
}

/** One decided, published case of `agencyId`, registered on a day of this year. */
async function seedCase(agencyId: string, index: number): Promise<void> {
  const day = addCalendarDays(yearStart, index % daysThisYear);
  const at = `${day}T02:00:00.000Z`;
  const caseId = ulid();
  const publicationId = ulid();
  const entry = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    { at, actor: 'bench', type: 'case.registered', data: {} },
  );
  const decision = {
    id: ulid(),
    type: '行政处罚决定',
    summary: '警告',
    legalBasis: '某条例第十条',
    penalty: { kind: 'warning' },
    decidedAt: at,
    decidedOn: day,
    decidedBy: 'bench',
    publicationId,
  };
  const record = {
    id: caseId,
    agencyId,
    category: 'penalty',
    procedure: 'simple',
    title: `基准案件 ${index}`,
    party: { kind: 'organization', name: `某有限公司${index}`, idNumber: '52530524MJ0000000Q' },
    officers: [],
    handlers: ['bench'],
    unitId: 'u1',
    flags: {},
    status: 'decided',
    decision,
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    version: 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
  } as unknown as CaseRecord;
  const publication: Publication = {
    id: publicationId,
    agencyId,
    caseId,
    unitId: 'u1',
    decisionId: decision.id,
    category: 'penalty',
    status: 'published',
    decidedOn: day,
    workingDays: 7,
    dueBy: addCalendarDays(day, 9),
    publishedAt: at,
    expiresOn: addCalendarDays(day, 1095),
    calendarVersions: {},
    periodMonths: 36,
    createdAt: at,
    updatedAt: at,
    version: 1,
  } as Publication;
  const shown: PublicRecord = {
    id: publicationId,
    agencyId,
    agencyName: '基准县某局',
    category: 'penalty',
    categoryName: '行政处罚',
    party: { kind: 'organization', name: `某有限公司${index}` },
    decisionType: '行政处罚决定',
    conclusion: '警告',
    legalBasis: '某条例第十条',
    decidedOn: day,
    publishedOn: day,
    expiresOn: addCalendarDays(day, 1095),
  };
  await ports.cases.create(record, entry, [
    ports.publications.put(publication),
    ports.publications.putPublicRecord(agencyId, shown, true, at),
  ]);
  if (index % 10 === 0) {
    const answered = index % 20 === 0;
    await ports.complaints.create(
      {
        complaintId: ulid(),
        agencyId,
        about: { kind: 'decision', ref: publicationId },
        aboutName: record.title,
        text: '对处罚决定有异议',
        receivedAt: at,
        answerBy: addCalendarDays(day, 60),
        status: answered ? 'answered' : 'received',
        ...(answered
          ? {
              answer: {
                text: '已复核，维持原决定',
                answeredAt: at,
                answeredBy: 'bench',
                answeredByName: '管理员',
              },
            }
          : {}),
        version: 1,
      },
      `bench-${agencyId}-${index}`,
    );
  }
}

async function seedCases(agencyId: string, from: number, to: number): Promise<void> {
  const started = performance.now();
  const indexes = Array.from({ length: to - from }, (_, offset) => from + offset);
  for (let start = 0; start < indexes.length; start += 5_000) {
    await forEachConcurrently(indexes.slice(start, start + 5_000), 16, (index) => seedCase(agencyId, index));
    const done = from + Math.min(indexes.length, start + 5_000);
    console.log(`  ${done} cases (${(((done - from) / (performance.now() - started)) * 1000).toFixed(0)}/s)`);
  }
}

/** Other agencies' cases, straight into the table, so the one measured is one among many. */
async function fill(count: number): Promise<void> {
  const batches = Array.from({ length: Math.ceil(count / 25) }, (_, batch) => batch);
  await forEachConcurrently(batches, 8, async (batch) => {
    const agencyId = `filler-${batch % 1000}`;
    let pending: unknown[] | undefined = Array.from({ length: Math.min(25, count - batch * 25) }, () => {
      const id = ulid();
      return {
        PutRequest: {
          Item: {
            pk: `AGENCY#${agencyId}`,
            sk: `CASE#${id}`,
            gsi1pk: `CASES#${agencyId}`,
            gsi1sk: `2026-01-01T00:00:00.000Z#${id}`,
            entity: 'case',
            id,
            agencyId,
            title: '填充案件',
            status: 'registered',
          },
        },
      };
    });
    while (pending && pending.length > 0) {
      const answer: { UnprocessedItems?: Record<string, unknown[]> } = await documentClient.send(
        new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
      );
      pending = answer.UnprocessedItems?.[table];
    }
  });
}

try {
  const agencyId = `scale-${Date.now().toString(36)}`;
  const token = JSON.parse(
    await (
      await fetch(`${server.url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          sub: 'bench-admin',
          name: '管理员',
          agencyId,
          unitId: 'u1',
          roles: ['admin'],
        }),
      })
    ).text(),
  ).token as string;
  // The agency is supervised by a body of its own (ORG-4: in the data), whose supervisor reads its alerts.
  const bodyId = `${agencyId}-sfj`;
  await ports.agencies.create({
    agencyId,
    name: '基准县某局',
    region: '基准县',
    units: [{ id: 'u1', name: '执法股' }],
    supervisedBy: [bodyId],
    updatedAt: new Date().toISOString(),
    updatedBy: 'bench',
  });
  const supervisor = JSON.parse(
    await (
      await fetch(`${server.url}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          sub: 'bench-supervisor',
          name: '监督员',
          agencyId: bodyId,
          roles: ['supervisor'],
        }),
      })
    ).text(),
  ).token as string;
  const year = today.slice(0, 4);
  const reads: Record<string, [string, string | undefined]> = {
    'GET /v1/complaints?limit=50': ['/v1/complaints?limit=50', token],
    'GET /v1/supervision/alerts': [`/v1/supervision/alerts?agencyId=${agencyId}`, supervisor],
    'GET /v1/stats (the year)': [`/v1/stats?from=${year}-01-01&to=${year}-12-31`, token],
    'GET /v1/cases?limit=50': ['/v1/cases?limit=50', token],
    'public decision list (20)': [`/public/v1/agencies/${agencyId}/decisions?limit=20`, undefined],
    'public annual report (draft)': [`/public/v1/agencies/${agencyId}/annual-reports/${year}`, undefined],
  };
  const measured: Record<string, number[]> = {};
  async function measure(size: number) {
    for (const [label, [path, bearer]] of Object.entries(reads)) {
      const times: number[] = [];
      for (let i = 0; i < 21; i += 1) {
        const start = performance.now();
        await call(path, bearer);
        times.push(performance.now() - start);
      }
      const p50 = quantile(times, 0.5);
      measured[label] = [...(measured[label] ?? []), p50];
      console.log(
        `${label.padEnd(30)} ${String(size).padStart(7)} cases  p50 ${p50.toFixed(1).padStart(7)} ms`,
      );
    }
  }
  console.log(
    `scale: 1,000 then ${large.toLocaleString('en')} cases of one agency, the table filled to ${items.toLocaleString('en')} items`,
  );
  await seedCases(agencyId, 0, 1_000);
  await measure(1_000);
  await seedCases(agencyId, 1_000, large);
  const filler = Math.max(0, items - large * ITEMS_PER_CASE);
  console.log(`  filling the table with ${filler.toLocaleString('en')} items of 1,000 other agencies`);
  await fill(filler);
  await measure(large);
  console.log('\nratio of p50 at the large size to p50 at 1,000 (goal: at most 1.5)');
  for (const [label, [small = 0, big = 0]] of Object.entries(measured))
    console.log(
      `${label.padEnd(30)} ${(big / small).toFixed(2)}x  (${small.toFixed(1)} ms -> ${big.toFixed(1)} ms)`,
    );
} finally {
  await server.close();
  await stack.stop();
}
