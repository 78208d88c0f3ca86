import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { TransactItem } from '#shared/kernel/store/child-write.ts';
import { isLostRace } from '#shared/kernel/store/conditional.ts';

/**
 * How every versioned aggregate of the table is written (optimistic concurrency): a record carries
 * its `version`; a command reads it, decides, and writes the next version under the condition
 * that the item is still the one it read (or, for a new record, that there is none yet).
 */

/** The condition of a versioned item's write: new (`previousVersion` undefined) or still at `previousVersion`. */
export function versionCondition(previousVersion: number | undefined): {
  ConditionExpression: string;
  ExpressionAttributeValues?: Record<string, number>;
} {
  return previousVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: 'version = :previous',
        ExpressionAttributeValues: { ':previous': previousVersion },
      };
}

/** A Put of a versioned item for a transaction, under `versionCondition`. */
export function versionedPut(
  table: string,
  item: Record<string, unknown>,
  previousVersion: number | undefined,
): TransactItem {
  return { Put: { TableName: table, Item: item, ...versionCondition(previousVersion) } };
}

/**
 * Writes `items` in one transaction. If another writer changed one of them since it was read (a
 * failed condition, or DynamoDB cancelling for a concurrent transaction), nothing is written and
 * the answer is a StaleWrite saying `stale`, which the caller reads again and retries, or shows.
 */
export async function writeAll(
  db: DynamoDBDocumentClient,
  items: readonly TransactItem[],
  stale: string,
): Promise<void> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: [...items] }));
  } catch (error) {
    if (isLostRace(error)) throw new StaleWrite(stale);
    throw error;
  }
}

/** One versioned item written on its own, under `versionCondition`; a lost race is a StaleWrite saying `stale`. */
export async function putVersioned(
  db: DynamoDBDocumentClient,
  table: string,
  item: Record<string, unknown>,
  previousVersion: number | undefined,
  stale: string,
): Promise<void> {
  try {
    await db.send(new PutCommand({ TableName: table, Item: item, ...versionCondition(previousVersion) }));
  } catch (error) {
    if (isLostRace(error)) throw new StaleWrite(stale);
    throw error;
  }
}
