import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** Every item a query finds, following `LastEvaluatedKey` page by page. */
export async function queryAll(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await db.send(
      new QueryCommand({ ...input, ExclusiveStartKey: cursor }),
    );
    items.push(...Items);
    cursor = LastEvaluatedKey;
  } while (cursor);
  return items;
}

/** One page of a query from `cursor` (a LastEvaluatedKey), with the cursor of the next page. */
export async function queryPage(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  cursor: Record<string, unknown> | undefined,
  limit: number,
): Promise<{ items: Record<string, unknown>[]; next: Record<string, unknown> | undefined }> {
  const { Items = [], LastEvaluatedKey } = await db.send(
    new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: cursor }),
  );
  return { items: Items, next: LastEvaluatedKey };
}
