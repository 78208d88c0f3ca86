import { performance } from 'node:perf_hooks';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { startLocalStack } from '#local/stack.ts';

/**
 * `npm run bench:dynamodb-local`: what DynamoDB Local's `begins_with` on a sort key costs against
 * the same prefix asked as a BETWEEN range (`sortKeyStartsWith`), in one partition of 20,000
 * case items and three of the kind asked for. DynamoDB serves both from the key order; DynamoDB
 * Local reads the whole partition for `begins_with` (docs/performance.md). The ratio, one run.
 */
const stack = await startLocalStack({ publicBaseUrl: 'http://localhost:3000', log: () => undefined });
Object.assign(process.env, stack.env);
const { documentClient } = await import('#shared/kernel/store/clients.ts');
const { sortKeyStartsWith } = await import('#shared/kernel/store/query.ts');
const table = process.env.MAIN_TABLE ?? '';

async function median(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 9; run += 1) {
    const start = performance.now();
    await documentClient.send(new QueryCommand(input));
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[4] ?? 0;
}

try {
  const pk = `AGENCY#local-probe-${ulid()}`;
  for (let start = 0; start < 20_000; start += 25)
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
  for (const version of [1, 2, 3])
    await documentClient.send(
      new BatchWriteCommand({
        RequestItems: { [table]: [{ PutRequest: { Item: { pk, sk: `ANNUAL#2026#000${version}` } } }] },
      }),
    );
  const prefixed = await median({
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': 'ANNUAL#2026#' },
  });
  const ranged = await median({ TableName: table, ...sortKeyStartsWith(pk, 'ANNUAL#2026#') });
  console.log(
    `begins_with ${prefixed.toFixed(1)} ms, BETWEEN ${ranged.toFixed(1)} ms: ${(prefixed / ranged).toFixed(1)}x (20,000 items in the partition)`,
  );
} finally {
  await stack.stop();
}
