import { performance } from 'node:perf_hooks';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { sortKeyStartsWith } from '#shared/kernel/store/query.ts';

const table = process.env.MAIN_TABLE ?? '';

/** Median time of a query, over several runs. */
async function median(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 9; run += 1) {
    const start = performance.now();
    await documentClient.send(new QueryCommand(input));
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[4] ?? 0;
}

describe('DynamoDB Local, where it differs from DynamoDB', () => {
  it('[REC-9] begins_with on a sort key scans the partition, BETWEEN over the same prefix does not; both find the same items', async () => {
    const pk = `AGENCY#local-probe-${ulid()}`;
    // A busy agency's partition: many case items, and three of the kind a query asks for.
    for (let start = 0; start < 20_000; start += 25) {
      await documentClient.send(
        new BatchWriteCommand({
          RequestItems: {
            [table]: Array.from({ length: 25 }, (_, index) => ({
              PutRequest: {
                Item: { pk, sk: `CASE#${String(start + index).padStart(8, '0')}`, pad: 'x'.repeat(100) },
              },
            })),
          },
        }),
      );
    }
    for (const version of [1, 2, 3])
      await documentClient.send(
        new BatchWriteCommand({
          RequestItems: { [table]: [{ PutRequest: { Item: { pk, sk: `ANNUAL#2026#000${version}` } } }] },
        }),
      );
    const prefixed = {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': 'ANNUAL#2026#' },
    };
    const ranged = { TableName: table, ...sortKeyStartsWith(pk, 'ANNUAL#2026#') };
    const [byPrefix, byRange] = await Promise.all([
      documentClient.send(new QueryCommand(prefixed)),
      documentClient.send(new QueryCommand(ranged)),
    ]);
    expect(byRange.Items?.map((item) => item.sk)).toEqual([
      'ANNUAL#2026#0001',
      'ANNUAL#2026#0002',
      'ANNUAL#2026#0003',
    ]);
    expect(byPrefix.Items?.map((item) => item.sk)).toEqual(byRange.Items?.map((item) => item.sk));
    // The scan shows as time: the prefix query costs several times the range (measured 30 ms
    // against 2.6 ms at 60,000 items). Asserted loosely, as a ratio, on a shared machine.
    expect(await median(prefixed)).toBeGreaterThan(2 * (await median(ranged)));
  }, 120_000);
});
