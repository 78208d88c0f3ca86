import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutObjectLockConfigurationCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketDefinition } from '#shared/kernel/store/bucket-definitions.ts';
import type { KeyDefinition, TableDefinition } from '#shared/kernel/store/table-definitions.ts';

/**
 * Creates the tables that do not exist yet, from the same definitions the CDK stack uses, and
 * adds the indexes a kept table (`npm start`'s data on disk) does not have yet.
 */
export async function createTables(client: DynamoDBClient, tables: TableDefinition[]): Promise<void> {
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  for (const table of tables) {
    if (TableNames.includes(table.id)) {
      await addMissingIndexes(client, table);
      continue;
    }
    const keys: KeyDefinition[] = [
      table.partitionKey,
      ...(table.sortKey ? [table.sortKey] : []),
      ...table.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    const attributes = new Map<string, AttributeDefinition>(
      keys.map((key) => [key.name, { AttributeName: key.name, AttributeType: key.type }]),
    );
    await client.send(
      new CreateTableCommand({
        TableName: table.id,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes.values()],
        KeySchema: [
          { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
          ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' as const }] : []),
        ],
        ...(table.indexes.length > 0
          ? {
              GlobalSecondaryIndexes: table.indexes.map((index) => ({
                IndexName: index.name,
                KeySchema: [
                  { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
                  { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
                ],
                Projection: { ProjectionType: 'ALL' as const },
              })),
            }
          : {}),
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: table.id });
    if (table.timeToLiveAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: table.id,
          TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
        }),
      );
    }
  }
}

async function addMissingIndexes(client: DynamoDBClient, table: TableDefinition): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table.id }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of table.indexes.filter((candidate) => !present.has(candidate.name))) {
    await client.send(
      new UpdateTableCommand({
        TableName: table.id,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((key) => ({
          AttributeName: key.name,
          AttributeType: key.type,
        })),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
                { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );
  }
}

/**
 * The evidence bucket's CORS rule in AWS (infra/stacks/stateful-stack.ts): the staff console PUTs
 * evidence and its parts by presigned URL from the browser and reads each part's ETag.
 */
const BROWSER_UPLOADS = {
  CORSRules: [
    {
      AllowedMethods: ['PUT', 'GET'],
      AllowedOrigins: ['*'],
      AllowedHeaders: ['*'],
      ExposeHeaders: ['ETag', 'x-amz-version-id'],
      MaxAgeSeconds: 3600,
    },
  ],
};

/** Creates a bucket if missing; with Object Lock, versioning comes with it and cannot be suspended. */
export async function createBucket(client: S3Client, name: string, bucket: BucketDefinition): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: name }));
    // A bucket kept from an earlier start gets the browser-upload rule too.
    await client.send(new PutBucketCorsCommand({ Bucket: name, CORSConfiguration: BROWSER_UPLOADS }));
    return;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw error;
  }
  await client.send(
    new CreateBucketCommand({ Bucket: name, ObjectLockEnabledForBucket: bucket.objectLock !== undefined }),
  );
  await client.send(new PutBucketCorsCommand({ Bucket: name, CORSConfiguration: BROWSER_UPLOADS }));
  if (bucket.objectLock) {
    await client.send(
      new PutObjectLockConfigurationCommand({
        Bucket: name,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: {
            DefaultRetention: { Mode: bucket.objectLock.mode, Days: bucket.objectLock.defaultRetentionDays },
          },
        },
      }),
    );
  }
}
