import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { sortKeyStartsWith } from '#shared/kernel/store/query.ts';

const table = process.env.MAIN_TABLE ?? '';

describe('DynamoDB Local, where it differs from DynamoDB', () => {
  it('[REC-9] a sort-key prefix asked as a BETWEEN range finds exactly what begins_with finds', async () => {
    const pk = `AGENCY#local-probe-${ulid()}`;
    // An agency's partition: case items around three of the kind a query asks for.
    for (let start = 0; start < 500; start += 25) {
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
    // What begins_with costs on DynamoDB Local (it reads the whole partition) is measured by
    // `npm run bench:dynamodb-local`, not here: a timed test fails on a busy machine.
  });
});
