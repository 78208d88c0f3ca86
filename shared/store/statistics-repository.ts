import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Counts, DayCounts } from '#shared/domain/statistics.ts';
import type { TransactItem } from '#shared/store/child-write.ts';
import { queryAll } from '#shared/store/query.ts';

/**
 * Items per day: concurrent commits of one agency on one day spread over this many items, so
 * they rarely meet on the same item (a TransactionConflict, retried), and a year is at most
 * 365 × SHARDS small items to read.
 */
export const STATISTICS_SHARDS = 8;

const statisticsPk = (agencyId: string) => `STATS#${agencyId}`;
const daySk = (day: string, shard: number) => `DAY#${day}#${shard}`;

/** The shard of a case: every change of one case lands on the same items. */
export function shardOf(caseId: string): number {
  let hash = 0;
  for (const char of caseId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % STATISTICS_SHARDS;
}

/**
 * The writes that add a change's counts to its days' counter items: one Update per day (a
 * transaction may touch an item once), `ADD` on flat attribute names, so a counter that does not
 * exist yet starts at 0.
 */
export function counterWrites(
  table: string,
  agencyId: string,
  caseId: string,
  days: readonly DayCounts[],
): TransactItem[] {
  const shard = shardOf(caseId);
  return days.map(({ day, counts }) => {
    const entries = Object.entries(counts);
    return {
      Update: {
        TableName: table,
        Key: { pk: statisticsPk(agencyId), sk: daySk(day, shard) },
        UpdateExpression: `SET entity = :entity, agencyId = :agencyId, #day = :day ADD ${entries
          .map((_, index) => `#c${index} :c${index}`)
          .join(', ')}`,
        ExpressionAttributeNames: {
          '#day': 'day',
          ...Object.fromEntries(entries.map(([name], index) => [`#c${index}`, name])),
        },
        ExpressionAttributeValues: {
          ':entity': 'statistics-day',
          ':agencyId': agencyId,
          ':day': day,
          ...Object.fromEntries(entries.map(([, value], index) => [`:c${index}`, value])),
        },
      },
    };
  });
}

/** The counters of an agency summed over the days from `from` to `to` (inclusive). */
export class StatisticsRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async between(agencyId: string, from: string, to: string): Promise<Counts> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': statisticsPk(agencyId),
        ':from': `DAY#${from}#`,
        ':to': `DAY#${to}#~`,
      },
    });
    const totals: Counts = {};
    for (const item of items)
      for (const [name, value] of Object.entries(item))
        if (name.includes('.') && typeof value === 'number') totals[name] = (totals[name] ?? 0) + value;
    return totals;
  }
}
