import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { indexPage, queryPage, sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import { newAgencyId } from '#test/helpers/api.ts';

const table = process.env.MAIN_TABLE ?? '';

/** `count` items in an agency's partition, each also in one index partition, every third "odd". */
async function partitionOf(count: number) {
  const agencyId = newAgencyId();
  const items = Array.from({ length: count }, (_, n) => ({
    pk: `AGENCY#${agencyId}`,
    sk: `PAGED#${String(n).padStart(4, '0')}`,
    gsi1pk: `PAGED#${agencyId}`,
    gsi1sk: String(n).padStart(4, '0'),
    n,
    kind: n % 3 === 0 ? 'odd' : 'even',
  }));
  for (let at = 0; at < items.length; at += 25) {
    await documentClient.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
  return agencyId;
}

/** Every page of the table query, and how many there were. */
async function allPages(agencyId: string, limit: number) {
  const pages: string[][] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await queryPage(
      documentClient,
      { TableName: table, ...sortKeyStartsWith(`AGENCY#${agencyId}`, 'PAGED#') },
      cursor,
      limit,
    );
    pages.push(page.items.map((item) => String(item.sk)));
    cursor = page.next;
  } while (cursor);
  return pages;
}

describe('keyed pages on DynamoDB Local', () => {
  it('a last page that is exactly full says there is nothing after it; DynamoDB alone would promise more', async () => {
    const agencyId = await partitionOf(10);
    const pages = await allPages(agencyId, 5);
    expect(pages.map((page) => page.length)).toEqual([5, 5]);
    expect(new Set(pages.flat()).size).toBe(10);
    // The surprise this guards against: DynamoDB's own key after an exactly full last page.
    const raw = await documentClient.send(
      new QueryCommand({ TableName: table, ...sortKeyStartsWith(`AGENCY#${agencyId}`, 'PAGED#'), Limit: 10 }),
    );
    expect(raw.Items).toHaveLength(10);
    expect(raw.LastEvaluatedKey).toBeDefined();
    const whole = await queryPage(
      documentClient,
      { TableName: table, ...sortKeyStartsWith(`AGENCY#${agencyId}`, 'PAGED#') },
      undefined,
      10,
    );
    expect(whole.next).toBeUndefined();
  });

  it('pages one item short of full and one item over still give every item once', async () => {
    const agencyId = await partitionOf(11);
    expect((await allPages(agencyId, 5)).map((page) => page.length)).toEqual([5, 5, 1]);
    expect((await allPages(agencyId, 12)).map((page) => page.length)).toEqual([11]);
  });

  it('an index page with a filter goes on from where it stopped and finds every match once', async () => {
    const agencyId = await partitionOf(20);
    const found: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await indexPage<{ n: number }>(documentClient, {
        table,
        index: 'gsi1',
        partition: `PAGED#${agencyId}`,
        itemPk: `AGENCY#${agencyId}`,
        itemSkPrefix: 'PAGED#',
        limit: 4,
        cursor,
        filter: { expression: '#kind = :odd', names: { '#kind': 'kind' }, values: { ':odd': 'odd' } },
      });
      found.push(...page.items.map((item) => item.n));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    // 0, 3, ..., 18: seven matches, newest first, each once.
    expect(found).toEqual([18, 15, 12, 9, 6, 3, 0]);
  });
});
