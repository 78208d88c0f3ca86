import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DayCounts } from '#shared/kernel/statistics.ts';

/** One write of a DynamoDB transaction. */
export type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

declare const storeWrite: unique symbol;

/**
 * A change to something of a case (an activity, a document, a review, a publication, evidence, a
 * push delivery, a serial number) that rides in the case's transaction (`cases.commit`), with
 * what it adds to the statistics' day counters. Use cases only carry it from the store that made
 * it to `cases.commit`: what it holds belongs to the stores, a DynamoDB `TransactItem` here, a
 * check and an apply in the in-memory stores of the unit tests (`test/fakes/`).
 */
export interface ChildWrite {
  readonly counts?: DayCounts[];
  readonly [storeWrite]: 'child-write';
}

interface DynamoChildWrite {
  readonly counts?: DayCounts[];
  readonly transactItem: TransactItem;
}

/** A DynamoDB store's child write. */
export function dynamoChildWrite(transactItem: TransactItem, counts?: DayCounts[]): ChildWrite {
  const write: DynamoChildWrite = { transactItem, ...(counts ? { counts } : {}) };
  return write as unknown as ChildWrite;
}

/** What the DynamoDB case store puts into its transaction for a child write. */
export function transactItemOf(write: ChildWrite): TransactItem {
  return (write as unknown as DynamoChildWrite).transactItem;
}
